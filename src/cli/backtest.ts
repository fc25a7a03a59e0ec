/**
 * `suff backtest INPUT.csv --horizon H --origins N --out ACC.csv`: rolling-origin accuracy of
 * a model on a long CSV, by series, by horizon and overall.
 */
import type { Command } from "commander";
import { accuracy, type AccuracyTable } from "../forecast/accuracy.ts";
import { backtest } from "../forecast/backtest.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv } from "../write/csv.ts";
import { GLOBAL_CANDIDATES, parseLevels, positiveInteger, printDiagnostics, readSeriesFile, resolveModel, type SeriesCommandOptions } from "./forecast.ts";

function accuracyColumns(levels: number[]): string[] {
  return ["scope", "model", "series_id", "step", "n", "me", "mae", "rmse", "mape", "smape", "mase", "rmsse", ...levels.flatMap((l) => [`coverage${l}`, `winkler${l}`, `msis${l}`])];
}

function accuracyRecords(table: AccuracyTable, levels: number[]): Array<Record<string, string | number | null>> {
  const round = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null);
  return table.map((row) => {
    const out: Record<string, string | number | null> = {
      scope: row.scope, model: row.model, series_id: row.series_id, step: row.step, n: row.n,
      me: round(row.me), mae: round(row.mae), rmse: round(row.rmse), mape: round(row.mape), smape: round(row.smape), mase: round(row.mase), rmsse: round(row.rmsse),
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

/** Register the backtest command. */
export function register(program: Command): void {
  program
    .command("backtest")
    .description("Rolling-origin backtest of a model on a long CSV: ME, MAE, RMSE, MAPE, sMAPE, MASE, RMSSE, coverage, Winkler and MSIS by series, horizon and overall.")
    .argument("<input>", "long CSV with columns series_id,period,value")
    .requiredOption("--horizon <h>", "periods ahead to forecast at each origin")
    .requiredOption("--origins <n>", "number of rolling origins (the last is horizon periods before the end)")
    .option("--model <name>", "model (as for suff forecast)", "auto")
    .option("--level <list>", "interval levels in percent, comma separated", "80,95")
    .option("--frequency <m>", "observations per year: 1, 4 or 12 (default: from the periods)")
    .option("--calibrate", "score conformal intervals, calibrated at each origin on earlier data only (default)", true)
    .option("--no-calibrate", "score analytic intervals instead")
    .requiredOption("--out <file>", "accuracy CSV to write")
    .action((input: string, options: SeriesCommandOptions & { origins: string }) => {
      const horizon = positiveInteger(options.horizon, "--horizon");
      const origins = positiveInteger(options.origins, "--origins");
      const levels = parseLevels(options.level);
      const spec = resolveModel(options.model);
      const all = readSeriesFile(input, options.frequency);
      const series = all.filter((s) => s.values.filter(Number.isFinite).length >= horizon + origins + 2);
      const short = all.filter((s) => !series.includes(s));
      printDiagnostics(short.map((s) => diagnostic("W_SERIES_SHORT", { series: s.id, file: input, count: s.values.filter(Number.isFinite).length, origins, horizon }, { file: input })));
      const table = backtest(series, spec, { horizon, origins, levels, calibrate: options.calibrate, candidates: GLOBAL_CANDIDATES });
      const result = accuracy(table, { series, levels, model: options.model });
      writeFileAtomic(options.out, toCsv(accuracyColumns(levels), accuracyRecords(result, levels)));
      const overall = result.at(-1)!;
      const coverage = levels.map((l) => `coverage${l} ${overall.intervals[l]?.coverage.toFixed(3)}`).join(", ");
      process.stdout.write(`wrote ${options.out}: ${series.length} series, ${origins} origins, horizon ${horizon}; overall MASE ${overall.mase.toFixed(3)}, sMAPE ${overall.smape.toFixed(2)}, ${coverage}\n`);
    });
}
