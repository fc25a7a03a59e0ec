/**
 * DfE "Children looked after in England" characteristics files (EES tidy format, columns
 * cla_group, characteristic, number, percentage): at 31 March, started during the year,
 * ceased during the year, the England-only 31 March file, and the England UASC file.
 * One record is one (geography, year, breakdown, category). It maps onto the template at
 * the level of detail it carries: placements at DfE-group level, legal status at the
 * published group or code, ceases at 16/17/18+ under 16_plus. Breakdowns the template
 * does not carry (sex, ethnicity, motherhood, taken into care, LA of placement) and
 * percentages are skipped with a counted reason.
 *
 * Reference: DfE, Children looked after in England including adoptions, methodology and
 * EES data guidance for each file.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import {
  AGE_BAND, CATEGORY_OF_NEED, DISTANCE, LEGAL_STATUS, LOCALITY, PLACE_PROVIDER, PLACEMENT_TYPE, REASON_CEASED, TOTAL, type CodeList,
} from "../../reference/code-lists.ts";
import { normaliseCode, rootCodes } from "../../reference/code-tree.ts";
import { isTotalLabel, publishedGeography, publishedRow, publishedValue, publishedYear, type Dims } from "./published-row.ts";
import { publishedTable, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";

export type CharacteristicsEvent = "31_march" | "starts" | "ceases" | "uasc_31_march";

export const DFE_CHARACTERISTICS_KINDS: Record<CharacteristicsEvent, string> = {
  "31_march": "dfe-cla-31-march-characteristics",
  starts: "dfe-cla-starts-characteristics",
  ceases: "dfe-cla-ceases-characteristics",
  uasc_31_march: "dfe-cla-uasc-31-march-national",
};

/** True when the header is a DfE characteristics file. */
export function isDfeCharacteristics(columns: readonly string[]): boolean {
  return ["time_period", "geographic_level", "cla_group", "characteristic", "number"].every((c) => columns.includes(c));
}

/** Which event a characteristics file counts, from its breakdown names (the headers are identical). */
export function characteristicsEvent(groups: ReadonlySet<string>, characteristics: ReadonlySet<string>): CharacteristicsEvent {
  if (groups.has("Age on starting") || groups.has("Taken into care")) return "starts";
  if (groups.has("Age on ceasing") || groups.has("Reason episode ceased")) return "ceases";
  if (groups.has("Placements") && characteristics.has("Under 16 years")) return "uasc_31_march";
  return "31_march";
}

type Mapped = { rows: { measure: string; dims: Dims }[] } | { skip: string } | { unknown: CodeList };

const SKIP_GROUPS: Record<string, string> = {
  Sex: "sex breakdown not in template",
  Gender: "sex breakdown not in template",
  Ethnicity: "ethnicity breakdown not in template",
  "Motherhood status": "motherhood status not in template",
  "Taken into care": "taken-into-care breakdown not in template",
  "LA of placement": "placements within the LA boundary by placing LA not in template",
};
const DUPLICATE_TOTAL = "total repeated in another breakdown (kept once)";

function coded(list: CodeList, label: string): string | null {
  return normaliseCode(list, label)?.code ?? null;
}

function one(measure: string, dims: Dims): Mapped {
  return { rows: [{ measure, dims }] };
}

/** Strip DfE numbering ("1. Total ", "2a. ") from a label. */
function stripNumbering(label: string): string {
  return label.replace(/^\d+[a-z]?(\.\d+)?[ivx]*\.?\s+/i, "").replace(/^total\s+/i, "").replace(/\/\s+/g, "/");
}

function mapPlacement(label: string, measure: string): Mapped {
  if (isTotalLabel(label)) return { skip: DUPLICATE_TOTAL };
  if (/^\d+[a-z]/i.test(label.trim())) return { skip: "placement sub-category finer than the DfE group (not in template)" };
  const code = coded(PLACEMENT_TYPE, stripNumbering(label));
  if (code === null || !rootCodes(PLACEMENT_TYPE).includes(code)) return { unknown: PLACEMENT_TYPE };
  return one(measure, { placement_type: code, age_band: TOTAL });
}

function mapAge(label: string, measure: string, withPlacement: boolean): Mapped {
  const extra: Dims = withPlacement ? { placement_type: TOTAL } : {};
  if (isTotalLabel(label)) return one(measure, { ...extra, age_band: TOTAL });
  if (/^under 16 years$/i.test(label.trim())) return { skip: "age group Under 16 years spans several template age bands" };
  const code = coded(AGE_BAND, label);
  return code === null ? { unknown: AGE_BAND } : one(measure, { ...extra, age_band: code });
}

function mapCoded(label: string, measure: string, list: CodeList, column: keyof Dims): Mapped {
  if (isTotalLabel(label)) return one(measure, { [column]: TOTAL });
  if (list === LEGAL_STATUS && /^care orders$/i.test(label.trim())) return { skip: "legal status group Care orders (C1 + C2) not in the code list" };
  const code = coded(list, label);
  return code === null ? { unknown: list } : one(measure, { [column]: code });
}

function mapUasc(label: string, measure: string, dims: Dims): Mapped {
  const text = label.trim().toLowerCase();
  if (text === "uasc" || text === "unaccompanied asylum-seeking children") return one(measure, dims);
  if (isTotalLabel(label)) return { skip: DUPLICATE_TOTAL };
  return { skip: "non-UASC children (the template carries UASC only)" };
}

function mapLocation(group: string, label: string): Mapped {
  const text = label.trim();
  if (group === "Locality of placement") {
    if (isTotalLabel(text)) return one("cla_31_march_by_location", { locality: TOTAL, distance: TOTAL });
    if (/outside/i.test(text)) {
      return { rows: [
        { measure: "cla_31_march_by_location", dims: { locality: "outside_la", distance: TOTAL } },
        { measure: "placed_outside_la", dims: { placement_type: TOTAL } },
      ] };
    }
    if (/inside/i.test(text)) return one("cla_31_march_by_location", { locality: "inside_la", distance: TOTAL });
    return { unknown: LOCALITY };
  }
  if (isTotalLabel(text)) return { skip: DUPLICATE_TOTAL };
  const distance = /20 miles or less/i.test(text) ? "20_miles_or_less" : /more than 20 miles/i.test(text) ? "over_20_miles" : /not known/i.test(text) ? "not_known" : null;
  if (distance === null) return { unknown: DISTANCE };
  if (group === "Distance between home and placement") {
    const rows = [{ measure: "cla_31_march_by_location", dims: { locality: TOTAL, distance } as Dims }];
    if (distance === "over_20_miles") rows.push({ measure: "placed_over_20_miles", dims: { placement_type: TOTAL } });
    return { rows };
  }
  const locality = /outside/i.test(text) ? "outside_la" : /inside/i.test(text) ? "inside_la" : null;
  if (locality === null) return { unknown: LOCALITY };
  return one("cla_31_march_by_location", { locality, distance });
}

function mapRecord(event: CharacteristicsEvent, group: string, label: string): Mapped {
  if (group in SKIP_GROUPS) return { skip: SKIP_GROUPS[group] };
  if (event === "uasc_31_march") {
    if (group === "Age group") return mapAge(label, "cla_31_march_uasc", false);
    return { skip: `UASC breakdown by ${group.toLowerCase()} not in template` };
  }
  if (event === "31_march") {
    switch (group) {
      case "Age group": return mapAge(label, "cla_31_march", true);
      case "Placement": return mapPlacement(label, "cla_31_march");
      case "Category of need": return mapCoded(label, "cla_31_march_by_need", CATEGORY_OF_NEED, "category_of_need");
      case "Legal status": return mapCoded(label, "cla_31_march_by_legal_status", LEGAL_STATUS, "legal_status");
      case "Place providers": return mapCoded(label, "cla_31_march_by_provider", PLACE_PROVIDER, "place_provider");
      case "Unaccompanied asylum-seeking children": return mapUasc(label, "cla_31_march_uasc", { age_band: TOTAL });
      case "Locality of placement":
      case "Distance between home and placement":
      case "Distance between home and placement and locality of placement":
        return mapLocation(group, label);
    }
  }
  if (event === "starts") {
    switch (group) {
      case "Age on starting": return mapAge(label, "starts_in_year", false);
      case "Category of need": return mapCoded(label, "starts_in_year_by_need", CATEGORY_OF_NEED, "category_of_need");
      case "Legal status": return mapCoded(label, "starts_in_year_by_legal_status", LEGAL_STATUS, "legal_status");
      case "Unaccompanied asylum-seeking children": return mapUasc(label, "starts_in_year_uasc", {});
    }
  }
  if (event === "ceases") {
    switch (group) {
      case "Age on ceasing": return mapAge(label, "ceases_in_year", false);
      case "Reason episode ceased": return mapCoded(label, "ceases_in_year_by_reason", REASON_CEASED, "reason_ceased");
      case "Unaccompanied asylum-seeking children": return mapUasc(label, "ceases_in_year_uasc", {});
    }
  }
  return { skip: `breakdown "${group}" not in template` };
}

/**
 * Read a DfE characteristics file into template rows.
 * @throws Error only when the bytes are not CSV (the dispatcher reports the file as unreadable).
 * @example readDfeCharacteristics({ name: "cla_on_31_march_by_characteristics_2021_2025.csv", bytes }).kind // "dfe-cla-31-march-characteristics"
 */
export function readDfeCharacteristics(file: PublishedFile): ReadResult {
  const table = publishedTable(file);
  const col = (name: string) => table.index.get(name) ?? -1;
  const [cPeriod, cLevel, cGroup, cChar, cNumber] = ["time_period", "geographic_level", "cla_group", "characteristic", "number"].map(col);
  const [cRegionCode, cRegionName, cOld, cNew, cName, cBreakdown] = ["region_code", "region_name", "old_la_code", "new_la_code", "la_name", "geo_breakdown"].map(col);
  const groups = new Set(table.records.map((r) => r[cGroup]));
  const characteristics = new Set(table.records.map((r) => r[cChar]));
  const event = characteristicsEvent(groups, characteristics);
  // England-only files (no LA or region columns) are a separate kind: the dispatcher
  // prefers the LA/region/England release of the same figures to them.
  const englandOnly = !table.index.has("la_name") && !table.index.has("geo_breakdown") && !table.index.has("old_la_code");
  const acc = readAccumulator(englandOnly && event === "31_march" ? `${DFE_CHARACTERISTICS_KINDS[event]}-national` : DFE_CHARACTERISTICS_KINDS[event]);
  const at = (r: string[], i: number) => (i >= 0 ? r[i] : "");

  table.records.forEach((record, i) => {
    const where = { file: file.name, row: i + 2 };
    const year = publishedYear(record[cPeriod]);
    if (year === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: record[cPeriod] }, { ...where, column: "time_period" }));
      return;
    }
    const mapped = mapRecord(event, record[cGroup], record[cChar]);
    if ("skip" in mapped) return acc.skip(mapped.skip);
    if ("unknown" in mapped) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: record[cGroup], value: record[cChar], list: mapped.unknown.id }, { ...where, column: "characteristic" }));
      return;
    }
    const parsed = publishedValue(acc, record[cNumber], "number", where);
    if (parsed === null) return;
    const level = record[cLevel];
    const breakdown = at(record, cBreakdown);
    const geography = publishedGeography(acc, {
      level,
      year,
      oldCode: at(record, cOld),
      newCode: at(record, cNew),
      laName: at(record, cName) || (level === "Local authority" ? breakdown : ""),
      regionCode: at(record, cRegionCode),
      regionName: at(record, cRegionName) || (level === "Regional" ? breakdown : ""),
    }, parsed.status, where);
    if (geography === null) return;
    const rows: DatasetRow[] = mapped.rows.map((m) => publishedRow(geography, String(year), m.measure, m.dims, parsed.value, parsed.status));
    acc.accept(rows);
  });
  return acc.result();
}
