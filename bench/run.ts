/**
 * `npm run bench [-- NAME...]`: runs every bench/*.bench.ts (or those whose name contains
 * one of NAME) in its own process, one after another, then rebuilds BENCHMARKS.md from
 * bench/results/*.md. Each bench writes its own bench/results/<name>.md.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, renameSync, existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const filters = process.argv.slice(2);
const benches = readdirSync(here).filter((f) => f.endsWith(".bench.ts")).sort()
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
mkdirSync(path.join(here, "results"), { recursive: true });
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(here, file)], { stdio: "inherit" });
  if (run.status !== 0) { failed++; console.error(`${file} failed with exit code ${run.status}`); }
}
const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const resultsDir = path.join(here, "results");
const sections = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith(".md")).sort().map((f) => readFileSync(path.join(resultsDir, f), "utf8").trim()) : [];
const out = [
  "# Benchmarks",
  "",
  "Figures from `npm run bench` (each bench rewrites its own `bench/results/<name>.md`; this file is rebuilt from them).",
  "Timings are wall-clock on a shared, noisy 2-core machine: compare ratios within one run. Tests never assert timings.",
  "",
  `Last rebuilt on: ${machine}.`,
  "",
  ...sections.flatMap((s) => [s, ""]),
].join("\n");
const target = path.join(here, "..", "BENCHMARKS.md");
writeFileSync(target + ".tmp", out);
renameSync(target + ".tmp", target);
process.exitCode = failed ? 1 : 0;
