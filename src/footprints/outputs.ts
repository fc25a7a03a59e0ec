/**
 * The outputs of a footprint comparison: footprint_metrics.csv (tidy: candidate,
 * footprint_code, footprint_name, metric, value, lower, upper), candidates.csv (one row per
 * candidate with its rank and reasons), the sheets of an XLSX and an accessible HTML page
 * with vega-lite small multiples. Every sentence that states a figure is written here from
 * the computed figures.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ReportTable } from "../spec/report.ts";
import type { XlsxSheet } from "../write/xlsx.ts";
import { escapeHtml, STYLE, svgForPage, tableHtml } from "../write/html.ts";
import { CHART_CONFIG, PALETTE, SCHEMA } from "../report/charts/theme.ts";
import type { FootprintComparison, MetricInfo } from "./compare.ts";

export const METRIC_COLUMNS = ["candidate", "footprint_code", "footprint_name", "metric", "value", "lower", "upper"] as const;

/** Candidate-level figures written to candidates.csv, each with lower and upper where it has them. */
const CANDIDATE_FIGURES = ["forecast_mase", "forecast_coverage_80", "specialist_demand", "void_empty_beds", "void_turn_away_prob", "places_per_own_child", "own_children_placed_inside_share", "placed_over_20_miles_share", "hhi", "large_providers_elsewhere", "las", "children", "child_population"] as const;

/** The metrics drawn as small multiples (one chart each, a dot per footprint). */
export const CHART_METRICS = ["forecast_mase", "forecast_coverage_80", "specialist_demand", "void_empty_beds", "void_turn_away_prob", "places_per_own_child", "own_children_placed_inside_share", "placed_over_20_miles_share", "hhi"] as const;

export function candidateColumns(): string[] {
  return ["candidate", "rank", "footprints", "las_covered", "las_in_england", ...CANDIDATE_FIGURES.flatMap((m) => [m, `${m}_lower`, `${m}_upper`]), "rank_forecast", "rank_fill", "rank_close", "rank_power", "score", "reasons", "source"];
}

/** candidates.csv rows. */
export function candidateRecords(c: FootprintComparison): Array<Record<string, string | number | null>> {
  return c.candidateRows.map((r) => {
    const out: Record<string, string | number | null> = { candidate: r.candidate, rank: r.rank, footprints: r.footprints, las_covered: r.las_covered, las_in_england: r.las_in_england };
    for (const m of CANDIDATE_FIGURES) { const f = r.figures[m]; out[m] = f?.value ?? null; out[`${m}_lower`] = f?.lower ?? null; out[`${m}_upper`] = f?.upper ?? null; }
    Object.assign(out, { rank_forecast: r.ranks.forecast, rank_fill: r.ranks.fill, rank_close: r.ranks.close, rank_power: r.ranks.power, score: r.score, reasons: r.reasons, source: r.source });
    return out;
  });
}

/** footprint_metrics.csv rows (numbers rounded to 6 significant digits). */
export function metricRecords(c: FootprintComparison): Array<Record<string, string | number | null>> {
  const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(6)));
  return c.metrics.map((m) => ({ ...m, value: round(m.value), lower: round(m.lower), upper: round(m.upper) }));
}

/** The metric definitions as a table. */
export function metricDefinitions(c: FootprintComparison): Array<Record<string, string>> {
  return c.metricInfo.map((m) => ({ metric: m.id, label: m.label.replace("N-bed", `${c.beds}-bed`), unit: m.unit, candidate_figure: m.combine === "sum" ? "sum over footprints" : m.combine === "weighted" ? "mean over footprints weighted by children looked after" : "mean over footprints", better: m.better ?? "", definition: m.definition.replace(/N-bed|N beds/g, (x) => x.replace("N", String(c.beds))) }));
}

/** The XLSX sheets: candidates, footprint metrics, definitions, what is uncertain. */
export function comparisonSheets(c: FootprintComparison): XlsxSheet[] {
  const title = `Footprint comparison: ${c.candidates.map((x) => x.name).join(", ")}`;
  return [
    { name: "Candidates", columns: candidateColumns(), rows: candidateRecords(c), notes: [title, "Rank 1 is best on the mean of the four ranks: forecast (MASE), filling a specialist home (empty beds), keeping children close (own children placed inside) and provider power (HHI)."] },
    { name: "Footprint metrics", columns: [...METRIC_COLUMNS], rows: metricRecords(c), notes: [title, "One row per footprint and metric; lower and upper are the interval or bounds where the figure has one (see Definitions)."] },
    { name: "Definitions", columns: ["metric", "label", "unit", "candidate_figure", "better", "definition"], rows: metricDefinitions(c) },
    { name: "What is uncertain", columns: ["statement"], rows: [...c.uncertain, ...c.notes].map((s) => ({ statement: s })) },
  ];
}

const label = (m: MetricInfo | undefined, beds: number) => (m?.label ?? "").replace("N-bed", `${beds}-bed`);

/** One chart per metric: a dot per footprint with its interval, coloured by candidate. */
export function metricChart(c: FootprintComparison, metric: string): TopLevelSpec {
  const info = c.metricInfo.find((m) => m.id === metric);
  const names = new Map<string, number>();
  for (const m of c.metrics) if (m.metric === metric) names.set(m.footprint_name, (names.get(m.footprint_name) ?? 0) + 1);
  const values = c.metrics.filter((m) => m.metric === metric && m.value !== null).map((m) => ({ candidate: m.candidate, footprint: names.get(m.footprint_name)! > 1 ? `${m.footprint_name} (${m.candidate})` : m.footprint_name, value: m.value, lower: m.lower ?? m.value, upper: m.upper ?? m.value }));
  const y = { field: "footprint", type: "nominal", title: null, sort: { field: "value", order: info?.better === "higher" ? "descending" : "ascending" }, axis: { labelLimit: 520, labelFontSize: 10 } } as const;
  const color = { field: "candidate", type: "nominal", title: "Candidate", scale: { domain: c.candidates.map((x) => x.name), range: PALETTE } } as const;
  return {
    $schema: SCHEMA, width: 380, height: { step: 14 }, config: { ...CHART_CONFIG, axisY: { labelLimit: 400 }, legend: { ...CHART_CONFIG.legend, labelLimit: 300 } },
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { y, x: { field: "lower", type: "quantitative", title: label(info, c.beds) }, x2: { field: "upper" }, color } },
      { mark: { type: "point", filled: true, size: 40 }, encoding: { y, x: { field: "value", type: "quantitative" }, color, shape: { field: "candidate", type: "nominal", title: "Candidate" } } },
    ],
  } as TopLevelSpec;
}

/** Small multiples of the candidates' combined figures, one panel per metric. */
export function candidateChart(c: FootprintComparison): TopLevelSpec {
  const values = c.candidateRows.flatMap((r) => CHART_METRICS.map((m) => ({ metric: label(c.metricInfo.find((i) => i.id === m), c.beds), candidate: r.candidate, value: r.figures[m]?.value ?? null, lower: r.figures[m]?.lower ?? r.figures[m]?.value ?? null, upper: r.figures[m]?.upper ?? r.figures[m]?.value ?? null })).filter((v) => v.value !== null));
  const color = { field: "candidate", type: "nominal", title: "Candidate", scale: { domain: c.candidates.map((x) => x.name), range: PALETTE } } as const;
  const y = { field: "candidate", type: "nominal", title: null, sort: c.candidates.map((x) => x.name), axis: { labelLimit: 300 } } as const;
  return {
    $schema: SCHEMA, config: { ...CHART_CONFIG, axisY: { labelLimit: 300 }, legend: { ...CHART_CONFIG.legend, labelLimit: 300 }, header: { labelLimit: 300 } },
    data: { values },
    facet: { field: "metric", type: "nominal", title: null, sort: CHART_METRICS.map((m) => label(c.metricInfo.find((i) => i.id === m), c.beds)), header: { labelFontSize: 12, labelFontWeight: "bold", labelLimit: 260, labelColor: "#0b0c0c" } },
    columns: 3,
    spec: {
      width: 230, height: { step: 22 },
      layer: [
        { mark: { type: "rule", strokeWidth: 2 }, encoding: { y, x: { field: "lower", type: "quantitative", title: null }, x2: { field: "upper" }, color } },
        { mark: { type: "point", filled: true, size: 70 }, encoding: { y, x: { field: "value", type: "quantitative" }, color, shape: { field: "candidate", type: "nominal", title: "Candidate" } } },
      ],
    },
    resolve: { scale: { x: "independent" } },
  } as TopLevelSpec;
}

const show = (v: number | null, unit: MetricInfo["unit"] | undefined) => {
  if (v === null) return "–";
  if (unit === "share" || unit === "probability") return `${(100 * v).toFixed(0)}%`;
  if (unit === "count" || unit === "index") return Math.round(v).toLocaleString("en-GB");
  return v.toLocaleString("en-GB", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
};

/** The headline sentences: which candidate is best on each question, written from the figures. */
export function headlines(c: FootprintComparison): string[] {
  const rows = c.candidateRows;
  if (!rows.length) return [];
  const best = (key: keyof (typeof rows)[number]["ranks"]) => rows.filter((r) => r.ranks[key] === 1).map((r) => r.candidate).join(" and ");
  const f = (cand: string, m: string) => rows.find((r) => r.candidate === cand)?.figures[m];
  const b1 = best("forecast"), b2 = best("fill"), b3 = best("close"), b4 = best("power");
  const first = (s: string) => s.split(" and ")[0]!;
  const out = [
    `Forecasts best: ${b1}, with a MASE of ${show(f(first(b1), "forecast_mase")?.value ?? null, "ratio")} over its footprints' backtests (80% intervals held ${show(f(first(b1), "forecast_coverage_80")?.value ?? null, "share")} of actuals).`,
    `Fills a ${c.beds}-bed specialist home best: ${b2}, with ${show(f(first(b2), "void_empty_beds")?.value ?? null, "beds")} empty beds expected per footprint and a ${show(f(first(b2), "void_turn_away_prob")?.value ?? null, "probability")} chance of turning a child away.`,
    `Keeps children closest: ${b3}, with ${show(f(first(b3), "own_children_placed_inside_share")?.value ?? null, "share")} of its own children placed inside its footprints (bounds ${show(f(first(b3), "own_children_placed_inside_share")?.lower ?? null, "share")} to ${show(f(first(b3), "own_children_placed_inside_share")?.upper ?? null, "share")}) and ${show(f(first(b3), "placed_over_20_miles_share")?.value ?? null, "share")} placed over 20 miles from home.`,
  ];
  const worst = [...rows].sort((a, b) => (b.figures.hhi?.value ?? -1) - (a.figures.hhi?.value ?? -1))[0]!;
  out.push(`Providers hold most power in the footprints of ${worst.candidate} (HHI of children's home places ${show(worst.figures.hhi?.value ?? null, "index")}, weighted by children looked after) and least in those of ${b4} (${show(f(first(b4), "hhi")?.value ?? null, "index")}).`);
  const top = c.metrics.filter((m) => m.metric === "hhi" && m.value !== null).sort((a, b) => b.value! - a.value!)[0];
  if (top) out.push(`The most concentrated single footprint is ${top.footprint_name} (${top.candidate}), HHI ${show(top.value, "index")}.`);
  out.push(`Overall (mean of the four ranks): ${rows.map((r) => `${r.rank}. ${r.candidate}`).join(", ")}.`);
  return out;
}

/** Tables behind the page. */
export function pageTables(c: FootprintComparison): { ranked: ReportTable; perMetric: Map<string, ReportTable>; byType: ReportTable } {
  const types = [...new Set(c.metrics.filter((m) => m.metric.startsWith("forecast_mase_")).map((m) => m.metric.slice("forecast_mase_".length)))].sort();
  const byType: ReportTable = {
    id: "by-type", caption: "Forecast accuracy by placement group: MASE and 80% interval coverage of each candidate (children-weighted over its footprints)",
    columns: [{ key: "type", label: "Placement group" }, ...c.candidateRows.flatMap((r) => [{ key: `${r.candidate}-mase`, label: `${r.candidate} MASE`, numeric: true, decimals: 2 }, { key: `${r.candidate}-cov`, label: `${r.candidate} 80% coverage`, numeric: true, decimals: 2 }])],
    rows: types.map((t) => Object.fromEntries([["type", t.replace(/_group$/, "").replace(/_/g, " ")], ...c.candidateRows.flatMap((r) => [[`${r.candidate}-mase`, r.figures[`forecast_mase_${t}`]?.value ?? null], [`${r.candidate}-cov`, r.figures[`forecast_coverage_80_${t}`]?.value ?? null]])])),
  };
  const ranked: ReportTable = {
    id: "candidates", caption: "Candidates ranked, with the reasons",
    columns: [{ key: "rank", label: "Rank", numeric: true }, { key: "candidate", label: "Candidate" }, { key: "footprints", label: "Footprints", numeric: true }, { key: "las", label: "LAs covered", numeric: true }, { key: "reasons", label: "Reasons" }],
    rows: c.candidateRows.map((r) => ({ rank: r.rank, candidate: r.candidate, footprints: r.footprints, las: r.las_covered, reasons: r.reasons })),
  };
  const perMetric = new Map<string, ReportTable>();
  for (const m of CHART_METRICS) {
    const info = c.metricInfo.find((i) => i.id === m);
    const decimals = info?.unit === "ratio" || info?.unit === "beds" ? 2 : info?.unit === "share" || info?.unit === "probability" ? 3 : 0;
    perMetric.set(m, {
      id: `t-${m}`, caption: `${label(info, c.beds)} by footprint`,
      columns: [{ key: "footprint", label: "Footprint" }, { key: "candidate", label: "Candidate" }, { key: "value", label: "Value", numeric: true, decimals }, { key: "lower", label: "Lower", numeric: true, decimals }, { key: "upper", label: "Upper", numeric: true, decimals }],
      rows: c.metrics.filter((x) => x.metric === m).map((x) => ({ footprint: x.footprint_name, candidate: x.candidate, value: x.value, lower: x.lower, upper: x.upper })),
    });
  }
  return { ranked, perMetric, byType };
}

/**
 * The HTML page (offline, one h1, charts as labelled images with their data tables).
 * @throws Error when a chart's SVG is missing (a programmer error).
 */
export function comparisonHtml(c: FootprintComparison, svgs: Map<string, string>, options: { generated: string; dataset: string }): string {
  const { ranked, perMetric, byType } = pageTables(c);
  const svg = (id: string) => { const s = svgs.get(id); if (s === undefined) throw new Error(`No SVG for chart ${id}`); return svgForPage(s); };
  const alt = (m: string) => {
    const info = c.metricInfo.find((i) => i.id === m);
    const list = c.metrics.filter((x) => x.metric === m && x.value !== null).sort((a, b) => a.value! - b.value!);
    if (!list.length) return `${label(info, c.beds)}: no figures.`;
    const lo = list[0]!, hi = list.at(-1)!;
    return `${label(info, c.beds)} for ${list.length} footprints, from ${show(lo.value, info?.unit)} in ${lo.footprint_name} (${lo.candidate}) to ${show(hi.value, info?.unit)} in ${hi.footprint_name} (${hi.candidate}); lines show the interval or bounds.`;
  };
  const figures = CHART_METRICS.map((m) => {
    const info = c.metricInfo.find((i) => i.id === m);
    const t = perMetric.get(m)!;
    return `<figure aria-labelledby="f-${m}-title">
<h3 id="f-${m}-title">${escapeHtml(label(info, c.beds))}</h3>
<div class="chart" role="img" aria-label="${escapeHtml(alt(m))}">${svg(`f-${m}`)}</div>
<figcaption>${escapeHtml(alt(m))} ${escapeHtml((info?.definition ?? "").replace(/N-bed|N beds/g, (x) => x.replace("N", String(c.beds))))}</figcaption>
<details><summary>Data table: ${escapeHtml(t.caption)}</summary>${tableHtml(t, `f-${m}-table`)}</details>
</figure>`;
  }).join("\n");
  const candidateAlt = `Combined figures of ${c.candidateRows.length} candidates (${c.candidateRows.map((r) => r.candidate).join(", ")}) on ${CHART_METRICS.length} measures; the ranked table below gives every figure.`;
  const y = c.years;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Footprint design: ${escapeHtml(c.candidates.map((x) => x.name).join(", "))}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner"><p>Sufficiency Toolkit</p><h1>Footprint design: which grouping forecasts, fills and shares homes best</h1><p>Candidates: ${escapeHtml(c.candidates.map((x) => `${x.name} (${x.footprints.length} footprints)`).join(", "))}</p></header>
<main id="main">
<section aria-labelledby="s-summary"><h2 id="s-summary">What the comparison says</h2>
<ul>${headlines(c).map((h) => `<li>${escapeHtml(h)}</li>`).join("")}</ul>
${tableHtml(ranked, "ranked")}
</section>
<section aria-labelledby="s-candidates"><h2 id="s-candidates">Candidates compared</h2>
<figure aria-labelledby="f-candidates-title"><h3 id="f-candidates-title">Candidates compared, one panel per measure</h3>
<div class="chart" role="img" aria-label="${escapeHtml(candidateAlt)}">${svg("f-candidates")}</div>
<figcaption>${escapeHtml(candidateAlt)} Dots are the candidate's figure (children-weighted mean over its footprints, or their sum); lines its interval or bounds.</figcaption></figure>
<h3 id="s-by-type">Forecast accuracy by placement group</h3>
${tableHtml(byType, "by-type")}
</section>
<section aria-labelledby="s-footprints"><h2 id="s-footprints">Every footprint, one chart per measure</h2>
${figures}
</section>
<section aria-labelledby="s-uncertain"><h2 id="s-uncertain">What is uncertain</h2>
<ul>${c.uncertain.map((u) => `<li>${escapeHtml(u)}</li>`).join("")}</ul>
</section>
<section aria-labelledby="s-method"><h2 id="s-method">How it was measured</h2>
<p>Every footprint of every candidate is measured in one run with the toolkit's default forecast plan: LA forecasts by placement group, reconciled, footprints summed from their LAs, conformal intervals; forecast from ${escapeHtml(y.forecastOrigin)} for ${escapeHtml(y.forecastFor)} onwards, backtested at origins ${escapeHtml(y.backtestOrigins.join(", "))}. Specialist demand is ${escapeHtml(c.specialistProxy)}. Flows are of ${y.flows ?? "–"}, distance of ${y.distance ?? "–"}, Ofsted places of 31 March ${y.register ?? "–"}, children looked after of ${y.children ?? "–"}, population of ${y.population ?? "–"}.</p>
<ul>${c.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>
</section>
</main>
<footer><p>Generated ${escapeHtml(options.generated)} from the dataset ${escapeHtml(options.dataset)}. Contains public sector information licensed under the Open Government Licence v3.0 (DfE, Ofsted, ONS).</p></footer>
</body>
</html>
`;
}
