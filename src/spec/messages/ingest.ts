import type { Catalogue } from "./types.ts";

/** Diagnostics raised by the ingest stage. */
export const ingestMessages: Catalogue = {
  // Published files and the ingest dispatcher (src/ingest/from-published, ingest-files.ts)
  E_PUBLISHED_UNKNOWN_LA: { severity: "error", message: "Local authority {code} ({name}) is not in the reference list for {year}.", hint: "Check the old (3-digit) and new (ONS) LA codes; boundary changes are listed in src/reference/boundary-changes.ts." },
  E_PUBLISHED_UNKNOWN_REGION: { severity: "error", message: "Region {region} is not one of the nine English regions.", hint: "Use an E12 region code or name." },
  E_PUBLISHED_BAD_VALUE: { severity: "error", message: "Value {value} in column {column} is neither a number nor a published marker (c, x, z, low, u, :, ..).", hint: "Published values are numbers or markers; a marker is kept as a missing value with its reason." },
  E_PUBLISHED_UNKNOWN_CATEGORY: { severity: "error", message: "{group} value {value} does not match any code in the {list} code list.", hint: "Add the label as an alias in src/reference/code-lists.ts if it is a new spelling of an existing code." },
  E_PUBLISHED_BAD_PERIOD: { severity: "error", message: "Period {value} is not a year.", hint: "Published files give the year ending 31 March, e.g. 2025." },
  E_FILE_NOT_RECOGNISED: { severity: "error", message: "{file} is not a file the toolkit recognises (columns: {columns}).", hint: "Ingest reads filled template workbooks (.xlsx), long CSVs, SSDA903 extracts, the DfE/ONS/Ofsted/MHCLG published files, and legacy spreadsheets with --mapping FILE." },
  E_FILE_UNREADABLE: { severity: "error", message: "{file} could not be read: {reason}.", hint: "Check the file is complete and is the kind its extension says." },
  W_DUPLICATE_VALUES_DISAGREE: { severity: "warning", message: "{measure} for {geography} {period} ({dims}) is {kept} in {keptFile} but {dropped} in {droppedFile}; kept {kept} ({reason}).", hint: "Both sources should publish the same figure; check which release each file comes from." },
  I_DUPLICATES_SUPERSEDED: { severity: "info", message: "{count} rows from {droppedFile} duplicate rows from {keptFile} and were superseded ({reason}); {differing} of them had a different value.", hint: "See ingest precedence in src/ingest/ingest-files.ts." },
  // Container and encoding (raised per file)
  W_TEXT_WINDOWS_1252: { severity: "warning", message: "The file is not valid UTF-8; it was read as Windows-1252 (e.g. £ signs from Excel).", hint: "Save the CSV as 'CSV UTF-8' to avoid this warning." },
  I_TEXT_BOM: { severity: "info", message: "The file starts with a UTF-8 byte order mark; it was removed before reading." },
  W_HIDDEN_SHEET: { severity: "warning", message: "Sheet '{sheet}' is hidden ({state}); {action}.", hint: "Unhide the sheet in Excel if it holds data you meant to send, or delete it." },
  W_FORMULA_CACHED: { severity: "warning", message: "Cell holds a formula ({formula}); its last calculated value {value} was used.", hint: "Paste values instead of formulas so the figure cannot change." },
  E_FORMULA_NO_RESULT: { severity: "error", message: "Cell holds a formula ({formula}) with no calculated value saved.", hint: "Open the workbook in Excel, let it calculate and save it, or paste the values." },
  W_MERGED_CELLS: { severity: "warning", message: "Merged cells {range}: the value of the first cell was used for the whole range.", hint: "Unmerge the cells so that each row carries its own values." },
  W_DATE_AS_PERIOD: { severity: "warning", message: "The period was entered as a date ({date}); it was read as the year ending 31 March {period}.", hint: "Enter the period as a four-digit year, e.g. 2025." },
  W_DATE_IN_CELL: { severity: "warning", message: "Column '{column}' holds a date ({date}); it was read as the year {year}.", hint: "Enter a four-digit year." },
  W_TEXT_STARTS_LIKE_FORMULA: { severity: "warning", message: "Text '{text}' begins with '{first}'; it was kept as text and is neutralised in every export.", hint: "Remove the leading character if it was not intended." },
  // Template workbook structure
  E_RETURN_SHEET_MISSING: { severity: "error", message: "The workbook has no 'Return' sheet, so the LA and period are unknown; no rows were read.", hint: "Use the national template (suff template) and fill the LA code and period on the Return sheet." },
  E_RETURN_LA_MISSING: { severity: "error", message: "The Return sheet gives no LA code or name; no rows were read.", hint: "Enter the LA's ONS code (e.g. E06000001) or DfE code (e.g. 805)." },
  E_RETURN_PERIOD_MISSING: { severity: "error", message: "The Return sheet gives no period; no rows were read.", hint: "Enter the year ending 31 March the return covers, e.g. 2025." },
  W_LA_CODE_NAME_DISAGREE: { severity: "warning", message: "LA code {code} is {codeName} but the name given is '{name}'; the code was used." },
  W_UNKNOWN_SHEET: { severity: "warning", message: "Sheet '{sheet}' is not part of the template; it was not read.", hint: "Template sheets are: {sheets}." },
  W_SECTION_SHEET_MISSING: { severity: "warning", message: "Section sheet '{sheet}' is missing; none of its measures were returned." },
  E_HEADER_MISSING: { severity: "error", message: "Sheet '{sheet}' has no '{column}' column in its header row; the sheet was not read.", hint: "Keep the template's header row unchanged." },
  W_UNKNOWN_COLUMN: { severity: "warning", message: "Column '{column}' is not a template column; it was ignored.", hint: "Known columns: {columns}." },
  E_UNKNOWN_MEASURE: { severity: "error", message: "Measure '{measure}' is not a template measure; the row was rejected.", hint: "Use the measure ids of the template, e.g. cla_31_march." },
  W_MEASURE_WRONG_SHEET: { severity: "warning", message: "Measure '{measure}' belongs on sheet '{expected}', not '{sheet}'; it was read anyway." },
  E_INVALID_CODE: { severity: "error", message: "'{raw}' is not a valid {column} code; the row was rejected.", hint: "Pick a value from the dropdown, e.g. {examples}." },
  E_DIMENSION_MISSING: { severity: "error", message: "Measure '{measure}' needs a {column} value; the row was rejected.", hint: "Use 'total' for the total over {column}." },
  W_DIMENSION_NOT_USED: { severity: "warning", message: "Measure '{measure}' has no {column} dimension; the value '{raw}' was ignored." },
  E_VALUE_NOT_NUMBER: { severity: "error", message: "Value '{raw}' is not a number; the row was rejected.", hint: "Enter a number, or leave the value blank and choose a missing_reason." },
  E_INVALID_MISSING_REASON: { severity: "error", message: "'{raw}' is not a missing-value reason; the row was rejected.", hint: "Use one of: {reasons}." },
  W_VALUE_AND_REASON: { severity: "warning", message: "Both a value ({value}) and a missing reason ({reason}) were given; the value was kept." },
  I_ROWS_SKIPPED_BLANK: { severity: "info", message: "{count} blank prefilled rows (no dimension or value entered) on sheet '{sheet}' were skipped." },
  // Long CSV
  E_CSV_PARSE: { severity: "error", message: "The CSV could not be parsed: {reason}.", hint: "Check quoting and that every row has the same number of columns." },
  E_CSV_COLUMNS_MISSING: { severity: "error", message: "The CSV lacks required column(s) {columns}; no rows were read.", hint: "A long CSV needs at least new_la_code or old_la_code, time_period, measure and value." },
  E_UNKNOWN_LA: { severity: "error", message: "LA code '{code}' is not a known local authority; the row was rejected.", hint: "Use the LA's ONS code (e.g. E06000001) or 3-digit DfE code (e.g. 805)." },
  E_INVALID_VALUE_STATUS: { severity: "error", message: "value_status '{raw}' is not known; the row was rejected.", hint: "Use one of: {statuses}." },
  E_PERIOD_MISSING: { severity: "error", message: "The row has no time_period; it was rejected." },
  // Legacy mapping
  E_LEGACY_SHEET_MISSING: { severity: "error", message: "The mapping names sheet '{sheet}' but the workbook has no such sheet; nothing was read.", hint: "Sheets in the workbook: {sheets}." },
  E_LEGACY_HEADER_MISSING: { severity: "error", message: "Header '{header}' named in the mapping was not found in row {row} of sheet '{sheet}'.", hint: "Headers found: {found}." },
  E_LEGACY_LA_MISSING: { severity: "error", message: "The mapping gives no LA code (fixed.new_la_code or a column) for sheet '{sheet}'; nothing was read.", hint: "Add \"fixed\": { \"new_la_code\": \"E06000001\" } to the mapping." },
  I_LEGACY_ROW_SKIPPED: { severity: "info", message: "{count} rows of sheet '{sheet}' matched the mapping's skip rule and were skipped." },
};
