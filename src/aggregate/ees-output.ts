/**
 * The aggregate result as explore-education-statistics (EES) publication files: for each
 * measure one tidy data CSV and its `.meta.csv`, following DfE's open data standards
 * (analysts-guide "Open Data Standards"; the rules the EES data screener checks):
 *
 *  - data: time_period (4 digits for "Reporting year", 6 for "Financial year", e.g.
 *    202425), time_identifier, geographic_level, country_code, country_name, the level's
 *    own columns (region_code, region_name for Regional rows; english_devolved_area_code,
 *    english_devolved_area_name for footprints), then filters, then indicators;
 *  - filters: human-readable items, "Total" for the aggregate row, never blank; a code list
 *    with groups and their members gets a `<filter>_group` column named in
 *    filter_grouping_column; a filter with a single level is left out;
 *  - indicators: a number, or a symbol for why not: c (confidential: suppressed), x (not
 *    available), z (not applicable), low (rounds to zero; k is its alternative where "low"
 *    would read badly), u (low reliability: here also a sum over only some member LAs,
 *    which is a lower bound, not a figure to publish as the total);
 *  - meta: col_name, col_type (Filter/Indicator), label, indicator_grouping,
 *    indicator_unit ("", "£", "£m", "%"), indicator_dp, filter_hint, filter_grouping_column.
 * File names are the measure ids (lower case, underscores). Measures broken down by free
 * text (provider, owning group, opening year) are left out and listed: those breakdowns
 * have no "Total" item, which every EES filter needs as its default. Time identifiers cannot be mixed
 * in one EES file, so a measure with rows under two (e.g. spend: MHCLG's "Financial year" and
 * a return's "Reporting year") gets one file per identifier, the less common one suffixed.
 *
 * Reference: DfE analysts' guide, statistics production, "Open data standards" (ud.html);
 * dfe-analytical-services/eesyscreener (the screener's checks).
 */
import { CODE_LISTS, TOTAL, type CodeList } from "../reference/code-lists.ts";
import { findCode, parentCode } from "../reference/code-tree.ts";
import type { DimensionColumn, ValueStatus } from "../spec/dataset.ts";
import { findMeasure } from "../template/measures.ts";
import type { AggregateResult, AggregateRow } from "./types.ts";

/** The EES metadata columns, in order. */
export const EES_META_COLUMNS = ["col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column"] as const;

/** Symbols EES accepts in an indicator cell in place of a number. */
export const EES_SYMBOLS = ["c", "x", "z", "low", "u", "k"] as const;

export type EesCell = string | number;

/** The EES files of an aggregate result, and the measures that cannot be EES files. */
export interface EesOutput {
  files: EesFile[];
  /** Measures left out, with why (e.g. free-text breakdowns have no "Total" item). */
  skipped: Array<{ measure: string; reason: string }>;
}

export interface EesFile {
  /** File stem: the data file is `${name}.csv`, its metadata `${name}.meta.csv`. */
  name: string;
  columns: string[];
  rows: Array<Record<string, EesCell>>;
  meta: Array<Record<(typeof EES_META_COLUMNS)[number], EesCell>>;
}

const SYMBOL: Partial<Record<ValueStatus, string>> = { suppressed: "c", not_available: "x", missing: "x", not_applicable: "z", rounds_to_zero: "low", estimated: "u", low_reliability: "u" };

/** Filter columns renamed where the dataset name would read to EES as an observational unit (e.g. provider_id). */
const EES_FILTER_NAME: Partial<Record<DimensionColumn, string>> = { provider_id: "placement_provider" };

const FREE_TEXT_LABEL: Partial<Record<DimensionColumn, string>> = { provider_id: "Provider (Ofsted URN or name)", owning_group: "Owning group", opening_year: "Year due to open (ending 31 March)" };

/** EES filter items and location names are capped at 120 characters (the EES API limit). */
const ITEM_LIMIT = 120;

/**
 * EES time_period for a dataset period: "Financial year" 2025 (April 2024 to March 2025) is
 * 202425; every other identifier keeps its four-digit year.
 * @throws never
 * @example eesTimePeriod("2025", "Financial year") // "202425"
 */
export function eesTimePeriod(period: string, identifier: string): string {
  if (identifier === "Financial year" && /^\d{4}$/.test(period)) {
    const y = Number(period);
    return `${y - 1}${String(y).slice(2)}`;
  }
  return period;
}

function itemLabel(list: CodeList | undefined, code: string): string {
  if (code === TOTAL) return "Total";
  if (code === "") return "Not known";
  if (!list) return code.length > ITEM_LIMIT ? code.slice(0, ITEM_LIMIT) : code;
  const label = findCode(list, code)?.label ?? code;
  return label.length > ITEM_LIMIT ? code : label;
}

function symbolOf(row: AggregateRow): string {
  return SYMBOL[row.value_status] ?? "x";
}

function isGss(code: string): boolean {
  return /^E\d{8}$/.test(code);
}

interface Unit { unit: string; dp: number; scale: number; label: string }

function unitOf(measureUnit: string | undefined): Unit {
  if (measureUnit === "gbp_thousand") return { unit: "£m", dp: 1, scale: 1 / 1000, label: "(£ million)" };
  if (measureUnit === "gbp_per_week") return { unit: "£", dp: 0, scale: 1, label: "(£ a week)" };
  if (measureUnit === "gbp") return { unit: "£", dp: 0, scale: 1, label: "(£)" };
  return { unit: "", dp: 0, scale: 1, label: "" };
}

/**
 * One EES data file and metadata file per measure of an aggregate result.
 * Reference: DfE "Open data standards" for EES data and metadata files.
 * @throws never
 * @example eesOutput({ rows: [], diagnostics: [], notes: [], comparison: [] }).files // []
 */
export function eesOutput(result: AggregateResult): EesOutput {
  const byMeasure = new Map<string, Map<string, AggregateRow[]>>();
  for (const row of result.rows) {
    let byIdentifier = byMeasure.get(row.measure);
    if (!byIdentifier) byMeasure.set(row.measure, (byIdentifier = new Map()));
    let list = byIdentifier.get(row.time_identifier);
    if (!list) byIdentifier.set(row.time_identifier, (list = []));
    list.push(row);
  }
  const files: EesFile[] = [];
  const skipped: EesOutput["skipped"] = [];
  for (const [measureId, byIdentifier] of byMeasure) {
    const freeText = findMeasure(measureId)?.dimensions.filter((d) => !d.total).map((d) => d.column) ?? [];
    if (freeText.length > 0) {
      skipped.push({ measure: measureId, reason: `its ${freeText.join(", ")} breakdown is free text with no "Total" item, which EES needs as each filter's default` });
      continue;
    }
    const ranked = [...byIdentifier.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    ranked.forEach(([identifier, rows], i) => files.push(eesFile(measureId, i === 0 ? measureId : `${measureId}_${identifier.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`, rows)));
  }
  return { files, skipped };
}

/** "Filter by spend category (MHCLG RO3)": the label with its first letter lower case unless it starts an acronym. */
function hint(label: string): string {
  return `Filter by ${/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label}`;
}

function eesFile(measureId: string, name: string, rows: AggregateRow[]): EesFile {
  const measure = findMeasure(measureId);
  const unit = unitOf(measure?.unit);
  const dims = (measure?.dimensions.map((d) => d.column) ?? []) as DimensionColumn[];
  // Filters: items per column; drop single-level filters; group hierarchical code lists.
  const filters: Array<{ column: DimensionColumn; name: string; group?: string; list?: CodeList }> = [];
  for (const column of dims) {
    const values = new Set(rows.map((r) => r.dims[column] ?? ""));
    if (values.size < 2) continue;
    const list = CODE_LISTS[column];
    const hasLeaves = list !== undefined && [...values].some((v) => v !== TOTAL && parentCode(list, v) !== null);
    const name = EES_FILTER_NAME[column] ?? column;
    filters.push({ column, name, list, ...(hasLeaves ? { group: `${name}_group` } : {}) });
  }
  const levels = new Set(rows.map((r) => r.geographic_level));
  const regional = levels.has("Regional");
  const footprint = levels.has("Footprint");
  const hasRate = rows.some((r) => r.rate_per_10000 !== null);
  const geography = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name",
    ...(regional ? ["region_code", "region_name"] : []),
    ...(footprint ? ["english_devolved_area_code", "english_devolved_area_name"] : [])];
  const filterColumns = filters.flatMap((f) => (f.group ? [f.group, f.name] : [f.name]));
  const indicators = [measureId, ...(hasRate ? ["rate_per_10000"] : []), "members_expected", "members_present", "members_missing", "members_suppressed"];
  const data = rows.map((row) => {
    const out: Record<string, EesCell> = {
      time_period: eesTimePeriod(row.time_period, row.time_identifier),
      time_identifier: row.time_identifier,
      geographic_level: row.geographic_level === "Footprint" ? "English devolved area" : row.geographic_level,
      country_code: row.country_code,
      country_name: row.country_name,
    };
    if (regional) {
      out.region_code = row.geographic_level === "Regional" ? row.region_code : "";
      out.region_name = row.geographic_level === "Regional" ? row.region_name : "";
    }
    if (footprint) {
      out.english_devolved_area_code = row.geographic_level === "Footprint" ? (isGss(row.footprint_code) ? row.footprint_code : "z") : "";
      out.english_devolved_area_name = row.geographic_level === "Footprint" ? row.footprint_name : "";
    }
    for (const f of filters) {
      const code = row.dims[f.column] ?? "";
      out[f.name] = itemLabel(f.list, code);
      if (f.group && f.list) {
        const parent = code === TOTAL || code === "" ? null : parentCode(f.list, code);
        // A group's own row is the group's "Total"; a member sits under its group; a code
        // with no members is its own group and item.
        out[f.group] = code === TOTAL ? "Total" : itemLabel(f.list, parent ?? code);
        if (parent === null && code !== TOTAL && (findCode(f.list, code)?.children?.length ?? 0) > 0) out[f.name] = "Total";
      }
    }
    const published = row.value !== null && row.value_status !== "estimated" && row.value_status !== "low_reliability";
    out[measureId] = published ? Math.round(row.value! * unit.scale * 1e6) / 1e6 : symbolOf(row);
    if (hasRate) out.rate_per_10000 = !published ? symbolOf(row) : row.rate_per_10000 ?? "x";
    out.members_expected = row.members_expected;
    out.members_present = row.members_present;
    out.members_missing = row.members_missing;
    out.members_suppressed = row.members_suppressed;
    return out;
  });
  const meta: EesFile["meta"] = [
    ...filters.map((f) => ({
      col_name: f.name,
      col_type: "Filter",
      label: f.list?.label ?? FREE_TEXT_LABEL[f.column] ?? f.column,
      indicator_grouping: "",
      indicator_unit: "",
      indicator_dp: "",
      filter_hint: hint(f.list?.label ?? FREE_TEXT_LABEL[f.column] ?? f.column),
      filter_grouping_column: f.group ?? "",
    })),
    { col_name: measureId, col_type: "Indicator", label: `${measure?.label ?? measureId}${unit.label ? ` ${unit.label}` : ""}`.slice(0, 80), indicator_grouping: "", indicator_unit: unit.unit, indicator_dp: unit.dp, filter_hint: "", filter_grouping_column: "" },
    ...(hasRate ? [{ col_name: "rate_per_10000", col_type: "Indicator", label: "Rate per 10,000 children aged 0 to 17", indicator_grouping: "", indicator_unit: "", indicator_dp: 1, filter_hint: "", filter_grouping_column: "" }] : []),
    ...([["members_expected", "Local authorities expected"], ["members_present", "Local authorities with a figure"], ["members_missing", "Local authorities with no figure"], ["members_suppressed", "Local authorities with a suppressed figure"]] as const)
      .map(([col_name, label]) => ({ col_name, col_type: "Indicator", label, indicator_grouping: "Coverage", indicator_unit: "", indicator_dp: 0, filter_hint: "", filter_grouping_column: "" })),
  ];
  return { name, columns: [...geography, ...filterColumns, ...indicators], rows: data, meta };
}
