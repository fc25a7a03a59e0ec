import { describe, expect, it } from "vitest";
import { recoverableCells } from "../../../src/aggregate/disclosure/recoverable-cells";

describe("recoverableCells", () => {
  it("gives the JSDoc example: the only unknown part of a known total is recoverable", () => {
    expect(recoverableCells([true, false, true], [{ total: 0, parts: [1, 2] }])).toEqual([1]);
  });
  it("two unknowns in one relation are safe; a second relation can give them away", () => {
    expect(recoverableCells([true, false, false], [{ total: 0, parts: [1, 2] }])).toEqual([]);
    // 2x2 table with row/column totals: hiding one whole row is recoverable from the column totals.
    // cells: a b | a+b ; c d | c+d ; a+c b+d | all. Hide a and b only (same row).
    const known = [false, false, true, true, true, true, true, true, true];
    const relations = [
      { total: 2, parts: [0, 1] }, { total: 5, parts: [3, 4] }, { total: 8, parts: [6, 7] },
      { total: 6, parts: [0, 3] }, { total: 7, parts: [1, 4] }, { total: 8, parts: [2, 5] },
    ];
    expect(recoverableCells(known, relations)).toEqual([0, 1]);
  });
});
