import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { crossValidate, originsFor } from "../../src/forecast/cross-validate";
import { naive } from "../../src/forecast/models/naive";
import { drift } from "../../src/forecast/models/drift";
import type { GlobalModelSpec, Series } from "../../src/spec/forecast";

const line: Series = { id: "a", periods: Array.from({ length: 10 }, (_, i) => String(2000 + i)), values: Float64Array.from({ length: 10 }, (_, i) => i + 1), frequency: 1 };

describe("crossValidate", () => {
  it("doc example", () => {
    const s: Series = { id: "a", periods: ["1", "2", "3", "4"], values: Float64Array.of(1, 2, 3, 4), frequency: 1 };
    expect(crossValidate([s], naive, { horizon: 1, initial: 3 }).map((r) => r.actual)).toEqual([4]);
  });
  it("expanding window: origins from initial - 1 by step, actuals and periods attached", () => {
    const table = crossValidate([line], naive, { horizon: 2, initial: 4, step: 2 });
    expect([...new Set(table.map((r) => r.origin))]).toEqual([3, 5, 7]);
    for (const row of table) {
      expect(row.actual).toBe(row.origin! + row.step + 1);
      expect(row.mean).toBe(row.origin! + 1); // naive: last training value
      expect(row.period).toBe(String(2000 + row.origin! + row.step));
    }
  });
  it("fixed window uses only the last `initial` observations", () => {
    // drift on a window of 3 points of a line with a kink: slope only from the window.
    const kinked: Series = { ...line, values: Float64Array.of(0, 0, 0, 0, 0, 1, 2, 3, 4, 5) };
    const fixed = crossValidate([kinked], drift, { horizon: 1, initial: 3, window: "fixed" });
    const last = fixed.find((r) => r.origin === 8)!;
    expect(last.mean).toBeCloseTo(5, 12);
    const expanding = crossValidate([kinked], drift, { horizon: 1, initial: 3 }).find((r) => r.origin === 8)!;
    expect(expanding.mean).toBeCloseTo(4 + 4 / 8, 12);
    expect(() => crossValidate([kinked], drift, { horizon: 1, window: "fixed" })).toThrow(RangeError);
  });
  it("origins: the last N with the full horizon, or up to the end", () => {
    expect(originsFor(9, { horizon: 3, origins: 2 })).toEqual([5, 6]);
    expect(originsFor(9, { horizon: 3, origins: 2, fullHorizon: false })).toEqual([7, 8]);
    expect(originsFor(9, { horizon: 3, origins: 20, initial: 5 })).toEqual([4, 5, 6]);
  });
  it("property: every row's actual is the series value at origin + step", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 4, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (values, horizon) => {
      const s: Series = { id: "p", periods: values.map((_, i) => String(1990 + i)), values: Float64Array.from(values), frequency: 1 };
      for (const row of crossValidate([s], naive, { horizon, initial: 2, fullHorizon: false })) {
        expect(row.actual).toBe(values[row.origin! + row.step]);
        expect(row.origin! + row.step).toBeLessThan(values.length);
      }
    }), { numRuns: 50 });
  });
  it("a global model is refitted on the whole set cut at each origin", () => {
    const seen: number[][] = [];
    const lastValue: GlobalModelSpec = {
      name: "global-last", global: true,
      forecastMany(set, { horizon }) {
        seen.push(set.map((s) => s.values.length));
        return set.flatMap((s) => Array.from({ length: horizon }, (_, k) => ({ series_id: s.id, period: "", step: k + 1, model: "global-last", mean: s.values[s.values.length - 1]!, lower: {}, upper: {}, origin: s.values.length - 1 })));
      },
    };
    const other: Series = { ...line, id: "b", values: line.values.slice(0, 8), periods: line.periods.slice(0, 8) };
    const table = crossValidate([line, other], lastValue, { horizon: 1, origins: 2 });
    expect(seen).toEqual([[8, 6], [9, 7]]);
    expect(table.every((r) => r.actual === r.mean + 1)).toBe(true);
  });
});
