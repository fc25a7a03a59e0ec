/**
 * Aggregation and disclosure control (issue 2, items 6 and 7). Two workloads:
 * 1. all of data/published/ ingested in process, aggregated to the nine regions and to
 *    England, without and with --publish (k = 5, cross-geography check);
 * 2. synthetic raw LA returns (153 LAs, cla_31_march by the 14 fine placement types x 5 age
 *    bands with group and total rows, small counts common) aggregated to regions and
 *    England with --publish: the exact linear-algebra check at national scale.
 * Reports the median wall clock of a few runs and writes bench/results/aggregate.md.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { aggregateDataset } from "../src/aggregate/aggregate-dataset";
import type { AggregateOptions } from "../src/aggregate/types";
import { ingestFiles } from "../src/ingest/ingest-files";
import { loadFiles } from "../src/ingest/load-files";
import { AGE_BAND, PLACEMENT_TYPE, TOTAL } from "../src/reference/code-lists";
import { allCodes, childCodes, leafCodes, rootCodes } from "../src/reference/code-tree";
import { laGeography, lasInYear } from "../src/reference/las";
import type { DatasetRow } from "../src/spec/dataset";

const RUNS = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(rows: DatasetRow[], options: AggregateOptions) {
  const ms: number[] = [];
  let result = aggregateDataset(rows, options);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = aggregateDataset(rows, options);
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

/** A seeded generator (mulberry32) so the synthetic returns are the same every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticReturns(): DatasetRow[] {
  const next = random(2025);
  const rows: DatasetRow[] = [];
  const placements = leafCodes(PLACEMENT_TYPE);
  const ages = ["under_1", "1_to_4", "5_to_9", "10_to_15", "16_plus"];
  for (const la of lasInYear(2025)) {
    const grid = placements.map(() => ages.map(() => Math.floor(next() ** 3 * 60)));
    const value = (p: string, a: string): number => {
      const ps = p === TOTAL ? placements : childCodes(PLACEMENT_TYPE, p).length ? childCodes(PLACEMENT_TYPE, p) : [p];
      const as = a === TOTAL ? ages : [a];
      return ps.reduce((sum, pc) => sum + as.reduce((s, ac) => s + grid[placements.indexOf(pc)][ages.indexOf(ac)], 0), 0);
    };
    for (const p of [TOTAL, ...rootCodes(PLACEMENT_TYPE), ...placements.filter((c) => !rootCodes(PLACEMENT_TYPE).includes(c))]) {
      for (const a of [TOTAL, ...ages]) {
        rows.push({ time_period: "2025", time_identifier: "Reporting year", ...laGeography(la, 2025), measure: "cla_31_march", dims: { placement_type: p, age_band: a }, value: value(p, a), value_status: "ok", source: "long-csv" });
      }
    }
  }
  void allCodes(AGE_BAND);
  return rows;
}

const t0 = performance.now();
const published = (await ingestFiles(loadFiles(["data/published"]))).rows;
const ingestMs = performance.now() - t0;
const synthetic = syntheticReturns();

const lines: string[] = [];
const table: Array<[string, string, string]> = [];
for (const [label, rows] of [["published data", published], ["synthetic raw returns", synthetic]] as const) {
  for (const to of ["region", "england"] as const) {
    for (const publish of [undefined, { k: 5 }]) {
      if (label === "synthetic raw returns" && !publish) continue;
      const { ms, result } = time(rows as DatasetRow[], { to, publish });
      const d = result.disclosure;
      const what = `${label}: ${to}${publish ? " --publish" : ""}`;
      const detail = `${result.rows.length} rows${d ? `, ${d.tables} tables, ${d.primary} primary, ${d.secondary} secondary, ${d.residual} residual` : ""}`;
      table.push([what, `${(ms / 1000).toFixed(2)} s`, detail]);
      lines.push(`${what}: ${(ms / 1000).toFixed(2)} s (${detail})`);
    }
  }
}
console.log(`ingest of data/published in process: ${(ingestMs / 1000).toFixed(2)} s; ${published.length} rows; synthetic returns: ${synthetic.length} rows`);
for (const l of lines) console.log(l);

const md = [
  "## Aggregate and disclosure control",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/aggregate.bench.ts\`: median of ${RUNS} runs of \`aggregateDataset\` (in process, after ingest), wall clock on the shared machine. Published data: ${published.length} dataset rows from data/published. Synthetic: 153 LAs' raw returns (source long-csv, so no LA figure is known to a reader from elsewhere) of cla_31_march by placement type (14 leaves, 8 groups, total) x age band (5 + total), ${synthetic.length} rows, small counts common. Disclosure control k = 5 with the cross-geography check (every suppressed cell verified unrecoverable with exact rank computations).`,
  "",
  "| workload | time | result | target |",
  "|---|---|---|---|",
  ...table.map(([w, t, d]) => `| ${w} | ${t} | ${d} | a few seconds (no target in the issue) |`),
  "",
].join("\n");
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/aggregate.md.tmp", md);
renameSync("bench/results/aggregate.md.tmp", "bench/results/aggregate.md");
