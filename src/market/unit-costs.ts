/**
 * Weekly unit costs by placement group, and projected spend by quarter with intervals.
 *
 * Two sources:
 * - a CSV the user supplies (weekly cost by template placement type and optionally
 *   provider); a group's cost is the average over its placement types and providers
 *   weighted by the children in each at the projection start;
 * - by default, an ESTIMATE derived from published data: MHCLG RO3 2024-25 gross spend
 *   (total expenditure, C3) divided by DfE children looked after at 31 March 2025 and by
 *   52.18 weeks: residential care spend over children in secure and children's homes,
 *   other residential settings and residential schools; fostering spend over children in
 *   foster placements; for supported accommodation and other placements, which have no
 *   spend line of their own, a proxy: all children-looked-after spend except UASC over all
 *   children looked after; children placed with parents or for adoption have no placement
 *   fee (the child lives with parents or prospective adopters; social work and adoption
 *   allowances are not placement costs), so 0 a week. UASC spend (largely Home Office
 *   funded, and spread across placement types) is not allocated. Prices are those of
 *   2024-25 (mid-point 1 October 2024). Each group's source is in `groupBasis`.
 * Spend = weekly cost x children (the stock at each month end) x weeks in the month x
 * (1 + inflation) ^ years since the price date, summed by calendar quarter.
 *
 * Reference: MHCLG Revenue Outturn RO3 guidance (children looked after lines); DfE
 * "Children looked after in England including adoptions" 2025; PSSRU "Unit Costs of Health
 * and Social Care" for the weekly-cost convention.
 */
import { DAYS_PER_MONTH } from "../forecast/stock-flow/calendar.ts";
import type { LinearOutputs, StockFlowProjection } from "../forecast/stock-flow/project-stock-flow.ts";
import type { StateSpace } from "../forecast/stock-flow/state-space.ts";
import type { UnitCostSource } from "../ingest/load-unit-costs.ts";
import { PLACEMENT_TYPE } from "../reference/code-lists.ts";
import { findCode, leafCodes, rootOf } from "../reference/code-tree.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { dayToIso, isoToDay } from "../spec/ssda903.ts";

export interface UnitCostTable {
  /** Placement groups of the state space. */
  groups: string[];
  /** Weekly cost (GBP, at priceDay prices) by group; NaN when unknown. */
  weeklyCost: number[];
  /** Where each group's cost comes from, in words (same order as groups). */
  groupBasis: string[];
  /** True when derived from published spend (an estimate), false when supplied by the user. */
  estimate: boolean;
  basis: string;
  /** The day the prices refer to. */
  priceDay: number;
  diagnostics: Diagnostic[];
}

const WEEKS_PER_YEAR = 365.25 / 7;
const RESIDENTIAL = new Set(["secure_and_childrens_homes", "other_residential_group", "residential_schools"]);
const NO_PLACEMENT_FEE = new Set(["with_parents_group", "placed_for_adoption_group"]);

function publishedGroupCost(source: Extract<UnitCostSource, { kind: "published" }>): Map<string, { cost: number; basis: string }> {
  const { spendThousands, children, spendYear, childrenYear } = source.inputs;
  const sum = (filter: (group: string) => boolean) => Object.entries(children).filter(([g]) => filter(g)).reduce((a, [, v]) => a + v, 0);
  const residential = sum((g) => RESIDENTIAL.has(g));
  const foster = sum((g) => g === "foster");
  const all = sum(() => true);
  const perWeek = (thousands: number, count: number) => (count > 0 ? (thousands * 1000) / count / WEEKS_PER_YEAR : NaN);
  const out = new Map<string, { cost: number; basis: string }>();
  for (const root of PLACEMENT_TYPE.roots.map((r) => r.code)) {
    if (RESIDENTIAL.has(root)) out.set(root, { cost: perWeek(spendThousands.residential, residential), basis: `RO3 ${spendYear} residential care spend / children in residential settings at 31 March ${childrenYear}` });
    else if (root === "foster") out.set(root, { cost: perWeek(spendThousands.fostering, foster), basis: `RO3 ${spendYear} fostering spend / children in foster placements at 31 March ${childrenYear}` });
    else if (NO_PLACEMENT_FEE.has(root)) out.set(root, { cost: 0, basis: "no placement fee: the child lives with parents or prospective adopters (social work and adoption allowances are not placement costs)" });
    else out.set(root, { cost: perWeek(spendThousands.total - spendThousands.uasc, all), basis: `proxy: RO3 ${spendYear} children-looked-after spend except UASC / all children looked after at 31 March ${childrenYear} (no spend line of its own)` });
  }
  return out;
}

/**
 * Weekly unit cost by placement group of the state space.
 * `mix` counts children by "placementType|provider" at the projection start (weights).
 * @throws nothing: a group without a cost is NaN with a W_COST_GROUP_MISSING diagnostic.
 * @example unitCosts(loadUnitCosts({ publishedDir: "data/published" }), stateSpace()).weeklyCost[0] // about 756 (foster, GBP a week)
 */
export function unitCosts(source: UnitCostSource, space: StateSpace, options: { mix?: Map<string, number>; priceDay?: number } = {}): UnitCostTable {
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const mix = options.mix ?? new Map<string, number>();
  const leaves = leafCodes(PLACEMENT_TYPE);
  // Cost of a (fine type, provider), most specific row first.
  let costOf: (type: string, provider: string | null) => number;
  let basisOf: (group: string) => string;
  let basis: string;
  let priceDay: number;
  if (source.kind === "published") {
    const byRoot = publishedGroupCost(source);
    costOf = (type) => byRoot.get(rootOf(PLACEMENT_TYPE, type))?.cost ?? NaN;
    basisOf = (group) => byRoot.get(group)?.basis ?? "no source";
    basis = `estimate from MHCLG RO3 ${source.inputs.spendYear} gross spend on children looked after (residential care, fostering; other groups by the all-children proxy or no placement fee; UASC not allocated) divided by DfE children looked after at 31 March ${source.inputs.childrenYear} by placement group and by 52.18 weeks, for ${source.inputs.las.join(", ")}`;
    priceDay = isoToDay("2024-10-01");
    diagnostics.push(diagnostic("I_COST_DEFAULT", { basis }));
  } else {
    const rows = source.rows;
    const lookup = (code: string, provider: string | null) => rows.find((r) => r.placementType === code && r.provider === provider)?.weeklyCost;
    costOf = (type, provider) => {
      const root = rootOf(PLACEMENT_TYPE, type);
      return (provider ? lookup(type, provider) : undefined) ?? lookup(type, null) ??
        (provider ? lookup(root, provider) : undefined) ?? lookup(root, null) ?? NaN;
    };
    basis = `user-supplied unit costs (${source.file})`;
    basisOf = () => `user-supplied (${source.file})`;
    priceDay = options.priceDay ?? NaN;
  }
  const weeklyCost = space.placementGroups.map((group, g) => {
    let weighted = 0, weight = 0;
    for (const [key, count] of mix) {
      const [type, provider] = key.split("|");
      if (space.groupOfType.get(type) !== g || !findCode(PLACEMENT_TYPE, type)) continue;
      const cost = costOf(type, provider || null);
      if (Number.isFinite(cost)) { weighted += cost * count; weight += count; }
    }
    if (weight > 0) return weighted / weight;
    // No children in the group at the start: the plain average over its placement types.
    const costs = leaves.filter((type) => space.groupOfType.get(type) === g).map((type) => costOf(type, null)).filter(Number.isFinite);
    if (costs.length > 0) return costs.reduce((a, b) => a + b, 0) / costs.length;
    diagnostics.push(diagnostic("W_COST_GROUP_MISSING", { group }));
    return NaN;
  });
  return { groups: space.placementGroups, weeklyCost, groupBasis: space.placementGroups.map((g, i) => (Number.isFinite(weeklyCost[i]) ? basisOf(g) : "no cost")), estimate: source.kind === "published", basis, priceDay, diagnostics };
}

function quarterLabel(day: number): string {
  const iso = dayToIso(day);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Spend outputs for the projection: weights (weekly cost x weeks in the month x inflation)
 * per state and step, by placement group with a known cost and in total, summed by calendar
 * quarter. Inflation compounds annually from the price date (or from the projection start
 * when the price date is unknown).
 * @throws Error when inflation is below -100%.
 * @example spendOutputs(table, space, { inflation: 0.03 })(dates).names.at(-1) // "total"
 */
export function spendOutputs(table: UnitCostTable, space: StateSpace, options: { inflation: number }): (dates: number[]) => LinearOutputs {
  if (!(options.inflation > -1)) throw new Error("spendOutputs: inflation must be above -1 (-100%)");
  return (dates) => {
    const steps = dates.length - 1;
    const size = space.size;
    const groups = space.placementGroups.length;
    const priceDay = Number.isFinite(table.priceDay) ? table.priceDay : dates[0];
    const known = table.weeklyCost.map((c) => Number.isFinite(c));
    const names = [...space.placementGroups.filter((_, g) => known[g]), "total"];
    const weights = names.map(() => new Float64Array(steps * size));
    const labels: string[] = [];
    const period = new Int32Array(steps);
    for (let t = 0; t < steps; t++) {
      const mid = (dates[t] + dates[t + 1]) / 2;
      const label = quarterLabel(Math.floor(mid));
      if (labels.length === 0 || labels[labels.length - 1] !== label) labels.push(label);
      period[t] = labels.length - 1;
      const factor = (DAYS_PER_MONTH / 7) * Math.pow(1 + options.inflation, (mid - priceDay) / 365.25);
      for (let state = 0; state < space.live; state++) {
        const g = state % groups;
        if (!known[g]) continue;
        const w = table.weeklyCost[g] * factor;
        weights[names.indexOf(space.placementGroups[g])][t * size + state] = w;
        weights[names.length - 1][t * size + state] = w;
      }
    }
    return { names, weights, period, periodLabels: labels };
  };
}

/**
 * Tidy rows of projected spend: quarter, scenario, placement group (or total), mean and
 * interval bounds (GBP), months of the quarter inside the projection.
 * @throws never. @example costRows(projection, table)[0].quarter // "2021-Q2"
 */
export function costRows(projection: StockFlowProjection, table: UnitCostTable): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  const months = new Map<string, number>();
  for (let t = 0; t + 1 < projection.dates.length; t++) {
    const label = quarterLabel(Math.floor((projection.dates[t] + projection.dates[t + 1]) / 2));
    months.set(label, (months.get(label) ?? 0) + 1);
  }
  for (const run of projection.runs) {
    for (const output of run.outputs ?? []) {
      projection.periodLabels.forEach((quarter, p) => {
        const row: Record<string, string | number> = {
          quarter, scenario: run.scenario, placement_group: output.name, months: months.get(quarter) ?? 0,
          mean: Math.round(output.mean[p]),
        };
        for (const level of projection.levels) {
          row[`lo${level}`] = Math.round(output.lower[level][p]);
          row[`hi${level}`] = Math.round(output.upper[level][p]);
        }
        row.basis = table.estimate ? "estimate" : "user";
        rows.push(row);
      });
    }
  }
  return rows;
}
