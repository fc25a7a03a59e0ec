/**
 * The machinery behind `run` and `evaluate` (src/forecast/run.ts, evaluate.ts): a plan's
 * point forecasts at any origin (data up to that origin only), memoised so that calibration,
 * model choice, MinT's error covariance and evaluation reuse every forecast they share, and
 * the calibrated distributions on top.
 *
 * An origin is an offset k: the data end k periods before the panel's end (aligned panels) or
 * before each series' own end (independent series). At offset k the plan runs as it would
 * have then: 1. choose the model (when the plan offers a choice) on errors at earlier offsets;
 * 2. forecast the model series (global models see the whole cut panel); 3. split combined areas
 * across boundary changes; 4. forecast the aggregates and reconcile (MinT errors from earlier
 * offsets); 5. sum footprints from the reconciled bottoms; 6. split bottoms into parts by
 * their recent shares. Calibration at offset k0 pools the signed scaled errors of steps 1..H
 * at offsets k > k0 whose actuals lie at or before the origin (k - h >= k0).
 */
import type {
  AnyModelSpec, ForecastPlan, ForecastRow, ForecastTable, Fitted, ModelChoice, ModelFailure, ModelSpec, PanelCovariates, Series,
} from "../spec/forecast.ts";
import { isGlobal } from "../spec/forecast.ts";
import { accuracy } from "./accuracy.ts";
import { conformalDistribution, nestIntervals, scoreBuilder, seriesScale, withDistribution, type ConformalPools } from "./conformal.ts";
import { auto } from "./models/auto.ts";
import { naive } from "./models/naive.ts";
import { periodLabelAfter } from "./period-label.ts";
import { prepareSeries } from "./prepare-series.ts";
import { reconcile } from "./reconcile.ts";
import { naiveScale } from "../stats/naive-scale.ts";
import { normalQuantile } from "../stats/normal-quantile.ts";
import { isNonNegative } from "./forecast-series.ts";

type OutputKind = "model" | "bottom" | "aggregate" | "sum" | "part";

/** A series the plan shows (or fits), with the history its actuals and scales come from. */
export interface PlanOutput {
  id: string;
  kind: OutputKind;
  /** "Local authority", "Regional", ... (or "series" for independent series). */
  layer: string;
  /** Calibration group: the layer, or layer|key for parts. */
  group: string;
  periods: string[];
  frequency: number;
  /** Observed values (actuals); aggregates are sums of filled member histories. */
  history: Float64Array;
  /** Index of the panel end on this output's axis (aligned: the grid's last index; else the last observed). */
  end: number;
  /** Bottom ids of an aggregate or footprint; part ids of an aggregate part. */
  members?: string[];
  /** For parts: the series they are a part of, the part key, how many parts share the parent, and how many years of shares are averaged. */
  parent?: string;
  key?: string;
  siblings?: number;
  shareWindow?: number;
}

interface Points {
  /** Means by output id, steps 1..H. */
  means: Map<string, Float64Array>;
  /** Base (unreconciled) means by hierarchy id, for MinT errors. */
  base: Map<string, Float64Array>;
  model: Map<string, string>;
  failures: ModelFailure[];
  notes: string[];
  /** Local fits at this offset, by model series id (for refilter calibration and analytic intervals). */
  fits: Map<string, { fitted: Fitted; start: number; end: number }>;
  /** Analytic rows of global models (for "model" calibration). */
  globalRows: Map<string, ForecastRow[]>;
  chosen: string;
}

/** Plan-level settings the engine derives once. */
export interface Engine {
  plan: ForecastPlan;
  horizon: number;
  outputs: PlanOutput[];
  byId: Map<string, PlanOutput>;
  aligned: boolean;
  nonNegative: boolean;
  /** Largest offset at which the plan can still run (every series too short beyond). */
  maxOffset: number;
  pointsAt(offset: number, fitsFrom?: number): Points | undefined;
  cutOf(output: PlanOutput, offset: number): number;
  scaleAt(output: PlanOutput, cut: number): number;
  /** Forecast rows of every output at offset k0, calibrated; `onProgress` hears of each earlier origin computed. */
  rowsAt(offset: number, onProgress?: (done: number, total: number) => void): { rows: ForecastTable; failures: ModelFailure[]; notes: string[]; chosen: string };
}

const MINIMUM_FIT = 4;

/**
 * Scores of the no-change forecast of a random walk, for cells with too few past errors: the
 * h-step error of a random walk is normal with sd sqrt(h) x sigma, and the mean absolute change
 * (the scale) is sigma x sqrt(2 / pi), so in scale units sd = 1.2533 sqrt(h).
 */
const noChangeCache = new Map<number, Float64Array[]>();
function noChangeScores(horizon: number): Float64Array[] {
  let scores = noChangeCache.get(horizon);
  if (!scores) {
    scores = Array.from({ length: horizon }, (_, k) => Float64Array.from({ length: 199 }, (_, i) => normalQuantile((i + 1) / 200) * Math.sqrt(Math.PI / 2) * Math.sqrt(k + 1)));
    noChangeCache.set(horizon, scores);
  }
  return scores;
}

function lastFinite(values: Float64Array): number {
  let t = values.length - 1;
  while (t >= 0 && !Number.isFinite(values[t])) t--;
  return t;
}

/** Interior gaps interpolated, leading and trailing gaps carried from the nearest observation (for summing members). */
function filled(values: Float64Array): Float64Array {
  const out = Float64Array.from(values);
  let previous = -1;
  for (let t = 0; t < out.length; t++) {
    if (!Number.isFinite(out[t])) continue;
    if (previous >= 0 && t - previous > 1) for (let k = previous + 1; k < t; k++) out[k] = out[previous]! + ((out[t]! - out[previous]!) * (k - previous)) / (t - previous);
    previous = t;
  }
  const first = out.findIndex(Number.isFinite);
  if (first < 0) return out;
  const last = lastFinite(out);
  for (let t = 0; t < first; t++) out[t] = out[first]!;
  for (let t = last + 1; t < out.length; t++) out[t] = out[last]!;
  return out;
}

/** Interior gaps interpolated; leading and trailing gaps stay missing (a breakdown that starts late does not reach back). */
function interiorFilled(values: Float64Array): Float64Array {
  const out = Float64Array.from(values);
  let previous = -1;
  for (let t = 0; t < out.length; t++) {
    if (!Number.isFinite(out[t])) continue;
    if (previous >= 0 && t - previous > 1) for (let k = previous + 1; k < t; k++) out[k] = out[previous]! + ((out[t]! - out[previous]!) * (k - previous)) / (t - previous);
    previous = t;
  }
  return out;
}

function sumOf(arrays: Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (const a of arrays) for (let t = 0; t < length; t++) out[t] += a[t]!;
  return out;
}

function isChoice(model: ForecastPlan["model"]): model is ModelChoice {
  return Array.isArray((model as ModelChoice).choose);
}

function cutCovariates(covariates: PanelCovariates | undefined, ids: string[], cut: (id: string) => number): PanelCovariates | undefined {
  if (!covariates) return undefined;
  const population = covariates.population ? Object.fromEntries(ids.filter((id) => covariates.population![id]).map((id) => [id, covariates.population![id]!.slice(0, cut(id) + 1)])) : undefined;
  return { population, groups: covariates.groups };
}

/**
 * Fit a local model to the data of one series up to index `cut`, falling back to naive (and
 * saying so) when the fit throws.
 */
function fitLocal(spec: ModelSpec, series: Series, cut: number, nonNegative: boolean): { fitted: Fitted; start: number; end: number; failure?: string } | undefined {
  const prepared = prepareSeries({ values: series.values.subarray(0, cut + 1) });
  if (!prepared) return undefined;
  const options = { frequency: series.frequency, nonNegative };
  try {
    return { fitted: spec.fit(prepared.values, options), start: prepared.start, end: prepared.end };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fallback = naive.fit(prepared.values, options);
    return { fitted: { ...fallback, model: `naive (fallback: ${spec.name} failed: ${reason})` }, start: prepared.start, end: prepared.end, failure: reason };
  }
}

/**
 * The engine of a plan for forecasts up to `horizon` steps (built once per plan and horizon;
 * a plan is a value: change it by making a new one, not by editing it).
 * @throws RangeError when horizon is not a positive integer, a level is outside (0, 100), the
 *   panel has no series, or derived outputs (reconciliation, sums, parts) are asked of a panel
 *   that is not aligned.
 */
const engines = new WeakMap<ForecastPlan, Map<number, Engine>>();

export function planEngine(plan: ForecastPlan, horizon: number): Engine {
  // One engine per plan and horizon: `run` and `evaluate` of the same plan share every forecast.
  let byHorizon = engines.get(plan);
  if (!byHorizon) engines.set(plan, (byHorizon = new Map()));
  let engine = byHorizon.get(horizon);
  if (!engine) byHorizon.set(horizon, (engine = buildEngine(plan, horizon)));
  return engine;
}

function buildEngine(plan: ForecastPlan, horizon: number): Engine {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`plan: horizon must be a positive integer, got ${horizon}`);
  for (const level of plan.levels) if (!(level > 0 && level < 100)) throw new RangeError(`plan: level must be in (0, 100), got ${level}`);
  const panel = plan.panel;
  if (panel.series.length === 0) throw new RangeError("plan: the panel has no series");
  const aligned = panel.aligned;
  if (!aligned && (plan.reconcile || panel.sums?.length || panel.parts?.length || panel.splits)) throw new RangeError("plan: reconciliation, footprint sums and parts need an aligned panel");
  const H = horizon;
  const grid = panel.series[0]!.periods;
  if (aligned) for (const s of panel.series) if (s.periods.length !== grid.length || s.periods[grid.length - 1] !== grid[grid.length - 1]) throw new RangeError(`plan: series ${s.id} is not on the panel's grid`);
  // The panel ends at the latest period any series observes (a grid may run on with missing values).
  const T = aligned ? Math.max(...panel.series.map((s) => lastFinite(s.values))) : grid.length - 1;
  const nonNegative = panel.nonNegative ?? panel.series.every((s) => isNonNegative(s.values));
  const floor = nonNegative ? 0 : -Infinity;
  const layerOf = (id: string, fallback: string) => panel.layers?.[id] ?? fallback;

  // 1. Outputs: bottoms (model series or their splits), aggregates, footprint sums, parts.
  const outputs: PlanOutput[] = [];
  const byId = new Map<string, PlanOutput>();
  const add = (o: PlanOutput) => { outputs.push(o); byId.set(o.id, o); };
  const modelIds = new Set(panel.series.map((s) => s.id));
  const bottomSeries = new Map<string, Series>();
  for (const s of panel.series) if (!panel.splits?.[s.id]) bottomSeries.set(s.id, s);
  for (const s of panel.bottoms ?? []) bottomSeries.set(s.id, s);
  const bottomIds = plan.reconcile ? plan.reconcile.hierarchy.bottom : [...bottomSeries.keys()];
  for (const id of bottomIds) {
    const s = bottomSeries.get(id);
    if (!s) throw new RangeError(`plan: no history for bottom series ${id}`);
    const layer = layerOf(id, "series");
    add({ id, kind: modelIds.has(id) ? "model" : "bottom", layer, group: layer, periods: s.periods, frequency: s.frequency, history: s.values, end: aligned ? T : lastFinite(s.values) });
  }
  const filledBottom = new Map<string, Float64Array>();
  const filledOf = (id: string) => { let f = filledBottom.get(id); if (!f) filledBottom.set(id, (f = filled(byId.get(id)!.history))); return f; };
  for (const a of plan.reconcile?.hierarchy.aggregates ?? []) {
    const layer = layerOf(a.id, "aggregate");
    add({ id: a.id, kind: "aggregate", layer, group: layer, periods: grid, frequency: panel.series[0]!.frequency, history: sumOf(a.members.map(filledOf), grid.length), end: T, members: a.members });
  }
  for (const f of panel.sums ?? []) {
    const members = f.members.filter((m) => byId.has(m));
    if (!members.length || byId.has(f.id)) continue;
    const layer = layerOf(f.id, "sum");
    add({ id: f.id, kind: "sum", layer, group: layer, periods: grid, frequency: panel.series[0]!.frequency, history: sumOf(members.map(filledOf), grid.length), end: T, members });
  }
  const breakdowns = panel.parts ?? [];
  for (const parts of breakdowns) {
    const partSeries = new Map(parts.series.map((s) => [s.id, s]));
    const keyed = new Map<string, Map<string, string>>(); // bottom -> key -> part id
    const shareWindow = parts.shareWindow ?? 1;
    for (const [bottom, ids] of Object.entries(parts.of)) {
      const parent = byId.get(bottom);
      if (!parent) continue;
      const byKey = new Map<string, string>();
      for (const id of ids) {
        const s = partSeries.get(id);
        if (!s || byId.has(id)) continue;
        const key = parts.key[id]!;
        byKey.set(key, id);
        add({ id, kind: "part", layer: parent.layer, group: `${parent.layer}|${key}`, periods: grid, frequency: s.frequency, history: s.values, end: T, parent: bottom, key, siblings: ids.length, shareWindow });
      }
      keyed.set(bottom, byKey);
    }
    const keys = [...new Set(Object.values(parts.key))].sort();
    for (const o of [...outputs]) {
      if (o.kind !== "aggregate" && o.kind !== "sum") continue;
      for (const key of keys) {
        const members = o.members!.map((m) => keyed.get(m)?.get(key)).filter((x): x is string => x !== undefined);
        if (!members.length || byId.has(`${o.id}|${key}`)) continue;
        add({ id: `${o.id}|${key}`, kind: "part", layer: o.layer, group: `${o.layer}|${key}`, periods: grid, frequency: o.frequency, history: sumOf(members.map((m) => interiorFilled(byId.get(m)!.history)), grid.length), end: T, members, parent: o.id, key, siblings: keys.length, shareWindow });
      }
    }
  }

  const cutOf = (o: PlanOutput | Series, offset: number): number => ("end" in o ? o.end : aligned ? T : lastFinite(o.values)) - offset;
  const modelCut = (s: Series, offset: number) => (aligned ? T : lastFinite(s.values)) - offset;
  const observedUpTo = (values: Float64Array, cut: number) => { let n = 0; for (let t = 0; t <= cut && t < values.length; t++) if (Number.isFinite(values[t])) n++; return n; };
  const frequency = Math.max(1, ...panel.series.map((s) => Math.round(s.frequency)));
  const minimumFit = Math.max(MINIMUM_FIT, frequency > 1 ? 2 * frequency + 1 : MINIMUM_FIT);
  // Calibration and model choice use origins with `minimumFit` observations (maxOffset); a
  // forecast itself needs one (lastOffset).
  let maxOffset = 0, lastOffset = 0;
  for (const s of panel.series) {
    let k = 0;
    while (observedUpTo(s.values, modelCut(s, k + 1)) >= minimumFit) k++;
    maxOffset = Math.max(maxOffset, k);
    k = 0;
    while (observedUpTo(s.values, modelCut(s, k + 1)) >= 1) k++;
    lastOffset = Math.max(lastOffset, k);
  }

  // Scales at a cut (MASE scale of the history up to it); parts never below their share of the parent's scale.
  const scaleCache = new Map<PlanOutput, Float64Array>();
  const shareAt = (o: PlanOutput, cut: number): number => {
    const parent = byId.get(o.parent!)!;
    const window = o.shareWindow ?? 1;
    let total = 0, count = 0;
    const siblings = o.siblings ?? 1;
    for (let t = cut; t >= 0 && count < window; t--) {
      const part = o.history[t]!, whole = parent.history[t]!;
      if (!Number.isFinite(part) || !Number.isFinite(whole)) continue;
      total += whole > 0 ? part / whole : 1 / siblings; // nobody to share: equal shares
      count++;
    }
    return count ? total / count : Number.NaN;
  };
  const scaleAt = (o: PlanOutput, cut: number): number => {
    if (cut < 0) return Number.NaN;
    let cached = scaleCache.get(o);
    if (!cached) scaleCache.set(o, (cached = new Float64Array(o.history.length).fill(-1)));
    let v = cached[cut]!;
    if (v === -1) {
      const history = o.history.subarray(0, cut + 1);
      const lag = o.frequency > 1 && history.length > o.frequency ? o.frequency : 1;
      let own = Number.NaN;
      let pairs = 0;
      for (let t = lag; t < history.length; t++) if (Number.isFinite(history[t]! - history[t - lag]!)) pairs++;
      if (pairs > 0) own = seriesScale(history, o.frequency);
      if (o.kind === "part") {
        const share = shareAt(o, cut);
        const inherited = share * scaleAt(byId.get(o.parent!)!, cut);
        // A part is a count: its yearly change is never taken to be below the Poisson noise of its level.
        let level = Number.NaN;
        for (let t = cut; t >= 0 && !Number.isFinite(level); t--) level = o.history[t]!;
        const noise = Number.isFinite(level) ? Math.sqrt(Math.max(1, level)) : 0;
        v = Math.max(Number.isFinite(own) ? own : 0, Number.isFinite(inherited) ? inherited : 0, noise);
        if (!(v > 0)) v = Number.NaN;
      } else v = pairs > 0 ? own : history.some(Number.isFinite) ? seriesScale(history, o.frequency) : Number.NaN;
      cached[cut] = v;
    }
    return v;
  };

  // 2-6. Point forecasts at an offset.
  const memo = new Map<string, Points | undefined>();
  const candidateMemo = new Map<string, Map<string, { mean: Float64Array; cut: number }>>();
  const choiceMemo = new Map<number, { spec: AnyModelSpec; notes: string[] }>();

  /** Means of the model series under one spec at an offset (refit), for model choice. */
  const candidateMeans = (spec: AnyModelSpec, offset: number): Map<string, { mean: Float64Array; cut: number }> => {
    const key = `${spec.name}\u0000${offset}`;
    let found = candidateMemo.get(key);
    if (!found) {
      found = new Map();
      const result = modelMeans(spec, offset, undefined);
      for (const [id, m] of result.means) found.set(id, { mean: m.mean, cut: m.cut });
      candidateMemo.set(key, found);
    }
    return found;
  };

  const chooseAt = (offset: number): { spec: AnyModelSpec; notes: string[] } => {
    const model = plan.model;
    if (!isChoice(model)) return { spec: model, notes: [] };
    let found = choiceMemo.get(offset);
    if (found) return found;
    const origins = model.origins ?? 3;
    const scores: Array<{ spec: AnyModelSpec; mase: number }> = [];
    const seriesById = new Map(panel.series.map((s) => [s.id, s]));
    for (const spec of model.choose) {
      const table: ForecastTable = [];
      for (let k = offset + 1; k <= Math.min(offset + origins, maxOffset); k++) {
        for (const [id, m] of candidateMeans(spec, k)) {
          const s = seriesById.get(id)!;
          for (let h = 1; h <= Math.min(H, k - offset); h++) {
            const actual = s.values[m.cut + h];
            if (actual === undefined || !Number.isFinite(actual)) continue;
            table.push({ series_id: id, period: s.periods[m.cut + h]!, step: h, model: spec.name, mean: m.mean[h - 1]!, lower: {}, upper: {}, actual, origin: m.cut });
          }
        }
      }
      const mase = table.length ? accuracy(table, { series: panel.series, levels: [] }).at(-1)!.mase : Number.NaN;
      scores.push({ spec, mase });
    }
    const ranked = scores.filter((s) => Number.isFinite(s.mase)).sort((a, b) => a.mase - b.mase);
    const spec = ranked[0]?.spec ?? model.choose[0]!;
    found = { spec, notes: [`Model chosen by rolling-origin MASE at the ${origins} previous origins: ${scores.map((s) => `${s.spec.name} ${Number.isFinite(s.mase) ? s.mase.toFixed(3) : "n/a"}`).join(", ")}; ${spec.name} used.`] };
    choiceMemo.set(offset, found);
    return found;
  };

  interface ModelMeans { means: Map<string, { mean: Float64Array; cut: number; model: string }>; failures: ModelFailure[]; fits: Points["fits"]; globalRows: Map<string, ForecastRow[]> }
  /** Model series means at an offset; with `fitsFrom`, local models re-run their filters from fits made at that (later) offset. */
  function modelMeans(spec: AnyModelSpec, offset: number, fitsFrom: Points["fits"] | undefined, series: Series[] = panel.series, covariates: PanelCovariates | undefined = panel.covariates): ModelMeans {
    const out: ModelMeans = { means: new Map(), failures: [], fits: new Map(), globalRows: new Map() };
    const cuts = new Map(series.map((s) => [s.id, modelCut(s, offset)]));
    // Every series with an observation is forecast; calibration leaves out fits on fewer than `minimumFit` observations.
    const usable = series.filter((s) => { const cut = cuts.get(s.id)!; return cut >= 0 && observedUpTo(s.values, cut) >= 1; });
    const targetPeriods = (s: Series, cut: number) => Array.from({ length: H }, (_, h) => (cut + 1 + h < s.periods.length ? s.periods[cut + 1 + h]! : periodLabelAfter(s.periods[s.periods.length - 1]!, cut + 1 + h - (s.periods.length - 1))));
    const localFit = (s: Series, cut: number, local: ModelSpec) => {
      const fit = fitLocal(local, s, cut, nonNegative);
      if (!fit) return;
      out.fits.set(s.id, fit);
      if (fit.failure) out.failures.push({ series_id: s.id, model: local.name, reason: fit.failure, fallback: "naive" });
      const gap = cut - fit.end;
      const mean = fit.fitted.forecast(H + gap, []).mean.slice(gap);
      out.means.set(s.id, { mean, cut, model: fit.fitted.model });
    };
    if (isGlobal(spec)) {
      const cutSeries = usable.map((s) => { const cut = cuts.get(s.id)!; return { ...s, periods: s.periods.slice(0, cut + 1), values: s.values.slice(0, cut + 1) }; });
      let rows: ForecastTable | undefined;
      let reason = "";
      try {
        rows = spec.forecastMany(cutSeries, { horizon: H, levels: plan.levels, covariates: cutCovariates(covariates, cutSeries.map((s) => s.id), (id) => cuts.get(id)!) });
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      const byIdPeriod = new Map<string, ForecastRow>();
      const byIdStep = new Map<string, ForecastRow>();
      for (const r of rows ?? []) { byIdPeriod.set(`${r.series_id}\u0000${r.period}`, r); byIdStep.set(`${r.series_id}\u0000${r.step}`, r); }
      for (const s of usable) {
        const cut = cuts.get(s.id)!;
        const periods = targetPeriods(s, cut);
        // Rows are matched by period label; a model that labels no periods is read by step.
        const found = periods.map((p, h) => byIdPeriod.get(`${s.id}\u0000${p}`) ?? byIdStep.get(`${s.id}\u0000${h + 1}`));
        if (found.every((r) => r && Number.isFinite(r.mean))) {
          out.means.set(s.id, { mean: Float64Array.from(found, (r) => r!.mean), cut, model: found[0]!.model });
          out.globalRows.set(s.id, found as ForecastRow[]);
        } else {
          const why = rows ? `${spec.name} gave no forecast for this series` : `${spec.name} failed: ${reason}`;
          out.failures.push({ series_id: s.id, model: spec.name, reason: why, fallback: auto.name });
          localFit(s, cut, auto);
          const m = out.means.get(s.id);
          if (m) m.model = `${m.model} (fallback: ${why})`;
        }
      }
    } else {
      for (const s of usable) {
        const cut = cuts.get(s.id)!;
        const from = fitsFrom?.get(s.id);
        if (from && from.fitted.forecastFrom) {
          let end = cut;
          while (end >= 0 && !Number.isFinite(s.values[end])) end--;
          if (end < 0) continue;
          const originIndex = end - from.start;
          if (originIndex < minimumFit - 1 || originIndex > from.end - from.start) continue;
          const gap = cut - end;
          out.means.set(s.id, { mean: from.fitted.forecastFrom(originIndex, H + gap).slice(gap), cut, model: from.fitted.model });
        } else localFit(s, cut, spec);
      }
    }
    return out;
  }

  const hierarchyIds = plan.reconcile ? [...plan.reconcile.hierarchy.aggregates.map((a) => a.id), ...plan.reconcile.hierarchy.bottom] : [];

  function pointsAt(offset: number, fitsFrom?: number): Points | undefined {
    const memoKey = `${offset}\u0000${fitsFrom ?? ""}`;
    if (memo.has(memoKey)) return memo.get(memoKey);
    if (offset > lastOffset) { memo.set(memoKey, undefined); return undefined; }
    const { spec, notes: choiceNotes } = chooseAt(offset);
    if (fitsFrom !== undefined && isGlobal(spec)) return pointsAt(offset);
    const refilterFits = fitsFrom !== undefined ? pointsAt(fitsFrom)?.fits : undefined;
    const result = modelMeans(spec, offset, refilterFits);
    const points: Points = { means: new Map(), base: new Map(), model: new Map(), failures: result.failures, notes: [...choiceNotes], fits: result.fits, globalRows: result.globalRows, chosen: spec.name };
    // 3. Splits of combined areas into their bottoms.
    for (const [id, m] of result.means) {
      const split = panel.splits?.[id];
      if (!split) { points.base.set(id, m.mean); points.model.set(id, m.model); continue; }
      for (const { id: bottom, share } of split) {
        points.base.set(bottom, m.mean.map((v) => v * share));
        points.model.set(bottom, `${m.model} (share of combined area)`);
      }
    }
    // 4. Aggregates and reconciliation.
    if (plan.reconcile) {
      const { hierarchy } = plan.reconcile;
      let method = plan.reconcile.method;
      const cut = T - offset;
      const bottomsMissing = hierarchy.bottom.filter((id) => !points.base.has(id));
      if (bottomsMissing.length === hierarchy.bottom.length) { memo.set(memoKey, undefined); return undefined; }
      for (const id of bottomsMissing) {
        // A bottom without a forecast at this origin (no data yet): its last filled value, held (named).
        const o = byId.get(id)!;
        const last = filledOf(id)[Math.max(0, cut)]!;
        points.base.set(id, new Float64Array(H).fill(Number.isFinite(last) ? last : 0));
        points.model.set(id, "last value (no forecast possible at this origin)");
        if (offset === 0 && o) points.failures.push({ series_id: id, model: spec.name, reason: "too little data to forecast", fallback: "last value held" });
      }
      if (method !== "bottom-up") {
        const baseModel = plan.reconcile.baseModel ?? spec;
        const aggregates = hierarchy.aggregates.map((a) => ({ id: a.id, periods: grid, values: byId.get(a.id)!.history, frequency: byId.get(a.id)!.frequency }));
        const aggregateMeans = modelMeans(baseModel, offset, undefined, aggregates, panel.covariates);
        for (const a of hierarchy.aggregates) {
          const m = aggregateMeans.means.get(a.id);
          points.base.set(a.id, m ? m.mean : sumOf(a.members.map((id) => points.base.get(id)!), H));
        }
      }
      let residuals: Record<string, Float64Array> | undefined;
      if (method === "mint-shrink" || method === "wls-variance") {
        const errorOrigins: Array<Points | undefined> = [];
        for (let j = 1; j <= 6 && offset + j <= maxOffset; j++) errorOrigins.push(pointsAt(offset + j));
        const usableOrigins = errorOrigins.filter((p): p is Points => p !== undefined).length;
        if (usableOrigins < 2) {
          points.notes.push(`Fewer than 2 earlier one-step errors at this origin: reconciled with wls-structural instead of ${method}.`);
          method = "wls-structural";
        } else {
          residuals = Object.fromEntries(hierarchyIds.map((id) => [id, new Float64Array(usableOrigins).fill(Number.NaN)]));
          let column = 0;
          for (let j = errorOrigins.length; j >= 1; j--) {
            const earlier = errorOrigins[j - 1];
            if (!earlier) continue;
            for (const id of hierarchyIds) {
              const base = earlier.base.get(id);
              const actual = byId.get(id)!.kind === "aggregate" ? byId.get(id)!.history[cut - j + 1] : filledOf(id)[cut - j + 1];
              if (base && actual !== undefined && Number.isFinite(actual)) residuals[id]![column] = actual - base[0]!;
            }
            column++;
          }
        }
      }
      const table: ForecastTable = [];
      for (const id of hierarchyIds) {
        const base = points.base.get(id);
        if (!base) continue;
        for (let h = 1; h <= H; h++) table.push({ series_id: id, period: String(h), step: h, model: points.model.get(id) ?? spec.name, mean: base[h - 1]!, lower: {}, upper: {} });
      }
      const history = method === "top-down" ? Object.fromEntries(hierarchyIds.map((id) => [id, byId.get(id)!.kind === "aggregate" ? byId.get(id)!.history.slice(0, cut + 1) : filledOf(id).slice(0, cut + 1)])) : undefined;
      const reconciled = reconcile(table, hierarchy, method, { residuals, history, nonNegative });
      for (const r of reconciled) {
        let m = points.means.get(r.series_id);
        if (!m) points.means.set(r.series_id, (m = new Float64Array(H)));
        m[r.step - 1] = r.mean;
        const baseModel = points.model.get(r.series_id) ?? (plan.reconcile.baseModel ?? spec).name;
        if (r.step === 1) points.model.set(r.series_id, method === "bottom-up" && byId.get(r.series_id)!.kind === "aggregate" ? `sum of ${spec.name} forecasts` : `${baseModel}+${method}`);
      }
    } else {
      for (const [id, m] of points.base) points.means.set(id, m);
    }
    // 5. Footprints: sums of the reconciled bottoms.
    for (const o of outputs) {
      if (o.kind !== "sum") continue;
      const members = o.members!.map((m) => points.means.get(m));
      if (members.some((m) => !m)) continue;
      points.means.set(o.id, sumOf(members as Float64Array[], H));
      points.model.set(o.id, `sum of reconciled ${spec.name} forecasts`);
    }
    // 6. Parts: the parent's forecast times the part's recent share.
    if (breakdowns.length) {
      const cut = T - offset;
      // Each parent's parts: its forecast times each part's latest share (shares add up to one).
      const byParent = new Map<string, PlanOutput[]>();
      for (const o of outputs) {
        if (o.kind !== "part" || o.members) continue;
        const key = `${o.parent}\u0000${o.siblings}`;
        let list = byParent.get(key);
        if (!list) byParent.set(key, (list = []));
        list.push(o);
      }
      for (const list of byParent.values()) {
        const parent = points.means.get(list[0]!.parent!);
        if (!parent) continue;
        const shares = list.map((o) => shareAt(o, cut));
        const total = shares.reduce((a, v) => a + (Number.isFinite(v) ? v : 0), 0);
        list.forEach((o, i) => {
          const share = shares[i]!;
          if (!Number.isFinite(share) || !(total > 0)) return;
          points.means.set(o.id, parent.map((v) => (v * share) / total));
          points.model.set(o.id, `share of ${points.model.get(o.parent!) ?? spec.name}`);
        });
      }
      for (const o of outputs) {
        if (o.kind !== "part" || !o.members) continue;
        const members = o.members.map((m) => points.means.get(m));
        if (members.some((m) => !m)) continue;
        points.means.set(o.id, sumOf(members as Float64Array[], H));
        points.model.set(o.id, `sum of LA shares of ${spec.name} forecasts`);
      }
    }
    memo.set(memoKey, points);
    return points;
  }

  // Calibration.
  const calibration = plan.calibration;
  // Too few scores: borrow the same part from the layer below (scaled errors are comparable
  // across layers; parts differ more from each other than layers do), then every score of the
  // same kind ("*": totals of LAs, regions and England; "*|*": parts). Footprints never lend
  // to the others, and parts never to totals, so England's interval does not depend on the
  // footprint file or the breakdown asked for.
  const layerBelow = (layer: string): string | undefined => (layer === "National" || layer === "Footprint" ? "Regional" : layer === "Regional" ? "Local authority" : undefined);
  const fallbackGroup = (group: string): string | undefined => {
    if (group === "*" || group === "*|*") return undefined;
    const [layer, key] = group.split("|") as [string, string | undefined];
    const below = layerBelow(layer);
    if (key === undefined) return below ?? "*";
    return below ? `${below}|${key}` : "*|*";
  };
  const mergedGroups: Record<string, (group: string) => boolean> = { "*": (g) => !g.includes("|") && g !== "Footprint", "*|*": (g) => g.includes("|") };

  function rowsAt(offset: number, onProgress?: (done: number, total: number) => void): { rows: ForecastTable; failures: ModelFailure[]; notes: string[]; chosen: string } {
    const refilter = calibration.method === "conformal" && (calibration.reuse ?? "refit") === "refilter";
    const points = pointsAt(offset);
    if (!points) return { rows: [], failures: [], notes: ["No forecast could be made: too little data."], chosen: "" };
    const notes = [...points.notes];
    let pools: ConformalPools | undefined;
    if (calibration.method === "conformal") {
      const builder = scoreBuilder(H);
      const last = calibration.origins === "all" || calibration.origins === undefined && aligned ? maxOffset : Math.min(maxOffset, offset + (typeof calibration.origins === "number" ? calibration.origins : H + 2));
      for (let k = offset + 1; k <= last; k++) {
        const earlier = refilter ? pointsAt(k, offset) : pointsAt(k);
        onProgress?.(k - offset, last - offset);
        if (!earlier) continue;
        for (const o of outputs) {
          const mean = earlier.means.get(o.id);
          if (!mean) continue;
          const cut = cutOf(o, k);
          if ((o.kind === "model" || o.kind === "bottom") && observedUpTo(o.history, cut) < minimumFit) continue;
          // A constant history has no natural scale: its errors say nothing about other series.
          if (o.kind !== "part" && !(naiveScale(o.history.subarray(0, cut + 1), o.frequency > 1 && cut + 1 > o.frequency ? o.frequency : 1) > 0)) continue;
          const scale = scaleAt(o, cut);
          for (let h = 1; h <= Math.min(H, k - offset); h++) {
            const actual = o.history[cut + h]!;
            if (!Number.isFinite(actual)) continue;
            builder.add(o.group, h, actual, mean[h - 1]!, scale);
          }
        }
      }
      pools = builder.pools({ fallback: fallbackGroup, minimumScores: calibration.minimumScores ?? 30, merged: mergedGroups });
    }
    const rows: ForecastTable = [];
    let missingIntervals = 0;
    for (const o of outputs) {
      const mean = points.means.get(o.id);
      if (!mean) continue;
      const cut = cutOf(o, offset);
      const analytic = calibration.method === "model" ? analyticRows(points, o, cut) : undefined;
      for (let h = 1; h <= H; h++) {
        const period = cut + h < o.periods.length ? o.periods[cut + h]! : periodLabelAfter(o.periods[o.periods.length - 1]!, cut + h - (o.periods.length - 1));
        let row: ForecastRow = { series_id: o.id, period, step: h, model: points.model.get(o.id) ?? points.chosen, mean: nonNegative ? Math.max(0, mean[h - 1]!) : mean[h - 1]!, lower: {}, upper: {}, origin: cut };
        if (pools) {
          const scale = scaleAt(o, cut);
          let distribution = conformalDistribution(pools, o.group, h, scale, floor);
          if (!distribution && scale > 0) { distribution = { scores: noChangeScores(H), step: h, scale, floor, group: "no-change (too few past errors)" }; missingIntervals++; }
          row = withDistribution(row, distribution, plan.levels);
        } else if (analytic) {
          const a = analytic[h - 1];
          for (const level of plan.levels) { row.lower[level] = a?.lower[level] ?? Number.NaN; row.upper[level] = a?.upper[level] ?? Number.NaN; }
          nestIntervals(row, plan.levels);
        }
        for (const level of plan.levels) {
          if (row.lower[level] === undefined) row.lower[level] = Number.NaN;
          if (row.upper[level] === undefined) row.upper[level] = Number.NaN;
          if (nonNegative && Number.isFinite(row.lower[level]!)) row.lower[level] = Math.max(0, row.lower[level]!);
        }
        rows.push(row);
      }
    }
    if (missingIntervals) notes.push(`${missingIntervals} forecast cells had too few earlier forecast errors to calibrate: their intervals are those of the no-change forecast (normal, sd 1.25 x the series' mean yearly change x the square root of the step).`);
    return { rows, failures: points.failures, notes, chosen: points.chosen };
  }

  function analyticRows(points: Points, o: PlanOutput, cut: number): Array<{ lower: Record<number, number>; upper: Record<number, number> }> | undefined {
    const fit = points.fits.get(o.id);
    if (fit) {
      const gap = cut - fit.end;
      const band = fit.fitted.forecast(H + gap, plan.levels);
      return Array.from({ length: H }, (_, h) => ({ lower: Object.fromEntries(plan.levels.map((l) => [l, band.lower[l]![h + gap]!])), upper: Object.fromEntries(plan.levels.map((l) => [l, band.upper[l]![h + gap]!])) }));
    }
    const global = points.globalRows.get(o.id);
    return global?.map((r) => ({ lower: r.lower, upper: r.upper }));
  }

  return { plan, horizon: H, outputs, byId, aligned, nonNegative, maxOffset, pointsAt, cutOf, scaleAt, rowsAt };
}
