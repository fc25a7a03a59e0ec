import type { Catalogue } from "./types.ts";

/**
 * Diagnostics raised while reading forecasting inputs a user supplies (population paths,
 * unit costs). Rows are pointed at by file and row number.
 */
export const forecastMessages: Catalogue = {
  E_POPULATION_BAD_DATE: { severity: "error", message: "Row {row} of {file}: the year (YYYY) or date (YYYY-MM-DD) is blank or not valid; the row is not used." },
  E_POPULATION_BAD_VALUE: { severity: "error", message: "Row {row} of {file}: the population is blank, negative or not a number; the row is not used.", hint: "Missing is not zero: leave the row out or fill the value." },
  E_COST_BAD_TYPE: { severity: "error", message: "Row {row} of {file}: placement type {value} is not a template placement type, placement group or SSDA903 PLACE code; the row is not used." },
  E_COST_BAD_VALUE: { severity: "error", message: "Row {row} of {file}: the weekly cost is blank, negative or not a number; the row is not used." },
  W_COST_GROUP_MISSING: { severity: "warning", message: "No unit cost for placement group {group}; its spend is written as missing, and totals cover the other groups only." },
  I_COST_DEFAULT: { severity: "info", message: "Unit costs are an estimate: {basis}." },
  // Long series CSV (series_id,period,value) read by `suff forecast` and `suff backtest`.
  E_SERIES_NO_ID: { severity: "error", message: "Row {row} of {file}: series_id is blank; the row is not used." },
  E_SERIES_BAD_PERIOD: { severity: "error", message: "Row {row} of {file}: period {value} is not YYYY, YYYY-Qn or YYYY-MM; the row is not used.", hint: "Write years as 2025, quarters as 2025-Q1, months as 2025-01." },
  E_SERIES_MIXED_FREQUENCY: { severity: "error", message: "Row {row} of {file}: period {value} does not match the {expected} periods of series {series}; the row is not used." },
  E_SERIES_DUPLICATE: { severity: "error", message: "Row {row} of {file}: series {series} already has a value for {period} (row {first}); the row is not used." },
  W_SERIES_BAD_VALUE: { severity: "warning", message: "Row {row} of {file}: value {value} is not a number; it is treated as missing (not zero)." },
  I_SERIES_MARKER: { severity: "info", message: "Row {row} of {file}: value {value} is a published marker ({status}); it is treated as missing (not zero)." },
  I_SERIES_GAP: { severity: "info", message: "Series {series} has no row for {count} period(s) between {from} and {to}; they are treated as missing and interpolated for fitting." },
  W_SERIES_EMPTY: { severity: "warning", message: "Series {series} in {file} has no observed value; it is not forecast." },
  W_SERIES_SHORT: { severity: "warning", message: "Series {series} in {file} has {count} observations, too few for {origins} backtest origin(s) at horizon {horizon}; it is left out of the backtest." },
};
