/**
 * Rows without the Ofsted register's owner leaves (owning_group other than "total"): the
 * rows that the report and `npm start` aggregate to regions and England. Owner-level
 * supply (concentration, providers at risk) is read from the LA rows by src/market
 * (supplyPanel), which is far cheaper than aggregating every owner in every LA to every
 * footprint.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";

/** The register's measures, whose owner leaves are many (every owning group in every LA). */
const REGISTER_MEASURES = /^registered_(places|providers)/;

/**
 * Keep every row except the register's owner leaves (other measures with an owning group,
 * such as the providers an LA's return says it used, are kept).
 * @throws never
 * @example ownerTotalsOnly([{ measure: "registered_places", dims: { owning_group: "Keys Group" } }, { measure: "registered_places", dims: { owning_group: "total" } }] as never).length // 1
 */
export function ownerTotalsOnly<T extends Pick<DatasetRow, "dims" | "measure">>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.dims.owning_group === undefined || r.dims.owning_group === "" || r.dims.owning_group === TOTAL || !REGISTER_MEASURES.test(r.measure));
}
