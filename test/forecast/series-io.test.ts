import { describe, expect, it } from "vitest";
import { forecastColumns, forecastRecords, readSeriesCsv } from "../../src/forecast/series-io";
import { formatPeriodLabel, parsePeriodLabel, periodLabelAfter } from "../../src/forecast/period-label";
import { prepareSeries } from "../../src/forecast/prepare-series";
import { isSuffError } from "../../src/spec/errors";

describe("readSeriesCsv", () => {
  it("doc example", () => {
    expect(Array.from(readSeriesCsv("series_id,period,value\na,2024,1\na,2025,2\n").series[0]!.values)).toEqual([1, 2]);
  });
  it("reads annual and quarterly series, any column order, markers and blanks as missing", () => {
    const text = "value,Period,SERIES_ID,note\n1,2020,a,x\n,2021,a,\nc,2022,a,\n4,2023,a,\n5,2024-Q2,b,\n6,2024-Q1,b,\n";
    const result = readSeriesCsv(text, { file: "f.csv" });
    expect(result.rows).toBe(6);
    expect(result.accepted).toBe(6);
    const a = result.series.find((s) => s.id === "a")!;
    expect(a.frequency).toBe(1);
    expect(Array.from(a.values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, null, null, 4]);
    const b = result.series.find((s) => s.id === "b")!;
    expect(b.frequency).toBe(4);
    expect(b.periods).toEqual(["2024-Q1", "2024-Q2"]);
    expect(Array.from(b.values)).toEqual([6, 5]);
    expect(result.diagnostics.map((d) => [d.code, d.row])).toEqual([["I_SERIES_MARKER", 4]]);
  });
  it("reports bad rows with their row numbers and never drops a row silently", () => {
    const text = "series_id,period,value\na,2020,1\n,2021,2\na,20x1,3\na,2021-03,4\na,2020,5\na,2022,abc\na,2024,7\n";
    const result = readSeriesCsv(text, { file: "f.csv" });
    const codes = result.diagnostics.map((d) => `${d.code}@${d.row ?? "-"}`);
    expect(codes).toEqual(["E_SERIES_NO_ID@3", "E_SERIES_BAD_PERIOD@4", "E_SERIES_MIXED_FREQUENCY@5", "E_SERIES_DUPLICATE@6", "W_SERIES_BAD_VALUE@7", "I_SERIES_GAP@-", "I_SERIES_GAP@-"]);
    const rejected = result.diagnostics.filter((d) => d.severity === "error").length;
    expect(result.accepted + rejected).toBe(result.rows);
    expect(result.diagnostics.every((d) => d.file === "f.csv")).toBe(true);
    const a = result.series[0]!;
    expect(a.periods).toEqual(["2020", "2021", "2022", "2023", "2024"]);
    expect(Number.isNaN(a.values[3])).toBe(true); // the gap is missing, not zero
  });
  it("stops on a missing column or a conflicting --frequency", () => {
    try { readSeriesCsv("id,period,value\n"); expect.unreachable(); } catch (e) { expect(isSuffError(e) && e.code).toBe("E_SERIES_HEADER"); }
    try { readSeriesCsv("series_id,period,value\na,2020,1\n", { frequency: 4 }); expect.unreachable(); } catch (e) { expect(isSuffError(e) && e.code).toBe("E_SERIES_FREQUENCY"); }
    expect(() => readSeriesCsv("series_id,period,value\n", { frequency: 7 })).toThrow();
  });
  it("forecast columns and records", () => {
    expect(forecastColumns([80, 95])).toEqual(["series_id", "period", "model", "mean", "lo80", "hi80", "lo95", "hi95"]);
    const rec = forecastRecords([{ series_id: "a", period: "2026", step: 1, model: "naive", mean: 2, lower: { 80: 1 }, upper: { 80: 3 } }], [80]);
    expect(rec[0]!.hi80).toBe(3);
    expect(forecastRecords([{ series_id: "a", period: "2026", step: 1, model: "n", mean: Number.NaN, lower: {}, upper: {} }], [80])[0]!.lo80).toBeNull();
  });
});

describe("period labels", () => {
  it("parse, format and step", () => {
    expect(parsePeriodLabel("2024-Q3")).toEqual({ frequency: 4, index: 8098 });
    expect(parsePeriodLabel("2024-12")).toEqual({ frequency: 12, index: 2024 * 12 + 11 });
    expect(parsePeriodLabel("2024-13")).toBeNull();
    expect(parsePeriodLabel("24")).toBeNull();
    expect(formatPeriodLabel(8099, 4)).toBe("2024-Q4");
    expect(periodLabelAfter("2024-Q4", 1)).toBe("2025-Q1");
    expect(periodLabelAfter("2024-12", 2)).toBe("2025-02");
    expect(periodLabelAfter("2025", 3)).toBe("2028");
    expect(periodLabelAfter("week 3", 1)).toBe("week 3+1");
    expect(() => formatPeriodLabel(1, 7)).toThrow(RangeError);
  });
});

describe("prepareSeries", () => {
  it("trims missing ends and interpolates gaps (doc example)", () => {
    const p = prepareSeries({ values: Float64Array.of(Number.NaN, 1, Number.NaN, 3, Number.NaN) })!;
    expect(Array.from(p.values)).toEqual([1, 2, 3]);
    expect([p.start, p.end, p.interpolated]).toEqual([1, 3, 1]);
    expect(prepareSeries({ values: Float64Array.of(Number.NaN) })).toBeNull();
  });
});
