// The explore-education-statistics (EES) rules a data file and its .meta.csv must meet, as
// the DfE data screener checks them (dfe-analytical-services/eesyscreener; DfE analysts'
// guide, "Open data standards"). Returns one message per failed rule; [] when the pair passes.
import { parse } from "csv-parse/sync";

const REQUIRED_DATA = ["geographic_level", "time_period", "time_identifier", "country_code", "country_name"];
const REQUIRED_META = ["col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column"];
const OPTIONAL_META = ["filter_default", "parent_filter"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const FOUR_DIGIT = ["Calendar year", "Reporting year", ...MONTHS];
const SIX_DIGIT = ["Financial year", "Academic year", "Tax year"];
const UNITS = ["", "%", "pp", "£", "£m", "numberstring"];
const SYMBOLS = ["c", "x", "z", "low", "u", "k"];
const LEGACY = [":", "~"];
const NULLS = ["NULL", "Null", "null", "NA", "na", "N/A", "n/a", ".", "..", "-"];
/** geographic_level -> columns it needs (from the screener's geography_df). */
const LEVELS: Record<string, string[]> = {
  National: [],
  Regional: ["region_code", "region_name"],
  "Local authority": ["old_la_code", "la_name"],
  "English devolved area": ["english_devolved_area_code", "english_devolved_area_name"],
};
const GEOGRAPHY = new Set(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "english_devolved_area_code", "english_devolved_area_name"]);

function table(text: string): { header: string[]; rows: Array<Record<string, string>> } {
  const records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: false }) as string[][];
  const header = records[0] ?? [];
  return { header, rows: records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/**
 * Check one EES data file and its metadata.
 * @example eesRuleFailures("cla.csv", dataText, "cla.meta.csv", metaText) // []
 */
export function eesRuleFailures(dataName: string, dataText: string, metaName: string, metaText: string): string[] {
  const out: string[] = [];
  const fail = (rule: string, detail: string) => out.push(`${dataName}: ${rule}: ${detail}`);
  // File names.
  const stem = dataName.replace(/\.csv$/, "");
  if (!/^[a-z0-9_-]+$/.test(stem)) fail("filename", `'${dataName}' must be lower case letters, numbers, underscores or hyphens`);
  if (metaName !== `${stem}.meta.csv`) fail("filenames_match", `metadata should be ${stem}.meta.csv, not ${metaName}`);
  const data = table(dataText);
  const meta = table(metaText);
  // Columns.
  for (const c of REQUIRED_DATA) if (!data.header.includes(c)) fail("col_req_data", `missing ${c}`);
  for (const c of REQUIRED_META) if (!meta.header.includes(c)) fail("col_req_meta", `missing ${c}`);
  for (const c of meta.header) if (!REQUIRED_META.includes(c) && !OPTIONAL_META.includes(c)) fail("col_invalid_meta", c);
  if (new Set(data.header).size !== data.header.length) fail("col_dupes", data.header.join(","));
  for (const c of data.header) {
    if (!/^[a-z][a-z0-9_]*$/.test(c)) fail("col_snake_case", c);
    if (c.length > 50) fail("api_char_limit", `column name ${c} is over 50 characters`);
  }
  // Null-like values anywhere.
  for (const r of data.rows) for (const [c, v] of Object.entries(r)) if (NULLS.includes(v)) fail("general_null", `${c}='${v}'`);
  // Time.
  const identifiers = new Set(data.rows.map((r) => r.time_identifier));
  if (identifiers.size > 1) fail("time_id_mix", [...identifiers].join(", "));
  for (const r of data.rows) {
    const digits = FOUR_DIGIT.includes(r.time_identifier) ? 4 : SIX_DIGIT.includes(r.time_identifier) ? 6 : 0;
    if (digits === 0) fail("time_id_valid", r.time_identifier);
    else if (!new RegExp(`^\\d{${digits}}$`).test(r.time_period)) fail("time_period", `${r.time_period} for ${r.time_identifier}`);
    else if (digits === 6 && Number(r.time_period.slice(4)) !== (Number(r.time_period.slice(0, 4)) + 1) % 100) fail("time_period_six", r.time_period);
  }
  // Geography.
  for (const r of data.rows) {
    const needed = LEVELS[r.geographic_level];
    if (!needed) {
      fail("geog_level", r.geographic_level);
      continue;
    }
    if (r.country_code !== "E92000001" || r.country_name !== "England") fail("geog_country_combos", `${r.country_code} ${r.country_name}`);
    for (const c of needed) if (!data.header.includes(c) || (r[c] ?? "") === "") fail("geog_level_completed", `${r.geographic_level} row without ${c}`);
    if (r.geographic_level === "National") for (const c of ["region_code", "region_name"]) if ((r[c] ?? "") !== "") fail("geog_overcompleted_cols", `National row with ${c}`);
  }
  // Metadata rows.
  const metaNames = meta.rows.map((m) => m.col_name);
  if (new Set(metaNames).size !== metaNames.length) fail("meta_col_name_duplicate", metaNames.join(","));
  const filters = meta.rows.filter((m) => m.col_type === "Filter");
  const indicators = meta.rows.filter((m) => m.col_type === "Indicator");
  const groups = filters.map((f) => f.filter_grouping_column).filter(Boolean);
  for (const m of meta.rows) {
    if (m.col_type !== "Filter" && m.col_type !== "Indicator") fail("meta_col_type", `${m.col_name}: ${m.col_type}`);
    if (!data.header.includes(m.col_name)) fail("cross_meta_to_data", m.col_name);
    if ((m.label ?? "").trim() === "") fail("meta_label", m.col_name);
    if ((m.label ?? "").length > 80) fail("api_char_limit", `label of ${m.col_name} is over 80 characters`);
    if (!UNITS.includes(m.indicator_unit ?? "")) fail("meta_ind_unit_validation", `${m.col_name}: '${m.indicator_unit}'`);
    if (m.indicator_dp !== "" && !/^\d+$/.test(m.indicator_dp)) fail("meta_ind_dp_values", `${m.col_name}: '${m.indicator_dp}'`);
    if (m.col_type === "Filter" && ((m.indicator_unit ?? "") !== "" || (m.indicator_dp ?? "") !== "" || (m.indicator_grouping ?? "") !== "")) fail("meta_ind_unit", `filter ${m.col_name} has indicator settings`);
    if (m.col_type === "Indicator" && ((m.filter_hint ?? "") !== "" || (m.filter_grouping_column ?? "") !== "")) fail("meta_filter_hint", `indicator ${m.col_name} has filter settings`);
    if (m.col_type === "Indicator" && m.indicator_dp === "") fail("meta_ind_dp_set", m.col_name);
  }
  for (const g of groups) {
    if (!data.header.includes(g)) fail("meta_fil_grp_match", `${g} not in the data`);
    if (metaNames.includes(g)) fail("meta_fil_grp_is_fil", `${g} has its own metadata row`);
  }
  // Every data column is an observational unit or in the metadata.
  for (const c of data.header) {
    if (GEOGRAPHY.has(c) || metaNames.includes(c) || groups.includes(c)) continue;
    if (new Set(data.rows.map((r) => r[c])).size > 1) fail("cross_data_to_meta", `${c} is neither geography nor in the metadata`);
  }
  // Filters: no blanks, a Total, two or more levels, group no finer than its filter.
  for (const f of filters) {
    for (const c of [f.col_name, ...(f.filter_grouping_column ? [f.filter_grouping_column] : [])]) {
      const values = data.rows.map((r) => r[c] ?? "");
      if (values.some((v) => v === "")) fail("filter_blanks", c);
      if (values.some((v) => v !== v.trim())) fail("filter_whitespace", c);
      if (!values.includes("Total")) fail("filter_defaults", `${c} has no Total`);
      if (values.some((v) => v.length > 120)) fail("api_char_limit", `an item of ${c} is over 120 characters`);
    }
    if (new Set(data.rows.map((r) => r[f.col_name])).size < 2) fail("filter_not_singular", f.col_name);
    if (f.filter_grouping_column && new Set(data.rows.map((r) => r[f.filter_grouping_column])).size > new Set(data.rows.map((r) => r[f.col_name])).size) fail("filter_group_level", f.col_name);
  }
  // Indicators: a number or a GSS symbol, never blank or a legacy symbol.
  for (const m of indicators) {
    for (const r of data.rows) {
      const v = r[m.col_name] ?? "";
      if (v === "") fail("ind_blanks", `${m.col_name} blank`);
      else if (LEGACY.includes(v)) fail("ind_obsolete_symbols", `${m.col_name}='${v}'`);
      else if (!SYMBOLS.includes(v) && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v)) fail("ind_invalid_entry", `${m.col_name}='${v}'`);
    }
  }
  // No two rows for the same time, place and filter items.
  const keys = data.header.filter((c) => GEOGRAPHY.has(c) || filters.some((f) => f.col_name === c || f.filter_grouping_column === c));
  const seen = new Set<string>();
  for (const r of data.rows) {
    const k = keys.map((c) => r[c]).join("\u0001");
    if (seen.has(k)) fail("general_dupes", k.replace(/\u0001/g, " | "));
    seen.add(k);
  }
  return [...new Set(out)];
}
