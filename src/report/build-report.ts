/**
 * Build the annual sufficiency report model for an LA, a footprint, a region or England.
 *
 * Stages:
 *  1. headline figures: children looked after at 31 March, rate per 10,000, change on last
 *     year and on five years ago, against England, the region and statistical neighbours;
 *  2. trend with a forecast fan chart (calibrated intervals) and the forecast's backtest;
 *  3. mix by placement group, age band and category of need, with reconciled forecasts
 *     per placement group;
 *  4. flows: starts and ceases; location (outside the LA, over 20 miles); UASC;
 *  5. supply: Ofsted-registered places by sector, top owners and HHI, places per child in
 *     children's homes, and the gap between forecast demand and places;
 *  6. spend (MHCLG RO3): total, per child, residential and fostering shares;
 *  7. data coverage and quality; 8. methods and sources.
 * Every number comes from the dataset rows and the forecasting engine passed in.
 */
import type { DatasetRow, ValueStatus } from "../spec/dataset.ts";
import type { Cell, HeadlineFigure, ReportChart, ReportModel, ReportScope, ReportSection, ReportTable } from "../spec/report.ts";
import { AGE_BAND, CATEGORY_OF_NEED, PLACEMENT_TYPE, PROVISION_TYPE, SECTOR } from "../reference/code-lists.ts";
import { findCode } from "../reference/code-tree.ts";
import { concentration } from "../market/concentration.ts";
import { demandSupplyGap } from "../market/gap.ts";
import { ScopeView, type ScopeValue } from "./scope-view.ts";
import { trendFanChart } from "./charts/trend-fan-chart.ts";
import { categoryBarChart } from "./charts/category-bar-chart.ts";
import { comparisonChart } from "./charts/comparison-chart.ts";
import { multiLineChart } from "./charts/multi-line-chart.ts";
import { stackedBarChart } from "./charts/stacked-bar-chart.ts";

export interface Comparator {
  name: string;
  kind: "england" | "region" | "neighbour" | "scope";
  rows: DatasetRow[];
}

export interface SupplyProvider {
  urn: string;
  provisionType: string;
  sector: string;
  places: number | null;
  owner: string;
}

export interface ForecastPoint {
  year: number;
  mean: number;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

export interface BacktestSummary {
  horizon: number;
  origins: number;
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
  naiveMase: number;
}

export interface ScopeForecast {
  /** Model actually used for the total, e.g. "pooled-rate" or "theta". */
  model: string;
  /** How the intervals were made, in words (e.g. "calibrated from rolling-origin errors"). */
  intervals: string;
  total: ForecastPoint[];
  backtest: BacktestSummary[];
  /** Reconciled forecasts by DfE placement group (code -> points). */
  byPlacement: Record<string, ForecastPoint[]>;
  reconciliation: string;
}

export interface CoverageRow {
  year: number;
  measure: string;
  expected: number;
  present: number;
  missing: string[];
  suppressed: string[];
}

export interface ReportInput {
  scope: ReportScope;
  year: number;
  horizon: number;
  /** Rows of the scope's own geography (an LA, or the scope aggregate). */
  rows: DatasetRow[];
  comparators: Comparator[];
  providers: SupplyProvider[];
  /** The year the provider snapshot describes (Ofsted, 31 March). */
  providersYear: number | null;
  forecast: ScopeForecast | null;
  coverage: CoverageRow[];
  /** Member LAs of the scope (names), for the coverage section. */
  members: string[];
  generated: string;
  /** Plain-language notes from the forecasting stage (boundary changes, fallbacks), shown under methods. */
  forecastNotes?: string[];
}

const TOTALS = { placement_type: "total", age_band: "total" } as const;
const STATUS_MARK: Partial<Record<ValueStatus | "absent", string>> = {
  suppressed: "c",
  not_available: "x",
  not_applicable: "z",
  rounds_to_zero: "low",
  missing: "x",
  absent: "x",
};

/**
 * A value for a table cell: the number, the published marker for why it is missing, or
 * "≥ n" for a sum over members some of whose figures are suppressed (a lower bound).
 */
function cell(v: ScopeValue): Cell {
  if (v.value !== null && v.status === "estimated") return `≥ ${v.value.toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;
  return v.value ?? STATUS_MARK[v.status] ?? "x";
}

function fmt(n: number | null | undefined, decimals = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "not available";
  return n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function signed(n: number | null, decimals = 0): string {
  if (n === null || !Number.isFinite(n)) return "not available";
  return `${n > 0 ? "+" : n < 0 ? "−" : ""}${fmt(Math.abs(n), decimals)}`;
}

function pct(part: number | null, whole: number | null): number | null {
  return part !== null && whole !== null && whole > 0 ? (100 * part) / whole : null;
}

function rate(view: ScopeView, year: number): number | null {
  const cla = view.get("cla_31_march", TOTALS, year).value;
  const pop = view.get("population_0_17", {}, year).value;
  return cla !== null && pop !== null && pop > 0 ? (10_000 * cla) / pop : null;
}

function label(list: typeof PLACEMENT_TYPE, code: string): string {
  return findCode(list, code)?.label ?? code;
}

function chart(id: string, title: string, alt: string, spec: unknown, table: ReportTable): ReportChart {
  return { id, title, alt, spec, table };
}

// 1. Headline figures and comparators.
function headlineSection(input: ReportInput, view: ScopeView): ReportSection {
  const { year } = input;
  const now = view.get("cla_31_march", TOTALS, year);
  const last = view.get("cla_31_march", TOTALS, year - 1).value;
  const five = view.get("cla_31_march", TOTALS, year - 5).value;
  const r = rate(view, year);
  const headlines: HeadlineFigure[] = [
    { label: `Children looked after at 31 March ${year}`, value: now.value === null ? String(cell(now)) : fmt(now.value) },
    { label: "Rate per 10,000 children aged 0 to 17", value: fmt(r) },
    { label: `Change since 31 March ${year - 1}`, value: now.value !== null && last !== null ? signed(now.value - last) : "not available", note: now.value !== null && last ? `${signed((100 * (now.value - last)) / last, 1)}%` : undefined },
    { label: `Change since 31 March ${year - 5}`, value: now.value !== null && five !== null ? signed(now.value - five) : "not available", note: now.value !== null && five ? `${signed((100 * (now.value - five)) / five, 1)}%` : undefined },
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
    `At 31 March ${year}, ${input.scope.name} looked after ${now.value === null ? "an unpublished number of" : fmt(now.value)} children` +
      (r === null ? " (the rate per 10,000 children cannot be computed: the dataset has no ONS population for this year)." : `, a rate of ${fmt(r)} per 10,000 children aged 0 to 17.`),
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

/** Chart rows where the forecast line and bands start at the last observed point, so they join. */
function bridged<T extends { observed: number | null; mean: number | null; lo80: number | null; hi80: number | null; lo95: number | null; hi95: number | null }>(rows: T[], hasForecast: boolean): T[] {
  if (!hasForecast) return rows;
  const out = rows.map((r) => ({ ...r }));
  const last = [...out].reverse().find((r) => r.observed !== null);
  if (last) last.mean = last.lo80 = last.hi80 = last.lo95 = last.hi95 = last.observed;
  return out;
}

// 2. Trend with forecast fan and backtest.
function trendSection(input: ReportInput, view: ScopeView): ReportSection {
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
    rows: rows.map((r) => ({ ...r, year: String(r.year) })),
  };
  const sections: ReportSection = {
    id: "trend",
    heading: "Trend and forecast",
    paragraphs: [],
    charts: [chart("trend", "Children looked after at 31 March, with forecast", alt, trendFanChart(bridged(rows, f !== null), { title: "Children looked after at 31 March", yTitle: "Children" }), table)],
    tables: [],
  };
  if (f) {
    sections.paragraphs.push(`The forecast uses the ${f.model} model. ${f.intervals} The shaded bands show the 80% and 95% prediction intervals: in backtests, the outcome fell inside them about as often as stated.`);
    if (f.backtest.length) {
      sections.tables.push({
        id: "backtest",
        caption: "How accurate this forecast was in the past (rolling-origin backtest)",
        columns: [
          { key: "horizon", label: "Years ahead" },
          { key: "origins", label: "Forecast origins", numeric: true },
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

function breakdownTable(id: string, caption: string, rows: Array<{ code: string; label: string; v: ScopeValue }>, total: number | null): ReportTable {
  return {
    id,
    caption,
    columns: [{ key: "category", label: "Category" }, { key: "children", label: "Children", numeric: true }, { key: "percent", label: "Per cent", numeric: true }],
    rows: rows.map((r) => ({ category: r.label, children: cell(r.v), percent: r.v.value === null ? cell(r.v) : pct(r.v.value, total) === null ? "x" : Math.round(pct(r.v.value, total)!) })),
  };
}

// 3. Mix by placement group, age band and need, with reconciled placement forecasts.
function mixSection(input: ReportInput, view: ScopeView): ReportSection {
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
  if (f && Object.keys(f.byPlacement).length) {
    const lines: Array<{ year: number; series: string; value: number | null; kind: "observed" | "forecast" }> = [];
    for (const [code, points] of Object.entries(f.byPlacement)) {
      const name = label(PLACEMENT_TYPE, code);
      const observed = view.series("cla_31_march", { placement_type: code, age_band: "total" });
      for (const h of observed) lines.push({ year: h.year, series: name, value: h.value, kind: "observed" });
      const last = [...observed].reverse().find((h) => h.value !== null);
      if (last) lines.push({ year: last.year, series: name, value: last.value, kind: "forecast" });
      for (const p of points) lines.push({ year: p.year, series: name, value: Math.round(p.mean), kind: "forecast" });
    }
    const table: ReportTable = {
      id: "placement-forecast",
      caption: "Children looked after by placement group: observed and forecast (reconciled so groups sum to the total)",
      columns: [{ key: "series", label: "Placement group" }, { key: "year", label: "Year" }, { key: "kind", label: "Observed or forecast" }, { key: "value", label: "Children", numeric: true }],
      rows: lines.map((l) => ({ series: l.series, year: String(l.year), kind: l.kind, value: l.value })),
    };
    charts.push(chart("placement-forecast", "Placement groups: observed and forecast", `Line chart of children looked after in each of ${Object.keys(f.byPlacement).length} placement groups, observed (solid) and forecast (dashed) to ${input.year + input.horizon}.`,
      multiLineChart(lines, { title: "Children looked after by placement group, with forecast", yTitle: "Children" }), table));
    section.paragraphs.push(`Forecasts by placement group: ${f.reconciliation}.`);
  }
  return section;
}

// 4. Flows, location and UASC.
function flowsSection(input: ReportInput, view: ScopeView): ReportSection {
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

const CHILDRENS_HOME_TYPES = new Set(["childrens_home", "secure_childrens_home", "residential_special_school_ch"]);

// 5. Supply and the demand-supply gap.
function supplySection(input: ReportInput, view: ScopeView): ReportSection {
  const providers = input.providers.filter((p) => CHILDRENS_HOME_TYPES.has(p.provisionType) && p.places !== null);
  const section: ReportSection = { id: "supply", heading: "Supply: registered children's home places", paragraphs: [], charts: [], tables: [] };
  if (!providers.length) {
    section.paragraphs.push("No Ofsted-registered children's homes were found in this scope.");
    return section;
  }
  const places = providers.reduce((a, p) => a + (p.places ?? 0), 0);
  const bySector = new Map<string, Map<string, number>>();
  for (const p of providers) {
    const type = findCode(PROVISION_TYPE, p.provisionType)?.label ?? p.provisionType;
    const sector = findCode(SECTOR, p.sector)?.label ?? p.sector;
    const m = bySector.get(type) ?? new Map<string, number>();
    m.set(sector, (m.get(sector) ?? 0) + (p.places ?? 0));
    bySector.set(type, m);
  }
  const stacked = [...bySector.entries()].flatMap(([category, m]) => [...m.entries()].map(([part, value]) => ({ category, part, value })));
  const c = concentration(providers.map((p) => ({ owner: p.owner, places: p.places ?? 0 })), 5);
  const privatePlaces = providers.filter((p) => p.sector === "private").reduce((a, p) => a + (p.places ?? 0), 0);
  section.paragraphs.push(
    `At 31 March ${input.providersYear ?? "(year not known)"}, ${providers.length} Ofsted-registered children's homes in ${input.scope.name} offered ${fmt(places)} places; ${fmt(pct(privatePlaces, places))}% were in the private sector.`,
    `The five largest owning organisations held ${fmt(c.topShare)}% of places; the Herfindahl-Hirschman index is ${fmt(c.hhi)} (above 1,500 is concentrated, above 2,000 highly concentrated).`,
  );
  section.charts.push(chart("supply", "Children's home places by type and sector", `Stacked bar chart of ${fmt(places)} registered children's home places in ${input.scope.name} by provision type and provider sector.`,
    stackedBarChart(stacked, { title: "Registered children's home places by sector", xTitle: "Places", partTitle: "Sector" }),
    { id: "supply", caption: "Registered children's home places by provision type and sector", columns: [{ key: "category", label: "Provision type" }, { key: "part", label: "Sector" }, { key: "value", label: "Places", numeric: true }], rows: stacked }));
  section.tables.push({
    id: "owners",
    caption: "Largest owning organisations by children's home places",
    columns: [{ key: "owner", label: "Owning organisation" }, { key: "places", label: "Places", numeric: true }, { key: "share", label: "Share of places (%)", numeric: true, decimals: 1 }],
    rows: c.top.map((o) => ({ owner: o.owner, places: o.places, share: o.share })),
  });
  const homesNow = view.get("cla_31_march", { placement_type: "secure_and_childrens_homes", age_band: "total" }, input.year).value;
  const forecast = input.forecast?.byPlacement.secure_and_childrens_homes;
  const gapRows = demandSupplyGap([
    ...(homesNow !== null ? [{ year: input.year, mean: homesNow }] : []),
    ...(forecast ?? []).map((p) => ({ year: p.year, mean: p.mean, lower: p.lo95, upper: p.hi95 })),
  ], places);
  if (gapRows.length) {
    section.paragraphs.push(`There were ${fmt(gapRows[0].placesPerChild, 2)} registered places in the scope for each child living in a secure or children's home at 31 March ${gapRows[0].year}. Places are open to children from any LA, so this compares local capacity with local demand.`);
    section.tables.push({
      id: "gap",
      caption: "Children in secure and children's homes (observed, then forecast) against registered places in the scope",
      columns: [{ key: "year", label: "Year ending 31 March" }, { key: "demand", label: "Children (forecast mean)", numeric: true }, { key: "lo", label: "95% lower", numeric: true }, { key: "hi", label: "95% upper", numeric: true }, { key: "places", label: "Registered places", numeric: true }, { key: "gap", label: "Children minus places", numeric: true }],
      rows: gapRows.map((g) => ({ year: String(g.year), demand: Math.round(g.demandMean), lo: g.demandLower === null ? null : Math.round(g.demandLower), hi: g.demandUpper === null ? null : Math.round(g.demandUpper), places: g.places, gap: Math.round(g.gap) })),
      notes: [`Places are the ${input.providersYear ?? ""} Ofsted snapshot, held flat: the published data do not include a pipeline of new homes.`],
    });
  }
  return section;
}

// 6. Spend.
function spendSection(input: ReportInput, view: ScopeView): ReportSection {
  const years = view.years.filter((y) => view.get("spend", { spend_category: "total" }, y).value !== null);
  const section: ReportSection = { id: "spend", heading: "Spend on children looked after", paragraphs: [], charts: [], tables: [] };
  const y = years[years.length - 1];
  if (y === undefined) {
    section.paragraphs.push("No MHCLG RO3 spend is available for this scope.");
    return section;
  }
  const total = view.get("spend", { spend_category: "total" }, y).value!;
  const parts = [
    { code: "residential_care", label: "Residential care" },
    { code: "fostering", label: "Fostering services" },
    { code: "uasc_services", label: "Unaccompanied asylum-seeking children" },
    { code: "other_spend", label: "Other" },
  ].map((p) => ({ ...p, v: view.get("spend", { spend_category: p.code }, y) }));
  const cla = view.get("cla_31_march", TOTALS, y).value;
  const perChild = cla ? (total * 1000) / cla : null;
  section.paragraphs.push(
    `In the financial year ending March ${y}, spend on children looked after was £${fmt(total / 1000, 1)} million (MHCLG Revenue Outturn RO3, gross expenditure), about £${fmt(perChild)} per child looked after at 31 March (£${fmt(perChild === null ? null : perChild / 52)} a week).`,
    `Residential care took ${fmt(pct(parts[0].v.value, total))}% and fostering services ${fmt(pct(parts[1].v.value, total))}% of the total.`,
  );
  section.charts.push(chart("spend", `Spend on children looked after by category, ${y - 1}-${String(y).slice(2)}`, `Bar chart of spend on children looked after by RO3 category: residential care £${fmt((parts[0].v.value ?? 0) / 1000, 1)} million, fostering £${fmt((parts[1].v.value ?? 0) / 1000, 1)} million.`,
    categoryBarChart(parts.map((p) => ({ category: p.label, value: p.v.value })), { title: "Spend by category (GBP thousand)", xTitle: "GBP thousand" }),
    { id: "spend", caption: `Spend on children looked after, ${y - 1}-${String(y).slice(2)} (GBP thousand)`, columns: [{ key: "category", label: "Category" }, { key: "spend", label: "GBP thousand", numeric: true }, { key: "share", label: "Share (%)", numeric: true }],
      rows: [...parts.map((p) => ({ category: p.label, spend: cell(p.v), share: pct(p.v.value, total) === null ? "x" : Math.round(pct(p.v.value, total)!) })), { category: "Total", spend: total, share: 100 }] }));
  return section;
}

// 7. Data coverage and quality.
function coverageSection(input: ReportInput): ReportSection {
  const rows = input.coverage.map((c) => ({ year: String(c.year), measure: c.measure, expected: c.expected, present: c.present, missing: c.missing.join(", ") || "none", suppressed: c.suppressed.join(", ") || "none" }));
  const latest = input.coverage.filter((c) => c.year === input.year);
  const paragraphs = [
    input.scope.kind === "la"
      ? `This report covers one local authority, ${input.scope.name}.`
      : `This report covers ${input.members.length} local authorities: ${input.members.join(", ")}.`,
  ];
  for (const c of latest) {
    paragraphs.push(`${c.measure} ${c.year}: ${c.present} of ${c.expected} members have a published figure${c.suppressed.length ? `; suppressed for ${c.suppressed.join(", ")}` : ""}${c.missing.length ? `; missing for ${c.missing.join(", ")}` : ""}. Aggregates over members with a missing or suppressed figure are lower bounds, never treated as zero.`);
  }
  return {
    id: "coverage",
    heading: "Data coverage and quality",
    paragraphs,
    charts: [],
    tables: rows.length ? [{ id: "coverage", caption: "Members with data, by year and measure", columns: [{ key: "year", label: "Year" }, { key: "measure", label: "Measure" }, { key: "expected", label: "Members expected", numeric: true }, { key: "present", label: "Members present", numeric: true }, { key: "missing", label: "Missing" }, { key: "suppressed", label: "Suppressed" }], rows }] : [],
  };
}

// 8. Methods and sources.
function methodsSection(input: ReportInput): ReportSection {
  const f = input.forecast;
  return {
    id: "methods",
    heading: "Methods and sources",
    paragraphs: [
      "Children looked after, starts, ceases, placements, distance and UASC: Department for Education, Children looked after in England including adoptions (from the SSDA903 return), years ending 31 March 2011 onwards.",
      "Population of children aged 0 to 17: Office for National Statistics mid-year estimates (the mid-year before each 31 March), used for rates per 10,000 children.",
      "Registered children's homes and places: Ofsted, Children's social care data in England, providers and places at 31 March 2023. Owning organisation as recorded by Ofsted.",
      "Spend: Ministry of Housing, Communities and Local Government, Revenue Outturn RO3 (children's social care), gross total expenditure on children looked after, GBP thousand.",
      f ? `Forecasts: ${f.model}; ${f.intervals} Placement-group forecasts: ${f.reconciliation}. Backtests refit the model at each past origin and compare with what happened.` : "Forecasts: not available for this scope.",
      ...(input.forecastNotes ?? []).map((n) => `Forecast note: ${n}`),
      "Aggregates for regions, footprints and England are sums over member local authorities; boundary changes (Dorset and BCP 2019, Northamptonshire 2021, Cumbria 2023) are handled so a series neither breaks nor double counts. Suppressed (“c”) and missing (“x”) values are never treated as zero.",
      "Disclosure control: counts from 1 to 4 are suppressed (“c”), with secondary suppression so they cannot be recovered from totals.",
      "Contains public sector information licensed under the Open Government Licence v3.0.",
    ],
    charts: [],
    tables: [],
  };
}

/**
 * Build the report model.
 * @throws Error when the scope has no children-looked-after figure in any year (nothing to report).
 * @example buildReport(input).sections.map((s) => s.id) // ["headlines", "trend", "mix", "flows", "supply", "spend", "coverage", "methods"]
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
      mixSection(input, view),
      flowsSection(input, view),
      supplySection(input, view),
      spendSection(input, view),
      coverageSection(input),
      methodsSection(input),
    ],
  };
}
