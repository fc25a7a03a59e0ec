/**
 * Everything the reports of one run share, computed once: aggregates to regions, England
 * and any footprints; the forecasts of children looked after at 31 March from the default
 * dataset plan (LA -> region -> England reconciled, footprints summed, placement groups and age
 * bands split by share) and that same plan's evaluation. `scopeInput` then cuts one report's
 * input out of it, so `--scope all-las` costs one forecast run, not 153.
 *
 * Stages of `prepareReportContext`:
 *  1. pick the report year (unless given: the latest year at least half the LAs have a
 *     figure for, so early returns for the current year do not shrink England to a few LAs);
 *  2. aggregate to regions, England and the footprints (disclosure control when publishing);
 *  3. run the default dataset plan by placement group and by age band (their totals are the
 *     same forecast: England does not depend on the breakdown or the footprints);
 *  4. evaluate the same plans at the last six origins on the data up to each, so every
 *     backtest figure and claim in the reports is of the forecast shown.
 *  5. keep the dataset's Ofsted register rows of the latest snapshot for the supply section.
 *  6. prepare the market analysis (supply model and its backtest, use rates, owner ranks),
 *     run per scope by scopeInput with the scope's own placement forecasts as demand.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { ForecastTable, ModelFailure } from "../spec/forecast.ts";
import type { ReportScope } from "../spec/report.ts";
import { SuffError } from "../spec/errors.ts";
import { AGE_BAND, PLACEMENT_TYPE, TOTAL } from "../reference/code-lists.ts";
import { findLa, lasInYear, statisticalNeighbours, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { aggregateDataset } from "../aggregate/aggregate-dataset.ts";
import { membersInYear } from "../aggregate/members-in-year.ts";
import { ownerTotalsOnly } from "../aggregate/owner-totals-only.ts";
import type { AggregateResult, AggregateRow } from "../aggregate/types.ts";
import { laTables } from "../aggregate/la-tables.ts";
import { comparePublished } from "../aggregate/compare-published.ts";
import { protectLinked, type PublishedFigure, type LaFigure } from "../aggregate/disclosure/protect-linked.ts";
import { publishedFigures, type LedgerEntry } from "../aggregate/disclosure/publication-ledger.ts";
import { defaultPlan } from "../forecast/default-plan.ts";
import type { DatasetPlan } from "../forecast/dataset-plan.ts";
import { run } from "../forecast/run.ts";
import { evaluate, type PlanEvaluation } from "../forecast/evaluate.ts";
import { MEASURES } from "../template/measures.ts";
import type { Comparator, CoverageRow, EvaluationFigures, ForecastEvaluation, ForecastPoint, ReportInput, ReportMarket, ReturnsCoverage, ScopeForecast, StockFlowReport, ScopeSupply } from "./report-input.ts";
import type { EpisodeTable } from "../spec/ssda903.ts";
import { stockFlowReport } from "./stock-flow-report.ts";
import { backtestByHorizon, evaluationFigures } from "./forecast-evaluation.ts";
import { sourceClass } from "../ingest/ingest-files.ts";
import { supplyPanel } from "../market/supply-panel.ts";
import type { MarketScope } from "../market/market-scope.ts";
import { MarketContext } from "../market/market-analysis.ts";
import { forecastQuantiles, quantileThrough, type DemandCell } from "../market/demand-forecast.ts";
import { areaOfReport } from "../market/market-area.ts";
import type { MarketScenario } from "../market/market-scenario.ts";

export interface ReportContextOptions {
  year?: number;
  horizon: number;
  footprints?: FootprintSet;
  /** Apply disclosure control to aggregates (k = 5). Default true. */
  publish?: boolean;
  /** An SSDA903 episode table: LA reports of its LAs show the stock-flow projection and its backtest. */
  ssda903?: EpisodeTable;
  /** Market scenarios shown beside the base (supply, gap, carers, costs). */
  scenarios?: MarketScenario[];
  /** Simulated draws of the market analysis (default 1000). */
  marketSamples?: number;
  /** Figures published before (the publication ledger), protected against. */
  ledger?: readonly PublishedFigure[];
  /** The dataset's LA figures of the systems the ledger touches (laFiguresFor). */
  laFigures?: ReadonlyMap<string, ReadonlyMap<string, LaFigure>>;
  /** Chance of enough places the gap's "places to add" aims for (default 0.8). */
  assurance?: number;
}

/** A plan, its forecast and its evaluation. */
export interface ContextForecast {
  plan: DatasetPlan;
  rows: ForecastTable;
  evaluation: PlanEvaluation | null;
  failures: ModelFailure[];
}

export interface ReportContext {
  rows: DatasetRow[];
  year: number;
  horizon: number;
  regions: AggregateResult;
  england: AggregateResult;
  footprints: AggregateResult | null;
  /** Every LA's own tables, protected with the regions, England and footprints as one publication. */
  las: AggregateResult;
  footprintSet: FootprintSet | null;
  /** The default dataset plan of children looked after at 31 March, by placement group and by age band (each adds up to the total), its forecast and its evaluation. */
  forecast: ContextForecast | null;
  forecastNotes: string[];
  /** The dataset's Ofsted register rows (LA level, the latest snapshot at or before the report year), for the supply section. */
  supplyRows: DatasetRow[];
  supplyYear: number | null;
  laRows: Map<string, DatasetRow[]>;
  /** Per LA (old code): its rows of return measures (RETURN_MEASURES) that hold a value. */
  returnRows: Map<string, DatasetRow[]>;
  ssda903: EpisodeTable | null;
  /** Stock-flow reports by LA (old code), computed when a report first asks. */
  stockFlow: Map<string, StockFlowReport | null>;
  /** The market analysis shared by every report of the run; null when the dataset has no Ofsted register. */
  market: MarketContext | null;
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

/**
 * Compute the shared context.
 * @throws SuffError E_REPORT_NO_DATA when the dataset has no LA children-looked-after figures.
 */
export function prepareReportContext(rows: DatasetRow[], options: ReportContextOptions): ReportContext {
  // 1. The report year.
  const year = options.year ?? latestYear(rows);
  const laRows = new Map<string, DatasetRow[]>();
  const returnRows = new Map<string, DatasetRow[]>();
  for (const r of rows) {
    if (r.geographic_level !== "Local authority" || !r.old_la_code) continue;
    const list = laRows.get(r.old_la_code) ?? [];
    list.push(r);
    laRows.set(r.old_la_code, list);
    // Published figures of the same measures (Ofsted and LAIT foster places) are not returns.
    if (RETURN_SET.has(r.measure) && r.value !== null && !(r.source && sourceClass(r.source) === "published")) {
      const own = returnRows.get(r.old_la_code) ?? [];
      own.push(r);
      returnRows.set(r.old_la_code, own);
    }
  }
  // Owner-level register rows are read by the supply section through supplyPanel, not aggregated.
  const upTo = ownerTotalsOnly(rows).filter((r) => Number(r.time_period) <= year);
  // 2. Aggregates.
  // Every table the reports can show (LA tables, regions, England, footprints) is protected as
  // one linked publication, against the ledger of what was published before; comparisons
  // with published figures are made from the protected rows.
  const regions = aggregateDataset(upTo, { to: "region" });
  const england = aggregateDataset(upTo, { to: "england" });
  const footprints = options.footprints ? aggregateDataset(upTo, { to: options.footprints }) : null;
  const laTable = laTables(rows.filter((r) => !r.dims.owning_group && !r.dims.provider_id));
  const las: AggregateResult = { rows: laTable.rows, diagnostics: [], notes: [], comparison: [] };
  Object.defineProperty(las, "contributions", { value: laTable.contributions, enumerable: false });
  if (options.publish !== false) {
    const all = [regions, england, ...(footprints ? [footprints] : []), las];
    const control = protectLinked(all.map((r) => ({ rows: r.rows, contributions: r.contributions! })), { k: K, ledger: options.ledger, laFigures: options.laFigures });
    for (const r of all) {
      r.disclosure = control.summary;
      r.notes.push(...control.notes);
    }
    regions.diagnostics.push(...control.diagnostics);
    regions.comparison = comparePublished(regions.rows, upTo, "Regional");
    england.comparison = comparePublished(england.rows, upTo, "National");
  }
  // 3-4. Forecasts with the default dataset plan, and that plan's evaluation at the last six origins.
  const forecastRows = upTo.filter((r) => r.measure === "cla_31_march" || r.measure === "population_0_17");
  const notes: string[] = [];
  const origins = [...new Set(forecastRows.filter((r) => r.measure === "cla_31_march" && r.geographic_level === "Local authority").map((r) => r.time_period))].sort().slice(-7, -1);
  let forecast: ContextForecast | null = null;
  try {
    const parts = (by: "placement_type" | "age_band", roots: readonly { code: string }[]) => forecastRows.some((r) => r.measure === "cla_31_march" && r.geographic_level === "Local authority" && roots.some((g) => g.code === r.dims[by]));
    const breakdowns = [...(parts("placement_type", PLACEMENT_TYPE.roots) ? [["placement_type" as const]] : []), ...(parts("age_band", AGE_BAND.roots) ? [["age_band" as const]] : [])];
    // Only the DfE groups (the roots of the code lists) are forecast: finer codes, where present, add up to them.
    const rowsFor = forecastRows.filter((r) => r.measure !== "cla_31_march" || ((r.dims.placement_type ?? TOTAL) === TOTAL || PLACEMENT_TYPE.roots.some((g) => g.code === r.dims.placement_type)) && ((r.dims.age_band ?? TOTAL) === TOTAL || AGE_BAND.roots.some((g) => g.code === r.dims.age_band)));
    const plan = defaultPlan({ rows: rowsFor, measure: "cla_31_march", breakdowns, footprints: options.footprints }) as DatasetPlan;
    const result = run(plan, { horizon: options.horizon });
    notes.push(...(plan.panel.notes ?? []), ...result.notes);
    if (result.failures.length) notes.push(`${result.failures.length} series could not be forecast by ${result.model} and used a fallback (${[...new Set(result.failures.map((f) => f.reason))].slice(0, 3).join("; ")}).`);
    let evaluation: PlanEvaluation | null = null;
    if (origins.length) {
      try {
        evaluation = evaluate(plan, { origins, horizon: options.horizon });
      } catch (error) {
        notes.push(`The forecasts could not be backtested: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    forecast = { plan, rows: result.rows, evaluation, failures: result.failures };
  } catch (error) {
    notes.push(`Forecasts could not be made: ${error instanceof Error ? error.message : String(error)}`);
  }
  // 5. The market analysis (supply, gap, risk, carers, costs), shared by every report.
  let market: MarketContext | null = null;
  try {
    market = new MarketContext(rows.filter((r) => Number(r.time_period) <= year), { demand: null, horizon: options.horizon, samples: options.marketSamples, assurance: options.assurance, scenarios: options.scenarios });
    notes.push(...market.notes);
  } catch (error) {
    notes.push(`Supply, the gap and market risk are not shown: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    rows,
    year,
    horizon: options.horizon,
    regions,
    england,
    footprints,
    las,
    footprintSet: options.footprints ?? null,
    forecast,
    forecastNotes: [...new Set(notes)],
    ...latestSupply(rows, year),
    laRows,
    returnRows,
    ssda903: options.ssda903 ?? null,
    stockFlow: new Map(),
    market,
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

function points(rows: ForecastTable): ForecastPoint[] {
  return [...rows].sort((a, b) => Number(a.period) - Number(b.period)).map((r) => ({
    year: Number(r.period),
    mean: r.mean,
    lo80: r.lower[80] ?? null,
    hi80: r.upper[80] ?? null,
    lo95: r.lower[95] ?? null,
    hi95: r.upper[95] ?? null,
  }));
}

/** The plan's series id of a scope: the England code, a region or footprint code, an LA's ONS code. */
function scopeSeriesId(scope: ReportScope): string {
  return scope.kind === "la" ? findLa(scope.code)!.newCode : scope.code;
}

/** What the claims about a scope's forecast rest on, from `evaluate` of the plan shown. */
function scopeEvaluation(ctx: ReportContext, scope: ReportScope, id: string): ForecastEvaluation | null {
  const evaluation = ctx.forecast?.evaluation;
  if (!evaluation) return null;
  const layerGroups = scope.kind === "la" ? ["Local authority"] : scope.kind === "footprint" ? ["Footprint"] : ["Regional", "National"];
  const inLayer = (seriesId: string) => layerGroups.includes(evaluation.groups[seriesId] ?? "");
  // The layer's pooled figures are the same for every scope of the layer (153 LA reports): computed once per context.
  let layers = layerFiguresCache.get(ctx);
  if (!layers) layerFiguresCache.set(ctx, (layers = new Map()));
  const layerKey = layerGroups.join("|");
  let layer = layers.get(layerKey);
  if (!layer) {
    const layerSeries = new Set(evaluation.rows.map((r) => r.series_id).filter(inLayer)).size;
    const partsOf = (roots: readonly { code: string }[]) => {
      const inParts = (s: string) => { const [group, key] = (evaluation.groups[s] ?? "").split("|"); return key !== undefined && layerGroups.includes(group!) && roots.some((g) => g.code === key); };
      return evaluation.rows.some((r) => inParts(r.series_id)) ? evaluationFigures(evaluation, inParts) : null;
    };
    layer = { layerSeries, layer: evaluationFigures(evaluation, inLayer), placement: partsOf(PLACEMENT_TYPE.roots), age: partsOf(AGE_BAND.roots) };
    layers.set(layerKey, layer);
  }
  const n = layer.layerSeries;
  const layerName = scope.kind === "la" ? `all ${n} local authorities` : scope.kind === "footprint" ? `all ${n} footprints of the footprint file` : `the ${n - 1} regions and England`;
  return {
    origins: evaluation.origins,
    own: evaluationFigures(evaluation, (s) => s === id),
    layer: layer.layer,
    layerName,
    placement: layer.placement,
    age: layer.age,
  };
}

type LayerFigures = { layerSeries: number; layer: EvaluationFigures | null; placement: EvaluationFigures | null; age: EvaluationFigures | null };
const layerFiguresCache = new WeakMap<ReportContext, Map<string, LayerFigures>>();

/** The scope's forecast: total and breakdowns from the plan's rows, claims from its evaluation. */
function scopeForecast(ctx: ReportContext, scope: ReportScope, scopeRows: readonly DatasetRow[]): ScopeForecast | null {
  const forecast = ctx.forecast;
  if (!forecast) return null;
  const id = scopeSeriesId(scope);
  const total = forecast.rows.filter((r) => r.series_id === id);
  if (!total.length) return null;
  // Forecasts under the same rule as the tables: a group's forecast is its latest figure
  // scaled (the no-change shares), so the forecast of a suppressed cell would give it back.
  if (forecastHidden(scopeRows, ctx.year, TOTALS)) return null;
  let withheld = 0;
  const partsOf = (roots: readonly { code: string }[], dims: (code: string) => DatasetRow["dims"]) => {
    const out: Record<string, ForecastPoint[]> = {};
    const hidden: string[] = [];
    for (const g of roots) {
      const rows = forecast.rows.filter((r) => r.series_id === `${id}|${g.code}`);
      if (!rows.length) continue;
      if (forecastHidden(scopeRows, ctx.year, dims(g.code))) hidden.push(g.code);
      else out[g.code] = points(rows);
    }
    // The groups add up to the total forecast: one hidden group would be the total minus the
    // others, so hide the smallest other group too (secondary suppression).
    if (hidden.length === 1) {
      const smallest = Object.entries(out).sort((a, b) => a[1][0]!.mean - b[1][0]!.mean)[0];
      if (smallest) { delete out[smallest[0]]; hidden.push(smallest[0]); }
    }
    withheld += hidden.length;
    return out;
  };
  const byPlacement = partsOf(PLACEMENT_TYPE.roots, (code) => ({ placement_type: code, age_band: TOTAL }));
  const byAge = partsOf(AGE_BAND.roots, (code) => ({ placement_type: TOTAL, age_band: code }));
  const plan = forecast.plan;
  const evaluation = scopeEvaluation(ctx, scope, id);
  const layer = scope.kind === "la" ? "local authorities" : scope.kind === "footprint" ? "footprints (with regions and local authorities where footprints are too few)" : "regions and England";
  const intervals = plan.calibration.method === "conformal"
    ? `Its intervals are calibrated from the errors the same plan made when re-run at every earlier year with at least four years of data (conformal prediction), pooled across ${layer} and scaled by each series' typical yearly change.`
    : "Its intervals are the model's own.";
  const reconcile = plan.reconcile;
  const sums = plan.panel.sums?.length ? " Footprints are sums of the reconciled LA forecasts, so they never change the regions or England." : "";
  return {
    model: total[0]!.model,
    intervals,
    total: points(total),
    backtest: forecast.evaluation ? backtestByHorizon(forecast.evaluation, id, ctx.horizon) : [],
    evaluation: evaluation && evaluation.origins.length ? evaluation : null,
    byPlacement,
    byAge,
    reconciliation: `${reconcile ? `LAs, regions and England are reconciled with ${reconcile.method} so they add up.${sums} ` : ""}Placement groups and age bands are each LA's forecast split by its latest shares (the no-change shares), so they add up to the total; their intervals are calibrated on their own past errors${withheld ? `. ${withheld} group forecasts are not shown: the forecast of a group whose figure is suppressed (c) or a small count would give that figure back, and where one group is hidden the next smallest is hidden too, so that the total minus the others cannot give it` : ""}`,
  };
}

/**
 * Whether the forecast of a cell must not be shown: its figure in the report year, or in
 * the latest year it has a figure, is suppressed or a count from 1 to K-1.
 */
function forecastHidden(rows: readonly DatasetRow[], year: number, dims: DatasetRow["dims"]): boolean {
  const key = dimsKey(dims);
  const series = rows.filter((r) => r.measure === "cla_31_march" && Number(r.time_period) <= year && dimsKey(r.dims) === key).sort((a, b) => Number(b.time_period) - Number(a.time_period));
  const latest = series.find((r) => r.value !== null);
  const atYear = series.find((r) => Number(r.time_period) === year);
  const bad = (r: DatasetRow | undefined) => r !== undefined && (r.value_status === "suppressed" || (r.value !== null && r.value > 0 && r.value < K));
  return bad(atYear) || bad(latest);
}

function cellKey(r: DatasetRow): string {
  return `${r.measure}|${r.time_period}|${Object.entries(r.dims).filter(([, v]) => v).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(",")}`;
}

const aggregateRowsCache = new WeakMap<ReportContext, Map<string, DatasetRow[]>>();

/** The scope's rows (see aggregateRowsUncached), computed once per context and scope: every report asks for England's and each region's as comparators. */
function aggregateRowsFor(ctx: ReportContext, scope: ReportScope): DatasetRow[] {
  let cache = aggregateRowsCache.get(ctx);
  if (!cache) aggregateRowsCache.set(ctx, (cache = new Map()));
  const key = `${scope.kind}:${scope.code}`;
  let rows = cache.get(key);
  if (!rows) cache.set(key, (rows = aggregateRowsUncached(ctx, scope)));
  return rows;
}

/**
 * The scope's aggregate rows. For a region or England, where the sum over member LAs is
 * only a lower bound (some members suppressed) or missing, the figure DfE published for
 * the region or England is used instead: it is exact, and already disclosure-controlled.
 */
function aggregateRowsUncached(ctx: ReportContext, scope: ReportScope): DatasetRow[] {
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
function laRowsForPublication(ctx: ReportContext, code: string): DatasetRow[] {
  let byLa = laRowsCache.get(ctx);
  if (!byLa) {
    byLa = new Map<string, AggregateRow[]>();
    for (const r of ctx.las.rows) {
      let list = byLa.get(r.footprint_code);
      if (!list) byLa.set(r.footprint_code, (list = []));
      list.push(r);
    }
    laRowsCache.set(ctx, byLa);
  }
  return byLa.get(code) ?? [];
}
const laRowsCache = new WeakMap<ReportContext, Map<string, AggregateRow[]>>();

/**
 * What the reports of these scopes publish, for the publication ledger: the regions and
 * England (every report's comparators), the footprints and LAs reported on, and the
 * statistical neighbours an LA report shows.
 * @throws never.
 */
export function publishedByReports(ctx: ReportContext, scopes: readonly ReportScope[], output: string, date: string): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const add = (result: AggregateResult | null, keep: (r: AggregateRow) => boolean) => {
    if (!result?.contributions) return;
    for (const figure of publishedFigures(result.rows.filter(keep), result.contributions, output, date)) out.push(figure); // not push(...): hundreds of thousands of figures overflow the stack
  };
  add(ctx.regions, () => true);
  add(ctx.england, () => true);
  const footprintCodes = new Set(scopes.filter((s) => s.kind === "footprint").map((s) => s.code));
  add(ctx.footprints, (r) => footprintCodes.has(r.footprint_code));
  const laCodes = new Set<string>();
  for (const s of scopes) {
    if (s.kind !== "la") continue;
    laCodes.add(s.code);
    for (const n of statisticalNeighbours(findLa(s.code)!)) laCodes.add(n.oldCode);
  }
  add(ctx.las, (r) => laCodes.has(r.footprint_code));
  return out;
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

/** The register rows of the latest 31 March snapshot at or before the report year. */
function latestSupply(rows: readonly DatasetRow[], year: number): { supplyRows: DatasetRow[]; supplyYear: number | null } {
  let latest = -Infinity;
  for (const r of rows) if (r.measure === "registered_providers" && r.time_identifier === "Reporting year" && r.geographic_level === "Local authority" && Number(r.time_period) <= year) latest = Math.max(latest, Number(r.time_period));
  if (!Number.isFinite(latest)) return { supplyRows: [], supplyYear: null };
  const period = String(latest);
  const measures = new Set(["registered_providers", "registered_places", "registered_providers_rebuilt", "registered_places_rebuilt"]);
  return { supplyRows: rows.filter((r) => r.time_period === period && r.time_identifier === "Reporting year" && r.geographic_level === "Local authority" && measures.has(r.measure)), supplyYear: latest };
}

function marketScope(ctx: ReportContext, scope: ReportScope): MarketScope {
  if (scope.kind === "england") return { kind: "england" };
  if (scope.kind === "region") return { kind: "region", code: scope.code };
  if (scope.kind === "la") return { kind: "las", codes: [scope.code] };
  return { kind: "footprint", footprint: ctx.footprintSet!.footprints.find((f) => f.code === scope.code)! };
}

function supply(ctx: ReportContext, scope: ReportScope): ScopeSupply {
  if (ctx.supplyYear === null) return { year: null, rows: [], rebuilt: false };
  const panel = supplyPanel(ctx.supplyRows, marketScope(ctx, scope), { byOwner: true });
  return { year: ctx.supplyYear, rows: panel.register, rebuilt: panel.register.some((r) => r.providersRebuilt !== null) };
}

/**
 * Cut one report's input out of the shared context.
 * @throws SuffError E_SCOPE when the scope has no rows.
 */
export function scopeInput(ctx: ReportContext, scope: ReportScope, generated: string): ReportInput {
  const rows: DatasetRow[] = scope.kind === "la" ? laRowsForPublication(ctx, scope.code) : aggregateRowsFor(ctx, scope);
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
    for (const n of statisticalNeighbours(la)) if (ctx.laRows.has(n.oldCode)) comparators.push({ name: n.name, kind: "neighbour", rows: laRowsForPublication(ctx, n.oldCode) });
  } else {
    for (const region of REGIONS) if (region.code !== scope.code) comparators.push({ name: region.name, kind: "region", rows: regionRows(region.code, region.name) });
  }
  // Forecast: the plan's rows for this geography; its track record from evaluate of the same plan.
  const forecast = scopeForecast(ctx, scope, rows);
  const members = scope.kind === "la" ? [scope.name] : membersOf(ctx, scope, ctx.year).map((la) => la.name);
  // With an SSDA903 extract of this LA: the stock-flow plan's projection and backtest.
  let stockFlow: StockFlowReport | null = null;
  if (scope.kind === "la" && ctx.ssda903?.codes.la.includes(scope.code)) {
    if (!ctx.stockFlow.has(scope.code)) ctx.stockFlow.set(scope.code, stockFlowReport(ctx.ssda903, [scope.code], ctx.horizon));
    stockFlow = ctx.stockFlow.get(scope.code) ?? null;
  }
  const market = marketFor(ctx, scope, forecast?.byPlacement ?? {}, forecast?.total ?? []);
  return {
    scope,
    year: ctx.year,
    horizon: ctx.horizon,
    rows,
    comparators,
    supply: supply(ctx, scope),
    forecast,
    coverage: coverage(ctx, scope),
    members,
    generated,
    forecastNotes: ctx.forecastNotes,
    returns: returnsCoverage(ctx, scope, rows),
    stockFlow,
    market,
  };
}

/**
 * The market analysis of one report scope, with the report's own (scaled) placement-group
 * forecasts as demand, so the gap shows the same children as the mix section.
 */
function marketFor(ctx: ReportContext, scope: ReportScope, byPlacement: Record<string, ForecastPoint[]>, total: ForecastPoint[]): ReportMarket | null {
  if (!ctx.market) return null;
  const cells: DemandCell[] = [];
  const add = (code: string, p: ForecastPoint) => {
    const lower: Record<number, number> = {}, upper: Record<number, number> = {};
    if (p.lo80 !== null) lower[80] = p.lo80;
    if (p.hi80 !== null) upper[80] = p.hi80;
    if (p.lo95 !== null) lower[95] = p.lo95;
    if (p.hi95 !== null) upper[95] = p.hi95;
    cells.push({ scopeCode: scope.code, year: p.year, placementType: code, mean: p.mean, quantile: quantileThrough(forecastQuantiles(p.mean, lower, upper).points) });
  };
  for (const [code, pts] of Object.entries(byPlacement)) for (const p of pts) add(code, p);
  for (const p of total) add(TOTAL, p);
  const result = ctx.market.scope(areaOfReport(scope, ctx.footprintSet), cells);
  return {
    scope: result, origin: ctx.market.origin, years: ctx.market.years, assurance: ctx.market.assurance, samples: ctx.market.samples,
    occupancy: ctx.market.occupancy, backtest: ctx.market.backtest(), references: ctx.market.references, scenarios: ctx.market.scenarios.map((s) => s.name),
    demandSource: "the placement-group forecasts above (reconciled, scaled to the total)",
  };
}

export { TOTALS as HEADLINE_DIMS };
