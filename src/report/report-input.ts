/**
 * What the report builder takes: the scope's rows, comparators, supply, forecasts,
 * coverage and notes (built by report-context.ts from a dataset and the engine).
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { ReportScope } from "../spec/report.ts";
import type { MarketReferences, ScopeMarket } from "../market/market-analysis.ts";
import type { Occupancy } from "../market/occupancy.ts";
import type { SupplyBacktestResult } from "../market/supply-backtest.ts";
import type { SupplyPanelRow } from "../market/supply-panel.ts";

export interface Comparator {
  name: string;
  kind: "england" | "region" | "neighbour" | "scope";
  rows: DatasetRow[];
}

/** Registered supply of the scope at the latest snapshot, read from the dataset (supplyPanel). */
export interface ScopeSupply {
  /** Year ending 31 March of the snapshot, or null when the dataset has no register rows. */
  year: number | null;
  /** Register rows of that year: totals over owners and, by owner, the leaves. */
  rows: SupplyPanelRow[];
  /** True when the year's Ofsted list named inspected providers only and the rest were rebuilt. */
  rebuilt: boolean;
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

/** Accuracy of a set of past forecasts (all horizons pooled), next to the no-change forecast's. */
export interface EvaluationFigures {
  /** Series scored. */
  series: number;
  /** Forecasts scored (series x origins x horizons with an actual). */
  forecasts: number;
  mase: number;
  naiveMase: number;
  coverage80: number;
  coverage95: number;
  /** How many outcomes fell inside the 80% and 95% intervals. */
  inside80: number;
  inside95: number;
}

/** The track record of the plan behind the forecast shown, from `evaluate` of that plan. */
export interface ForecastEvaluation {
  /** The origins (years ending 31 March) the whole plan was re-run at, on the data up to each. */
  origins: string[];
  /** This scope's own series. */
  own: EvaluationFigures | null;
  /** Every series of the scope's layer (all LAs, all regions and England, all footprints), pooled. */
  layer: EvaluationFigures | null;
  /** What the layer is, in words, e.g. "all 153 local authorities". */
  layerName: string;
  /** The breakdowns' forecasts over the layer, pooled: placement groups and age bands. */
  placement: EvaluationFigures | null;
  age: EvaluationFigures | null;
}

export interface ScopeForecast {
  /** Model actually used for the total, e.g. "rate-to-region+bottom-up". */
  model: string;
  /** How the intervals were made, in words, generated from the plan. */
  intervals: string;
  total: ForecastPoint[];
  /** This scope's backtest by horizon (from `evaluate` of the plan shown). */
  backtest: BacktestSummary[];
  /** The track record behind the claims the report makes. */
  evaluation: ForecastEvaluation | null;
  /** Forecasts by DfE placement group (code -> points): parts of the total, with their own intervals. */
  byPlacement: Record<string, ForecastPoint[]>;
  /** Forecasts by age band (code -> points). */
  byAge?: Record<string, ForecastPoint[]>;
  reconciliation: string;
}

/** The stock-flow projection from an SSDA903 extract, and its backtest (evaluate of the same plan). */
export interface StockFlowReport {
  /** LAs of the extract (names). */
  las: string[];
  start: string;
  model: string;
  /** Projected children looked after at each 31 March ahead, by placement group and total ("total"). */
  points: Record<string, ForecastPoint[]>;
  /** Backtest origins (ISO dates) and horizon in months. */
  origins: string[];
  months: number;
  /** Accuracy by placement group and total over the backtest months, next to the no-change forecast. */
  accuracy: Array<{ group: string; months: number; mase: number; naiveMase: number; coverage80: number; coverage95: number; inside80: number; inside95: number }>;
  notes: string[];
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

/** The market analysis of the report's scope (market/market-analysis.ts) and what it shares with every scope. */
export interface ReportMarket {
  scope: ScopeMarket;
  /** Latest Ofsted register year (31 March). */
  origin: number;
  years: number[];
  assurance: number;
  samples: number;
  occupancy: Occupancy | null;
  backtest: SupplyBacktestResult | null;
  references: MarketReferences;
  scenarios: string[];
  demandSource: string | null;
}

export interface ReportInput {
  scope: ReportScope;
  year: number;
  horizon: number;
  /** Rows of the scope's own geography (an LA, or the scope aggregate). */
  rows: DatasetRow[];
  comparators: Comparator[];
  /** Registered supply (Ofsted register rows of the dataset) at the latest snapshot. */
  supply: ScopeSupply;
  forecast: ScopeForecast | null;
  coverage: CoverageRow[];
  /** Member LAs of the scope (names), for the coverage section. */
  members: string[];
  generated: string;
  /** Plain-language notes from the forecasting stage (boundary changes, fallbacks), shown under methods. */
  forecastNotes?: string[];
  /** Who supplied the return measures; null or absent when no member sent a return with them. */
  returns?: ReturnsCoverage | null;
  /** The stock-flow projection of the scope's SSDA903 extract, when one was given. */
  stockFlow?: StockFlowReport | null;
  /** Supply, gap, risk, carers and costs; null when the dataset has no Ofsted register. */
  market?: ReportMarket | null;
}
