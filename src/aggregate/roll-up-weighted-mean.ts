/**
 * Roll one cell up from member LAs to a footprint as a mean weighted by a named weight
 * measure (e.g. weekly_cost_mean by placements_costed).
 * Reference: GSS guidance on averages: combine means weighted by the count each is over.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { cellRollUp, statusOf, WITHHELD, type CellRollUp } from "./cell-roll-up.ts";
import type { MemberValue } from "./types.ts";

/**
 * Mean of the members' values weighted by their weight rows (same cell, weight measure).
 * A member with weight 0 counts as present and contributes nothing.
 * @throws never.
 * @example rollUpWeightedMean(["1", "2"], new Map([["1", { value: 100, value_status: "ok" }], ["2", { value: 200, value_status: "ok" }]]) as never, new Map([["1", { value: 1, value_status: "ok" }], ["2", { value: 3, value_status: "ok" }]]) as never).value // 175
 */
export function rollUpWeightedMean(
  members: readonly string[],
  rows: ReadonlyMap<string, DatasetRow>,
  weights: ReadonlyMap<string, DatasetRow>,
): CellRollUp {
  let weighted = 0;
  let totalWeight = 0;
  let present = 0;
  let suppressed = 0;
  let lowReliability = false;
  const contributions: MemberValue[] = [];
  for (const code of members) {
    const row = rows.get(code);
    const weight = weights.get(code);
    contributions.push({ oldCode: code, value: row?.value ?? null, status: statusOf(row) });
    if (weight && weight.value === 0) {
      present++;
    } else if (row && row.value !== null && weight && weight.value !== null && weight.value > 0) {
      weighted += row.value * weight.value;
      totalWeight += weight.value;
      present++;
      if (row.value_status === "low_reliability" || weight.value_status === "low_reliability") lowReliability = true;
    } else if ((row && WITHHELD.has(row.value_status)) || (weight && WITHHELD.has(weight.value_status))) suppressed++;
  }
  const out = cellRollUp({ expected: members.length, present, suppressed, value: totalWeight > 0 ? weighted / totalWeight : 0, lowReliability, what: "weighted mean", contributions });
  if (out.value !== null && totalWeight === 0) return { ...out, value: null, value_status: "not_applicable", note: "no placements to average over (total weight 0)" };
  return out;
}
