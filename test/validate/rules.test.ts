import { describe, expect, it } from "vitest";
import { atMost } from "../../src/validate/at-most";
import { codedValues } from "../../src/validate/coded-values";
import { countValues } from "../../src/validate/count-values";
import { duplicateRows } from "../../src/validate/duplicate-rows";
import { laKnownInPeriod } from "../../src/validate/la-known-in-period";
import { partsSumToTotal } from "../../src/validate/parts-sum-to-total";
import { latestCompletePeriod, period } from "../../src/validate/period";
import { completeness, requiredValues } from "../../src/validate/required-values";
import { weightsPresent } from "../../src/validate/weights-present";
import { MEASURES, REQUIRED_MEASURES } from "../../src/template/measures";
import { prefillRows } from "../../src/template/prefill-rows";
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

/** Every required cell of one LA's return filled with 0 (a valid, complete core). */
function completeCore(): ReturnType<typeof row>[] {
  return MEASURES.filter((m) => m.required).flatMap((m) => prefillRows(m).map((dims) => row(m.id, 0, dims)));
}

describe("required and optional measures", () => {
  it("marks the CMA core required and every other measure optional", () => {
    expect(MEASURES.filter((m) => m.required).map((m) => m.id)).toEqual([...REQUIRED_MEASURES]);
    expect(REQUIRED_MEASURES).toEqual(expect.arrayContaining(["cla_31_march", "starts_in_year", "ceases_in_year", "placed_outside_la", "foster_places_approved", "la_childrens_home_beds", "weekly_cost_mean", "placements_costed"]));
    for (const id of REQUIRED_MEASURES) expect(MEASURES.some((m) => m.id === id), id).toBe(true);
  });
  it("is silent when every required cell has a value or a reason, and counts blank optional rows per sheet", () => {
    const core = completeCore();
    core[0] = { ...core[0], value: null, value_status: "not_available" };
    const d = requiredValues.check(ctx([...core, row("foster_places_vacant", null), row("foster_enquiries", 3)]));
    expect(d.map((x) => [x.code, x.severity, x.sheet])).toEqual([["I_VALUES_MISSING", "info", "Demand"]]);
    expect(d[0].message).toMatch(/^1 of 2 optional rows/);
    // Costs count only where they apply: weights by placement type over all sectors, means where their weight is positive (0 here).
    const costCells = core.filter((r) => r.measure === "weekly_cost_mean" || (r.measure === "placements_costed" && r.dims.sector !== "total")).length;
    expect(completeness(ctx([...core, row("foster_places_vacant", null)]))).toEqual({ required: { cells: core.length - costCells, missing: 0 }, optional: { rows: 1, missing: 1 } });
  });
  it("a blank required cell is an error at its cell, saying where the figure comes from", () => {
    const core = completeCore();
    const i = core.findIndex((r) => r.measure === "foster_places_approved");
    const j = core.findIndex((r) => r.measure === "cla_31_march" && r.dims.placement_type === "foster_ifa" && r.dims.age_band === "under_1");
    core[i] = { ...core[i], value: null, value_status: "missing" };
    core[j] = { ...core[j], value: null, value_status: "missing" };
    const d = requiredValues.check(ctx(core));
    expect(d.map((x) => [x.code, x.cell])).toEqual([["E_REQUIRED_MISSING", `I${j + 2}`], ["E_REQUIRED_LA_RECORDS_MISSING", `I${i + 2}`]]);
    expect(d[0].message).toContain("can be filled from the SSDA903 extract");
    expect(d[1].message).toContain("comes from the LA's own records");
  });
  it("asks for a weekly cost only where placements were costed, and for placements costed by type over all sectors", () => {
    const core = completeCore().filter((r) => r.measure !== "weekly_cost_mean" && !(r.measure === "placements_costed" && r.dims.sector !== "total"));
    expect(requiredValues.check(ctx(core))).toEqual([]);
    const dims = { placement_type: "foster_ifa", sector: "private" };
    const withWeight = [...core, row("placements_costed", 12, dims), row("weekly_cost_mean", null, dims)];
    const d = requiredValues.check(ctx(withWeight));
    expect(d.map((x) => x.code)).toEqual(["E_REQUIRED_LA_RECORDS_MISSING"]);
    expect(d[0].message).toContain("weekly_cost_mean");
    const noTypeTotal = core.filter((r) => !(r.measure === "placements_costed" && r.dims.placement_type === "secure"));
    expect(requiredValues.check(ctx(noTypeTotal)).map((x) => x.code)).toEqual(["E_REQUIRED_LA_RECORDS_MISSING"]);
  });
  it("a group whose parts are all given counts as given (as in the parts-sum rule)", () => {
    const core = completeCore().filter((r) => !(r.measure === "cla_31_march" && r.dims.placement_type === "foster"));
    expect(requiredValues.check(ctx(core))).toEqual([]);
  });
  it("a return with the headline total blank and every other section empty fails", () => {
    const d = requiredValues.check(ctx([row("cla_31_march", null, { placement_type: "total", age_band: "total" })]));
    expect(d.filter((x) => x.severity === "error").map((x) => x.code)).toEqual(expect.arrayContaining(["E_REQUIRED_MISSING", "E_REQUIRED_LA_RECORDS_MISSING"]));
    // One error per measure when the whole measure is blank or absent, not one per cell.
    expect(d.filter((x) => x.message.startsWith("cla_31_march"))).toHaveLength(2); // 102 SSDA903 cells + 6 unregistered (LA records only)
    expect(completeness(ctx([row("cla_31_march", null, { placement_type: "total", age_band: "total" })])).required.missing).toBeGreaterThan(100);
  });
  it("a weighted mean needs its weight; a weight of 0 is a warning", () => {
    const dims = { placement_type: "foster_ifa", sector: "private" };
    expect(codes(weightsPresent.check(ctx([row("weekly_cost_mean", 950, dims)])))).toEqual(["E_WEIGHT_MISSING"]);
    expect(codes(weightsPresent.check(ctx([row("weekly_cost_mean", 950, dims), row("placements_costed", null, dims)])))).toEqual(["E_WEIGHT_MISSING"]);
    expect(codes(weightsPresent.check(ctx([row("weekly_cost_mean", 950, dims), row("placements_costed", 0, dims)])))).toEqual(["W_WEIGHT_ZERO"]);
    expect(weightsPresent.check(ctx([row("weekly_cost_mean", 950, dims), row("placements_costed", 12, dims)]))).toEqual([]);
    expect(weightsPresent.check(ctx([row("weekly_cost_mean", null, dims)]))).toEqual([]);
  });
});

describe("runRules and pointAt", () => {
  it("runs every rule", () => {
    expect(RULES.length).toBe(9);
    expect(runRules(ctx([]))).toEqual([]);
    expect(codes(runRules(ctx([...completeCore(), row("foster_places_approved", 10), row("foster_places_vacant", 12.5)]))).filter((c) => c !== "E_DUPLICATE_ROW")).toEqual(["E_COUNT_NOT_INTEGER", "E_AT_MOST"]);
  });
  it("points at a cell on another sheet, a CSV column, or the value", () => {
    const c = ctx([row("foster_places_approved", 1)]);
    c.locations[0].cells = { new_la_code: "Return!B2" };
    expect(pointAt(c, 0, "new_la_code")).toEqual({ file: "return.xlsx", sheet: "Return", cell: "B2" });
    expect(pointAt(c, 0)).toEqual({ file: "return.xlsx", sheet: "Demand", cell: "I2" });
    expect(pointAt({ file: "a.csv", rows: [], locations: [{ row: 4, column: "value", cells: { age_band: "age_band" } }], today: TODAY }, 0, "age_band")).toEqual({ file: "a.csv", row: 4, column: "age_band" });
  });
});
