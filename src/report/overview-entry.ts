/**
 * One row of the national overview (reports/latest/index.html): a report's headline
 * figures (children looked after, the forecast, children's home places, the gap, the HHI)
 * taken from the same input the report is built from, so the front page and the report
 * never disagree.
 */
import type { ReportInput } from "./report-input.ts";
import { ScopeView } from "./scope-view.ts";
import { TOTALS } from "./section-helpers.ts";

export interface OverviewEntry {
  name: string;
  kind: "england" | "region" | "footprint" | "la";
  code: string;
  /** Link to the report, relative to the overview page. */
  href: string;
  year: number;
  children: number | null;
  forecastYear: number | null;
  forecast: number | null;
  forecastLo80: number | null;
  forecastHi80: number | null;
  placesYear: number | null;
  /** Children's home places (incl. secure and RSS registered as homes) located in the area. */
  places: number | null;
  gapYear: number | null;
  /** Chance (0-1) of more children in children's homes than places, in gapYear. */
  probShortfall: number | null;
  expectedShortfall: number | null;
  hhi: number | null;
}

/**
 * The overview row of a report.
 * @throws never.
 * @example overviewEntry(input, "england/report.html").name // "England"
 */
export function overviewEntry(input: ReportInput, href: string): OverviewEntry {
  const view = new ScopeView(input.rows);
  const children = view.get("cla_31_march", TOTALS, input.year).value;
  const last = input.forecast?.total.at(-1);
  const h = input.market?.scope.headline;
  return {
    name: input.scope.name, kind: input.scope.kind, code: input.scope.code, href, year: input.year,
    children, forecastYear: last?.year ?? null, forecast: last?.mean ?? null, forecastLo80: last?.lo80 ?? null, forecastHi80: last?.hi80 ?? null,
    placesYear: h?.placesYear ?? null, places: h?.homePlaces ?? null, gapYear: h?.homeGapYear ?? null,
    probShortfall: h?.homeProbShortfall ?? null, expectedShortfall: h?.homeExpectedShortfall ?? null, hhi: h?.hhi ?? null,
  };
}
