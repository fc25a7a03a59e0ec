/**
 * Model names a user can type (`--model`), mapped to model specs.
 */
import type { GlobalModelSpec, ModelSpec } from "../spec/forecast.ts";
import { auto } from "./models/auto.ts";
import { dampedModel } from "./models/damped.ts";
import { drift } from "./models/drift.ts";
import { ensemble } from "./models/ensemble.ts";
import { etsModel } from "./models/ets.ts";
import { holtModel } from "./models/holt.ts";
import { naive } from "./models/naive.ts";
import { pooledRate } from "./models/pooled-rate.ts";
import { seasonalNaive } from "./models/seasonal-naive.ts";
import { sesModel } from "./models/ses.ts";
import { optimisedTheta, theta } from "./models/theta.ts";

const MODELS: Record<string, ModelSpec | GlobalModelSpec | "auto"> = {
  auto: "auto",
  naive,
  snaive: seasonalNaive,
  "seasonal-naive": seasonalNaive,
  drift,
  theta,
  "optimised-theta": optimisedTheta,
  otm: optimisedTheta,
  ses: sesModel,
  holt: holtModel,
  damped: dampedModel,
  ets: etsModel(),
  ensemble,
  "auto-local": auto,
  "pooled-rate": pooledRate(),
};

/**
 * Every model name `modelByName` knows.
 * @example MODEL_NAMES.includes("theta") // true
 */
export const MODEL_NAMES: readonly string[] = Object.keys(MODELS);

/**
 * The model spec for a user-facing name ("auto" stays "auto": the grammar resolves it for
 * the whole set; "pooled-rate" is a global model); undefined for an unknown name.
 * @throws never.
 * @example modelByName("theta")?.name // "theta"
 */
export function modelByName(name: string): ModelSpec | GlobalModelSpec | "auto" | undefined {
  return MODELS[name.trim().toLowerCase()];
}
