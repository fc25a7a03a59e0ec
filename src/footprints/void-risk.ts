/**
 * Void risk of an N-bed specialist home serving a footprint: occupancy simulated from the
 * forecast distribution of the footprint's children needing such a place. Each draw takes
 * the number of children D from the forecast's quantile function at a uniform draw (rounded
 * to whole children); the home holds min(N, D), leaves max(0, N - D) beds empty and turns a
 * child away when D > N. The seed fixes the draws, so a run can be repeated exactly.
 *
 * Reference: the newsvendor view of capacity (expected unused capacity E[(N - D)+] and the
 * stock-out probability P(D > N)); Hyndman & Athanasopoulos FPP3 section 5.5 for forecast
 * quantiles.
 */
import { seededRandom } from "../stats/seeded-random.ts";
import { sampleQuantile } from "../stats/sample-quantile.ts";

export interface VoidRisk {
  beds: number;
  draws: number;
  /** Expected empty beds, and the 10% and 90% points of the empty beds over draws. */
  emptyBeds: number;
  emptyBedsLower: number;
  emptyBedsUpper: number;
  /** Share of draws in which at least one child needing a bed is turned away. */
  turnAwayProbability: number;
  /** Expected occupancy as a share of beds. */
  occupancy: number;
}

/**
 * Simulate the home's occupancy.
 * @throws Error when beds is not a positive whole number or draws < 1.
 * @example voidRisk(() => 10, 4, 100, 1).emptyBeds // 0
 */
export function voidRisk(quantile: (p: number) => number, beds: number, draws: number, seed: number): VoidRisk {
  if (!Number.isInteger(beds) || beds < 1) throw new Error("voidRisk: beds must be a positive whole number");
  if (!(draws >= 1)) throw new Error("voidRisk: draws must be at least 1");
  const random = seededRandom(seed);
  const empty = new Float64Array(draws);
  let turned = 0, occupied = 0;
  for (let i = 0; i < draws; i++) {
    const u = (random.uniform() * (1 - 2e-6)) + 1e-6;
    const d = Math.max(0, Math.round(quantile(u)));
    empty[i] = Math.max(0, beds - d);
    occupied += Math.min(beds, d);
    if (d > beds) turned++;
  }
  const sorted = Float64Array.from(empty).sort();
  const mean = empty.reduce((a, b) => a + b, 0) / draws;
  return { beds, draws, emptyBeds: mean, emptyBedsLower: sampleQuantile(sorted, 0.1), emptyBedsUpper: sampleQuantile(sorted, 0.9), turnAwayProbability: turned / draws, occupancy: occupied / (draws * beds) };
}
