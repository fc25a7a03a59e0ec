/**
 * Rule: every coded dimension value is a code of its list (CODE_LISTS) and the measure
 * has that dimension. Codes a reader accepted only ignoring case or spacing, or by label
 * (recorded in the row location) are reported as warnings: accepted, but worth fixing.
 */
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { allCodes, findCode } from "../reference/code-tree.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findMeasure } from "../template/measures.ts";
import { pointAt, type Rule } from "./rule.ts";

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,placement_type,value\nE06000001,2025,block_contracted_beds,Secure ,1\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["W_CODE_NOT_EXACT"]
 */
export const codedValues: Rule = {
  code: "E_CODE_INVALID",
  severity: "error",
  description: "Coded columns hold codes of their list; case/spacing/label matches are warnings.",
  check(ctx) {
    const out: Diagnostic[] = [];
    const reported = new Set<string>();
    ctx.rows.forEach((row, i) => {
      for (const n of ctx.locations[i]?.normalised ?? []) {
        // One warning per cell: a return-level cell (the LA code on the Return sheet) is shared by every row.
        const where = pointAt(ctx, i, n.column);
        const key = `${n.column}|${n.raw}|${where.sheet ?? ""}!${where.cell ?? ""}|${where.row ?? ""}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(diagnostic("W_CODE_NOT_EXACT", { raw: n.raw, column: n.column, code: n.code }, where));
      }
      const measure = findMeasure(row.measure);
      if (!measure) return;
      const own = new Set(measure.dimensions.map((d) => d.column as string));
      for (const [column, code] of Object.entries(row.dims)) {
        if (code === undefined || code === "") continue;
        if (!own.has(column)) {
          out.push(diagnostic("E_DIMENSION_NOT_ALLOWED", { measure: row.measure, column, raw: code }, pointAt(ctx, i, column)));
          continue;
        }
        const list = CODE_LISTS[column];
        if (!list || code === TOTAL || findCode(list, code)) continue;
        out.push(diagnostic("E_CODE_INVALID", { raw: code, column, measure: row.measure, examples: allCodes(list).slice(0, 5).join(", ") }, pointAt(ctx, i, column)));
      }
    });
    return out;
  },
};
