/**
 * Report section: costs. S251 weekly unit costs in real terms (ONS CPI) with their trend,
 * LAs whose unit costs are far from England's, the default weekly cost of each placement
 * group with its source, the cost of the forecast and of the gap.
 */
import type { ReportSection } from "../../spec/report.ts";
import { PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import type { ScopeView } from "../scope-view.ts";
import { multiLineChart, type MultiLineRow } from "../charts/multi-line-chart.ts";
import { fmt, label, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

const CATEGORY: Record<string, string> = { fostering: "Fostering", residential_care: "Residential care", total: "All children looked after" };

export function costsSection(input: ReportInput, _view: ScopeView): ReportSection {
  const section: ReportSection = { id: "costs", heading: "Costs: unit costs, the forecast and the gap", paragraphs: [], charts: [], tables: [] };
  const m = input.market;
  if (!m) {
    section.paragraphs.push("No market data: costs are not shown.");
    return section;
  }
  const costs = m.scope.costs;
  const real = costs.filter((c) => c.measure === "unit_cost_real" && c.value !== null);
  const growth = costs.filter((c) => c.measure === "unit_cost_real_growth");
  const prices = real[0]?.unit.replace("GBP a week, ", "") ?? "";
  if (real.length) {
    const lines: MultiLineRow[] = real.map((c) => ({ year: c.year, series: CATEGORY[c.category] ?? c.category, value: Math.round(c.value!), kind: "observed" }));
    const latestYear = Math.max(...real.map((c) => c.year));
    const at = (cat: string) => real.find((c) => c.category === cat && c.year === latestYear)?.value ?? null;
    const g = (cat: string) => growth.find((c) => c.category === cat)?.value ?? null;
    section.paragraphs.push(`In ${latestYear - 1}-${String(latestYear).slice(2)}, the S251 weekly unit cost in ${input.scope.name} was £${fmt(at("residential_care"))} for residential care and £${fmt(at("fostering"))} for fostering (£${fmt(at("total"))} across all children looked after). In real terms (${prices}) residential care changed by ${fmt(g("residential_care"), 1)}% a year and fostering by ${fmt(g("fostering"), 1)}% a year over the years shown.`);
    section.charts.push(chart("unit-costs", "Weekly unit costs in real terms", `Line chart of S251 weekly unit costs of residential care, fostering and all children looked after in ${input.scope.name}, in ${prices}.`,
      multiLineChart(lines, { title: `S251 weekly unit cost (${prices})`, yTitle: "GBP a week" }),
      { id: "unit-costs", caption: `S251 weekly unit costs, real terms (${prices})`, columns: [{ key: "series", label: "Category" }, { key: "year", label: "Financial year ending March" }, { key: "value", label: "GBP a week", numeric: true }], rows: lines.map((l) => ({ series: l.series, year: String(l.year), value: l.value })) }));
  } else section.paragraphs.push("No S251 unit costs are in the dataset for this area.");
  const outliers = costs.filter((c) => c.measure === "outlier");
  if (outliers.length) section.paragraphs.push(`Unit costs far from England's (robust z-score beyond ±3): ${outliers.map((o) => `${CATEGORY[o.category] ?? o.category}: ${o.basis}, £${fmt(o.value)} a week`).join("; ")}.`);
  const weekly = costs.filter((c) => c.measure === "weekly_cost");
  if (weekly.length) {
    section.tables.push({
      id: "weekly-costs", caption: "Default weekly cost of each placement group and its source",
      columns: [{ key: "group", label: "Placement group" }, { key: "cost", label: "GBP a week", numeric: true }, { key: "source", label: "Source" }],
      rows: weekly.map((c) => ({ group: label(PLACEMENT_TYPE, c.category), cost: c.value === null ? null : Math.round(c.value), source: c.basis })),
    });
  }
  const forecast = costs.filter((c) => c.measure === "forecast_cost" && c.scenario === "base");
  const gapCost = costs.filter((c) => c.measure === "gap_cost" && c.scenario === "base");
  if (forecast.length) {
    const last = forecast.at(-1)!;
    section.paragraphs.push(`Placing the children forecast at these weekly costs would cost about £${fmt(last.value! / 1e6, 1)} million a year by ${last.year} (80% interval £${fmt(last.lo80! / 1e6, 1)} to £${fmt(last.hi80! / 1e6, 1)} million, ${prices}).`);
    const gc = gapCost.at(-1);
    if (gc && gc.value !== null) section.paragraphs.push(`If the expected foster shortfall were met in children's homes instead, that would add about £${fmt(gc.value / 1e6, 2)} million a year by ${gc.year}.`);
    section.tables.push({
      id: "forecast-cost", caption: `Cost of the forecast and of the foster gap (GBP million a year, ${prices})`,
      columns: [{ key: "year", label: "Year (31 March)" }, { key: "mean", label: "Forecast cost", numeric: true, decimals: 1 }, { key: "lo", label: "80% lower", numeric: true, decimals: 1 }, { key: "hi", label: "80% upper", numeric: true, decimals: 1 }, { key: "gap", label: "Cost of the foster gap", numeric: true, decimals: 2 }],
      rows: forecast.map((c) => ({ year: String(c.year), mean: c.value! / 1e6, lo: c.lo80! / 1e6, hi: c.hi80! / 1e6, gap: (gapCost.find((g) => g.year === c.year)?.value ?? NaN) / 1e6 })),
      notes: ["Children at 31 March x weekly cost x 365.25/7: a stock-based estimate, not a budget. The cost of the gap assumes children without a foster place are placed in a children's home."],
    });
  }
  return section;
}
