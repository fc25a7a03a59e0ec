/**
 * `suff backtest INPUT.csv --horizon H --origins N --out ACC.csv` (or `--dataset DIR --measure ID`):
 * the default plan (the one `suff forecast` uses) re-run at past origins on the data up to each
 * and scored: accuracy by series, horizon and overall (by group in dataset mode), next to the
 * no-change forecast of the same targets.
 */
import type { Command } from "commander";
import type { AccuracyTable } from "../forecast/accuracy.ts";
import { defaultPlan } from "../forecast/default-plan.ts";
import { evaluate, type PlanEvaluation } from "../forecast/evaluate.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { SuffError } from "../spec/errors.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv } from "../write/csv.ts";
import type { DatasetModeOptions } from "./forecast-dataset-mode.ts";
import { parseLevels, positiveInteger, printDiagnostics, readSeriesFile, resolveModel, type SeriesCommandOptions } from "./forecast.ts";

function accuracyColumns(levels: number[]): string[] {
  return ["group", "scope", "model", "series_id", "step", "n", "me", "mae", "rmse", "mape", "smape", "mase", "naive_mase", "rmsse", ...levels.flatMap((l) => [`coverage${l}`, `winkler${l}`, `msis${l}`])];
}

function accuracyRecords(group: string, table: AccuracyTable, naive: AccuracyTable, levels: number[]): Array<Record<string, string | number | null>> {
  const round = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null);
  return table.map((row) => {
    const base = naive.find((n) => n.scope === row.scope && n.series_id === row.series_id && n.step === row.step);
    const out: Record<string, string | number | null> = {
      group, scope: row.scope, model: row.model, series_id: row.series_id, step: row.step, n: row.n,
      me: round(row.me), mae: round(row.mae), rmse: round(row.rmse), mape: round(row.mape), smape: round(row.smape), mase: round(row.mase), naive_mase: round(base?.mase), rmsse: round(row.rmsse),
    };
    for (const level of levels) {
      const i = row.intervals[level];
      out[`coverage${level}`] = i ? round(i.coverage) : null;
      out[`winkler${level}`] = i ? round(i.winkler) : null;
      out[`msis${level}`] = i ? round(i.msis) : null;
    }
    return out;
  });
}

function summary(evaluation: PlanEvaluation, group: string, levels: number[]): string {
  const overall = evaluation.byGroup[group]?.at(-1);
  const naive = evaluation.naiveByGroup[group]?.at(-1);
  if (!overall || overall.n === 0) return `${group}: nothing to score`;
  const coverage = levels.map((l) => `coverage${l} ${overall.intervals[l]?.coverage.toFixed(3)}`).join(", ");
  return `${group}: MASE ${overall.mase.toFixed(3)} (no-change ${naive?.mase.toFixed(3) ?? "n/a"}), sMAPE ${overall.smape.toFixed(2)}, ${coverage}, ${overall.n} forecasts`;
}

/** Register the backtest command. */
export function register(program: Command): void {
  program
    .command("backtest")
    .description("Rolling-origin backtest of the forecast plan (as suff forecast makes it) on a long CSV or a dataset measure: ME, MAE, RMSE, MAPE, sMAPE, MASE (and the no-change forecast's), RMSSE, coverage, Winkler and MSIS by series, horizon and overall.")
    .argument("[input]", "long CSV with columns series_id,period,value (not with --dataset)")
    .requiredOption("--horizon <h>", "periods ahead to forecast at each origin")
    .requiredOption("--origins <n>", "number of rolling origins (the last is horizon periods before the end)")
    .option("--model <name>", "model (as for suff forecast)", "auto")
    .option("--level <list>", "interval levels in percent, comma separated", "80,95")
    .option("--frequency <m>", "observations per year: 1, 4 or 12 (default: from the periods)")
    .option("--calibrate", "score conformal intervals, calibrated at each origin on earlier data only (default)", true)
    .option("--no-calibrate", "score the model's own intervals instead (long CSV only)")
    .option("--dataset <dir>", "backtest a measure of a dataset folder (the plan of suff forecast --dataset: reconciled LA -> region -> England)")
    .option("--measure <id>", "with --dataset: template measure id, e.g. cla_31_march")
    .option("--by <dims>", "with --dataset: dimensions to break LA forecasts into, comma separated")
    .option("--footprints <file>", "with --dataset: footprint CSV new_la_code,footprint_code,footprint_name")
    .option("--reconcile <method>", "with --dataset: bottom-up (default), mint, top-down, ols, wls-structural, wls-variance")
    .requiredOption("--out <file>", "accuracy CSV to write")
    .action(async (input: string | undefined, options: SeriesCommandOptions & Partial<DatasetModeOptions> & { origins: string }) => {
      const horizon = positiveInteger(options.horizon, "--horizon");
      const origins = positiveInteger(options.origins, "--origins");
      const levels = parseLevels(options.level);
      let evaluation: PlanEvaluation;
      let series = 0;
      if (options.dataset) {
        const { datasetModePlan } = await import("./forecast-dataset-mode.ts");
        const plan = datasetModePlan({ ...options, dataset: options.dataset, out: options.out }, levels);
        process.stderr.write(`re-running the plan at ${origins} origins...\n`);
        evaluation = evaluate(plan, { origins, horizon });
        series = plan.panel.series.length;
      } else {
        if (!input) throw new SuffError("E_USAGE", "give a long CSV INPUT, or --dataset DIR --measure ID");
        const spec = resolveModel(options.model);
        const all = readSeriesFile(input, options.frequency);
        const usable = all.filter((s) => s.values.filter(Number.isFinite).length >= horizon + origins + 2);
        const short = all.filter((s) => !usable.includes(s));
        printDiagnostics(short.map((s) => diagnostic("W_SERIES_SHORT", { series: s.id, file: input, count: s.values.filter(Number.isFinite).length, origins, horizon }, { file: input })));
        if (usable.length === 0) throw new SuffError("E_NO_SERIES", `no series of ${input} is long enough for ${origins} origins at horizon ${horizon}`);
        evaluation = evaluate(defaultPlan(usable, { model: spec, calibrate: options.calibrate, levels }), { origins, horizon });
        series = usable.length;
      }
      const groups = Object.keys(evaluation.byGroup).sort();
      const records = groups.flatMap((g) => accuracyRecords(g, evaluation.byGroup[g]!, evaluation.naiveByGroup[g]!, levels));
      writeFileAtomic(options.out, toCsv(accuracyColumns(levels), records));
      process.stdout.write(`wrote ${options.out}: ${series} series, origins ${evaluation.origins.join(", ")}, horizon ${horizon}\n`);
      for (const g of groups) if (!g.includes("|")) process.stdout.write(`  ${summary(evaluation, g, levels)}\n`);
    });
}
