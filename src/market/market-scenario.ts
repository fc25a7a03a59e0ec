/**
 * Market scenarios: one JSON file drives demand, supply, the gap, costs and foster carers
 * together. The format is the stock-flow scenario's (src/forecast/stock-flow/scenario.ts):
 * `{"name", "description", "changes": [...]}`, each change with a `target`, `from`/`until`
 * dates (YYYY-MM-DD; a change counts in the years whose 31 March falls in [from, until)),
 * `multiply`, `add`, `per` and `moveTo`, with three targets the market adds:
 *
 *   {"target": "demand", "placement": "secure_and_childrens_homes", "multiply": 0.9, "moveTo": "foster"}
 *       shift 10% of children's home demand to fostering;
 *   {"target": "demand", "placement": "supported_accommodation_group", "add": 150, "per": "year", "uasc": true}
 *       UASC arrivals: 150 more children each year (cumulative with "per": "year", a one-off level shift without);
 *   {"target": "supply", "provision": "childrens_home", "add": 24, "from": "2027-03-31"}
 *       new beds opening (places) from that year;
 *   {"target": "supply", "owner": "Example Care Ltd", "exit": true, "from": "2026-04-01"}
 *       a provider group leaving: all its places in the area are lost;
 *   {"target": "carers", "add": 40, "per": "year"}
 *       extra in-house fostering households recruited each year.
 *
 * `scope` (a scope code, e.g. "GMCA", "E12000002", "352") limits a change to one area;
 * without it, a change applies to every area of the run (so absolute additions should name
 * their scope when several nested areas are analysed). The stock-flow targets (entries,
 * exits, transitions, ageing) need an SSDA903 extract and are refused here with a pointer to
 * `suff project`.
 *
 * Reference: scenario practice of regional demand models (ADCS/LGA sufficiency planning);
 * zod validation, errors located by JSON path (as the stock-flow scenarios).
 */
import { z } from "zod";
import { PLACEMENT_TYPE, PROVISION_TYPE } from "../reference/code-lists.ts";
import { findCode, normaliseCode } from "../reference/code-tree.ts";
import { SuffError } from "../spec/errors.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

const changeSchema = z.object({
  target: z.string(),
  from: isoDate.optional(),
  until: isoDate.optional(),
  scope: z.string().min(1).optional(),
  placement: z.string().min(1).optional(),
  provision: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
  exit: z.boolean().optional(),
  uasc: z.boolean().optional(),
  multiply: z.number().nonnegative().optional(),
  add: z.number().optional(),
  per: z.enum(["year"]).optional(),
  moveTo: z.string().min(1).optional(),
  label: z.string().optional(),
}).strict();

const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  changes: z.array(changeSchema).min(1),
}).strict();

export interface MarketChange {
  target: "demand" | "supply" | "carers";
  /** First year (ending 31 March) the change counts in. */
  fromYear: number;
  /** First year it no longer counts in (Infinity when open). */
  untilYear: number;
  scope: string | null;
  /** DfE placement group (demand). */
  placement: string | null;
  /** Ofsted provision type (supply additions). */
  provision: string | null;
  /** Owner leaving (supply). */
  owner: string | null;
  multiply: number;
  add: number;
  cumulative: boolean;
  moveTo: string | null;
  uasc: boolean;
  label: string;
}

export interface MarketScenario {
  name: string;
  description?: string;
  changes: MarketChange[];
}

/** The year (ending 31 March) of the first 31 March on or after a date. */
function yearOnOrAfter(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return m < 3 || (m === 3 && d <= 31) ? y : y + 1;
}

function group(raw: string): string | null {
  const code = normaliseCode(PLACEMENT_TYPE, raw);
  if (!code || code.code === "total") return null;
  return PLACEMENT_TYPE.roots.some((r) => r.code === code.code) ? code.code : PLACEMENT_TYPE.roots.find((r) => r.children?.some((c) => c.code === code.code))?.code ?? null;
}

/**
 * Read and validate a market scenario.
 * @throws SuffError E_SCENARIO_JSON (not JSON) or E_SCENARIO_INVALID (every problem with its JSON path).
 * @example marketScenario('{"name":"x","changes":[{"target":"carers","add":10,"per":"year"}]}').changes[0].add // 10
 */
export function marketScenario(text: string, file = "scenario"): MarketScenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SuffError("E_SCENARIO_JSON", `${file} is not valid JSON: ${(error as Error).message}`, { hint: "Check commas and quotes; see docs/market.md for scenario examples." });
  }
  const parsed = scenarioSchema.safeParse(data);
  const where = (path: PropertyKey[]) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("") || "(top level)";
  if (!parsed.success) {
    throw new SuffError("E_SCENARIO_INVALID", `${file} is not a valid scenario:\n  ${parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`).join("\n  ")}`, { hint: "A market scenario is {\"name\": ..., \"changes\": [{\"target\": \"demand\"|\"supply\"|\"carers\", ...}]} (docs/market.md)." });
  }
  const problems: string[] = [];
  const changes: MarketChange[] = [];
  parsed.data.changes.forEach((raw, index) => {
    const at = `changes[${index}]`;
    if (["entries", "exits", "transitions", "ageing"].includes(raw.target)) {
      problems.push(`${at}.target: "${raw.target}" changes the stock-flow model, which needs an SSDA903 extract: use it with suff project --scenario`);
      return;
    }
    if (!["demand", "supply", "carers"].includes(raw.target)) { problems.push(`${at}.target: expected "demand", "supply" or "carers"`); return; }
    const target = raw.target as MarketChange["target"];
    const fromYear = raw.from ? yearOnOrAfter(raw.from) : -Infinity;
    const untilYear = raw.until ? yearOnOrAfter(raw.until) : Infinity;
    if (untilYear <= fromYear) problems.push(`${at}.until: must be after "from"`);
    let placement: string | null = null, moveTo: string | null = null, provision: string | null = null;
    if (target === "demand") {
      if (!raw.placement) problems.push(`${at}.placement: a demand change needs a placement group (e.g. "foster", "secure_and_childrens_homes")`);
      else if (!(placement = group(raw.placement))) problems.push(`${at}.placement: unknown placement type '${raw.placement}' (expected one of ${PLACEMENT_TYPE.roots.map((r) => r.code).join(", ")})`);
      if (raw.moveTo !== undefined && !(moveTo = group(raw.moveTo))) problems.push(`${at}.moveTo: unknown placement type '${raw.moveTo}'`);
      if (raw.moveTo !== undefined && raw.multiply === undefined) problems.push(`${at}.moveTo: needs "multiply" (the share kept; the rest moves)`);
      if (raw.moveTo !== undefined && (raw.multiply ?? 1) > 1) problems.push(`${at}.moveTo: "multiply" must be at most 1 when moving the rest elsewhere`);
      if (raw.multiply === undefined && raw.add === undefined) problems.push(`${at}: give "multiply" or "add" (or both)`);
    }
    if (target === "supply") {
      if (raw.owner !== undefined) {
        if (raw.exit !== true) problems.push(`${at}.exit: an owner change means the owner leaves: give "exit": true`);
      } else {
        if (!raw.provision) problems.push(`${at}.provision: a supply change needs an Ofsted provision type (e.g. "childrens_home") or an owner`);
        else if (!(provision = normaliseCode(PROVISION_TYPE, raw.provision)?.code ?? null)) problems.push(`${at}.provision: unknown provision type '${raw.provision}' (expected one of ${PROVISION_TYPE.roots.map((r) => r.code).join(", ")})`);
        if (raw.add === undefined) problems.push(`${at}.add: places to add (new beds)`);
      }
    }
    if (target === "carers" && raw.add === undefined) problems.push(`${at}.add: households recruited (with "per": "year" for each year)`);
    for (const key of ["placement", "moveTo", "uasc"] as const) if (raw[key] !== undefined && target !== "demand") problems.push(`${at}.${key}: only for target "demand"`);
    for (const key of ["provision", "owner", "exit"] as const) if (raw[key] !== undefined && target !== "supply") problems.push(`${at}.${key}: only for target "supply"`);
    if (raw.per !== undefined && raw.add === undefined) problems.push(`${at}.per: only used with "add"`);
    const label = raw.label ?? (target === "demand"
      ? `${raw.uasc ? "UASC: " : ""}${findCode(PLACEMENT_TYPE, placement ?? "")?.label ?? raw.placement}${raw.multiply !== undefined ? ` x${raw.multiply}` : ""}${raw.add !== undefined ? ` ${raw.add >= 0 ? "+" : ""}${raw.add}${raw.per ? " a year" : ""}` : ""}${moveTo ? ` (rest to ${findCode(PLACEMENT_TYPE, moveTo)?.label ?? moveTo})` : ""}`
      : target === "supply" ? (raw.owner ? `${raw.owner} leaves` : `${raw.add} new ${findCode(PROVISION_TYPE, provision ?? "")?.label ?? raw.provision} places`)
        : `${raw.add} more in-house fostering households${raw.per ? " a year" : ""}`);
    changes.push({
      target, fromYear, untilYear, scope: raw.scope ?? null, placement, provision, owner: raw.owner ?? null,
      multiply: raw.multiply ?? 1, add: raw.add ?? 0, cumulative: raw.per === "year", moveTo, uasc: raw.uasc ?? false, label,
    });
  });
  if (problems.length) throw new SuffError("E_SCENARIO_INVALID", `${file} is not a valid scenario:\n  ${problems.join("\n  ")}`);
  return { name: parsed.data.name, description: parsed.data.description, changes };
}

/** Whether a change counts for a scope in a year. */
export function changeApplies(change: MarketChange, scopeCode: string, year: number): boolean {
  return year >= change.fromYear && year < change.untilYear && (change.scope === null || change.scope === scopeCode);
}

/**
 * The amount a change adds in a year: `add`, times the years it has counted so far when cumulative.
 * @example amountIn({ ...change, add: 10, cumulative: true, fromYear: 2026 }, 2028, 2026) // 30
 */
export function amountIn(change: MarketChange, year: number, firstForecastYear: number): number {
  if (!change.cumulative) return change.add;
  const start = Math.max(change.fromYear, firstForecastYear);
  return change.add * Math.max(0, year - start + 1);
}

export interface DemandDistribution {
  mean: number;
  quantile(p: number): number;
}

/**
 * Apply a scenario's demand changes to one scope-year's demand by placement group. A group
 * that loses children (multiply < 1 with moveTo) passes them to the target group draw for
 * draw (the same quantile), so the total is preserved.
 * @throws never.
 */
export function applyDemandChanges(base: ReadonlyMap<string, DemandDistribution>, changes: readonly MarketChange[], scopeCode: string, year: number, firstForecastYear: number): Map<string, DemandDistribution> {
  let current = new Map(base);
  for (const change of changes) {
    if (change.target !== "demand" || !changeApplies(change, scopeCode, year) || !change.placement) continue;
    const from = current.get(change.placement);
    if (!from) continue;
    const next = new Map(current);
    const m = change.multiply, add = amountIn(change, year, firstForecastYear);
    next.set(change.placement, { mean: Math.max(0, from.mean * m + add), quantile: (p) => Math.max(0, from.quantile(p) * m + add) });
    if (change.moveTo && change.moveTo !== change.placement) {
      const to = current.get(change.moveTo) ?? { mean: 0, quantile: () => 0 };
      next.set(change.moveTo, { mean: to.mean + from.mean * (1 - m), quantile: (p) => to.quantile(p) + from.quantile(p) * (1 - m) });
    }
    current = next;
  }
  return current;
}
