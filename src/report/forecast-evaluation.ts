/**
 * What a report says about its forecast's track record, computed from `evaluate` of the very
 * plan whose forecast it shows: the scope's own backtest by horizon, its layer's pooled
 * figures, and the breakdowns' (placement groups, age bands), each next to the no-change
 * forecast of the same targets. The sentences of the report are written from these figures
 * (forecast-claims.ts), never typed.
 */
import type { PlanEvaluation } from "../forecast/evaluate.ts";
import { accuracy } from "../forecast/accuracy.ts";
import type { BacktestSummary, EvaluationFigures } from "./report-input.ts";

function figures(evaluation: PlanEvaluation, keep: (id: string) => boolean): EvaluationFigures | null {
  const rows = evaluation.rows.filter((r) => keep(r.series_id));
  if (rows.length === 0) return null;
  const model = accuracy(rows, { series: evaluation.series, levels: [80, 95] }).at(-1)!;
  const naive = accuracy(evaluation.naive.filter((r) => keep(r.series_id)), { series: evaluation.series, levels: [] }).at(-1)!;
  return {
    series: new Set(rows.map((r) => r.series_id)).size,
    forecasts: model.n,
    mase: model.mase,
    naiveMase: naive.mase,
    coverage80: model.intervals[80]?.coverage ?? Number.NaN,
    coverage95: model.intervals[95]?.coverage ?? Number.NaN,
    inside80: Math.round((model.intervals[80]?.coverage ?? 0) * model.n),
    inside95: Math.round((model.intervals[95]?.coverage ?? 0) * model.n),
  };
}

/**
 * The scope's own backtest by horizon (for the report's table): MASE, sMAPE and coverage of
 * the plan's forecasts of `id`, and the no-change forecast's MASE on the same targets.
 * @throws never.
 * @example backtestByHorizon(evaluation, "E92000001", 3)[0].horizon // 1
 */
export function backtestByHorizon(evaluation: PlanEvaluation, id: string, horizon: number): BacktestSummary[] {
  const rows = evaluation.rows.filter((r) => r.series_id === id);
  const naiveRows = evaluation.naive.filter((r) => r.series_id === id);
  if (!rows.length) return [];
  const model = accuracy(rows, { series: evaluation.series, levels: [80, 95] }).filter((a) => a.scope === "horizon");
  const naive = accuracy(naiveRows, { series: evaluation.series, levels: [] }).filter((a) => a.scope === "horizon");
  const out: BacktestSummary[] = [];
  for (let h = 1; h <= horizon; h++) {
    const m = model.find((a) => a.step === h);
    if (!m || m.n === 0) continue;
    const n = naive.find((a) => a.step === h);
    out.push({ horizon: h, origins: m.n, mase: m.mase, smape: m.smape, coverage80: m.intervals[80]?.coverage ?? Number.NaN, coverage95: m.intervals[95]?.coverage ?? Number.NaN, naiveMase: n?.mase ?? Number.NaN });
  }
  return out;
}

/**
 * Pooled figures over every forecast of the series `keep` selects (all horizons).
 * @throws never.
 * @example evaluationFigures(evaluation, (id) => id === "E92000001")?.coverage80
 */
export function evaluationFigures(evaluation: PlanEvaluation, keep: (id: string) => boolean): EvaluationFigures | null {
  return figures(evaluation, keep);
}
