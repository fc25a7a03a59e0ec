/**
 * The gap between demand and supply as distributions: for one scope, placement type and
 * year, demand D drawn from the forecast's quantile function and supply S from the
 * simulated supply paths, paired draw by draw (independent), give
 *  - the expected shortfall E[max(0, D − S)] (children without a matching place in the
 *    scope, on average),
 *  - the probability of a shortfall P(D > S),
 *  - the places to add for a chosen assurance a (e.g. 80%): the smallest x ≥ 0 with
 *    P(D ≤ S + x) ≥ a, i.e. the a-quantile of D − S, floored at zero.
 * The uniforms that draw demand are passed in, so a scenario and the base use the same
 * random numbers (common random numbers) and their difference carries no simulation noise
 * from demand.
 *
 * Places are open to children from any LA and an area's own children are also placed
 * outside it: a gap compares the area's own demand with the capacity located in it and
 * must be read with the area's imports and exports (placement-flows.ts).
 *
 * Reference: Glasserman, "Monte Carlo Methods in Financial Engineering" (2003), 4.2 on
 * common random numbers; DOMAIN.md section 6 (gap analysis).
 */
import { sampleQuantile } from "../stats/sample-quantile.ts";

export interface GapCell {
  demandMean: number;
  demandLo80: number;
  demandHi80: number;
  supplyMean: number;
  supplyLo80: number;
  supplyHi80: number;
  expectedShortfall: number;
  probShortfall: number;
  /** Places to add for the assurance (whole places, rounded up). */
  placesNeeded: number;
  /** Mean of D − S (positive: more children than places). */
  meanGap: number;
}

/**
 * Compare demand (a quantile function) with supply samples, pairing draw k of each.
 * @throws Error when the uniforms are fewer than the supply samples, or the assurance is not in (0, 1).
 * @example gapCell(() => 10, Float64Array.of(8, 12), Float64Array.of(0.5, 0.5), 0.8).probShortfall // 0.5
 */
export function gapCell(demand: (p: number) => number, supply: ArrayLike<number>, uniforms: ArrayLike<number>, assurance = 0.8): GapCell {
  if (!(assurance > 0 && assurance < 1)) throw new Error("gapCell: assurance must be between 0 and 1");
  const n = supply.length;
  if (uniforms.length < n) throw new Error("gapCell: fewer uniforms than supply samples");
  const d = new Float64Array(n), s = Float64Array.from(supply), diff = new Float64Array(n);
  let shortfall = 0, short = 0, dSum = 0, sSum = 0;
  for (let k = 0; k < n; k++) {
    d[k] = demand(Math.min(1 - 1e-9, Math.max(1e-9, uniforms[k])));
    diff[k] = d[k] - s[k];
    if (diff[k] > 0) { shortfall += diff[k]; short++; }
    dSum += d[k]; sSum += s[k];
  }
  d.sort(); s.sort(); diff.sort();
  return {
    demandMean: dSum / n, demandLo80: sampleQuantile(d, 0.1), demandHi80: sampleQuantile(d, 0.9),
    supplyMean: sSum / n, supplyLo80: sampleQuantile(s, 0.1), supplyHi80: sampleQuantile(s, 0.9),
    expectedShortfall: shortfall / n, probShortfall: short / n,
    placesNeeded: Math.max(0, Math.ceil(sampleQuantile(diff, assurance) - 1e-9)),
    meanGap: (dSum - sSum) / n,
  };
}

export interface GapRow {
  scope_code: string;
  year: number;
  /** Market type code (market-types.ts): foster, childrens_homes, secure, supported_accommodation, residential_schools. */
  placement_type: string;
  demand_mean: number | null;
  supply_mean: number | null;
  expected_shortfall: number | null;
  prob_shortfall: number | null;
  /** Places to add for the chosen assurance (column named after it, e.g. places_needed_80). */
  places_needed: number | null;
  demand_lo80: number | null;
  demand_hi80: number | null;
  supply_lo80: number | null;
  supply_hi80: number | null;
  scenario: string;
  /** Why a figure is missing, or notes on the comparison. */
  note: string;
}

/** Column order of gap.csv for an assurance (0.8 -> places_needed_80). */
export function gapColumns(assurance: number): string[] {
  return ["scope_code", "year", "placement_type", "demand_mean", "supply_mean", "expected_shortfall", "prob_shortfall", `places_needed_${Math.round(assurance * 100)}`, "demand_lo80", "demand_hi80", "supply_lo80", "supply_hi80", "scenario", "note"];
}
