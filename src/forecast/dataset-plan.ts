/**
 * The plan for a template measure of a normalised dataset (the output of `suff ingest`): the
 * LA panel with ONS population and regions, LA -> region -> England reconciliation, footprints
 * summed from the reconciled LAs, and an optional breakdown (placement type, age band) split
 * from each LA's forecast by its recent shares.
 *
 * Boundary changes (DOMAIN.md section 4): only LAs that exist in the last period are
 * forecast. For every change (merge, split) the predecessors' and successors' histories join
 * into one combined series over the changed area. When every successor has at least
 * `minimumHistory` observations it is forecast from its own series; otherwise the combined
 * series is forecast and split between the successors by their average share since the
 * change. Before a change, a successor's history (for aggregates, actuals and scales) is the
 * combined series times that share, so no area is lost or counted twice.
 *
 * Breakdowns: an LA's suppressed cells (counts 1 to 4, or secondary suppression) are never
 * zero: the LA's unallocated total (its published total minus its published cells) is shared
 * equally between its suppressed cells that year, so parts add up to the total exactly.
 */
import type { DatasetRow, DimensionColumn } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import type { AnyModelSpec, ForecastPlan, Panel, PanelParts, ReconcileMethod, Series } from "../spec/forecast.ts";
import { SuffError } from "../spec/errors.ts";
import { BOUNDARY_CHANGES } from "../reference/boundary-changes.ts";
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { parentCode } from "../reference/code-tree.ts";
import { findLa, laValidIn, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { findMeasure } from "../template/measures.ts";
import { hierarchy } from "./hierarchy.ts";
import { rateToRegion } from "./models/rate-to-region.ts";

/** What a dataset plan forecasts. */
export interface DatasetPlanInput {
  rows: readonly DatasetRow[];
  /** A template measure id (additive), e.g. cla_31_march. */
  measure: string;
  /** Dimensions to break each LA's forecast into (crossed); default none. */
  by?: DimensionColumn[];
  /** Several separate breakdowns (e.g. [["placement_type"], ["age_band"]]), each adding up to the total; with `by`, `by` comes first. */
  breakdowns?: DimensionColumn[][];
  /** Footprints shown beside regions and England: sums of the reconciled LA forecasts (may overlap, may cross regions). */
  footprints?: FootprintSet;
  /** How LA -> region -> England are made coherent (default: the method chosen on early origins, see DEFAULT_RECONCILE). */
  reconcile?: ReconcileMethod;
  /** Fewest observations a successor LA needs to be forecast from its own series (default 6). */
  minimumHistory?: number;
}

/** Where each output series id of a dataset plan sits: for the tidy EES-style rows. */
export interface DatasetPlanGeography {
  /** LA by output id (new ONS code). */
  las: Map<string, LocalAuthority>;
  /** Region by output id. */
  regions: Map<string, { code: string; name: string }>;
  /** Footprint by output id. */
  footprints: Map<string, { code: string; name: string; members: string[] }>;
  /** The breakdowns (each a list of crossed dimensions) and every dimension of the measure. */
  breakdowns: DimensionColumn[][];
  dimensions: DimensionColumn[];
  /** The dimension values of each part key (the other dimensions are at their total). */
  keyDims: Record<string, Partial<Record<DimensionColumn, string>>>;
  /** Measure id and the dataset's time identifier and last period. */
  measure: string;
  timeIdentifier: string;
  lastPeriod: string;
}

/** A dataset plan: the plan itself plus what is needed to label its rows. */
export interface DatasetPlan extends ForecastPlan {
  geography: DatasetPlanGeography;
}

/**
 * The reconciliation of the default dataset plan: bottom-up (regions and England are sums of
 * the LA forecasts), which had the lowest mean MASE over LAs, regions and England at origins
 * 2015-2016 (bench/la-backtest.bench.ts, part 3; 2017-2022 were not used to choose).
 */
export const DEFAULT_RECONCILE: ReconcileMethod = "bottom-up";

const POPULATION_MEASURE = "population_0_17";
/** Separates crossed dimension values inside a part key. */
export const KEY_SEPARATOR = "\u001f";

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

/** Interior gaps linearly interpolated, leading/trailing carried from the nearest observation. */
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
  let last = out.length - 1;
  while (!Number.isFinite(out[last])) last--;
  for (let t = 0; t < first; t++) out[t] = out[first]!;
  for (let t = last + 1; t < out.length; t++) out[t] = out[last]!;
  return out;
}

/**
 * Build the plan for a dataset measure (see the module comment): the `rate-to-region` model
 * (or `model`), conformal intervals from the whole plan re-run at every earlier origin with
 * four years of data, reconciled LA -> region -> England (DEFAULT_RECONCILE), footprints as
 * sums, parts by share.
 *
 * Stages: 1. select the measure's LA rows (totals; and the finest values of `by`); 2. LA
 * series on the common period grid, with combined series over boundary changes; 3. population
 * and regions as covariates; 4. the hierarchy LA -> region -> England and footprint sums;
 * 5. part histories with suppressed cells allocated.
 * @throws SuffError E_FORECAST_MEASURE when the measure is unknown or not additive,
 *   E_FORECAST_NO_DATA when the dataset has no LA rows for it, E_FORECAST_DIMENSION when a
 *   `by` column is not a dimension of the measure.
 * @example datasetPlan({ rows, measure: "cla_31_march" }).reconcile?.method // "bottom-up"
 */
export function datasetPlan(input: DatasetPlanInput, options: { model?: AnyModelSpec; levels?: number[] } = {}): DatasetPlan {
  const notes: string[] = [];
  const breakdowns = [...(input.by?.length ? [input.by] : []), ...(input.breakdowns ?? []).filter((b) => b.length > 0)];
  const minimumHistory = input.minimumHistory ?? 6;
  const measure = findMeasure(input.measure);
  if (!measure) throw new SuffError("E_FORECAST_MEASURE", `Unknown measure "${input.measure}".`, { hint: "Use a measure id from the template (suff template --format csv lists them)." });
  if (measure.aggregation.kind !== "sum") throw new SuffError("E_FORECAST_MEASURE", `Measure "${measure.id}" does not add up across LAs (${measure.aggregation.kind}); only additive measures can be reconciled.`);
  const measureDims = measure.dimensions.map((d) => d.column);
  for (const column of breakdowns.flat()) if (!measureDims.includes(column)) throw new SuffError("E_FORECAST_DIMENSION", `"${column}" is not a dimension of ${measure.id} (it has: ${measureDims.join(", ") || "none"}).`);

  // 1. LA rows of the measure: totals (every dimension at total) and parts (the `by` dimensions below total, the rest at total).
  const isTotal = (r: DatasetRow, c: DimensionColumn) => (r.dims[c] ?? TOTAL) === TOTAL || r.dims[c] === "";
  const laRows = input.rows.filter((r) => r.measure === measure.id && r.geographic_level === "Local authority");
  const totalRows = laRows.filter((r) => measureDims.every((c) => isTotal(r, c)));
  const partRowsOf = (by: DimensionColumn[]) => laRows.filter((r) => measureDims.every((c) => (by.includes(c) ? !isTotal(r, c) : isTotal(r, c))));
  if (totalRows.length === 0) throw new SuffError("E_FORECAST_NO_DATA", `The dataset has no LA rows for ${measure.id} (totals).`, { hint: "Ingest a file that carries this measure at LA level (suff ingest data/published --out DIR)." });
  for (const by of breakdowns) if (partRowsOf(by).length === 0) throw new SuffError("E_FORECAST_NO_DATA", `The dataset has no LA rows for ${measure.id} by ${by.join(", ")}.`, { hint: "Ingest a file that carries this breakdown at LA level." });
  const periods = [...new Set(totalRows.map((r) => r.time_period))].sort();
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const T = periods.length;
  const lastYear = Number(periods[T - 1]);
  const timeIdentifier = totalRows.find((r) => r.time_period === periods[T - 1])?.time_identifier ?? "Reporting year";
  const zero = () => new Float64Array(T).fill(Number.NaN);

  // 2. Totals by LA (old code); duplicates keep the first value (a value over a missing one).
  const raw = new Map<string, Float64Array>();
  let unknownLa = 0, duplicates = 0;
  const seen = new Set<string>();
  const laOf = (r: DatasetRow) => findLa(r.old_la_code || r.new_la_code) ?? findLa(r.new_la_code);
  for (const r of totalRows) {
    const la = laOf(r);
    if (!la) { unknownLa++; continue; }
    let values = raw.get(la.oldCode);
    if (!values) raw.set(la.oldCode, (values = zero()));
    const t = periodIndex.get(r.time_period)!;
    const cell = `${la.oldCode}\u0000${t}`;
    if (seen.has(cell)) {
      duplicates++;
      if (!Number.isFinite(values[t]) && r.value !== null && Number.isFinite(r.value)) values[t] = r.value;
      continue;
    }
    seen.add(cell);
    if (r.value !== null && Number.isFinite(r.value)) values[t] = r.value;
  }
  if (unknownLa) notes.push(`${unknownLa} rows with an LA code not in the reference list were not used.`);
  if (duplicates) notes.push(`${duplicates} duplicate rows (same LA and period from more than one source) were not used; the first value was kept (a value over a missing one).`);
  const series = (oldCode: string) => raw.get(oldCode) ?? zero();

  // Population by LA (old code) on the grid.
  const population = new Map<string, Float64Array>();
  for (const r of input.rows) {
    if (r.measure !== POPULATION_MEASURE || r.geographic_level !== "Local authority" || r.value === null) continue;
    const t = periodIndex.get(r.time_period);
    const la = laOf(r);
    if (t === undefined || !la) continue;
    let p = population.get(la.oldCode);
    if (!p) population.set(la.oldCode, (p = zero()));
    if (!Number.isFinite(p[t])) p[t] = r.value;
  }
  const populationOf = (codes: string[]) => Float64Array.from({ length: T }, (_, t) => codes.reduce((sum, c) => sum + (population.get(c)?.[t] ?? Number.NaN), 0));

  // Current LAs and boundary-change groups.
  const current = [...raw.keys()].map((c) => findLa(c)!).filter((la) => (Number.isFinite(lastYear) ? laValidIn(la, lastYear) : true));
  const currentCodes = new Set(current.map((la) => la.oldCode));
  const ended = [...raw.keys()].filter((c) => !currentCodes.has(c)).map((c) => findLa(c)!);
  if (ended.length) notes.push(`Not forecast (no longer an LA in ${periods[T - 1]}): ${ended.map((la) => la.name).join(", ")}; their history counts through their successors.`);
  interface Change { id: string; from: string[]; to: string[]; firstIndex: number; direct: boolean; share: Map<string, number> }
  const changes: Change[] = [];
  const names = (codes: string[]) => codes.map((x) => findLa(x)?.name ?? x).join(", ");
  for (const c of BOUNDARY_CHANGES) {
    if (c.kind === "recode" || !c.to.some((s) => currentCodes.has(s))) continue;
    const firstIndex = periods.findIndex((p) => Number(p) >= c.firstYear);
    if (firstIndex <= 0) continue; // the whole grid is after the change: nothing to join
    const to = c.to.filter((s) => currentCodes.has(s));
    const shortest = Math.min(...to.map((s) => series(s).filter(Number.isFinite).length));
    const present = to.filter((s) => series(s).some(Number.isFinite));
    const totals = new Map(present.map((s) => [s, 0]));
    let years = 0;
    for (let t = firstIndex; t < T; t++) {
      const values = present.map((s) => series(s)[t]!);
      const sum = values.reduce((a, b) => a + b, 0);
      if (!values.every(Number.isFinite) || !(sum > 0)) continue;
      years++;
      present.forEach((s, i) => totals.set(s, totals.get(s)! + values[i]! / sum));
    }
    const share = new Map(to.map((s) => [s, !present.includes(s) ? 0 : years ? totals.get(s)! / years : 1 / present.length]));
    const direct = shortest >= minimumHistory;
    changes.push({ id: `combined:${to.join("+")}`, from: c.from, to, firstIndex, direct, share });
    notes.push(direct
      ? `${names(to)}: forecast from their own series (at least ${minimumHistory} years since replacing ${names(c.from)}); earlier years back-cast from the combined area for aggregates.`
      : `${names(to)}: too short since replacing ${names(c.from)} in ${c.firstYear}; the combined area (${names(c.from)} before, ${names(to)} after) is forecast and split by average share since the change.`);
  }
  const changeOf = new Map<string, Change>();
  for (const ch of changes) for (const s of ch.to) changeOf.set(s, ch);
  const combined = (ch: Change) => {
    // Members never observed are left out, not counted as zero.
    const before = ch.from.map((m) => filled(series(m))).filter((m) => m.some(Number.isFinite));
    const after = ch.to.map((m) => filled(series(m))).filter((m) => m.some(Number.isFinite));
    return Float64Array.from({ length: T }, (_, t) => (t < ch.firstIndex ? before : after).reduce((sum, m) => sum + m[t]!, 0));
  };
  // History of a current LA: back-cast before a boundary change.
  const historyOf = (la: LocalAuthority) => {
    const own = series(la.oldCode);
    const ch = changeOf.get(la.oldCode);
    if (!ch) return own;
    const whole = combined(ch);
    const share = ch.share.get(la.oldCode)!;
    return Float64Array.from(own, (v, t) => (t < ch.firstIndex ? whole[t]! * share : v));
  };

  // 2-3. Model series, splits, bottoms, covariates.
  const las = current.filter((la) => series(la.oldCode).some(Number.isFinite)).sort((a, b) => a.newCode.localeCompare(b.newCode));
  const unobserved = current.filter((la) => !series(la.oldCode).some(Number.isFinite));
  if (unobserved.length) notes.push(`${unobserved.length} current LAs have no observed value (all suppressed or missing) and are not forecast: ${unobserved.map((la) => la.name).join(", ")}.`);
  const grid = periods;
  const toSeries = (id: string, values: Float64Array): Series => ({ id, periods: grid, values, frequency: 1 });
  const modelSeries: Series[] = [];
  const bottoms: Series[] = [];
  const splits: Record<string, Array<{ id: string; share: number }>> = {};
  const covariatePopulation: Record<string, Float64Array> = {};
  const groups: Record<string, string> = {};
  const layers: Record<string, string> = {};
  const geography: DatasetPlanGeography = { las: new Map(), regions: new Map(), footprints: new Map(), breakdowns, dimensions: measureDims, keyDims: {}, measure: measure.id, timeIdentifier, lastPeriod: periods[T - 1]! };
  const hasPopulation = (codes: string[]) => codes.every((c) => population.get(c)?.some(Number.isFinite));
  for (const la of las) {
    geography.las.set(la.newCode, la);
    layers[la.newCode] = "Local authority";
    const ch = changeOf.get(la.oldCode);
    if (ch && !ch.direct) {
      bottoms.push(toSeries(la.newCode, historyOf(la)));
      if (!modelSeries.some((s) => s.id === ch.id)) {
        modelSeries.push(toSeries(ch.id, combined(ch)));
        splits[ch.id] = ch.to.filter((s) => las.some((x) => x.oldCode === s)).map((s) => ({ id: findLa(s)!.newCode, share: ch.share.get(s)! }));
        const pop = Float64Array.from({ length: T }, (_, t) => (t < ch.firstIndex ? populationOf(ch.from)[t]! : populationOf(ch.to)[t]!));
        if (hasPopulation(ch.to)) covariatePopulation[ch.id] = pop;
        groups[ch.id] = la.regionCode;
      }
      continue;
    }
    modelSeries.push(toSeries(la.newCode, series(la.oldCode)));
    if (ch) bottoms.push(toSeries(la.newCode, historyOf(la)));
    if (hasPopulation([la.oldCode])) covariatePopulation[la.newCode] = populationOf([la.oldCode]);
    groups[la.newCode] = la.regionCode;
  }
  if (las.length === 0) throw new SuffError("E_FORECAST_NO_DATA", `The dataset has no current LA with an observed ${measure.id}.`);
  const withoutPopulation = las.filter((la) => !hasPopulation([la.oldCode]));
  if (withoutPopulation.length) notes.push(`${withoutPopulation.length} LAs have no ONS population in the dataset: their counts are forecast without the pull toward the region's rate (${withoutPopulation.slice(0, 5).map((la) => la.name).join(", ")}${withoutPopulation.length > 5 ? ", ..." : ""}).`);

  // 4. LA -> region -> England, and footprint sums.
  const regionFootprints = REGIONS.map((region) => ({ code: region.code, name: region.name, members: las.filter((la) => la.regionCode === region.code).map((la) => la.newCode) })).filter((f) => f.members.length > 0);
  const structure = hierarchy({ las: las.map((la) => la.newCode), footprints: { source: "regions", footprints: regionFootprints } });
  for (const f of regionFootprints) {
    layers[f.code] = "Regional";
    geography.regions.set(f.code, { code: f.code, name: f.name });
    groups[f.code] = ENGLAND.code;
    const codes = las.filter((la) => la.regionCode === f.code).map((la) => la.oldCode);
    if (hasPopulation(codes)) covariatePopulation[f.code] = populationOf(codes);
  }
  layers[ENGLAND.code] = "National";
  groups[ENGLAND.code] = ENGLAND.code;
  if (hasPopulation(las.map((la) => la.oldCode))) covariatePopulation[ENGLAND.code] = populationOf(las.map((la) => la.oldCode));
  const sums: NonNullable<Panel["sums"]> = [];
  for (const f of input.footprints?.footprints ?? []) {
    const members = [...new Set(f.members.map((m) => findLa(m)?.newCode ?? m))].filter((m) => geography.las.has(m));
    if (layers[f.code] !== undefined || geography.footprints.has(f.code)) { notes.push(`Footprint ${f.code} has the code of a region, England or an LA and is not shown separately.`); continue; }
    if (members.length === 0) { notes.push(`Footprint ${f.code} (${f.name}) has no member LA with data and is not forecast.`); continue; }
    layers[f.code] = "Footprint";
    geography.footprints.set(f.code, { code: f.code, name: f.name, members });
    sums.push({ id: f.code, members });
  }

  // 5. Parts: each LA's breakdown, suppressed cells allocated the LA's unallocated total.
  const buildParts = (by: DimensionColumn[]): PanelParts => {
    const partRows = partRowsOf(by);
    const finest = by.map((c) => new Set(finestValues(c, new Set(partRows.map((r) => r.dims[c]!)))));
    const keyOf = (r: DatasetRow) => by.map((c) => r.dims[c]!).join(KEY_SEPARATOR);
    const keys = [...new Set(partRows.filter((r) => by.every((c, i) => finest[i]!.has(r.dims[c]!))).map(keyOf))].sort();
    for (const k of keys) geography.keyDims[k] = Object.fromEntries(by.map((c, i) => [c, k.split(KEY_SEPARATOR)[i]!]));
    const cells = new Map<string, { value: number | null; status: string }>(); // la|key|t
    let coarser = 0;
    for (const r of partRows) {
      const la = laOf(r);
      const t = periodIndex.get(r.time_period);
      if (!la || t === undefined) continue;
      if (!by.every((c, i) => finest[i]!.has(r.dims[c]!))) { coarser++; continue; }
      const cell = `${la.oldCode}|${keyOf(r)}|${t}`;
      const previous = cells.get(cell);
      if (!previous || (previous.value === null && r.value !== null)) cells.set(cell, { value: r.value, status: r.value_status });
    }
    if (coarser) notes.push(`${coarser} rows at a coarser level of ${by.join(", ")} than the finest present were not used (the finest values are forecast and summed).`);
    // Weights for sharing an LA's unallocated total between its suppressed cells: the published
    // national figure of each part that year, else the sum of the LAs' published cells, else equal.
    const national = new Map<string, number>();
    for (const r of input.rows) {
      if (r.measure !== measure.id || r.geographic_level !== "National" || r.value === null) continue;
      if (!measureDims.every((c) => (by.includes(c) ? !isTotal(r, c) : isTotal(r, c)))) continue;
      const t = periodIndex.get(r.time_period);
      if (t !== undefined) national.set(`${keyOf(r)}|${t}`, r.value);
    }
    const published = new Map<string, number>();
    for (const [cell, c] of cells) if (c.value !== null) { const [, k, t] = cell.split("|"); published.set(`${k}|${t}`, (published.get(`${k}|${t}`) ?? 0) + c.value); }
    const weightOf = (k: string, t: number, hidden: string[]) => {
      const all = hidden.map((h) => national.get(`${h}|${t}`));
      if (all.every((v) => v !== undefined && v > 0)) return national.get(`${k}|${t}`)!;
      const sums = hidden.map((h) => published.get(`${h}|${t}`) ?? 0);
      return sums.every((v) => v > 0) ? published.get(`${k}|${t}`)! : 1;
    };
    let allocated = 0, negative = 0;
    const partSeries: Series[] = [];
    const of: Record<string, string[]> = {};
    const key: Record<string, string> = {};
    // Parts of any LA (current or abolished) as published, suppressed cells allocated.
    const allocatedParts = (oldCode: string): Float64Array[] => {
      const total = series(oldCode);
      const values = keys.map(() => zero());
      for (let t = 0; t < T; t++) {
        const present = keys.map((k) => cells.get(`${oldCode}|${k}|${t}`));
        if (!present.some((c) => c !== undefined) || !Number.isFinite(total[t])) continue;
        const known = present.reduce((sum, c) => sum + (c?.value ?? 0), 0);
        const hidden = present.map((c, i) => (c === undefined || c.value === null ? i : -1)).filter((i) => i >= 0);
        const rest = total[t]! - known;
        if (rest < 0) negative++;
        present.forEach((c, i) => { if (c && c.value !== null) values[i]![t] = c.value; });
        const hiddenKeys = hidden.map((i) => keys[i]!);
        const weights = hiddenKeys.map((k) => weightOf(k, t, hiddenKeys));
        const weightTotal = weights.reduce((a, b) => a + b, 0);
        hidden.forEach((i, j) => { values[i]![t] = (Math.max(0, rest) * weights[j]!) / weightTotal; allocated++; });
      }
      return values;
    };
    for (const la of las) {
      const values = allocatedParts(la.oldCode);
      const ch = changeOf.get(la.oldCode);
      if (ch) {
        // Before the change: the predecessors' parts times this LA's share (as its total is back-cast).
        const before = ch.from.map(allocatedParts);
        const share = ch.share.get(la.oldCode)!;
        for (let i = 0; i < keys.length; i++) for (let t = 0; t < ch.firstIndex; t++) {
          const sum = before.reduce((acc, p) => acc + p[i]![t]!, 0);
          if (Number.isFinite(sum)) values[i]![t] = sum * share;
        }
      }
      if (!values.some((v) => v.some(Number.isFinite))) continue;
      of[la.newCode] = keys.map((k) => `${la.newCode}|${k}`);
      keys.forEach((k, i) => { const id = `${la.newCode}|${k}`; key[id] = k; partSeries.push(toSeries(id, values[i]!)); });
    }
    if (allocated) notes.push(`${allocated} suppressed LA cells of ${by.join(" x ")} hold a share of their LA's unallocated total (the LA total minus its published cells), in proportion to each part's national figure, so parts add up to the total; missing is never counted as zero.`);
    if (negative) notes.push(`${negative} LA years have published cells adding up to more than the LA total; their suppressed cells hold 0.`);
    const without = las.filter((la) => !of[la.newCode]);
    if (without.length) notes.push(`${without.length} LAs have no ${by.join(" x ")} breakdown: their totals are forecast but not split, and aggregates of the breakdown leave them out only where they have none (${without.slice(0, 5).map((la) => la.name).join(", ")}).`);
    return { series: partSeries, of, key, shareWindow: 1 };
  };
  const parts = breakdowns.map(buildParts);

  const panel: Panel = {
    series: modelSeries,
    aligned: true,
    covariates: { population: covariatePopulation, groups },
    splits: Object.keys(splits).length ? splits : undefined,
    bottoms: bottoms.length ? bottoms : undefined,
    sums,
    parts: parts.length ? parts : undefined,
    layers,
    nonNegative: true,
    notes,
  };
  return {
    panel,
    model: options.model ?? rateToRegion(),
    calibration: { method: "conformal", origins: "all", reuse: "refit" },
    reconcile: { hierarchy: structure, method: input.reconcile ?? DEFAULT_RECONCILE },
    levels: options.levels ?? [80, 95],
    geography,
  };
}
