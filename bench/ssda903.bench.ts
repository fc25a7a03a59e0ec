/**
 * SSDA903 at national scale, on two shapes of extract from bench/generate-ssda903.ts
 * (generated into bench/out/ if missing; 150 LAs x 10 returns each):
 * - toolkit: one file per table and return, LA codes, YEAR = the year the collection ends,
 *   dd/mm/yyyy dates (about 1.8 million episode rows);
 * - regional-app: the stacked extract the regional demand-model app works from: one file
 *   per table, LA names, YEAR = the year the collection starts, yyyy-mm-dd dates (about
 *   1 million episode rows).
 * For each shape, in fresh processes (best of 3 for time, worst of 3 for memory):
 * 1. the library path (read + clean + template derivation + stock-flow rates), by stage,
 *    from the compiled modules (dist/);
 * 2. the whole command `suff ingest DIR --out OUT` as a user runs it (compiled dist/:
 *    load files and hash them, sniff and route, read, clean, derive, merge, write).
 * Wall time, CPU time (user + system) and peak RSS (process.resourceUsage().maxRSS) are
 * recorded with the machine's load. Targets (issue 8): `suff ingest` on the regional-app
 * shape within 6 s and 1 GiB.
 *   npx tsx bench/ssda903.bench.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.join(here, "..");

interface Shape {
  name: "toolkit" | "regional-app";
  dir: string;
  label: string;
}

const SHAPES: Shape[] = [
  { name: "toolkit", dir: path.join(here, "out", "ssda903-national"), label: "toolkit shape (one file per table and return, LA codes, YEAR = year ending, dd/mm/yyyy)" },
  { name: "regional-app", dir: path.join(here, "out", "ssda903-regional-app"), label: "regional-app shape (stacked tables, LA names, YEAR = year starting, yyyy-mm-dd)" },
];

interface LibraryResult {
  stages: Record<string, number>;
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  episodeRows: number;
  tableRows: number;
  templateRows: number;
  las: number;
  years: string;
  reading: string;
  rates: boolean;
  counts: Record<string, number>;
}

interface CommandResult {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  rows: number;
  status: number;
}

async function library(dir: string): Promise<void> {
  const started = performance.now();
  // The compiled modules (dist/), as users run them.
  const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
  const { loadSsda903Files, readSsda903, cleanSsda903, deriveTemplate, collectionYearStatement } = (await import(dist("ingest/ssda903/index.js"))) as typeof import("../src/ingest/ssda903/index");
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
  const { estimateRates } = (await import(dist("forecast/stock-flow/estimate-rates.js"))) as { estimateRates?: (table: unknown, options: unknown) => unknown };
  if (typeof estimateRates === "function") {
    const { civilDays, yearEnd } = (await import(dist("util/civil-days.js"))) as typeof import("../src/util/civil-days");
    const last = Math.max(...cleaned.table.returnYears!.flat());
    estimateRates(cleaned.table, { window: { start: civilDays(last - 3, 4, 1), end: yearEnd(last) + 1 } });
    mark("rates");
    rates = true;
  }
  const years = cleaned.table.returnYears!.flat();
  const statement = collectionYearStatement(cleaned.yearReadings, undefined);
  const result: LibraryResult = {
    stages, wallMs: performance.now() - started, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024,
    episodeRows, tableRows: cleaned.table.length, templateRows: derived.rows.length, las: cleaned.table.codes.la.length,
    years: `${Math.min(...years)}-${Math.max(...years)}`, reading: `${statement.reading} (${JSON.stringify(statement.by_convention)})`, rates, counts: cleaned.counts,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

/** `suff ingest DIR --out OUT` in a fresh process, with its own resource usage written at exit. */
function command(dir: string): CommandResult {
  const out = path.join(here, "out", "ssda903-ingest-run");
  rmSync(out, { recursive: true, force: true });
  const usageFile = path.join(here, "out", "ssda903-ingest-usage.json");
  const hook = `data:text/javascript,${encodeURIComponent(`import { writeFileSync } from "node:fs"; process.on("exit", () => { const c = process.cpuUsage(); writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpuMs: (c.user + c.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 })); });`)}`;
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", hook, path.join(repo, "bin", "suff.js"), "ingest", dir, "--out", out], { encoding: "utf8", maxBuffer: 1 << 24 });
  const wallMs = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) { process.stderr.write(run.stderr); throw new Error(`suff ingest failed with exit ${run.status}`); }
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { cpuMs: number; maxRssMiB: number };
  const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as { rows: number };
  return { wallMs, cpuMs: usage.cpuMs, maxRssMiB: usage.maxRssMiB, rows: manifest.rows, status: run.status ?? -1 };
}

function ensureData(shape: Shape): void {
  if (existsSync(shape.dir) && readdirSync(shape.dir).filter((f) => f.endsWith(".csv")).length >= 3) return;
  console.log(`generating the ${shape.name} set into ${shape.dir} ...`);
  const gen = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "generate-ssda903.ts"), "--shape", shape.name, "--out", shape.dir], { stdio: "inherit" });
  if (gen.status !== 0) throw new Error("generator failed");
}

function parent(): void {
  // The command runs the compiled CLI: build it (incremental, quick when up to date).
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: repo, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
  const loads: number[] = [];
  const sections: string[] = [];
  const summary: string[] = [];
  for (const shape of SHAPES) {
    ensureData(shape);
    const inputMiB = readdirSync(shape.dir).reduce((a, f) => a + statSync(path.join(shape.dir, f)).size, 0) / 2 ** 20;
    const libs: LibraryResult[] = [];
    const cmds: CommandResult[] = [];
    for (let k = 0; k < 3; k++) {
      loads.push(os.loadavg()[0]);
      const run = spawnSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--child", shape.dir], { encoding: "utf8", maxBuffer: 1 << 24 });
      // (tsx only loads this file; the timed code is the compiled dist/.)
      if (run.status !== 0) { process.stderr.write(run.stderr); throw new Error("bench child failed"); }
      libs.push(JSON.parse(run.stdout.trim().split("\n").pop()!) as LibraryResult);
      loads.push(os.loadavg()[0]);
      cmds.push(command(shape.dir));
      console.log(`${shape.name} run ${k + 1}: library ${(libs[k].wallMs / 1000).toFixed(2)} s wall, ${(libs[k].cpuMs / 1000).toFixed(2)} s CPU, ${libs[k].maxRssMiB.toFixed(0)} MiB; suff ingest ${(cmds[k].wallMs / 1000).toFixed(2)} s wall, ${(cmds[k].cpuMs / 1000).toFixed(2)} s CPU, ${cmds[k].maxRssMiB.toFixed(0)} MiB`);
    }
    const lib = libs.reduce((a, b) => (a.wallMs <= b.wallMs ? a : b));
    const cmd = cmds.reduce((a, b) => (a.wallMs <= b.wallMs ? a : b));
    const libRss = Math.max(...libs.map((r) => r.maxRssMiB));
    const cmdRss = Math.max(...cmds.map((r) => r.maxRssMiB));
    const cmdCpu = Math.min(...cmds.map((r) => r.cpuMs));
    const target = shape.name === "regional-app";
    sections.push(
      `### ${shape.label}`,
      "",
      `${lib.las} LAs, returns for the years ending ${lib.years}, ${lib.episodeRows.toLocaleString("en-GB")} episode rows, ${inputMiB.toFixed(0)} MiB of CSV; ${lib.tableRows.toLocaleString("en-GB")} cleaned episodes, ${lib.templateRows.toLocaleString("en-GB")} template rows (${cmd.rows.toLocaleString("en-GB")} dataset rows from \`suff ingest\`). YEAR labels read as: ${lib.reading}.`,
      "",
      "| figure | wall time | CPU time | peak RSS | target |",
      "|---|---|---|---|---|",
      `| \`suff ingest DIR --out OUT\` (whole command, compiled CLI) | ${(cmd.wallMs / 1000).toFixed(2)} s | ${(cmdCpu / 1000).toFixed(2)} s | ${cmdRss.toFixed(0)} MiB | ${target ? "<= 6 s, <= 1024 MiB" : ""} |`,
      `| library: read + clean + template${lib.rates ? " + stock-flow rates" : ""} | ${(lib.wallMs / 1000).toFixed(2)} s | ${(lib.cpuMs / 1000).toFixed(2)} s | ${libRss.toFixed(0)} MiB | |`,
      ...Object.entries(lib.stages).map(([stage, ms]) => `| stage: ${stage} | ${(ms / 1000).toFixed(2)} s | | | |`),
      "",
      `Cleaning counts: ${Object.entries(lib.counts).map(([k, v]) => `${k} ${v.toLocaleString("en-GB")}`).join(", ")}.`,
      "",
    );
    summary.push(`${shape.name}: suff ingest ${(cmd.wallMs / 1000).toFixed(2)} s wall (${(cmdCpu / 1000).toFixed(2)} s CPU), ${cmdRss.toFixed(0)} MiB${target ? ` (target <= 6 s and <= 1024 MiB: ${cmd.wallMs <= 6000 && cmdRss <= 1024 ? "met" : "not met"} in this run)` : ""}`);
  }
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const lines = [
    "## SSDA903 ingest at national scale",
    "",
    `Synthetic national sets from bench/generate-ssda903.ts (seed 903, 150 LAs, 10 returns). Machine: ${machine}; load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} during the runs (the machine is shared, so wall times vary; CPU time is steadier). Best of 3 fresh processes for time, worst of 3 for peak RSS (process.resourceUsage().maxRSS). Date: ${new Date().toISOString().slice(0, 10)}.`,
    "",
    ...summary.map((s) => `- ${s}`),
    "",
    ...sections,
  ];
  mkdirSync(path.join(here, "results"), { recursive: true });
  const target = path.join(here, "results", "ssda903.md");
  writeFileSync(target + ".tmp", lines.join("\n"));
  renameSync(target + ".tmp", target);
  console.log(lines.join("\n"));
}

if (process.argv[2] === "--child") await library(process.argv[3]);
else parent();
