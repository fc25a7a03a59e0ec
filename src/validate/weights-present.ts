/**
 * Rule: a weighted mean comes with its weight. A mean (weekly_cost_mean) can be combined
 * across LAs only when weighted by the count it is over (placements_costed, same placement
 * type and sector); a mean whose weight is blank would vanish from every footprint figure.
 * A mean with no weight row, or a blank weight, is an error at the mean's cell; a mean over
 * a weight of 0 under a mean above 0 is a warning (there is nothing to average).
 * Reference: GSS guidance on averages (combine means weighted by the count each is over).
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { MEASURES } from "../template/measures.ts";
import { pointAt, rowKey, rowsByMeasure, type Rule } from "./rule.ts";

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,placement_type,sector,value\nE06000001,2025,weekly_cost_mean,foster_ifa,private,950\n") })).diagnostics.some((d) => d.code === "E_WEIGHT_MISSING") // true
 */
export const weightsPresent: Rule = {
  code: "E_WEIGHT_MISSING",
  severity: "error",
  description: "A weighted mean (weekly_cost_mean) has its weight (placements_costed) for the same cell.",
  check(ctx) {
    const out: Diagnostic[] = [];
    const index = new Map<string, number>();
    ctx.rows.forEach((row, i) => {
      const key = rowKey(row);
      if (!index.has(key)) index.set(key, i);
    });
    const byMeasure = rowsByMeasure(ctx);
    for (const measure of MEASURES) {
      if (measure.aggregation.kind !== "weighted_mean") continue;
      const weight = measure.aggregation.weight;
      for (const i of byMeasure.get(measure.id) ?? []) {
        const row = ctx.rows[i];
        if (row.value === null) continue;
        const dims = Object.entries(row.dims).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(", ");
        const j = index.get(rowKey({ ...row, measure: weight }));
        const w = j === undefined ? undefined : ctx.rows[j];
        const params = { measure: measure.id, dims: dims ? ` (${dims})` : "", value: row.value, weight, weightCell: j === undefined ? "no row" : describe(pointAt(ctx, j)) };
        if (!w || w.value === null) out.push(diagnostic("E_WEIGHT_MISSING", params, pointAt(ctx, i)));
        else if (w.value === 0 && row.value > 0) out.push(diagnostic("W_WEIGHT_ZERO", params, pointAt(ctx, i)));
      }
    }
    return out;
  },
};

function describe(where: { sheet?: string; cell?: string; row?: number }): string {
  if (where.sheet) return `${where.sheet}!${where.cell ?? ""}`;
  return where.row !== undefined ? `row ${where.row}` : "its row";
}
