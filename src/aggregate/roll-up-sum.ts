/**
 * Roll one cell up from member LAs to a footprint by summing (counts and amounts).
 * Reference: DfE/EES convention that regional and national figures are sums of LA figures.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { cellRollUp, statusOf, WITHHELD, type CellRollUp } from "./cell-roll-up.ts";
import type { MemberValue } from "./types.ts";
import { isPublishedSource } from "./published-source.ts";

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
    contributions.push({ oldCode: code, value: row?.value ?? null, status: statusOf(row), published: row ? isPublishedSource(row.source) : false });
    if (row && row.value !== null) {
      value += row.value;
      present++;
      if (row.value_status === "low_reliability") lowReliability = true;
    } else if (row && WITHHELD.has(row.value_status)) suppressed++;
  }
  return cellRollUp({ expected: members.length, present, suppressed, value, lowReliability, what: "lower bound: sum", contributions });
}

