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
import type { DatasetRow, ValueStatus } from "../spec/dataset.ts";
import type { MemberValue } from "./types.ts";

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

/** Input statuses that mean "a value exists but was withheld" (counted as suppressed). */
export const WITHHELD: ReadonlySet<ValueStatus> = new Set(["suppressed", "rounds_to_zero"]);

/**
 * A member row's status, or "absent" when it has no row.
 * @throws never.
 * @example statusOf(undefined) // "absent"
 */
export function statusOf(row: DatasetRow | undefined): ValueStatus | "absent" {
  return row ? row.value_status : "absent";
}

/**
 * Turn what the members gave into an aggregate value, status and coverage: complete ->
 * "ok" (or "low_reliability"); partial -> the value over the members present, "estimated",
 * with a note; nothing present -> null, "not_available".
 * @throws never.
 * @example cellRollUp({ expected: 2, present: 1, suppressed: 1, value: 5, lowReliability: false, what: "lower bound: sum", contributions: [] }).note // "lower bound: sum over 1 of 2 members (1 suppressed, 0 missing)"
 */
export function cellRollUp(parts: {
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

