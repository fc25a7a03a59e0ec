/**
 * LA tables as an LA report publishes them: each LA's own figures as aggregate rows of a
 * one-member footprint (its old DfE code), with that member's contribution, so that they
 * can be protected in the same linked system as the regions, England and footprints
 * (protectLinked). Cheaper than aggregating to 153 one-LA footprints.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { findLa } from "../reference/las.ts";
import { findMeasure } from "../template/measures.ts";
import { WITHHELD } from "./cell-roll-up.ts";
import { dimensionKey } from "./dimension-key.ts";
import { isPublishedSource } from "./published-source.ts";
import type { AggregateRow, MemberValue } from "./types.ts";

/**
 * One aggregate row per LA figure (a value kept over a marker where a cell comes twice).
 * @throws never.
 * @example laTables([]).rows.length // 0
 */
export function laTables(rows: readonly DatasetRow[]): { rows: AggregateRow[]; contributions: Map<AggregateRow, MemberValue[]> } {
  const byCell = new Map<string, DatasetRow>();
  const kinds = new Map<string, string | undefined>();
  const kindOf = (id: string) => {
    if (!kinds.has(id)) kinds.set(id, findMeasure(id)?.aggregation.kind);
    return kinds.get(id);
  };
  for (const r of rows) {
    if (r.geographic_level !== "Local authority") continue;
    const kind = kindOf(r.measure);
    if (kind === undefined || kind === "not_additive") continue;
    const code = r.old_la_code || r.new_la_code;
    const key = `${code}\u0001${r.time_period}\u0001${r.time_identifier}\u0001${r.measure}\u0001${dimensionKey(r.dims)}`;
    const seen = byCell.get(key);
    if (!seen || (seen.value === null && r.value !== null)) byCell.set(key, r);
  }
  const out: AggregateRow[] = [];
  const contributions = new Map<AggregateRow, MemberValue[]>();
  const las = new Map<string, ReturnType<typeof findLa>>();
  for (const r of byCell.values()) {
    const code = r.old_la_code || r.new_la_code;
    if (!las.has(code)) las.set(code, findLa(code));
    const la = las.get(code);
    if (!la) continue;
    const withheld = r.value === null && WITHHELD.has(r.value_status);
    const row: AggregateRow = {
      ...r,
      dims: { ...r.dims },
      footprint_code: la.oldCode,
      footprint_name: la.name,
      rate_per_10000: null,
      members_expected: 1,
      members_present: r.value === null ? 0 : 1,
      members_missing: r.value === null && !withheld ? 1 : 0,
      members_suppressed: withheld ? 1 : 0,
      comparable: true,
      note: "",
    };
    out.push(row);
    if (kindOf(r.measure) === "sum") contributions.set(row, [{ oldCode: la.oldCode, value: r.value, status: r.value_status, published: isPublishedSource(r.source) }]);
  }
  return { rows: out, contributions };
}
