import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { aggregateDataset } from "../../src/aggregate/aggregate-dataset";
import { readPublished } from "../../src/ingest/from-published/read-published";
import type { DatasetRow } from "../../src/spec/dataset";
import type { FootprintSet } from "../../src/spec/footprint";
import { laRow, TOTALS } from "./la-row";

const footprints = (members: string[], code = "F1", name = "Footprint one"): FootprintSet => ({ source: "test", footprints: [{ code, name, members }] });
const totalRow = (rows: ReturnType<typeof aggregateDataset>["rows"], period: string, measure = "cla_31_march") =>
  rows.find((r) => r.time_period === period && r.measure === measure && Object.values(r.dims).every((v) => v === "total" || v === ""));

describe("aggregateDataset", () => {
  it("gives the JSDoc example: nothing in, nothing out", () => {
    expect(aggregateDataset([], { to: "england" }).rows.length).toBe(0);
  });

  it("sums equal the sum of the members' values in every cell (property)", () => {
    const members = ["E06000061", "E06000062", "E06000042", "E06000055"];
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 4 }), (values) => {
      const rows: DatasetRow[] = [];
      members.forEach((code, i) => {
        ["foster", "secure_and_childrens_homes", "total"].forEach((placement, j) => rows.push(laRow(code, "2024", "cla_31_march", { placement_type: placement, age_band: "total" }, values[i][j])));
      });
      const result = aggregateDataset(rows, { to: footprints(members) });
      expect(result.rows).toHaveLength(3);
      for (const [j, placement] of ["foster", "secure_and_childrens_homes", "total"].entries()) {
        const row = result.rows.find((r) => r.dims.placement_type === placement)!;
        expect(row.value).toBe(values.reduce((sum, v) => sum + v[j], 0));
        expect(row.value_status).toBe("ok");
        expect([row.members_expected, row.members_present, row.members_missing, row.members_suppressed]).toEqual([4, 4, 0, 0]);
      }
    }), { numRuns: 50 });
  });

  it("weights means by their named weight measure (same dimensions)", () => {
    const dims = { placement_type: "foster_ifa", sector: "private" };
    const rows = [
      laRow("940", "2025", "weekly_cost_mean", dims, 1000), laRow("940", "2025", "placements_costed", dims, 30),
      laRow("941", "2025", "weekly_cost_mean", dims, 1200), laRow("941", "2025", "placements_costed", dims, 10),
    ];
    const result = aggregateDataset(rows, { to: footprints(["940", "941"]) });
    const mean = result.rows.find((r) => r.measure === "weekly_cost_mean")!;
    expect(mean.value).toBe(1050); // (1000*30 + 1200*10) / 40
    expect(mean.value_status).toBe("ok");
    expect(result.rows.find((r) => r.measure === "placements_costed")!.value).toBe(40);
    // without a weight for one member, the mean is over the other and says so
    const partial = aggregateDataset(rows.slice(0, 3), { to: footprints(["940", "941"]) }).rows.find((r) => r.measure === "weekly_cost_mean")!;
    expect(partial.value).toBe(1000);
    expect(partial.value_status).toBe("estimated");
    expect(partial.note).toMatch(/weighted mean over 1 of 2 members/);
  });

  it("does not aggregate a not-additive measure (a median) and says so", () => {
    const rows = [laRow("940", "2025", "weekly_cost_median", { placement_type: "foster_ifa", sector: "private" }, 900)];
    const result = aggregateDataset(rows, { to: footprints(["940", "941"]) });
    expect(result.rows).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["I_AGGREGATE_NOT_ADDITIVE"]);
    expect(result.notes.join(" ")).toMatch(/weekly_cost_median is not additive/);
  });

  it("counts coverage on a missing and a suppressed member and never treats them as zero", () => {
    const members = ["E06000061", "E06000062", "E06000042"];
    const rows = [laRow("940", "2025", "cla_31_march", TOTALS, 500), laRow("941", "2025", "cla_31_march", TOTALS, null, "suppressed")];
    const row = totalRow(aggregateDataset(rows, { to: footprints(members) }).rows, "2025")!;
    expect(row.value).toBe(500);
    expect(row.value_status).toBe("estimated");
    expect([row.members_expected, row.members_present, row.members_missing, row.members_suppressed]).toEqual([3, 1, 1, 1]);
    expect(row.note).toBe("lower bound: sum over 1 of 3 members (1 suppressed, 1 missing)");
    expect(row.rate_per_10000).toBeNull(); // no population rows
    const none = totalRow(aggregateDataset([laRow("941", "2025", "cla_31_march", TOTALS, null, "suppressed")], { to: footprints(members) }).rows, "2025")!;
    expect(none.value).toBeNull();
    expect(none.value_status).toBe("not_available");
  });

  it("includes Northamptonshire before 2022 for a footprint of its successors, without double counting", () => {
    const rows = [
      laRow("928", "2021", "cla_31_march", TOTALS, 1000),
      laRow("940", "2022", "cla_31_march", TOTALS, 480), laRow("941", "2022", "cla_31_march", TOTALS, 560),
      // A stray Northamptonshire row after its abolition must not be added on top of its successors.
      laRow("928", "2022", "cla_31_march", TOTALS, 999),
    ];
    const result = aggregateDataset(rows, { to: footprints(["E06000061", "E06000062"]) });
    expect(totalRow(result.rows, "2021")).toMatchObject({ value: 1000, value_status: "ok", members_expected: 1, comparable: true });
    expect(totalRow(result.rows, "2022")).toMatchObject({ value: 1040, value_status: "ok", members_expected: 2 });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["W_AGGREGATE_LA_OUT_OF_PERIOD"]);
    // Regions: the East Midlands has Northamptonshire in 2021 and its successors in 2022.
    const region = aggregateDataset(rows, { to: "region" }).rows.filter((r) => r.footprint_code === "E12000004");
    expect(region.map((r) => [r.time_period, r.value, r.members_expected, r.value_status])).toEqual([["2021", 1000, 9, "estimated"], ["2022", 1040, 10, "estimated"]]);
  });

  it("marks years not comparable when a predecessor is split between footprints", () => {
    const rows = [laRow("928", "2021", "cla_31_march", TOTALS, 1000), laRow("826", "2021", "cla_31_march", TOTALS, 300)];
    const result = aggregateDataset(rows, { to: footprints(["E06000061", "E06000042"]) });
    const row = totalRow(result.rows, "2021")!;
    expect(row).toMatchObject({ value: null, value_status: "not_available", comparable: false });
    expect(row.note).toMatch(/not comparable: before 2022/);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["W_AGGREGATE_NOT_COMPARABLE"]);
  });

  it("aggregates a footprint crossing regions and leaves its region blank", () => {
    const rows = [laRow("940", "2025", "cla_31_march", TOTALS, 480), laRow("826", "2025", "cla_31_march", TOTALS, 360), laRow("822", "2025", "cla_31_march", TOTALS, 250)];
    const cross = aggregateDataset(rows, { to: footprints(["940", "826", "822"], "X", "Cross-border") }).rows[0];
    expect(cross).toMatchObject({ geographic_level: "Footprint", region_code: "", footprint_code: "X", footprint_name: "Cross-border", value: 1090, value_status: "ok" });
    const within = aggregateDataset(rows, { to: footprints(["940"], "W", "Within") }).rows[0];
    expect(within).toMatchObject({ region_code: "E12000004", region_name: "East Midlands" });
  });

  it("restricts to the years asked for", () => {
    const rows = [laRow("940", "2024", "cla_31_march", TOTALS, 1), laRow("940", "2025", "cla_31_march", TOTALS, 2)];
    expect(aggregateDataset(rows, { to: footprints(["940"]), years: { from: 2025, to: 2025 } }).rows.map((r) => r.time_period)).toEqual(["2025"]);
  });

  it("keeps a value over a marker when two files give the same cell, and warns when values disagree", () => {
    const rows = [laRow("940", "2025", "cla_31_march", TOTALS, null, "not_applicable"), laRow("940", "2025", "cla_31_march", TOTALS, 7), laRow("940", "2025", "cla_31_march", TOTALS, 8)];
    const result = aggregateDataset(rows, { to: footprints(["940"]) });
    expect(result.rows[0].value).toBe(7);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["W_AGGREGATE_DUPLICATE"]);
  });

  it("computes rates per 10,000 from ONS population: England 2025 is 67 as published, and compares with the published total", () => {
    const rows: DatasetRow[] = [];
    for (const file of ["data/published/dfe-cla/la_cla_31_march_totals_2011_2025.csv", "data/published/dfe-cla/cla_number_and_rate_per_10k_children.csv", "data/published/ons/ons_mid-year_population_estimates_2012_to_2024.csv"]) {
      rows.push(...readPublished({ name: file, bytes: readFileSync(file) })!.rows);
    }
    const result = aggregateDataset(rows, { to: "england", years: { from: 2025, to: 2025 } });
    const england = totalRow(result.rows, "2025")!;
    expect(Math.round(england.rate_per_10000!)).toBe(67);
    // City of London is suppressed (c) and the Isles of Scilly not applicable (z) in these files: the sum is a
    // lower bound, 4 below the published 81,770 (rounded to the nearest 10).
    expect(england).toMatchObject({ value: 81766, value_status: "estimated", members_expected: 153, members_present: 151, members_missing: 1, members_suppressed: 1 });
    const published = result.comparison.find((c) => c.measure === "cla_31_march" && c.time_period === "2025" && c.dims === "placement_type=total age_band=total")!;
    expect(published).toMatchObject({ computed: 81766, published: 81770, difference: -4 });
    // The population itself sums to the published England figure.
    expect(totalRow(result.rows, "2025", "population_0_17")).toMatchObject({ value: 12183016, value_status: "ok" });
  });

  it("regional sums of complete cells match DfE's published regional figures within its rounding (to the nearest 10)", () => {
    const file = "data/published/dfe-cla/cla_on_31_march_by_characteristics_2021_2025.csv";
    const rows = readPublished({ name: file, bytes: readFileSync(file) })!.rows;
    const result = aggregateDataset(rows, { to: "region", years: { from: 2024, to: 2025 } });
    const complete = result.comparison.filter((c) => c.computed_status === "ok" && c.published_status === "ok");
    expect(complete.length).toBeGreaterThan(100);
    for (const c of complete) expect(Math.abs(c.difference!)).toBeLessThanOrEqual(5);
    // and the lower bounds never exceed the published figure by more than its rounding
    for (const c of result.comparison.filter((x) => x.computed_status === "estimated" && x.published !== null)) expect(c.difference!).toBeLessThanOrEqual(5);
  });
});

describe("weighted means without their weight (issue 8)", () => {
  it("warns, naming the measure and an example, instead of dropping the mean silently", () => {
    const dims = { placement_type: "foster_ifa", sector: "private" };
    const rows = [
      laRow("805", "2025", "weekly_cost_mean", dims, 1000), laRow("805", "2025", "placements_costed", dims, 10),
      laRow("806", "2025", "weekly_cost_mean", dims, 2000), laRow("806", "2025", "placements_costed", dims, null),
    ];
    const result = aggregateDataset(rows, { to: "england" });
    const warning = result.diagnostics.find((d) => d.code === "W_AGGREGATE_WEIGHT_MISSING");
    expect(warning?.message).toMatch(/^weekly_cost_mean of 1 LA\(s\) has no placements_costed .*Middlesbrough 2025/);
    expect(result.rows.find((r) => r.measure === "weekly_cost_mean")).toMatchObject({ value: 1000, members_present: 1 });
  });
});
