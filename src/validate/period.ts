/**
 * Rule: the period is a four-digit year ending 31 March, not in the future (the year
 * ending 31 March Y is complete from 1 April Y), and the one the user asked for.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { pointAt, type Rule } from "./rule.ts";

/**
 * The latest complete year ending 31 March on a date.
 * @throws never
 * @example latestCompletePeriod(new Date(Date.UTC(2026, 10, 22))) // 2026
 */
export function latestCompletePeriod(today: Date): number {
  return today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2024-25,foster_places_approved,1\n") })).diagnostics.map((d) => d.code).filter((c) => !c.startsWith("E_REQUIRED")) // ["E_PERIOD_FORMAT"]
 */
export const period: Rule = {
  code: "E_PERIOD_FORMAT",
  severity: "error",
  description: "The period is YYYY (year ending 31 March), not in the future, and matches --period.",
  check(ctx) {
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    const latest = latestCompletePeriod(ctx.today);
    ctx.rows.forEach((row, i) => {
      const p = row.time_period;
      if (seen.has(p)) return;
      seen.add(p);
      const where = pointAt(ctx, i, "time_period");
      if (!/^\d{4}$/.test(p)) out.push(diagnostic("E_PERIOD_FORMAT", { period: p }, where));
      else if (Number(p) > latest) out.push(diagnostic("E_PERIOD_FUTURE", { period: p, latest }, where));
      if (ctx.period !== undefined && p !== ctx.period) out.push(diagnostic("E_PERIOD_NOT_REQUESTED", { period: p, requested: ctx.period }, where));
    });
    return out;
  },
};
