/**
 * The stock-flow projection an LA's report shows when its SSDA903 extract is given: the plan
 * (src/forecast/stock-flow/stock-flow-plan.ts) run from the end of the data, and the same plan
 * re-run 12 months before it (and 24, when the data allow) and scored against what happened.
 */
import type { EpisodeTable } from "../spec/ssda903.ts";
import { dayToIso } from "../spec/ssda903.ts";
import { findLa } from "../reference/las.ts";
import { addMonths } from "../forecast/stock-flow/calendar.ts";
import { evaluateStockFlow, runStockFlow, stockFlowPlan } from "../forecast/stock-flow/stock-flow-plan.ts";
import type { ForecastPoint, StockFlowReport } from "./report-input.ts";

/**
 * Project and backtest the stock-flow plan of the LAs `las` (old codes) of an episode table.
 * Returns null when the extract does not reach far enough back for a backtest and a window.
 * @throws never: a projection that cannot be made gives null and a note.
 * @example stockFlowReport(table, ["805"], 3)?.points.total.length // 3
 */
export function stockFlowReport(table: EpisodeTable, las: string[], years: number): StockFlowReport | null {
  const plan = stockFlowPlan(table, { las, simulations: 500 });
  const notes: string[] = [];
  let projection;
  try {
    projection = runStockFlow(plan, { horizon: 12 * years });
  } catch (error) {
    return { las: las.map((c) => findLa(c)?.name ?? c), start: dayToIso(plan.dataEnd), model: "stock-flow", points: {}, origins: [], months: 12, accuracy: [], notes: [`The stock-flow projection could not be made: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const points: Record<string, ForecastPoint[]> = {};
  for (const r of projection.rows) {
    if (r.series_id.startsWith("age:") || r.step % 12 !== 0) continue;
    (points[r.series_id] ??= []).push({ year: Number(r.period.slice(0, 4)) + (Number(r.period.slice(5, 7)) > 3 ? 1 : 0), mean: r.mean, lo80: r.lower[80] ?? null, hi80: r.upper[80] ?? null, lo95: r.lower[95] ?? null, hi95: r.upper[95] ?? null });
  }
  // Backtest origins: 12 and 24 months before the data end, when a full window of data precedes them.
  let firstDay = Infinity;
  for (let i = 0; i < table.start.length; i++) if (table.start[i]! < firstDay) firstDay = table.start[i]!;
  const origins = [24, 12].map((m) => addMonths(plan.dataEnd, -m)).filter((o) => addMonths(o, -plan.windowMonths) >= firstDay || !Number.isFinite(firstDay));
  let evaluationAccuracy: StockFlowReport["accuracy"] = [];
  if (origins.length) {
    try {
      const e = evaluateStockFlow(plan, { origins, horizon: 12 });
      evaluationAccuracy = Object.keys(e.byGroup).map((group) => {
        const a = e.byGroup[group]!.at(-1)!;
        const n = e.naiveByGroup[group]!.at(-1)!;
        return { group, months: a.n, mase: a.mase, naiveMase: n.mase, coverage80: a.intervals[80]?.coverage ?? NaN, coverage95: a.intervals[95]?.coverage ?? NaN, inside80: Math.round((a.intervals[80]?.coverage ?? 0) * a.n), inside95: Math.round((a.intervals[95]?.coverage ?? 0) * a.n) };
      });
    } catch (error) {
      notes.push(`The stock-flow projection could not be backtested: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else notes.push(`The extract does not reach ${plan.windowMonths} months before a backtest origin, so the stock-flow projection has not been backtested.`);
  return { las: las.map((c) => findLa(c)?.name ?? c), start: dayToIso(plan.dataEnd), model: projection.rows[0]?.model ?? "stock-flow", points, origins: origins.map(dayToIso), months: 12, accuracy: evaluationAccuracy, notes };
}
