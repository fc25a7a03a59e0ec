import type { Catalogue } from "./types";

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
};
