import { describe, expect, it } from "vitest";
import { conformalDistribution, conformalPools, distributionQuantile, nestIntervals, seriesScale, withDistribution } from "../../src/forecast/conformal";
import { run } from "../../src/forecast/run";
import { seriesPlan } from "../../src/forecast/series-plan";
import { forecastProbabilityAbove, forecastQuantile } from "../../src/forecast/forecast-quantile";
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

describe("conformal calibration through a plan", () => {
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

  it("widths grow with the step (random walk: about like the square root of h)", () => {
    const rows = run(seriesPlan(train, { model: naive }), { horizon }).rows.filter((r) => r.series_id === "rw0");
    const width = (r: (typeof rows)[number]) => r.upper[95]! - r.lower[95]!;
    for (let k = 1; k < horizon; k++) expect(width(rows[k]!)).toBeGreaterThanOrEqual(width(rows[k - 1]!));
    expect(width(rows[3]!) / width(rows[0]!)).toBeGreaterThan(1.5);
  });

  it("every row carries its distribution: any quantile and the probability of exceeding a value", () => {
    const row = run(seriesPlan(train, { model: naive }), { horizon: 2 }).rows[0]!;
    expect(row.distribution?.group).toBe("series");
    expect(forecastQuantile(row, 0.1)).toBeCloseTo(row.lower[80]!, 9);
    expect(forecastQuantile(row, 0.975)).toBeCloseTo(row.upper[95]!, 9);
    expect(forecastQuantile(row, 0.99)).toBeGreaterThan(forecastQuantile(row, 0.975));
    expect(forecastProbabilityAbove(row, row.upper[80]!)).toBeCloseTo(0.1, 2);
    expect(forecastProbabilityAbove(row, row.lower[95]!)).toBeCloseTo(0.975, 2);
  });

  it("scale of a constant history is 1% of its level", () => {
    expect(seriesScale(Float64Array.of(5, 5, 5), 1)).toBeCloseTo(0.05, 12);
    expect(seriesScale(Float64Array.of(1, 3, 2, 6), 1)).toBeCloseTo(7 / 3, 12);
  });
});

describe("conformal distributions", () => {
  const pools = conformalPools([1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => ({ group: "g", step: 1, actual: v - 5, mean: 0, scale: 1 })).concat([{ group: "g", step: 2, actual: 10, mean: 0, scale: 2 }, { group: "g", step: 2, actual: -10, mean: 0, scale: 2 }]), { horizon: 2, minimumScores: 1 });
  it("pools signed scaled scores by group and step, sorted (doc example)", () => {
    expect(Array.from(pools.scores.get("g")![0]!)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(conformalPools([{ group: "g", step: 1, actual: 3, mean: 2, scale: 1 }], { horizon: 1 }).scores.get("g")![0]).toEqual(Float64Array.of(1));
  });
  it("quantiles interpolate the scores at i / (n + 1) and extend them with normal tails", () => {
    const d = conformalDistribution(pools, "g", 1, 10, -Infinity)!;
    expect(distributionQuantile(d, 100, 0.5)).toBeCloseTo(100, 12);
    expect(distributionQuantile(d, 100, 0.9)).toBeCloseTo(140, 12); // the 9th of 9 scores sits at 0.9
    expect(distributionQuantile(d, 100, 0.95)).toBeGreaterThan(140); // beyond: a tail, never flat
    expect(distributionQuantile(d, 100, 0.05)).toBeLessThan(60);
    expect(distributionQuantile({ scores: [Float64Array.of(-1, 0, 1)], step: 1, scale: 2, floor: 0, group: "g" }, 10, 0.5)).toBe(10);
  });
  it("upper quantiles never shrink with the step, and the floor holds", () => {
    const d1 = conformalDistribution(pools, "g", 1, 1, 0)!;
    const d2 = conformalDistribution(pools, "g", 2, 1, 0)!;
    for (const p of [0.6, 0.8, 0.9, 0.975]) expect(distributionQuantile(d2, 10, p)).toBeGreaterThanOrEqual(distributionQuantile(d1, 10, p));
    expect(distributionQuantile(d1, 1, 0.01)).toBe(0);
  });
  it("bounds are nested and bracket the mean, even when every score is on one side", () => {
    const biased = conformalPools(Array.from({ length: 50 }, (_, i) => ({ group: "b", step: 1, actual: 1 + i, mean: 0, scale: 1 })), { horizon: 1 });
    const row = withDistribution({ series_id: "a", period: "2026", step: 1, model: "m", mean: 10, lower: {}, upper: {} }, conformalDistribution(biased, "b", 1, 1, 0), [80, 95]);
    expect(row.lower[95]).toBeLessThanOrEqual(row.lower[80]!);
    expect(row.lower[80]).toBeLessThanOrEqual(row.mean);
    expect(row.upper[80]).toBeGreaterThanOrEqual(row.mean);
    expect(row.upper[95]).toBeGreaterThan(row.upper[80]!);
    expect(nestIntervals({ series_id: "a", period: "1", step: 1, model: "m", mean: 5, lower: { 80: 4, 95: 4.5 }, upper: { 80: 7, 95: 6 } }, [80, 95]).upper[95]).toBe(7);
  });
  it("a group with too few scores borrows its fallback group's", () => {
    const few = conformalPools([{ group: "small", step: 1, actual: 1, mean: 0, scale: 1 }, ...Array.from({ length: 40 }, (_, i) => ({ group: "big", step: 1, actual: i, mean: 0, scale: 1 }))], { horizon: 1, fallback: (g) => (g === "small" ? "big" : undefined), minimumScores: 30 });
    expect(conformalDistribution(few, "small", 1, 1, 0)!.scores[0]!.length).toBe(41);
  });
});

describe("short series", () => {
  it("a constant history gives no scores; 80% and 95% differ on a short series; levels stay nested", () => {
    const flat: Series = { id: "flat", periods: Array.from({ length: 10 }, (_, i) => String(2000 + i)), values: new Float64Array(10).fill(5), frequency: 1 };
    expect(run(seriesPlan([flat], { model: naive }), { horizon: 2 }).rows[0]!.distribution?.group).toBe("no-change (too few past errors)");
    const [walk] = randomWalks(1, 9, 3);
    const calibrated = forecast([walk!], theta, { horizon: 2, levels: [80, 95], calibrate: true });
    for (const row of calibrated) {
      expect(row.upper[95]! - row.lower[95]!).toBeGreaterThan(row.upper[80]! - row.lower[80]!);
      expect(row.lower[95]).toBeLessThanOrEqual(row.lower[80]!);
      expect(row.upper[95]).toBeGreaterThanOrEqual(row.upper[80]!);
    }
  });
});
