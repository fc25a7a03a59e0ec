// EES publication files (issue 8): every data file and .meta.csv pair passes the EES data
// screener's rules (test/helpers/ees-rules.ts), with the GSS symbols for missing values.
import { describe, expect, it } from "vitest";
import { aggregateDataset } from "../../src/aggregate/aggregate-dataset";
import { EES_META_COLUMNS, eesOutput, eesTimePeriod } from "../../src/aggregate/ees-output";
import type { AggregateTarget } from "../../src/aggregate/types";
import { toCsv } from "../../src/util/to-csv";
import { eesRuleFailures } from "../helpers/ees-rules";
import { laRow } from "./la-row";

const NE = ["805", "806", "807", "808", "390", "391", "392", "393", "394", "840", "841"]; // the North East's 12 minus one
function rows() {
  const out = [];
  for (const [i, la] of NE.entries()) {
    for (const period of ["2024", "2025"]) {
      out.push(laRow(la, period, "cla_31_march", { placement_type: "total", age_band: "total" }, 300 + i));
      out.push(laRow(la, period, "cla_31_march", { placement_type: "foster", age_band: "total" }, 200 + i));
      out.push(laRow(la, period, "cla_31_march", { placement_type: "foster_ifa", age_band: "total" }, i === 0 ? 3 : 50 + i));
      out.push(laRow(la, period, "cla_31_march", { placement_type: "secure", age_band: "total" }, i === 1 ? null : 2, i === 1 ? "suppressed" : "ok"));
      out.push(laRow(la, period, "population_0_17", {}, 20000 + i));
      out.push({ ...laRow(la, period, "spend", { spend_category: "total" }, 30000.5 + i), time_identifier: "Financial year" });
      out.push({ ...laRow(la, period, "spend", { spend_category: "fostering" }, 9000 + i), time_identifier: "Financial year" });
      out.push(laRow(la, period, "provider_children_placed", { provider_id: "SC1", owning_group: "Acme", sector: "private", placement_type: "childrens_home_private" }, 7));
    }
  }
  return out;
}

function check(files: ReturnType<typeof eesOutput>["files"]): string[] {
  return files.flatMap((f) => eesRuleFailures(`${f.name}.csv`, toCsv(f.columns, f.rows), `${f.name}.meta.csv`, toCsv(EES_META_COLUMNS, f.meta)));
}

describe("eesOutput", () => {
  it("writes files that pass the EES rules, for England, the regions and a footprint", () => {
    const teesValley: AggregateTarget = { source: "t", footprints: [{ code: "TV", name: "Tees Valley", members: ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"] }] };
    for (const to of ["england", "region", teesValley] as AggregateTarget[]) {
      const result = aggregateDataset(rows(), { to, publish: { k: 5 } });
      const ees = eesOutput(result);
      expect(ees.files.map((f) => f.name).sort()).toEqual(["cla_31_march", "population_0_17", "spend"]);
      expect(check(ees.files)).toEqual([]);
      expect(ees.skipped).toEqual([{ measure: "provider_children_placed", reason: expect.stringContaining("free text") }]);
    }
  });

  it("uses the GSS symbols, EES time periods, units and filter groups", () => {
    const result = aggregateDataset(rows(), { to: "region", publish: { k: 5 } });
    const { files } = eesOutput(result);
    const cla = files.find((f) => f.name === "cla_31_march")!;
    expect(cla.columns).toEqual(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "placement_type_group", "placement_type", "cla_31_march", "rate_per_10000", "members_expected", "members_present", "members_missing", "members_suppressed"]);
    const ne = cla.rows.filter((r) => r.region_code === "E12000001" && r.time_period === "2025");
    // The North East has 12 LAs; 11 gave figures: a sum over some members is a lower bound, published as u.
    expect(ne.find((r) => r.placement_type === "Total" && r.placement_type_group === "Total")).toMatchObject({ cla_31_march: "u", rate_per_10000: "u", members_expected: 12, members_present: 11, members_missing: 1 });
    expect(ne.find((r) => r.placement_type_group === "Foster placements" && r.placement_type === "Total")).toBeDefined();
    expect(ne.find((r) => r.placement_type === "Secure children's home")?.cla_31_march).toMatch(/^[cu]$/);
    expect(cla.meta.find((m) => m.col_name === "placement_type")).toMatchObject({ col_type: "Filter", filter_grouping_column: "placement_type_group", filter_hint: "Filter by placement type" });
    const spend = files.find((f) => f.name === "spend")!;
    expect(new Set(spend.rows.map((r) => r.time_period))).toEqual(new Set(["202324", "202425"]));
    expect(spend.meta.find((m) => m.col_name === "spend")).toMatchObject({ indicator_unit: "£m", indicator_dp: 1, label: "Spend on children looked after (£ million)" });
    expect(spend.meta.find((m) => m.col_name === "spend_category")?.filter_hint).toBe("Filter by spend category (MHCLG RO3)");
    expect(eesTimePeriod("2025", "Financial year")).toBe("202425");
    expect(eesTimePeriod("2025", "Reporting year")).toBe("2025");
  });

  it("a measure under two time identifiers becomes one file per identifier", () => {
    const mixed = [...rows(), laRow("805", "2025", "spend", { spend_category: "total" }, null)];
    const { files } = eesOutput(aggregateDataset(mixed, { to: "england", publish: { k: 5 } }));
    expect(files.map((f) => f.name).sort()).toEqual(["cla_31_march", "population_0_17", "spend", "spend_reporting_year"]);
    expect(check(files)).toEqual([]);
  });

  it("the rule check catches what EES refuses: blanks in filters, legacy symbols, mixed years, bad units", () => {
    const meta = "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\nsex,Filter,Sex,,,,Filter by sex,\nchildren,Indicator,Children,,GBP,,,\n";
    const data = "time_period,time_identifier,geographic_level,country_code,country_name,sex,children\n2025,Reporting year,National,E92000001,England,,5\n2025,Financial year,National,E92000001,England,Male,:\n";
    const rules = eesRuleFailures("Bad File.csv", data, "bad.meta.csv", meta).map((f) => f.split(": ")[1]);
    expect(rules).toEqual(expect.arrayContaining(["filename", "filenames_match", "time_id_mix", "time_period", "filter_blanks", "filter_defaults", "ind_obsolete_symbols", "meta_ind_unit_validation", "meta_ind_dp_set"]));
  });
});
