/**
 * Costs for the market analysis: weekly unit costs by placement type from DfE's Section
 * 251 outturn (2015-16 on) and from LA returns, in real terms (ONS CPI), their trend and
 * outlying LAs; the default weekly cost of each placement group, each with its source; the
 * cost of the forecast and of the gap.
 *
 * Unit costs of an area are the member LAs' S251 unit costs weighted by the children they
 * describe (DfE's denominators: children in foster placements for fostering; in secure and
 * children's homes, other residential settings and residential schools for residential
 * care; all children looked after for the total) at 31 March of the financial year's end;
 * where a year has no LA placement breakdown (2020, and homes before 2021) the weight is
 * all children looked after.
 * Real terms: cash x CPI(price year) / CPI(year), CPI the financial-year average of ONS
 * D7BT; prices of the latest year with a unit cost.
 *
 * Default weekly cost by DfE placement group (sources in DEFAULT_COST_SOURCES):
 *  - foster placements: S251 fostering unit cost;
 *  - secure and children's homes, other residential settings, residential schools: S251
 *    residential care unit cost (DfE's residential care days are K1, K2, R1 and S1);
 *  - supported accommodation and other placements: no S251 line exists; the S251 unit cost of
 *    all children looked after is used as a proxy;
 *  - placed with parents, placed for adoption: no placement fee (the child lives with parents
 *    or prospective adopters; social work and adoption allowances are not placement costs),
 *    so 0 a week;
 *  - where an LA return gives a mean weekly cost (weekly_cost_mean) for the group, it wins.
 * A child's annual cost is the weekly cost x 365.25 / 7.
 *
 * Reference: DfE LAIT, "S251/Outturn weekly unit costs" (definitions in
 * data/published/costs/dfe-lait/lait_data_dictionary.csv); ONS CPI D7BT; CMA market study
 * (2022) on children placed in dearer settings for lack of foster carers.
 */
import { sampleQuantile } from "../stats/sample-quantile.ts";
import { PLACEMENT_TYPE, TOTAL } from "../reference/code-lists.ts";
import { lasInYear, type LocalAuthority } from "../reference/las.ts";
import type { MarketData } from "./market-data.ts";
import { areaMembers, type MarketArea } from "./market-area.ts";

export const WEEKS_PER_YEAR = 365.25 / 7;

export type CostCategory = "fostering" | "residential_care" | "total";

const WEIGHTS: Record<CostCategory, string[]> = {
  fostering: ["foster"],
  residential_care: ["secure_and_childrens_homes", "other_residential_group", "residential_schools"],
  total: [TOTAL],
};

/** Which S251 category (or none) prices each DfE placement group, and why. */
export const DEFAULT_COST_SOURCES: Record<string, { category: CostCategory | null; source: string }> = {
  foster: { category: "fostering", source: "DfE S251 outturn: fostering weekly unit cost" },
  secure_and_childrens_homes: { category: "residential_care", source: "DfE S251 outturn: residential care weekly unit cost" },
  other_residential_group: { category: "residential_care", source: "DfE S251 outturn: residential care weekly unit cost (residential care days include R1)" },
  residential_schools: { category: "residential_care", source: "DfE S251 outturn: residential care weekly unit cost (residential care days include S1)" },
  supported_accommodation_group: { category: "total", source: "proxy: DfE S251 outturn weekly unit cost of all children looked after (no supported accommodation line is published)" },
  other_placements: { category: "total", source: "proxy: DfE S251 outturn weekly unit cost of all children looked after" },
  with_parents_group: { category: null, source: "no placement fee: the child lives with parents (social work costs are not placement costs)" },
  placed_for_adoption_group: { category: null, source: "no placement fee: the child lives with prospective adopters (adoption allowances are in the S251 adoption line)" },
};

export interface CpiDeflator {
  priceYear: number;
  /** Multiply a cash figure of `year` by this to get prices of priceYear; null when CPI is missing. */
  factor(year: number): number | null;
}

/**
 * The financial-year CPI deflator to the prices of `priceYear`.
 * @throws never.
 * @example cpiDeflator(data, 2025).factor(2016) // about 1.4
 */
export function cpiDeflator(data: MarketData, priceYear: number): CpiDeflator {
  const base = data.national("cpi_index", priceYear, {}, "Financial year").value;
  return {
    priceYear,
    factor: (year: number) => {
      const v = data.national("cpi_index", year, {}, "Financial year").value;
      return base !== null && v !== null && v > 0 ? base / v : null;
    },
  };
}

/**
 * The weight of an LA's unit cost: the children it describes, or, where DfE gives no LA
 * placement breakdown that year (2020; before 2021 for homes) or a part is suppressed, the
 * parts that are known, then all children looked after (a proxy).
 */
function children(data: MarketData, la: LocalAuthority, year: number, groups: string[]): number | null {
  const get = (g: string) => data.la("cla_31_march", la.oldCode, year, { placement_type: g, age_band: TOTAL }).value;
  let total = 0, known = 0;
  for (const g of groups) {
    const v = get(g);
    if (v === null) continue;
    total += v; known++;
  }
  if (known > 0 && total > 0) return total;
  return get(TOTAL);
}

export interface UnitCostPoint {
  year: number;
  /** Weighted mean over members, cash (GBP a week). */
  cash: number | null;
  real: number | null;
  membersWithFigure: number;
  members: number;
}

/**
 * An area's S251 weekly unit cost in each financial year (ending 31 March).
 * @throws never.
 */
export function scopeUnitCost(data: MarketData, scope: MarketArea, category: CostCategory, years: readonly number[], deflator: CpiDeflator): UnitCostPoint[] {
  return years.map((year) => {
    const members = areaMembers(scope, year);
    let weighted = 0, weight = 0, withFigure = 0;
    let national: number | null = null;
    if (scope.kind === "england") national = data.national("s251_weekly_unit_cost", year, { spend_category: category }, "Financial year").value;
    for (const la of members) {
      const cost = data.la("s251_weekly_unit_cost", la.oldCode, year, { spend_category: category }, "Financial year").value;
      if (cost === null) continue;
      withFigure++;
      const w = children(data, la, year, WEIGHTS[category]);
      if (w === null || !(w > 0)) continue;
      weighted += cost * w; weight += w;
    }
    const cash = national ?? (weight > 0 ? weighted / weight : null);
    const f = deflator.factor(year);
    return { year, cash, real: cash !== null && f !== null ? cash * f : null, membersWithFigure: withFigure, members: members.length };
  });
}

/**
 * Real growth per year (percent) of a series: the slope of log(real) on year, least squares.
 * @throws never. @example realGrowth([{ year: 1, real: 100 }, { year: 2, real: 110 }]) // about 10
 */
export function realGrowth(points: ReadonlyArray<{ year: number; real: number | null }>): number | null {
  const pts = points.filter((p) => p.real !== null && p.real > 0) as Array<{ year: number; real: number }>;
  if (pts.length < 3) return pts.length === 2 ? 100 * (Math.exp(Math.log(pts[1].real / pts[0].real) / (pts[1].year - pts[0].year)) - 1) : null;
  const mx = pts.reduce((a, p) => a + p.year, 0) / pts.length;
  const my = pts.reduce((a, p) => a + Math.log(p.real), 0) / pts.length;
  let sxy = 0, sxx = 0;
  for (const p of pts) { sxy += (p.year - mx) * (Math.log(p.real) - my); sxx += (p.year - mx) ** 2; }
  return 100 * (Math.exp(sxy / sxx) - 1);
}

export interface CostOutlier {
  oldCode: string;
  name: string;
  category: CostCategory;
  year: number;
  cash: number;
  /** Robust z-score against England's LAs that year: (x − median) / (1.4826 x MAD). */
  z: number;
  median: number;
}

/**
 * LAs whose unit cost is far from England's median (|robust z| > limit, default 3).
 * @throws never.
 */
export function costOutliers(data: MarketData, category: CostCategory, year: number, limit = 3): CostOutlier[] {
  const values: Array<{ la: LocalAuthority; cash: number }> = [];
  for (const la of lasInYear(year)) {
    const v = data.la("s251_weekly_unit_cost", la.oldCode, year, { spend_category: category }, "Financial year").value;
    if (v !== null) values.push({ la, cash: v });
  }
  if (values.length < 10) return [];
  const sorted = Float64Array.from(values.map((v) => v.cash)).sort();
  const median = sampleQuantile(sorted, 0.5);
  const mad = sampleQuantile(Float64Array.from(values.map((v) => Math.abs(v.cash - median))).sort(), 0.5) * 1.4826;
  if (!(mad > 0)) return [];
  return values.map((v) => ({ oldCode: v.la.oldCode, name: v.la.name, category, year, cash: v.cash, z: (v.cash - median) / mad, median }))
    .filter((o) => Math.abs(o.z) > limit).sort((a, b) => b.z - a.z);
}

export interface GroupCost {
  placementGroup: string;
  /** GBP a week, prices of priceYear; null when unknown. */
  weekly: number | null;
  source: string;
}

/**
 * The default weekly cost of each DfE placement group for an area (latest S251 year, or an
 * LA return's mean weekly cost where every member gives one).
 * @throws never.
 */
export function defaultGroupCosts(data: MarketData, scope: MarketArea, year: number, deflator: CpiDeflator): GroupCost[] {
  const byCategory = new Map<CostCategory, number | null>();
  const cost = (c: CostCategory) => {
    if (!byCategory.has(c)) byCategory.set(c, scopeUnitCost(data, scope, c, [year], deflator)[0].real);
    return byCategory.get(c) ?? null;
  };
  return PLACEMENT_TYPE.roots.map((root) => {
    const def = DEFAULT_COST_SOURCES[root.code];
    // LA returns: weekly_cost_mean for the group (sector total), weighted by placements costed.
    let weighted = 0, weight = 0, all = true;
    for (const la of areaMembers(scope, year)) {
      const m = data.la("weekly_cost_mean", la.oldCode, year, { placement_type: root.code, sector: TOTAL }).value;
      const n = data.la("placements_costed", la.oldCode, year, { placement_type: root.code, sector: TOTAL }).value;
      if (m === null || n === null) { all = false; break; }
      weighted += m * n; weight += n;
    }
    if (all && weight > 0) return { placementGroup: root.code, weekly: weighted / weight, source: `LA returns: mean weekly cost (weekly_cost_mean) ${year}` };
    if (!def) return { placementGroup: root.code, weekly: null, source: "no source" };
    if (def.category === null) return { placementGroup: root.code, weekly: 0, source: def.source };
    return { placementGroup: root.code, weekly: cost(def.category), source: `${def.source}, ${year - 1}-${String(year).slice(2)}` };
  });
}

/** Annual cost (GBP) of `children` at a weekly cost. @example annualCost(1, 700) // 36525 */
export function annualCost(childrenCount: number, weekly: number): number {
  return childrenCount * weekly * WEEKS_PER_YEAR;
}
