/**
 * Rows without the Ofsted register's owner leaves (owning_group other than "total"): the
 * rows that the report and `npm start` aggregate to regions and England. Owner-level
 * supply (concentration, providers at risk) is read from the LA rows by src/market
 * (supplyPanel), which is far cheaper than aggregating every owner in every LA to every
 * footprint.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";

/**
 * Keep every row except owner leaves.
 * @throws never
 * @example ownerTotalsOnly([{ dims: { owning_group: "Keys Group" } }, { dims: { owning_group: "total" } }] as never).length // 1
 */
export function ownerTotalsOnly<T extends Pick<DatasetRow, "dims">>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.dims.owning_group === undefined || r.dims.owning_group === "" || r.dims.owning_group === TOTAL);
}
