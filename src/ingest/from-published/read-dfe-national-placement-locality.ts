/**
 * DfE England file "children looked after at 31 March by placement provider, placement
 * type and locality" (2020 onwards). Kept: the England total, the split by provider
 * (cla_31_march_by_provider), inside/outside the council boundary
 * (cla_31_march_by_location), placed outside the boundary by DfE placement group
 * (placed_outside_la) and Other placements (cla_31_march). Crossings the template does
 * not carry (type x provider, inside the boundary by type) are skipped with a reason.
 *
 * Reference: DfE, Children looked after in England including adoptions, national table.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { PLACE_PROVIDER, PLACEMENT_TYPE, TOTAL } from "../../reference/code-lists.ts";
import { normaliseCode, rootCodes } from "../../reference/code-tree.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { eesRecord } from "./ees-record.ts";
import { isTotalLabel, publishedRow, publishedValue, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export const DFE_NATIONAL_PLACEMENT_LOCALITY_KIND = "dfe-cla-national-placement-provider-locality";

/** True when the header is the national placement x provider x locality file. */
export function isDfeNationalPlacementLocality(columns: readonly string[]): boolean {
  return ["placement_type", "placement_provider", "number"].every((c) => columns.includes(c));
}

type Mapped = { rows: { measure: string; dims: Dims }[] } | { skip: string } | { unknown: string };

function mapRecord(type: string, provider: string): Mapped {
  const allProviders = isTotalLabel(provider);
  const t = type.trim();
  if (/^1\.\s/.test(t)) {
    if (allProviders) return { rows: [{ measure: "cla_31_march", dims: { placement_type: TOTAL, age_band: TOTAL } }] };
    const code = normaliseCode(PLACE_PROVIDER, provider)?.code;
    return code ? { rows: [{ measure: "cla_31_march_by_provider", dims: { place_provider: code } }] } : { unknown: "place_provider" };
  }
  if (!allProviders) return { skip: "placement type x provider crossing not in template" };
  if (/^2\.\s/.test(t)) return { rows: [{ measure: "cla_31_march_by_location", dims: { locality: "inside_la", distance: TOTAL } }] };
  if (/^3\.\s/.test(t)) {
    return { rows: [
      { measure: "cla_31_march_by_location", dims: { locality: "outside_la", distance: TOTAL } },
      { measure: "placed_outside_la", dims: { placement_type: TOTAL } },
    ] };
  }
  if (/^2[a-z]\.\s/.test(t)) return { skip: "placement type inside the LA boundary not in template" };
  const group = t.replace(/^(\d+[a-z]?)\.\s*/i, "").replace(/\/\s+/g, "/");
  // "4. Other placement" is the DfE group "Other placements": try the plural (group) first.
  const code = normaliseCode(PLACEMENT_TYPE, `${group}s`)?.code ?? normaliseCode(PLACEMENT_TYPE, group)?.code;
  if (!code || !rootCodes(PLACEMENT_TYPE).includes(code)) return { unknown: "placement_type" };
  if (/^3[a-z]\.\s/.test(t)) return { rows: [{ measure: "placed_outside_la", dims: { placement_type: code } }] };
  if (/^4\.\s/.test(t)) return { rows: [{ measure: "cla_31_march", dims: { placement_type: code, age_band: TOTAL } }] };
  return { unknown: "placement_type" };
}

/**
 * Read the national placement x provider x locality file.
 * @throws Error only when the bytes are not CSV.
 * @example readDfeNationalPlacementLocality({ name: "national_cla_on_31_march_by_placement_provider_placement_type_and_locality.csv", bytes }).kind // "dfe-cla-national-placement-provider-locality"
 */
export function readDfeNationalPlacementLocality(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const acc = readAccumulator(DFE_NATIONAL_PLACEMENT_LOCALITY_KIND);
  const ees = eesRecord(table, acc);
  const [cType, cProvider, cNumber] = ["placement_type", "placement_provider", "number"].map((c) => table.index.get(c)!);
  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const mapped = mapRecord(record[cType], record[cProvider]);
    if ("skip" in mapped) return acc.skip(mapped.skip);
    if ("unknown" in mapped) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "placement_type/placement_provider", value: `${record[cType]} / ${record[cProvider]}`, list: mapped.unknown }, where));
      return;
    }
    const year = ees.year(record, where);
    if (year === null) return;
    const value = publishedValue(acc, record[cNumber], "number", where);
    if (value === null) return;
    const geography = ees.geography(record, year, value.status, where);
    if (geography === null) return;
    acc.accept(mapped.rows.map((m) => publishedRow(geography, String(year), m.measure, m.dims, value.value, value.status)));
  });
  return acc.result();
}
