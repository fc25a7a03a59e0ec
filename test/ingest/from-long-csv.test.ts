import { describe, expect, it } from "vitest";
import { dateOfText, readLongCsv } from "../../src/ingest/from-long-csv";
import { parseAmount } from "../../src/ingest/build-row";

const read = (text: string) => readLongCsv({ name: "r.csv", bytes: new TextEncoder().encode(text) });

describe("readLongCsv", () => {
  it("reads a minimal long CSV (JSDoc example) and derives geography from the LA", () => {
    const r = read("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\n");
    expect(r.rowsAccepted).toBe(1);
    expect(r.rows[0]).toMatchObject({ la_name: "Hartlepool", old_la_code: "805", region_name: "North East", value: 40, value_status: "ok", dims: {} });
    expect(r.locations![0]).toMatchObject({ row: 2, column: "value" });
  });
  it("accepts old codes, markers and missing reasons; missing is never zero", () => {
    const r = read("old_la_code,time_period,measure,age_band,value,value_status\n805,2025,cla_31_march_uasc,total,c,\n805,2025,cla_31_march_uasc,under_1,,not_applicable\n805,2025,cla_31_march_uasc,1_to_4,,\n");
    expect(r.rows.map((x) => [x.value, x.value_status])).toEqual([[null, "suppressed"], [null, "not_applicable"], [null, "missing"]]);
  });
  it("rejects each bad row with a located diagnostic and counts it", () => {
    const r = read("new_la_code,time_period,measure,placement_type,value,colour\nE06000001,2025,placed_outside_la,bogus,3,red\nX1,2025,placed_outside_la,total,3,\nE06000001,2025,not_a_measure,,3,\nE06000001,2025,placed_outside_la,total,ten,\nE06000001,,placed_outside_la,total,1,\nE06000001,2025,placed_outside_la,,1,\n");
    expect(r.rowsRead).toBe(6);
    expect(r.rowsRejected).toBe(6);
    expect(r.diagnostics.map((d) => [d.code, d.row, d.column])).toEqual([
      ["W_UNKNOWN_COLUMN", 1, "colour"],
      ["E_INVALID_CODE", 2, "placement_type"],
      ["E_UNKNOWN_LA", 3, "new_la_code"],
      ["E_UNKNOWN_MEASURE", 4, "measure"],
      ["E_VALUE_NOT_NUMBER", 5, "value"],
      ["E_PERIOD_MISSING", 6, "time_period"],
      ["E_DIMENSION_MISSING", 7, "placement_type"],
    ]);
  });
  it("reports missing required columns and malformed CSV without throwing", () => {
    expect(read("measure,value\nx,1\n").diagnostics[0].code).toBe("E_CSV_COLUMNS_MISSING");
    expect(read('new_la_code,time_period,measure,value\n"E06000001,2025\n').diagnostics[0].code).toBe("E_CSV_PARSE");
    expect(read("").diagnostics[0].code).toBe("E_CSV_COLUMNS_MISSING");
  });
  it("reads a date as the year ending 31 March that contains it, with a warning", () => {
    const r = read("new_la_code,time_period,measure,value\nE06000001,31/03/2025,foster_places_approved,40\nE06000001,2024-04-01,foster_places_vacant,4\nE06000001,45747,foster_enquiries,100\n");
    expect(r.rows.map((x) => x.time_period)).toEqual(["2025", "2025", "2025"]);
    expect(r.diagnostics.map((d) => [d.code, d.row, d.column])).toEqual([["W_DATE_AS_PERIOD", 2, "time_period"], ["W_DATE_AS_PERIOD", 3, "time_period"], ["W_DATE_AS_PERIOD", 4, "time_period"]]);
    expect(dateOfText("31/03/2025")?.toISOString().slice(0, 10)).toBe("2025-03-31");
    expect(dateOfText("31/02/2025")).toBeUndefined();
  });
  it("accepts a measure id in the wrong case, recording it for a warning", () => {
    const r = read("new_la_code,time_period,measure,value\nE06000001,2025,Foster_Places_Approved,40\n");
    expect(r.rows[0].measure).toBe("foster_places_approved");
    expect(r.locations![0].normalised).toEqual([{ column: "measure", raw: "Foster_Places_Approved", code: "foster_places_approved" }]);
  });
  it("parses amounts as people type them", () => {
    expect(parseAmount("£1,234.50")).toBe(1234.5);
    expect(parseAmount(" 12 ")).toBe(12);
    expect(parseAmount("-3")).toBe(-3);
    expect(parseAmount("1,2")).toBeUndefined();
    expect(parseAmount("ten")).toBeUndefined();
  });
});
