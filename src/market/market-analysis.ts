/**
 * The market analysis of a run: supply over time and projected, where children live
 * versus where places are, the gap by placement type with uncertainty, concentration,
 * "difficult to replace" providers, a stress test of each area's largest group, foster
 * carers needed and costs, for every scope, for the base and each scenario side by side.
 *
 * Stages of `marketAnalysis`:
 *  1. index the dataset (MarketData) and read the register years; the origin is the latest;
 *  2. supply as data (supplyTable) and the projection model (SupplyModel, LA paths summed
 *     per scope), with its backtest on the Ofsted history;
 *  3. flows (placement-flows.ts) and England's children's home use rate (occupancy.ts);
 *  4. for each scope, each scenario (the base first) and each forecast year: demand by
 *     placement group (scenario-adjusted) against supply by market type, drawn with common
 *     random numbers (the same uniforms and supply paths in every scenario), giving the gap;
 *  5. concentration and providers at risk, and the stress test of each scope's largest owner;
 *  6. foster carers needed (base and scenarios) and costs: unit costs in real terms, trend,
 *     outliers, the cost of the forecast and of the gap;
 *  7. scenario differences from the base with their Monte Carlo standard errors.
 *
 * Reference: docs/market.md; ARCHITECTURE.md ("demand and supply as distributions").
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { SuffError } from "../spec/errors.ts";
import { PLACEMENT_TYPE, TOTAL } from "../reference/code-lists.ts";
import { seededRandom } from "../stats/seeded-random.ts";
import { MarketData } from "./market-data.ts";
import { englandArea, areaMembers, type MarketArea } from "./market-area.ts";
import { MARKET_TYPES, type MarketType } from "./market-types.ts";
import { supplyTable, placesOf, type SupplyRow } from "./supply-table.ts";
import { SupplyModel, summarise } from "./supply-projection.ts";
import { supplyBacktest, type SupplyBacktestResult } from "./supply-backtest.ts";
import { areaFlows, type FlowRow } from "./area-flows.ts";
import { childrensHomeOccupancy, type Occupancy } from "./occupancy.ts";
import { demandIndex, type DemandCell, type DemandForecast } from "./demand-forecast.ts";
import { gapCell, type GapRow } from "./gap.ts";
import { concentrationTable, ownerHoldings, HHI_THRESHOLDS, type ConcentrationRow } from "./concentration.ts";
import { englandOwnerRanks, providersAtRisk, riskCriteriaText, type RiskOptions, type RiskRow } from "./providers-at-risk.ts";
import { largestOwners, stressTest, type StressRow } from "./stress-test.ts";
import { fosterSupply } from "./foster-supply.ts";
import { fosterCarersNeeded, fosterRates, INDEPENDENT_REVIEW_CARERS, type CarerRow, type FosterRates } from "./foster-carers.ts";
import { amountIn, applyDemandChanges, changeApplies, type DemandDistribution, type MarketScenario } from "./market-scenario.ts";
import { annualCost, costOutliers, cpiDeflator, defaultGroupCosts, realGrowth, scopeUnitCost, WEEKS_PER_YEAR, type CostCategory, type CpiDeflator, type GroupCost } from "./market-costs.ts";

export interface MarketAnalysisOptions {
  scopes: MarketArea[];
  /** Demand by scope, DfE placement group and year (null: supply-only analysis). */
  demand: DemandForecast | null;
  /** Years of supply projection (default: up to the last demand year, at least 5). */
  horizon?: number;
  /** Chance of enough places the "places needed" column aims for (default 0.8). */
  assurance?: number;
  samples?: number;
  seed?: number;
  scenarios?: MarketScenario[];
  risk?: RiskOptions;
  /** Run the supply backtest (default true). */
  backtest?: boolean;
}

export interface SupplyForecastRow {
  scope_code: string;
  year: number;
  provision_type: string;
  sector: string;
  places_mean: number;
  places_lo80: number;
  places_hi80: number;
  places_lo95: number;
  places_hi95: number;
  planned_beds: number;
}

export interface CostRow {
  scope_code: string;
  year: number;
  measure: string;
  category: string;
  value: number | null;
  lo80: number | null;
  hi80: number | null;
  unit: string;
  scenario: string;
  basis: string;
}

export interface ScenarioRow {
  scope_code: string;
  year: number;
  placement_type: string;
  scenario: string;
  measure: string;
  base: number | null;
  value: number | null;
  difference: number | null;
  /** Monte Carlo standard error of the difference (paired draws). */
  difference_se: number | null;
}

export interface ScopeHeadline {
  scope_code: string;
  scope_name: string;
  kind: MarketArea["kind"];
  children: number | null;
  childrenYear: number | null;
  forecastYear: number | null;
  forecast: number | null;
  homePlaces: number | null;
  placesYear: number;
  homeGapYear: number | null;
  homeExpectedShortfall: number | null;
  homeProbShortfall: number | null;
  fosterProbShortfall: number | null;
  hhi: number | null;
  largestOwner: string | null;
  largestOwnerShare: number | null;
}

export interface MarketResult {
  origin: number;
  demandYear: number | null;
  years: number[];
  assurance: number;
  samples: number;
  seed: number;
  scenarios: string[];
  supply: SupplyRow[];
  supplyForecast: SupplyForecastRow[];
  supplyBacktest: SupplyBacktestResult | null;
  flows: FlowRow[];
  gap: GapRow[];
  concentration: ConcentrationRow[];
  providersAtRisk: RiskRow[];
  stress: StressRow[];
  fosterCarers: CarerRow[];
  costs: CostRow[];
  scenarioComparison: ScenarioRow[];
  occupancy: Occupancy | null;
  fosterRates: Record<string, FosterRates>;
  groupCosts: Record<string, GroupCost[]>;
  headlines: ScopeHeadline[];
  criteria: Record<string, string>;
  hhiThresholds: typeof HHI_THRESHOLDS;
  independentReview: typeof INDEPENDENT_REVIEW_CARERS;
  demandSource: string | null;
  notes: string[];
}

function hashSeed(seed: number, text: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function uniformsFor(seed: number, key: string, n: number): Float64Array {
  const rng = seededRandom(hashSeed(seed, key));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniform();
  return out;
}

const constant = (value: number): DemandDistribution => ({ mean: value, quantile: () => value });

/** Thresholds, criteria and their sources. */
export type MarketReferences = Pick<MarketResult, "criteria" | "hhiThresholds" | "independentReview">;

/** Everything the market analysis says about one scope. */
export interface ScopeMarket {
  scope: MarketArea;
  supply: SupplyRow[];
  supplyForecast: SupplyForecastRow[];
  flows: FlowRow[];
  gap: GapRow[];
  concentration: ConcentrationRow[];
  providersAtRisk: RiskRow[];
  stress: StressRow[];
  fosterCarers: CarerRow[];
  costs: CostRow[];
  scenarioComparison: ScenarioRow[];
  fosterRates: FosterRates;
  groupCosts: GroupCost[];
  headline: ScopeHeadline;
  notes: string[];
}

/**
 * What every scope of a run shares, computed once (stages 1-3): the index, the supply model,
 * the backtest, England's use rate, fostering rates and owner ranks; `scope` then runs stages
 * 4-7 for one area, so a report of 153 LAs costs one model fit.
 */
export class MarketContext {
  readonly data: MarketData;
  readonly origin: number;
  readonly horizon: number;
  readonly years: number[];
  readonly demandYear: number | null;
  readonly assurance: number;
  readonly samples: number;
  readonly seed: number;
  readonly scenarios: MarketScenario[];
  readonly model: SupplyModel;
  readonly occupancy: Occupancy | null;
  readonly notes: string[] = [];
  readonly demandSource: string | null;
  private readonly demand: Map<string, DemandCell>;
  private readonly englandRates: FosterRates;
  private readonly ranks: ReturnType<typeof englandOwnerRanks>;
  private readonly deflator: CpiDeflator;
  private readonly risk: RiskOptions;
  private backtestResult: SupplyBacktestResult | null | undefined;
  private readonly runBacktest: boolean;

  /**
   * Stages 1-3.
   * @throws SuffError E_MARKET_NO_SUPPLY when the dataset has no register rows.
   */
  constructor(rows: readonly DatasetRow[] | MarketData, options: Omit<MarketAnalysisOptions, "scopes">) {
    // 1. Index.
    this.data = rows instanceof MarketData ? rows : new MarketData(rows);
    const origin = this.data.registerYears[this.data.registerYears.length - 1];
    if (origin === undefined) throw new SuffError("E_MARKET_NO_SUPPLY", "The dataset has no Ofsted register rows (registered_places, registered_providers).", { hint: "Ingest the published data with the Ofsted provider lists: suff ingest data/published --out DIR" });
    this.origin = origin;
    this.assurance = options.assurance ?? 0.8;
    this.samples = options.samples ?? 1000;
    this.seed = options.seed ?? 20260101;
    this.scenarios = options.scenarios ?? [];
    this.risk = options.risk ?? {};
    this.demand = options.demand ? demandIndex(options.demand) : new Map();
    this.demandSource = options.demand?.source ?? null;
    const demandYears = [...new Set(options.demand?.cells.map((c) => c.year) ?? [])].sort((a, b) => a - b);
    this.demandYear = this.data.latestLaYear("cla_31_march");
    const lastYear = Math.max(origin + (options.horizon ?? 5), ...demandYears);
    this.horizon = Math.max(1, lastYear - origin);
    this.years = demandYears.length ? demandYears.filter((y) => y > origin) : Array.from({ length: this.horizon }, (_, i) => origin + i + 1);
    // 2. The supply model (the backtest runs when first asked for).
    this.model = new SupplyModel(this.data, { origin, horizon: this.horizon, samples: this.samples, seed: this.seed });
    this.notes.push(...this.model.notes);
    this.runBacktest = options.backtest !== false;
    // 3. Shared rates.
    this.occupancy = childrensHomeOccupancy(this.data, origin);
    if (!this.occupancy) this.notes.push("England's use rate of children's home places could not be computed: children affected and spare places are not shown.");
    this.englandRates = fosterRates(this.data, englandArea(), origin);
    this.ranks = englandOwnerRanks(this.data, origin);
    this.deflator = cpiDeflator(this.data, costPriceYear(this.data, origin));
  }

  /** The supply backtest (run once, on first use; null when switched off). */
  backtest(): SupplyBacktestResult | null {
    if (this.backtestResult === undefined) {
      const origins = this.data.registerYears.filter((y) => y >= this.origin - 6 && y < this.origin);
      this.backtestResult = this.runBacktest ? supplyBacktest(this.data, { origins, horizon: Math.min(5, this.horizon), seed: this.seed, samples: Math.min(this.samples, 200) }) : null;
    }
    return this.backtestResult;
  }

  /**
   * Stages 4-7 for one scope; `demandCells` replaces the run's demand for this scope (e.g.
   * the report's placement forecasts after scaling them to the total).
   * @throws never.
   */
  scope(scope: MarketArea, demandCells?: readonly DemandCell[]): ScopeMarket {
    const { data, origin, model, samples, seed, assurance, years } = this;
    const demand = demandCells ? new Map(demandCells.map((c) => [`${c.scopeCode}|${c.placementType}|${c.year}`, c])) : this.demand;
    const notes: string[] = [];
    // Supply as data and projected.
    const supply = supplyTable(data, [scope]);
    const supplyForecast: SupplyForecastRow[] = [];
    for (const combo of model.scopeCombos(scope)) {
      const [type, sector] = combo.split("|");
      const planned = model.plannedBeds(scope, [type]);
      for (let h = 1; h <= this.horizon; h++) {
        const s = summarise(model.scopeSamples(scope, [type], h, sector));
        supplyForecast.push({ scope_code: scope.code, year: origin + h, provision_type: type, sector, places_mean: s.mean, places_lo80: s.lo80, places_hi80: s.hi80, places_lo95: s.lo95, places_hi95: s.hi95, planned_beds: planned.get(origin + h) ?? 0 });
      }
    }
    const flows = areaFlows(data.flowRows, scope);
    // 4. The gap, base and scenarios.
    const gap: GapRow[] = [];
    const scenarioComparison: ScenarioRow[] = [];
    const fosterCarers: CarerRow[] = [];
    const costs: CostRow[] = [];
    const foster = fosterSupply(data, model, scope);
    if (foster.flat.length) notes.push(`${scope.name}: no in-house foster places figure for ${foster.flat.join(", ")}; their foster children count as supply with no spare places.`);
    const baseShortfalls = new Map<string, Float64Array>();
    const baseCells = new Map<string, GapRow>();
    const scopeRates = fosterRates(data, scope, origin, this.englandRates);
    const prices = defaultGroupCosts(data, scope, this.deflator.priceYear, this.deflator);
    const weekly = new Map(prices.map((p) => [p.placementGroup, p.weekly]));
    const priceLabel = `${this.deflator.priceYear - 1}-${String(this.deflator.priceYear).slice(2)} prices`;
    const runs = [{ name: "base", changes: [] as MarketScenario["changes"] }, ...this.scenarios.map((x) => ({ name: x.name, changes: x.changes }))];
    const first = years[0] ?? origin + 1;
    for (const run of runs) {
      const fosterPath: Array<{ year: number; mean: number; hi80: number }> = [];
      const costDraws = new Map<number, Float64Array>();
      const gapYears = this.demandYear !== null && this.demandYear === origin ? [origin, ...years] : years;
      for (const year of gapYears) {
        const step = year - origin;
        // Demand by group: observed at the origin, the forecast after.
        const groups = new Map<string, DemandDistribution>();
        for (const g of [...PLACEMENT_TYPE.roots.map((r) => r.code), "secure"]) {
          if (step === 0) {
            const v = this.demandYear !== null ? scopeDemandObserved(data, scope, g, this.demandYear) : null;
            if (v !== null) groups.set(g, constant(v));
          } else {
            const cell = demand.get(`${scope.code}|${g}|${year}`);
            if (cell) groups.set(g, { mean: cell.mean, quantile: cell.quantile });
          }
        }
        const adjusted = step === 0 ? groups : applyDemandChanges(groups, run.changes, scope.code, year, first);
        const fosterDemand = adjusted.get("foster");
        if (fosterDemand && step > 0) fosterPath.push({ year, mean: fosterDemand.mean, hi80: fosterDemand.quantile(0.9) });
        if (step > 0 && adjusted.size) costDraws.set(year, forecastCostDraws(adjusted, weekly, uniformsFor(seed, `${scope.code}|cost`, samples), samples));
        for (const type of MARKET_TYPES) gap.push(gapRow(scope, type, year, step, run, adjusted, data, model, foster, origin, assurance, seed, samples, baseShortfalls, baseCells, scenarioComparison));
      }
      // Foster carers for this run.
      const fosterNow = this.demandYear !== null ? scopeDemandObserved(data, scope, "foster", this.demandYear) : null;
      fosterCarers.push(...withRecruitedCarers(fosterCarersNeeded(scope, scopeRates, fosterPath, run.name, fosterNow), run.changes, scope.code, first));
      // 6. Cost of the forecast (mean and 80% interval of the total) and of the gap.
      for (const [year, draws] of costDraws) {
        const s = summarise(draws);
        costs.push({ scope_code: scope.code, year, measure: "forecast_cost", category: "total", value: s.mean, lo80: s.lo80, hi80: s.hi80, unit: `GBP a year, ${priceLabel}`, scenario: run.name, basis: "children forecast at 31 March by placement group x default weekly cost x 365.25/7, summed; intervals from the demand forecast" });
      }
      const fosterCost = weekly.get("foster"), homeCost = weekly.get("secure_and_childrens_homes");
      for (const r of gap.filter((g) => g.scenario === run.name && g.placement_type === "foster" && g.year > origin)) {
        const value = r.expected_shortfall !== null && fosterCost != null && homeCost != null ? annualCost(r.expected_shortfall, homeCost - fosterCost) : null;
        costs.push({ scope_code: scope.code, year: r.year, measure: "gap_cost", category: "foster", value, lo80: null, hi80: null, unit: `GBP a year, ${priceLabel}`, scenario: run.name, basis: "expected foster shortfall x (children's home − foster weekly cost) x 365.25/7: children without a foster place placed in a children's home" });
      }
    }
    costs.push(...unitCostRows(data, scope, this.deflator));
    for (const p of prices) costs.push({ scope_code: scope.code, year: this.deflator.priceYear, measure: "weekly_cost", category: p.placementGroup, value: p.weekly, lo80: null, hi80: null, unit: `GBP a week, ${priceLabel}`, scenario: "base", basis: p.source });
    // 5. Concentration, risk and the stress test of the largest owner.
    const concentration = concentrationTable(data, [scope]);
    const providersRisk = providersAtRisk(data, scope, origin, this.occupancy, this.ranks, this.risk);
    const largest = largestOwners(data, scope, origin, 1);
    const stress = largest.length && scope.kind !== "england" ? stressTest(data, scope, largest, origin, this.occupancy) : [];
    const h = headline(data, scope, origin, this.demandYear, gap, demand);
    const c = concentration.find((r) => r.market === "childrens_homes" && r.year === origin);
    h.hhi = c?.hhi ?? null; h.largestOwner = c?.largest_owner ?? null; h.largestOwnerShare = c?.top1_share ?? null;
    return { scope, supply, supplyForecast, flows, gap, concentration, providersAtRisk: providersRisk, stress, fosterCarers, costs, scenarioComparison, fosterRates: scopeRates, groupCosts: prices, headline: h, notes };
  }

  /** Thresholds, criteria and sources shared by every scope (for reports and summary.json). */
  get references(): MarketReferences {
    return { criteria: riskCriteriaText(this.risk), hhiThresholds: HHI_THRESHOLDS, independentReview: INDEPENDENT_REVIEW_CARERS };
  }
}

/**
 * Run the analysis for every scope.
 * @throws SuffError E_MARKET_NO_SUPPLY when the dataset has no register rows.
 * @example marketAnalysis(rows, { scopes: [englandArea()], demand: null }).supply.length
 */
export function marketAnalysis(rows: readonly DatasetRow[] | MarketData, options: MarketAnalysisOptions): MarketResult {
  const ctx = new MarketContext(rows, options);
  const parts = options.scopes.map((s) => ctx.scope(s));
  type ArrayKeys = { [K in keyof ScopeMarket]: ScopeMarket[K] extends unknown[] ? K : never }[keyof ScopeMarket];
  const all = <K extends ArrayKeys>(key: K): ScopeMarket[K] => parts.flatMap((p) => p[key] as unknown[]) as ScopeMarket[K];
  return {
    origin: ctx.origin, demandYear: ctx.demandYear, years: ctx.years, assurance: ctx.assurance, samples: ctx.samples, seed: ctx.seed,
    scenarios: ctx.scenarios.map((s) => s.name),
    supply: all("supply"), supplyForecast: all("supplyForecast"), supplyBacktest: ctx.backtest(), flows: all("flows"), gap: all("gap"),
    concentration: all("concentration"), providersAtRisk: all("providersAtRisk"), stress: all("stress"), fosterCarers: all("fosterCarers"),
    costs: all("costs"), scenarioComparison: all("scenarioComparison"), occupancy: ctx.occupancy,
    fosterRates: Object.fromEntries(parts.map((p) => [p.scope.code, p.fosterRates])), groupCosts: Object.fromEntries(parts.map((p) => [p.scope.code, p.groupCosts])),
    headlines: parts.map((p) => p.headline), ...ctx.references, demandSource: ctx.demandSource,
    notes: [...new Set([...ctx.notes, ...parts.flatMap((p) => p.notes)])],
  };
}

/** The latest financial year with a national S251 unit cost and CPI, at or before the year after the origin. */
function costPriceYear(data: MarketData, origin: number): number {
  for (let y = origin + 1; y >= origin - 5; y--) {
    if (data.national("cpi_index", y, {}, "Financial year").value !== null && data.latestLaYear("s251_weekly_unit_cost") !== null && y <= data.latestLaYear("s251_weekly_unit_cost")!) return y;
  }
  return data.latestLaYear("s251_weekly_unit_cost") ?? origin;
}

/** Children in a placement group at 31 March, summed over members (null if any member is missing). */
function scopeDemandObserved(data: MarketData, scope: MarketArea, group: string, year: number): number | null {
  if (scope.kind === "england") {
    const v = data.national("cla_31_march", year, { placement_type: group, age_band: TOTAL }).value;
    if (v !== null) return v;
  }
  let total = 0;
  for (const la of areaMembers(scope, year)) {
    const v = data.la("cla_31_march", la.oldCode, year, { placement_type: group, age_band: TOTAL }).value;
    if (v === null) return null;
    total += v;
  }
  return total;
}

function demandOf(type: MarketType, groups: Map<string, DemandDistribution>): DemandDistribution | null {
  const parts = type.demand.map((d) => groups.get(d)).filter((d): d is DemandDistribution => d !== undefined);
  if (parts.length !== type.demand.length) return null;
  if (parts.length === 1) return parts[0];
  return { mean: parts.reduce((a, p) => a + p.mean, 0), quantile: (p) => parts.reduce((a, d) => a + d.quantile(p), 0) };
}

function gapRow(
  scope: MarketArea, type: MarketType, year: number, step: number, run: { name: string; changes: MarketScenario["changes"] },
  groups: Map<string, DemandDistribution>, data: MarketData, model: SupplyModel, foster: ReturnType<typeof fosterSupply>,
  origin: number, assurance: number, seed: number, samples: number,
  baseShortfalls: Map<string, Float64Array>, baseCells: Map<string, GapRow>, comparison: ScenarioRow[],
): GapRow {
  const empty: GapRow = { scope_code: scope.code, year, placement_type: type.code, demand_mean: null, supply_mean: null, expected_shortfall: null, prob_shortfall: null, places_needed: null, demand_lo80: null, demand_hi80: null, supply_lo80: null, supply_hi80: null, scenario: run.name, note: "" };
  const d = demandOf(type, groups);
  // Supply samples for this step.
  let supplySamples: Float64Array | null = null;
  if (type.code === "foster") {
    if (step === 0) supplySamples = new Float64Array(samples).fill(foster.atOrigin);
    else supplySamples = foster.samples.slice((step - 1) * samples, step * samples);
    for (const c of run.changes) {
      if (c.target !== "carers" || !changeApplies(c, scope.code, year) || step === 0) continue;
      const extra = amountIn(c, year, origin + 1) * (foster.placesPerHousehold ?? 1);
      for (let k = 0; k < samples; k++) supplySamples[k] += extra;
    }
  } else {
    const atOrigin = placesOf(data, scope, origin, type.provisionTypes);
    if (atOrigin === null) return { ...empty, demand_mean: d?.mean ?? null, note: "registered places are not available for this provision type" };
    supplySamples = step === 0 ? new Float64Array(samples).fill(atOrigin) : model.scopeSamples(scope, type.provisionTypes, step);
    for (const c of run.changes) {
      if (c.target !== "supply" || !changeApplies(c, scope.code, year) || step === 0) continue;
      if (c.provision && type.provisionTypes.includes(c.provision)) for (let k = 0; k < samples; k++) supplySamples[k] += amountIn(c, year, origin + 1);
      if (c.owner) {
        const holdings = ownerHoldings(data, scope, origin, type.provisionTypes);
        let lost = 0;
        const owners = [...holdings.keys()];
        const key = c.owner.toLowerCase();
        for (const o of owners.filter((x) => x.toLowerCase() === key || x.toLowerCase().includes(key))) lost += holdings.get(o)!.places;
        for (let k = 0; k < samples; k++) supplySamples[k] = Math.max(0, supplySamples[k] - lost);
      }
    }
  }
  if (!d) return { ...empty, ...supplyStats(supplySamples), note: type.code === "secure" ? "children in secure homes are not published by LA (only with secure and children's homes); supply shown alone" : "no demand forecast for this area and type" };
  const uniforms = uniformsFor(seed, `${scope.code}|${type.code}`, samples);
  const cell = gapCell(d.quantile, supplySamples, uniforms, assurance);
  const row: GapRow = {
    ...empty,
    demand_mean: cell.demandMean, supply_mean: cell.supplyMean, expected_shortfall: cell.expectedShortfall, prob_shortfall: cell.probShortfall,
    places_needed: cell.placesNeeded, demand_lo80: cell.demandLo80, demand_hi80: cell.demandHi80, supply_lo80: cell.supplyLo80, supply_hi80: cell.supplyHi80,
    note: step === 0 ? "observed at 31 March (no uncertainty)" : "",
  };
  // Paired shortfalls for scenario differences.
  const shortfalls = new Float64Array(samples);
  for (let k = 0; k < samples; k++) shortfalls[k] = Math.max(0, d.quantile(Math.min(1 - 1e-9, Math.max(1e-9, uniforms[k]))) - supplySamples[k]);
  const key = `${type.code}|${year}`;
  if (run.name === "base") { baseShortfalls.set(key, shortfalls); baseCells.set(key, row); }
  else {
    const base = baseShortfalls.get(key), baseRow = baseCells.get(key);
    if (base && baseRow) {
      let sum = 0, sumSq = 0;
      for (let k = 0; k < samples; k++) { const diff = shortfalls[k] - base[k]; sum += diff; sumSq += diff * diff; }
      const mean = sum / samples, se = Math.sqrt(Math.max(0, sumSq / samples - mean * mean) / samples);
      const push = (measure: string, b: number | null, v: number | null, s: number | null) => comparison.push({ scope_code: scope.code, year, placement_type: type.code, scenario: run.name, measure, base: b, value: v, difference: b !== null && v !== null ? v - b : null, difference_se: s });
      push("demand_mean", baseRow.demand_mean, row.demand_mean, null);
      push("supply_mean", baseRow.supply_mean, row.supply_mean, null);
      push("expected_shortfall", baseRow.expected_shortfall, row.expected_shortfall, se);
      push("prob_shortfall", baseRow.prob_shortfall, row.prob_shortfall, null);
      push("places_needed", baseRow.places_needed, row.places_needed, null);
    }
  }
  return row;
}

function supplyStats(samples: Float64Array): Partial<GapRow> {
  const s = summarise(samples);
  return { supply_mean: s.mean, supply_lo80: s.lo80, supply_hi80: s.hi80 };
}

/** Draws of the annual cost of the forecast (all groups with a known weekly cost). */
function forecastCostDraws(groups: Map<string, DemandDistribution>, weekly: Map<string, number | null>, uniforms: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  let g = 0;
  for (const root of PLACEMENT_TYPE.roots) {
    const d = groups.get(root.code), w = weekly.get(root.code);
    g++;
    if (!d || w === null || w === undefined) continue;
    for (let k = 0; k < n; k++) {
      // One uniform per draw, decorrelated across groups by a fixed rotation.
      const u = (uniforms[k] + g * 0.6180339887498949) % 1;
      out[k] += d.quantile(Math.min(1 - 1e-9, Math.max(1e-9, u))) * w * WEEKS_PER_YEAR;
    }
  }
  return out;
}

/** Add a scenario's recruited households to its carers rows (supply side) and shrink the recruitment still needed. */
function withRecruitedCarers(rows: CarerRow[], changes: MarketScenario["changes"], scopeCode: string, firstYear: number): CarerRow[] {
  return rows.map((r) => {
    let extra = 0;
    for (const c of changes) {
      if (c.target !== "carers" || !changeApplies(c, scopeCode, r.year)) continue;
      extra += c.cumulative || r.year === Math.max(c.fromYear, firstYear) ? c.add : 0;
    }
    if (!extra || r.recruitment_needed === null) return r;
    return { ...r, recruitment_today: (r.recruitment_today ?? 0) + extra, recruitment_gap: r.recruitment_needed - ((r.recruitment_today ?? 0) + extra), basis: `${r.basis}; scenario recruits ${extra} more households a year` };
  });
}

function unitCostRows(data: MarketData, scope: MarketArea, deflator: ReturnType<typeof cpiDeflator>): CostRow[] {
  const out: CostRow[] = [];
  const years: number[] = [];
  for (let y = deflator.priceYear - 9; y <= deflator.priceYear; y++) years.push(y);
  const prices = `${deflator.priceYear - 1}-${String(deflator.priceYear).slice(2)} prices`;
  for (const category of ["fostering", "residential_care", "total"] as CostCategory[]) {
    const points = scopeUnitCost(data, scope, category, years, deflator);
    for (const p of points) {
      if (p.cash === null) continue;
      out.push({ scope_code: scope.code, year: p.year, measure: "unit_cost_cash", category, value: p.cash, lo80: null, hi80: null, unit: "GBP a week, cash", scenario: "base", basis: `DfE S251 outturn weekly unit cost${scope.kind === "la" ? "" : `, weighted by children (${p.membersWithFigure} of ${p.members} LAs)`}` });
      out.push({ scope_code: scope.code, year: p.year, measure: "unit_cost_real", category, value: p.real, lo80: null, hi80: null, unit: `GBP a week, ${prices}`, scenario: "base", basis: "cash x CPI (ONS D7BT, financial year) ratio" });
    }
    const growth = realGrowth(points);
    if (growth !== null) out.push({ scope_code: scope.code, year: deflator.priceYear, measure: "unit_cost_real_growth", category, value: growth, lo80: null, hi80: null, unit: "percent a year", scenario: "base", basis: `least-squares trend of log real unit cost, ${points.find((p) => p.real !== null)?.year ?? ""}-${deflator.priceYear}` });
    const members = new Set(areaMembers(scope, deflator.priceYear).map((la) => la.oldCode));
    for (const o of costOutliers(data, category, deflator.priceYear)) {
      if (scope.kind !== "england" && !members.has(o.oldCode)) continue;
      out.push({ scope_code: scope.code, year: o.year, measure: "outlier", category, value: o.cash, lo80: null, hi80: null, unit: "GBP a week, cash", scenario: "base", basis: `${o.name} (${o.oldCode}): robust z = ${o.z.toFixed(1)} against England's LAs (median GBP ${Math.round(o.median)})` });
    }
  }
  return out;
}

function headline(data: MarketData, scope: MarketArea, origin: number, demandYear: number | null, gap: GapRow[], demand: Map<string, { mean: number }>): ScopeHeadline {
  const children = demandYear !== null ? scopeDemandObserved(data, scope, TOTAL, demandYear) : null;
  let forecastYear: number | null = null, forecast: number | null = null;
  for (const [key, cell] of demand) {
    const [code, group, year] = key.split("|");
    if (code !== scope.code || group !== TOTAL) continue;
    if (forecastYear === null || Number(year) > forecastYear) { forecastYear = Number(year); forecast = cell.mean; }
  }
  if (forecast === null) {
    // Sum of the groups' means in the last year (when no total forecast is given).
    const byYear = new Map<number, number>();
    for (const [key, cell] of demand) {
      const [code, group, year] = key.split("|");
      if (code !== scope.code || !PLACEMENT_TYPE.roots.some((r) => r.code === group)) continue;
      byYear.set(Number(year), (byYear.get(Number(year)) ?? 0) + cell.mean);
    }
    if (byYear.size) { forecastYear = Math.max(...byYear.keys()); forecast = byYear.get(forecastYear)!; }
  }
  const homes = gap.filter((g) => g.scope_code === scope.code && g.scenario === "base" && g.placement_type === "childrens_homes" && g.year > origin).sort((a, b) => b.year - a.year)[0];
  const foster = gap.filter((g) => g.scope_code === scope.code && g.scenario === "base" && g.placement_type === "foster" && g.year > origin).sort((a, b) => b.year - a.year)[0];
  return {
    scope_code: scope.code, scope_name: scope.name, kind: scope.kind, children, childrenYear: demandYear, forecastYear, forecast,
    homePlaces: placesOf(data, scope, origin, MARKET_TYPES.find((t) => t.code === "childrens_homes")!.provisionTypes), placesYear: origin,
    homeGapYear: homes?.year ?? null, homeExpectedShortfall: homes?.expected_shortfall ?? null, homeProbShortfall: homes?.prob_shortfall ?? null,
    fosterProbShortfall: foster?.prob_shortfall ?? null, hhi: null, largestOwner: null, largestOwnerShare: null,
  };
}

