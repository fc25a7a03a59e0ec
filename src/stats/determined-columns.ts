/**
 * Which unknowns a linear system pins down. For a system A x = b (A integer, b known), the
 * unknown x_i is uniquely determined, whatever the other unknowns, exactly when the unit
 * vector e_i lies in the row space of A. In reduced row echelon form that happens exactly
 * when some reduced row has a single non-zero entry, in column i (the row-space basis has
 * the identity on pivot columns, so any combination equal to e_i is that one row).
 *
 * Used by disclosure control: a suppressed cell is recoverable by subtraction from the
 * published cells and totals iff its column is determined.
 * Reference: Cox (1980) "Suppression methodology and statistical disclosure control", JASA 75.
 */
import { integerRowEchelon, type SparseIntegerMatrix } from "./integer-row-echelon.ts";

/**
 * Flags (1 = determined) for every column of the matrix.
 * @throws Error when an entry is not an integer or a column is out of range.
 * @example Array.from(determinedColumns({ columns: 3, rows: [[[0, 1], [1, 1]], [[1, 1]]] })) // [1, 1, 0]
 */
export function determinedColumns(matrix: SparseIntegerMatrix): Uint8Array {
  const flags = new Uint8Array(matrix.columns);
  const { rows, pivotColumns } = integerRowEchelon(matrix);
  for (let r = 0; r < rows.length; r++) if (rows[r].size === 1) flags[pivotColumns[r]] = 1;
  return flags;
}
