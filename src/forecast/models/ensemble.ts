/**
 * `ensemble`: the best combination found on M3 yearly (see BENCHMARKS.md).
 */
import type { ModelSpec } from "../../spec/forecast";
import { sesLeastSquares } from "./auto";
import { combination } from "./combination";
import { drift } from "./drift";
import { seasonallyAdjusted } from "./seasonally-adjusted";
import { optimisedTheta } from "./theta";

/**
 * The median of drift, SES and the optimised Theta model on the seasonally adjusted series.
 *
 * Reference: Petropoulos & Svetunkov (2020) IJF 36(1); Fiorucci et al. (2016) IJF 32(4).
 * @throws never itself; falls back through its members.
 * @example ensemble.fit(Float64Array.of(1, 2, 3, 4, 5, 6), { frequency: 1 }).forecast(1, []).mean[0] > 6 // true
 */
export const ensemble: ModelSpec = seasonallyAdjusted(combination([drift, sesLeastSquares, optimisedTheta], { method: "median", name: "ensemble" }), "ensemble");
