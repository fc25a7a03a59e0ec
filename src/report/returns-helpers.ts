/**
 * Helpers shared by the report sections built from LA returns (returns-supply, costs,
 * unmet-need, providers-used): which year a section describes, who supplied each figure,
 * labels for codes, and ratios that are only shown when both sides cover the same members.
 */
import type { DatasetRow, DimensionColumn } from "../spec/dataset.ts";
import type { Cell, ReportTable } from "../spec/report.ts";
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { findCode } from "../reference/code-tree.ts";
import { findMeasure } from "../template/measures.ts";
import type { ScopeView, ScopeValue } from "./scope-view.ts";
import type { ReportInput } from "./report-input.ts";
import { fmt } from "./section-helpers.ts";

/**
 * The year a returns section describes: the latest year up to the report year in which
 * any member supplied any of `measures`; null when none did.
 * @example returnsYear(input, ["foster_places_approved"]) // 2025
 */
export function returnsYear(input: ReportInput, measures: readonly string[]): number | null {
  let year: number | null = null;
  for (const m of measures) {
    for (const y of Object.keys(input.returns?.suppliedBy[m] ?? {}).map(Number)) if (y <= input.year && (year === null || y > year)) year = y;
  }
  return year;
}

/** Names of the members that supplied `measure` in `year`. */
export function suppliers(input: ReportInput, measure: string, year: number): string[] {
  return input.returns?.suppliedBy[measure]?.[year] ?? [];
}

/** Names of the members that supplied any of `measures` in `year`. */
export function suppliersOfAny(input: ReportInput, measures: readonly string[], year: number): string[] {
  return [...new Set(measures.flatMap((m) => suppliers(input, m, year)))].sort((a, b) => a.localeCompare(b));
}

/**
 * "3 of 10" members that supplied a measure in their returns (an LA report: "yes" or "no").
 * When the scope's figure is complete although fewer members returned it (published data
 * filled the rest), it says so: "1 of 10; the rest from published data".
 */
export function suppliedCell(input: ReportInput, measure: string, year: number, value?: ScopeValue): string {
  const n = suppliers(input, measure, year).length;
  if (input.scope.kind === "la") return n > 0 ? "yes" : value && value.value !== null ? "no (published data)" : "no";
  const members = input.returns?.members[year]?.length ?? 0;
  const complete = value !== undefined && value.value !== null && (value.status === "ok" || value.status === "low_reliability");
  return `${n} of ${members}${complete && n < members ? "; the rest from published data" : ""}`;
}

/**
 * The sentence that says who supplied a section, e.g. "Supplied by 1 of 10 members for the
 * year ending 31 March 2025 (Bolton); not supplied by Bury, ...".
 * @example suppliedSentence(input, ["foster_places_approved"], 2025)
 */
export function suppliedSentence(input: ReportInput, measures: readonly string[], year: number): string {
  const names = suppliersOfAny(input, measures, year);
  if (input.scope.kind === "la") return `From ${input.scope.name}'s own return for the year ending 31 March ${year}.`;
  const members = input.returns?.members[year] ?? [];
  const missing = members.filter((m) => !names.includes(m));
  const notSupplied = missing.length > 12 ? `the other ${missing.length} members` : missing.join(", ");
  return `Supplied by ${names.length} of ${members.length} members for the year ending 31 March ${year} (${names.join(", ")})` +
    (missing.length ? `; not supplied by ${notSupplied}. Totals over members some of which gave no figure are lower bounds (≥), never treated as complete.` : ".");
}

/**
 * The label of a code in its list ("total" reads "All"), or the code itself.
 * @example codeLabel("placement_type", "foster_ifa") // "Foster placement, independent fostering agency"
 */
export function codeLabel(column: DimensionColumn, code: string | undefined): string {
  if (code === undefined || code === "") return "not given";
  if (code === TOTAL) return "All";
  const list = CODE_LISTS[column];
  return (list && findCode(list, code)?.label) || code;
}

/** The label of a measure. */
export function measureLabel(id: string): string {
  return findMeasure(id)?.label ?? id;
}

/**
 * A percentage part / whole, shown only when both are known for the same members: both
 * complete, or both over exactly the same suppliers (an LA report: both known).
 * @example shareOf(view, input, "foster_places_vacant", "foster_places_approved", {}, 2025) // 11.5
 */
export function shareOf(view: ScopeView, input: ReportInput, part: string, whole: string, dims: Partial<Record<DimensionColumn, string>>, year: number): number | null {
  const p = view.get(part, dims, year);
  const w = view.get(whole, dims, year);
  if (p.value === null || w.value === null || w.value <= 0) return null;
  const complete = (v: ScopeValue) => v.status === "ok" || v.status === "low_reliability";
  const same = suppliers(input, part, year).join("|") === suppliers(input, whole, year).join("|");
  if (!(complete(p) && complete(w)) && !same) return null;
  return (100 * p.value) / w.value;
}

/** A percentage for a table cell: one decimal place, or "x" when it cannot be shown. */
export function pctCell(value: number | null): Cell {
  return value === null ? "x" : Math.round(value * 10) / 10;
}

/** A mean (money) for a table cell: the value to the pound, or the marker for why it is missing. */
export function moneyCell(v: ScopeValue): Cell {
  if (v.value === null) return v.status === "suppressed" ? "c" : v.status === "not_applicable" ? "z" : "x";
  return Math.round(v.value);
}

/** Rows of a measure in a year with a value or a suppression marker (blank cells left out). */
export function shownRows(view: ScopeView, measure: string, year: number): DatasetRow[] {
  return view.breakdown(measure, year).filter((r) => r.value !== null || r.value_status === "suppressed" || r.value_status === "rounds_to_zero");
}

/** A summary table of single figures: measure, value, who supplied it. */
export function figuresTable(id: string, caption: string, input: ReportInput, view: ScopeView, year: number, lines: Array<{ measure: string; label?: string; value?: Cell }>, cell: (v: ScopeValue) => Cell): ReportTable {
  return {
    id,
    caption,
    columns: [{ key: "measure", label: "Measure" }, { key: "value", label: "Value", numeric: true }, { key: "supplied", label: input.scope.kind === "la" ? "In the return" : "Members supplying" }],
    rows: lines.map((l) => {
      const v = view.get(l.measure, {}, year);
      return { measure: l.label ?? measureLabel(l.measure), value: l.value !== undefined ? l.value : cell(v), supplied: suppliedCell(input, l.measure, year, l.value !== undefined ? undefined : v) };
    }),
  };
}

/**
 * A count with its noun for prose: "12 children", "at least 12 children" (a lower bound),
 * "a suppressed number of children" or "an unknown number of children".
 * @example prose({ value: 12, status: "estimated" }, "beds") // "at least 12 beds"
 */
export function prose(v: ScopeValue, noun: string): string {
  if (v.value === null) return `${v.status === "suppressed" || v.status === "rounds_to_zero" ? "a suppressed" : "an unknown"} number of ${noun}`;
  return `${v.status === "estimated" ? "at least " : ""}${fmt(v.value)} ${noun}`;
}
