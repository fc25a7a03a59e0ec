/**
 * Exact reduced row echelon form of an integer matrix, for the small sparse constraint
 * systems of disclosure control (rows are relations "total = sum of parts", entries 0, 1
 * and -1). Gauss-Jordan elimination over the integers with BigInt and a gcd division after
 * every step, so no rounding can make a dependent row look independent or the reverse.
 *
 * Reference: any linear algebra text (e.g. Strang, *Introduction to Linear Algebra*,
 * ch. 3.2, "The reduced row echelon form"); fraction-free elimination keeps it exact.
 */

/** A sparse matrix: `rows[r]` lists the row's non-zero entries as [column, coefficient]. */
export interface SparseIntegerMatrix {
  columns: number;
  rows: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/** The reduced rows (each scaled to coprime integers) and each row's pivot column. */
export interface IntegerEchelon {
  /** One reduced row per independent input row; every row is zero at the other rows' pivots. */
  rows: Array<Map<number, bigint>>;
  /** pivotColumns[r] = the pivot column of rows[r]. */
  pivotColumns: Int32Array;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function normalise(row: Map<number, bigint>): void {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [c, v] of row) row.set(c, v / g);
}

/** row := row * pivotValue - pivotRow * row[pivotColumn], which zeroes row[pivotColumn]. */
function eliminate(row: Map<number, bigint>, pivotRow: Map<number, bigint>, pivotColumn: number): void {
  const factor = row.get(pivotColumn);
  if (factor === undefined) return;
  const pivotValue = pivotRow.get(pivotColumn)!;
  for (const [c, v] of row) row.set(c, v * pivotValue);
  for (const [c, v] of pivotRow) {
    const next = (row.get(c) ?? 0n) - v * factor;
    if (next === 0n) row.delete(c);
    else row.set(c, next);
  }
  normalise(row);
}

/**
 * Reduce the matrix to reduced row echelon form, exactly.
 * @throws Error when an entry is not an integer or a column is out of range.
 * @example integerRowEchelon({ columns: 2, rows: [[[0, 1], [1, 1]], [[0, 2], [1, 2]]] }).rows.length // 1
 */
export function integerRowEchelon(matrix: SparseIntegerMatrix): IntegerEchelon {
  const reduced: Array<Map<number, bigint>> = [];
  const pivots: number[] = [];
  for (const input of matrix.rows) {
    const row = new Map<number, bigint>();
    for (const [column, coefficient] of input) {
      if (!Number.isInteger(coefficient)) throw new Error(`integerRowEchelon: coefficient ${coefficient} is not an integer`);
      if (!Number.isInteger(column) || column < 0 || column >= matrix.columns) throw new Error(`integerRowEchelon: column ${column} out of range`);
      const next = (row.get(column) ?? 0n) + BigInt(coefficient);
      if (next === 0n) row.delete(column);
      else row.set(column, next);
    }
    // Existing rows are zero at each other's pivots, so one pass clears every pivot column.
    for (let r = 0; r < reduced.length; r++) eliminate(row, reduced[r], pivots[r]);
    if (row.size === 0) continue;
    normalise(row);
    let pivot = Infinity;
    for (const c of row.keys()) if (c < pivot) pivot = c;
    // The new row is zero at every existing pivot, so clearing its pivot keeps them clear.
    for (const other of reduced) eliminate(other, row, pivot);
    reduced.push(row);
    pivots.push(pivot);
  }
  return { rows: reduced, pivotColumns: Int32Array.from(pivots) };
}
