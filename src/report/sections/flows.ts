/**
 * Report section 4: starts and ceases, distance from home and unaccompanied asylum-seeking children.
 */
import type { ReportChart, ReportSection, ReportTable } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { multiLineChart } from "../charts/multi-line-chart.ts";
import { TOTALS, cell, complete, figure, fmt, pct, chart } from "../section-helpers.ts";
import type { ScopeValue } from "../scope-view.ts";
import type { ReportInput } from "../report-input.ts";

export function flowsSection(input: ReportInput, view: ScopeView): ReportSection {
  const { year } = input;
  const lines: Array<{ year: number; series: string; value: number | null; kind: "observed"; lowerBound: boolean }> = [];
  for (const h of view.series("starts_in_year", { age_band: "total" })) lines.push({ year: h.year, series: "Started to be looked after", value: h.value, kind: "observed", lowerBound: h.status === "estimated" });
  for (const h of view.series("ceases_in_year", { age_band: "total" })) lines.push({ year: h.year, series: "Ceased to be looked after", value: h.value, kind: "observed", lowerBound: h.status === "estimated" });
  const charts: ReportChart[] = [];
  if (lines.some((l) => l.value !== null)) {
    charts.push(chart("flows", "Children starting and ceasing to be looked after", `Line chart of children starting and ceasing to be looked after each year, ${lines[0].year} to ${lines[lines.length - 1].year}.`,
      multiLineChart(lines, { title: "Starts and ceases during the year", yTitle: "Children" }),
      { id: "flows", caption: "Children starting and ceasing to be looked after during the year", columns: [{ key: "series", label: "Flow" }, { key: "year", label: "Year ending 31 March" }, { key: "value", label: "Children", numeric: true }], rows: lines.map((l) => ({ series: l.series, year: String(l.year), value: l.value === null ? "x" : l.lowerBound ? `≥ ${fmt(l.value)}` : l.value })) }));
  }
  const claValue = view.get("cla_31_march", TOTALS, year);
  const cla = claValue.value;
  // A share is shown only between complete figures: a lower bound over a lower bound is not a share.
  const share = (v: ScopeValue) => (complete(v) && complete(claValue) ? pct(v.value, cla) : null);
  const outside = view.get("placed_outside_la", { placement_type: "total" }, year);
  const far = view.get("placed_over_20_miles", { placement_type: "total" }, year);
  const uasc = view.get("cla_31_march_uasc", { age_band: "total" }, year);
  const table: ReportTable = {
    id: "location",
    caption: `Where children live and unaccompanied asylum-seeking children, 31 March ${year}`,
    columns: [{ key: "measure", label: "Measure" }, { key: "children", label: "Children", numeric: true }, { key: "percent", label: "Per cent of children looked after", numeric: true }],
    rows: [
      { measure: "Placed outside the LA boundary", children: cell(outside), percent: share(outside) === null ? "x" : Math.round(share(outside)!) },
      { measure: "Placed more than 20 miles from home", children: cell(far), percent: share(far) === null ? "x" : Math.round(share(far)!) },
      { measure: "Unaccompanied asylum-seeking children", children: cell(uasc), percent: share(uasc) === null ? "x" : Math.round(share(uasc)!) },
    ],
  };
  const paragraphs = [
    share(outside) === null && share(far) === null && (outside.status === "estimated" || far.status === "estimated" || claValue.status === "estimated")
      ? `Shares of children living outside the LA boundary or more than 20 miles from home are not shown for 31 March ${year}: some members' figures are missing or suppressed, so the totals are lower bounds.`
      : `${fmt(share(outside))}% of children looked after at 31 March ${year} lived outside the LA boundary and ${fmt(share(far))}% more than 20 miles from home.`,
    `${uasc.value === null ? "An unpublished number of" : uasc.status === "estimated" ? `At least ${figure({ ...uasc, status: "ok" })}` : fmt(uasc.value)} children were unaccompanied asylum-seeking children.`,
  ];
  return { id: "flows", heading: "Starts, ceases, distance from home and UASC", paragraphs, charts, tables: [table] };
}
