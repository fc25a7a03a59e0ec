/**
 * In-house (LA) fostering capacity of an area by year, read back from a dataset: approved
 * households, approved, filled, vacant and unavailable places at 31 March, and enquiries,
 * applications, approvals and deregistrations in the year. Sums over the member LAs that
 * have the figure (`members`/`membersWithData` per measure say how complete).
 *
 * Caveats carried in `definition`: 2018 and 2019 (Ofsted, Fostering in England) include
 * family and friends (connected person) carers; 2022-2025 (LAIT, from Ofsted) approved and
 * filled places exclude them, so the two periods are not one series. Independent fostering
 * agencies are not in these figures (Ofsted publishes them for England and regions only).
 *
 * Reference: Ofsted, Fostering in England 2017-18 and 2018-19, LA-level data; DfE LAIT
 * measure 341a.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { rowYear, scopeMembers, type MarketScope } from "./market-scope.ts";

export const FOSTERING_MEASURES = [
  "foster_households_inhouse", "foster_places_approved", "foster_places_filled", "foster_places_vacant", "foster_places_unavailable",
  "foster_enquiries", "foster_applications", "foster_approvals", "foster_deregistrations",
] as const;

export interface FosteringCapacityRow {
  year: number;
  measure: (typeof FOSTERING_MEASURES)[number];
  value: number;
  members: number;
  membersWithData: number;
  /** What the figure counts that year. */
  definition: string;
}

/** The definition of in-house fostering figures in a year. @example fosteringDefinition(2019) // "includes family and friends carers (Ofsted)" */
export function fosteringDefinition(year: number): string {
  return year <= 2021 ? "includes family and friends carers (Ofsted)" : "excludes family and friends carers (Ofsted via LAIT)";
}

/**
 * Fostering capacity of a scope, one row per year and measure with at least one member's figure.
 * @throws Error for an unknown LA in a footprint or LA list.
 * @example fosteringCapacity(rows, { kind: "las", codes: ["805"] }).find((r) => r.year === 2025 && r.measure === "foster_places_approved")?.value
 */
export function fosteringCapacity(rows: readonly DatasetRow[], scope: MarketScope): FosteringCapacityRow[] {
  const values = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.geographic_level !== "Local authority" || r.value === null || !(FOSTERING_MEASURES as readonly string[]).includes(r.measure)) continue;
    const key = `${rowYear(r.time_period)}|${r.measure}`;
    const m = values.get(key) ?? new Map<string, number>();
    m.set(r.old_la_code, r.value);
    values.set(key, m);
  }
  const out: FosteringCapacityRow[] = [];
  for (const [key, byLa] of [...values].sort(([a], [b]) => a.localeCompare(b))) {
    const [yearText, measure] = key.split("|");
    const year = Number(yearText);
    const members = scopeMembers(scope, year);
    let value = 0, withData = 0;
    for (const la of members) {
      const v = byLa.get(la.oldCode);
      if (v === undefined) continue;
      value += v;
      withData++;
    }
    if (withData === 0) continue;
    out.push({ year, measure: measure as FosteringCapacityRow["measure"], value, members: members.length, membersWithData: withData, definition: fosteringDefinition(year) });
  }
  return out;
}
