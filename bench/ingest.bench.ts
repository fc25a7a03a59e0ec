/**
 * Ingest of all of data/published/ (issue 2, performance: at most 10 s on this machine).
 * Runs the whole `suff ingest` path in process: load files (read + SHA-256), route and
 * read each file, merge by precedence, write the dataset folder. Repeats a few times and
 * reports the median wall clock, this process's CPU time, rows/s and peak RSS, then writes
 * bench/results/ingest.md.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ingestFiles } from "../src/ingest/ingest-files";
import { loadFiles } from "../src/ingest/load-files";
import { writeDataset } from "../src/write/dataset";

const RUNS = 5;
const input = "data/published";
const out = mkdtempSync(path.join(tmpdir(), "suff-bench-ingest-"));

interface Run { wallMs: number; cpuMs: number; rowsRead: number; rowsOut: number; files: number; bytes: number; stages: Record<string, number> }

async function once(): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const files = loadFiles([input]);
  const t1 = performance.now();
  const result = await ingestFiles(files);
  const t2 = performance.now();
  writeDataset(out, result);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    wallMs: t3 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rowsRead: result.manifest.inputs.reduce((a, i) => a + i.rows_read, 0),
    rowsOut: result.rows.length,
    files: files.length,
    bytes: files.reduce((a, f) => a + f.bytes.length, 0),
    stages: { load: t1 - t0, "read + merge": t2 - t1, write: t3 - t2 },
  };
}

const runs: Run[] = [];
let peakRssFirst = 0;
for (let i = 0; i < RUNS; i++) {
  runs.push(await once());
  if (i === 0) peakRssFirst = process.resourceUsage().maxRSS / 1024;
}
rmSync(out, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = median(runs.map((r) => r.wallMs));
const cpu = median(runs.map((r) => r.cpuMs));
const first = runs[0];
const peakRss = process.resourceUsage().maxRSS / 1024; // KiB -> MiB, over all runs in this process
const fmt = (n: number, d = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });

const md = [
  "## Ingest of all published files",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/ingest.bench.ts\`: load ${first.files} files (${fmt(first.bytes / 2 ** 20, 1)} MiB, SHA-256), route and read each by its header, merge by precedence, write dataset.csv + manifest.json + diagnostics.csv. Median of ${RUNS} runs in one process (the first run includes module warm-up).`,
  "",
  "| figure | measured | target |",
  "|---|---|---|",
  `| wall clock, median | ${fmt(wall / 1000, 2)} s | <= 10 s |`,
  `| CPU time (this process), median | ${fmt(cpu / 1000, 2)} s | |`,
  `| first run (cold), wall clock | ${fmt(first.wallMs / 1000, 2)} s | <= 10 s |`,
  `| rows read / s (wall) | ${fmt(first.rowsRead / (wall / 1000))} | |`,
  `| rows read / s (CPU time) | ${fmt(first.rowsRead / (cpu / 1000))} | |`,
  `| dataset rows written | ${fmt(first.rowsOut)} | |`,
  `| input rows read | ${fmt(first.rowsRead)} | |`,
  `| stages (median run): load / read + merge / write | ${["load", "read + merge", "write"].map((s) => fmt(median(runs.map((r) => r.stages[s])))).join(" / ")} ms | |`,
  `| peak RSS, one ingest (first run, includes module load) | ${fmt(peakRssFirst)} MiB | |`,
  `| peak RSS over all ${RUNS} runs in one process | ${fmt(peakRss)} MiB | |`,
  "",
  "The machine is shared by other jobs (2 cores): CPU time is the steadier figure.",
  "",
].join("\n");
console.log(md);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/ingest.md.tmp", md);
renameSync("bench/results/ingest.md.tmp", "bench/results/ingest.md");
