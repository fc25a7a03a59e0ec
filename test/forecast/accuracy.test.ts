import { describe, expect, it } from "vitest";
import { accuracy } from "../../src/forecast/accuracy";
import type { ForecastRow, Series } from "../../src/spec/forecast";

const series: Series[] = [{ id: "a", periods: ["1", "2", "3", "4", "5", "6"], values: Float64Array.of(10, 12, 11, 13, 15, 14), frequency: 1 }];
// Origin index 3 (value 13): in-sample |diffs| = 2, 1, 2 -> MASE scale 5/3; squared 4, 1, 4 -> RMSSE scale 3.
const rows: ForecastRow[] = [
  { series_id: "a", period: "5", step: 1, model: "m", mean: 13, lower: { 80: 12, 95: 11 }, upper: { 80: 14, 95: 16 }, actual: 15, origin: 3 },
  { series_id: "a", period: "6", step: 2, model: "m", mean: 13, lower: { 80: 11, 95: 10 }, upper: { 80: 15, 95: 16 }, actual: 14, origin: 3 },
];

describe("accuracy on a hand-computed example", () => {
  const table = accuracy(rows, { series });
  const overall = table.find((r) => r.scope === "overall")!;
  it("point measures", () => {
    // errors 2 and 1
    expect(overall.n).toBe(2);
    expect(overall.me).toBeCloseTo(1.5, 12);
    expect(overall.mae).toBeCloseTo(1.5, 12);
    expect(overall.rmse).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(overall.mape).toBeCloseTo((200 / 15 + 100 / 14) / 2, 12);
    expect(overall.smape).toBeCloseTo((200 * 2 / 28 + 200 * 1 / 27) / 2, 12);
    expect(overall.mase).toBeCloseTo(1.5 / (5 / 3), 12);
    expect(overall.rmsse).toBeCloseTo(Math.sqrt(2.5 / 3), 12);
  });
  it("interval measures: coverage, Winkler and MSIS", () => {
    // 80%: [12,14] misses 15 by 1 -> 2 + (2/0.2)*1 = 12; [11,15] holds 14 -> 4. Mean 8.
    expect(overall.intervals[80]!.coverage).toBeCloseTo(0.5, 12);
    expect(overall.intervals[80]!.winkler).toBeCloseTo(8, 12);
    expect(overall.intervals[80]!.msis).toBeCloseTo(8 / (5 / 3), 12);
    expect(overall.intervals[95]!.coverage).toBe(1);
    expect(overall.intervals[95]!.winkler).toBeCloseTo(5.5, 12);
  });
  it("by series and by horizon", () => {
    expect(table.filter((r) => r.scope === "series").map((r) => r.series_id)).toEqual(["a"]);
    const byStep = table.filter((r) => r.scope === "horizon");
    expect(byStep.map((r) => r.step)).toEqual([1, 2]);
    expect(byStep[0]!.mae).toBe(2);
    expect(byStep[1]!.mae).toBe(1);
  });
  it("doc example, missing actuals skipped, NaN without series", () => {
    const one = accuracy([{ series_id: "a", period: "2", step: 1, model: "naive", mean: 1, lower: {}, upper: {}, actual: 3, origin: 0 }]).at(-1)!;
    expect(one.mae).toBe(2);
    expect(Number.isNaN(one.mase)).toBe(true);
    const skipped = accuracy([{ ...rows[0]!, actual: Number.NaN }, rows[1]!], { series }).at(-1)!;
    expect(skipped.n).toBe(1);
  });
});
