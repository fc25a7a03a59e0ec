/**
 * Holt's linear trend method as R's `forecast::holt()`: ETS(A,A,N) fitted by one-step MSE.
 */
import type { ModelSpec } from "../../spec/forecast.ts";
import { etsModel } from "./ets.ts";
import type { EtsFittedParameters } from "./ets-fitted.ts";

/**
 * Holt's linear trend method, ETS(A,A,N) fitted by one-step MSE (R: `holt(y)`, which
 * calls `ets(y, "AAN", damped = FALSE, opt.crit = "mse")`). With 8 or fewer observations
 * it falls back to ETS(A,N,N) or a random walk and says so in `model`.
 *
 * Reference: Hyndman and Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.), section 8.2.
 * @throws Error from `fit` when y is empty or entirely missing.
 * @example holtModel.fit(Float64Array.of(1, 3, 4, 6, 8, 9, 11, 13, 14, 16), { frequency: 1 }).model // "ETS(A,A,N)"
 */
export const holtModel: ModelSpec<EtsFittedParameters> = etsModel({
  error: "A",
  trend: "A",
  damped: false,
  season: "N",
  criterion: "mse",
  name: "holt",
});
