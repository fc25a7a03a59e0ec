/**
 * Small helpers shared by the report sections (src/report/sections/): table cells that
 * show why a value is missing, number formatting in words, rates and chart records.
 */
import type { ValueStatus } from "../spec/dataset.ts";
import type { Cell, ReportChart, ReportTable } from "../spec/report.ts";
import { PLACEMENT_TYPE } from "../reference/code-lists.ts";
import { findCode } from "../reference/code-tree.ts";
import type { ScopeView, ScopeValue } from "./scope-view.ts";

export const TOTALS = { placement_type: "total", age_band: "total" } as const;
const STATUS_MARK: Partial<Record<ValueStatus | "absent", string>> = {
  suppressed: "c",
  not_available: "x",
  not_applicable: "z",
  rounds_to_zero: "low",
  missing: "x",
  absent: "x",
};

/**
 * A value for a table cell: the number, the published marker for why it is missing, or
 * "≥ n" for a sum over members some of whose figures are suppressed (a lower bound).
 */
export function cell(v: ScopeValue): Cell {
  if (v.value !== null && v.status === "estimated") return `≥ ${v.value.toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;
  return v.value ?? STATUS_MARK[v.status] ?? "x";
}

/**
 * A figure in words for prose and headline tiles: "5,529", "≥ 5,529" for a lower bound
 * (a sum over members some of whose figures are missing or suppressed), or the marker.
 * @example figure({ value: 5529, status: "estimated" }) // "≥ 5,529"
 */
export function figure(v: ScopeValue, decimals = 0): string {
  if (v.value === null) return String(STATUS_MARK[v.status] ?? "x");
  return `${v.status === "estimated" ? "≥ " : ""}${fmt(v.value, decimals)}`;
}

/** True when the value is a complete figure (not missing, not a lower bound). */
export function complete(v: ScopeValue): v is ScopeValue & { value: number } {
  return v.value !== null && v.status !== "estimated";
}

export function fmt(n: number | null | undefined, decimals = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "not available";
  return n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function signed(n: number | null, decimals = 0): string {
  if (n === null || !Number.isFinite(n)) return "not available";
  return `${n > 0 ? "+" : n < 0 ? "−" : ""}${fmt(Math.abs(n), decimals)}`;
}

export function pct(part: number | null, whole: number | null): number | null {
  return part !== null && whole !== null && whole > 0 ? (100 * part) / whole : null;
}

export function rate(view: ScopeView, year: number): number | null {
  const cla = view.get("cla_31_march", TOTALS, year).value;
  const pop = view.get("population_0_17", {}, year).value;
  return cla !== null && pop !== null && pop > 0 ? (10_000 * cla) / pop : null;
}

export function label(list: typeof PLACEMENT_TYPE, code: string): string {
  return findCode(list, code)?.label ?? code;
}

export function chart(id: string, title: string, alt: string, spec: unknown, table: ReportTable): ReportChart {
  return { id, title, alt, spec, table };
}
