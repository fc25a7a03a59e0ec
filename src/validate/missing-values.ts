/**
 * Rule: completeness. Rows left blank with no missing_reason are read as "missing" (never
 * zero); say how many there are per sheet (or per file for a CSV), so an LA can see what
 * it has not filled in before it sends the return.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import type { Rule } from "./rule.ts";

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,\n") })).diagnostics.map((d) => d.code) // ["I_VALUES_MISSING"]
 */
export const missingValues: Rule = {
  code: "I_VALUES_MISSING",
  severity: "info",
  description: "Counts rows with neither a value nor a missing reason, per sheet.",
  check(ctx) {
    const bySheet = new Map<string, { missing: number; rows: number }>();
    ctx.rows.forEach((row, i) => {
      const sheet = ctx.locations[i]?.sheet ?? "";
      const entry = bySheet.get(sheet) ?? { missing: 0, rows: 0 };
      entry.rows++;
      if (row.value_status === "missing") entry.missing++;
      bySheet.set(sheet, entry);
    });
    const out: Diagnostic[] = [];
    for (const [sheet, { missing, rows }] of bySheet) {
      if (missing === 0) continue;
      out.push(diagnostic("I_VALUES_MISSING", { count: missing, rows, sheet: sheet || "(file)" }, { file: ctx.file, ...(sheet ? { sheet } : {}) }));
    }
    return out;
  },
};
