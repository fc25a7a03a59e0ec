/**
 * The market analysis as tidy tables and a summary: column orders, rounding for people
 * (places to 0.1, probabilities to 0.001, money to whole pounds) and the summary.json
 * object. Pure: the CLI and reports write what this returns.
 */
import type { MarketResult } from "./market-analysis.ts";
import { SUPPLY_COLUMNS } from "./supply-table.ts";
import { FLOW_COLUMNS } from "./area-flows.ts";
import { gapColumns } from "./gap.ts";
import { CONCENTRATION_COLUMNS } from "./concentration.ts";
import { RISK_COLUMNS } from "./providers-at-risk.ts";
import { STRESS_COLUMNS, type StressRow } from "./stress-test.ts";
import { CARER_COLUMNS } from "./foster-carers.ts";
import { SUPPLY_BACKTEST_COLUMNS } from "./supply-backtest.ts";

export type TableCell = string | number | null;

export interface MarketTable {
  file: string;
  columns: readonly string[];
  rows: Array<Record<string, TableCell>>;
}

function round(value: unknown, decimals: number): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function records<T extends object>(rows: readonly T[], decimals: Record<string, number>, fallback = 1): Array<Record<string, TableCell>> {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? round(v, decimals[k] ?? fallback) : (v as TableCell)])));
}

const WHOLE = { year: 0, providers: 0, places: 0, owners: 0, rank: 0, homes: 0, members: 0, members_complete: 0, criteria_met: 0, england_rank: 0, england_places: 0, england_homes: 0, places_lost: 0, homes_lost: 0, horizon: 0, forecasts: 0 };

/** stress.csv for rows of the stress test. @example stressTable([]).file // "stress.csv" */
export function stressTable(rows: readonly StressRow[]): MarketTable {
  return { file: "stress.csv", columns: STRESS_COLUMNS, rows: records(rows, { ...WHOLE, weekly_cost_change: 0 }) };
}

/**
 * Every table of a market result, in the order a reader meets them.
 * @throws never.
 */
export function marketTables(result: MarketResult): MarketTable[] {
  const tables: MarketTable[] = [
    { file: "supply.csv", columns: SUPPLY_COLUMNS, rows: records(result.supply, WHOLE) },
    { file: "supply_forecast.csv", columns: ["scope_code", "year", "provision_type", "sector", "places_mean", "places_lo80", "places_hi80", "places_lo95", "places_hi95", "planned_beds"], rows: records(result.supplyForecast, WHOLE) },
    { file: "supply_backtest.csv", columns: SUPPLY_BACKTEST_COLUMNS, rows: records(result.supplyBacktest?.rows ?? [], { ...WHOLE, mase: 3, smape: 2, coverage80: 3, coverage95: 3 }) },
    { file: "flows.csv", columns: FLOW_COLUMNS, rows: records(result.flows, { ...WHOLE, share_own_low: 3, share_own_high: 3 }, 0) },
    {
      file: "gap.csv", columns: gapColumns(result.assurance),
      rows: records(result.gap, { ...WHOLE, prob_shortfall: 3, places_needed: 0 }).map((r) => {
        const { places_needed, ...rest } = r;
        return { ...rest, [`places_needed_${Math.round(result.assurance * 100)}`]: places_needed };
      }),
    },
    { file: "concentration.csv", columns: CONCENTRATION_COLUMNS, rows: records(result.concentration, { ...WHOLE, hhi: 0, top1_share: 1, top5_share: 1, top10_share: 1, share_not_recorded: 1, hhi_change_since_first: 0 }) },
    { file: "providers_at_risk.csv", columns: RISK_COLUMNS, rows: records(result.providersAtRisk, { ...WHOLE, share_of_places: 1, share_of_specialist: 1 }) },
    { file: "stress_largest_owner.csv", columns: STRESS_COLUMNS, rows: stressTable(result.stress).rows },
    { file: "foster_carers.csv", columns: CARER_COLUMNS, rows: records(result.fosterCarers, WHOLE) },
    { file: "costs.csv", columns: ["scope_code", "year", "measure", "category", "value", "lo80", "hi80", "unit", "scenario", "basis"], rows: records(result.costs, { year: 0, value: 0, lo80: 0, hi80: 0 }).map((r, i) => (result.costs[i].measure === "unit_cost_real_growth" ? { ...r, value: round(result.costs[i].value, 2) } : r)) },
  ];
  if (result.scenarioComparison.length) tables.push({ file: "scenarios.csv", columns: ["scope_code", "year", "placement_type", "scenario", "measure", "base", "value", "difference", "difference_se"], rows: records(result.scenarioComparison, { year: 0 }, 3) });
  return tables;
}

/**
 * summary.json: what was run, headline figures per scope, sources and thresholds.
 * @throws never.
 */
export function marketSummary(result: MarketResult, context: { dataset: string; created: string; toolkitVersion: string; files: string[] }): Record<string, unknown> {
  const englandCarers = result.fosterCarers.filter((r) => r.scope_code === "E92000001" && r.scenario === "base");
  return {
    toolkit_version: context.toolkitVersion,
    created: context.created,
    dataset: context.dataset,
    supply_year: result.origin,
    demand_year: result.demandYear,
    forecast_years: result.years,
    assurance: result.assurance,
    samples: result.samples,
    seed: result.seed,
    scenarios: result.scenarios,
    demand_source: result.demandSource,
    scopes: result.headlines,
    occupancy: result.occupancy,
    hhi_thresholds: result.hhiThresholds,
    risk_criteria: result.criteria,
    independent_review: {
      ...result.independentReview,
      england_net_additional_households_per_year: englandCarers.map((r) => ({ year: r.year, households: r.net_additional_households_all === null ? null : Math.round(r.net_additional_households_all) })),
      england_inhouse_recruitment_needed_per_year: englandCarers.map((r) => ({ year: r.year, households: r.recruitment_needed === null ? null : Math.round(r.recruitment_needed) })),
    },
    supply_backtest: result.supplyBacktest ? { description: result.supplyBacktest.description, rows: result.supplyBacktest.rows } : null,
    foster_rates: result.fosterRates,
    default_weekly_costs: result.groupCosts,
    notes: result.notes,
    files: context.files,
  };
}
