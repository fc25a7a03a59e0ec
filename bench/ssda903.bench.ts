/**
 * SSDA903 at national scale: read + clean + template derivation (+ the stock-flow rate
 * estimation when src/forecast exposes estimateRates) on the synthetic national set from
 * bench/generate-ssda903.ts (generated into bench/out/ssda903-national if missing).
 * Wall time and peak RSS are measured in a fresh child process (process.resourceUsage().maxRSS),
 * so nothing from the generator or this parent counts.
 * Targets: <= 6 s and <= 1 GiB. Reference: the pandas-based regional demand model takes
 * 18.0 s and 1.85 GiB for its data preparation and rates on such a set on this machine.
 *   npx tsx bench/ssda903.bench.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync, renameSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const dataDir = path.join(here, "out", "ssda903-national");

interface ChildResult {
  stages: Record<string, number>;
  wallMs: number;
  /** User + system CPU time of the child (less sensitive than wall time to other load on the machine). */
  cpuMs: number;
  maxRssMiB: number;
  episodeRows: number;
  tableRows: number;
  templateRows: number;
  bytes: number;
  rates: boolean;
  counts: Record<string, number>;
}

async function child(dir: string): Promise<void> {
  const started = performance.now();
  const { loadSsda903Files, readSsda903, cleanSsda903, deriveTemplate } = await import("../src/ingest/ssda903/index");
  const stages: Record<string, number> = {};
  let t = performance.now();
  const mark = (name: string) => { const now = performance.now(); stages[name] = now - t; t = now; };
  const files = loadSsda903Files(dir);
  mark("read files");
  const raw = readSsda903(files);
  mark("parse");
  const episodeRows = raw.episodes.length;
  const cleaned = cleanSsda903(raw);
  mark("clean");
  const derived = deriveTemplate(cleaned.table);
  mark("template");
  let rates = false;
  const ratesModule = path.join(here, "..", "src", "forecast", "stock-flow", "estimate-rates.ts");
  if (existsSync(ratesModule)) {
    const { estimateRates } = (await import("../src/forecast/stock-flow/estimate-rates")) as { estimateRates?: (table: unknown, options: unknown) => unknown };
    if (typeof estimateRates === "function") {
      const { civilDays, yearEnd } = await import("../src/util/civil-days");
      const years = cleaned.table.returnYears!.flat();
      const last = Math.max(...years);
      estimateRates(cleaned.table, { window: { start: civilDays(last - 3, 4, 1), end: yearEnd(last) + 1 } });
      mark("rates");
      rates = true;
    }
  }
  const bytes = files.reduce((a, f) => a + f.bytes.length, 0);
  const result: ChildResult = {
    stages, wallMs: performance.now() - started, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024,
    episodeRows, tableRows: cleaned.table.length, templateRows: derived.rows.length, bytes, rates, counts: cleaned.counts,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

function parent(): void {
  if (!existsSync(dataDir) || readdirSync(dataDir).filter((f) => f.endsWith(".csv")).length < 30) {
    console.log(`generating the national set into ${dataDir} ...`);
    const gen = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "generate-ssda903.ts"), "--out", dataDir], { stdio: "inherit" });
    if (gen.status !== 0) throw new Error("generator failed");
  }
  const runs: ChildResult[] = [];
  for (let k = 0; k < 3; k++) {
    const run = spawnSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--child", dataDir], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (run.status !== 0) { process.stderr.write(run.stderr); throw new Error("bench child failed"); }
    const line = run.stdout.trim().split("\n").pop()!;
    runs.push(JSON.parse(line) as ChildResult);
    console.log(`run ${k + 1}: ${(runs[k].wallMs / 1000).toFixed(2)} s wall, ${(runs[k].cpuMs / 1000).toFixed(2)} s CPU, peak RSS ${runs[k].maxRssMiB.toFixed(0)} MiB`, Object.fromEntries(Object.entries(runs[k].stages).map(([s, ms]) => [s, Math.round(ms)])));
  }
  const best = runs.reduce((a, b) => (a.wallMs <= b.wallMs ? a : b));
  const worstRss = Math.max(...runs.map((r) => r.maxRssMiB));
  const inputMiB = readdirSync(dataDir).reduce((a, f) => a + statSync(path.join(dataDir, f)).size, 0) / 2 ** 20;
  const scope = best.rates ? "read + clean + template + rate estimation" : "read + clean + template (rate estimation not present)";
  const lines = [
    "## SSDA903 ingest at national scale",
    "",
    `Synthetic national set (bench/generate-ssda903.ts, seed 903): 150 LAs x 10 returns, ${best.episodeRows.toLocaleString("en-GB")} episode rows, ${inputMiB.toFixed(0)} MiB of CSV; ${best.tableRows.toLocaleString("en-GB")} cleaned episodes, ${best.templateRows.toLocaleString("en-GB")} template rows. Machine load average when run: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (shared with other work, so wall times vary). Best of 3 runs, each in a fresh process (wall time includes module loading; peak RSS from process.resourceUsage().maxRSS, worst of 3). Date: ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| figure | value | target | reference (pandas demand model) |",
    "|---|---|---|---|",
    `| ${scope}: wall time | ${(best.wallMs / 1000).toFixed(2)} s | <= 6 s | 18.0 s |`,
    `| the same: CPU time (user + system) | ${(best.cpuMs / 1000).toFixed(2)} s | | |`,
    `| peak memory (RSS) | ${worstRss.toFixed(0)} MiB | <= 1024 MiB | 1894 MiB (1.85 GiB) |`,
    ...Object.entries(best.stages).map(([stage, ms]) => `| stage: ${stage} | ${(ms / 1000).toFixed(2)} s | | |`),
    "",
    `Cleaning counts: ${Object.entries(best.counts).map(([k, v]) => `${k} ${v.toLocaleString("en-GB")}`).join(", ")}.`,
    "",
  ];
  mkdirSync(path.join(here, "results"), { recursive: true });
  const target = path.join(here, "results", "ssda903.md");
  writeFileSync(target + ".tmp", lines.join("\n"));
  renameSync(target + ".tmp", target);
  console.log(lines.join("\n"));
}

if (process.argv[2] === "--child") await child(process.argv[3]);
else parent();
