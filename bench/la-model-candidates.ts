/**
 * The family of pooled LA models compared when choosing the new default (issue 9, item 4), for
 * bench/la-backtest.bench.ts. Each candidate regresses the h-year change in an LA's log rate per
 * 10,000 children on a few features, pooled across LAs, one regression per horizon, using only
 * the data up to the origin. The chosen design became src/forecast/models/rate-to-region.ts,
 * which the bench runs itself (not this copy) for the headline figures.
 */
import type { ForecastRow, GlobalModelSpec, SeriesSet } from "../src/spec/forecast";
import { findLa } from "../src/reference/las";
import { solveSymmetric } from "../src/stats/solve-symmetric";

export interface CandidateOptions {
  /** gap: log(region rate) - log(LA rate); gapR: region rate / LA rate - 1; gapE: toward England; d1: last yearly change; dR: region's last change. */
  features: Array<"gap" | "gapR" | "gapE" | "d1" | "dR">;
  /** A drift per region instead of one national drift. */
  regionDrift?: boolean;
  /** Ignore population: rates are levels. */
  noPopulation?: boolean;
}

/**
 * A candidate model (see the module comment).
 * @example candidate("national drift + pull", { features: ["gap"] }).name // "national drift + pull"
 */
export function candidate(name: string, options: CandidateOptions): GlobalModelSpec {
  return {
    name,
    global: true,
    forecastMany(set: SeriesSet, { horizon, levels, covariates }) {
      const periods = [...new Set(set.flatMap((s) => s.periods))].sort();
      const T = periods.length - 1;
      const position = new Map(periods.map((p, i) => [p, i]));
      const y = set.map((s) => { const row = new Float64Array(periods.length).fill(NaN); s.periods.forEach((p, i) => { row[position.get(p)!] = s.values[i]!; }); return row; });
      const pop = set.map((s) => {
        const row = new Float64Array(periods.length).fill(NaN);
        const given = covariates?.population?.[s.id];
        if (!given || options.noPopulation) return row.fill(1e4);
        s.periods.forEach((p, i) => { if (given[i]! > 0) row[position.get(p)!] = given[i]!; });
        const known = [...row.keys()].filter((i) => Number.isFinite(row[i]));
        if (!known.length) return row.fill(1e4);
        for (let i = 0; i < row.length; i++) if (!Number.isFinite(row[i])) row[i] = row[known.reduce((b, k) => (Math.abs(k - i) < Math.abs(b - i) ? k : b), known[0]!)]!;
        return row;
      });
      const z = y.map((row, j) => Float64Array.from(row, (v, t) => Math.log(((v + 1) / pop[j]![t]!) * 1e4)));
      const region = set.map((s) => covariates?.groups?.[s.id] ?? findLa(s.id)?.regionCode ?? "all");
      const regions = [...new Set(region)].sort();
      const rate = (members: (j: number) => boolean) => Float64Array.from(periods, (_, t) => {
        let a = 0, b = 0;
        set.forEach((_, j) => { if (members(j) && Number.isFinite(y[j]![t])) { a += y[j]![t]!; b += pop[j]![t]!; } });
        return b > 0 ? Math.log(((a + 1) / b) * 1e4) : NaN;
      });
      const regionRate = new Map(regions.map((r) => [r, rate((j) => region[j] === r)]));
      const england = rate(() => true);
      const features = (j: number, t: number): number[] | null => {
        const R = regionRate.get(region[j]!)!;
        const x: number[] = options.regionDrift ? regions.map((r) => (r === region[j] ? 1 : 0)) : [1];
        for (const f of options.features) {
          const v = f === "gap" ? R[t]! - z[j]![t]!
            : f === "gapR" ? Math.exp(R[t]! - z[j]![t]!) - 1
              : f === "gapE" ? england[t]! - z[j]![t]!
                : f === "d1" ? (t >= 1 ? z[j]![t]! - z[j]![t - 1]! : NaN)
                  : t >= 1 ? R[t]! - R[t - 1]! : NaN;
          if (!Number.isFinite(v)) return null;
          x.push(v);
        }
        return Number.isFinite(z[j]![t]) ? x : null;
      };
      const p = (options.regionDrift ? regions.length : 1) + options.features.length;
      const coefficients: number[][] = [];
      for (let h = 1; h <= horizon; h++) {
        const xtx = new Float64Array(p * p), xty = new Float64Array(p);
        let n = 0;
        for (let t = 0; t + h <= T; t++) for (let j = 0; j < set.length; j++) {
          const x = features(j, t);
          const target = z[j]![t + h]!;
          if (!x || !Number.isFinite(target)) continue;
          const d = target - z[j]![t]!;
          for (let a = 0; a < p; a++) { xty[a]! += x[a]! * d; for (let b = 0; b < p; b++) xtx[a * p + b]! += x[a]! * x[b]!; }
          n++;
        }
        for (let a = 0; a < p; a++) if (xtx[a * p + a] === 0) xtx[a * p + a] = 1;
        coefficients.push(n >= 20 ? Array.from(solveSymmetric(xtx, p, xty, 1)) : coefficients.at(-1)?.map((c) => (c * h) / (h - 1)) ?? new Array<number>(p).fill(0));
      }
      const rows: ForecastRow[] = [];
      set.forEach((s, j) => {
        let t = T;
        while (t >= 0 && !Number.isFinite(z[j]![t])) t--;
        for (let h = 1; h <= horizon; h++) {
          const x = t >= 0 ? features(j, t) : null;
          const mean = !x ? (t >= 0 ? y[j]![t]! : NaN) : Math.max(0, (Math.exp(z[j]![t]! + x.reduce((a, v, i) => a + v * coefficients[h - 1]![i]!, 0)) * pop[j]![t]!) / 1e4 - 1);
          rows.push({ series_id: s.id, period: String(Number(periods[T]) + h), step: h, model: name, mean, lower: Object.fromEntries(levels.map((l) => [l, NaN])), upper: Object.fromEntries(levels.map((l) => [l, NaN])) });
        }
      });
      return rows;
    },
  };
}
