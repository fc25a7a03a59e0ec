/**
 * Tidy CSV text: RFC 4180 quoting, numbers as written, missing as empty, and text that a
 * spreadsheet would evaluate (leading = + - @) neutralised.
 */
import { neutraliseFormula } from "./neutralise-formula.ts";

export type CsvCell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: quoted when needed, formulas neutralised, missing as empty.
 * @example csvCell('a "b"') // "\"a \"\"b\"\"\""
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // Fast path for plain codes and names (the great majority of dataset cells).
  const first = value.charCodeAt(0);
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first !== 9 && first !== 13 && !NEEDS_QUOTES.test(value)) return value;
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
