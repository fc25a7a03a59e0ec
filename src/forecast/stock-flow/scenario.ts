/**
 * Scenarios for the stock-flow projection: a small JSON file that multiplies or adds to any
 * rate or entry stream from a date, optionally moving what it removes to another placement
 * group. Examples:
 *
 *   {"name": "More fostering",
 *    "changes": [
 *      {"from": "2026-04-01", "target": "entries", "placement": "secure_and_childrens_homes", "multiply": 0.9, "moveTo": "foster"},
 *      {"target": "entries", "placement": "foster", "add": 100, "per": "year"},
 *      {"target": "entries", "uasc": true, "multiply": 1.5},
 *      {"target": "exits", "placement": "foster", "ageBand": "16_plus", "multiply": 1.2},
 *      {"target": "transitions", "placement": "foster", "toPlacement": "secure_and_childrens_homes", "multiply": 0.5, "moveTo": "foster"}]}
 *
 * Targets: `entries` (entry stream; filter by placement, ageBand, uasc), `exits` (exit
 * rate from a state), `transitions` (rate of moves between placement groups),
 * `ageing` (rate of moving up an age band; rarely useful, for completeness).
 * `multiply` scales the stream; `add` adds children per `per` (entries) or a rate per
 * child per `per` (rates); `moveTo` sends what `multiply` removes to another placement
 * group (same age band). Changes apply from `from` (default: the projection start) until
 * `until` (default: the end), in file order.
 *
 * Reference: scenario practice of regional demand models (ADCS/LGA sufficiency planning);
 * validation with zod, errors located by JSON path.
 */
import { z } from "zod";
import { PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import { normaliseCode, rootOf } from "../../reference/code-tree.ts";
import { SuffError } from "../../spec/errors.ts";
import { isoToDay } from "../../spec/ssda903.ts";
import type { StateSpace } from "./state-space.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

const changeSchema = z.object({
  target: z.enum(["entries", "exits", "transitions", "ageing"]),
  from: isoDate.optional(),
  until: isoDate.optional(),
  placement: z.string().min(1).optional(),
  toPlacement: z.string().min(1).optional(),
  ageBand: z.string().min(1).optional(),
  uasc: z.boolean().optional(),
  multiply: z.number().nonnegative().optional(),
  add: z.number().optional(),
  per: z.enum(["year", "month"]).optional(),
  moveTo: z.string().min(1).optional(),
}).strict();

const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  changes: z.array(changeSchema).min(1),
}).strict();

export interface ScenarioChange {
  target: "entries" | "exits" | "transitions" | "ageing";
  /** First day the change applies (days since 1970-01-01), or -Infinity. */
  from: number;
  /** First day it no longer applies, or Infinity. */
  until: number;
  /** Group index or -1 for all. */
  placement: number;
  toPlacement: number;
  ageBand: number;
  /** UASC filter for entries: true, false, or null for all. */
  uasc: boolean | null;
  multiply: number;
  /** Added per day (children per day for entries; per child per day for rates). */
  addPerDay: number;
  moveTo: number;
}

export interface Scenario {
  name: string;
  description?: string;
  changes: ScenarioChange[];
}

function groupIndex(space: StateSpace, raw: string): number {
  const direct = space.placementGroups.indexOf(raw);
  if (direct >= 0) return direct;
  const code = normaliseCode(PLACEMENT_TYPE, raw);
  if (code && code.code !== "total") {
    const byType = space.groupOfType.get(code.code);
    if (byType !== undefined) return byType;
    const group = space.placementGroups.indexOf(rootOf(PLACEMENT_TYPE, code.code));
    if (group >= 0) return group;
  }
  return -1;
}

/**
 * Read and validate a scenario JSON text against the state space.
 * @throws SuffError E_SCENARIO_INVALID listing every problem with its JSON path
 *   (e.g. "changes[0].multiply: expected number"), or E_SCENARIO_JSON when the text is not JSON.
 * @example scenario('{"name":"x","changes":[{"target":"entries","multiply":0}]}', stateSpace()).changes[0].multiply // 0
 */
export function scenario(text: string, space: StateSpace, file = "scenario"): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SuffError("E_SCENARIO_JSON", `${file} is not valid JSON: ${(error as Error).message}`, { hint: "Check commas and quotes; see the scenario example in the README." });
  }
  const parsed = scenarioSchema.safeParse(data);
  const problems: string[] = [];
  const where = (path: PropertyKey[]) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("") || "(top level)";
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${where(issue.path)}: ${issue.message}`);
    throw new SuffError("E_SCENARIO_INVALID", `${file} is not a valid scenario:\n  ${problems.join("\n  ")}`, { hint: "A scenario is {\"name\": ..., \"changes\": [{\"target\": \"entries\"|\"exits\"|\"transitions\"|\"ageing\", \"multiply\" or \"add\", ...}]}." });
  }
  const changes: ScenarioChange[] = [];
  parsed.data.changes.forEach((raw, index) => {
    const at = `changes[${index}]`;
    const resolveGroup = (value: string | undefined, key: string): number => {
      if (value === undefined) return -1;
      const g = groupIndex(space, value);
      if (g < 0) problems.push(`${at}.${key}: unknown placement group '${value}' (expected one of ${space.placementGroups.join(", ")})`);
      return g;
    };
    const placement = resolveGroup(raw.placement, "placement");
    const toPlacement = resolveGroup(raw.toPlacement, "toPlacement");
    const moveTo = resolveGroup(raw.moveTo, "moveTo");
    let ageBand = -1;
    if (raw.ageBand !== undefined) {
      ageBand = space.ageBands.indexOf(raw.ageBand);
      if (ageBand < 0) problems.push(`${at}.ageBand: unknown age band '${raw.ageBand}' (expected one of ${space.ageBands.join(", ")})`);
    }
    if (raw.multiply === undefined && raw.add === undefined) problems.push(`${at}: give "multiply" or "add" (or both)`);
    if (raw.moveTo !== undefined && !(raw.target === "entries" || raw.target === "transitions")) problems.push(`${at}.moveTo: only entries and transitions can be moved to another placement group`);
    if (raw.moveTo !== undefined && raw.multiply === undefined) problems.push(`${at}.moveTo: needs "multiply" (the share kept; the rest moves)`);
    if (raw.moveTo !== undefined && raw.multiply !== undefined && raw.multiply > 1) problems.push(`${at}.moveTo: "multiply" must be at most 1 when moving the rest elsewhere`);
    if (raw.uasc !== undefined && raw.target !== "entries") problems.push(`${at}.uasc: the UASC filter applies to entries only`);
    if (raw.toPlacement !== undefined && raw.target !== "transitions") problems.push(`${at}.toPlacement: only for target "transitions"`);
    if (raw.per !== undefined && raw.add === undefined) problems.push(`${at}.per: only used with "add"`);
    const from = raw.from ? isoToDay(raw.from) : -Infinity;
    const until = raw.until ? isoToDay(raw.until) : Infinity;
    if (raw.from && Number.isNaN(from)) problems.push(`${at}.from: not a valid date`);
    if (raw.until && Number.isNaN(until)) problems.push(`${at}.until: not a valid date`);
    if (until <= from) problems.push(`${at}.until: must be after "from"`);
    const perDays = raw.per === "month" ? 365.25 / 12 : 365.25;
    changes.push({
      target: raw.target, from, until, placement, toPlacement, ageBand,
      uasc: raw.uasc ?? null, multiply: raw.multiply ?? 1, addPerDay: (raw.add ?? 0) / perDays, moveTo,
    });
  });
  if (problems.length > 0) {
    throw new SuffError("E_SCENARIO_INVALID", `${file} is not a valid scenario:\n  ${problems.join("\n  ")}`);
  }
  return { name: parsed.data.name, description: parsed.data.description, changes };
}

/**
 * The changes active on a day (from <= day < until), in file order.
 * @throws never.
 * @example activeChanges(scenario('{"name":"x","changes":[{"target":"entries","multiply":0,"from":"2026-04-01"}]}', stateSpace()).changes, isoToDay("2026-03-31")).length // 0
 */
export function activeChanges(changes: readonly ScenarioChange[], day: number): ScenarioChange[] {
  return changes.filter((c) => c.from <= day && day < c.until);
}

/**
 * Apply rate changes (exits, transitions, ageing) to a hazard matrix (per day, size x size;
 * the last state is "not looked after"). Returns a new matrix.
 * @throws never. @example applyRateChanges(rates, [], space) // a copy of rates
 */
export function applyRateChanges(rates: Float64Array, changes: readonly ScenarioChange[], space: StateSpace): Float64Array {
  const out = Float64Array.from(rates);
  const size = space.size;
  const groups = space.placementGroups.length;
  for (const change of changes) {
    if (change.target === "entries") continue;
    const moved = new Float64Array(out.length);
    for (let from = 0; from < space.live; from++) {
      const band = space.bandOf(from), group = space.groupOf(from);
      if (change.placement >= 0 && group !== change.placement) continue;
      if (change.ageBand >= 0 && band !== change.ageBand) continue;
      if (change.target === "exits") {
        const k = from * size + space.live;
        out[k] = Math.max(0, out[k] * change.multiply + change.addPerDay);
        continue;
      }
      for (let to = 0; to < space.live; to++) {
        if (to === from) continue;
        const toBand = space.bandOf(to), toGroup = space.groupOf(to);
        const isAgeing = toGroup === group && toBand !== band;
        if (change.target === "ageing" ? !isAgeing : isAgeing || toGroup === group) continue;
        if (change.toPlacement >= 0 && toGroup !== change.toPlacement) continue;
        const k = from * size + to;
        const before = out[k];
        out[k] = Math.max(0, before * change.multiply + change.addPerDay);
        if (change.moveTo >= 0 && change.moveTo !== toGroup && change.moveTo !== group) {
          const target = from * size + toBand * groups + change.moveTo;
          moved[target] += before * (1 - change.multiply);
        }
      }
    }
    for (let k = 0; k < out.length; k++) out[k] += moved[k];
  }
  return out;
}

/**
 * Apply entry changes to expected entries for one step, by live state and UASC flag
 * (live * 2, index state * 2 + uasc). `stepDays` converts "add" per day to the step.
 * Returns a new array.
 * @throws never. @example applyEntryChanges(cells, [], space, 30.4) // a copy of cells
 */
export function applyEntryChanges(cells: Float64Array, changes: readonly ScenarioChange[], space: StateSpace, stepDays: number): Float64Array {
  const out = Float64Array.from(cells);
  const groups = space.placementGroups.length;
  for (const change of changes) {
    if (change.target !== "entries") continue;
    const matched: number[] = [];
    for (let state = 0; state < space.live; state++) {
      if (change.placement >= 0 && space.groupOf(state) !== change.placement) continue;
      if (change.ageBand >= 0 && space.bandOf(state) !== change.ageBand) continue;
      for (let flag = 0; flag < 2; flag++) {
        if (change.uasc !== null && (flag === 1) !== change.uasc) continue;
        matched.push(state * 2 + flag);
      }
    }
    if (matched.length === 0) continue;
    const moved = new Float64Array(out.length);
    let base = 0;
    for (const cell of matched) base += out[cell];
    const added = change.addPerDay * stepDays;
    for (const cell of matched) {
      const before = out[cell];
      const share = base > 0 ? before / base : 1 / matched.length;
      out[cell] = Math.max(0, before * change.multiply + added * share);
      if (change.moveTo >= 0) {
        const state = cell >> 1;
        const target = (space.bandOf(state) * groups + change.moveTo) * 2 + (cell & 1);
        if (target !== cell) moved[target] += before * (1 - change.multiply);
        else out[cell] += before * (1 - change.multiply);
      }
    }
    for (let k = 0; k < out.length; k++) out[k] += moved[k];
  }
  return out;
}
