/**
 * Published-data markers (DOMAIN.md section 4): none of them is a zero. Each becomes a
 * missing value with its reason (`value_status`), except `u` which keeps its value flagged.
 */
import type { ValueStatus } from "../spec/dataset.ts";

export const MARKERS: Readonly<Record<string, ValueStatus>> = {
  c: "suppressed",
  x: "not_available",
  z: "not_applicable",
  low: "rounds_to_zero",
  u: "low_reliability",
  ":": "not_available",
  "..": "not_available",
  "[c]": "suppressed",
  "[x]": "not_available",
  "[z]": "not_applicable",
  "[low]": "rounds_to_zero",
  "[u]": "low_reliability",
};

/**
 * Parse a published cell: a number, a marker, or blank.
 * @example parsePublishedValue("1,234") // { value: 1234, status: "ok" }
 * @example parsePublishedValue("c") // { value: null, status: "suppressed" }
 */
export function parsePublishedValue(raw: string | null | undefined): { value: number | null; status: ValueStatus | "invalid" } {
  const text = (raw ?? "").trim();
  if (text === "") return { value: null, status: "missing" };
  const marker = MARKERS[text.toLowerCase()];
  if (marker) return { value: null, status: marker };
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? { value: n, status: "ok" } : { value: null, status: "invalid" };
}
