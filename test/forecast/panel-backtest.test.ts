import { describe, expect, it } from "vitest";
import { panelBacktest } from "../../src/forecast/panel-backtest";
import { naive } from "../../src/forecast/models/naive";
import type { GlobalModelSpec } from "../../src/spec/forecast";

describe("panelBacktest", () => {
  const series = [{ id: "a", periods: ["1", "2", "3", "4", "5"], values: Float64Array.of(1, 2, 3, 4, 5), frequency: 1 }];
  it("returns no accuracy without models (JSDoc example)", () => {
    expect(panelBacktest(series, [], { origins: ["4"], horizon: 1 }).accuracy).toEqual([]);
  });
  it("scores naive on a line: MASE 1 per step, sMAPE by hand", () => {
    const result = panelBacktest(series, [naive], { origins: ["3"], horizon: 2 });
    const h1 = result.accuracy.find((a) => a.horizon === 1)!;
    const h2 = result.accuracy.find((a) => a.horizon === 2)!;
    expect(h1.mase).toBeCloseTo(1, 10);
    expect(h2.mase).toBeCloseTo(2, 10);
    expect(h1.smape).toBeCloseTo((200 * 1) / 7, 10);
    expect(result.rows.map((r) => r.period)).toEqual(["4", "5"]);
  });
  it("scores a global model on the same targets", () => {
    const perfect: GlobalModelSpec = { name: "oracle", global: true, forecastMany: (set, { horizon }) => set.flatMap((s) => Array.from({ length: horizon }, (_, k) => ({ series_id: s.id, period: "", step: k + 1, model: "oracle", mean: s.values[s.values.length - 1] + k + 1, lower: { 80: 0 }, upper: { 80: 100 } }))) };
    const result = panelBacktest(series, [naive, perfect], { origins: ["3"], horizon: 2, levels: [80] });
    const oracle = result.accuracy.find((a) => a.model === "oracle" && a.horizon === 0)!;
    expect(oracle.mase).toBe(0);
    expect(oracle.coverage[80]).toBe(1);
    expect(oracle.forecasts).toBe(2);
  });
});
