/**
 * Rule: values obey their measure's value rules: counts (non_negative_integer) are whole
 * numbers of 0 or more; net flows (integer) are whole numbers of any sign; money
 * (non_negative) is 0 or more.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findMeasure } from "../template/measures.ts";
import { pointAt, type Rule } from "./rule.ts";

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,2.5\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["E_COUNT_NOT_INTEGER"]
 */
export const countValues: Rule = {
  code: "E_COUNT_NOT_INTEGER",
  severity: "error",
  description: "Counts are whole numbers of 0 or more; amounts are 0 or more.",
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.rows.forEach((row, i) => {
      if (row.value === null) return;
      const rules = findMeasure(row.measure)?.rules ?? [];
      const count = rules.some((r) => r.kind === "non_negative_integer");
      const integer = count || rules.some((r) => r.kind === "integer");
      const nonNegative = count || rules.some((r) => r.kind === "non_negative");
      if (integer && !Number.isInteger(row.value)) out.push(diagnostic("E_COUNT_NOT_INTEGER", { measure: row.measure, value: row.value }, pointAt(ctx, i)));
      if (nonNegative && row.value < 0) out.push(diagnostic("E_VALUE_NEGATIVE", { measure: row.measure, value: row.value }, pointAt(ctx, i)));
    });
    return out;
  },
};
