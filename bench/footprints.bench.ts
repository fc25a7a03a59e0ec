/**
 * `suff footprints compare` for all of England in one run (target: 2 minutes on this
 * machine): the built-in regions and combined authorities plus three candidate files made
 * here that each cover every LA of 2025: pairs and triples of LAs within each region, each
 * region halved, and 153 overlapping footprints (each LA with its two closest DfE
 * statistical neighbours). Through the compiled CLI in a fresh process, wall clock, with the
 * load average and the CLI's own stage times.
 */
import { timedRun, type TimedRun } from "./timed-run.ts";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { lasInYear, statisticalNeighbours } from "../src/reference/las.ts";
import { REGIONS } from "../src/reference/regions.ts";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "suff-bench-footprints-"));

function run(label: string, args: string[]): TimedRun {
  return timedRun(root, label, args);
}

const las = lasInYear(2025);
const header = "new_la_code,footprint_code,footprint_name\n";
const pairs: string[] = [], halves: string[] = [], neighbours: string[] = [];
for (const region of REGIONS) {
  const mine = las.filter((la) => la.regionCode === region.code);
  const groups = Math.max(1, Math.floor(mine.length / 2));
  mine.forEach((la, i) => { const g = Math.min(Math.floor(i / 2), groups - 1); pairs.push(`${la.newCode},${region.code}-P${g},${region.name} group ${g + 1}`); });
  mine.forEach((la, i) => { const h = i < mine.length / 2 ? 1 : 2; halves.push(`${la.newCode},${region.code}-H${h},${region.name} half ${h}`); });
}
for (const la of las) {
  const near = statisticalNeighbours(la).filter((n) => las.includes(n)).slice(0, 2);
  for (const m of [la, ...near]) neighbours.push(`${m.newCode},SN-${la.oldCode},${la.name} and its neighbours`);
}
const files = { pairs: pairs, halves: halves, neighbours: neighbours };
for (const [name, lines] of Object.entries(files)) writeFileSync(path.join(tmp, `${name}.csv`), header + lines.join("\n") + "\n");

const ds = path.join(tmp, "ds");
const ingest = run("suff ingest data/published", ["dist/cli.js", "ingest", "data/published", "--out", ds]);
const out = path.join(tmp, "out");
const candidates = Object.keys(files).map((n) => `${n}=${path.join(tmp, `${n}.csv`)}`).join(",");
const compare = run("suff footprints compare", ["dist/cli.js", "footprints", "compare", "--dataset", ds, "--include", "regions,combined-authorities", "--candidates", candidates, "--beds", "4", "--out", out]);
const stages = [...compare.stderr.matchAll(/^ {2}([^:\n]+): ([0-9.]+) s$/gm)].map((m) => `${m[1]} ${m[2]} s`).join("; ");
const metrics = compare.ok ? parse(readFileSync(path.join(out, "footprint_metrics.csv"), "utf8"), { columns: true }) as Array<Record<string, string>> : [];
const footprints = new Set(metrics.map((m) => `${m.candidate}|${m.footprint_code}`)).size;
const cands = compare.ok ? parse(readFileSync(path.join(out, "candidates.csv"), "utf8"), { columns: true }) as Array<Record<string, string>> : [];
rmSync(tmp, { recursive: true, force: true });

const f = (v: string | undefined, d: number) => (v === undefined || v === "" ? "-" : Number(v).toFixed(d));
const pct = (v: string | undefined) => (v === undefined || v === "" ? "-" : `${(100 * Number(v)).toFixed(0)}%`);
const date = new Date().toISOString().slice(0, 10);
const md = `## Footprints: every candidate design for all of England

Run on ${date} with \`npx tsx bench/footprints.bench.ts\` (the compiled CLI in dist/, a fresh process; wall clock; the machine is shared, so the load average before each run is given). Candidates: the 9 regions, the 15 combined authorities, and three designs made by the bench that each cover all 153 LAs of 2025 (pairs and triples within each region, each region halved, and each LA with its two closest statistical neighbours, overlapping).

| run | candidates | footprints | measured | target | load average before (1, 5, 15 min) |
|---|---|---|---|---|---|
| \`suff ingest data/published\` (not part of the target) | | | ${ingest.ok ? `${ingest.seconds.toFixed(1)} s` : "failed"} | | ${ingest.load} |
| \`suff footprints compare\` (4-bed home, 10,000 draws, 6 backtest origins, HTML and XLSX) | ${cands.length} | ${footprints} | ${compare.ok ? `${compare.seconds.toFixed(1)} s` : "failed"} | <= 120 s | ${compare.load} |

Stages of that run (the CLI's own timings): ${stages || "not reported"}.

The ranking that run gave (candidates.csv; candidate figures are children-weighted means over footprints, empty beds a plain mean):

| rank | candidate | footprints | MASE | 80% coverage | empty beds (4-bed home) | turn-away | own children placed inside | over 20 miles | HHI |
|---|---|---|---|---|---|---|---|---|---|
${cands.map((c) => `| ${c.rank} | ${c.candidate} | ${c.footprints} | ${f(c.forecast_mase, 2)} | ${pct(c.forecast_coverage_80)} | ${f(c.void_empty_beds, 2)} | ${pct(c.void_turn_away_prob)} | ${pct(c.own_children_placed_inside_share)} (${pct(c.own_children_placed_inside_share_lower)} to ${pct(c.own_children_placed_inside_share_upper)}) | ${pct(c.placed_over_20_miles_share)} | ${f(c.hhi, 0)} |`).join("\n")}
`;
writeFileSync(path.join(root, "bench/results/footprints.md"), md);
console.log(md);
