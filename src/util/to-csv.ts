/**
 * Tidy CSV text: RFC 4180 quoting, numbers as written, missing as empty, and text that a
 * spreadsheet would evaluate (leading = + - @) neutralised.
 */
import { neutraliseFormula } from "./neutralise-formula.ts";

export type CsvCell = string | number | null | undefined;

/**
 * One CSV cell: empty for missing, numbers as written, text neutralised and quoted as needed.
 * @example csvCell("a,b") // "\"a,b\""
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Format rows as CSV with the given column order.
 * @example toCsv(["a", "b"], [{ a: "=1", b: 2 }]) // "a,b\n'=1,2\n"
 */
export function toCsv(columns: readonly string[], rows: Iterable<Record<string, CsvCell>>): string {
  const lines = [columns.map((c) => csvCell(c)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\n") + "\n";
}
