import { describe, expect, it } from "vitest";
import { forecast } from "../../src/forecast/forecast";
import { forecastSeries } from "../../src/forecast/forecast-series";
import { evaluate } from "../../src/forecast/evaluate";
import { seriesPlan } from "../../src/forecast/series-plan";
import { auto } from "../../src/forecast/models/auto";
import { modelByName, MODEL_NAMES } from "../../src/forecast/model-registry";
import { naive } from "../../src/forecast/models/naive";
import { drift } from "../../src/forecast/models/drift";
import type { GlobalModelSpec, ModelSpec, Series } from "../../src/spec/forecast";

const years = (n: number, start = 2000): string[] => Array.from({ length: n }, (_, i) => String(start + i));
const a: Series = { id: "a", periods: ["2024", "2025"], values: Float64Array.of(1, 2), frequency: 1 };
const trend: Series = { id: "t", periods: years(12), values: Float64Array.from({ length: 12 }, (_, i) => 10 + 2 * i), frequency: 1 };

describe("forecast", () => {
  it("doc example: periods after the last observation", () => {
    expect(forecast([a], naive, { horizon: 2, levels: [] }).map((r) => r.period)).toEqual(["2026", "2027"]);
    expect(forecastSeries(a, naive, { horizon: 1, levels: [] })[0]!.period).toBe("2026");
  });
  it("rows per series and step with every level, quarterly labels roll over", () => {
    const q: Series = { id: "q", periods: ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"], values: Float64Array.of(1, 2, 3, 4), frequency: 4 };
    const table = forecast([a, q], drift, { horizon: 3 });
    expect(table).toHaveLength(6);
    expect(table.filter((r) => r.series_id === "q").map((r) => r.period)).toEqual(["2024-Q3", "2024-Q4", "2025-Q1"]);
    for (const row of table) expect(Object.keys(row.lower).map(Number)).toEqual([80, 95]);
  });
  it("missing values: trailing gaps move the origin, interior gaps are interpolated, empty series give no rows", () => {
    const gappy: Series = { id: "g", periods: years(5), values: Float64Array.of(1, Number.NaN, 3, 4, Number.NaN), frequency: 1 };
    const empty: Series = { id: "e", periods: years(2), values: Float64Array.of(Number.NaN, Number.NaN), frequency: 1 };
    const table = forecast([gappy, empty], drift, { horizon: 1, levels: [] });
    expect(table).toHaveLength(1);
    expect(table[0]!.period).toBe("2004");
    expect(table[0]!.mean).toBeCloseTo(5, 12);
  });
  it("a failing model falls back to naive and says so", () => {
    const broken: ModelSpec = { name: "broken", fit() { throw new Error("boom"); } };
    const row = forecast([a], broken, { horizon: 1, levels: [80] })[0]!;
    expect(row.model).toBe("naive (fallback: broken failed: boom)");
    expect(row.mean).toBe(2);
  });
  it("non-negative series are clamped at zero by default, and calibrated bounds too", () => {
    const falling: Series = { id: "f", periods: years(8), values: Float64Array.of(40, 35, 30, 24, 18, 12, 7, 3), frequency: 1 };
    for (const calibrate of [false, true]) {
      for (const row of forecast([falling, trend], drift, { horizon: 4, calibrate })) {
        expect(row.mean).toBeGreaterThanOrEqual(0);
        expect(row.lower[95]).toBeGreaterThanOrEqual(0);
      }
    }
    const negative = forecast([falling], drift, { horizon: 4, nonNegative: false, levels: [] });
    expect(negative.at(-1)!.mean).toBeLessThan(0);
  });
  it("rejects a bad horizon or level", () => {
    expect(() => forecast([a], naive, { horizon: 0 })).toThrow(RangeError);
    expect(() => forecast([a], naive, { horizon: 1, levels: [0] })).toThrow(RangeError);
  });
});

describe("auto selection and global candidates", () => {
  const panel: Series[] = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, periods: years(12), values: Float64Array.from({ length: 12 }, (_, t) => 100 + (i + 1) * t + ((t * 7 + i) % 3)), frequency: 1 }));
  const oracle = (offset: number): GlobalModelSpec => ({
    name: `global+${offset}`, global: true,
    forecastMany(set, { horizon }) {
      // Knows how the panel was made (plus `offset`): the best possible model when offset is 0.
      return set.flatMap((s) => {
        const i = Number(s.id.slice(1));
        const n = s.values.length;
        return Array.from({ length: horizon }, (_, k) => { const t = n + k; return { series_id: s.id, period: "", step: k + 1, model: this.name, mean: 100 + (i + 1) * t + ((t * 7 + i) % 3) + offset, lower: {}, upper: {}, origin: n - 1 }; });
      });
    },
  });
  it("without candidates auto is the local model", () => {
    expect(forecast(panel, "auto", { horizon: 3 })[0]!.model).toBe("auto");
  });
  it("a global candidate is chosen only when it wins on the earlier origins, and the choice is noted", () => {
    const bad = forecast(panel, "auto", { horizon: 2, candidates: [oracle(50)] });
    expect(bad[0]!.model).toBe("auto");
    const table = forecast(panel, "auto", { horizon: 2, candidates: [oracle(0)] });
    expect(table[0]!.model).toBe("global+0");
  });
  it("evaluate re-runs the plan at each origin on the data up to it and attaches actuals", () => {
    const result = evaluate(seriesPlan(panel, { model: naive }), { origins: 3, horizon: 2 });
    expect(result.rows).toHaveLength(6 * 3 * 2);
    expect([...new Set(result.rows.map((r) => r.origin))].sort()).toEqual([7, 8, 9]);
    for (const row of result.rows) expect(row.actual).toBe(panel.find((s) => s.id === row.series_id)!.values[row.origin! + row.step]);
    expect(() => evaluate(seriesPlan(panel, { model: naive }), { origins: 0, horizon: 2 })).toThrow(RangeError);
    expect(evaluate(seriesPlan(panel, { model: { choose: [auto, oracle(0)] } }), { origins: 2, horizon: 2 }).rows[0]!.model).toBe("global+0");
  });
  it("model registry", () => {
    expect(modelByName("theta")).toMatchObject({ name: "theta" });
    expect(modelByName("auto")).toBe("auto");
    expect(modelByName("nope")).toBeUndefined();
    expect(MODEL_NAMES).toContain("ensemble");
  });
});

describe("doc examples of the grammar", () => {
  const six: Series = { id: "a", periods: ["1", "2", "3", "4", "5", "6"], values: Float64Array.of(1, 2, 4, 3, 5, 6), frequency: 1 };
  it("evaluate with naive", () => {
    expect(evaluate(seriesPlan([six], { model: naive }), { origins: 2, horizon: 2 }).rows.map((r) => r.actual)).toEqual([3, 5, 5, 6]);
  });
});

describe("doc examples of helpers (isNonNegative)", () => {
  it("isNonNegative ignores missing values", async () => {
    const { isNonNegative } = await import("../../src/forecast/forecast-series");
    expect(isNonNegative(Float64Array.of(0, Number.NaN, 3))).toBe(true);
    expect(isNonNegative(Float64Array.of(0, -1))).toBe(false);
  });
});
