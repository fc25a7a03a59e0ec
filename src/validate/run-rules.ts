/**
 * Run every validation rule over one file's rows. Rules are pure and independent; the
 * order here is the order diagnostics are listed in (period and LA first, then values).
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { atMost } from "./at-most.ts";
import { codedValues } from "./coded-values.ts";
import { countValues } from "./count-values.ts";
import { duplicateRows } from "./duplicate-rows.ts";
import { laKnownInPeriod } from "./la-known-in-period.ts";
import { partsSumToTotal } from "./parts-sum-to-total.ts";
import { period } from "./period.ts";
import { requiredValues } from "./required-values.ts";
import { weightsPresent } from "./weights-present.ts";
import type { Rule, ValidationContext } from "./rule.ts";

export const RULES: readonly Rule[] = [period, laKnownInPeriod, codedValues, countValues, duplicateRows, partsSumToTotal, atMost, weightsPresent, requiredValues];

/**
 * All rule diagnostics for a context.
 * @throws never
 * @example runRules({ file: "a.csv", rows: [], locations: [], today: new Date() }) // []
 */
export function runRules(ctx: ValidationContext, rules: readonly Rule[] = RULES): Diagnostic[] {
  return rules.flatMap((rule) => rule.check(ctx));
}
