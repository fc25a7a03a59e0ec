import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { integerRowEchelon } from "../../src/stats/integer-row-echelon";

function sparse(dense: number[][]): Array<Array<[number, number]>> {
  return dense.map((row) => row.flatMap((v, c): Array<[number, number]> => (v === 0 ? [] : [[c, v]])));
}

describe("integerRowEchelon", () => {
  it("reduces to echelon form with pivots cleared in every other row (the JSDoc example)", () => {
    expect(integerRowEchelon({ columns: 2, rows: [[[0, 1], [1, 1]], [[0, 2], [1, 2]]] }).rows.length).toBe(1);
    const { rows, pivotColumns } = integerRowEchelon({ columns: 3, rows: sparse([[1, 1, 0], [0, 1, 1], [1, 0, 1]]) });
    expect(rows.length).toBe(3);
    for (let r = 0; r < rows.length; r++) for (let s = 0; s < rows.length; s++) if (r !== s) expect(rows[s].has(pivotColumns[r])).toBe(false);
  });
  it("rejects non-integer coefficients and columns out of range", () => {
    expect(() => integerRowEchelon({ columns: 1, rows: [[[0, 0.5]]] })).toThrow(/not an integer/);
    expect(() => integerRowEchelon({ columns: 1, rows: [[[3, 1]]] })).toThrow(/out of range/);
  });
  it("keeps the row space: every input row is a combination of the reduced rows (property)", () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (dense) => {
      const { rows, pivotColumns } = integerRowEchelon({ columns: 4, rows: sparse(dense) });
      // Express each input row through the pivots: input = sum (input[p] / row[p]) * row; check exactly with rationals scaled by the product of pivots.
      for (const input of dense) {
        let scale = 1n;
        for (let r = 0; r < rows.length; r++) scale *= rows[r].get(pivotColumns[r])!;
        const residual = input.map((v) => BigInt(v) * scale);
        for (let r = 0; r < rows.length; r++) {
          const p = pivotColumns[r];
          const coefficient = (residual[p] / rows[r].get(p)!);
          for (const [c, v] of rows[r]) residual[c] -= coefficient * v;
        }
        expect(residual.every((v) => v === 0n)).toBe(true);
      }
    }));
  });
});
