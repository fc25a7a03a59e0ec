import type { Catalogue } from "./types.ts";

/** Diagnostics raised by the validate stage. */
export const validateMessages: Catalogue = {
  E_LA_UNKNOWN: { severity: "error", message: "LA code '{code}' is not a known local authority.", hint: "Use the LA's ONS code (e.g. E06000001) or 3-digit DfE code (e.g. 805)." },
  E_LA_OUT_OF_PERIOD: { severity: "error", message: "{name} ({code}) does not report in {period}: it reports {validity}.", hint: "{successorHint}" },
  W_CODE_NOT_EXACT: { severity: "warning", message: "'{raw}' in {column} was read as '{code}' (case, spacing or a label instead of the code).", hint: "Pick the value from the dropdown to avoid this warning." },
  E_CODE_INVALID: { severity: "error", message: "'{raw}' is not a valid {column} code for measure '{measure}'.", hint: "Valid codes include: {examples}." },
  E_DIMENSION_NOT_ALLOWED: { severity: "error", message: "Measure '{measure}' has no {column} dimension but the row gives '{raw}'." },
  E_COUNT_NOT_INTEGER: { severity: "error", message: "{measure} is a count but the value is {value}.", hint: "Counts are whole numbers." },
  E_VALUE_NEGATIVE: { severity: "error", message: "{measure} cannot be negative but the value is {value}." },
  E_PARTS_NOT_TOTAL: { severity: "error", message: "{measure}: the {parts} {column} parts of '{total}' add up to {sum}, but the '{total}' row is {totalValue}.", hint: "Parts: {partList}." },
  I_VALUES_MISSING: { severity: "info", message: "{count} of {rows} optional rows on sheet '{sheet}' have no value and no missing_reason (read as missing, not zero).", hint: "Enter the figure, or choose a missing_reason (not_available, not_applicable, suppressed) so readers know why it is blank." },
  E_REQUIRED_MISSING: { severity: "error", message: "{measure} is required but {what} (no value, no missing_reason); {source}.", hint: "Enter the figure (suff template --from-ssda903 fills it from the extract), or leave it blank and choose a missing_reason (not_available, not_applicable, suppressed)." },
  E_REQUIRED_LA_RECORDS_MISSING: { severity: "error", message: "{measure} is required but {what} (no value, no missing_reason); {source}.", hint: "Enter the figure from the LA's records, or leave it blank and choose a missing_reason (not_available, not_applicable, suppressed)." },
  E_WEIGHT_MISSING: { severity: "error", message: "{measure}{dims} is {value} but its weight {weight} ({weightCell}) is blank: a mean cannot be combined with other LAs' without the number it is over.", hint: "Enter {weight} for the same placement type and sector, or leave the mean blank." },
  W_WEIGHT_ZERO: { severity: "warning", message: "{measure}{dims} is {value} but its weight {weight} ({weightCell}) is 0: there is nothing to average.", hint: "Check {weight}, or leave the mean blank with missing_reason not_applicable." },
  E_AT_MOST: { severity: "error", message: "{measure} ({value}) is more than {other} ({otherValue}).", hint: "{measure} cannot exceed {other}." },
  E_DUPLICATE_ROW: { severity: "error", message: "Duplicate row: {measure} {dims} also appears at {first}.", hint: "Keep one row per measure and dimension values." },
  E_PERIOD_FORMAT: { severity: "error", message: "Period '{period}' is not a four-digit year (the year ending 31 March).", hint: "Enter e.g. 2025 for the year ending 31 March 2025." },
  E_PERIOD_FUTURE: { severity: "error", message: "Period {period} ends on 31 March {period}, which is in the future.", hint: "The latest complete year is {latest}." },
  E_PERIOD_NOT_REQUESTED: { severity: "error", message: "The return is for {period} but {requested} was asked for (--period).", hint: "Check the period on the Return sheet." },
  I_VALIDATION_SUMMARY: { severity: "info", message: "{rows} rows checked: {errors} errors, {warnings} warnings." },
};
