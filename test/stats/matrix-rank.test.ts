import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { matrixRank } from "../../src/stats/matrix-rank";

/** Rank by floating-point elimination with partial pivoting: fine for tiny 0/±1 matrices. */
function floatRank(dense: number[][]): number {
  const m = dense.map((r) => [...r]);
  let rank = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && rank < m.length; c++) {
    let best = rank;
    for (let r = rank; r < m.length; r++) if (Math.abs(m[r][c]) > Math.abs(m[best][c])) best = r;
    if (Math.abs(m[best][c]) < 1e-9) continue;
    [m[rank], m[best]] = [m[best], m[rank]];
    for (let r = 0; r < m.length; r++) if (r !== rank) {
      const f = m[r][c] / m[rank][c];
      for (let j = 0; j < columns; j++) m[r][j] -= f * m[rank][j];
    }
    rank++;
  }
  return rank;
}

const toSparse = (dense: number[][]) => ({ columns: dense[0]?.length ?? 0, rows: dense.map((row) => row.flatMap((v, c): Array<[number, number]> => (v === 0 ? [] : [[c, v]]))) });

describe("matrixRank", () => {
  it("gives the JSDoc example: three relations on a cycle have rank 2", () => {
    expect(matrixRank({ columns: 3, rows: [[[0, 1], [1, -1]], [[1, 1], [2, -1]], [[0, 1], [2, -1]]] })).toBe(2);
    expect(matrixRank({ columns: 3, rows: [] })).toBe(0);
  });
  it("agrees with floating-point elimination on small random 0/±1 matrices (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 7 })), (dense) => {
      expect(matrixRank(toSparse(dense))).toBe(floatRank(dense));
    }));
  });
});
