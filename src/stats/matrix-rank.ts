/**
 * Exact rank of an integer matrix (the number of independent rows).
 * Reference: Strang, *Introduction to Linear Algebra*, ch. 3.2.
 */
import { integerRowEchelon, type SparseIntegerMatrix } from "./integer-row-echelon.ts";

/**
 * The rank of a sparse integer matrix, computed exactly.
 * @throws Error when an entry is not an integer or a column is out of range.
 * @example matrixRank({ columns: 3, rows: [[[0, 1], [1, -1]], [[1, 1], [2, -1]], [[0, 1], [2, -1]]] }) // 2
 */
export function matrixRank(matrix: SparseIntegerMatrix): number {
  return integerRowEchelon(matrix).rows.length;
}
