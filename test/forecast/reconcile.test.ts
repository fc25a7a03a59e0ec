import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ForecastRow, Hierarchy } from "../../src/spec/forecast";
import { reconcile, RECONCILE_METHODS, type ReconcileMethod } from "../../src/forecast/reconcile";
import { hierarchyStructure } from "../../src/forecast/reconcile/hierarchy-structure";

function row(series_id: string, mean: number, halfWidth = 0, period = "2026"): ForecastRow {
  return { series_id, period, step: 1, model: "base", mean, lower: halfWidth ? { 80: mean - halfWidth } : {}, upper: halfWidth ? { 80: mean + halfWidth } : {} };
}

/** Random hierarchy: bottom b0..b(m-1), a total, and some random groups of bottoms. */
const hierarchyArb = fc.integer({ min: 2, max: 7 }).chain((m) =>
  fc.array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: m }), { maxLength: 4 }).map((groups): Hierarchy => {
    const bottom = Array.from({ length: m }, (_, i) => `b${i}`);
    return { bottom, aggregates: [{ id: "total", members: bottom }, ...groups.map((g, k) => ({ id: `g${k}`, members: g.map((i) => `b${i}`) }))] };
  }),
);

function options(h: Hierarchy, seed: number) {
  const ids = [...h.aggregates.map((a) => a.id), ...h.bottom];
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const residuals: Record<string, Float64Array> = {};
  const history: Record<string, Float64Array> = {};
  const bottomHistory = h.bottom.map(() => Float64Array.from({ length: 10 }, () => 1 + random() * 50));
  h.bottom.forEach((id, i) => { history[id] = bottomHistory[i]; });
  for (const a of h.aggregates) history[a.id] = Float64Array.from({ length: 10 }, (_, t) => a.members.reduce((s, m) => s + history[m][t], 0));
  for (const id of ids) residuals[id] = Float64Array.from({ length: 10 }, () => random() * 4 - 2);
  return { residuals, history };
}

function coherent(h: Hierarchy, rows: ForecastRow[], tolerance: number): boolean {
  const byId = new Map(rows.map((r) => [r.series_id, r.mean]));
  return h.aggregates.every((a) => Math.abs(byId.get(a.id)! - a.members.reduce((s, m) => s + byId.get(m)!, 0)) <= tolerance * (1 + Math.abs(byId.get(a.id)!)));
}

describe("reconcile", () => {
  it("bottom-up sums the bottom forecasts (JSDoc example)", () => {
    const out = reconcile([row("a", 2), row("b", 3)], { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }, "bottom-up");
    expect(out.find((r) => r.series_id === "t")?.mean).toBe(5);
    expect(hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }).ids).toEqual(["t", "a", "b"]);
  });

  it("OLS on a two-level hierarchy matches the closed form", () => {
    // S = [1 1; 1 0; 0 1], ŷ = (10, 3, 4): ỹ_b = (SᵀS)⁻¹Sᵀŷ = [[2,1],[1,2]]⁻¹ (13, 14) = (4, 5); total 9.
    const out = reconcile([row("t", 10), row("a", 3), row("b", 4)], { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }, "ols");
    const m = new Map(out.map((r) => [r.series_id, r.mean]));
    expect(m.get("a")).toBeCloseTo(4, 10);
    expect(m.get("b")).toBeCloseTo(5, 10);
    expect(m.get("t")).toBeCloseTo(9, 10);
  });

  it("wls-structural weights the aggregate by its number of members", () => {
    // W = diag(2,1,1): ỹ = ŷ - W Cᵀ (C W Cᵀ)⁻¹ C ŷ with C = [1 -1 -1], Cŷ = 3, CWCᵀ = 4 -> ỹ = (10 - 1.5, 3 + .75, 4 + .75).
    const out = reconcile([row("t", 10), row("a", 3), row("b", 4)], { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }, "wls-structural");
    const m = new Map(out.map((r) => [r.series_id, r.mean]));
    expect(m.get("t")).toBeCloseTo(8.5, 10);
    expect(m.get("a")).toBeCloseTo(3.75, 10);
  });

  it("top-down splits the total by historical proportions (both variants)", () => {
    const h: Hierarchy = { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] };
    const history = { a: Float64Array.of(1, 3), b: Float64Array.of(1, 1), t: Float64Array.of(2, 4) };
    const table = [row("t", 100), row("a", 1), row("b", 1)];
    const avgProp = new Map(reconcile(table, h, "top-down", { history }).map((r) => [r.series_id, r.mean]));
    expect(avgProp.get("a")).toBeCloseTo(100 * (0.5 + 0.75) / 2, 10);
    const propAvg = new Map(reconcile(table, h, "top-down", { history, topDown: "proportion-of-averages" }).map((r) => [r.series_id, r.mean]));
    expect(propAvg.get("a")).toBeCloseTo(100 * 4 / 6, 10);
  });

  it("throws when MinT has no residuals", () => {
    expect(() => reconcile([row("t", 1), row("a", 1), row("b", 1)], { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }, "mint-shrink")).toThrow(/residuals/);
  });

  it("every method gives coherent, non-negative forecasts (property)", () => {
    fc.assert(
      fc.property(hierarchyArb, fc.array(fc.double({ min: -50, max: 500, noNaN: true }), { minLength: 20, maxLength: 20 }), fc.integer({ min: 1, max: 1e6 }), (h, values, seed) => {
        const ids = [...h.aggregates.map((a) => a.id), ...h.bottom];
        const table = ids.map((id, i) => row(id, values[i % values.length], 5));
        const opts = options(h, seed);
        for (const method of RECONCILE_METHODS) {
          const out = reconcile(table, h, method, opts);
          expect(out).toHaveLength(ids.length);
          expect(coherent(h, out, 1e-8)).toBe(true);
          for (const r of out) {
            expect(r.mean).toBeGreaterThanOrEqual(0);
            expect(r.lower[80]).toBeGreaterThanOrEqual(0);
            expect(r.lower[80]).toBeLessThanOrEqual(r.mean + 1e-9);
            expect(r.upper[80]).toBeGreaterThanOrEqual(r.mean - 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("bottom-up, OLS, WLS and MinT leave coherent forecasts unchanged (property)", () => {
    fc.assert(
      fc.property(hierarchyArb, fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 7, maxLength: 7 }), fc.integer({ min: 1, max: 1e6 }), (h, bottomValues, seed) => {
        const value = new Map(h.bottom.map((id, i) => [id, bottomValues[i]]));
        for (const a of h.aggregates) value.set(a.id, a.members.reduce((s, m) => s + value.get(m)!, 0));
        const table = [...value].map(([id, v]) => row(id, v, 3));
        const opts = options(h, seed);
        for (const method of ["bottom-up", "ols", "wls-structural", "wls-variance", "mint-shrink"] as ReconcileMethod[]) {
          for (const r of reconcile(table, h, method, opts)) expect(r.mean).toBeCloseTo(value.get(r.series_id)!, 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("bottom-up intervals of a total widen with the parts and keep periods separate", () => {
    const h: Hierarchy = { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] };
    const out = reconcile([row("a", 10, 2), row("b", 10, 2), row("a", 11, 2, "2027"), row("b", 11, 2, "2027")], h, "bottom-up");
    const t26 = out.find((r) => r.series_id === "t" && r.period === "2026")!;
    expect(t26.mean).toBe(20);
    expect(t26.upper[80] - t26.mean).toBeCloseTo(2 * Math.SQRT2, 6);
    expect(out.find((r) => r.series_id === "t" && r.period === "2027")!.mean).toBe(22);
  });
});

import { aggregateBottomUp, constraintResidual } from "../../src/forecast/reconcile/hierarchy-structure";
import { projectionGain } from "../../src/forecast/reconcile/projection-gain";
describe("reconcile internals (JSDoc examples)", () => {
  const s = hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] });
  it("aggregateBottomUp, constraintResidual and projectionGain", () => {
    expect(Array.from(aggregateBottomUp(s, Float64Array.of(0, 2, 3)))).toEqual([5, 2, 3]);
    expect(Array.from(constraintResidual(s, Float64Array.of(6, 2, 3)))).toEqual([1]);
    const gain = Array.from(projectionGain(s, Float64Array.of(1, 1, 1)));
    [1 / 3, -1 / 3, -1 / 3].forEach((v, i) => expect(gain[i]).toBeCloseTo(v, 12));
  });
  it("rejects malformed hierarchies", () => {
    expect(() => hierarchyStructure({ bottom: ["a", "a"], aggregates: [] })).toThrow(/duplicate/);
    expect(() => hierarchyStructure({ bottom: ["a"], aggregates: [{ id: "t", members: ["x"] }] })).toThrow(/not a bottom/);
    expect(() => hierarchyStructure({ bottom: ["a"], aggregates: [{ id: "t", members: [] }] })).toThrow(/no members/);
  });
});

import { constraintRows, constraintValues } from "../../src/forecast/reconcile/projection-gain";
describe("non-negative reconciliation (active set)", () => {
  const h: Hierarchy = { bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] };
  it("holds a negative bottom series at zero and re-projects (OLS)", () => {
    // Unconstrained OLS gives b = -10/3; with b held at 0, min (t-10)² + (a-20)² s.t. t = a gives t = a = 15.
    const out = new Map(reconcile([row("t", 10), row("a", 20), row("b", 0)], h, "ols").map((r) => [r.series_id, r.mean]));
    expect(out.get("b")).toBe(0);
    expect(out.get("a")).toBeCloseTo(15, 10);
    expect(out.get("t")).toBeCloseTo(15, 10);
    const free = new Map(reconcile([row("t", 10), row("a", 20), row("b", 0)], h, "ols", { nonNegative: false }).map((r) => [r.series_id, r.mean]));
    expect(free.get("b")).toBeCloseTo(-10 / 3, 10);
  });
  it("constraint rows include the fixed series (JSDoc example)", () => {
    expect(Array.from(constraintValues(constraintRows(hierarchyStructure(h), [2]), Float64Array.of(6, 2, 3)))).toEqual([1, 3]);
  });
});
