/**
 * Report section 2: the trend of children looked after with the forecast fan chart and the forecast's backtest.
 */
import type { ReportSection, ReportTable } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { trendFanChart } from "../charts/trend-fan-chart.ts";
import { TOTALS, fmt, chart } from "../section-helpers.ts";
import type { Cell } from "../../spec/report.ts";
import type { ReportInput } from "../report-input.ts";
import { forecastClaims } from "../forecast-claims.ts";

/** Chart rows where the forecast line and bands start at the last observed point, so they join. */
function bridged<T extends { observed: number | null; mean: number | null; lo80: number | null; hi80: number | null; lo95: number | null; hi95: number | null }>(rows: T[], hasForecast: boolean): T[] {
  if (!hasForecast) return rows;
  const out = rows.map((r) => ({ ...r }));
  const last = [...out].reverse().find((r) => r.observed !== null);
  if (last) last.mean = last.lo80 = last.hi80 = last.lo95 = last.hi95 = last.observed;
  return out;
}

export function trendSection(input: ReportInput, view: ScopeView): ReportSection {
  const history = view.series("cla_31_march", TOTALS);
  const rows = history.map((h) => ({ year: h.year, observed: h.value, mean: null as number | null, lo80: null as number | null, hi80: null as number | null, lo95: null as number | null, hi95: null as number | null }));
  const f = input.forecast;
  if (f) {
    for (const p of f.total) rows.push({ year: p.year, observed: null, mean: Math.round(p.mean), lo80: p.lo80 === null ? null : Math.round(p.lo80), hi80: p.hi80 === null ? null : Math.round(p.hi80), lo95: p.lo95 === null ? null : Math.round(p.lo95), hi95: p.hi95 === null ? null : Math.round(p.hi95) });
  }
  const first = history.find((h) => h.value !== null);
  const lastObs = [...history].reverse().find((h) => h.value !== null);
  const end = f?.total[f.total.length - 1];
  const alt = `Line chart of children looked after at 31 March from ${first?.year ?? "?"} (${fmt(first?.value)}) to ${lastObs?.year ?? "?"} (${fmt(lastObs?.value)})` +
    (end ? `, with a forecast of ${fmt(end.mean)} in ${end.year} (95% interval ${fmt(end.lo95)} to ${fmt(end.hi95)}).` : ".");
  const table: ReportTable = {
    id: "trend",
    caption: "Children looked after at 31 March: observed and forecast",
    columns: [
      { key: "year", label: "Year ending 31 March" },
      { key: "observed", label: "Observed", numeric: true },
      { key: "mean", label: "Forecast", numeric: true },
      { key: "lo80", label: "80% lower", numeric: true },
      { key: "hi80", label: "80% upper", numeric: true },
      { key: "lo95", label: "95% lower", numeric: true },
      { key: "hi95", label: "95% upper", numeric: true },
    ],
    rows: rows.map((r) => {
      const h = history.find((x) => x.year === r.year && r.observed !== null);
      const observed: Cell = h && h.status === "estimated" && r.observed !== null ? `≥ ${fmt(r.observed)}` : r.observed;
      return { ...r, year: String(r.year), observed };
    }),
  };
  const lowerBounds = history.filter((h) => h.value !== null && h.status === "estimated").map((h) => h.year);
  const sections: ReportSection = {
    id: "trend",
    heading: "Trend and forecast",
    paragraphs: [],
    charts: [chart("trend", "Children looked after at 31 March, with forecast", alt, trendFanChart(bridged(rows, f !== null), { title: "Children looked after at 31 March", yTitle: "Children" }), table)],
    tables: [],
  };
  if (lowerBounds.length) sections.paragraphs.push(`Figures for ${lowerBounds.join(", ")} are lower bounds (marked ≥ in the table): some members' figures are missing or suppressed, so the line understates those years.`);
  if (f) {
    sections.paragraphs.push(`The forecast is ${f.model}. ${f.intervals} The shaded bands show the 80% and 95% prediction intervals.`);
    sections.paragraphs.push(...forecastClaims(f.evaluation, input.scope.name));
    if (f.backtest.length) {
      sections.tables.push({
        id: "backtest",
        caption: `How accurate this forecast was in the past: the same plan re-run at ${f.evaluation?.origins.join(", ") ?? "earlier years"} on the data available then`,
        columns: [
          { key: "horizon", label: "Years ahead" },
          { key: "origins", label: "Forecasts scored", numeric: true },
          { key: "mase", label: "MASE", numeric: true, decimals: 2 },
          { key: "naive", label: "MASE of no-change forecast", numeric: true, decimals: 2 },
          { key: "smape", label: "sMAPE (%)", numeric: true, decimals: 1 },
          { key: "c80", label: "80% interval coverage (%)", numeric: true },
          { key: "c95", label: "95% interval coverage (%)", numeric: true },
        ],
        rows: f.backtest.map((b) => ({ horizon: String(b.horizon), origins: b.origins, mase: b.mase, naive: b.naiveMase, smape: b.smape, c80: Math.round(100 * b.coverage80), c95: Math.round(100 * b.coverage95) })),
        notes: ["MASE below 1 means smaller errors than the typical year-on-year change; compare with the no-change (naive) forecast in the next column."],
      });
    }
  } else {
    sections.paragraphs.push("No forecast could be made for this scope (too few years of data).");
  }
  return sections;
}
