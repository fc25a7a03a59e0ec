import { describe, expect, it } from "vitest";
import { applyConformal, conformal, seriesScale } from "../../src/forecast/conformal";
import { forecast } from "../../src/forecast/forecast";
import { accuracy } from "../../src/forecast/accuracy";
import { naive } from "../../src/forecast/models/naive";
import { theta } from "../../src/forecast/models/theta";
import type { Series } from "../../src/spec/forecast";

/** Deterministic standard normals (mulberry32 + Box-Muller). */
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-300)) * Math.cos(2 * Math.PI * uniform());
}

function randomWalks(count: number, length: number, seed: number): Series[] {
  const z = normals(seed);
  return Array.from({ length: count }, (_, i) => {
    const scale = 1 + (i % 7); // different scales: the pooled scores are scale-free
    const values = new Float64Array(length);
    let level = 100;
    for (let t = 0; t < length; t++) { level += scale * z(); values[t] = level; }
    return { id: `rw${i}`, periods: Array.from({ length }, (_, t) => String(1990 + t)), values, frequency: 1 };
  });
}

describe("conformal calibration", () => {
  const horizon = 4;
  const full = randomWalks(400, 24, 7);
  const train = full.map((s) => ({ ...s, values: s.values.slice(0, 20), periods: s.periods.slice(0, 20) }));

  it("95% and 80% intervals cover held-out random-walk data at close to their level", () => {
    const table = forecast(train, naive, { horizon, levels: [80, 95], calibrate: true });
    for (const row of table) row.actual = full.find((s) => s.id === row.series_id)!.values[19 + row.step];
    const overall = accuracy(table, { series: train }).at(-1)!;
    expect(overall.intervals[95]!.coverage).toBeGreaterThan(0.92);
    expect(overall.intervals[95]!.coverage).toBeLessThan(0.98);
    expect(overall.intervals[80]!.coverage).toBeGreaterThan(0.75);
    expect(overall.intervals[80]!.coverage).toBeLessThan(0.86);
  });

  it("quantiles grow with the step, pooled by default for short series", () => {
    const calibration = conformal(train, naive, { horizon, levels: [95] });
    expect(calibration.ownSeries.size).toBe(0);
    expect(calibration.pooledScores).toHaveLength(horizon);
    const q = calibration.quantiles.get("*")![95]!;
    for (let k = 1; k < horizon; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]!);
    // Random walk: h-step error sd grows like sqrt(h).
    expect(q[3]! / q[0]!).toBeGreaterThan(1.5);
  });

  it("per-series calibration when asked, and applyConformal keeps every row", () => {
    const calibration = conformal(train.slice(0, 3), theta, { horizon: 2, levels: [80], pooling: "series", origins: 10 });
    expect(calibration.ownSeries.size).toBe(3);
    const table = forecast(train.slice(0, 3), theta, { horizon: 2, levels: [80] });
    const calibrated = applyConformal(table, calibration, train.slice(0, 3));
    expect(calibrated).toHaveLength(table.length);
    for (const row of calibrated) expect(row.upper[80]! - row.mean).toBeCloseTo(row.mean - row.lower[80]!, 9);
  });

  it("scale of a constant history is 1% of its level; bad levels throw", () => {
    expect(seriesScale(Float64Array.of(5, 5, 5), 1)).toBeCloseTo(0.05, 12);
    expect(seriesScale(Float64Array.of(1, 3, 2, 6), 1)).toBeCloseTo(7 / 3, 12);
    expect(() => conformal(train, naive, { horizon: 1, levels: [100] })).toThrow(RangeError);
  });
});

describe("conformal doc example", () => {
  it("counts scores per step", () => {
    const six: Series = { id: "a", periods: ["1", "2", "3", "4", "5", "6"], values: Float64Array.of(1, 2, 4, 3, 5, 6), frequency: 1 };
    // Fits see at least 4 points: origins 3 and 4; step 1 has 2 actuals, step 2 has 1.
    expect(conformal([six], naive, { horizon: 2, levels: [80] }).pooledScores).toEqual([2, 1]);
  });
});

describe("per-series calibration for a few long series", () => {
  it("a long series uses its own errors by default; a short one the pooled ones", () => {
    const [long] = randomWalks(1, 80, 11);
    const short = { ...randomWalks(1, 12, 12)[0]!, id: "short" };
    const calibration = conformal([long!, short], naive, { horizon: 3, levels: [90] });
    expect(calibration.ownSeries.has(long!.id)).toBe(true);
    expect(calibration.ownSeries.has("short")).toBe(false);
  });
});

describe("small calibration sets", () => {
  it("a constant history gives no scores; too few scores widen to the analytic bounds; levels stay nested", () => {
    const flat: Series = { id: "flat", periods: Array.from({ length: 10 }, (_, i) => String(2000 + i)), values: new Float64Array(10).fill(5), frequency: 1 };
    expect(conformal([flat], naive, { horizon: 2, levels: [80] }).pooledScores).toEqual([0, 0]);
    const [walk] = randomWalks(1, 12, 3);
    const table = forecast([walk!], naive, { horizon: 2, levels: [80, 95] });
    const calibrated = forecast([walk!], naive, { horizon: 2, levels: [80, 95], calibrate: true });
    for (let i = 0; i < table.length; i++) {
      // 95% needs 19 scores per step; 12 points give fewer, so the analytic bound is a floor.
      expect(calibrated[i]!.lower[95]).toBeLessThanOrEqual(table[i]!.lower[95]!);
      expect(calibrated[i]!.upper[95]).toBeGreaterThanOrEqual(table[i]!.upper[95]!);
      expect(calibrated[i]!.lower[95]).toBeLessThanOrEqual(calibrated[i]!.lower[80]!);
      expect(calibrated[i]!.upper[95]).toBeGreaterThanOrEqual(calibrated[i]!.upper[80]!);
    }
  });
});
