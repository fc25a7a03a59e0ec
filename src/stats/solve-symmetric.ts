import { cholesky } from "./cholesky.ts";

/**
 * Solves A X = B for X, where A is symmetric positive (semi-)definite (row-major n x n) and
 * B is n x columns (row-major). Uses a Cholesky factorisation; when A is only semi-definite
 * (a singular covariance, for example) a small ridge (1e-10 x mean diagonal, growing tenfold
 * up to 6 times) is added so the solve still succeeds.
 * Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., section 4.2.
 * @throws Error when sizes disagree or A is not positive definite even after the ridge.
 * @example Array.from(solveSymmetric(Float64Array.of(4, 2, 2, 3), 2, Float64Array.of(2, 1), 1)) // [0.5, 0]
 */
export function solveSymmetric(matrix: Float64Array, n: number, right: Float64Array, columns: number): Float64Array {
  if (right.length !== n * columns) throw new Error(`solveSymmetric: right-hand side must be ${n} x ${columns}`);
  let lower: Float64Array | undefined;
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += Math.abs(matrix[i * n + i]) / n;
  if (!(meanDiagonal > 0)) meanDiagonal = 1;
  for (let attempt = 0; attempt <= 6 && !lower; attempt++) {
    const ridge = attempt === 0 ? 0 : meanDiagonal * 1e-10 * 10 ** (attempt - 1);
    const a = ridge === 0 ? matrix : matrix.map((v, index) => (index % (n + 1) === 0 ? v + ridge : v));
    try {
      lower = cholesky(a, n);
    } catch (error) {
      if (attempt === 6) throw error;
    }
  }
  const l = lower!;
  const x = new Float64Array(n * columns);
  for (let c = 0; c < columns; c++) {
    // forward: L z = b
    for (let i = 0; i < n; i++) {
      let sum = right[i * columns + c];
      for (let k = 0; k < i; k++) sum -= l[i * n + k] * x[k * columns + c];
      x[i * columns + c] = sum / l[i * n + i];
    }
    // backward: Lᵀ x = z
    for (let i = n - 1; i >= 0; i--) {
      let sum = x[i * columns + c];
      for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k * columns + c];
      x[i * columns + c] = sum / l[i * n + i];
    }
  }
  return x;
}
