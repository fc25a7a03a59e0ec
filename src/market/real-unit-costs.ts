/**
 * S251 weekly unit costs of an area by financial year, in cash and in real terms (prices of
 * a chosen base year, deflated by the CPI carried in the dataset as measure cpi_index).
 *
 * England and regions use DfE's own published figures when the dataset has them. For an LA
 * the LA's figure is used. For a footprint, DfE publishes nothing, so the members' unit
 * costs are averaged with weights that stand for their denominators: children in foster
 * placements at 31 March (fostering), children in secure and children's homes, other
 * residential settings and residential schools at 31 March (residential care; DfE divides
 * by residential care days, which are not published), all children looked after (total).
 * That average is labelled an estimate.
 *
 * Reference: DfE, S251 outturn weekly unit costs (LAIT measures 296, 297 and LACFinance):
 * spend / children (or care days) / 365 x 7, rounded to GBP 5; ONS CPI (D7BT).
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { rowYear, scopeMembers, type MarketScope } from "./market-scope.ts";

export interface RealUnitCostRow {
  /** Financial year ending 31 March. */
  year: number;
  /** spend_category: "total" (all children looked after), "residential_care", "fostering". */
  category: string;
  /** GBP a week at the year's prices. */
  nominal: number;
  /** GBP a week at base-year prices, or null when the CPI of either year is missing. */
  real: number | null;
  baseYear: number;
  /** "published" (DfE's figure for the area) or "estimate" (weighted mean over members). */
  basis: "published" | "estimate";
  members: number;
  membersWithData: number;
}

const WEIGHTS: Record<string, string[]> = {
  fostering: ["foster"],
  residential_care: ["secure_and_childrens_homes", "other_residential_group", "residential_schools"],
  [TOTAL]: [TOTAL],
};

/**
 * The CPI level of each financial year (cpi_index, time_identifier "Financial year").
 * @throws never
 * @example cpiByFinancialYear(rows).get(2025) // about 134.8
 */
export function cpiByFinancialYear(rows: readonly DatasetRow[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) if (r.measure === "cpi_index" && r.time_identifier === "Financial year" && r.value !== null) out.set(rowYear(r.time_period), r.value);
  return out;
}

/**
 * Unit costs of a scope in cash and real terms.
 * @throws Error for an unknown LA in a footprint or LA list.
 * @example realUnitCosts(rows, { kind: "england" }, { baseYear: 2025 }).find((r) => r.year === 2025 && r.category === "residential_care")?.nominal // 7385
 */
export function realUnitCosts(rows: readonly DatasetRow[], scope: MarketScope, options: { baseYear?: number } = {}): RealUnitCostRow[] {
  const cpi = cpiByFinancialYear(rows);
  const baseYear = options.baseYear ?? Math.max(...cpi.keys());
  const costs = new Map<string, DatasetRow>(); // year|category|level|code
  const children = new Map<string, number>(); // year|group|la
  for (const r of rows) {
    if (r.measure === "s251_weekly_unit_cost" && r.value !== null) {
      const code = r.geographic_level === "National" ? "E" : r.geographic_level === "Regional" ? r.region_code : r.old_la_code;
      costs.set(`${rowYear(r.time_period)}|${r.dims.spend_category}|${code}`, r);
    } else if (r.measure === "cla_31_march" && r.geographic_level === "Local authority" && r.dims.age_band === TOTAL && r.value !== null) {
      children.set(`${rowYear(r.time_period)}|${r.dims.placement_type}|${r.old_la_code}`, r.value);
    }
  }
  const years = [...new Set([...costs.keys()].map((k) => Number(k.split("|")[0])))].sort((a, b) => a - b);
  const out: RealUnitCostRow[] = [];
  for (const year of years) {
    const members = scopeMembers(scope, year);
    for (const category of Object.keys(WEIGHTS)) {
      const deflate = (v: number) => (cpi.has(year) && cpi.has(baseYear) ? Math.round((v * cpi.get(baseYear)!) / cpi.get(year)! * 100) / 100 : null);
      const published = scope.kind === "england" ? costs.get(`${year}|${category}|E`) : scope.kind === "region" ? costs.get(`${year}|${category}|${scope.code}`) : members.length === 1 ? costs.get(`${year}|${category}|${members[0].oldCode}`) : undefined;
      if (published) {
        out.push({ year, category, nominal: published.value!, real: deflate(published.value!), baseYear, basis: "published", members: members.length, membersWithData: members.length });
        continue;
      }
      if (scope.kind === "england" || scope.kind === "region" || members.length === 1) continue;
      let weighted = 0, weight = 0, withData = 0;
      for (const la of members) {
        const c = costs.get(`${year}|${category}|${la.oldCode}`);
        if (!c) continue;
        // Children at 31 March of the year the financial year ends.
        const w = WEIGHTS[category].reduce((a, g) => a + (children.get(`${year}|${g}|${la.oldCode}`) ?? NaN), 0);
        if (!Number.isFinite(w) || w <= 0) continue;
        weighted += c.value! * w;
        weight += w;
        withData++;
      }
      if (weight === 0) continue;
      const nominal = Math.round((weighted / weight) * 100) / 100;
      out.push({ year, category, nominal, real: deflate(nominal), baseYear, basis: "estimate", members: members.length, membersWithData: withData });
    }
  }
  return out;
}
