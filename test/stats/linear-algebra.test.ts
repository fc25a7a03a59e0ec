import { describe, expect, it } from "vitest";
import { cholesky } from "../../src/stats/cholesky";
import { solveSymmetric } from "../../src/stats/solve-symmetric";
import { shrinkageCovariance } from "../../src/stats/shrinkage-covariance";

describe("linear algebra", () => {
  it("cholesky factor (JSDoc example) and non-PD error", () => {
    expect(Array.from(cholesky(Float64Array.of(4, 2, 2, 3), 2))).toEqual([2, 0, 1, 1.4142135623730951]);
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/positive definite/);
  });
  it("solveSymmetric (JSDoc example) and a singular matrix via ridge", () => {
    expect(Array.from(solveSymmetric(Float64Array.of(4, 2, 2, 3), 2, Float64Array.of(2, 1), 1))).toEqual([0.5, 0]);
    const x = solveSymmetric(Float64Array.of(1, 1, 1, 1), 2, Float64Array.of(2, 2), 1);
    expect(x[0] + x[1]).toBeCloseTo(2, 4);
  });
  it("shrinkage: perfectly correlated residuals are not shrunk (JSDoc example); independent noise is shrunk", () => {
    expect(shrinkageCovariance(Float64Array.of(1, 1, -1, -1, 1, 1, -1, -1), 4, 2).shrinkage).toBe(0);
    const noise = Float64Array.of(1, -1, -1, -1, 1, 1, -1, 1, 1, 1, -1, -1);
    const result = shrinkageCovariance(noise, 6, 2);
    expect(result.shrinkage).toBeGreaterThan(0.5);
    expect(result.covariance[0]).toBeCloseTo(1, 10);
  });
});

describe("shrinkageCovariance with missing residuals", () => {
  it("uses pairwise-complete rows, so a short series does not discard the others' history", () => {
    // Columns a, b perfectly correlated over 6 rows; c observed only in the last 2 rows.
    const rows = [[1, 1, NaN], [-1, -1, NaN], [1, 1, NaN], [-1, -1, NaN], [1, 1, 2], [-1, -1, -2]];
    const { covariance, shrinkage } = shrinkageCovariance(Float64Array.from(rows.flat()), 6, 3);
    expect(shrinkage).toBe(0);
    expect(covariance[0 * 3 + 1]).toBeCloseTo(1, 10);
    expect(covariance[0 * 3 + 2]).toBe(0); // fewer than 3 joint rows: no correlation
    expect(covariance[2 * 3 + 2]).toBeCloseTo(4, 10);
  });
});
