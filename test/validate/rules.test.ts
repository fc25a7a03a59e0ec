import { describe, expect, it } from "vitest";
import { atMost } from "../../src/validate/at-most";
import { codedValues } from "../../src/validate/coded-values";
import { countValues } from "../../src/validate/count-values";
import { duplicateRows } from "../../src/validate/duplicate-rows";
import { laKnownInPeriod } from "../../src/validate/la-known-in-period";
import { partsSumToTotal } from "../../src/validate/parts-sum-to-total";
import { latestCompletePeriod, period } from "../../src/validate/period";
import { missingValues } from "../../src/validate/missing-values";
import { pointAt } from "../../src/validate/rule";
import { RULES, runRules } from "../../src/validate/run-rules";
import { ctx, row, TODAY } from "./helpers";

const codes = (d: Array<{ code: string }>) => d.map((x) => x.code);

describe("period", () => {
  it("passes a complete YYYY period", () => expect(period.check(ctx([row("foster_places_approved", 10)]))).toEqual([]));
  it("fails a non-YYYY, a future and a not-requested period", () => {
    expect(codes(period.check(ctx([row("foster_places_approved", 10, {}, { period: "2024-25" })])))).toEqual(["E_PERIOD_FORMAT"]);
    expect(codes(period.check(ctx([row("foster_places_approved", 10, {}, { period: "2027" })])))).toEqual(["E_PERIOD_FUTURE"]);
    expect(codes(period.check(ctx([row("foster_places_approved", 10)], { period: "2024" })))).toEqual(["E_PERIOD_NOT_REQUESTED"]);
  });
  it("knows the latest complete year ending 31 March", () => {
    expect(latestCompletePeriod(new Date(Date.UTC(2026, 10, 22)))).toBe(2026);
    expect(latestCompletePeriod(new Date(Date.UTC(2026, 2, 31)))).toBe(2025);
  });
});

describe("LA known in period", () => {
  it("passes an LA that reported in the period", () => expect(laKnownInPeriod.check(ctx([row("foster_places_approved", 1)]))).toEqual([]));
  it("fails Cumbria (909) in 2025, naming its successors", () => {
    const d = laKnownInPeriod.check(ctx([row("foster_places_approved", 1, {}, { la: "909" })]));
    expect(codes(d)).toEqual(["E_LA_OUT_OF_PERIOD"]);
    expect(d[0].hint).toMatch(/Cumberland/);
  });
  it("fails an unknown code", () => {
    const r = { ...row("foster_places_approved", 1), new_la_code: "E99999999", old_la_code: "999" };
    expect(codes(laKnownInPeriod.check(ctx([r])))).toEqual(["E_LA_UNKNOWN"]);
  });
});

describe("coded values", () => {
  it("passes valid codes", () => expect(codedValues.check(ctx([row("cla_31_march", 5, { placement_type: "foster_ifa", age_band: "total" })]))).toEqual([]));
  it("fails an invalid code and a dimension the measure does not have", () => {
    expect(codes(codedValues.check(ctx([row("cla_31_march", 5, { placement_type: "nonsense", age_band: "total" })])))).toEqual(["E_CODE_INVALID"]);
    expect(codes(codedValues.check(ctx([row("foster_places_approved", 5, { age_band: "total" })])))).toEqual(["E_DIMENSION_NOT_ALLOWED"]);
  });
  it("warns (not errors) for codes matched ignoring case, pointing at the code's cell", () => {
    const c = ctx([row("cla_31_march", 5, { placement_type: "foster_ifa", age_band: "total" })]);
    c.locations[0] = { ...c.locations[0], cells: { placement_type: "C2" }, normalised: [{ column: "placement_type", raw: "Foster_IFA", code: "foster_ifa" }] };
    const d = codedValues.check(c);
    expect(d.map((x) => [x.code, x.severity, x.cell])).toEqual([["W_CODE_NOT_EXACT", "warning", "C2"]]);
  });
});

describe("count values", () => {
  it("passes whole non-negative counts and decimal costs", () => {
    expect(countValues.check(ctx([row("foster_places_approved", 3), row("weekly_cost_mean", 1234.56, { placement_type: "total", sector: "total" })]))).toEqual([]);
  });
  it("fails a non-integer count and a negative value", () => {
    expect(codes(countValues.check(ctx([row("foster_places_approved", 2.5)])))).toEqual(["E_COUNT_NOT_INTEGER"]);
    expect(codes(countValues.check(ctx([row("weekly_cost_mean", -1, { placement_type: "total", sector: "total" }), row("foster_places_approved", -2)])))).toEqual(["E_VALUE_NEGATIVE", "E_VALUE_NEGATIVE"]);
  });
});

describe("duplicate rows", () => {
  it("passes distinct rows", () => expect(duplicateRows.check(ctx([row("foster_places_approved", 3), row("foster_places_vacant", 1)]))).toEqual([]));
  it("fails a repeated row and says where the first one is", () => {
    const d = duplicateRows.check(ctx([row("foster_places_approved", 3), row("foster_places_approved", 4)]));
    expect(codes(d)).toEqual(["E_DUPLICATE_ROW"]);
    expect(d[0].message).toContain("Demand!I2");
    expect(d[0].cell).toBe("I3");
  });
});

describe("parts sum to total", () => {
  const age = (values: Record<string, number | null>) => Object.entries(values).map(([code, v]) => row("cla_31_march_uasc", v, { age_band: code }));
  it("passes when age bands add up to the total", () => {
    expect(partsSumToTotal.check(ctx(age({ total: 10, under_1: 0, "1_to_4": 1, "5_to_9": 2, "10_to_15": 3, "16_plus": 4 })))).toEqual([]);
  });
  it("fails when they do not, pointing at the total", () => {
    const d = partsSumToTotal.check(ctx(age({ total: 11, under_1: 0, "1_to_4": 1, "5_to_9": 2, "10_to_15": 3, "16_plus": 4 })));
    expect(codes(d)).toEqual(["E_PARTS_NOT_TOTAL"]);
    expect(d[0].cell).toBe("I2");
    expect(d[0].message).toContain("add up to 10");
  });
  it("does not check when a part is suppressed or missing (missing is not zero)", () => {
    expect(partsSumToTotal.check(ctx(age({ total: 11, under_1: null, "1_to_4": 1, "5_to_9": 2, "10_to_15": 3, "16_plus": 4 })))).toEqual([]);
  });
  it("checks leaves against their group and groups (or summed leaves) against the total", () => {
    const p = (code: string, v: number) => row("placed_outside_la", v, { placement_type: code });
    const base = [p("foster_kinship", 1), p("foster_la", 2), p("foster_ifa", 3), p("childrens_home_la", 1), p("childrens_home_private", 4), p("childrens_home_voluntary", 0), p("secure", 0),
      p("supported_accommodation", 2), p("residential_school", 0), p("other_residential", 0), p("with_parents", 0), p("placed_for_adoption", 1), p("unregistered", 0), p("other", 0)];
    expect(partsSumToTotal.check(ctx([p("total", 14), p("foster", 6), ...base]))).toEqual([]);
    expect(codes(partsSumToTotal.check(ctx([p("total", 14), p("foster", 7), ...base])))).toEqual(["E_PARTS_NOT_TOTAL", "E_PARTS_NOT_TOTAL"]);
    expect(codes(partsSumToTotal.check(ctx([p("total", 15), ...base])))).toEqual(["E_PARTS_NOT_TOTAL"]);
  });
  it("checks each dimension separately in a two-dimensional measure", () => {
    const r = (pt: string, ab: string, v: number) => row("cla_31_march", v, { placement_type: pt, age_band: ab });
    const rows = [r("total", "total", 10), r("total", "under_1", 1), r("total", "1_to_4", 2), r("total", "5_to_9", 3), r("total", "10_to_15", 3), r("total", "16_plus", 1)];
    expect(partsSumToTotal.check(ctx(rows))).toEqual([]);
    rows[5] = r("total", "16_plus", 5);
    expect(codes(partsSumToTotal.check(ctx(rows)))).toEqual(["E_PARTS_NOT_TOTAL"]);
  });
});

describe("at most (cross-section)", () => {
  it("passes vacant <= approved and in-house foster children <= approved", () => {
    expect(atMost.check(ctx([row("foster_places_approved", 10), row("foster_places_vacant", 3), row("cla_31_march", 7, { placement_type: "foster_la", age_band: "total" })]))).toEqual([]);
  });
  it("fails vacant > approved", () => {
    expect(codes(atMost.check(ctx([row("foster_places_approved", 10), row("foster_places_vacant", 12)])))).toEqual(["E_AT_MOST"]);
  });
  it("fails children in in-house foster care > approved places", () => {
    const d = atMost.check(ctx([row("foster_places_approved", 10), row("cla_31_march", 11, { placement_type: "foster_la", age_band: "total" })]));
    expect(codes(d)).toEqual(["E_AT_MOST"]);
    expect(d[0].message).toContain("placement_type=foster_la");
  });
  it("matches the other measure's dimensions (placed outside region <= outside LA, per placement type)", () => {
    const rows = [row("placed_outside_la", 5, { placement_type: "foster_ifa" }), row("placed_outside_region", 6, { placement_type: "foster_ifa" }), row("placed_outside_region", 1, { placement_type: "secure" })];
    expect(codes(atMost.check(ctx(rows)))).toEqual(["E_AT_MOST"]);
  });
});

describe("missing values (completeness)", () => {
  it("is silent when every row has a value or a reason", () => {
    expect(missingValues.check(ctx([row("foster_places_approved", 3), row("foster_places_vacant", null, {}, { status: "not_available" })]))).toEqual([]);
  });
  it("counts blank rows per sheet as info", () => {
    const d = missingValues.check(ctx([row("foster_places_approved", 3), row("foster_places_vacant", null)]));
    expect(d.map((x) => [x.code, x.severity, x.sheet])).toEqual([["I_VALUES_MISSING", "info", "Demand"]]);
    expect(d[0].message).toMatch(/^1 of 2 rows/);
  });
});

describe("runRules and pointAt", () => {
  it("runs every rule", () => {
    expect(RULES.length).toBe(8);
    expect(runRules(ctx([]))).toEqual([]);
    expect(codes(runRules(ctx([row("foster_places_approved", 10), row("foster_places_vacant", 12.5)])))).toEqual(["E_COUNT_NOT_INTEGER", "E_AT_MOST"]);
  });
  it("points at a cell on another sheet, a CSV column, or the value", () => {
    const c = ctx([row("foster_places_approved", 1)]);
    c.locations[0].cells = { new_la_code: "Return!B2" };
    expect(pointAt(c, 0, "new_la_code")).toEqual({ file: "return.xlsx", sheet: "Return", cell: "B2" });
    expect(pointAt(c, 0)).toEqual({ file: "return.xlsx", sheet: "Demand", cell: "I2" });
    expect(pointAt({ file: "a.csv", rows: [], locations: [{ row: 4, column: "value", cells: { age_band: "age_band" } }], today: TODAY }, 0, "age_band")).toEqual({ file: "a.csv", row: 4, column: "age_band" });
  });
});
