/**
 * ETS benchmark: automatic ETS (etsModel(), selection by AICc as R's `ets(y)`) on the
 * 645 M3 yearly series (h = 6) and the 756 M3 quarterly series (h = 8). Reports series
 * per second on one core, sMAPE, MASE and 80%/95% interval coverage against R's `ets`
 * (forecast 8.20, bench/data/m3/*_scores.csv), and how often we pick the same model as R
 * and land on the same forecasts (yearly, from bench/data/m3/m3_yearly_r_forecasts.csv).
 * Writes bench/results/ets.md.
 *
 * Run: npx tsx bench/ets.bench.ts
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync } from "node:fs";
import path from "node:path";
import { etsModel } from "../src/forecast/models/ets";

const here = path.dirname(new URL(import.meta.url).pathname);
const dataDir = path.join(here, "data", "m3");

interface M3Series {
  id: string;
  train: Float64Array;
  test: Float64Array;
}

function readM3(file: string): M3Series[] {
  const lines = readFileSync(path.join(dataDir, file), "utf8").trim().split("\n").slice(1);
  return lines.map((line) => {
    const parts = line.split(",");
    const n = Number(parts[1]);
    const h = Number(parts[2]);
    const values = parts.slice(3).map(Number);
    return { id: parts[0]!, train: Float64Array.from(values.slice(0, n)), test: Float64Array.from(values.slice(n, n + h)) };
  });
}

function unquote(s: string): string {
  return s.replace(/^"|"$/g, "");
}

interface Scores {
  seriesPerSecond: number;
  seriesPerCpuSecond: number;
  smape: number;
  mase: number;
  cover80: number;
  cover95: number;
  models: Map<string, string>;
  means: Map<string, Float64Array>;
  fallbacks: number;
}

function run(series: M3Series[], frequency: number, horizon: number): Scores {
  const spec = etsModel();
  const lag = frequency;
  // Warm up the JIT on a few series, then time the whole set.
  for (const s of series.slice(0, 20)) spec.fit(s.train, { frequency }).forecast(horizon, [80, 95]);
  let smapeTotal = 0;
  let maseTotal = 0;
  let covered80 = 0;
  let covered95 = 0;
  let points = 0;
  let fallbacks = 0;
  const models = new Map<string, string>();
  const means = new Map<string, Float64Array>();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const bands = series.map((s) => {
    const fitted = spec.fit(s.train, { frequency });
    if (fitted.model.includes("fallback")) fallbacks++;
    models.set(s.id, fitted.model);
    return fitted.forecast(horizon, [80, 95]);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  series.forEach((s, k) => {
    const band = bands[k]!;
    means.set(s.id, band.mean);
    let scale = 0;
    for (let i = lag; i < s.train.length; i++) scale += Math.abs(s.train[i]! - s.train[i - lag]!);
    scale /= s.train.length - lag;
    let smape = 0;
    let mase = 0;
    for (let h = 0; h < horizon; h++) {
      const y = s.test[h]!;
      const f = band.mean[h]!;
      smape += (200 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f));
      mase += Math.abs(y - f) / scale;
      if (y >= band.lower[80]![h]! && y <= band.upper[80]![h]!) covered80++;
      if (y >= band.lower[95]![h]! && y <= band.upper[95]![h]!) covered95++;
      points++;
    }
    smapeTotal += smape / horizon;
    maseTotal += mase / horizon;
  });
  return {
    seriesPerSecond: series.length / seconds,
    seriesPerCpuSecond: series.length / cpuSeconds,
    smape: smapeTotal / series.length,
    mase: maseTotal / series.length,
    cover80: covered80 / points,
    cover95: covered95 / points,
    models,
    means,
    fallbacks,
  };
}

function referenceRow(file: string, method: string): string[] {
  const lines = readFileSync(path.join(dataDir, file), "utf8").trim().split("\n");
  const row = lines.find((l) => unquote(l.split(",")[0]!) === method);
  if (!row) throw new Error(`no ${method} in ${file}`);
  return row.split(",");
}

const yearly = readM3("m3_yearly.csv");
const quarterly = readM3("m3_quarterly.csv");
const y = run(yearly, 1, 6);
const q = run(quarterly, 4, 8);

// R's ets on the yearly series: chosen models and point forecasts.
const rModels = new Map<string, string>();
const rMeans = new Map<string, number[]>();
for (const line of readFileSync(path.join(dataDir, "m3_yearly_r_forecasts.csv"), "utf8").trim().split("\n").slice(1)) {
  const p = line.split(",");
  if (unquote(p[1]!) !== "ets") continue;
  const id = unquote(p[0]!);
  rModels.set(id, /"([^"]*)"\s*$/.exec(line)?.[1] ?? ""); // the model name contains commas
  if (!rMeans.has(id)) rMeans.set(id, []);
  rMeans.get(id)!.push(Number(p[3]));
}
let sameModel = 0;
let sameForecasts = 0;
let largestDeviation = 0;
for (const s of yearly) {
  if (rModels.get(s.id) === y.models.get(s.id)) sameModel++;
  const ours = y.means.get(s.id)!;
  const theirs = rMeans.get(s.id)!;
  if (theirs.every((v, h) => Math.abs(ours[h]! - v) <= 0.01 * Math.abs(v))) sameForecasts++;
  theirs.forEach((v, h) => (largestDeviation = Math.max(largestDeviation, Math.abs(ours[h]! - v) / Math.abs(v))));
}

const ry = referenceRow("m3_yearly_scores.csv", "R:ets"); // method,n_series,sMAPE,MASE,cover80,cover95,...
const rq = referenceRow("m3_quarterly_scores.csv", "R:ets"); // method,sMAPE,MASE,seconds,series_per_sec
const rTiming = readFileSync(path.join(dataDir, "m3_yearly_timing.csv"), "utf8").trim().split("\n").find((l) => unquote(l.split(",")[0]!) === "ets")!.split(",");
const f2 = (x: number): string => x.toFixed(2);
const f3 = (x: number): string => x.toFixed(3);
const today = new Date().toISOString().slice(0, 10);
const markdown = [
  "## ETS (automatic exponential smoothing) on M3",
  "",
  `Run on ${today} with \`npx tsx bench/ets.bench.ts\`: \`etsModel()\` (selection by AICc over R's default candidate set, Nelder-Mead as R's optim, up to 2000 evaluations per candidate), one core, fit + forecast with 80/95% intervals. Reference: R forecast 8.20 \`ets\` on this machine.`,
  "",
  "| figure | ours | R ets | target |",
  "|---|---|---|---|",
  `| yearly (645, h=6) series/s, one core (CPU time) | ${y.seriesPerCpuSecond.toFixed(0)} | ${Number(rTiming[2]).toFixed(0)} | as fast as possible (combination >= 1000) |`,
  `| yearly series/s, wall clock (shared machine) | ${y.seriesPerSecond.toFixed(0)} | | |`,
  `| yearly sMAPE | ${f2(y.smape)} | ${f2(Number(ry[2]))} | ~R |`,
  `| yearly MASE | ${f3(y.mase)} | ${f3(Number(ry[3]))} | ~R |`,
  `| yearly 80% coverage | ${f3(y.cover80)} | ${f3(Number(ry[4]))} | (analytic intervals) |`,
  `| yearly 95% coverage | ${f3(y.cover95)} | ${f3(Number(ry[5]))} | (analytic intervals) |`,
  `| yearly: same model as R | ${sameModel}/645 | | most |`,
  `| yearly: all 6 forecasts within 1% of R's | ${sameForecasts}/645 | | most |`,
  `| yearly: largest relative difference from R's point forecasts | ${largestDeviation.toExponential(1)} | | |`,
  `| yearly fallbacks | ${y.fallbacks} | | |`,
  `| quarterly (756, h=8) series/s, one core (CPU time) | ${q.seriesPerCpuSecond.toFixed(0)} | ${Number(rq[4]).toFixed(0)} | as fast as possible |`,
  `| quarterly series/s, wall clock (shared machine) | ${q.seriesPerSecond.toFixed(0)} | | |`,
  `| quarterly sMAPE | ${f2(q.smape)} | ${f2(Number(rq[1]))} | ~R |`,
  `| quarterly MASE | ${f3(q.mase)} | ${f3(Number(rq[2]))} | ~R |`,
  `| quarterly 80% / 95% coverage | ${f3(q.cover80)} / ${f3(q.cover95)} | | |`,
  `| quarterly fallbacks | ${q.fallbacks} | | |`,
  "",
  "Series/s on one core is series divided by this process's CPU time (user + system), which the other jobs on this shared 2-core machine do not inflate; wall-clock figures are shown too. R's figures are wall clock from bench/data/m3/*timing*/scores files. MASE is scaled by the in-sample mean absolute first difference (yearly) or lag-4 difference (quarterly); sMAPE = mean 200|y - f| / (|y| + |f|).",
  "",
].join("\n");
console.log(markdown);
mkdirSync(path.join(here, "results"), { recursive: true });
const target = path.join(here, "results", "ets.md");
writeFileSync(target + ".tmp", markdown);
renameSync(target + ".tmp", target);
