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
}
