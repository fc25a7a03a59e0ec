/**
 * `suff market` for England, the 9 regions and all 153 LAs in one run (target: 60 s on this
 * machine), on the dataset `suff ingest data/published` writes, through the compiled CLI in a
 * fresh process, wall clock, with the load average beside it and the CLI's own stage times.
 * Also the supply backtest figures of that run (from supply_backtest.csv).
 */
import { timedRun, type TimedRun } from "./timed-run.ts";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "suff-bench-market-"));

function run(label: string, args: string[]): TimedRun {
  return timedRun(root, label, args);
}

const ds = path.join(tmp, "ds");
const ingest = run("suff ingest data/published", ["dist/cli.js", "ingest", "data/published", "--out", ds]);
const out = path.join(tmp, "market");
const market = run("suff market --scope all", ["dist/cli.js", "market", "--dataset", ds, "--scope", "all", "--horizon", "5", "--out", out]);
const stages = [...market.stderr.matchAll(/^ {2}([a-z ]+): ([0-9.]+) s$/gm)].map((m) => `${m[1]} ${m[2]} s`).join("; ");
const scopes = market.ok ? (JSON.parse(readFileSync(path.join(out, "summary.json"), "utf8")).scopes as unknown[]).length : 0;
const backtest = market.ok ? readFileSync(path.join(out, "supply_backtest.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")) : [];
rmSync(tmp, { recursive: true, force: true });

const date = new Date().toISOString().slice(0, 10);
const md = `## Market: supply, gap, risk, carers and costs for every area

Run on ${date} with \`npx tsx bench/market.bench.ts\` (the compiled CLI in dist/, each a fresh process; wall clock; the machine is shared, so the load average before each run is given).

| run | areas | measured | target | load average before (1, 5, 15 min) |
|---|---|---|---|---|
| \`suff ingest data/published\` (not part of the target) | | ${ingest.ok ? `${ingest.seconds.toFixed(1)} s` : "failed"} | | ${ingest.load} |
| \`suff market --scope all --horizon 5\` (England, 9 regions, every LA; 1,000 draws; supply backtest) | ${scopes} | ${market.ok ? `${market.seconds.toFixed(1)} s` : "failed"} | <= 60 s | ${market.load} |

Stages of that run (the CLI's own timings): ${stages || "not reported"}.

Supply backtest of the same run (children's home places of England, the regions and every LA; origins up to six years back; \`accuracy()\`):

| model | years ahead | forecasts | MASE | sMAPE | 80% coverage | 95% coverage |
|---|---|---|---|---|---|---|
${backtest.map((r) => `| ${r[0] === "rates" ? "opening and closure rates" : "no change"} | ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} | ${r[5] || "-"} | ${r[6] || "-"} |`).join("\n")}
`;
writeFileSync(path.join(root, "bench/results/market.md"), md);
console.log(md);
