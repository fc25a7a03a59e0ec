/** The @example of every public function in src/validate/, run as written. */
import { describe, expect, it } from "vitest";
import { describeLocation, pointAt, rowKey, rowsByMeasure } from "../../src/validate/rule";
import type { DatasetRow } from "../../src/spec/dataset";
import { runRules } from "../../src/validate/run-rules";
import { latestCompletePeriod } from "../../src/validate/period";
import { validateFile } from "../../src/validate/validate-file";
import { completeness, fromSsda903 } from "../../src/validate/required-values";
import { findMeasure } from "../../src/template/measures";

const all = async (text: string) => (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode(text) })).diagnostics.map((d) => d.code);
// A partial return also misses the required measures; the examples of the other rules leave those errors out.
const csv = async (text: string) => (await all(text)).filter((c) => !c.startsWith("E_REQUIRED"));

describe("validate JSDoc examples", () => {
  it("rule examples", async () => {
    expect(await csv("old_la_code,time_period,measure,value\n909,2025,foster_places_approved,1\n")).toEqual(["E_LA_OUT_OF_PERIOD"]);
    expect(await csv("new_la_code,time_period,measure,placement_type,value\nE06000001,2025,block_contracted_beds,Secure ,1\n")).toEqual(["W_CODE_NOT_EXACT"]);
    expect(await csv("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,2.5\n")).toEqual(["E_COUNT_NOT_INTEGER"]);
    expect(await csv("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,4\nE06000001,2025,foster_places_approved,5\n")).toEqual(["E_DUPLICATE_ROW"]);
    expect(await csv("new_la_code,time_period,measure,age_band,value\nE06000001,2025,cla_31_march_uasc,total,9\nE06000001,2025,cla_31_march_uasc,under_1,0\nE06000001,2025,cla_31_march_uasc,1_to_4,0\nE06000001,2025,cla_31_march_uasc,5_to_9,1\nE06000001,2025,cla_31_march_uasc,10_to_15,3\nE06000001,2025,cla_31_march_uasc,16_plus,6\n")).toEqual(["E_PARTS_NOT_TOTAL"]);
    expect(await csv("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,10\nE06000001,2025,foster_places_vacant,12\n")).toEqual(["E_AT_MOST"]);
    expect(await csv("new_la_code,time_period,measure,value\nE06000001,2024-25,foster_places_approved,1\n")).toEqual(["E_PERIOD_FORMAT"]);
    expect(await all("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,\n")).toContain("E_REQUIRED_LA_RECORDS_MISSING");
    expect(await csv("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_vacant,\n")).toEqual(["I_VALUES_MISSING"]);
    expect(await all("new_la_code,time_period,measure,placement_type,sector,value\nE06000001,2025,weekly_cost_mean,foster_ifa,private,950\n")).toContain("E_WEIGHT_MISSING");
  });
  it("helpers", async () => {
    expect(latestCompletePeriod(new Date(Date.UTC(2026, 10, 22)))).toBe(2026);
    expect(pointAt({ file: "a.xlsx", rows: [], locations: [{ sheet: "Demand", cell: "I7" }], today: new Date() }, 0)).toEqual({ file: "a.xlsx", sheet: "Demand", cell: "I7" });
    expect(runRules({ file: "a.csv", rows: [], locations: [], today: new Date() })).toEqual([]);
    expect(describeLocation({ file: "a.csv", rows: [], locations: [{ row: 12 }], today: new Date() }, 0)).toBe("row 12");
    expect(rowKey({ old_la_code: "805", time_period: "2025", measure: "cla_31_march", dims: { placement_type: "total", age_band: "" } } as DatasetRow)).toBe("805|2025|cla_31_march|placement_type=total");
    expect(rowsByMeasure({ file: "a.csv", rows: [{ measure: "x" }, { measure: "y" }, { measure: "x" }] as DatasetRow[], locations: [], today: new Date() }).get("x")).toEqual([0, 2]);
    expect((await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,-1\n") })).diagnostics[0].code).toBe("E_VALUE_NEGATIVE");
    expect(completeness({ file: "r.csv", rows: [], locations: [], today: new Date() }).required.missing).toBe(0);
    expect(fromSsda903(findMeasure("cla_31_march")!, { placement_type: "unregistered", age_band: "total" })).toBe(false);
  });
});
