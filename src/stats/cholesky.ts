/**
 * Cholesky factor L (lower triangular, row-major n x n) of a symmetric positive definite
 * matrix A = L Lᵀ. Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., alg. 4.2.1.
 * Only the lower triangle of `matrix` is read.
 * @throws Error when the matrix is not positive definite (a pivot <= 0) or sizes disagree.
 * @example Array.from(cholesky(Float64Array.of(4, 2, 2, 3), 2)) // [2, 0, 1, 1.4142135623730951]
 */
export function cholesky(matrix: Float64Array, n: number): Float64Array {
  if (matrix.length !== n * n) throw new Error(`cholesky: expected ${n * n} entries, got ${matrix.length}`);
  const lower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = matrix[j * n + j];
    for (let k = 0; k < j; k++) diagonal -= lower[j * n + k] * lower[j * n + k];
    if (!(diagonal > 0)) throw new Error(`cholesky: matrix is not positive definite (pivot ${j} = ${diagonal})`);
    const pivot = Math.sqrt(diagonal);
    lower[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      lower[i * n + j] = sum / pivot;
    }
  }
  return lower;
}
