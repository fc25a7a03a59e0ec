/**
 * What the report builder takes: the scope's rows, comparators, supply, forecasts,
 * coverage and notes (built by report-context.ts from a dataset and the engine).
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { ReportScope } from "../spec/report.ts";

export interface Comparator {
  name: string;
  kind: "england" | "region" | "neighbour" | "scope";
  rows: DatasetRow[];
}

export interface SupplyProvider {
  urn: string;
  provisionType: string;
  sector: string;
  places: number | null;
  owner: string;
}

export interface ForecastPoint {
  year: number;
  mean: number;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

export interface BacktestSummary {
  horizon: number;
  origins: number;
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
  naiveMase: number;
}

export interface ScopeForecast {
  /** Model actually used for the total, e.g. "pooled-rate" or "theta". */
  model: string;
  /** How the intervals were made, in words (e.g. "calibrated from rolling-origin errors"). */
  intervals: string;
  total: ForecastPoint[];
  backtest: BacktestSummary[];
  /** Reconciled forecasts by DfE placement group (code -> points). */
  byPlacement: Record<string, ForecastPoint[]>;
  reconciliation: string;
}

export interface CoverageRow {
  year: number;
  measure: string;
  expected: number;
  present: number;
  missing: string[];
  suppressed: string[];
}

/**
 * Which members of the scope gave each return measure (the template's Supply, Cost, Unmet
 * need and Providers sections, which only LA returns hold), so each report section can say
 * who supplied it. Member names only: nothing here is a figure.
 */
export interface ReturnsCoverage {
  /** Member LAs of the scope, by year (names). */
  members: Record<number, string[]>;
  /** By measure id, by year: names of the members with a value (not blank or suppressed). */
  suppliedBy: Record<string, Record<number, string[]>>;
  /**
   * LA scope only: the LA's median weekly costs (not additive, so never aggregated), each
   * suppressed (null, "suppressed") where its placements_costed is below the small-count
   * threshold or suppressed.
   */
  medians: DatasetRow[];
}

export interface ReportInput {
  scope: ReportScope;
  year: number;
  horizon: number;
  /** Rows of the scope's own geography (an LA, or the scope aggregate). */
  rows: DatasetRow[];
  comparators: Comparator[];
  providers: SupplyProvider[];
  /** The year the provider snapshot describes (Ofsted, 31 March). */
  providersYear: number | null;
  forecast: ScopeForecast | null;
  coverage: CoverageRow[];
  /** Member LAs of the scope (names), for the coverage section. */
  members: string[];
  generated: string;
  /** Plain-language notes from the forecasting stage (boundary changes, fallbacks), shown under methods. */
  forecastNotes?: string[];
  /** Who supplied the return measures; null or absent when no member sent a return with them. */
  returns?: ReturnsCoverage | null;
}
