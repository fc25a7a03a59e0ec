/** Property tests: the parts-sum rule accepts every consistent table and catches any single change. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_LISTS, TOTAL } from "../../src/reference/code-lists";
import { childCodes, findCode, leafCodes } from "../../src/reference/code-tree";
import { findMeasure } from "../../src/template/measures";
import { prefillRows } from "../../src/template/prefill-rows";
import { partsSumToTotal } from "../../src/validate/parts-sum-to-total";
import { ctx, row } from "./helpers";

// Codes only derived data carries (placement type "unknown") are not in a return's table: none.
const offered = (column: string) => (code: string) => !findCode(CODE_LISTS[column], code)?.derivedOnly;
const placementLeaves = leafCodes(CODE_LISTS.placement_type).filter(offered("placement_type"));
const ageLeaves = leafCodes(CODE_LISTS.age_band);

function leavesUnder(column: string, code: string): string[] {
  if (code === TOTAL) return leafCodes(CODE_LISTS[column]).filter(offered(column));
  const kids = childCodes(CODE_LISTS[column], code).filter(offered(column));
  return kids.length === 0 ? [code] : kids.flatMap((k) => leavesUnder(column, k));
}

/** Every prefilled row of cla_31_march (placement type x age band), its value the sum of the leaf cells under it. */
function table(leaf: (pt: string, age: string) => number) {
  return prefillRows(findMeasure("cla_31_march")!).map((dims) => {
    let v = 0;
    for (const pt of leavesUnder("placement_type", dims.placement_type!)) for (const age of leavesUnder("age_band", dims.age_band!)) v += leaf(pt, age);
    return row("cla_31_march", v, dims);
  });
}

const leafValues = fc.array(fc.nat({ max: 50 }), { minLength: placementLeaves.length * ageLeaves.length, maxLength: placementLeaves.length * ageLeaves.length });

describe("parts sum to total (property)", () => {
  it("never reports a table whose every row is the sum of its leaves", () => {
    fc.assert(fc.property(leafValues, (values) => {
      const rows = table((pt, age) => values[placementLeaves.indexOf(pt) * ageLeaves.length + ageLeaves.indexOf(age)]);
      expect(partsSumToTotal.check(ctx(rows))).toEqual([]);
    }), { numRuns: 40 });
  });

  it("reports any single row changed by a non-zero amount", () => {
    fc.assert(fc.property(leafValues, fc.nat(), fc.integer({ min: 1, max: 9 }), (values, which, delta) => {
      const rows = table((pt, age) => values[placementLeaves.indexOf(pt) * ageLeaves.length + ageLeaves.indexOf(age)]);
      const i = which % rows.length;
      rows[i] = { ...rows[i], value: rows[i].value! + delta };
      expect(partsSumToTotal.check(ctx(rows)).length).toBeGreaterThan(0);
    }), { numRuns: 40 });
  });

  it("does not check a group when a part is missing (missing is not zero)", () => {
    fc.assert(fc.property(leafValues, fc.nat(), (values, which) => {
      const rows = table((pt, age) => values[placementLeaves.indexOf(pt) * ageLeaves.length + ageLeaves.indexOf(age)]);
      const i = which % rows.length;
      rows[i] = { ...rows[i], value: null, value_status: "suppressed" };
      expect(partsSumToTotal.check(ctx(rows))).toEqual([]);
    }), { numRuns: 40 });
  });
});
