import { describe, expect, it } from "vitest";
import { markovSimulate } from "../../../src/forecast/kernels/markov-simulate";

const p = Float64Array.of(0.8, 0.15, 0.05, 0.1, 0.85, 0.05, 0, 0, 1);
const input = (seed: number) => ({
  states: 3, steps: 12, simulations: 200, seed, initial: Float64Array.of(40, 10, 0),
  parameters: () => ({ transitions: Array.from({ length: 12 }, () => p), entryMean: new Float64Array(36).fill(1) }),
});

describe("markovSimulate", () => {
  it("matches the JSDoc example", () => {
    const r = markovSimulate({ states: 2, steps: 1, simulations: 2, seed: 1, initial: Float64Array.of(5, 0), parameters: () => ({ transitions: [Float64Array.of(0, 1, 0, 1)], entryMean: Float64Array.of(0, 0) }) });
    expect(r.stock[3]).toBe(5);
  });

  it("is reproducible with a seed and differs with another seed", () => {
    const a = markovSimulate(input(42)).stock;
    const b = markovSimulate(input(42)).stock;
    const c = markovSimulate(input(43)).stock;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it("conserves children: every simulation's total equals the start plus its entries", () => {
    const noEntries = { ...input(5), parameters: () => ({ transitions: Array.from({ length: 12 }, () => p), entryMean: new Float64Array(36) }) };
    const r = markovSimulate(noEntries);
    for (let s = 0; s < 200; s++) {
      for (let t = 0; t <= 12; t++) {
        const base = (s * 13 + t) * 3;
        expect(r.stock[base] + r.stock[base + 1] + r.stock[base + 2]).toBe(50);
      }
    }
  });

  it("records realised flows whose mean matches expected flows", () => {
    const r = markovSimulate({ ...input(9), simulations: 2000 });
    // First step: expected moves 0 -> 1 = 40 x 0.15 = 6.
    expect(r.flows[0 * 9 + 0 * 3 + 1]).toBeCloseTo(6, 0);
  });
});
