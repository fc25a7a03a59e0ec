import type { Catalogue } from "./types";

/** Diagnostics raised when ingesting published files and merging inputs (src/ingest/from-published, src/ingest/ingest-files.ts). */
export const ingestPublishedMessages: Catalogue = {
  E_PUBLISHED_UNKNOWN_LA: { severity: "error", message: "Local authority {code} ({name}) is not in the reference list for {year}.", hint: "Check the old (3-digit) and new (ONS) LA codes; boundary changes are listed in src/reference/boundary-changes.ts." },
  E_PUBLISHED_UNKNOWN_REGION: { severity: "error", message: "Region {region} is not one of the nine English regions.", hint: "Use an E12 region code or name." },
  E_PUBLISHED_BAD_VALUE: { severity: "error", message: "Value {value} in column {column} is neither a number nor a published marker (c, x, z, low, u, :, ..).", hint: "Published values are numbers or markers; a marker is kept as a missing value with its reason." },
  E_PUBLISHED_UNKNOWN_CATEGORY: { severity: "error", message: "{group} value {value} does not match any code in the {list} code list.", hint: "Add the label as an alias in src/reference/code-lists.ts if it is a new spelling of an existing code." },
  E_PUBLISHED_BAD_PERIOD: { severity: "error", message: "Period {value} is not a year.", hint: "Published files give the year ending 31 March, e.g. 2025." },
  E_FILE_NOT_RECOGNISED: { severity: "error", message: "{file} is not a file the toolkit recognises (columns: {columns}).", hint: "Ingest reads filled template workbooks (.xlsx), long CSVs, SSDA903 extracts, the DfE/ONS/Ofsted/MHCLG published files, and legacy spreadsheets with --mapping FILE." },
  E_FILE_UNREADABLE: { severity: "error", message: "{file} could not be read: {reason}.", hint: "Check the file is complete and is the kind its extension says." },
  W_DUPLICATE_VALUES_DISAGREE: { severity: "warning", message: "{measure} for {geography} {period} ({dims}) is {kept} in {keptFile} but {dropped} in {droppedFile}; kept {kept} ({reason}).", hint: "Both sources should publish the same figure; check which release each file comes from." },
  I_DUPLICATES_SUPERSEDED: { severity: "info", message: "{count} rows from {droppedFile} duplicate rows from {keptFile} and were superseded ({reason}); {differing} of them had a different value.", hint: "See ingest precedence in src/ingest/ingest-files.ts." },
};
