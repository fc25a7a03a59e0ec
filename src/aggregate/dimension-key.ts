/**
 * A stable text key for a row's dimension values, for grouping and joining rows.
 */
import { DIMENSION_COLUMNS, type DimensionColumn } from "../spec/dataset.ts";

/**
 * The dimension values in DIMENSION_COLUMNS order, joined; absent = "".
 * @example dimensionKey({ age_band: "total", placement_type: "foster" }) === dimensionKey({ placement_type: "foster", age_band: "total" }) // true
 */
export function dimensionKey(dims: Partial<Record<DimensionColumn, string>>): string {
  return DIMENSION_COLUMNS.map((c) => dims[c] ?? "").join("|");
}
