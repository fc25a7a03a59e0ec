/**
 * Rule: the LA code is a known local authority that reports in the return's period (DfE
 * LA list with first years; an LA in the latest published year stays valid for later
 * years unless a boundary change in src/reference/boundary-changes.ts ends it).
 */
import { findLa, laValidity } from "../reference/las.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { pointAt, type Rule } from "./rule.ts";

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("old_la_code,time_period,measure,value\n909,2025,foster_places_approved,1\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["E_LA_OUT_OF_PERIOD"]
 */
export const laKnownInPeriod: Rule = {
  code: "E_LA_OUT_OF_PERIOD",
  severity: "error",
  description: "The LA code is a known LA that reported in the period (e.g. Cumbria 909 ended in 2023).",
  check(ctx) {
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    ctx.rows.forEach((row, i) => {
      const code = row.new_la_code || row.old_la_code;
      const key = `${code}|${row.time_period}`;
      if (seen.has(key)) return;
      seen.add(key);
      const where = pointAt(ctx, i, row.new_la_code ? "new_la_code" : "old_la_code");
      const la = findLa(code) ?? findLa(row.old_la_code);
      if (!la) {
        out.push(diagnostic("E_LA_UNKNOWN", { code }, where));
        return;
      }
      if (!/^\d{4}$/.test(row.time_period)) return; // the period rule reports it
      if (findLa(la.oldCode, Number(row.time_period))) return;
      const successorHint = la.successors.length
        ? `From ${la.endYear + 1} report as: ${la.successors.map((s) => findLa(s)?.name ?? s).join(", ")}.`
        : la.predecessors.length ? `Before ${la.firstYear} report as: ${la.predecessors.map((s) => findLa(s)?.name ?? s).join(", ")}.` : "Check the period and the LA code.";
      out.push(diagnostic("E_LA_OUT_OF_PERIOD", { name: la.name, code, period: row.time_period, validity: laValidity(la), successorHint }, where));
    });
    return out;
  },
};
