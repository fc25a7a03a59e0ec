/**
 * Report section 4: starts and ceases, distance from home and unaccompanied asylum-seeking children.
 */
import type { ReportChart, ReportSection, ReportTable } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { multiLineChart } from "../charts/multi-line-chart.ts";
import { TOTALS, cell, fmt, pct, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function flowsSection(input: ReportInput, view: ScopeView): ReportSection {
  const { year } = input;
  const lines: Array<{ year: number; series: string; value: number | null; kind: "observed" }> = [];
  for (const h of view.series("starts_in_year", { age_band: "total" })) lines.push({ year: h.year, series: "Started to be looked after", value: h.value, kind: "observed" });
  for (const h of view.series("ceases_in_year", { age_band: "total" })) lines.push({ year: h.year, series: "Ceased to be looked after", value: h.value, kind: "observed" });
  const charts: ReportChart[] = [];
  if (lines.some((l) => l.value !== null)) {
    charts.push(chart("flows", "Children starting and ceasing to be looked after", `Line chart of children starting and ceasing to be looked after each year, ${lines[0].year} to ${lines[lines.length - 1].year}.`,
      multiLineChart(lines, { title: "Starts and ceases during the year", yTitle: "Children" }),
      { id: "flows", caption: "Children starting and ceasing to be looked after during the year", columns: [{ key: "series", label: "Flow" }, { key: "year", label: "Year ending 31 March" }, { key: "value", label: "Children", numeric: true }], rows: lines.map((l) => ({ series: l.series, year: String(l.year), value: l.value ?? "x" })) }));
  }
  const cla = view.get("cla_31_march", TOTALS, year).value;
  const outside = view.get("placed_outside_la", { placement_type: "total" }, year);
  const far = view.get("placed_over_20_miles", { placement_type: "total" }, year);
  const uasc = view.get("cla_31_march_uasc", { age_band: "total" }, year);
  const table: ReportTable = {
    id: "location",
    caption: `Where children live and unaccompanied asylum-seeking children, 31 March ${year}`,
    columns: [{ key: "measure", label: "Measure" }, { key: "children", label: "Children", numeric: true }, { key: "percent", label: "Per cent of children looked after", numeric: true }],
    rows: [
      { measure: "Placed outside the LA boundary", children: cell(outside), percent: pct(outside.value, cla) === null ? "x" : Math.round(pct(outside.value, cla)!) },
      { measure: "Placed more than 20 miles from home", children: cell(far), percent: pct(far.value, cla) === null ? "x" : Math.round(pct(far.value, cla)!) },
      { measure: "Unaccompanied asylum-seeking children", children: cell(uasc), percent: pct(uasc.value, cla) === null ? "x" : Math.round(pct(uasc.value, cla)!) },
    ],
  };
  const paragraphs = [
    `${fmt(pct(outside.value, cla))}% of children looked after at 31 March ${year} lived outside the LA boundary and ${fmt(pct(far.value, cla))}% more than 20 miles from home.`,
    `${uasc.value === null ? "An unpublished number of" : fmt(uasc.value)} children were unaccompanied asylum-seeking children.`,
  ];
  return { id: "flows", heading: "Starts, ceases, distance from home and UASC", paragraphs, charts, tables: [table] };
}
