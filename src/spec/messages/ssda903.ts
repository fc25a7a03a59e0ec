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
  W_903_UNRESOLVED_PLACEMENT: { severity: "warning", message: "{file}: {count} rows have PLACE {code} with PLACE_PROVIDER {provider}, which does not map onto a template placement type; those children count in totals only.", hint: "Foster placements U4-U6 need PLACE_PROVIDER PR1/PR2 (LA) or PR4/PR5 (IFA); children's homes K2 need PR1-PR5." },
  W_903_FIELD_COUNT: { severity: "warning", message: "Row {row} of {file} has {count} fields but the header has {expected}; missing fields are read as blank." },
  W_903_LA_UNKNOWN: { severity: "warning", message: "{files}: no LA column and no LA given, so these rows are treated as one LA with an unknown code.", hint: "Add an LA column (old DfE code, ONS code or name) or give the LA's code (option la)." },
  W_903_LA_NOT_RECOGNISED: { severity: "warning", message: "{file}: LA value {value} is not a known LA code or name; the rows are kept under that value." },
  W_903_MISSING_COLUMN: { severity: "warning", message: "{file} has no {column} column; it is read as blank for every row." },
  I_903_YEAR_INFERRED: { severity: "info", message: "{file} has no YEAR column; its return is taken to be the year ending 31 March {year} (the year of its latest DECOM)." },
  I_903_OTHER_TABLE: { severity: "info", message: "{file} is an SSDA903 table the template does not use; its {count} rows are skipped." },
  I_903_CLEANED: { severity: "info", message: "Cleaning rule {rule}: {count} {what}." },
  I_903_OPEN_ABSENT: { severity: "info", message: "LA {la}: {count} episodes open at 31 March {year} in the {year} return are absent from every later return; each is closed on 1 April {year} (the end of that return's year) with reason unknown, and is not counted as ceasing." },
  I_903_NOT_DERIVED: { severity: "info", message: "{measure} is not derived from SSDA903 alone for LA {la}, years {year}: {reason}. It is written as missing, not zero." },
  I_903_NEGATIVE_AGE: { severity: "warning", message: "LA {la}, year {year}: {count} children have a date of birth after the date their age is taken on; they count in totals but in no age band." },
  E_903_NO_EPISODES: { severity: "error", message: "No SSDA903 episodes table among the 903 files read ({files}); template measures need one.", hint: "Episodes are the file with columns CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC." },
  E_903_XML_UNREADABLE: { severity: "error", message: "{file} is not well-formed XML ({reason}); it is not used." },
  I_903_XML_READ: { severity: "info", message: "{file}: SSDA903 XML return read as {header} header, {episodes} episode and {uasc} UASC records (rows in diagnostics count records of that kind)." },
};
