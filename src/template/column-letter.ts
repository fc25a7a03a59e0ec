/**
 * Spreadsheet column letters for 1-based column numbers, and A1 references.
 * @throws Error for a column number below 1 or not an integer (a programmer error).
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new Error(`column must be a positive integer, got ${column}`);
  let n = column;
  let out = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A1 reference of a 1-based (row, column).
 * @throws Error for a column number below 1.
 * @example cellReference(7, 3) // "C7"
 */
export function cellReference(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
