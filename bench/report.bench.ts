/**
 * Reports: the main job (`npm start`: ingest, aggregate, forecast, and the England, nine
 * regional and example LA reports in every format) and `suff report --scope all-las`
 * (153 LA reports). Targets: main job <= 60 s, all-las <= 3 minutes on this machine.
 * Each run is a fresh process, timed wall-clock with the machine's load average beside it.
 */
import { timedRun, type TimedRun } from "./timed-run.ts";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "suff-bench-report-"));

function run(label: string, args: string[]): TimedRun {
  return timedRun(root, label, args);
}

const mainOut = path.join(tmp, "main");
const mainJob = run("npm start (main job)", ["--input-type=module", "-e", `import("./dist/main.js").then((m) => m.main("data/published", ${JSON.stringify(mainOut)}))`]);
const reports = readdirSync(mainOut).filter((f) => !f.includes(".") && f !== "dataset").length;
const ds = path.join(mainOut, "dataset");
const allLas = run("suff report --scope all-las", ["dist/cli.js", "report", "--dataset", ds, "--scope", "all-las", "--out", path.join(tmp, "las")]);
const laReports = readdirSync(path.join(tmp, "las")).length;
rmSync(tmp, { recursive: true, force: true });

const date = new Date().toISOString().slice(0, 10);
const md = `## Reports: main job and all LAs

Run on ${date} with \`npx tsx bench/report.bench.ts\` (the compiled CLI in dist/, each a fresh process; wall clock; the machine is shared, so the load average before each run is given).

| run | reports | measured | target | load average before (1, 5, 15 min) |
|---|---|---|---|---|
| \`npm start\` (ingest, aggregate, forecast, England + 9 regions + 1 LA in HTML, PDF, XLSX, CSV, charts) | ${reports} | ${mainJob.ok ? `${mainJob.seconds.toFixed(1)} s` : "failed"} | <= 60 s | ${mainJob.load} |
| \`suff report --scope all-las\` (every format) | ${laReports} | ${allLas.ok ? `${allLas.seconds.toFixed(1)} s` : "failed"} | <= 180 s | ${allLas.load} |
`;
writeFileSync(path.join(root, "bench/results/report.md"), md);
console.log(md);
