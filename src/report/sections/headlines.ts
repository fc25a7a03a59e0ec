/**
 * Report section 1: headline figures (children looked after, rate per 10,000, change) against England, the region and statistical neighbours.
 */
import type { HeadlineFigure, ReportSection, ReportTable } from "../../spec/report.ts";
import { ScopeView } from "../scope-view.ts";
import { comparisonChart } from "../charts/comparison-chart.ts";
import { TOTALS, cell, complete, figure, fmt, signed, rate, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function headlineSection(input: ReportInput, view: ScopeView): ReportSection {
  const { year } = input;
  const now = view.get("cla_31_march", TOTALS, year);
  const lastValue = view.get("cla_31_march", TOTALS, year - 1);
  const fiveValue = view.get("cla_31_march", TOTALS, year - 5);
  // A change is only shown between two complete figures: a lower bound (some members
  // missing or suppressed) minus a complete total is not a change.
  const last = complete(lastValue) ? lastValue.value : null;
  const five = complete(fiveValue) ? fiveValue.value : null;
  const partial = now.status === "estimated";
  const r = partial ? null : rate(view, year);
  const incomplete = "not available: the total is incomplete";
  const change = (then: number | null, thenValue: typeof lastValue): Pick<HeadlineFigure, "value" | "note"> => {
    if (partial || (thenValue.status === "estimated")) return { value: "not available", note: partial ? `${figure(now)} is a lower bound` : `${figure(thenValue)} in that year is a lower bound` };
    if (now.value === null || then === null) return { value: "not available" };
    return { value: signed(now.value - then), note: then ? `${signed((100 * (now.value - then)) / then, 1)}%` : undefined };
  };
  const headlines: HeadlineFigure[] = [
    { label: `Children looked after at 31 March ${year}`, value: now.value === null ? String(cell(now)) : figure(now), ...(partial ? { note: "lower bound: some members' figures are missing or suppressed" } : {}) },
    { label: "Rate per 10,000 children aged 0 to 17", value: partial ? incomplete : fmt(r) },
    { label: `Change since 31 March ${year - 1}`, ...change(last, lastValue) },
    { label: `Change since 31 March ${year - 5}`, ...change(five, fiveValue) },
  ];
  const compRows = [{ name: input.scope.name, kind: "scope" as const, view }, ...input.comparators.map((c) => ({ name: c.name, kind: c.kind, view: new ScopeView(c.rows) }))];
  const table: ReportTable = {
    id: "comparators",
    caption: `Children looked after at 31 March ${year}: ${input.scope.name} and comparators`,
    columns: [
      { key: "area", label: "Area" },
      { key: "role", label: "Comparison" },
      { key: "cla", label: "Children looked after", numeric: true },
      { key: "rate", label: "Rate per 10,000 children", numeric: true },
      { key: "rate_prev", label: `Rate ${year - 1}`, numeric: true },
    ],
    rows: compRows.map((c) => ({ area: c.name, role: c.kind === "scope" ? "this report" : c.kind === "neighbour" ? "statistical neighbour" : c.kind, cla: cell(c.view.get("cla_31_march", TOTALS, year)), rate: rate(c.view, year) === null ? "x" : Math.round(rate(c.view, year)!), rate_prev: rate(c.view, year - 1) === null ? "x" : Math.round(rate(c.view, year - 1)!) })),
  };
  const neighbours = compRows.filter((c) => c.kind === "neighbour").map((c) => rate(c.view, year)).filter((x): x is number => x !== null);
  const england = compRows.find((c) => c.kind === "england");
  const paragraphs = [
    `At 31 March ${year}, ${input.scope.name} looked after ${now.value === null ? "an unpublished number of" : partial ? `at least ${fmt(now.value)}` : fmt(now.value)} children` +
      (partial ? ": a lower bound, because some members' figures are missing or suppressed (see Data coverage); the rate and the change on earlier years are not shown."
        : r === null ? " (the rate per 10,000 children cannot be computed: the dataset has no ONS population for this year)." : `, a rate of ${fmt(r)} per 10,000 children aged 0 to 17.`),
  ];
  const englandRate = england ? rate(england.view, year) : null;
  if (englandRate !== null && input.scope.kind !== "england") paragraphs.push(`The rate for England was ${fmt(englandRate)} per 10,000.`);
  if (neighbours.length) paragraphs.push(`The mean rate of its ${neighbours.length} statistical neighbours with published figures was ${fmt(neighbours.reduce((a, b) => a + b, 0) / neighbours.length)} per 10,000.`);
  const charts = compRows.length > 1 && compRows.some((c) => rate(c.view, year) !== null)
    ? [chart("comparison", `Rate per 10,000 children, ${year}`, `Bar chart comparing the rate of children looked after per 10,000 children in ${input.scope.name} (${fmt(r)}) with ${compRows.length - 1} comparator areas.`,
        comparisonChart(compRows.map((c) => ({ name: c.name, rate: rate(c.view, year), role: c.kind === "scope" ? "scope" : "comparator" })), { title: `Children looked after per 10,000 children, 31 March ${year}` }), table)]
    : [];
  return { id: "headlines", heading: "Headline figures", paragraphs, headlines, charts, tables: charts.length ? [] : [table] };
}
