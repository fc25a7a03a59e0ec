import type { Catalogue } from "./types.ts";

/** Diagnostics raised by the aggregate stage: footprint files and the roll-up. */
export const aggregateMessages: Catalogue = {
  // Footprint files (new_la_code,footprint_code,footprint_name)
  E_FOOTPRINT_COLUMNS: { severity: "error", message: "The footprint file has no '{column}' column; found: {found}.", hint: "The header must be new_la_code,footprint_code,footprint_name." },
  E_FOOTPRINT_EMPTY: { severity: "error", message: "The footprint file has no data rows." },
  E_FOOTPRINT_LA_MISSING: { severity: "error", message: "Row has no LA code; it was not used.", hint: "Give the LA's ONS code (e.g. E06000061) or 3-digit DfE code (e.g. 940)." },
  E_FOOTPRINT_LA_UNKNOWN: { severity: "error", message: "LA code '{code}' is not a known local authority; it was not added to footprint {footprint}.", hint: "Use the LA's ONS code (e.g. E06000061) or 3-digit DfE code (e.g. 940)." },
  E_FOOTPRINT_CODE_MISSING: { severity: "error", message: "Row has no footprint_code; {la} was not added to any footprint.", hint: "Give every row a footprint code, e.g. RCC-EM." },
  I_FOOTPRINT_OLD_CODE: { severity: "info", message: "'{code}' was read as {name} ({newCode}).", hint: "{detail}" },
  W_FOOTPRINT_DUPLICATE: { severity: "warning", message: "{name} ({code}) is listed twice in footprint {footprint}; the repeat was ignored." },
  W_FOOTPRINT_NAME_CONFLICT: { severity: "warning", message: "Footprint {footprint} is named '{name}' here but '{first}' on row {firstRow}; the first name was kept." },
  // The roll-up
  W_AGGREGATE_LA_UNKNOWN: { severity: "warning", message: "{rows} dataset rows name LA '{code}', which is not a known local authority; they were not aggregated." },
  W_AGGREGATE_WEIGHT_MISSING: { severity: "warning", message: "{measure} of {members} LA(s) has no {weight} (its weight), so it was left out of the weighted means (e.g. {example}); the aggregate counts those LAs as missing.", hint: "Ask the LA for {weight} for the same placement type and sector; suff validate reports it as E_WEIGHT_MISSING." },
  W_AGGREGATE_LA_OUT_OF_PERIOD: { severity: "warning", message: "{rows} dataset rows give {name} ({code}) in {period}, outside the years it reports ({validity}); they were not aggregated." },
  W_AGGREGATE_DUPLICATE: { severity: "warning", message: "{rows} dataset rows give a different value for an (LA, period, measure, dimensions) already seen, e.g. {example}; the first value was used.", hint: "The same figure from two files should agree; check which file is the later release." },
  I_AGGREGATE_NOT_ADDITIVE: { severity: "info", message: "Measure '{measure}' is not additive ({label}); it was not aggregated ({rows} LA rows)." },
  W_AGGREGATE_MEASURE_UNKNOWN: { severity: "warning", message: "Measure '{measure}' is not in the template, so how it aggregates is unknown; {rows} LA rows were not aggregated." },
  W_AGGREGATE_NOT_COMPARABLE: { severity: "warning", message: "Footprint {footprint} in {period} is not comparable with other years: {reason}. Its values are left missing rather than double counted or dropped." },
  W_DISCLOSURE_RESIDUAL: { severity: "warning", message: "{cells} suppressed cells of {table} can still be derived from figures published elsewhere (the LA figures); no cell of this output could protect them." },
};
