import type { Catalogue } from "./types.ts";

/**
 * Diagnostics raised by the SSDA903 reader, cleaner and template derivation
 * (src/ingest/ssda903/). Privacy: no message ever carries a CHILD, UPN, date of birth or
 * postcode; rows are pointed at by file and row number only, and code values are echoed
 * only when they look like a code (short, letters and digits).
 */
export const ssda903Messages: Catalogue = {
  E_903_MISSING_CHILD: { severity: "error", message: "Row {row} of {file}: CHILD is blank, so the row cannot be linked to a child and is not used.", hint: "Every SSDA903 row needs the child's identifier." },
  E_903_MISSING_DECOM: { severity: "error", message: "Row {row} of {file}: DECOM (date the episode started) is blank or not a date (dd/mm/yyyy); the episode is not used." },
  E_903_INVALID_DEC: { severity: "error", message: "Row {row} of {file}: DEC (date the episode ceased) is not a date (dd/mm/yyyy); the episode is not used." },
  E_903_DEC_BEFORE_DECOM: { severity: "error", message: "Row {row} of {file}: DEC (episode end) is before DECOM (episode start); the episode is not used." },
  E_903_MISSING_DOB: { severity: "error", message: "Row {row} of {file}: the child has no valid date of birth in any header or UASC file read, so ages cannot be derived; the episode is not used.", hint: "Include the header file of the same return." },
  E_903_HEADER_MISSING_DOB: { severity: "error", message: "Row {row} of {file}: DOB is blank or not a date (dd/mm/yyyy); the row is not used." },
  W_903_MORE_ROWS: { severity: "warning", message: "{file}: {count} more rows with {code} are not listed one by one." },
  W_903_DUPLICATE_IN_RETURN: { severity: "warning", message: "Row {row} of {file}: the same child has two episodes starting on the same DECOM in one return; the later row is used." },
  W_903_OVERLAP: { severity: "warning", message: "Row {row} of {file}: the episode ends after the child's next episode starts; it is closed on the next episode's start date." },
  W_903_DECOM_AFTER_YEAR: { severity: "warning", message: "Row {row} of {file}: DECOM is after 31 March {year}, the end of the return's year; the episode is used as recorded." },
  W_903_UNKNOWN_CODE: { severity: "warning", message: "{file}: {count} rows have {column} {code}, which is not in the SSDA903 code set; those children count in totals but in no {column} category." },
  W_903_UNKNOWN_PLACE: { severity: "warning", message: "{file}: {count} rows have PLACE {code}, which is not in the SSDA903 code set; those children are counted under placement type 'unknown' (Other placements), so parts still add up to the total.", hint: "Valid PLACE codes: A3-A6, K1-K3, P1, P3, R1-R3, R5, S1, T0-T4, U1-U6, Z11-Z14 (before 2025-26 also H5, P2, Z1)." },
  W_903_UNRESOLVED_PLACEMENT: { severity: "warning", message: "{file}: {count} rows have PLACE {code} with PLACE_PROVIDER {provider}, which does not map onto a template placement type; those children are counted under placement type 'unknown' (Other placements), so parts still add up to the total.", hint: "Foster placements U4-U6 need PLACE_PROVIDER PR1/PR2/PR3 (LA or other public) or PR4/PR5 (IFA); children's homes K2 need PR1-PR5." },
  W_903_PLACE_NOT_IN_YEAR: { severity: "warning", message: "{file}: {count} episodes in the {year} return have PLACE {code}, which is not valid from the 2025-26 collection ({instead}); they are counted as {type}." },
  E_903_NO_LA: { severity: "error", message: "{files}: no LA column and no LA given, so the LA of these SSDA903 rows is unknown; nothing was read.", hint: "Give the LA of a one-LA extract with --la CODE (old DfE code, ONS code or name). An extract holding several LAs needs an LA column (code or name) in every table." },
  E_903_MISSING_LA: { severity: "error", message: "Row {row} of {file}: the LA column is blank and no LA was given, so the row cannot be placed in an LA's return; it is not used.", hint: "Fill the LA column, or give the LA (--la CODE) for an extract of one LA." },
  E_903_DOB_AFTER_DECOM: { severity: "error", message: "Row {row} of {file}: the episode starts before the child's date of birth, so no age can be derived; the episode is not used." },
  E_903_DOLO_START: { severity: "error", message: "Row {row} of {file}: DOLO_START (date the deprivation of liberty order started) is blank or not a date; the row is not used." },
  E_903_DOLO_END: { severity: "error", message: "Row {row} of {file}: DOLO_END is not a date, or is before DOLO_START; the row is not used." },
  I_903_DOLO_READ: { severity: "info", message: "Deprivation of liberty orders (DoLO table): {count} orders read; deprivation_of_liberty_orders (looked-after children with an order in force at 31 March) is derived for {returns}." },
  I_903_DOLO_NOT_LOOKED_AFTER: { severity: "info", message: "{count} deprivation of liberty orders are for children with no episode read (not looked after in these returns); they are not counted." },
  I_903_YEAR_CONVENTION: { severity: "info", message: "YEAR labels: {summary}." },
  W_903_YEAR_CONVENTION_MIXED: { severity: "warning", message: "YEAR labels are not read the same way for every return: {summary}. Check these returns, or force one reading with --collection-year-ends or --collection-year-starts." },
  W_903_FIELD_COUNT: { severity: "warning", message: "Row {row} of {file} has {count} fields but the header has {expected}; missing fields are read as blank." },
  E_903_LA_NOT_RECOGNISED: { severity: "error", message: "{file}: {count} rows have LA {value}, which is not a known LA code or name; they are not used.", hint: "Use the LA's old DfE code (e.g. 202), ONS code (e.g. E09000007) or name as DfE writes it (e.g. Camden)." },
  W_903_MISSING_COLUMN: { severity: "warning", message: "{file} has no {column} column; it is read as blank for every row." },
  I_903_YEAR_INFERRED: { severity: "info", message: "{file} has no YEAR column; its return is taken to be the year ending 31 March {year} (the year of its latest DECOM)." },
  I_903_OTHER_TABLE: { severity: "info", message: "{file} is an SSDA903 table the template does not use; its {count} rows are skipped." },
  I_903_CLEANED: { severity: "info", message: "Cleaning rule {rule}: {count} {what}." },
  I_903_OPEN_ABSENT: { severity: "info", message: "LA {la}: {count} episodes open at 31 March {year} in the {year} return are absent from every later return; each is closed on 1 April {year} (the end of that return's year) with reason unknown, and is not counted as ceasing." },
  I_903_NOT_DERIVED: { severity: "info", message: "{measure} is not derived from SSDA903 alone for LA {la}, years {year}: {reason}. It is written as missing, not zero." },
  I_903_NEGATIVE_AGE: { severity: "warning", message: "LA {la}, year {year}: {count} children have a date of birth after the date their age is taken on; they count in totals but in no age band." },
  E_903_NO_EPISODES: { severity: "error", message: "No SSDA903 episodes table among the 903 files read ({files}); template measures need one.", hint: "Episodes are the file with columns CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC." },
  E_903_XML_UNREADABLE: { severity: "error", message: "{file} is not well-formed XML ({reason}); it is not used." },
  I_903_XML_READ: { severity: "info", message: "{file}: SSDA903 XML return read as {header} header, {episodes} episode, {uasc} UASC and {dolo} deprivation of liberty records (rows in diagnostics count records of that kind)." },
};
