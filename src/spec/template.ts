/**
 * The national sufficiency template as data (DOMAIN.md section 5). Pure types; the
 * measures themselves live in src/template/measures.ts.
 */
import type { DimensionColumn } from "./dataset.ts";

export type SectionId = "context" | "demand" | "location" | "unmet_need" | "supply" | "cost" | "providers";

export type Unit = "children" | "places" | "households" | "homes" | "beds" | "count" | "gbp_per_week" | "gbp_thousand" | "gbp" | "enquiries" | "index";

/**
 * How a measure combines across LAs: `sum` adds; `weighted_mean` averages with the
 * named weight measure (same dimensions); `not_additive` (e.g. a median) is not aggregated.
 */
export type Aggregation = { kind: "sum" } | { kind: "weighted_mean"; weight: string } | { kind: "not_additive" };

/** A validation rule that a measure carries. Implemented in src/validate/. */
export type MeasureRule =
  | { kind: "non_negative_integer" }
  /** A whole number that may be negative (a net flow such as cla_net_gain). */
  | { kind: "integer" }
  | { kind: "non_negative" }
  /** The values over `dimension` (leaves or groups) add up to the `total` row. */
  | { kind: "parts_sum_to_total"; dimension: DimensionColumn }
  /** value <= the named measure's value at the same geography/period (dimension values as given). */
  | { kind: "at_most"; measure: string; where?: Partial<Record<DimensionColumn, string>>; self?: Partial<Record<DimensionColumn, string>> };

export interface MeasureDimension {
  column: DimensionColumn;
  /** Whether a "total" row is expected/allowed for this dimension. */
  total: boolean;
}

export interface Measure {
  id: string;
  section: SectionId;
  label: string;
  description: string;
  unit: Unit;
  aggregation: Aggregation;
  dimensions: MeasureDimension[];
  rules: MeasureRule[];
  /**
   * "public_register" for counts of a public register that are not about children (Ofsted's
   * providers and places): published by Ofsted provider by provider, so disclosure control
   * does not apply to them. Absent for everything else.
   */
  disclosure?: "public_register";
  /** Where the value usually comes from: a published file, SSDA903, or the LA's own records. */
  sources: Array<"dfe_published" | "ssda903" | "ofsted" | "mhclg_ro3" | "ons" | "la_records">;
  /**
   * Whether every return must give it (the CMA core): each of its template rows needs a
   * value or a missing reason, or validation fails with an error at the cell. Optional
   * measures left blank are counted in the validation summary.
   */
  required: boolean;
}

export interface Section {
  id: SectionId;
  label: string;
  /** Worksheet name in the template workbook (<= 31 characters). */
  sheet: string;
  description: string;
}

export interface Template {
  version: string;
  sections: Section[];
  measures: Measure[];
}
