import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { determinedColumns } from "../../src/stats/determined-columns";
import { matrixRank } from "../../src/stats/matrix-rank";

describe("determinedColumns", () => {
  it("gives the JSDoc example: x0 + x1 = b0 and x1 = b1 pin down x0 and x1, not x2", () => {
    expect(Array.from(determinedColumns({ columns: 3, rows: [[[0, 1], [1, 1]], [[1, 1]]] }))).toEqual([1, 1, 0]);
  });
  it("a single relation with two unknowns determines neither", () => {
    expect(Array.from(determinedColumns({ columns: 2, rows: [[[0, 1], [1, -1]]] }))).toEqual([0, 0]);
  });
  it("flags column i exactly when adding e_i does not raise the rank (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }))), ([n, dense]) => {
      const rows = dense.map((row) => row.flatMap((v, c): Array<[number, number]> => (v === 0 ? [] : [[c, v]])));
      const flags = determinedColumns({ columns: n, rows });
      const base = matrixRank({ columns: n, rows });
      for (let i = 0; i < n; i++) {
        const withUnit = matrixRank({ columns: n, rows: [...rows, [[i, 1]]] });
        expect(flags[i] === 1).toBe(withUnit === base);
      }
    }));
  });
});
