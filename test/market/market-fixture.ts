/**
 * A small synthetic dataset with the market measures (docs/supply-data.md) for four Greater
 * Manchester LAs and Hartlepool, so the market layer can be tested on known figures.
 * Figures are invented and round, chosen so results can be worked out by hand.
 */
import type { DatasetRow, DimensionColumn, ValueStatus } from "../../src/spec/dataset";
import { findLa } from "../../src/reference/las";

export const FIXTURE_LAS = ["352", "355", "350", "359", "805"] as const; // Manchester, Salford, Bolton, Wigan, Hartlepool
export const GM_FOUR = { code: "GM4", name: "Four GM LAs", members: ["E08000003", "E08000006", "E08000001", "E08000010"] };

function laRow(oldCode: string, year: number, measure: string, dims: Partial<Record<DimensionColumn, string>>, value: number | null, status: ValueStatus = "ok", identifier = "Reporting year"): DatasetRow {
  const la = findLa(oldCode)!;
  return {
    time_period: String(year), time_identifier: identifier, geographic_level: "Local authority", country_code: "E92000001", country_name: "England",
    region_code: la.regionCode, region_name: la.regionName, old_la_code: la.oldCode, new_la_code: la.newCode, la_name: la.name,
    measure, dims, value, value_status: value === null ? (status === "ok" ? "not_available" : status) : status,
  };
}

function nationalRow(year: number, measure: string, dims: Partial<Record<DimensionColumn, string>>, value: number, identifier = "Reporting year"): DatasetRow {
  return { time_period: String(year), time_identifier: identifier, geographic_level: "National", country_code: "E92000001", country_name: "England", region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "", measure, dims, value, value_status: "ok" };
}

/** Register cells per LA: [type, sector, owner, places at 2016, yearly change, providers]. */
const REGISTER: Record<string, Array<[string, string, string, number, number, number]>> = {
  "352": [["childrens_home", "private", "Alpha Care Ltd", 40, 4, 10], ["childrens_home", "private", "Beta Homes Ltd", 20, 0, 5], ["childrens_home", "la", "Manchester City Council", 24, -1, 6], ["residential_special_school", "voluntary", "Gamma Trust", 30, 0, 1]],
  "355": [["childrens_home", "private", "Alpha Care Ltd", 16, 2, 4], ["secure_childrens_home", "la", "Salford City Council", 10, 0, 1], ["childrens_home", "private", "Delta Care Ltd", 12, 1, 3]],
  "350": [["childrens_home", "private", "Beta Homes Ltd", 12, 0, 3], ["childrens_home", "la", "Bolton Council", 8, 0, 2]],
  "359": [["childrens_home", "private", "Alpha Care Ltd", 8, 0, 2], ["childrens_home", "voluntary", "Epsilon Charity", 6, 0, 2]],
  "805": [["childrens_home", "private", "Zeta Ltd", 20, 2, 5]],
};

/** Children looked after at 31 March by group (2025), per LA; other years scale by 0.97 a year back. */
const CLA_2025: Record<string, Record<string, number>> = {
  "352": { foster: 900, secure_and_childrens_homes: 150, supported_accommodation_group: 120, residential_schools: 5, other_residential_group: 10, with_parents_group: 80, placed_for_adoption_group: 30, other_placements: 15 },
  "355": { foster: 400, secure_and_childrens_homes: 60, supported_accommodation_group: 40, residential_schools: 2, other_residential_group: 3, with_parents_group: 40, placed_for_adoption_group: 10, other_placements: 5 },
  "350": { foster: 420, secure_and_childrens_homes: 55, supported_accommodation_group: 35, residential_schools: 2, other_residential_group: 3, with_parents_group: 40, placed_for_adoption_group: 12, other_placements: 3 },
  "359": { foster: 450, secure_and_childrens_homes: 50, supported_accommodation_group: 30, residential_schools: 3, other_residential_group: 2, with_parents_group: 45, placed_for_adoption_group: 15, other_placements: 5 },
  "805": { foster: 220, secure_and_childrens_homes: 30, supported_accommodation_group: 20, residential_schools: 1, other_residential_group: 1, with_parents_group: 20, placed_for_adoption_group: 5, other_placements: 3 },
};

export function marketFixture(): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (const la of FIXTURE_LAS) {
    for (let year = 2016; year <= 2025; year++) {
      const totals = new Map<string, { places: number; providers: number }>();
      for (const [type, sector, owner, p0, change, providers] of REGISTER[la]) {
        const places = p0 + change * (year - 2016);
        rows.push(laRow(la, year, "registered_places", { provision_type: type, sector, owning_group: year >= 2018 ? owner : "not_recorded" }, places));
        rows.push(laRow(la, year, "registered_providers", { provision_type: type, sector, owning_group: year >= 2018 ? owner : "not_recorded" }, providers));
        const key = `${type}|${sector}`;
        const t = totals.get(key) ?? { places: 0, providers: 0 };
        t.places += places; t.providers += providers;
        totals.set(key, t);
        if (year > 2016) {
          rows.push(laRow(la, year, "registered_places_opened", { provision_type: type, sector }, Math.max(0, change) + 4));
          rows.push(laRow(la, year, "registered_places_closed", { provision_type: type, sector }, Math.max(0, -change) + 4));
          rows.push(laRow(la, year, "registered_providers_opened", { provision_type: type, sector }, 1));
          rows.push(laRow(la, year, "registered_providers_closed", { provision_type: type, sector }, 1));
        }
      }
      for (const [key, t] of totals) {
        const [type, sector] = key.split("|");
        rows.push(laRow(la, year, "registered_places", { provision_type: type, sector, owning_group: "total" }, t.places));
        rows.push(laRow(la, year, "registered_providers", { provision_type: type, sector, owning_group: "total" }, t.providers));
      }
      // An agency: providers but no places.
      rows.push(laRow(la, year, "registered_providers", { provision_type: "ifa", sector: "private", owning_group: "total" }, 2));
      rows.push(laRow(la, year, "registered_places", { provision_type: "ifa", sector: "private", owning_group: "total" }, null, "not_applicable"));
      // Demand.
      const scale = Math.pow(0.97, 2025 - year);
      let total = 0;
      for (const [group, n] of Object.entries(CLA_2025[la])) {
        const v = Math.round(n * scale);
        total += v;
        rows.push(laRow(la, year, "cla_31_march", { placement_type: group, age_band: "total" }, v));
      }
      rows.push(laRow(la, year, "cla_31_march", { placement_type: "total", age_band: "total" }, total));
      rows.push(laRow(la, year, "population_0_17", {}, Math.round(total * 70)));
      // S251 unit costs (cash) and the CPI.
      rows.push(laRow(la, year, "s251_weekly_unit_cost", { spend_category: "fostering" }, 700 + 20 * (year - 2016), "ok", "Financial year"));
      rows.push(laRow(la, year, "s251_weekly_unit_cost", { spend_category: "residential_care" }, (la === "805" ? 4000 : 4500) + 300 * (year - 2016), "ok", "Financial year"));
      rows.push(laRow(la, year, "s251_weekly_unit_cost", { spend_category: "total" }, 1200 + 60 * (year - 2016), "ok", "Financial year"));
      // Flows (2018-2022).
      if (year >= 2018 && year <= 2022) {
        rows.push(laRow(la, year, "placed_outside_la", { placement_type: "total" }, Math.round(total * 0.4)));
        rows.push(laRow(la, year, "cla_placed_in_la_by_other_las", {}, Math.round(total * 0.3)));
        rows.push(laRow(la, year, "cla_net_gain", {}, Math.round(total * 0.3) - Math.round(total * 0.4)));
      }
    }
    // Fostering.
    for (const [year, approved, filled] of [[2022, 300, 250], [2023, 290, 245], [2024, 285, 240], [2025, 280, 236]] as const) {
      const k = la === "352" ? 2 : 1;
      rows.push(laRow(la, year, "foster_places_approved", {}, approved * k));
      rows.push(laRow(la, year, "foster_places_filled", {}, filled * k));
    }
    for (const year of [2018, 2019]) {
      const k = la === "352" ? 2 : 1;
      rows.push(laRow(la, year, "foster_households_inhouse", {}, 200 * k));
      rows.push(laRow(la, year, "foster_places_approved", {}, 340 * k));
      rows.push(laRow(la, year, "foster_approvals", {}, 25 * k));
      rows.push(laRow(la, year, "foster_deregistrations", {}, 30 * k));
    }
  }
  for (let year = 2016; year <= 2025; year++) {
    rows.push(nationalRow(year, "cpi_index", {}, 100 * Math.pow(1.03, year - 2016), "Financial year"));
    // England: the five LAs are all of England in this fixture.
    let homes = 0;
    for (const la of FIXTURE_LAS) homes += Math.round(CLA_2025[la].secure_and_childrens_homes * Math.pow(0.97, 2025 - year));
    rows.push(nationalRow(year, "cla_31_march", { placement_type: "secure_and_childrens_homes", age_band: "total" }, homes));
  }
  return rows;
}
