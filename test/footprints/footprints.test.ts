// Footprint design on a synthetic map where the right answer is known: four LAs, A and B
// neighbours that trade placements heavily (each places 40 children in the other, within 20
// miles), C and D that place nobody outside. Keeping A and B together must score better on
// self-sufficiency than splitting them; the void risk of a home is exact for fixed demand.
import { describe, expect, it } from "vitest";
import { footprintFlows, type MemberFlows } from "../../src/footprints/self-sufficiency";
import { voidRisk } from "../../src/footprints/void-risk";
import { wilson } from "../../src/footprints/compare";
import { parseCandidates } from "../../src/footprints/candidates";

const A: MemberFlows = { children: 100, exports: 40, exportsNear: 40, imports: 40 };
const B: MemberFlows = { children: 100, exports: 40, exportsNear: 40, imports: 40 };
const C: MemberFlows = { children: 100, exports: 0, exportsNear: 0, imports: 0 };
const D: MemberFlows = { children: 100, exports: 0, exportsNear: 0, imports: 0 };

describe("self-sufficiency on a synthetic map", () => {
  it("keeps the trading pair's children inside when they share a footprint", () => {
    const together = footprintFlows([A, B]);
    expect(together.ownInsideShare.value).toBe(1);
    expect(together.exportsOut.value).toBe(0);
    expect(together.ownInsideShare.lower).toBeCloseTo(0.6);
    expect(together.ownInsideShare.upper).toBe(1);
  });

  it("scores a design that splits the pair worse than one that keeps it", () => {
    const share = (groups: MemberFlows[][]) => {
      const flows = groups.map(footprintFlows);
      return flows.reduce((a, f) => a + f.ownInside.value, 0) / flows.reduce((a, f) => a + f.children, 0);
    };
    const keep = share([[A, B], [C, D]]);
    const split = share([[A, C], [B, D]]);
    expect(keep).toBe(1);
    expect(split).toBeCloseTo(0.8);
    expect(keep).toBeGreaterThan(split);
    // Splitting: A can send nobody to C (C takes no children in), so even the upper bound is 0.8.
    expect(footprintFlows([A, C]).ownInsideShare.upper).toBeCloseTo(0.8);
  });

  it("gives a single LA its exact figures and keeps estimates inside the bounds", () => {
    const one = footprintFlows([A]);
    expect(one.ownInsideShare).toEqual({ value: 0.6, lower: 0.6, upper: 0.6 });
    const far: MemberFlows = { children: 50, exports: 30, exportsNear: 5, imports: 10 };
    const f = footprintFlows([A, far, C]);
    for (const e of [f.ownInside, f.exportsOut, f.importsIn, f.internal]) {
      expect(e.value).toBeGreaterThanOrEqual(e.lower);
      expect(e.value).toBeLessThanOrEqual(e.upper);
    }
    // Only the near exports count as internal moves: 40 + 5 near, capped by what members take in.
    expect(f.internal.value).toBe(Math.min(f.internal.upper, 45));
  });
});

describe("void risk of an N-bed home", () => {
  it("is exact for a fixed demand", () => {
    expect(voidRisk(() => 2, 4, 500, 1)).toMatchObject({ emptyBeds: 2, turnAwayProbability: 0, occupancy: 0.5 });
    expect(voidRisk(() => 10, 4, 500, 1)).toMatchObject({ emptyBeds: 0, turnAwayProbability: 1, occupancy: 1 });
  });

  it("is repeatable with a seed and falls as demand grows", () => {
    const small = (p: number) => 4 * p; // uniform 0..4 children
    const big = (p: number) => 8 * p;
    expect(voidRisk(small, 4, 2000, 7)).toEqual(voidRisk(small, 4, 2000, 7));
    expect(voidRisk(big, 4, 2000, 7).emptyBeds).toBeLessThan(voidRisk(small, 4, 2000, 7).emptyBeds);
    expect(voidRisk(big, 4, 2000, 7).turnAwayProbability).toBeGreaterThan(voidRisk(small, 4, 2000, 7).turnAwayProbability);
  });
});

describe("candidates and intervals", () => {
  it("builds the regions and the combined authorities", () => {
    const c = parseCandidates(undefined, "regions,combined-authorities");
    expect(c.map((x) => x.footprints.length)).toEqual([9, 15]);
    expect(c[1].footprints.find((f) => f.code === "GMCA")?.members.length).toBe(10);
  });

  it("refuses unknown built-ins and malformed pairs", () => {
    expect(() => parseCandidates(undefined, "counties")).toThrow(/Unknown built-in/);
    expect(() => parseCandidates("nofile", undefined)).toThrow(/NAME=FILE/);
    expect(() => parseCandidates(undefined, "regions,regions")).toThrow(/twice/);
  });

  it("gives a Wilson interval around the share", () => {
    const [lo, hi] = wilson(8, 10);
    expect(lo).toBeLessThan(0.8);
    expect(hi).toBeGreaterThan(0.8);
    expect(lo).toBeGreaterThan(0.4);
  });
});
