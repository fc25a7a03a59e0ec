/**
 * `suff project --ssda903 DIR [--la CODES] [--collection-year-ends|--collection-year-starts] [--start DATE] [--reference-window START:END]
 * [--horizon MONTHS] [--rate-estimator exposure|daily-mean] [--entries constant|trend|population
 * --population FILE] [--method simulate|exact] [--simulations N] [--seed S] [--levels 80,95]
 * [--scenario FILE]... [--costs FILE] [--inflation 0.03] [--backtest-origin DATES] --out DIR`:
 * project the looked-after population with the stock-flow (Markov) model and write tidy
 * CSVs (stock, flows, rates, costs, backtest) and summary.json. Aggregate figures only: no
 * child-level data. Exit 0 on success, 2 on unreadable input or a usage error.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { dayToIso, isoToDay } from "../spec/ssda903.ts";
import { findLa } from "../reference/las.ts";
import { loadEpisodeTable } from "../ingest/ssda903/load-ssda903.ts";
import { loadUnitCosts } from "../ingest/load-unit-costs.ts";
import { addMonths } from "../forecast/stock-flow/calendar.ts";
import type { BacktestResult } from "../forecast/stock-flow/backtest-stock-flow.ts";
import { evaluateStockFlow, stockFlowPlan } from "../forecast/stock-flow/stock-flow-plan.ts";
import { accuracy } from "../forecast/accuracy.ts";
import { dataEndOf } from "../forecast/stock-flow/episode-selection.ts";
import { estimateRates } from "../forecast/stock-flow/estimate-rates.ts";
import { observedStock } from "../forecast/stock-flow/observed-stock.ts";
import { populationPath, type PopulationPath } from "../forecast/stock-flow/population-path.ts";
import { projectStockFlow } from "../forecast/stock-flow/project-stock-flow.ts";
import { scenario as readScenario, type Scenario } from "../forecast/stock-flow/scenario.ts";
import { stateSpace } from "../forecast/stock-flow/state-space.ts";
import { stockFlowTables } from "../forecast/stock-flow/stock-flow-tables.ts";
import { costRows, spendOutputs, unitCosts } from "../market/unit-costs.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { addCollectionYearOptions, collectionYearOf, type CollectionYearFlags } from "./collection-year-option.ts";
import { toCsv, type CsvCell } from "../write/csv.ts";

interface ProjectCliOptions extends CollectionYearFlags {
  ssda903: string;
  la?: string;
  start?: string;
  referenceWindow?: string;
  horizon: string;
  rateEstimator: string;
  entries: string;
  population?: string;
  method: string;
  simulations: string;
  seed: string;
  levels: string;
  scenario: string[];
  costs?: string;
  published: string;
  inflation: string;
  backtestOrigin?: string;
  backtest: boolean;
  dataEnd?: string;
  ageBands?: string;
  placementGroups?: string;
  out: string;
}

function usage(message: string, hint?: string): SuffError {
  return new SuffError("E_USAGE", message, { exitCode: 2, hint });
}

function parseDate(text: string, option: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(isoToDay(text)) || dayToIso(isoToDay(text)) !== text) {
    throw usage(`${option} '${text}' is not a date as YYYY-MM-DD.`);
  }
  return isoToDay(text);
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new SuffError("E_FILE_UNREADABLE", `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

const DEFAULT_PUBLISHED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../data/published");

/** Register the project command. */
export function register(program: Command): void {
  const command = program
    .command("project")
    .description("Project children looked after by age band and placement group with the stock-flow (Markov) model: intervals, scenarios, costs and a backtest")
    .requiredOption("--ssda903 <dir>", "folder (or file) of SSDA903 header/episodes/uasc files, one or many years")
    .option("--la <codes>", "comma-separated LA codes (old DfE or ONS) making the footprint; all LAs in the data when omitted")
    .option("--start <date>", "projection start (YYYY-MM-DD); default: the end of the latest return (31 March)")
    .option("--reference-window <start:end>", "window for estimating rates, e.g. 2018-04-01:2021-03-31; default: the 3 years before the start")
    .option("--horizon <months>", "months to project", "60")
    .option("--rate-estimator <name>", "exposure (events / person-time) or daily-mean (mean of daily ratios)", "exposure")
    .option("--entries <method>", "constant | trend | population", "constant")
    .option("--population <file>", "CSV year|date,population[,la]: child population path (needed for --entries population)")
    .option("--method <method>", "simulate (seeded simulation) or exact (multinomial covariance propagation)", "simulate")
    .option("--simulations <n>", "number of simulations", "1000")
    .option("--seed <n>", "random seed", "1")
    .option("--levels <list>", "interval levels in percent", "80,95")
    .addOption(new Option("--scenario <file>", "scenario JSON (repeat for several); outputs show base and each scenario side by side").argParser((value: string, previous: string[]) => [...previous, value]).default([], "none"))
    .option("--costs <file>", "CSV placement_type[,provider],weekly_cost; default: an estimate from MHCLG RO3 and DfE published data")
    .addOption(new Option("--published <dir>", "folder of published data for the default unit costs").default(DEFAULT_PUBLISHED, "the toolkit's data/published"))
    .option("--inflation <rate>", "annual inflation of unit costs, e.g. 0.03", "0")
    .option("--backtest-origin <dates>", "origin(s) of the backtest, comma-separated (rolling origins); default: 12 months before the start")
    .option("--no-backtest", "skip the backtest")
    .option("--age-bands <ages>", "lower ages of the age bands, e.g. 0,1,5,10,16 (the DfE bands, the default) or 0,10,16")
    .option("--placement-groups <file>", "JSON {\"fine placement type\": \"group\"} regrouping template placement types (unlisted types keep their DfE group)")
    .option("--data-end <date>", "the day the data ends (open episodes are censored there); default: 31 March after the latest date")
    .requiredOption("--out <dir>", "output folder");
  addCollectionYearOptions(command)
    .action(async (options: ProjectCliOptions) => {
      // 1. Options.
      const horizon = Number(options.horizon);
      if (!Number.isInteger(horizon) || horizon < 1 || horizon > 240) throw usage(`--horizon ${options.horizon} is not a whole number of months between 1 and 240.`);
      if (!["exposure", "daily-mean"].includes(options.rateEstimator)) throw usage(`--rate-estimator ${options.rateEstimator}: use exposure or daily-mean.`);
      if (!["constant", "trend", "population"].includes(options.entries)) throw usage(`--entries ${options.entries}: use constant, trend or population.`);
      if (options.entries === "population" && !options.population) throw usage("--entries population needs --population FILE.");
      if (!["simulate", "exact"].includes(options.method)) throw usage(`--method ${options.method}: use simulate or exact.`);
      const simulations = Number(options.simulations);
      if (!Number.isInteger(simulations) || simulations < 10) throw usage(`--simulations ${options.simulations} is not a whole number of at least 10.`);
      const seed = Number(options.seed);
      if (!Number.isInteger(seed)) throw usage(`--seed ${options.seed} is not a whole number.`);
      const levels = options.levels.split(",").map((s) => Number(s.trim()));
      if (levels.some((l) => !(l > 0 && l < 100))) throw usage(`--levels ${options.levels}: each level must be between 0 and 100.`);
      const inflation = Number(options.inflation);
      if (!(inflation > -1 && inflation < 1)) throw usage(`--inflation ${options.inflation} is not a rate such as 0.03.`);
      const estimator = options.rateEstimator as "exposure" | "daily-mean";
      const entriesMethod = options.entries as "constant" | "trend" | "population";
      const method = options.method as "simulate" | "exact";

      // 2. Scenarios and the population path (checked before the episodes are read, to fail fast).
      const requested = options.la ? options.la.split(",").map((s) => s.trim()).filter(Boolean) : [];
      let ageBands: Array<{ code: string; lowerAge: number }> | undefined;
      if (options.ageBands) {
        const ages = options.ageBands.split(",").map((a) => Number(a.trim()));
        if (ages.length === 0 || ages[0] !== 0 || ages.some((a, i) => !Number.isInteger(a) || a < 0 || a > 17 || (i > 0 && a <= ages[i - 1]))) {
          throw usage(`--age-bands ${options.ageBands}: give ascending whole ages from 0, e.g. 0,1,5,10,16.`);
        }
        ageBands = ages.map((a, i) => ({ code: i + 1 < ages.length ? (ages[i + 1] - 1 === a ? `${a}` : `${a}_to_${ages[i + 1] - 1}`) : `${a}_plus`, lowerAge: a }));
      }
      let placementGroups: Record<string, string> | undefined;
      if (options.placementGroups) {
        try {
          placementGroups = JSON.parse(readText(options.placementGroups)) as Record<string, string>;
        } catch (error) {
          if (error instanceof SuffError) throw error;
          throw usage(`--placement-groups ${options.placementGroups} is not valid JSON: ${(error as Error).message}`);
        }
        if (typeof placementGroups !== "object" || placementGroups === null || Object.values(placementGroups).some((v) => typeof v !== "string")) {
          throw usage(`--placement-groups ${options.placementGroups}: expected {"placement type": "group", ...}.`);
        }
      }
      let space: ReturnType<typeof stateSpace>;
      try {
        space = stateSpace({ ageBands, placementGroups });
      } catch (error) {
        throw usage(`${(error as Error).message.replace(/^stateSpace: /, "")} (--age-bands / --placement-groups).`, "Placement types are the template codes, e.g. foster_ifa, childrens_home_private.");
      }
      const scenarios: Scenario[] = options.scenario.map((file) => readScenario(readText(file), space, file));
      const names = new Set<string>(["base"]);
      for (const [i, s] of scenarios.entries()) {
        if (names.has(s.name)) throw usage(`--scenario ${options.scenario[i]}: the name '${s.name}' is ${s.name === "base" ? "reserved for the base run" : "used by another scenario"}; give each scenario its own name.`);
        names.add(s.name);
      }
      const populationRead = options.population ? populationPath(readText(options.population), options.population, { las: requested }) : undefined;
      const population: PopulationPath | undefined = populationRead?.path;

      // 3. Episodes.
      const collectionYear = collectionYearOf(options);
      const loaded = loadEpisodeTable(options.ssda903, { ...(requested.length === 1 ? { la: requested[0] } : {}), ...(collectionYear ? { collectionYear } : {}) });
      const table = loaded.table;
      const las = requested.length === 0 ? undefined : requested.map((code) => {
        const oldCode = findLa(code)?.oldCode ?? code;
        if (!table.codes.la.includes(oldCode)) throw usage(`--la ${code}: no episodes for this LA in ${options.ssda903} (LAs found: ${table.codes.la.join(", ")}).`);
        return oldCode;
      });
      const dataEnd = options.dataEnd ? parseDate(options.dataEnd, "--data-end") : dataEndOf(table);
      const start = options.start ? parseDate(options.start, "--start") : dataEnd;
      if (start > dataEnd) throw usage(`--start ${dayToIso(start)} is after the end of the data (${dayToIso(dataEnd)}); the starting stock must be observed.`);
      let window = { start: addMonths(start, -36) + 1, end: start + 1 };
      if (options.referenceWindow) {
        const [a, b] = options.referenceWindow.split(":");
        if (!a || !b) throw usage(`--reference-window ${options.referenceWindow}: use START:END, e.g. 2018-04-01:2021-03-31.`);
        window = { start: parseDate(a, "--reference-window"), end: parseDate(b, "--reference-window") + 1 };
        if (window.end <= window.start) throw usage("--reference-window ends before it starts.");
      }

      const backtestOrigins = !options.backtest ? [] : options.backtestOrigin
        ? options.backtestOrigin.split(",").map((d) => parseDate(d.trim(), "--backtest-origin"))
        : [addMonths(start, -12)];
      for (const origin of backtestOrigins) {
        if (origin >= dataEnd) throw usage(`--backtest-origin ${dayToIso(origin)} leaves no observed data after it (the data end on ${dayToIso(dataEnd)}).`);
      }

      // 4. Rates, starting stock, unit costs.
      const rates = estimateRates(table, { space, window, estimator, las, dataEnd });
      const observed = observedStock(table, space, [start], { las });
      const startStock = new Float64Array(space.size);
      startStock.set(observed.stock);
      const costSource = loadUnitCosts({ file: options.costs, publishedDir: options.published, las });
      const costs = unitCosts(costSource, space, { mix: observed.mix[0], priceDay: start });

      // 5. Projection and backtest.
      const projection = projectStockFlow({
        rates, startStock, start, horizonMonths: horizon, entries: { method: entriesMethod, population },
        method, simulations, seed, levels, scenarios, linearOutputs: spendOutputs(costs, space, { inflation }),
      });
      const backtests: BacktestResult[] = [];
      const warnings = [...projection.entries.warnings];
      if (rates.exposure.reduce((a, v) => a + v, 0) === 0) {
        warnings.push(`No child was looked after during the reference window ${dayToIso(rates.window.start)} to ${dayToIso(rates.window.end - 1)}: every rate is zero, so the projection only adds entries to the starting stock.`);
      }
      // The backtest is the plan re-run at each origin (rates re-estimated on the same length of
      // window before it), scored with accuracy() next to the no-change forecast.
      const windowMonths = Math.max(1, Math.round((window.end - window.start) / 30.4375));
      const plan = stockFlowPlan(table, { space, las, windowMonths, estimator, entries: { method: entriesMethod, population }, method, simulations: Math.min(simulations, 1000), seed, levels, dataEnd });
      const evaluation = backtestOrigins.length ? evaluateStockFlow(plan, { origins: backtestOrigins, horizon: Math.min(horizon, 24) }) : undefined;
      backtests.push(...(evaluation?.backtests ?? []));

      // 6. Write.
      const historyDays: number[] = [];
      for (let k = 0; addMonths(start, -k) >= window.start - 1 && k <= 120; k++) historyDays.unshift(addMonths(start, -k));
      const history = observedStock(table, space, historyDays, { las });
      const tables = stockFlowTables(projection, rates, backtests, history);
      const outDir = options.out;
      const write = (name: string, t: { columns: string[]; rows: Array<Record<string, CsvCell>> }) => writeFileAtomic(path.join(outDir, name), toCsv(t.columns, t.rows));
      write("stock.csv", tables.stock);
      write("flows.csv", tables.flows);
      write("rates.csv", tables.rates);
      write("backtest.csv", tables.backtest);
      const costTable = costRows(projection, costs);
      write("costs.csv", { columns: ["quarter", "scenario", "placement_group", "months", "mean", ...levels.flatMap((l) => [`lo${l}`, `hi${l}`]), "basis"], rows: costTable });
      const total = (scenarioName: string) => projection.runs.find((r) => r.scenario === scenarioName)!.series.find((s) => s.ageBand === "total" && s.placement === "total")!;
      const summary = {
        command: "suff project",
        model: "stock-flow (multinomial Markov) by age band x placement group",
        method, simulations: method === "simulate" ? simulations : null, seed, levels,
        rate_estimator: estimator,
        reference_window: { start: dayToIso(rates.window.start), end: dayToIso(rates.window.end - 1) },
        data_end: dayToIso(dataEnd),
        start: dayToIso(start),
        horizon_months: horizon,
        las: las ?? table.codes.la,
        age_bands: space.ageBands,
        placement_groups: space.placementGroups,
        episodes: rates.counts,
        cleaning: loaded.counts,
        entries: projection.entries,
        start_stock: Math.round(startStock.reduce((a, b) => a + b, 0)),
        projected_total: projection.runs.map((run) => {
          const series = total(run.scenario);
          const t = projection.dates.length - 1;
          return { scenario: run.scenario, date: dayToIso(projection.dates[t]), mean: Math.round(series.mean[t] * 10) / 10,
            intervals: Object.fromEntries(levels.map((l) => [l, [Math.round(series.lower[l][t] * 10) / 10, Math.round(series.upper[l][t] * 10) / 10]])) };
        }),
        scenarios: scenarios.map((s) => ({ name: s.name, description: s.description ?? null, changes: s.changes.length })),
        unit_costs: {
          basis: costs.basis, estimate: costs.estimate, inflation,
          price_date: Number.isFinite(costs.priceDay) ? dayToIso(costs.priceDay) : null,
          weekly_cost_gbp: Object.fromEntries(costs.groups.map((g, i) => [g, Number.isFinite(costs.weeklyCost[i]) ? Math.round(costs.weeklyCost[i]) : null])),
          source_by_group: Object.fromEntries(costs.groups.map((g, i) => [g, costs.groupBasis[i]])),
        },
        backtest: backtests.map((b) => {
          const id = (group: string) => `${group}@${dayToIso(b.origin)}`;
          const naiveMase = (group: string) => accuracy(evaluation!.naive.filter((r) => r.series_id === id(group)), { series: evaluation!.series, levels: [], scaleLag: 1 }).at(-1)?.mase;
          const round = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
          return {
            origin: dayToIso(b.origin), reference_window_start: dayToIso(b.windowStart),
            coverage_all_groups: b.coverage,
            accuracy: b.accuracy.map((a) => ({
              placement_group: a.placement, mase: round(a.mase), naive_mase: round(naiveMase(a.placement)), coverage: a.coverage,
              inside: Object.fromEntries(levels.map((l) => [l, Math.round((a.coverage[l] ?? 0) * a.months)])), months: a.months,
            })),
          };
        }),
        diagnostics: Object.entries([...loaded.diagnostics, ...(populationRead?.diagnostics ?? []), ...costs.diagnostics].reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.code]: (acc[d.code] ?? 0) + 1 }), {})).map(([code, count]) => ({ code, count })),
        warnings,
        notes: [
          "Rates are hazards (events per person-time) estimated over the reference window and held constant; monthly transition probabilities are exp(Q x 30.44 days).",
          "Ageing between bands is a constant hazard estimated from birthdays crossed in the window (as in the regional demand models): a cohort bunched just below a band boundary ages out more slowly in the projection than in reality.",
          "Entries arrive at the end of each month; intervals include process noise and posterior uncertainty of rates and entries.",
          costs.estimate ? "Unit costs are an estimate from published spend and counts, not prices paid for placements." : "Unit costs are the user's.",
        ],
        files: ["stock.csv", "flows.csv", "rates.csv", "costs.csv", "backtest.csv"],
      };
      writeFileAtomic(path.join(outDir, "summary.json"), JSON.stringify(summary, null, 2) + "\n");
      // 7. Print (diagnostics as counts by code: the details point at rows of the input files).
      for (const { code, count } of summary.diagnostics) process.stderr.write(`${code}: ${count}\n`);
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      const base = summary.projected_total[0];
      process.stdout.write(`Projected children looked after on ${base.date}: ${base.mean} (${levels.map((l) => `${l}%: ${base.intervals[l].join("-")}`).join(", ")}), from ${summary.start_stock} on ${summary.start}.\n`);
      for (const other of summary.projected_total.slice(1)) process.stdout.write(`Scenario ${other.scenario}: ${other.mean}.\n`);
      for (const b of summary.backtest) {
        const t = b.accuracy.find((a) => a.placement_group === "total");
        if (!t) continue;
        const held = levels.map((l, i) => `${i === 0 ? "the " : ""}${l}% interval${i === 0 ? " held the total" : ""} in ${t.inside[l]} of ${t.months} months (${((t.coverage[l] ?? 0) * 100).toFixed(0)}%)`).join(", ");
        const pooled = levels.map((l) => `${l}%: ${((b.coverage_all_groups[l] ?? 0) * 100).toFixed(0)}%`).join(", ");
        process.stdout.write(`Backtest from ${b.origin} (${t.months} months): total MASE ${t.mase === null || t.mase === undefined ? "n/a" : t.mase.toFixed(2)} (no-change ${t.naive_mase === null || t.naive_mase === undefined ? "n/a" : t.naive_mase.toFixed(2)}); ${held}; every placement group and the total pooled: ${pooled}.\n`);
      }
      process.stdout.write(`Wrote stock.csv, flows.csv, rates.csv, costs.csv, backtest.csv and summary.json to ${outDir}.\n`);
    });
}
