/**
 * What an exceljs cell holds, flattened for readers: text, a number, a date, or a
 * formula with (or without) its cached result. Rich text and hyperlinks become their text.
 */
import type ExcelJS from "exceljs";

export interface CellContent {
  /** The content as text ("" for blank); numbers as written by String(). */
  text: string;
  number?: number;
  date?: Date;
  /** The formula text when the cell holds one. */
  formula?: string;
  /** True when the cell holds a formula whose calculated value was never saved. */
  noResult?: boolean;
}

function flatten(value: unknown): CellContent {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") return { text: String(value), number: value };
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), date: value };
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return { text: (v.richText as Array<{ text: string }>).map((r) => r.text).join("") };
  if ("formula" in v || "sharedFormula" in v) {
    const formula = String(v.formula ?? v.sharedFormula);
    if (v.result === undefined || v.result === null) return { text: "", formula, noResult: true };
    return { ...flatten(v.result), formula };
  }
  if ("error" in v) return { text: String(v.error) };
  if ("text" in v) return flatten(v.text);
  return { text: String(value) };
}

/**
 * The content of a cell (merged cells give their master's value, as exceljs does).
 * @throws never
 * @example cellContent({ value: { formula: "1+1", result: 2 } } as ExcelJS.Cell).number // 2
 */
export function cellContent(cell: ExcelJS.Cell): CellContent {
  return flatten(cell.value);
}
