/**
 * The sentences a report writes about its forecast's track record, made from the figures of
 * `evaluate` of the plan shown (ForecastEvaluation): how often the intervals held the outcome,
 * and whether the forecast beat the no-change forecast. A claim whose figures are missing is
 * not made.
 */
import type { EvaluationFigures, ForecastEvaluation } from "./report-input.ts";

function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}

function span(origins: readonly string[]): string {
  return origins.length > 1 ? `${origins[0]} to ${origins[origins.length - 1]}` : origins[0] ?? "";
}

function coverage(f: EvaluationFigures): string {
  return `the 80% interval held the outcome in ${f.inside80} of ${f.forecasts} forecasts (${percent(f.coverage80)}) and the 95% interval in ${f.inside95} (${percent(f.coverage95)})`;
}

function versusNaive(f: EvaluationFigures): string {
  const better = f.mase < f.naiveMase;
  return `a mean absolute scaled error of ${f.mase.toFixed(2)} against ${f.naiveMase.toFixed(2)} for the no-change forecast of the same years (${better ? "better than" : f.mase === f.naiveMase ? "no better than" : "worse than"} assuming no change)`;
}

/**
 * Sentences on the intervals' coverage and the comparison with the no-change forecast, for
 * the scope and for its layer, from the evaluation's figures.
 * @throws never.
 * @example forecastClaims(evaluation, "England")[0] // "Re-run at 2019 to 2024 on the data available then, ..."
 */
export function forecastClaims(evaluation: ForecastEvaluation | null, scopeName: string): string[] {
  if (!evaluation) return ["This forecast has not been backtested (too few years of data), so how often its intervals hold the outcome is not known."];
  const out: string[] = [];
  const { own, layer } = evaluation;
  const when = `Re-run at ${span(evaluation.origins)} on the data available then, this same forecast (model, reconciliation and calibration)`;
  if (own && own.forecasts > 0) out.push(`${when} for ${scopeName}: ${coverage(own)}, with ${versusNaive(own)}.`);
  if (layer && layer.forecasts > 0) out.push(`Across ${evaluation.layerName} (${layer.forecasts} forecasts), ${coverage(layer)}; ${versusNaive(layer)}.`);
  if (own && own.forecasts > 0 && own.forecasts < 20) out.push(`With ${own.forecasts} forecasts of ${scopeName} alone, its own coverage is a rough guide; the figures across ${evaluation.layerName} are steadier.`);
  return out;
}

/**
 * The sentence on the breakdowns' track record (placement groups, age bands), or none.
 * @throws never.
 * @example breakdownClaim(evaluation, "placement group") // "Across all 153 local authorities, the placement group forecasts: ..."
 */
export function breakdownClaim(evaluation: ForecastEvaluation | null, kind: "placement" | "age"): string | null {
  const f = evaluation?.[kind];
  if (!evaluation || !f || f.forecasts === 0) return null;
  return `Backtest of the ${kind === "placement" ? "placement-group" : "age-band"} forecasts across ${evaluation.layerName} (re-run at ${span(evaluation.origins)}; ${f.forecasts} forecasts): ${coverage(f)}; ${versusNaive(f)}.`;
}
