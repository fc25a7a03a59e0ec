/**
 * Forecast a template measure from a normalised dataset (the output of `suff ingest`) for
 * every current LA, footprint and England (optionally by dimensions), reconciled so the
 * LA forecasts add up to the footprint and England forecasts, as tidy EES-style rows with
 * interval columns.
 *
 * Boundary changes (DOMAIN.md section 4): only LAs that exist in the last period are
 * forecast. For every change (merge, split) the predecessors' history and the successors'
 * history are joined into one combined series over the changed area, which is clean across
 * the change. When every successor has at least `minimumHistory` observations it is
 * forecast from its own series; otherwise the combined series is forecast and split between
 * the successors by their average share since the change. Before a change, a successor's
 * history (used for footprint/England histories, top-down proportions and MinT errors) is
 * back-cast as the combined series times that share, so no area is lost or counted twice.
 *
 * Histories of aggregates are sums of their members; a member's interior gaps (suppressed
 * values) are linearly interpolated first (FPP3 section 13.9); a year a member cannot
 * supply stays missing for the aggregate (missing is never zero).
 */
import type { DatasetRow, DimensionColumn } from "../spec/dataset.ts";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { ForecastRow, ForecastTable, GlobalModelSpec, ModelSpec, Series } from "../spec/forecast.ts";
import { SuffError } from "../spec/errors.ts";
import { BOUNDARY_CHANGES } from "../reference/boundary-changes.ts";
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { parentCode } from "../reference/code-tree.ts";
import { findLa, laValidIn, statisticalNeighbours, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { findMeasure } from "../template/measures.ts";
import { builtInFootprints } from "../aggregate/built-in-footprints.ts";
import { hierarchy, seriesKey } from "./hierarchy.ts";
import { forecastSeries } from "./forecast-series.ts";
import { pooledRate } from "./models/pooled-rate.ts";
import { reconcile, type ReconcileMethod } from "./reconcile.ts";

export interface ForecastDatasetOptions {
  measure: string;
  /** Dimensions to forecast by (crossed); default none (LA totals). */
  by?: DimensionColumn[];
  /** Footprints between LA and England (default: the nine regions). */
  footprints?: FootprintSet;
  /** Default "mint-shrink"; "none" keeps the base forecasts (not coherent: for comparison only). */
  reconcile?: ReconcileMethod | "none";
  horizon: number;
  /** Interval levels in percent (default [80, 95]). */
  levels?: number[];
  /** Base model: a local model, a global model, or the default pooled-rate model (with the dataset's population). */
  model?: ModelSpec | GlobalModelSpec;
  /** Fewest observations a successor LA needs to be forecast from its own series (default 6). */
  minimumHistory?: number;
  /** One-step origins used for the MinT / WLS-variance error covariance (default 6). */
  errorOrigins?: number;
  /** How intervals follow the reconciled means (see reconcile; default "shift"). */
  intervals?: "shift" | "scale";
}

export interface ForecastDatasetRow {
  time_period: string;
  time_identifier: string;
  geographic_level: string;
  country_code: string;
  country_name: string;
  region_code: string;
  region_name: string;
  footprint_code: string;
  footprint_name: string;
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  measure: string;
  dims: Partial<Record<DimensionColumn, string>>;
  model: string;
  mean: number;
  lower: Record<number, number>;
  upper: Record<number, number>;
}

export interface ForecastDatasetResult {
  rows: ForecastDatasetRow[];
  /** Plain-language notes: boundary-change handling, dropped rows, reconciliation. */
  notes: string[];
}

const POPULATION_MEASURE = "population_0_17";
const SEPARATOR = "\u001f";

function isGlobal(spec: ModelSpec | GlobalModelSpec): spec is GlobalModelSpec {
  return (spec as GlobalModelSpec).global === true;
}

/** Gaps filled for aggregation: interior linearly interpolated, leading/trailing carried from the nearest observation; all-missing stays NaN. */
function filled(values: Float64Array): Float64Array {
  const out = interpolated(values);
  const first = out.findIndex(Number.isFinite);
  if (first < 0) return out;
  let last = out.length - 1;
  while (!Number.isFinite(out[last])) last--;
  for (let t = 0; t < first; t++) out[t] = out[first];
  for (let t = last + 1; t < out.length; t++) out[t] = out[last];
  return out;
}

/** Interior gaps linearly interpolated; leading/trailing gaps stay NaN. */
function interpolated(values: Float64Array): Float64Array {
  const out = Float64Array.from(values);
  let previous = -1;
  for (let t = 0; t < out.length; t++) {
    if (!Number.isFinite(out[t])) continue;
    if (previous >= 0 && t - previous > 1) for (let k = previous + 1; k < t; k++) out[k] = out[previous] + ((out[t] - out[previous]) * (k - previous)) / (t - previous);
    previous = t;
  }
  return out;
}

function sumOf(arrays: Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (const a of arrays) for (let t = 0; t < length; t++) out[t] += a[t];
  return out;
}

/** The finest values of a dimension present: drops any value that is an ancestor of another present value. */
function finestValues(column: DimensionColumn, values: Set<string>): string[] {
  const list = CODE_LISTS[column];
  const present = [...values].filter((v) => v !== TOTAL && v !== "");
  if (!list) return present.sort();
  const ancestors = new Set<string>();
  for (const v of present) {
    let parent = parentCode(list, v);
    while (parent) { ancestors.add(parent); parent = parentCode(list, parent); }
  }
  return present.filter((v) => !ancestors.has(v)).sort();
}

function dimsOf(key: string, by: DimensionColumn[]): Partial<Record<DimensionColumn, string>> {
  const parts = key === "" ? [] : key.split(SEPARATOR);
  return Object.fromEntries(by.map((c, i) => [c, parts[i] ?? TOTAL]));
}

/**
 * Forecasts `measure` for current LAs, footprints and England, reconciled.
 *
 * Stages: 1. select LA rows of the measure (totals, or the finest values of `by`);
 * 2. build LA series on a common period grid, one per current LA (x dimension value), with
 * combined series over boundary changes; 3. forecast the bottom series (per panel for a
 * global model); 4. build aggregate histories and forecast them; 5. one-step errors at the
 * last origins for MinT/WLS; 6. reconcile over LA -> footprint -> England (x dimension);
 * 7. tidy EES-style rows.
 * @throws SuffError E_FORECAST_MEASURE when the measure is unknown or not additive,
 *   E_FORECAST_NO_DATA when the dataset has no LA rows for it, E_FORECAST_DIMENSION when a
 *   `by` column is not a dimension of the measure.
 * @example forecastDataset(rows, { measure: "cla_31_march", horizon: 3 }).rows[0].geographic_level // "National"
 */
export function forecastDataset(rows: readonly DatasetRow[], options: ForecastDatasetOptions): ForecastDatasetResult {
  const notes: string[] = [];
  const levels = options.levels ?? [80, 95];
  const by = options.by ?? [];
  const method = options.reconcile ?? "mint-shrink";
  const minimumHistory = options.minimumHistory ?? 6;
  const measure = findMeasure(options.measure);
  if (!measure) throw new SuffError("E_FORECAST_MEASURE", `Unknown measure "${options.measure}".`, { hint: "Use a measure id from the template (suff template --format csv lists them)." });
  if (measure.aggregation.kind !== "sum") throw new SuffError("E_FORECAST_MEASURE", `Measure "${measure.id}" does not add up across LAs (${measure.aggregation.kind}); only additive measures can be reconciled.`);
  const measureDims = measure.dimensions.map((d) => d.column);
  for (const column of by) if (!measureDims.includes(column)) throw new SuffError("E_FORECAST_DIMENSION", `"${column}" is not a dimension of ${measure.id} (it has: ${measureDims.join(", ") || "none"}).`);

  // 1. Rows of the measure at LA level, other dimensions at their total.
  const selected = rows.filter((r) => r.measure === measure.id && r.geographic_level === "Local authority" &&
    measureDims.every((c) => (by.includes(c) ? (r.dims[c] ?? "") !== "" && r.dims[c] !== TOTAL : (r.dims[c] ?? TOTAL) === TOTAL || r.dims[c] === "")));
  if (selected.length === 0) throw new SuffError("E_FORECAST_NO_DATA", `The dataset has no LA rows for ${measure.id}${by.length ? ` by ${by.join(", ")}` : ""}.`, { hint: "Ingest a file that carries this measure at LA level (suff ingest data/published --out DIR)." });
  const finest = by.map((c) => new Set(finestValues(c, new Set(selected.map((r) => r.dims[c]!)))));
  const periods = [...new Set(selected.map((r) => r.time_period))].sort();
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const T = periods.length;
  const lastYear = Number(periods[T - 1]);
  const timeIdentifier = selected.find((r) => r.time_period === periods[T - 1])?.time_identifier ?? "Reporting year";

  // 2. Raw values by LA (old code) and dimension key; duplicates keep the first value.
  const raw = new Map<string, Map<string, Float64Array>>();
  const dimensionKeys = new Set<string>();
  let unknownLa = 0;
  let coarser = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  for (const r of selected) {
    const la = findLa(r.old_la_code || r.new_la_code) ?? findLa(r.new_la_code);
    if (!la) { unknownLa++; continue; }
    if (!by.every((c, i) => finest[i].has(r.dims[c]!))) { coarser++; continue; }
    const key = by.map((c) => r.dims[c]!).join(SEPARATOR);
    dimensionKeys.add(key);
    let byKey = raw.get(la.oldCode);
    if (!byKey) raw.set(la.oldCode, (byKey = new Map()));
    let values = byKey.get(key);
    if (!values) byKey.set(key, (values = new Float64Array(T).fill(NaN)));
    const t = periodIndex.get(r.time_period)!;
    const cell = `${la.oldCode}\u0000${key}\u0000${t}`;
    if (seen.has(cell)) {
      duplicates++;
      if (!Number.isFinite(values[t]) && r.value !== null && Number.isFinite(r.value)) values[t] = r.value; // a value beats a suppressed duplicate
      continue;
    }
    seen.add(cell);
    if (r.value !== null && Number.isFinite(r.value)) values[t] = r.value;
  }
  if (unknownLa) notes.push(`${unknownLa} rows with an LA code not in the reference list were not used.`);
  if (coarser) notes.push(`${coarser} rows at a coarser level of ${by.join(", ")} than the finest present were not used (the finest values are forecast and summed).`);
  if (duplicates) notes.push(`${duplicates} duplicate rows (same LA, period and dimensions from more than one source) were not used; the first value was kept (a value over a missing one).`);
  const keys = [...dimensionKeys].sort();
  const crossed = by.length > 0;
  const zero = () => new Float64Array(T).fill(NaN);
  const series = (oldCode: string, key: string) => raw.get(oldCode)?.get(key) ?? zero();

  // Population by LA (old code) on the grid.
  const population = new Map<string, Float64Array>();
  for (const r of rows) {
    if (r.measure !== POPULATION_MEASURE || r.geographic_level !== "Local authority" || r.value === null) continue;
    const t = periodIndex.get(r.time_period);
    const la = findLa(r.old_la_code || r.new_la_code) ?? findLa(r.new_la_code);
    if (t === undefined || !la) continue;
    let p = population.get(la.oldCode);
    if (!p) population.set(la.oldCode, (p = zero()));
    if (!Number.isFinite(p[t])) p[t] = r.value;
  }

  // Current LAs and boundary-change groups.
  const current = [...raw.keys()].map((c) => findLa(c)!).filter((la) => Number.isFinite(lastYear) ? laValidIn(la, lastYear) : true);
  const currentCodes = new Set(current.map((la) => la.oldCode));
  const ended = [...raw.keys()].filter((c) => !currentCodes.has(c)).map((c) => findLa(c)!);
  if (ended.length) notes.push(`Not forecast (no longer an LA in ${periods[T - 1]}): ${ended.map((la) => la.name).join(", ")}; their history counts through their successors.`);
  interface Change { id: string; from: string[]; to: string[]; firstIndex: number; direct: boolean; share: Map<string, Map<string, number>> }
  const changes: Change[] = [];
  for (const c of BOUNDARY_CHANGES) {
    if (c.kind === "recode" || !c.to.some((s) => currentCodes.has(s))) continue;
    const firstIndex = periods.findIndex((p) => Number(p) >= c.firstYear);
    if (firstIndex <= 0) continue; // the whole grid is after the change: nothing to join
    const to = c.to.filter((s) => currentCodes.has(s));
    const shortest = Math.min(...to.flatMap((s) => keys.map((k) => series(s, k).filter(Number.isFinite).length).filter((n) => n > 0)));
    const share = new Map<string, Map<string, number>>();
    for (const k of keys) {
      const present = to.filter((s) => series(s, k).some(Number.isFinite));
      const totals = new Map(present.map((s) => [s, 0]));
      let years = 0;
      for (let t = firstIndex; t < T; t++) {
        const values = present.map((s) => series(s, k)[t]);
        const sum = values.reduce((a, b) => a + b, 0);
        if (!values.every(Number.isFinite) || !(sum > 0)) continue;
        years++;
        present.forEach((s, i) => totals.set(s, totals.get(s)! + values[i] / sum));
      }
      share.set(k, new Map(to.map((s) => [s, !present.includes(s) ? 0 : years ? totals.get(s)! / years : 1 / present.length])));
    }
    const direct = shortest >= minimumHistory;
    const names = (codes: string[]) => codes.map((x) => findLa(x)?.name ?? x).join(", ");
    changes.push({ id: `combined:${to.join("+")}`, from: c.from, to, firstIndex, direct, share });
    notes.push(direct
      ? `${names(to)}: forecast from their own series (at least ${minimumHistory} years since replacing ${names(c.from)}); earlier years back-cast from the combined area for aggregates.`
      : `${names(to)}: too short since replacing ${names(c.from)} in ${c.firstYear}; the combined area (${names(c.from)} before, ${names(to)} after) is forecast and split by average share since the change.`);
  }
  const changeOf = new Map<string, Change>();
  for (const ch of changes) for (const s of ch.to) changeOf.set(s, ch);
  const combined = (ch: Change, key: string) => {
    const out = zero();
    // Members never observed for this key (always suppressed) are left out, not counted as zero.
    const before = ch.from.map((m) => filled(series(m, key))).filter((m) => m.some(Number.isFinite));
    const after = ch.to.map((m) => filled(series(m, key))).filter((m) => m.some(Number.isFinite));
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (const m of t < ch.firstIndex ? before : after) sum += m[t];
      out[t] = sum;
    }
    return out;
  };
  // History of a current LA, back-cast before a boundary change, interior gaps interpolated.
  const history = (la: LocalAuthority, key: string) => {
    const own = filled(series(la.oldCode, key));
    const ch = changeOf.get(la.oldCode);
    if (!ch) return own;
    const whole = combined(ch, key);
    const share = ch.share.get(key)!.get(la.oldCode)!;
    const ownObserved = series(la.oldCode, key);
    return Float64Array.from(own, (v, t) => (t < ch.firstIndex || !Number.isFinite(ownObserved[t]) ? whole[t] * share : v));
  };
  // A current LA x value with no observed value at all (e.g. always suppressed) cannot be forecast.
  const observed = (la: LocalAuthority, key: string) => {
    return series(la.oldCode, key).some(Number.isFinite);
  };
  const populationOf = (codes: string[]) => {
    const out = zero();
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (const c of codes) sum += population.get(c)?.[t] ?? NaN;
      out[t] = sum;
    }
    return out;
  };

  // 3-4. Base forecasts by panel.
  const las = current.sort((a, b) => a.newCode.localeCompare(b.newCode));
  const bottomId = (la: LocalAuthority, key: string) => (crossed ? seriesKey(la.newCode, key) : la.newCode);
  const footprints = options.footprints ?? builtInFootprints("region");
  const footprintMembers = footprints.footprints.map((f) => ({ ...f, members: [...new Set(f.members.map((m) => findLa(m)?.newCode ?? m))] }));
  const byNewCode = new Map(las.map((la) => [la.newCode, la]));
  const unobserved = las.flatMap((la) => keys.filter((k) => !observed(la, k)).map((k) => `${la.name}${crossed ? ` (${k.split(SEPARATOR).join(", ")})` : ""}`));
  if (unobserved.length) notes.push(`${unobserved.length} LA series have no observed value (all suppressed or missing) and are not forecast; aggregates cover the rest: ${unobserved.slice(0, 10).join("; ")}${unobserved.length > 10 ? "; ..." : ""}.`);
  const structure = hierarchy({
    las: las.filter((la) => keys.some((k) => observed(la, k))).map((la) => la.newCode),
    footprints: { source: footprints.source, footprints: footprintMembers },
    dimensionValues: crossed ? keys : undefined,
    keep: (code, key) => observed(byNewCode.get(code)!, key),
  });
  const histories: Record<string, Float64Array> = {};
  const populations: Record<string, Float64Array> = {};
  const bottomSet = new Set(structure.bottom);
  for (const la of las) for (const key of keys) if (bottomSet.has(bottomId(la, key))) { histories[bottomId(la, key)] = history(la, key); populations[bottomId(la, key)] = populationOf([la.oldCode]); }
  for (const a of structure.aggregates) {
    histories[a.id] = sumOf(a.members.map((m) => histories[m]), T);
    const laCodes = [...new Set(a.members.map((m) => byNewCode.get(m.split("|")[0])!.oldCode))];
    populations[a.id] = populationOf(laCodes);
  }
  const peerIds = (ids: string[]) => {
    // Successor LAs have no statistical neighbours of their own: use their predecessors'.
    const peers: Record<string, string[]> = {};
    const idSet = new Set(ids);
    for (const id of ids) {
      const [geo, key] = id.split("|");
      const ch = geo.startsWith("combined:") ? changes.find((c) => c.id === geo) : undefined;
      const la = ch ? findLa(ch.from[0]) : findLa(geo);
      if (!la) continue;
      const neighbours = statisticalNeighbours(la).map((n) => byNewCode.has(n.newCode) ? (key === undefined ? n.newCode : seriesKey(n.newCode, key)) : "").filter((x) => x && idSet.has(x));
      if (neighbours.length >= 3) peers[id] = neighbours;
    }
    return peers;
  };

  const gridPeriods = periods;
  const toSeries = (id: string, values: Float64Array, end = T): Series => ({ id, periods: gridPeriods.slice(0, end), values: values.slice(0, end), frequency: 1 });
  const forecastPanel = (ids: string[], valuesOf: (id: string) => Float64Array, populationFor: (id: string) => Float64Array, end: number, horizon: number): ForecastTable => {
    const set = ids.map((id) => toSeries(id, valuesOf(id), end));
    if (options.model && !isGlobal(options.model)) {
      const local = options.model;
      return set.flatMap((s) => forecastSeries(s, local, { horizon, levels, nonNegative: true }));
    }
    const pop: Record<string, Record<string, number>> = {};
    for (const id of ids) {
      const p = populationFor(id);
      if (p.slice(0, end).some(Number.isFinite)) pop[id] = Object.fromEntries(gridPeriods.slice(0, end).map((period, t) => [period, p[t]]).filter(([, v]) => Number.isFinite(v as number)));
    }
    const model = options.model ?? pooledRate({ population: pop, peers: peerIds(ids) });
    return (model as GlobalModelSpec).forecastMany(set, { horizon, levels });
  };

  // Bottom panel: direct LAs plus combined areas for short successors.
  const directLas = las.filter((la) => !changeOf.get(la.oldCode) || changeOf.get(la.oldCode)!.direct);
  const splitChanges = changes.filter((c) => !c.direct);
  const bottomPanelIds = [
    ...directLas.flatMap((la) => keys.map((k) => bottomId(la, k))).filter((id) => bottomSet.has(id)),
    ...splitChanges.flatMap((ch) => keys.filter((k) => ch.to.some((s) => bottomSet.has(bottomId(findLa(s)!, k)))).map((k) => (crossed ? seriesKey(ch.id, k) : ch.id))),
  ];
  const panelValues = (id: string) => {
    const [geo, key = ""] = crossed ? id.split("|") : [id, ""];
    const ch = changes.find((c) => c.id === geo);
    if (ch) return combined(ch, key);
    return interpolated(series(byNewCode.get(geo)!.oldCode, key));
  };
  const panelPopulation = (id: string) => {
    const geo = crossed ? id.split("|")[0] : id;
    const ch = changes.find((c) => c.id === geo);
    if (ch) { const before = populationOf(ch.from); const after = populationOf(ch.to); return Float64Array.from(before, (v, t) => (t < ch.firstIndex ? v : after[t])); }
    return populationOf([byNewCode.get(geo)!.oldCode]);
  };
  const splitRows = (table: ForecastTable): ForecastTable => table.flatMap((row) => {
    const [geo, key = ""] = crossed ? row.series_id.split("|") : [row.series_id, ""];
    const ch = changes.find((c) => c.id === geo);
    if (!ch) return [row];
    return ch.to.filter((s) => bottomSet.has(bottomId(findLa(s)!, key))).map((s) => {
      const share = ch.share.get(key)!.get(s)!;
      const la = findLa(s)!;
      return { ...row, series_id: bottomId(la, key), model: `${row.model} (share of combined area)`, mean: row.mean * share,
        lower: Object.fromEntries(Object.entries(row.lower).map(([l, v]) => [l, v * share])), upper: Object.fromEntries(Object.entries(row.upper).map(([l, v]) => [l, v * share])) };
    });
  });
  const aggregateIds = structure.aggregates.map((a) => a.id);
  const panels: string[][] = crossed
    ? [aggregateIds.filter((id) => !id.includes("|") && byNewCode.has(id)), aggregateIds.filter((id) => !byNewCode.has(id.split("|")[0]))]
    : [aggregateIds];
  const aggregateValues = (id: string) => histories[id];
  const aggregatePopulation = (id: string) => populations[id];
  const baseAt = (end: number, horizon: number): ForecastTable => [
    ...splitRows(forecastPanel(bottomPanelIds, panelValues, panelPopulation, end, horizon)),
    ...panels.flatMap((ids) => (ids.length ? forecastPanel(ids, aggregateValues, aggregatePopulation, end, horizon) : [])),
  ];
  const base = baseAt(T, options.horizon);

  // 5. One-step out-of-sample errors at the last origins (MinT / WLS variance covariance).
  let residuals: Record<string, Float64Array> | undefined;
  if (method === "mint-shrink" || method === "wls-variance") {
    const originCount = Math.min(options.errorOrigins ?? 6, T - 2);
    if (originCount < 2) throw new SuffError("E_FORECAST_NO_DATA", `${method} needs at least 4 periods of history to estimate forecast errors; use --reconcile bottom-up or wls-structural.`);
    if (originCount < 3) notes.push(`Only ${originCount} one-step errors per series: ${method} uses their variances only (no correlations).`);
    const ids = [...structure.aggregates.map((a) => a.id), ...structure.bottom];
    residuals = Object.fromEntries(ids.map((id) => [id, new Float64Array(originCount).fill(NaN)]));
    for (let k = 0; k < originCount; k++) {
      const end = T - originCount + k; // fit on [0, end), forecast index `end`
      for (const row of baseAt(end, 1)) {
        const actual = histories[row.series_id]?.[end];
        if (residuals[row.series_id] && Number.isFinite(actual)) residuals[row.series_id][k] = actual - row.mean;
      }
    }
  }

  // 6. Reconcile.
  const byId = new Map(base.map((r) => [`${r.series_id}\u0000${r.step}`, r]));
  const complete: ForecastRow[] = [];
  for (const id of [...structure.aggregates.map((a) => a.id), ...structure.bottom]) {
    for (let h = 1; h <= options.horizon; h++) {
      const row = byId.get(`${id}\u0000${h}`);
      if (row && Number.isFinite(row.mean)) complete.push({ ...row, origin: undefined });
      else if (bottomSet.has(id) || (method !== "bottom-up" && method !== "none")) throw new SuffError("E_FORECAST_NO_DATA", `No forecast could be made for ${id} (no observed values); it cannot be reconciled.`);
    }
  }
  for (const r of complete) delete r.origin;
  const periodOf = (h: number) => String(lastYear + h);
  for (const r of complete) r.period = Number.isFinite(lastYear) ? periodOf(r.step) : r.period;
  const reconciled = method === "none" ? complete : reconcile(complete, structure, method, { residuals, history: histories, nonNegative: true, intervals: options.intervals });
  if (method === "none") notes.push("Not reconciled (--reconcile none): LA, footprint and England forecasts are the base forecasts and need not add up.");
  else notes.push(`Reconciled with ${method} over ${structure.bottom.length} bottom series and ${structure.aggregates.length} aggregates (LA -> ${footprints.source === "regions" ? "region" : "footprint"} -> England${crossed ? ` x ${by.join(" x ")}` : ""}).`);

  // 7. Tidy rows.
  const footprintByCode = new Map(footprintMembers.map((f) => [f.code, f]));
  const otherDims = Object.fromEntries(measureDims.filter((c) => !by.includes(c)).map((c) => [c, TOTAL]));
  const out: ForecastDatasetRow[] = reconciled.map((r) => {
    const [geo, key] = crossed ? (r.series_id.includes("|") ? r.series_id.split("|") : [r.series_id, undefined]) : [r.series_id, undefined];
    const dims = { ...otherDims, ...(key === undefined ? Object.fromEntries(by.map((c) => [c, TOTAL])) : dimsOf(key, by)) } as Partial<Record<DimensionColumn, string>>;
    const common = { time_period: r.period, time_identifier: timeIdentifier, country_code: ENGLAND.code, country_name: ENGLAND.name, measure: measure.id, dims, model: r.model, mean: r.mean, lower: r.lower, upper: r.upper };
    const la = byNewCode.get(geo);
    if (la) return { ...common, geographic_level: "Local authority", region_code: la.regionCode, region_name: la.regionName, footprint_code: "", footprint_name: "", old_la_code: la.oldCode, new_la_code: la.newCode, la_name: la.name };
    if (geo === ENGLAND.code) return { ...common, geographic_level: "National", region_code: "", region_name: "", footprint_code: "", footprint_name: "", old_la_code: "", new_la_code: "", la_name: "" };
    const f = footprintByCode.get(geo)!;
    const regions = new Set(f.members.map((m) => findLa(m)?.regionCode ?? ""));
    const only = regions.size === 1 ? REGIONS.find((x) => regions.has(x.code)) : undefined;
    const regional = footprints.source === "regions";
    return { ...common, geographic_level: regional ? "Regional" : "Footprint", region_code: regional ? f.code : only?.code ?? "", region_name: regional ? f.name : only?.name ?? "", footprint_code: f.code, footprint_name: f.name, old_la_code: "", new_la_code: "", la_name: "" };
  });
  const levelOrder: Record<string, number> = { National: 0, Regional: 1, Footprint: 1, "Local authority": 2 };
  out.sort((a, b) => levelOrder[a.geographic_level] - levelOrder[b.geographic_level] || a.footprint_code.localeCompare(b.footprint_code) || a.new_la_code.localeCompare(b.new_la_code) ||
    DIMENSION_COLUMNS.reduce((acc, c) => acc || (a.dims[c] ?? "").localeCompare(b.dims[c] ?? ""), 0) || a.time_period.localeCompare(b.time_period));
  return { rows: out, notes };
}

/**
 * CSV header of forecastDataset rows for the given dimension columns and levels.
 * @throws never.
 * @example forecastDatasetColumns(["placement_type"], [80]).slice(-5) // ["placement_type", "model", "mean", "lo80", "hi80"]
 */
export function forecastDatasetColumns(dimensions: readonly DimensionColumn[], levels: readonly number[]): string[] {
  return ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "footprint_code", "footprint_name", "old_la_code", "new_la_code", "la_name", "measure", ...dimensions, "model", "mean", ...levels.flatMap((l) => [`lo${l}`, `hi${l}`])];
}
