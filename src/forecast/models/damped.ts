/**
 * Damped trend method as R's `forecast::holt(damped = TRUE)`: ETS(A,Ad,N) fitted by one-step MSE.
 */
import type { ModelSpec } from "../../spec/forecast.ts";
import { etsModel } from "./ets.ts";
import type { EtsFittedParameters } from "./ets-fitted.ts";

/**
 * Additive damped trend, ETS(A,Ad,N) fitted by one-step MSE with phi in [0.8, 0.98] (R:
 * `holt(y, damped = TRUE)`, which calls `ets(y, "AAN", damped = TRUE, opt.crit = "mse")`).
 * With 9 or fewer observations it falls back to ETS(A,N,N) or a random walk and says so.
 *
 * Reference: Gardner and McKenzie (1985) "Forecasting trends in time series", Management
 * Science 31, 1237-1246; Hyndman and Athanasopoulos, "Forecasting: Principles and
 * Practice" (3rd ed.), section 8.2.
 * @throws Error from `fit` when y is empty or entirely missing.
 * @example dampedModel.fit(Float64Array.of(1, 3, 4, 6, 8, 9, 11, 13, 14, 16, 17), { frequency: 1 }).model // "ETS(A,Ad,N)"
 */
export const dampedModel: ModelSpec<EtsFittedParameters> = etsModel({
  error: "A",
  trend: "A",
  damped: true,
  season: "N",
  criterion: "mse",
  name: "damped",
});
