/**
 * Model names a user can type (`--model`), mapped to model specs.
 */
import type { ModelSpec } from "../spec/forecast";
import { auto } from "./models/auto";
import { drift } from "./models/drift";
import { ensemble } from "./models/ensemble";
import { naive } from "./models/naive";
import { seasonalNaive } from "./models/seasonal-naive";
import { optimisedTheta, theta } from "./models/theta";

const MODELS: Record<string, ModelSpec | "auto"> = {
  auto: "auto",
  naive,
  snaive: seasonalNaive,
  "seasonal-naive": seasonalNaive,
  drift,
  theta,
  "optimised-theta": optimisedTheta,
  otm: optimisedTheta,
  ensemble,
  "auto-local": auto,
};

/** Every model name `modelByName` knows. */
export const MODEL_NAMES: readonly string[] = Object.keys(MODELS);

/**
 * The model spec for a user-facing name ("auto" stays "auto": the grammar resolves it for
 * the whole set); undefined for an unknown name.
 * @throws never.
 * @example modelByName("theta")?.name // "theta"
 */
export function modelByName(name: string): ModelSpec | "auto" | undefined {
  return MODELS[name.trim().toLowerCase()];
}
