/**
 * `suff market --dataset DIR --scope SCOPES [--footprints FILE] [--scenario FILE]... [--horizon 5]
 *  [--assurance 0.8] [--samples 1000] [--seed N] [--no-backtest] --out DIR`: supply over time and
 * projected, imports and exports, the gap by placement type with uncertainty, concentration,
 * providers at risk, foster carers and costs, as tidy CSVs and summary.json.
 *
 * `suff market stress --dataset DIR --scope SCOPE [--footprints FILE] (--owner NAME | --top N) --out DIR`:
 * the provider-exit stress test (stress.csv).
 *
 * Exit 0 on success, 2 on a usage error or unreadable input.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { TOOLKIT_VERSION } from "../spec/version.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { MarketData } from "../market/market-data.ts";
import { marketAreas } from "../market/market-area.ts";
import { marketDemand } from "../market/market-demand.ts";
import { marketAnalysis } from "../market/market-analysis.ts";
import { marketScenario, type MarketScenario } from "../market/market-scenario.ts";
import { marketSummary, marketTables, stressTable } from "../market/market-tables.ts";
import { childrensHomeOccupancy } from "../market/occupancy.ts";
import { largestOwners, matchOwners, stressTest } from "../market/stress-test.ts";
import { ownerHoldings } from "../market/concentration.ts";
import { PLACE_PROVISION } from "../market/market-types.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv, type CsvCell } from "../write/csv.ts";
import { loadFootprintSet } from "./report.ts";

interface MarketCliOptions {
  dataset?: string;
  scope?: string;
  footprints?: string;
  scenario: string[];
  horizon: string;
  assurance: string;
  samples: string;
  seed: string;
  backtest: boolean;
  out?: string;
}

interface StressCliOptions {
  dataset: string;
  scope: string;
  footprints?: string;
  owner?: string;
  top?: string;
  out: string;
}

function usage(message: string, hint?: string): SuffError {
  return new SuffError("E_USAGE", message, { exitCode: 2, hint });
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw usage(`${option} ${text} must be a whole number from ${min} to ${max}.`);
  return n;
}

function readScenario(file: string): MarketScenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SuffError("E_FILE_UNREADABLE", `Cannot read the scenario ${file}: ${(error as NodeJS.ErrnoException).code ?? "read error"}.`, { exitCode: 2 });
  }
  return marketScenario(text, file);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Register `market` and `market stress`. */
export function register(program: Command): void {
  // `suff market stress --dataset ...`: options after a subcommand belong to it (commander
  // needs positional options on every parent for that).
  program.enablePositionalOptions();
  const market = program
    .command("market")
    .description("Supply over time and projected, imports and exports, the gap by placement type with uncertainty, concentration, providers at risk, foster carers and costs (tidy CSVs and summary.json)")
    .option("--dataset <dir>", "dataset folder written by suff ingest")
    .option("--scope <scopes>", "england | region:CODE | footprint:CODE | la:CODE | all-las | all-regions | all-footprints | all (comma-separate several)")
    .option("--footprints <file>", "footprint CSV new_la_code,footprint_code,footprint_name")
    .option("--scenario <file>", "scenario JSON (repeat for several; see docs/market.md)", collect, [])
    .option("--horizon <years>", "years ahead (1 to 10)", "5")
    .option("--assurance <p>", "chance of enough places that places_needed aims for", "0.8")
    .option("--samples <n>", "simulated draws of demand and supply", "1000")
    .option("--seed <n>", "random seed (the same seed gives the same figures)", "20260101")
    .option("--no-backtest", "skip the supply backtest")
    .option("--out <dir>", "output folder")
    .enablePositionalOptions()
    .action((options: MarketCliOptions) => {
      if (!options.dataset || !options.scope || !options.out) throw usage("suff market needs --dataset, --scope and --out.", "e.g. suff market --dataset ds --scope footprint:GMCA --footprints data/footprints/combined-authorities.csv --out market");
      const horizon = wholeNumber(options.horizon, "--horizon", 1, 10);
      const samples = wholeNumber(options.samples, "--samples", 50, 100000);
      const seed = wholeNumber(options.seed, "--seed", 0, 2 ** 31);
      const assurance = Number(options.assurance);
      if (!(assurance > 0 && assurance < 1)) throw usage(`--assurance ${options.assurance} must be between 0 and 1 (e.g. 0.8).`);
      const started = Date.now();
      const footprints = options.footprints ? loadFootprintSet(options.footprints) : undefined;
      const scenarios = options.scenario.map(readScenario);
      let stageStart = Date.now();
      const stage = (label: string) => { process.stderr.write(`  ${label}: ${((Date.now() - stageStart) / 1000).toFixed(1)} s\n`); stageStart = Date.now(); };
      const { rows } = loadDataset(options.dataset);
      stage("load dataset");
      const data = new MarketData(rows);
      const year = data.latestLaYear("cla_31_march") ?? data.registerYears.at(-1) ?? new Date().getFullYear();
      const scopes = marketAreas(options.scope, { year, footprints });
      stage("index");
      process.stderr.write(`Forecasting demand by placement group for ${scopes.length} area(s)...\n`);
      const demand = marketDemand(rows, scopes, { horizon, footprints });
      stage("demand forecast");
      process.stderr.write("Projecting supply, the gap, risk, carers and costs...\n");
      const result = marketAnalysis(data, { scopes, demand: demand.demand, horizon, assurance, samples, seed, scenarios, backtest: options.backtest });
      stage("market analysis");
      result.notes.push(...demand.notes);
      const written: string[] = [];
      for (const table of marketTables(result)) {
        const file = path.join(options.out, table.file);
        writeFileAtomic(file, toCsv(table.columns, table.rows as Array<Record<string, CsvCell>>));
        written.push(file);
      }
      const summaryFile = path.join(options.out, "summary.json");
      written.push(summaryFile);
      writeFileAtomic(summaryFile, JSON.stringify(marketSummary(result, { dataset: options.dataset, created: new Date().toISOString(), toolkitVersion: TOOLKIT_VERSION, files: written.map((f) => path.basename(f)) }), null, 2) + "\n");
      stage("write");
      for (const f of written) process.stdout.write(`${f}\n`);
      process.stderr.write(`${scopes.length} area(s), supply ${result.origin}, forecast ${result.years.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });

  market
    .command("stress")
    .description("Provider-exit stress test: places and homes lost, children affected, spare places left, children placed further away and the weekly cost change (stress.csv)")
    .requiredOption("--dataset <dir>", "dataset folder written by suff ingest")
    .requiredOption("--scope <scope>", "one area: england | region:CODE | footprint:CODE | la:CODE")
    .option("--footprints <file>", "footprint CSV new_la_code,footprint_code,footprint_name")
    .option("--owner <name>", "owning organisation as Ofsted records it (exact, else every owner whose name contains it)")
    .option("--top <n>", "test each of the N largest owners of children's home places in the area")
    .requiredOption("--out <dir>", "output folder")
    .action((options: StressCliOptions) => {
      if ((options.owner === undefined) === (options.top === undefined)) throw usage("Give exactly one of --owner NAME or --top N.");
      const footprints = options.footprints ? loadFootprintSet(options.footprints) : undefined;
      const { rows } = loadDataset(options.dataset);
      const data = new MarketData(rows);
      const year = data.registerYears.at(-1);
      if (year === undefined) throw new SuffError("E_MARKET_NO_SUPPLY", "The dataset has no Ofsted register rows.", { hint: "suff ingest data/published --out DIR" });
      const scopes = marketAreas(options.scope, { year, footprints });
      if (scopes.length !== 1) throw usage("suff market stress takes one area in --scope.");
      const scope = scopes[0];
      const occupancy = childrensHomeOccupancy(data, year);
      const groups: string[][] = [];
      if (options.owner !== undefined) {
        const matched = matchOwners(ownerHoldings(data, scope, year, PLACE_PROVISION).keys(), options.owner);
        if (!matched.length) throw new SuffError("E_OWNER_UNKNOWN", `No owner matching '${options.owner}' has places in ${scope.name} at 31 March ${year}.`, { exitCode: 2, hint: `The largest owners there: ${largestOwners(data, scope, year, 5).join("; ")}.` });
        groups.push(matched);
      } else {
        for (const owner of largestOwners(data, scope, year, wholeNumber(options.top!, "--top", 1, 100))) groups.push([owner]);
      }
      const out = groups.flatMap((owners) => stressTest(data, scope, owners, year, occupancy));
      const table = stressTable(out);
      const file = path.join(options.out, table.file);
      writeFileAtomic(file, toCsv(table.columns, table.rows as Array<Record<string, CsvCell>>));
      process.stdout.write(`${file}\n`);
      for (const owners of groups) {
        const row = out.find((r) => r.owner === owners.join("; ") && r.scope_code === scope.code && r.provision_type === "All provision types") ?? out.find((r) => r.owner === owners.join("; ") && r.scope_code === scope.code);
        if (row) process.stderr.write(`${owners.join("; ")}: ${row.places_lost} places in ${row.homes_lost} homes lost in ${scope.name}${row.children_affected !== null ? `; about ${Math.round(row.children_affected)} children affected, ${Math.round(row.children_placed_further ?? 0)} placed further away` : ""}\n`);
      }
    });
}
