/**
 * Build the annual sufficiency report model for an LA, a footprint, a region or England.
 *
 * Stages:
 *  1. headline figures: children looked after at 31 March, rate per 10,000, change on last
 *     year and on five years ago, against England, the region and statistical neighbours;
 *  2. trend with a forecast fan chart (calibrated intervals) and the forecast's backtest;
 *     with an SSDA903 extract, the stock-flow projection and its backtest;
 *  3. mix by placement group, age band and category of need, with reconciled forecasts
 *     per placement group;
 *  4. flows: starts and ceases; location (outside the LA, over 20 miles); UASC;
 *  5. supply: Ofsted-registered places by sector, top owners and HHI, places per child in
 *     children's homes, and the gap between forecast demand and places;
 *  5a. when members sent returns: their own provision (in-house fostering, LA children's
 *     homes, block contracts, planned beds), weekly costs, unmet need and the providers
 *     used, each saying which members supplied it;
 *  6. spend (MHCLG RO3): total, per child, residential and fostering shares;
 *  7. data coverage and quality; 8. methods and sources.
 * Every number comes from the dataset rows and the forecasting engine passed in. Each
 * section is one file in sections/.
 */
import type { ReportModel } from "../spec/report.ts";
import { ScopeView } from "./scope-view.ts";
import { TOTALS } from "./section-helpers.ts";
import type { ReportInput } from "./report-input.ts";
import { headlineSection } from "./sections/headlines.ts";
import { trendSection } from "./sections/trend.ts";
import { mixSection } from "./sections/mix.ts";
import { flowsSection } from "./sections/flows.ts";
import { supplySection } from "./sections/supply.ts";
import { spendSection } from "./sections/spend.ts";
import { returnsSupplySection } from "./sections/returns-supply.ts";
import { costsSection } from "./sections/costs.ts";
import { unmetNeedSection } from "./sections/unmet-need.ts";
import { providersUsedSection } from "./sections/providers-used.ts";
import type { ReportSection } from "../spec/report.ts";
import { coverageSection } from "./sections/coverage.ts";
import { methodsSection } from "./sections/methods.ts";
import { stockFlowSection } from "./sections/stock-flow.ts";

/**
 * Build the report model.
 * @throws Error when the scope has no children-looked-after figure in any year (nothing to report).
 * @example buildReport(input).sections.map((s) => s.id) // ["headlines", "trend", "mix", "flows", "supply", "spend", "coverage", "methods"] (no returns; with returns "returns-supply", "costs", "unmet-need", "providers-used" follow "supply")
 */
export function buildReport(input: ReportInput): ReportModel {
  const view = new ScopeView(input.rows);
  if (!view.series("cla_31_march", TOTALS).some((s) => s.value !== null)) throw new Error(`No children looked after figures for ${input.scope.name}`);
  return {
    scope: input.scope,
    year: input.year,
    horizon: input.horizon,
    title: `Placement sufficiency report: ${input.scope.name}, ${input.year}`,
    generated: input.generated,
    sections: [
      headlineSection(input, view),
      trendSection(input, view),
      ...[stockFlowSection(input)].filter((x): x is NonNullable<typeof x> => x !== null),
      mixSection(input, view),
      flowsSection(input, view),
      supplySection(input, view),
      ...[returnsSupplySection(input, view), costsSection(input, view), unmetNeedSection(input, view), providersUsedSection(input, view)].filter((s): s is ReportSection => s !== null),
      spendSection(input, view),
      coverageSection(input),
      methodsSection(input),
    ],
  };
}
