/**
 * Rule (measure rule `at_most`): cross-section checks, a value no greater than another
 * measure's value for the same LA and period: vacant foster places <= approved places;
 * children in in-house foster care (cla_31_march, placement_type foster_la) <= approved
 * places; beds occupied <= beds; placed outside the region <= placed outside the LA.
 * The other row's dimensions are this row's (for the dimensions it has), overridden by
 * the rule's `where`; `self` limits which rows of this measure are checked.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findMeasure, MEASURES } from "../template/measures.ts";
import { pointAt, rowKey, rowsByMeasure, type Rule } from "./rule.ts";

function usable(row: DatasetRow): row is DatasetRow & { value: number } {
  return row.value !== null && (row.value_status === "ok" || row.value_status === "estimated" || row.value_status === "low_reliability");
}

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,10\nE06000001,2025,foster_places_vacant,12\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["E_AT_MOST"]
 */
export const atMost: Rule = {
  code: "E_AT_MOST",
  severity: "error",
  description: "Cross-section checks: e.g. vacant places <= approved places; in-house foster children <= approved places.",
  check(ctx) {
    const out: Diagnostic[] = [];
    const index = new Map<string, number>();
    ctx.rows.forEach((row, i) => {
      const key = rowKey(row);
      if (!index.has(key)) index.set(key, i);
    });
    const byMeasure = rowsByMeasure(ctx);
    for (const measure of MEASURES) {
      for (const rule of measure.rules) {
        if (rule.kind !== "at_most") continue;
        const other = findMeasure(rule.measure);
        if (!other) continue;
        const otherDims = new Set(other.dimensions.map((d) => d.column as string));
        (byMeasure.get(measure.id) ?? []).forEach((i) => {
          const row = ctx.rows[i];
          if (!usable(row)) return;
          if (rule.self && Object.entries(rule.self).some(([k, v]) => row.dims[k as keyof typeof row.dims] !== v)) return;
          const dims: Record<string, string> = {};
          for (const [k, v] of Object.entries(row.dims)) if (otherDims.has(k) && v) dims[k] = v;
          for (const [k, v] of Object.entries(rule.where ?? {})) if (v) dims[k] = v;
          const j = index.get(rowKey({ ...row, measure: other.id }, dims));
          if (j === undefined) return;
          const target = ctx.rows[j];
          if (!usable(target) || row.value <= target.value) return;
          const describe = (id: string, d: Record<string, string | undefined>) => {
            const parts = Object.entries(d).filter(([, v]) => v && v !== "total").map(([k, v]) => `${k}=${v}`);
            return parts.length ? `${id} [${parts.join(", ")}]` : id;
          };
          out.push(diagnostic("E_AT_MOST", { measure: describe(measure.id, row.dims), value: row.value, other: describe(other.id, dims), otherValue: target.value }, pointAt(ctx, i)));
        });
      }
    }
    return out;
  },
};
