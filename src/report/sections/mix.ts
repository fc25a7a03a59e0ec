/**
 * Report section 3: who is looked after (placement group, age band, category of need), with the placement-group forecasts.
 */
import type { ReportChart, ReportSection, ReportTable } from "../../spec/report.ts";
import { AGE_BAND, CATEGORY_OF_NEED, PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import type { ScopeView, ScopeValue } from "../scope-view.ts";
import { categoryBarChart } from "../charts/category-bar-chart.ts";
import { multiLineChart } from "../charts/multi-line-chart.ts";
import { TOTALS, cell, fmt, pct, label, chart } from "../section-helpers.ts";
import type { ForecastPoint, ReportInput } from "../report-input.ts";
import { breakdownClaim } from "../forecast-claims.ts";

function breakdownTable(id: string, caption: string, rows: Array<{ code: string; label: string; v: ScopeValue }>, total: number | null): ReportTable {
  return {
    id,
    caption,
    columns: [{ key: "category", label: "Category" }, { key: "children", label: "Children", numeric: true }, { key: "percent", label: "Per cent", numeric: true }],
    rows: rows.map((r) => ({ category: r.label, children: cell(r.v), percent: r.v.value === null ? cell(r.v) : pct(r.v.value, total) === null ? "x" : Math.round(pct(r.v.value, total)!) })),
  };
}

export function mixSection(input: ReportInput, view: ScopeView): ReportSection {
  const { year } = input;
  const total = view.get("cla_31_march", TOTALS, year).value;
  const groups = PLACEMENT_TYPE.roots.map((n) => ({ code: n.code, label: n.label, v: view.get("cla_31_march", { placement_type: n.code, age_band: "total" }, year) }));
  const ages = AGE_BAND.roots.map((n) => ({ code: n.code, label: n.label, v: view.get("cla_31_march", { placement_type: "total", age_band: n.code }, year) }));
  const needs = CATEGORY_OF_NEED.roots.map((n) => ({ code: n.code, label: `${n.code} ${n.label}`, v: view.get("cla_31_march_by_need", { category_of_need: n.code }, year) }));
  const charts: ReportChart[] = [];
  const add = (id: string, title: string, what: string, rows: typeof groups, keepOrder: boolean) => {
    if (!rows.some((r) => r.v.value !== null)) return;
    const largest = [...rows].filter((r) => r.v.value !== null).sort((a, b) => b.v.value! - a.v.value!)[0];
    charts.push(chart(id, title, `Bar chart of children looked after at 31 March ${year} by ${what}. The largest group is ${largest.label} (${fmt(largest.v.value)}, ${fmt(pct(largest.v.value, total))}%).`,
      categoryBarChart(rows.map((r) => ({ category: r.label, value: r.v.value })), { title, xTitle: "Children", keepOrder }), breakdownTable(id, `${title} (31 March ${year})`, rows, total)));
  };
  add("placement-mix", "Children looked after by placement group", "placement group", groups, false);
  add("age-mix", "Children looked after by age band", "age band", ages, true);
  add("need-mix", "Children looked after by category of need", "category of need", needs, true);
  const section: ReportSection = { id: "mix", heading: "Who is looked after and where they live", paragraphs: [], charts, tables: [] };
  const suppressed = [...groups, ...ages, ...needs].filter((r) => r.v.status === "suppressed").length;
  if (suppressed) section.paragraphs.push(`${suppressed} small counts are suppressed (“c”) to protect children's privacy; parts may not add up to the total.`);
  const lowerBounds = [...groups, ...ages, ...needs].filter((r) => r.v.status === "estimated").length;
  if (lowerBounds) section.paragraphs.push(`${lowerBounds} figures are sums over member LAs some of whose figures are suppressed, so they are lower bounds (shown “≥”).`);
  const f = input.forecast;
  const forecastChart = (id: string, list: typeof PLACEMENT_TYPE, parts: Record<string, ForecastPoint[]>, dims: (code: string) => { placement_type: string; age_band: string }, what: string) => {
    const lines: Array<{ year: number; series: string; value: number | null; kind: "observed" | "forecast" }> = [];
    const rows: Array<Record<string, string | number | null>> = [];
    const whole = (v: number | null) => (v === null ? null : Math.round(v));
    for (const [code, points] of Object.entries(parts)) {
      const name = label(list, code);
      const observed = view.series("cla_31_march", dims(code));
      for (const h of observed) { lines.push({ year: h.year, series: name, value: h.value, kind: "observed" }); rows.push({ series: name, year: String(h.year), kind: "observed", value: h.value, lo80: null, hi80: null, lo95: null, hi95: null }); }
      const last = [...observed].reverse().find((h) => h.value !== null);
      if (last) lines.push({ year: last.year, series: name, value: last.value, kind: "forecast" });
      for (const p of points) {
        lines.push({ year: p.year, series: name, value: Math.round(p.mean), kind: "forecast" });
        rows.push({ series: name, year: String(p.year), kind: "forecast", value: Math.round(p.mean), lo80: whole(p.lo80), hi80: whole(p.hi80), lo95: whole(p.lo95), hi95: whole(p.hi95) });
      }
    }
    const table: ReportTable = {
      id,
      caption: `Children looked after by ${what}: observed and forecast, with 80% and 95% intervals (the groups add up to the total forecast)`,
      columns: [{ key: "series", label: what[0]!.toUpperCase() + what.slice(1) }, { key: "year", label: "Year" }, { key: "kind", label: "Observed or forecast" }, { key: "value", label: "Children", numeric: true },
        { key: "lo80", label: "80% lower", numeric: true }, { key: "hi80", label: "80% upper", numeric: true }, { key: "lo95", label: "95% lower", numeric: true }, { key: "hi95", label: "95% upper", numeric: true }],
      rows,
    };
    charts.push(chart(id, `${what[0]!.toUpperCase() + what.slice(1)}s: observed and forecast`, `Line chart of children looked after in each of ${Object.keys(parts).length} ${what}s, observed (solid) and forecast (dashed) to ${input.year + input.horizon}; the table gives each forecast's 80% and 95% interval.`,
      multiLineChart(lines, { title: `Children looked after by ${what}, with forecast`, yTitle: "Children" }), table));
  };
  if (f && Object.keys(f.byPlacement).length) {
    forecastChart("placement-forecast", PLACEMENT_TYPE, f.byPlacement, (code) => ({ placement_type: code, age_band: "total" }), "placement group");
    section.paragraphs.push(`Forecasts by placement group and age band: ${f.reconciliation}.`);
    const claim = breakdownClaim(f.evaluation, "placement");
    if (claim) section.paragraphs.push(claim);
  }
  if (f?.byAge && Object.keys(f.byAge).length) {
    forecastChart("age-forecast", AGE_BAND, f.byAge, (code) => ({ placement_type: "total", age_band: code }), "age band");
    const claim = breakdownClaim(f.evaluation, "age");
    if (claim) section.paragraphs.push(claim);
  }
  return section;
}
