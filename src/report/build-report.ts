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
 *  5. where children live versus where places are (imports, exports, share of own children);
 *  6. supply over time and projected, with its backtest; the gap by placement type with the
 *     chance of a shortfall; foster carers needed; concentration, providers that would be
 *     difficult to replace and a stress test of the largest group (market/ analysis);
 *  7. spend (MHCLG RO3) and costs (S251 unit costs in real terms, cost of the forecast and
 *     of the gap); scenarios side by side with the base when given;
 *  when members sent returns: their own provision (in-house fostering, LA children's homes,
 *     block contracts, planned beds), weekly costs, unmet need and the providers used, each
 *     saying which members supplied it;
 *  8. data coverage and quality; 9. methods and sources.
 * Every number comes from the dataset rows and the forecasting engine passed in. Each
 * section is one file in sections/.
 */
import type { ReportModel, ReportSection } from "../spec/report.ts";
import { ScopeView } from "./scope-view.ts";
import { SuffError } from "../spec/errors.ts";
import { TOTALS } from "./section-helpers.ts";
import type { ReportInput } from "./report-input.ts";
import { headlineSection } from "./sections/headlines.ts";
import { trendSection } from "./sections/trend.ts";
import { mixSection } from "./sections/mix.ts";
import { flowsSection } from "./sections/flows.ts";
import { supplySection } from "./sections/supply.ts";
import { placementFlowsSection } from "./sections/placement-flows.ts";
import { gapSection } from "./sections/gap.ts";
import { fosterCarersSection } from "./sections/foster-carers.ts";
import { marketRiskSection } from "./sections/market-risk.ts";
import { costsSection } from "./sections/costs.ts";
import { scenariosSection } from "./sections/scenarios.ts";
import { spendSection } from "./sections/spend.ts";
import { returnsSupplySection } from "./sections/returns-supply.ts";
import { returnsCostsSection } from "./sections/returns-costs.ts";
import { unmetNeedSection } from "./sections/unmet-need.ts";
import { providersUsedSection } from "./sections/providers-used.ts";
import { coverageSection } from "./sections/coverage.ts";
import { methodsSection } from "./sections/methods.ts";
import { stockFlowSection } from "./sections/stock-flow.ts";

/**
 * Build the report model.
 * @throws Error when the scope has no children-looked-after figure in any year (nothing to report).
 * @example buildReport(input).sections.map((s) => s.id) // ["headlines", "trend", "mix", "flows", "placement-flows", "supply", "gap", "foster-carers", "market-risk", "spend", "costs", "coverage", "methods"] (with returns, "returns-supply", "returns-costs", "unmet-need", "providers-used" follow "costs")
 */
export function buildReport(input: ReportInput): ReportModel {
  const view = new ScopeView(input.rows);
  if (!view.series("cla_31_march", TOTALS).some((s) => s.value !== null)) throw new SuffError("E_REPORT_NO_DATA", `No children looked after figures for ${input.scope.name} can be shown: they are missing, or suppressed by disclosure control (small counts, and the cells that protect them across every published table and the publication ledger).`, { exitCode: 2, hint: "Report on a larger area (a footprint or region holding it), or check the dataset's coverage." });
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
      placementFlowsSection(input, view),
      supplySection(input, view),
      gapSection(input, view),
      fosterCarersSection(input, view),
      marketRiskSection(input, view),
      spendSection(input, view),
      costsSection(input, view),
      ...[returnsSupplySection(input, view), returnsCostsSection(input, view), unmetNeedSection(input, view), providersUsedSection(input, view)].filter((s): s is ReportSection => s !== null),
      ...[scenariosSection(input, view)].filter((s): s is ReportSection => s !== null),
      coverageSection(input),
      methodsSection(input),
    ],
  };
}
