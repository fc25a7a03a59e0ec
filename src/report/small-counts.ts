/**
 * Disclosure control for counts of children or households that a market section shows
 * from the dataset (observed demand, flows, households): counts from 1 to k-1 are
 * suppressed through the disclosure machinery's public entry point (suppressCells), with
 * the relations "total = sum of parts" the caller gives, so a hidden count cannot be worked
 * out from the others. Model outputs (means, probabilities, places) are not counts of
 * people and are shown as computed.
 *
 * Reference: src/aggregate/disclosure (the threshold rule as in DfE children looked after
 * statistics, k = 5).
 */
import type { Cell } from "../spec/report.ts";
import { suppressCells } from "../aggregate/disclosure/suppress-cells.ts";

/**
 * The counts as table cells, "c" where suppressed.
 * @throws never.
 * @example protectCounts([12, 3, 9], [{ total: 0, parts: [1, 2] }]) // [12, "c", "c"]
 */
export function protectCounts(values: ReadonlyArray<number | null>, relations: ReadonlyArray<{ total: number; parts: number[] }> = [], k = 5): Cell[] {
  const rounded = values.map((v) => (v === null || !Number.isFinite(v) ? null : Math.round(v)));
  const outcome = suppressCells(rounded.map((v) => ({ value: v, threshold: true, suppressible: true })), relations, k);
  return rounded.map((v, i) => (outcome.status[i] === "primary" || outcome.status[i] === "secondary" ? "c" : v ?? "x"));
}
