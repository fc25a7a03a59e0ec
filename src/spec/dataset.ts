/**
 * The normalised dataset: one tidy long table in the EES (explore-education-statistics)
 * column order, one row per (geography, period, measure, dimension values).
 * A value is a number, or null with a `value_status` saying why it is missing.
 * Missing is never zero.
 */

/** Geographic columns, in EES order. */
export const GEOGRAPHY_COLUMNS = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
] as const;

/**
 * Every dimension column a template measure can carry, in output order. A row leaves a
 * column empty ("") when its measure does not have that dimension, and uses "total"
 * when the row is the total over that dimension.
 */
export const DIMENSION_COLUMNS = [
  "placement_type",
  "needed_placement_type",
  "age_band",
  "category_of_need",
  "legal_status",
  "reason_ceased",
  "uasc",
  "place_provider",
  "locality",
  "distance",
  "sector",
  "provision_type",
  "spend_category",
  "opening_year",
  "provider_id",
  "owning_group",
] as const;

export type DimensionColumn = (typeof DIMENSION_COLUMNS)[number];

/**
 * All columns of dataset.csv, in order. `source` (which input kind the value came from,
 * e.g. "template-xlsx", "ssda903", "dfe-cla-la-totals"; see manifest.json `inputs[].kind`)
 * comes last; it is optional on reading, so a dataset.csv written before it existed loads.
 */
export const DATASET_COLUMNS = [
  ...GEOGRAPHY_COLUMNS,
  "measure",
  ...DIMENSION_COLUMNS,
  "value",
  "value_status",
  "source",
] as const;

/** Columns of dataset.csv that may be absent (older datasets, or a long CSV return). */
export const OPTIONAL_DATASET_COLUMNS: readonly string[] = ["source"];

export type GeographicLevel = "National" | "Regional" | "Local authority" | "Footprint";

/**
 * Why a value is what it is. "ok" = a number. The rest are missing-value reasons, from
 * the published-data markers of DOMAIN.md section 4 plus toolkit reasons.
 */
export type ValueStatus =
  | "ok"
  | "suppressed" // c
  | "not_available" // x, :, ..
  | "not_applicable" // z
  | "rounds_to_zero" // low (a count too small to show, not zero)
  | "low_reliability" // u (value kept, flagged)
  | "missing" // blank in a return
  | "estimated"; // value computed by the toolkit with imputation

export interface DatasetRow {
  time_period: string; // "2025" = year ending 31 March 2025
  time_identifier: string; // "Reporting year" | "Financial year" | "Calendar year"
  geographic_level: GeographicLevel;
  country_code: string; // E92000001
  country_name: string; // England
  region_code: string;
  region_name: string;
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  measure: string;
  /** Dimension values by column; absent keys are written as "". */
  dims: Partial<Record<DimensionColumn, string>>;
  value: number | null;
  value_status: ValueStatus;
  /**
   * Which input the value came from: the reader kind of the winning input at ingest
   * (e.g. "template-xlsx", "long-csv", "ssda903", "dfe-cla-la-totals"). Set centrally by
   * ingestFiles after merging; absent on rows built elsewhere (aggregates, tests).
   */
  source?: string;
}

/** Per-input accounting in manifest.json: every row read is accepted or rejected. */
export interface ManifestInput {
  path: string;
  sha256: string;
  kind: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  /** Rows read but deliberately not mapped (e.g. breakdowns outside the template), by reason. */
  rows_skipped: Record<string, number>;
  diagnostics: number;
  /** Output rows from this input replaced by the same row from a preferred input (see ingest precedence). */
  rows_superseded?: number;
  /** SSDA903 inputs: how each return's YEAR label was read. */
  collection_year?: CollectionYearStatement;
  /** For rows the toolkit derived from several inputs (the Ofsted register): those inputs. Such an entry reads no rows itself. */
  derived_from?: string[];
}

/**
 * How the YEAR labels of SSDA903 returns were read (manifest.json). A 4-digit label names
 * the year the collection ends (DfE, LA systems) or starts (the regional demand-model app).
 */
export interface CollectionYearStatement {
  /** "inferred" per return from its event dates, or forced by the user (--collection-year-ends / --collection-year-starts). */
  setting: "inferred" | "ends" | "starts";
  /** How most 4-digit labels were read; "none" when no file had a YEAR column. */
  reading: "ends" | "starts" | "none";
  /** Returns read, by convention (ends, starts, named: "2019/20", no_year_column). */
  by_convention: Record<string, number>;
  /** "all" when every return is listed below, "exceptions" when only those read differently from `reading` or without evidence are. */
  listed: "all" | "exceptions";
  returns: Array<{ la: string; year_label: string; year_ending: number; convention: string; basis: string; end_votes: number; start_votes: number }>;
}

export interface Manifest {
  toolkit_version: string;
  template_version: string;
  created: string;
  inputs: ManifestInput[];
  rows: number;
  diagnostics: { error: number; warning: number; info: number };
  /** suff ingest --prefer, when given: the sources preferred between two values, most preferred first. */
  prefer?: string[];
  /** The Ofsted register built from the provider lists, per snapshot (issue 10): which years were rebuilt and how many providers. */
  supply_register?: import("./register.ts").RegisterYearSummary[];
}

/** True when the value looks like a DatasetRow. */
export function isDatasetRow(value: unknown): value is DatasetRow {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.measure === "string" && typeof r.time_period === "string" && (r.value === null || typeof r.value === "number");
}

/**
 * What a reader returns for one input file. Every row read is accepted (in `rows`),
 * rejected (counted, with a diagnostic) or skipped on purpose (counted by reason, e.g. a
 * published breakdown the template does not carry). rowsRead = accepted + rejected + skipped.
 */
export interface ReadResult {
  /** The detected kind, e.g. "template-xlsx", "long-csv", "dfe-cla-31-march-characteristics", "ssda903-episodes". */
  kind: string;
  rows: DatasetRow[];
  diagnostics: import("./diagnostic.ts").Diagnostic[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: Record<string, number>;
  /** SSDA903 readers: how the YEAR labels were read (copied into the manifest). */
  collectionYear?: CollectionYearStatement;
  /**
   * Provider-level Ofsted records (provider lists, joiners and leavers): the register stage
   * of ingest turns all of them together into registered_* rows (a year's list alone cannot
   * be completed), so these readers return no rows of their own.
   */
  register?: import("./register.ts").RegisterPayload;
  /**
   * Where each accepted row came from, by index into `rows` (optional: readers that know
   * sheet/cell or row/column fill it so that validation can point at the cell).
   */
  locations?: RowLocation[];
}

/** Where an accepted row came from in its input file, and codes read tolerantly. */
export interface RowLocation {
  sheet?: string;
  /** A1 reference of the value cell (workbooks). */
  cell?: string;
  /** 1-based row in the file (CSV: the header is row 1; workbooks: the sheet row). */
  row?: number;
  /** The value column's header. */
  column?: string;
  /** A1 reference or column header per dimension column, to point at a code. */
  cells?: Partial<Record<string, string>>;
  /** Codes that matched only ignoring case/spacing or by label: what the user wrote. */
  normalised?: Array<{ column: string; raw: string; code: string }>;
}
