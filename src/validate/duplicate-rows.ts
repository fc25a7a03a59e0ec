/**
 * Rule: one row per LA, period, measure and dimension values. A second row for the
 * same key is an error pointing at both.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { describeLocation, pointAt, rowKey, type Rule } from "./rule.ts";

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,4\nE06000001,2025,foster_places_approved,5\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["E_DUPLICATE_ROW"]
 */
export const duplicateRows: Rule = {
  code: "E_DUPLICATE_ROW",
  severity: "error",
  description: "No two rows share LA, period, measure and dimension values.",
  check(ctx) {
    const out: Diagnostic[] = [];
    const first = new Map<string, number>();
    ctx.rows.forEach((row, i) => {
      const key = rowKey(row);
      const j = first.get(key);
      if (j === undefined) {
        first.set(key, i);
        return;
      }
      const dims = Object.entries(row.dims).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(", ");
      out.push(diagnostic("E_DUPLICATE_ROW", { measure: row.measure, dims: dims ? `(${dims})` : "", first: describeLocation(ctx, j) }, pointAt(ctx, i)));
    });
    return out;
  },
};
