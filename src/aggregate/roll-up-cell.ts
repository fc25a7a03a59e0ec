/**
 * Roll one cell (period x measure x dimension values) up from member LAs to a footprint:
 * a sum for counts and amounts, a mean weighted by a named weight measure for averages.
 * Coverage is counted, and partial coverage is never hidden: missing is not zero, and a
 * sum over members some of which are suppressed or missing is a lower bound, marked
 * value_status "estimated" with a note.
 *
 * Reference: DfE/EES convention that regional and national figures are sums of LA
 * figures; GSS guidance on weighted averages (weight = the count each mean is over).
 */
import type { DatasetRow, ValueStatus } from "../spec/dataset";
import type { MemberValue } from "./types";

export interface CellRollUp {
  value: number | null;
  value_status: ValueStatus;
  members_expected: number;
  members_present: number;
  members_missing: number;
  members_suppressed: number;
  note: string;
  /** Each member's value (for disclosure control). */
  contributions: MemberValue[];
}

const WITHHELD: ReadonlySet<ValueStatus> = new Set(["suppressed", "rounds_to_zero"]);

function statusOf(row: DatasetRow | undefined): ValueStatus | "absent" {
  return row ? row.value_status : "absent";
}

function finish(parts: {
  expected: number;
  present: number;
  suppressed: number;
  value: number;
  lowReliability: boolean;
  what: string;
  contributions: MemberValue[];
}): CellRollUp {
  const missing = parts.expected - parts.present - parts.suppressed;
  // Sums of decimal amounts pick up binary noise (2591219.4499999997); 6 places is far
  // below any published precision.
  parts.value = Math.round(parts.value * 1e6) / 1e6;
  const base = { members_expected: parts.expected, members_present: parts.present, members_missing: missing, members_suppressed: parts.suppressed, contributions: parts.contributions };
  if (parts.expected === 0) return { ...base, value: null, value_status: "not_available", note: "no member LA reported in this year" };
  if (parts.present === 0) {
    return { ...base, value: null, value_status: "not_available", note: `no member value: ${parts.suppressed} suppressed, ${missing} missing` };
  }
  if (missing === 0 && parts.suppressed === 0) return { ...base, value: parts.value, value_status: parts.lowReliability ? "low_reliability" : "ok", note: "" };
  return {
    ...base,
    value: parts.value,
    value_status: "estimated",
    note: `${parts.what} over ${parts.present} of ${parts.expected} members (${parts.suppressed} suppressed, ${missing} missing)`,
  };
}

/**
 * Sum the members' values. `rows` maps a member's old DfE code to its row for the cell.
 * @throws never.
 * @example rollUpSum(["1", "2"], new Map([["1", { value: 3, value_status: "ok" }], ["2", { value: null, value_status: "suppressed" }]]) as never).value_status // "estimated"
 */
export function rollUpSum(members: readonly string[], rows: ReadonlyMap<string, DatasetRow>): CellRollUp {
  let value = 0;
  let present = 0;
  let suppressed = 0;
  let lowReliability = false;
  const contributions: MemberValue[] = [];
  for (const code of members) {
    const row = rows.get(code);
    contributions.push({ oldCode: code, value: row?.value ?? null, status: statusOf(row) });
    if (row && row.value !== null) {
      value += row.value;
      present++;
      if (row.value_status === "low_reliability") lowReliability = true;
    } else if (row && WITHHELD.has(row.value_status)) suppressed++;
  }
  return finish({ expected: members.length, present, suppressed, value, lowReliability, what: "lower bound: sum", contributions });
}

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
  const out = finish({ expected: members.length, present, suppressed, value: totalWeight > 0 ? weighted / totalWeight : 0, lowReliability, what: "weighted mean", contributions });
  if (out.value !== null && totalWeight === 0) return { ...out, value: null, value_status: "not_applicable", note: "no placements to average over (total weight 0)" };
  return out;
}
