/**
 * Everything the reports of one run share, computed once: aggregates to regions, England
 * and any footprints; reconciled forecasts LA -> footprint -> England of the total and of
 * each placement group; the LA panel backtest. `scopeInput` then cuts one report's input
 * out of it, so `--scope all-las` costs one forecast run, not 153.
 *
 * Stages of `prepareReportContext`:
 *  1. pick the report year (unless given: the latest year at least half the LAs have a
 *     figure for, so early returns for the current year do not shrink England to a few LAs);
 *  2. aggregate to regions, England and the footprints (disclosure control when publishing);
 *  3. forecast children looked after at 31 March (total and by placement group), reconciled;
 *  4. backtest the LA model (rolling origin, horizons 1..H) against the no-change forecast.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { ForecastTable, Series } from "../spec/forecast.ts";
import type { ReportScope } from "../spec/report.ts";
import { SuffError } from "../spec/errors.ts";
import { PLACEMENT_TYPE, TOTAL } from "../reference/code-lists.ts";
import { findLa, lasInYear, statisticalNeighbours, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { aggregateDataset } from "../aggregate/aggregate-dataset.ts";
import { membersInYear } from "../aggregate/members-in-year.ts";
import type { AggregateResult } from "../aggregate/types.ts";
import { forecastDataset, type ForecastDatasetRow } from "../forecast/forecast-dataset.ts";
import { panelBacktest } from "../forecast/panel-backtest.ts";
import { crossValidate } from "../forecast/cross-validate.ts";
import { accuracy } from "../forecast/accuracy.ts";
import { pooledRate } from "../forecast/models/pooled-rate.ts";
import { naive } from "../forecast/models/naive.ts";
import { theta } from "../forecast/models/theta.ts";
import type { OfstedProvider } from "../ingest/from-published/read-ofsted-providers.ts";
import { MEASURES } from "../template/measures.ts";
import type { BacktestSummary, Comparator, CoverageRow, ForecastPoint, ReportInput, ReturnsCoverage, ScopeForecast, SupplyProvider } from "./report-input.ts";

export interface ReportContextOptions {
  year?: number;
  horizon: number;
  footprints?: FootprintSet;
  /** Apply disclosure control to aggregates (k = 5). Default true. */
  publish?: boolean;
}

export interface ReportContext {
  rows: DatasetRow[];
  year: number;
  horizon: number;
  regions: AggregateResult;
  england: AggregateResult;
  footprints: AggregateResult | null;
  footprintSet: FootprintSet | null;
  totalForecast: ForecastDatasetRow[];
  placementForecast: ForecastDatasetRow[];
  forecastNotes: string[];
  laBacktest: { model: ForecastTable; naive: ForecastTable; series: Series[] };
  providers: OfstedProvider[];
  providersYear: number | null;
  laRows: Map<string, DatasetRow[]>;
  /** Per LA (old code): its rows of return measures (RETURN_MEASURES) that hold a value. */
  returnRows: Map<string, DatasetRow[]>;
}

/**
 * The measures only an LA's own return holds: the template's Supply, Cost, Unmet need and
 * Providers sections, less what published data give (Ofsted registrations, MHCLG spend).
 */
export const RETURN_MEASURES: readonly string[] = MEASURES
  .filter((m) => ["supply", "cost", "unmet_need", "providers"].includes(m.section) && m.sources.includes("la_records") && !m.sources.includes("mhclg_ro3"))
  .map((m) => m.id);
const RETURN_SET = new Set(RETURN_MEASURES);

/** Small-count threshold of the reports' disclosure control. */
const K = 5;

const TOTALS = { placement_type: TOTAL, age_band: TOTAL };
const LEVELS = [80, 95];

/**
 * The default report year: the latest year in which at least half of the LAs reporting
 * that year have a children-looked-after total (so a few early returns for the current
 * collection year do not turn the national report into a report on those LAs); when no
 * year is that complete (a dataset of a few LAs' own data), the latest year with any figure.
 */
function latestYear(rows: DatasetRow[]): number {
  const byYear = new Map<number, Set<string>>();
  for (const r of rows) {
    if (r.measure !== "cla_31_march" || r.geographic_level !== "Local authority" || r.value === null || r.dims.placement_type !== TOTAL || r.dims.age_band !== TOTAL) continue;
    const y = Number(r.time_period);
    let set = byYear.get(y);
    if (!set) byYear.set(y, (set = new Set()));
    set.add(r.old_la_code);
  }
  if (byYear.size === 0) {
    for (const r of rows) if (r.measure === "cla_31_march" && r.geographic_level === "Local authority" && r.value !== null) byYear.set(Number(r.time_period), new Set());
  }
  if (byYear.size === 0) throw new SuffError("E_REPORT_NO_DATA", "The dataset has no LA figures for children looked after at 31 March (measure cla_31_march).", { hint: "Ingest the published data first: suff ingest data/published --out DIR" });
  const years = [...byYear.keys()].sort((a, b) => b - a);
  return years.find((y) => byYear.get(y)!.size * 2 >= lasInYear(y).length) ?? years[0];
}

/** LA total series (children looked after at 31 March) for the panel backtest, keyed by old code. */
function laTotalSeries(laRows: Map<string, DatasetRow[]>, year: number): Series[] {
  const out: Series[] = [];
  for (const [oldCode, rows] of laRows) {
    const points = rows.filter((r) => r.measure === "cla_31_march" && r.dims.placement_type === TOTAL && r.dims.age_band === TOTAL && Number(r.time_period) <= year)
      .sort((a, b) => Number(a.time_period) - Number(b.time_period));
    if (points.length < 4) continue;
    const first = Number(points[0].time_period);
    const periods: string[] = [];
    const values: number[] = [];
    for (let y = first; y <= year; y++) {
      periods.push(String(y));
      const p = points.find((r) => Number(r.time_period) === y);
      values.push(p?.value ?? Number.NaN);
    }
    out.push({ id: oldCode, periods, values: Float64Array.from(values), frequency: 1 });
  }
  return out;
}

/**
 * Compute the shared context.
 * @throws SuffError E_REPORT_NO_DATA when the dataset has no LA children-looked-after figures.
 */
export function prepareReportContext(rows: DatasetRow[], providers: { providers: OfstedProvider[]; year: number } | null, options: ReportContextOptions): ReportContext {
  // 1. The report year.
  const year = options.year ?? latestYear(rows);
  const laRows = new Map<string, DatasetRow[]>();
  const returnRows = new Map<string, DatasetRow[]>();
  for (const r of rows) {
    if (r.geographic_level !== "Local authority" || !r.old_la_code) continue;
    const list = laRows.get(r.old_la_code) ?? [];
    list.push(r);
    laRows.set(r.old_la_code, list);
    if (RETURN_SET.has(r.measure) && r.value !== null) {
      const own = returnRows.get(r.old_la_code) ?? [];
      own.push(r);
      returnRows.set(r.old_la_code, own);
    }
  }
  const upTo = rows.filter((r) => Number(r.time_period) <= year);
  // 2. Aggregates.
  const publish = options.publish === false ? undefined : { k: K };
  const regions = aggregateDataset(upTo, { to: "region", publish });
  const england = aggregateDataset(upTo, { to: "england", publish });
  const footprints = options.footprints ? aggregateDataset(upTo, { to: options.footprints, publish }) : null;
  // 3. Forecasts, reconciled LA -> footprint -> England.
  const forecastRows = upTo.filter((r) => r.measure === "cla_31_march" || r.measure === "population_0_17");
  const notes: string[] = [];
  let totalRows: ForecastDatasetRow[] = [];
  try {
    const total = forecastDataset(forecastRows, { measure: "cla_31_march", horizon: options.horizon, levels: LEVELS, footprints: options.footprints, reconcile: "mint-shrink" });
    totalRows = total.rows;
    notes.push(...total.notes);
  } catch (error) {
    notes.push(`Forecasts of the total could not be made: ${error instanceof Error ? error.message : String(error)}`);
  }
  let placement: ForecastDatasetRow[] = [];
  try {
    const byPlacement = forecastDataset(forecastRows.filter((r) => r.measure !== "cla_31_march" || (r.dims.age_band === TOTAL && r.dims.placement_type !== TOTAL && PLACEMENT_TYPE.roots.some((g) => g.code === r.dims.placement_type))),
      { measure: "cla_31_march", by: ["placement_type"], horizon: options.horizon, levels: LEVELS, footprints: options.footprints, reconcile: "mint-shrink" });
    placement = byPlacement.rows;
    notes.push(...byPlacement.notes);
  } catch (error) {
    notes.push(`Placement-group forecasts could not be made: ${error instanceof Error ? error.message : String(error)}`);
  }
  // 4. LA panel backtest: the pooled model against the no-change forecast, at origins
  // with at least four years of history behind them and an actual after them.
  const series = laTotalSeries(laRows, year);
  const firstYear = Math.min(...series.map((s) => Number(s.periods[0])));
  const origins: string[] = [];
  for (let y = Math.max(year - options.horizon - 5, firstYear + 3); y <= year - 1; y++) origins.push(String(y));
  let backtest: { rows: ForecastTable } = { rows: [] };
  if (series.length > 0 && origins.length > 0) {
    try {
      backtest = panelBacktest(series, [pooledRate(), naive], { origins, horizon: options.horizon, levels: LEVELS });
    } catch (error) {
      notes.push(`The LA backtest could not be run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const byModel = (name: string) => backtest.rows.filter((r) => (name === "naive" ? r.model === "naive" : r.model !== "naive"));
  return {
    rows,
    year,
    horizon: options.horizon,
    regions,
    england,
    footprints,
    footprintSet: options.footprints ?? null,
    totalForecast: totalRows,
    placementForecast: placement,
    forecastNotes: [...new Set(notes)],
    laBacktest: { model: byModel("model"), naive: byModel("naive"), series },
    providers: providers?.providers ?? [],
    providersYear: providers?.year ?? null,
    laRows,
    returnRows,
  };
}

/**
 * Parse `england`, `region:CODE`, `footprint:CODE` or `la:CODE` (old or new LA code).
 * @throws SuffError E_SCOPE (exit 2) for an unknown scope.
 * @example resolveScope("la:805", ctx).name // "Hartlepool"
 */
export function resolveScope(text: string, ctx: ReportContext): ReportScope {
  const [kind, code = ""] = text.split(":");
  if (kind === "england") return { kind: "england", code: ENGLAND.code, name: ENGLAND.name };
  if (kind === "region") {
    const region = REGIONS.find((r) => r.code.toLowerCase() === code.toLowerCase() || r.name.toLowerCase() === code.toLowerCase());
    if (!region) throw new SuffError("E_SCOPE", `Unknown region ${code}.`, { hint: `Use one of ${REGIONS.map((r) => r.code).join(", ")}.` });
    return { kind: "region", code: region.code, name: region.name };
  }
  if (kind === "footprint") {
    const fp = ctx.footprintSet?.footprints.find((f) => f.code === code);
    if (!fp) throw new SuffError("E_SCOPE", `Unknown footprint ${code}.`, { hint: ctx.footprintSet ? `Footprints in ${ctx.footprintSet.source}: ${ctx.footprintSet.footprints.map((f) => f.code).join(", ")}.` : "Pass --footprints FILE." });
    return { kind: "footprint", code: fp.code, name: fp.name };
  }
  if (kind === "la") {
    const la = findLa(code, ctx.year);
    if (!la) throw new SuffError("E_SCOPE", `Unknown LA ${code}, or it did not exist in ${ctx.year}.`, { hint: "Use the old 3-digit DfE code or the ONS code, e.g. la:805 or la:E06000001." });
    return { kind: "la", code: la.oldCode, name: la.name };
  }
  throw new SuffError("E_SCOPE", `Unknown scope ${text}.`, { hint: "Use england, region:CODE, footprint:CODE, la:CODE, all-las or all-regions." });
}

function points(rows: ForecastDatasetRow[]): ForecastPoint[] {
  return rows.sort((a, b) => Number(a.time_period) - Number(b.time_period)).map((r) => ({
    year: Number(r.time_period),
    mean: r.mean,
    lo80: r.lower[80] ?? null,
    hi80: r.upper[80] ?? null,
    lo95: r.lower[95] ?? null,
    hi95: r.upper[95] ?? null,
  }));
}

/**
 * Scale the placement-group forecasts, year by year, so that they add up to the forecast
 * of the total (proportional, top-down reconciliation between the two forecasts: the
 * group series start in 2021, the total in 2011, so their own totals differ slightly).
 * Means and interval bounds are scaled by the same factor.
 */
function scaleToTotal(byPlacement: Record<string, ForecastPoint[]>, total: ForecastPoint[]): void {
  for (const t of total) {
    const groups = Object.values(byPlacement).map((pts) => pts.find((p) => p.year === t.year)).filter((p): p is ForecastPoint => p !== undefined);
    const sum = groups.reduce((a, p) => a + p.mean, 0);
    if (!(sum > 0)) continue;
    const factor = t.mean / sum;
    for (const p of groups) {
      p.mean *= factor;
      for (const key of ["lo80", "hi80", "lo95", "hi95"] as const) if (p[key] !== null) p[key] = p[key]! * factor;
    }
  }
}

function summarise(modelTable: ForecastTable, naiveTable: ForecastTable, series: Series[], horizon: number): BacktestSummary[] {
  const model = accuracy(modelTable, { series, levels: LEVELS }).filter((a) => a.scope === "horizon");
  const base = accuracy(naiveTable, { series, levels: LEVELS }).filter((a) => a.scope === "horizon");
  const out: BacktestSummary[] = [];
  for (let h = 1; h <= horizon; h++) {
    const m = model.find((a) => a.step === h);
    const n = base.find((a) => a.step === h);
    if (!m || m.n === 0) continue;
    out.push({ horizon: h, origins: m.n, mase: m.mase, smape: m.smape, coverage80: m.intervals[80]?.coverage ?? Number.NaN, coverage95: m.intervals[95]?.coverage ?? Number.NaN, naiveMase: n?.mase ?? Number.NaN });
  }
  return out;
}

function scopeMatch(scope: ReportScope) {
  return (r: { geographic_level: string; footprint_code?: string; old_la_code: string }) =>
    scope.kind === "england" ? r.geographic_level === "National"
      : scope.kind === "la" ? r.geographic_level === "Local authority" && r.old_la_code === scope.code
        : r.geographic_level !== "Local authority" && r.geographic_level !== "National" && r.footprint_code === scope.code;
}

function cellKey(r: DatasetRow): string {
  return `${r.measure}|${r.time_period}|${Object.entries(r.dims).filter(([, v]) => v).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(",")}`;
}

/**
 * The scope's aggregate rows. For a region or England, where the sum over member LAs is
 * only a lower bound (some members suppressed) or missing, the figure DfE published for
 * the region or England is used instead: it is exact, and already disclosure-controlled.
 */
function aggregateRowsFor(ctx: ReportContext, scope: ReportScope): DatasetRow[] {
  const source = scope.kind === "england" ? ctx.england : scope.kind === "region" ? ctx.regions : ctx.footprints;
  const rows: DatasetRow[] = (source?.rows ?? []).filter((r) => r.footprint_code === scope.code);
  if (scope.kind === "footprint") return rows;
  const published = new Map<string, DatasetRow>();
  for (const r of ctx.rows) {
    if (r.value === null) continue;
    if (scope.kind === "england" ? r.geographic_level === "National" : r.geographic_level === "Regional" && r.region_code === scope.code) published.set(cellKey(r), r);
  }
  return rows.map((r) => {
    if (r.value_status === "ok") return r;
    const p = published.get(cellKey(r));
    return p ? { ...r, value: p.value, value_status: "ok" as const } : r;
  });
}

/**
 * An LA's own rows with disclosure control applied (counts 1 to 4 suppressed, with
 * secondary suppression within each table), so a report never publishes a small count
 * even when the data came from an unpublished source such as the LA's SSDA903 extract.
 * DfE's published LA figures are already controlled; this changes nothing there.
 */
function laRowsForPublication(ctx: ReportContext, scope: ReportScope): DatasetRow[] {
  const la = findLa(scope.code)!;
  const own = ctx.laRows.get(scope.code) ?? [];
  const set: FootprintSet = { source: "report", footprints: [{ code: la.oldCode, name: la.name, members: [la.newCode] }] };
  return aggregateDataset(own, { to: set, publish: { k: K, crossGeography: false } }).rows;
}

function dimsKey(dims: DatasetRow["dims"]): string {
  return Object.entries(dims).filter(([, v]) => v).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(",");
}

/**
 * Who in the scope supplied each return measure, by year (up to the report year), and for
 * an LA its median weekly costs under the same small-count rule as the means (a median
 * over fewer than K placements, or over a suppressed count, is suppressed). Null when no
 * member has a return figure.
 */
function returnsCoverage(ctx: ReportContext, scope: ReportScope, scopeRows: readonly DatasetRow[]): ReturnsCoverage | null {
  const membersByYear = new Map<number, LocalAuthority[]>();
  const membersIn = (year: number) => {
    let list = membersByYear.get(year);
    if (!list) membersByYear.set(year, (list = membersOf(ctx, scope, year)));
    return list;
  };
  const suppliedBy: Record<string, Record<number, string[]>> = {};
  const candidates = scope.kind === "la" ? [scope.code] : [...ctx.returnRows.keys()];
  for (const code of candidates) {
    for (const r of ctx.returnRows.get(code) ?? []) {
      const year = Number(r.time_period);
      if (!(year <= ctx.year)) continue;
      const la = membersIn(year).find((m) => m.oldCode === code);
      if (!la) continue;
      const byYear = (suppliedBy[r.measure] ??= {});
      const names = (byYear[year] ??= []);
      if (!names.includes(la.name)) names.push(la.name);
    }
  }
  if (Object.keys(suppliedBy).length === 0) return null;
  const members: Record<number, string[]> = {};
  for (const byYear of Object.values(suppliedBy)) {
    for (const year of Object.keys(byYear).map(Number)) {
      members[year] ??= membersIn(year).map((la) => la.name);
      byYear[year].sort((a, b) => a.localeCompare(b));
    }
  }
  const medians: DatasetRow[] = [];
  if (scope.kind === "la") {
    const weights = new Map(scopeRows.filter((r) => r.measure === "placements_costed").map((r) => [`${r.time_period}|${dimsKey(r.dims)}`, r]));
    for (const r of ctx.returnRows.get(scope.code) ?? []) {
      if (r.measure !== "weekly_cost_median" || !(Number(r.time_period) <= ctx.year)) continue;
      const w = weights.get(`${r.time_period}|${dimsKey(r.dims)}`);
      const shown = w !== undefined && w.value !== null && (w.value === 0 || w.value >= K);
      medians.push(shown ? { ...r } : { ...r, value: null, value_status: "suppressed" });
    }
  }
  return { members, suppliedBy, medians };
}

function membersOf(ctx: ReportContext, scope: ReportScope, year: number): LocalAuthority[] {
  if (scope.kind === "la") return [findLa(scope.code)!];
  if (scope.kind === "england") return lasInYear(year);
  if (scope.kind === "region") return lasInYear(year).filter((la) => la.regionCode === scope.code);
  const fp = ctx.footprintSet!.footprints.find((f) => f.code === scope.code)!;
  return membersInYear(fp, year).members;
}

/** Coverage of the headline measure by year: which members have a figure, which are suppressed or missing. */
function coverage(ctx: ReportContext, scope: ReportScope): CoverageRow[] {
  const out: CoverageRow[] = [];
  for (let year = ctx.year - 4; year <= ctx.year; year++) {
    const members = membersOf(ctx, scope, year);
    const row: CoverageRow = { year, measure: "cla_31_march", expected: members.length, present: 0, missing: [], suppressed: [] };
    for (const la of members) {
      const r = (ctx.laRows.get(la.oldCode) ?? []).find((x) => x.measure === "cla_31_march" && x.dims.placement_type === TOTAL && x.dims.age_band === TOTAL && Number(x.time_period) === year);
      if (r?.value !== null && r !== undefined) row.present++;
      else if (r && (r.value_status === "suppressed" || r.value_status === "rounds_to_zero")) row.suppressed.push(la.name);
      else row.missing.push(la.name);
    }
    out.push(row);
  }
  return out;
}

function supply(ctx: ReportContext, scope: ReportScope): SupplyProvider[] {
  const members = new Set(membersOf(ctx, scope, ctx.providersYear ?? ctx.year).map((la) => la.oldCode));
  return ctx.providers
    .filter((p) => scope.kind === "england" || members.has(p.laOldCode))
    .map((p) => ({ urn: p.urn, provisionType: p.provisionType, sector: p.sector, places: p.places, owner: p.owningOrganisation }));
}

function scopeSeries(rows: DatasetRow[], id: string, year: number): Series | null {
  const pts = rows.filter((r) => r.measure === "cla_31_march" && r.dims.placement_type === TOTAL && r.dims.age_band === TOTAL && r.value !== null && Number(r.time_period) <= year)
    .sort((a, b) => Number(a.time_period) - Number(b.time_period));
  if (pts.length < 6) return null;
  const first = Number(pts[0].time_period);
  const values: number[] = [];
  const periods: string[] = [];
  for (let y = first; y <= year; y++) { periods.push(String(y)); values.push(pts.find((p) => Number(p.time_period) === y)?.value ?? Number.NaN); }
  return { id, periods, values: Float64Array.from(values), frequency: 1 };
}

/**
 * Cut one report's input out of the shared context.
 * @throws SuffError E_SCOPE when the scope has no rows.
 */
export function scopeInput(ctx: ReportContext, scope: ReportScope, generated: string): ReportInput {
  const match = scopeMatch(scope);
  const rows: DatasetRow[] = scope.kind === "la" ? laRowsForPublication(ctx, scope) : aggregateRowsFor(ctx, scope);
  if (!rows.length) throw new SuffError("E_SCOPE", `No data for ${scope.name} (${scope.code}).`);
  // Comparators use the same best-available figures as the scope itself (DfE's published
  // region/England figure where the sum over LAs is only a lower bound).
  const englandRows = aggregateRowsFor(ctx, { kind: "england", code: ENGLAND.code, name: ENGLAND.name });
  const regionRows = (code: string, name: string) => aggregateRowsFor(ctx, { kind: "region", code, name });
  const comparators: Comparator[] = [];
  if (scope.kind !== "england") comparators.push({ name: "England", kind: "england", rows: englandRows });
  if (scope.kind === "la") {
    const la = findLa(scope.code)!;
    comparators.push({ name: la.regionName, kind: "region", rows: regionRows(la.regionCode, la.regionName) });
    for (const n of statisticalNeighbours(la)) if (ctx.laRows.has(n.oldCode)) comparators.push({ name: n.name, kind: "neighbour", rows: ctx.laRows.get(n.oldCode)! });
  } else {
    for (const region of REGIONS) if (region.code !== scope.code) comparators.push({ name: region.name, kind: "region", rows: regionRows(region.code, region.name) });
  }
  // Forecast: reconciled rows for this geography; backtest of the model behind it.
  const total = ctx.totalForecast.filter((r) => match(r) && (r.dims.placement_type === undefined || r.dims.placement_type === TOTAL || r.dims.placement_type === ""));
  const byPlacement: Record<string, ForecastPoint[]> = {};
  for (const g of PLACEMENT_TYPE.roots) {
    const pts = ctx.placementForecast.filter((r) => match(r) && r.dims.placement_type === g.code);
    if (pts.length) byPlacement[g.code] = points(pts);
  }
  scaleToTotal(byPlacement, points([...total]));
  let backtest: BacktestSummary[] = [];
  let intervals = "Intervals are calibrated from pooled rolling-origin forecast errors of all LAs.";
  if (scope.kind === "la") {
    const series = ctx.laBacktest.series.filter((s) => s.id === scope.code);
    backtest = summarise(ctx.laBacktest.model.filter((r) => r.series_id === scope.code), ctx.laBacktest.naive.filter((r) => r.series_id === scope.code), series, ctx.horizon);
  } else {
    const s = scopeSeries(rows, scope.code, ctx.year);
    if (s) {
      const cv = { horizon: ctx.horizon, levels: LEVELS, origins: 6 };
      backtest = summarise(crossValidate([s], theta, cv), crossValidate([s], naive, cv), [s], ctx.horizon);
      intervals = "Intervals come from reconciling the member LAs' calibrated forecasts; the backtest below refits a Theta model to this area's own series at each origin.";
    }
  }
  const forecast: ScopeForecast | null = total.length
    ? { model: total[0].model.replace(/\+mint-shrink$/, ""), intervals, total: points(total), backtest, byPlacement, reconciliation: "MinT with shrinkage across LAs, regions and England, then scaled in proportion so the groups add up to the forecast total above" }
    : null;
  const members = scope.kind === "la" ? [scope.name] : membersOf(ctx, scope, ctx.year).map((la) => la.name);
  return {
    scope,
    year: ctx.year,
    horizon: ctx.horizon,
    rows,
    comparators,
    providers: supply(ctx, scope),
    providersYear: ctx.providersYear,
    forecast,
    coverage: coverage(ctx, scope),
    members,
    generated,
    forecastNotes: ctx.forecastNotes,
    returns: returnsCoverage(ctx, scope, rows),
  };
}

export { TOTALS as HEADLINE_DIMS };
