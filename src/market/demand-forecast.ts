/**
 * Demand as the market layer sees it: for each scope, year and placement type, the
 * forecast mean and a quantile function (the forecast distribution), so the gap can draw
 * demand and compare it with simulated supply. Any forecast that gives a mean and interval
 * bounds can be adapted; `demandFromForecastRows` adapts the rows of `forecastDataset`
 * (mean and 80%/95% bounds, reconciled LA -> footprint -> England).
 *
 * The quantile function interpolates the known quantiles (the bounds at 2.5%, 10%, 90%,
 * 97.5% and the mean taken as the median) linearly in normal scores, z = Φ⁻¹(p), and
 * extrapolates beyond the outer bounds with the slope of the outer segment; it is never
 * below zero. For a normal forecast this returns the normal quantiles exactly.
 *
 * A 95% bound more than `TAIL_LIMIT` (3) times as far from the mean as the 80% bound on the
 * same side is not used (a normal has 1.53; such bounds come from calibrating intervals on
 * very short series, e.g. placement groups published since 2021): that tail is extrapolated
 * from the 80% bound instead, and the number of bounds dropped is stated in the source.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 section 5.5 (prediction intervals as quantiles).
 */
import { normalQuantile } from "../stats/normal-quantile.ts";
import type { ForecastDatasetRow } from "../forecast/forecast-dataset.ts";
import type { MarketArea } from "./market-area.ts";

export interface DemandCell {
  scopeCode: string;
  year: number;
  /** A placement-type code (DfE group, e.g. "foster", or template leaf, e.g. "secure"). */
  placementType: string;
  mean: number;
  /** The p-quantile of children in the placement type at 31 March of `year` (0 < p < 1). */
  quantile(p: number): number;
}

export interface DemandForecast {
  /** Where the forecast came from, in words (model, reconciliation). */
  source: string;
  cells: DemandCell[];
}

/**
 * A quantile function through known quantiles, linear in normal scores.
 * @throws Error when no point is given.
 * @example quantileThrough([{ p: 0.1, q: 80 }, { p: 0.5, q: 100 }, { p: 0.9, q: 120 }])(0.5) // 100
 */
export function quantileThrough(points: ReadonlyArray<{ p: number; q: number }>): (p: number) => number {
  const pts = points.filter((x) => x.p > 0 && x.p < 1 && Number.isFinite(x.q)).map((x) => ({ z: normalQuantile(x.p), q: x.q })).sort((a, b) => a.z - b.z);
  if (!pts.length) throw new Error("quantileThrough: no finite quantile");
  // Monotone: a later quantile is never below an earlier one.
  for (let i = 1; i < pts.length; i++) if (pts[i].q < pts[i - 1].q) pts[i].q = pts[i - 1].q;
  if (pts.length === 1) return () => Math.max(0, pts[0].q);
  const slope = (a: { z: number; q: number }, b: { z: number; q: number }) => (b.z > a.z ? (b.q - a.q) / (b.z - a.z) : 0);
  return (p: number) => {
    const z = normalQuantile(Math.min(1 - 1e-9, Math.max(1e-9, p)));
    let q: number;
    if (z <= pts[0].z) q = pts[0].q + (z - pts[0].z) * slope(pts[0], pts[1]);
    else if (z >= pts[pts.length - 1].z) q = pts[pts.length - 1].q + (z - pts[pts.length - 1].z) * slope(pts[pts.length - 2], pts[pts.length - 1]);
    else {
      let i = 1;
      while (pts[i].z < z) i++;
      q = pts[i - 1].q + (z - pts[i - 1].z) * slope(pts[i - 1], pts[i]);
    }
    return Math.max(0, q);
  };
}

/** The scope code of a forecast row: LA old code, footprint/region code, or England. */
function rowScope(r: ForecastDatasetRow): string {
  if (r.geographic_level === "Local authority") return r.old_la_code;
  if (r.geographic_level === "National") return r.country_code;
  return r.footprint_code;
}

/** How much further from the mean a 95% bound may be than the 80% bound on the same side. */
export const TAIL_LIMIT = 3;

/**
 * The known quantiles of a forecast row's mean and bounds, without 95% bounds that are out of
 * proportion with the 80% ones (see TAIL_LIMIT).
 * @example forecastQuantiles(10, { 80: 8, 95: 7 }, { 80: 12, 95: 1000 }).points.length // 4
 */
export function forecastQuantiles(mean: number, lower: Record<number, number>, upper: Record<number, number>): { points: Array<{ p: number; q: number }>; dropped: number } {
  const points = [{ p: 0.5, q: mean }];
  let dropped = 0;
  const inner = (side: Record<number, number>) => side[80];
  for (const [side, sign] of [[lower, -1], [upper, 1]] as const) {
    for (const [level, bound] of Object.entries(side)) {
      const l = Number(level);
      const ref = inner(side);
      if (l === 95 && ref !== undefined && Math.abs(ref - mean) > 0 && Math.abs(bound - mean) > TAIL_LIMIT * Math.abs(ref - mean)) { dropped++; continue; }
      points.push({ p: sign < 0 ? (1 - l / 100) / 2 : 1 - (1 - l / 100) / 2, q: bound });
    }
  }
  return { points, dropped };
}

/**
 * Adapt `forecastDataset` rows (by placement type) to a demand forecast for the given scopes.
 * Rows without a placement type (totals) are kept under "total".
 * @throws never.
 * @example demandFromForecastRows(rows, [englandArea()]).cells.length
 */
export function demandFromForecastRows(rows: readonly ForecastDatasetRow[], scopes: readonly MarketArea[], source = "forecastDataset"): DemandForecast {
  const wanted = new Set(scopes.map((s) => s.code));
  const cells: DemandCell[] = [];
  let dropped = 0;
  for (const r of rows) {
    const scopeCode = rowScope(r);
    if (!wanted.has(scopeCode)) continue;
    const q = forecastQuantiles(r.mean, r.lower, r.upper);
    dropped += q.dropped;
    cells.push({ scopeCode, year: Number(r.time_period), placementType: r.dims.placement_type || "total", mean: r.mean, quantile: quantileThrough(q.points) });
  }
  const models = [...new Set(rows.map((r) => r.model))].join(", ");
  return { source: `${source}${models ? ` (${models})` : ""}${dropped ? `; ${dropped} of ${2 * cells.length} 95% bounds more than ${TAIL_LIMIT} times as wide as the 80% bound were not used (tails extrapolated from the 80% bounds)` : ""}`, cells };
}

/** Index a demand forecast by scope, placement type and year. */
export function demandIndex(demand: DemandForecast): Map<string, DemandCell> {
  return new Map(demand.cells.map((c) => [`${c.scopeCode}|${c.placementType}|${c.year}`, c]));
}
