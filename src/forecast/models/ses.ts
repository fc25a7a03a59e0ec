/**
 * Simple exponential smoothing as R's `forecast::ses()`: ETS(A,N,N) with the smoothing
 * parameter and initial level chosen by minimising the one-step mean squared error.
 */
import type { ModelSpec } from "../../spec/forecast.ts";
import { etsModel } from "./ets.ts";
import type { EtsFittedParameters } from "./ets-fitted.ts";

/**
 * Simple exponential smoothing, ETS(A,N,N) fitted by one-step MSE (R: `ses(y)`, which
 * calls `ets(y, "ANN", opt.crit = "mse")`). Falls back to a random walk, named in
 * `model`, when there are 6 or fewer observations.
 *
 * Reference: Hyndman and Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.), section 8.1.
 * @throws Error from `fit` when y is empty or entirely missing.
 * @example sesModel.fit(Float64Array.of(5, 6, 5, 7, 6, 7, 6, 8), { frequency: 1 }).model // "ETS(A,N,N)"
 */
export const sesModel: ModelSpec<EtsFittedParameters> = etsModel({
  error: "A",
  trend: "N",
  damped: false,
  season: "N",
  criterion: "mse",
  name: "ses",
});
