/**
 * CLI speed (issue 9, item 5), measured side by side in one run by spawning the compiled CLI
 * (dist/cli.js) as a user runs it, and R's forecast package on the same series:
 *  - `suff --help` (target under 1 s);
 *  - `suff forecast` on the 645 M3 yearly series with default settings (calibrated intervals),
 *    against R's `ets` + `forecast` over the same series (target: at least 4 times faster; R's
 *    time is its ets+forecast loop only, without R's start-up, so the comparison favours R);
 *  - the England placement-group forecast, `suff forecast --dataset DIR --measure cla_31_march
 *    --by placement_type` (target under 10 s, with a progress line).
 * Each command runs 3 times, interleaved; the median wall-clock time counts. The M3 forecast's
 * accuracy on the M3 test periods is scored with `accuracy()` too.
 * Writes bench/results/cli-speed.md. Run: npm run bench -- cli-speed
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { accuracy } from "../src/forecast/accuracy";
import { readSeriesCsv } from "../src/forecast/series-io";
import type { ForecastTable } from "../src/spec/forecast";
import { writeFileAtomic } from "../src/write/atomic";

const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");
const cli = path.join(root, "dist", "cli.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "suff-cli-speed-"));
const loadAtStart = os.loadavg()[0]!;

// The compiled CLI must be current.
const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8" });
if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);

// 1. Inputs: M3 yearly training series as the long CSV suff reads; the test periods; a dataset of the published data.
const long = readFileSync(path.join(root, "bench/data/m3/m3_yearly_long.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map((c) => c.replace(/"/g, "")));
const trainCsv = path.join(tmp, "m3-yearly.csv");
writeFileSync(trainCsv, ["series_id,period,value", ...long.filter((c) => c[1] === "train").map((c) => `${c[0]},${c[3]},${c[4]}`)].join("\n") + "\n");
const test = new Map<string, number[]>();
for (const c of long.filter((x) => x[1] === "test")) (test.get(c[0]!) ?? test.set(c[0]!, []).get(c[0]!)!).push(Number(c[4]));
const rScript = path.join(tmp, "ets.R");
writeFileSync(rScript, `suppressMessages(library(forecast))
d <- read.csv("${trainCsv}", stringsAsFactors = FALSE)
ids <- unique(d$series_id)
t0 <- proc.time()[["elapsed"]]
out <- lapply(ids, function(id) { y <- d$value[d$series_id == id]; f <- forecast(ets(ts(y)), h = 6, level = c(80, 95)); data.frame(series_id = id, step = 1:6, mean = as.numeric(f$mean)) })
elapsed <- proc.time()[["elapsed"]] - t0
write.csv(do.call(rbind, out), "${path.join(tmp, "r.csv")}", row.names = FALSE)
cat(sprintf("%.4f\\n", elapsed))
`);
const ingest = spawnSync(process.execPath, [cli, "ingest", path.join(root, "data/published"), "--out", path.join(tmp, "ds")], { encoding: "utf8" });
if (ingest.status !== 0) throw new Error(`suff ingest failed: ${ingest.stderr}`);

// 2. Timed runs, interleaved.
interface Timed { seconds: number; cpu: number; stdout: string; stderr: string }
const timeTool = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
/** Wall-clock seconds, and the child's CPU seconds (user + system, from /usr/bin/time) to show the machine's load. */
function time(command: string, args: string[]): Timed {
  const started = performance.now();
  const r = timeTool ? spawnSync(timeTool, ["-f", "CPU %U %S", command, ...args], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 }) : spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
  const cpuLine = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { seconds, cpu: cpuLine ? Number(cpuLine[1]) + Number(cpuLine[2]) : Number.NaN, stdout: r.stdout, stderr: r.stderr };
}
const runs: Record<string, Timed[]> = { help: [], m3: [], r: [], rLoop: [], england: [] };
const ROUNDS = 5;
for (let round = 0; round < ROUNDS; round++) {
  runs.help!.push(time(process.execPath, [cli, "--help"]));
  runs.m3!.push(time(process.execPath, [cli, "forecast", trainCsv, "--horizon", "6", "--out", path.join(tmp, "m3.csv")]));
  const r = time("Rscript", [rScript]);
  runs.r!.push(r);
  runs.rLoop!.push({ seconds: Number(r.stdout.trim().split("\n").at(-1)), cpu: Number.NaN, stdout: "", stderr: "" });
  runs.england!.push(time(process.execPath, [cli, "forecast", "--dataset", path.join(tmp, "ds"), "--measure", "cla_31_march", "--by", "placement_type", "--horizon", "3", "--out", path.join(tmp, "england.csv")]));
}
const median = (xs: Timed[], key: "seconds" | "cpu" = "seconds") => [...xs].map((x) => x[key]).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [help, m3, r, rLoop, england] = ["help", "m3", "r", "rLoop", "england"].map((k) => median(runs[k]!)) as [number, number, number, number, number];
const progress = runs.england![0]!.stderr.split("\n").find((l) => l.startsWith("forecasting:")) ?? "";

// 3. Accuracy of the M3 forecast on the test periods (the one scorer).
const forecastRows: ForecastTable = readFileSync(path.join(tmp, "m3.csv"), "utf8").trim().split("\n").slice(1).map((line) => {
  const [id, period, model, mean, lo80, hi80, lo95, hi95] = line.split(",");
  return { series_id: id!, period: period!, step: 0, model: model!, mean: Number(mean), lower: { 80: Number(lo80), 95: Number(lo95) }, upper: { 80: Number(hi80), 95: Number(hi95) } };
});
const stepOf = new Map<string, number>();
for (const row of forecastRows) { const k = (stepOf.get(row.series_id) ?? 0) + 1; stepOf.set(row.series_id, k); row.step = k; row.actual = test.get(row.series_id)![k - 1]; }
const train = readSeriesCsv(readFileSync(trainCsv, "utf8")).series;
for (const row of forecastRows) row.origin = train.find((s) => s.id === row.series_id)!.values.length - 1;
const score = accuracy(forecastRows, { series: train }).at(-1)!;
const rMeans = readFileSync(path.join(tmp, "r.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map((c) => c.replace(/"/g, "")));
const rRows: ForecastTable = rMeans.map(([id, step, mean]) => ({ series_id: id!, period: "", step: Number(step), model: "R ets", mean: Number(mean), lower: {}, upper: {}, actual: test.get(id!)![Number(step) - 1], origin: train.find((s) => s.id === id)!.values.length - 1 }));
const rScore = accuracy(rRows, { series: train, levels: [] }).at(-1)!;
rmSync(tmp, { recursive: true, force: true });

const f = (x: number, d = 2) => x.toFixed(d);
const mark = (ok: boolean) => (ok ? "met" : "**missed**");
const lines = [
  "## CLI speed: suff --help, suff forecast on M3 yearly vs R's ets, the England placement-group forecast",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} by spawning dist/cli.js (Node ${process.version}) and Rscript (forecast package), ${ROUNDS} interleaved runs each, median wall-clock time; ${os.cpus().length} x ${os.cpus()[0]?.model ?? "CPU"}, 1-minute load average ${f(loadAtStart, 1)} at the start and ${f(os.loadavg()[0]!, 1)} at the end (a shared machine: compare the ratios, measured in the same run).`,
  "",
  "| command | median wall s | all runs (s) | median CPU s | target | status |",
  "|---|---|---|---|---|---|",
  `| \`suff --help\` | ${f(help)} | ${runs.help!.map((x) => f(x.seconds)).join(", ")} | ${f(median(runs.help!, "cpu"))} | under 1 s | ${mark(help < 1)} |`,
  `| \`suff forecast m3-yearly.csv --horizon 6\` (645 series, default: auto, calibrated intervals) | ${f(m3)} | ${runs.m3!.map((x) => f(x.seconds)).join(", ")} | ${f(median(runs.m3!, "cpu"))} | at least 4x faster than R's ets | ${mark(rLoop / m3 >= 4)}: ${f(rLoop / m3, 1)}x |`,
  `| R: \`ets\` + \`forecast(h = 6)\` over the same 645 series (loop only) | ${f(rLoop)} | ${runs.rLoop!.map((x) => f(x.seconds)).join(", ")} | | | |`,
  `| R: the whole Rscript (start-up, library(forecast), read, loop, write) | ${f(r)} | ${runs.r!.map((x) => f(x.seconds)).join(", ")} | ${f(median(runs.r!, "cpu"))} | | ${f(r / m3, 1)}x |`,
  `| \`suff forecast --dataset ds --measure cla_31_march --by placement_type --horizon 3\` (England, regions, 153 LAs x 8 groups) | ${f(england)} | ${runs.england!.map((x) => f(x.seconds)).join(", ")} | ${f(median(runs.england!, "cpu"))} | under 10 s, with a progress line | ${mark(england < 10 && progress !== "")} |`,
  "",
  "CPU s is the command's own user + system time (from /usr/bin/time): wall-clock time well above it means the machine was busy with other work during the run.",
  "",
  `Progress line printed by the England forecast: \`${progress}\`.`,
  "",
  `Accuracy of the timed M3 forecast on the M3 test periods (h = 1-6): sMAPE ${f(score.smape)}, MASE ${f(score.mase, 3)}, coverage of the calibrated 80% / 95% intervals ${f(score.intervals[80]!.coverage, 3)} / ${f(score.intervals[95]!.coverage, 3)}; R's ets in the same run: sMAPE ${f(rScore.smape)}, MASE ${f(rScore.mase, 3)}.`,
  "",
  "How `suff forecast` gets there: the default for independent series fits the auto model once per series; its intervals are calibrated from the errors of forecasts made from the last 8 origins of every series by re-running each fitted model's filter from those origins with the parameters already fitted (one fit per series, not nine); model choice and calibration reuse the same forecasts where a plan has both; TypeScript is compiled ahead of time and each command's module loads only when it runs.",
  "",
];
const text = lines.join("\n");
console.log(text);
writeFileAtomic(path.join(root, "bench/results/cli-speed.md"), text);
