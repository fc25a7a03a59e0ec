/**
 * The value of each template row from a set of dataset rows for one LA and period (e.g.
 * derived from its SSDA903 extract): the row itself when the dataset has it, else, for a
 * summed measure, the sum over the children of a group code (foster = foster_kinship +
 * foster_la + foster_ifa), recursively, when every child is known. A child that is not
 * applicable by definition (V3/V4 short breaks in counts at 31 March) adds nothing. A row
 * with a code only the LA's own records can give (templateOnly, e.g. placement type
 * unregistered) is never pre-filled: the LA fills it (its group, e.g. Other placements, is
 * the source's own count). A row with no number stays blank for the LA to fill: missing is
 * never zero.
 */
import { CODE_LISTS } from "../reference/code-lists.ts";
import { childCodes, findCode } from "../reference/code-tree.ts";
import { DIMENSION_COLUMNS, type DatasetRow, type DimensionColumn } from "../spec/dataset.ts";
import type { Measure } from "../spec/template.ts";
import type { PrefilledValue } from "./blank-workbook.ts";
import type { PrefilledDims } from "./prefill-rows.ts";

function key(measure: string, dims: PrefilledDims): string {
  let k = measure;
  for (const column of DIMENSION_COLUMNS) {
    const code = dims[column];
    if (code !== undefined && code !== "") k += `|${column}=${code}`;
  }
  return k;
}

/**
 * A lookup from template rows to pre-filled values.
 * @throws never.
 * @example prefillValues([])(findMeasure("cla_31_march")!, { placement_type: "total", age_band: "total" }) // undefined
 */
export function prefillValues(rows: readonly DatasetRow[]): (measure: Measure, dims: PrefilledDims) => PrefilledValue | undefined {
  const byKey = new Map<string, DatasetRow>();
  for (const row of rows) byKey.set(key(row.measure, row.dims), row);
  const templateOnly = (dims: PrefilledDims): boolean => (Object.keys(dims) as DimensionColumn[]).some((column) => {
    const list = CODE_LISTS[column];
    const code = dims[column];
    return list !== undefined && code !== undefined && findCode(list, code)?.templateOnly === true;
  });
  const value = (measure: Measure, dims: PrefilledDims): PrefilledValue | undefined => (templateOnly(dims) ? undefined : lookup(measure, dims));
  const lookup = (measure: Measure, dims: PrefilledDims): PrefilledValue | undefined => {
    const row = byKey.get(key(measure.id, dims));
    if (row) {
      if (row.value !== null && (row.value_status === "ok" || row.value_status === "estimated")) return { value: row.value };
      if (row.value_status === "not_applicable") return { reason: "not_applicable" };
      return undefined;
    }
    if (measure.aggregation.kind !== "sum") return undefined;
    // A group code: the sum of its children, when all are known.
    for (const column of Object.keys(dims) as DimensionColumn[]) {
      const list = CODE_LISTS[column];
      const code = dims[column];
      if (!list || code === undefined) continue;
      const children = childCodes(list, code);
      if (children.length === 0) continue;
      let sum = 0;
      let any = false;
      for (const child of children) {
        const part = lookup(measure, { ...dims, [column]: child });
        if (part === undefined) return undefined;
        if ("value" in part) { sum += part.value; any = true; }
      }
      return any ? { value: sum } : { reason: "not_applicable" };
    }
    return undefined;
  };
  return value;
}
