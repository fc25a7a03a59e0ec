/**
 * Disclosure control on the aggregate rows of one aggregation for publication: one linked
 * system over all of its tables (protectLinked), so no suppressed cell can be worked out
 * from any combination of its tables, the member LAs' figures known from published
 * sources, and figures published before (the ledger, when given).
 * Means are suppressed with their weight. Measures marked `disclosure: "public_register"`
 * (Ofsted's providers and places, published provider by provider) are not controlled.
 */
import type { AggregateRow, MemberValue } from "../types.ts";
import { protectLinked, type DisclosureControlResult, type LinkedOptions } from "./protect-linked.ts";

export type { DisclosureControlResult } from "./protect-linked.ts";

/**
 * Suppress cells of `rows` in place for publication.
 * `contributions` gives, for each summed row, what every member LA contributed.
 * @throws Error when k is not an integer >= 2 (a programmer error).
 * @example applyDisclosureControl([], new Map(), { k: 5 }).summary.primary // 0
 */
export function applyDisclosureControl(
  rows: AggregateRow[],
  contributions: ReadonlyMap<AggregateRow, readonly MemberValue[]>,
  options: LinkedOptions,
): DisclosureControlResult {
  return protectLinked([{ rows, contributions }], options);
}
