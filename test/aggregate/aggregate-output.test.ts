import { describe, expect, it } from "vitest";
import { aggregateDataset } from "../../src/aggregate/aggregate-dataset";
import { aggregateOutput } from "../../src/aggregate/aggregate-output";
import { aggregateSummary } from "../../src/aggregate/aggregate-summary";
import { AGGREGATE_COLUMNS } from "../../src/aggregate/types";
import { laRow, TOTALS } from "./la-row";

const empty = { rows: [], diagnostics: [], notes: [], comparison: [] };

describe("aggregateOutput and aggregateSummary", () => {
  it("give their JSDoc examples", () => {
    expect(aggregateOutput(empty, "England").sheets[0].name).toBe("Notes");
    expect(aggregateSummary(empty, "out.csv").startsWith("0 aggregate rows")).toBe(true);
  });
  it("writes EES markers for missing values in CSV records, null in JSON, and one sheet per measure", () => {
    const rows = [
      laRow("940", "2025", "cla_31_march", TOTALS, 480), laRow("941", "2025", "cla_31_march", TOTALS, 20),
      laRow("940", "2025", "starts_in_year", { age_band: "total" }, null, "suppressed"),
      laRow("940", "2025", "population_0_17", {}, 80000), laRow("941", "2025", "population_0_17", {}, 90000),
    ];
    const result = aggregateDataset(rows, { to: { source: "t", footprints: [{ code: "N", name: "Northants", members: ["940", "941"] }] }, publish: { k: 5 } });
    const output = aggregateOutput(result, "test");
    expect(output.columns).toEqual(AGGREGATE_COLUMNS);
    const cla = output.records.find((r) => r.measure === "cla_31_march")!;
    expect(cla).toMatchObject({ value: 500, value_status: "ok", rate_per_10000: 29.4, members_expected: 2, comparable: "yes" });
    expect(output.records.find((r) => r.measure === "starts_in_year")).toMatchObject({ value: "x", value_status: "not_available" });
    expect((output.json.rows as Array<Record<string, unknown>>).find((r) => r.measure === "starts_in_year")!.value).toBeNull();
    expect(output.sheets.map((s) => s.name)).toEqual(["Notes", "population_0_17", "cla_31_march", "starts_in_year"]);
    const notes = output.sheets[0].rows.map((r) => r.text).join(" ");
    expect(notes).toMatch(/Disclosure control: k = 5/);
    const summary = aggregateSummary(result, "out.csv");
    expect(summary).toMatch(/Northants\s+500, 29.4 per 10,000/);
    expect(summary).toMatch(/disclosure control \(k = 5, with LA cross-check\)/);
  });
  it("says when no disclosure control was applied", () => {
    expect(aggregateOutput(empty, "x").sheets[0].rows.map((r) => r.text).join(" ")).toMatch(/No disclosure control was applied/);
  });
});
