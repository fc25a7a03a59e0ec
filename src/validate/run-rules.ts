/**
 * Run every validation rule over one file's rows. Rules are pure and independent; the
 * order here is the order diagnostics are listed in (period and LA first, then values).
 */
import type { Diagnostic } from "../spec/diagnostic";
import { atMost } from "./at-most";
import { codedValues } from "./coded-values";
import { countValues } from "./count-values";
import { duplicateRows } from "./duplicate-rows";
import { laKnownInPeriod } from "./la-known-in-period";
import { missingValues } from "./missing-values";
import { partsSumToTotal } from "./parts-sum-to-total";
import { period } from "./period";
import type { Rule, ValidationContext } from "./rule";

export const RULES: readonly Rule[] = [period, laKnownInPeriod, codedValues, countValues, duplicateRows, partsSumToTotal, atMost, missingValues];

/**
 * All rule diagnostics for a context.
 * @throws never
 * @example runRules({ file: "a.csv", rows: [], locations: [], today: new Date() }) // []
 */
export function runRules(ctx: ValidationContext, rules: readonly Rule[] = RULES): Diagnostic[] {
  return rules.flatMap((rule) => rule.check(ctx));
}
