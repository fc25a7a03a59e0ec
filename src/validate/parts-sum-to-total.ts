/**
 * Rule (measure rule `parts_sum_to_total`): over a coded dimension, the parts add up to
 * their whole. Code lists are trees: leaves add up to their group (foster_kinship +
 * foster_la + foster_ifa = foster) and groups add up to the total. A group with no row of
 * its own counts as the sum of its leaves when all of them are given (a code only derived
 * data carries, such as placement type "unknown", counts as none when absent). Rows are compared
 * only within the same LA, period, measure and values of the other dimensions, and only
 * when every part is a number (a suppressed or missing part is not zero, so no check).
 */
import { CODE_LISTS, TOTAL, type CodeList } from "../reference/code-lists.ts";
import { childCodes, findCode, rootCodes } from "../reference/code-tree.ts";
import type { DatasetRow, DimensionColumn } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { MEASURES } from "../template/measures.ts";
import { pointAt, rowKey, rowsByMeasure, type Rule, type ValidationContext } from "./rule.ts";

interface Group {
  /** code -> row index */
  byCode: Map<string, number>;
}

function tolerance(measureUnit: string, total: number): number {
  return measureUnit.startsWith("gbp") ? Math.max(0.5, Math.abs(total) * 1e-6) : 1e-9;
}

function checkGroup(ctx: ValidationContext, measureId: string, unit: string, column: DimensionColumn, list: CodeList, group: Group): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rows: DatasetRow[] = ctx.rows;
  const known = (code: string): number | null => {
    const index = group.byCode.get(code);
    if (index !== undefined) {
      const row = rows[index];
      return row.value_status === "ok" || row.value_status === "low_reliability" || row.value_status === "estimated" ? row.value : null;
    }
    const children = childCodes(list, code);
    // A code only derived data carries (e.g. placement type "unknown") that has no row: none.
    if (children.length === 0) return findCode(list, code)?.derivedOnly ? 0 : null;
    let sum = 0;
    for (const c of children) {
      const v = known(c);
      if (v === null) return null;
      sum += v;
    }
    return sum;
  };
  const compare = (whole: string, parts: string[]) => {
    const wholeIndex = group.byCode.get(whole);
    if (wholeIndex === undefined) return;
    const wholeValue = known(whole);
    if (wholeValue === null || parts.length === 0) return;
    // Only check when at least one part has a row of its own (a template with only a total is fine).
    if (!parts.some((p) => group.byCode.has(p) || childCodes(list, p).some((c) => group.byCode.has(c)))) return;
    const values = parts.map(known);
    if (values.some((v) => v === null)) return;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - wholeValue) <= tolerance(unit, wholeValue)) return;
    out.push(diagnostic("E_PARTS_NOT_TOTAL", {
      measure: measureId, column, parts: parts.length, sum: round(sum), total: whole, totalValue: wholeValue,
      partList: parts.map((p, i) => `${p}=${values[i]}`).join(", "),
    }, pointAt(ctx, wholeIndex)));
  };
  compare(TOTAL, rootCodes(list));
  const visit = (code: string) => {
    const children = childCodes(list, code);
    if (children.length > 0) compare(code, children);
    children.forEach(visit);
  };
  rootCodes(list).forEach(visit);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,age_band,value\nE06000001,2025,cla_31_march_uasc,total,9\nE06000001,2025,cla_31_march_uasc,under_1,0\nE06000001,2025,cla_31_march_uasc,1_to_4,0\nE06000001,2025,cla_31_march_uasc,5_to_9,1\nE06000001,2025,cla_31_march_uasc,10_to_15,3\nE06000001,2025,cla_31_march_uasc,16_plus,6\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["E_PARTS_NOT_TOTAL"]
 */
export const partsSumToTotal: Rule = {
  code: "E_PARTS_NOT_TOTAL",
  severity: "error",
  description: "Parts add up to their total: leaves to their group, groups to the total (per coded dimension).",
  check(ctx) {
    const out: Diagnostic[] = [];
    const byMeasure = rowsByMeasure(ctx);
    for (const measure of MEASURES) {
      const indexes = byMeasure.get(measure.id);
      if (!indexes) continue;
      for (const rule of measure.rules) {
        if (rule.kind !== "parts_sum_to_total") continue;
        const column = rule.dimension;
        const list = CODE_LISTS[column];
        if (!list) continue;
        const groups = new Map<string, Group>();
        indexes.forEach((i) => {
          const row = ctx.rows[i];
          const code = row.dims[column];
          if (code === undefined || code === "") return;
          const others = { ...row.dims, [column]: "" };
          const key = rowKey(row, others);
          let group = groups.get(key);
          if (!group) groups.set(key, (group = { byCode: new Map() }));
          if (!group.byCode.has(code)) group.byCode.set(code, i);
        });
        for (const group of groups.values()) out.push(...checkGroup(ctx, measure.id, measure.unit, column, list, group));
      }
    }
    return out;
  },
};
