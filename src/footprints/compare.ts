/**
 * Footprint design: which grouping of LAs forecasts, fills and shares homes best. Every
 * footprint of every candidate is measured the same way, in one run:
 *
 *  - forecastability: the default forecast plan (defaultPlan: LA forecasts by placement
 *    group, reconciled, footprints summed from the LAs, conformal intervals calibrated on the
 *    footprint layer) re-run at past origins by `evaluate` and scored by `accuracy`: MASE and
 *    80% interval coverage of the footprint's total and of each placement group;
 *  - specialist scale: the plan's forecast, one year ahead, of children in the DfE group
 *    "Residential schools" (plus secure children's homes where the dataset has that type), and
 *    the void risk of an N-bed specialist home (void-risk.ts);
 *  - self-sufficiency: places in the footprint (Ofsted register) against its own children's
 *    forecast demand by type; the share of its own children placed inside it and the flows to
 *    and from the rest of England (self-sufficiency.ts);
 *  - market power: HHI of children's home places by owning organisation, and how many of its
 *    five largest owners also hold places in another candidate footprint;
 *  - distance: children placed more than 20 miles from home, and placed outside the footprint;
 *  - size: LAs, children looked after, child population.
 *
 * Candidates are then compared (their footprints' figures combined) and ranked on four
 * questions: which forecasts best, which fills an N-bed specialist home, which keeps children
 * closest to home and where providers hold least power.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { Footprint, FootprintSet } from "../spec/footprint.ts";
import type { ForecastRow } from "../spec/forecast.ts";
import { SuffError } from "../spec/errors.ts";
import { OWNER_NOT_RECORDED, PLACEMENT_TYPE, TOTAL } from "../reference/code-lists.ts";
import { lasInYear, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND } from "../reference/regions.ts";
import { membersInYear } from "../aggregate/members-in-year.ts";
import { defaultPlan } from "../forecast/default-plan.ts";
import type { DatasetPlan } from "../forecast/dataset-plan.ts";
import { run } from "../forecast/run.ts";
import { evaluate, type PlanEvaluation } from "../forecast/evaluate.ts";
import { accuracy } from "../forecast/accuracy.ts";
import { forecastQuantile } from "../forecast/forecast-quantile.ts";
import { MarketData } from "../market/market-data.ts";
import { footprintArea } from "../market/market-area.ts";
import { concentration, concentrationBand, ownerHoldings } from "../market/concentration.ts";
import { CHILDRENS_HOME_PROVISION } from "../market/market-types.ts";
import type { Candidate } from "./candidates.ts";
import { footprintFlows, type MemberFlows } from "./self-sufficiency.ts";
import { voidRisk } from "./void-risk.ts";

export interface CompareOptions {
  /** Beds of the specialist home whose void risk is simulated (default 4). */
  beds?: number;
  /** Years ahead the plan forecasts and is backtested over (default 3). */
  horizon?: number;
  /** Backtest origins: the latest n years that leave an actual (default 6). */
  origins?: number;
  /** Simulated draws of demand for the void risk (default 10000). */
  draws?: number;
  seed?: number;
  /** Progress lines (stage and seconds). */
  onStage?: (label: string) => void;
}

/** One figure of one footprint (tidy: footprint_metrics.csv). */
export interface MetricRow {
  candidate: string;
  footprint_code: string;
  footprint_name: string;
  metric: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** What a metric is, for the CSV's readers, the page and the ranking. */
export interface MetricInfo {
  id: string;
  label: string;
  unit: "ratio" | "share" | "count" | "index" | "beds" | "probability";
  /** How a candidate's figure is made from its footprints'. */
  combine: "sum" | "weighted" | "mean";
  /** Which direction is better, where one is (for reasons and ranking). */
  better?: "lower" | "higher";
  definition: string;
}

export interface CandidateRow {
  candidate: string;
  rank: number;
  source: string;
  footprints: number;
  las_covered: number;
  las_in_england: number;
  /** Candidate-level figures (combined over its footprints), by metric id, with intervals. */
  figures: Record<string, { value: number | null; lower: number | null; upper: number | null }>;
  /** Rank (1 best) on each of the four questions. */
  ranks: { forecast: number; fill: number; close: number; power: number };
  score: number;
  reasons: string;
}

export interface FootprintComparison {
  candidates: Candidate[];
  metrics: MetricRow[];
  candidateRows: CandidateRow[];
  metricInfo: MetricInfo[];
  beds: number;
  /** Years each figure comes from. */
  years: { forecastOrigin: string; forecastFor: string; backtestOrigins: string[]; flows: number | null; register: number | null; children: number | null; distance: number | null; population: number | null };
  /** What is uncertain, in sentences written from the figures. */
  uncertain: string[];
  notes: string[];
  specialistProxy: string;
}

const MEASURES_USED = new Set(["cla_31_march", "population_0_17", "placed_over_20_miles", "cla_placed_in_la_by_other_las", "cla_net_gain", "placed_outside_la", "cla_31_march_by_location", "registered_places", "registered_providers"]);

/** Placement groups compared with Ofsted-registered places (the groups that have registered places). */
const PLACES_FOR: ReadonlyArray<{ type: string; metric: string; provision: readonly string[]; label: string }> = [
  { type: "secure_and_childrens_homes", metric: "places_per_own_child", provision: CHILDRENS_HOME_PROVISION, label: "children's homes (incl. secure and residential special schools registered as homes)" },
  { type: "residential_schools", metric: "places_per_own_child_residential_schools", provision: ["residential_special_school"], label: "residential special schools" },
  { type: "supported_accommodation_group", metric: "places_per_own_child_supported_accommodation", provision: ["supported_accommodation"], label: "supported accommodation" },
];

/** Specialist demand: these placement types where the forecast has them. */
const SPECIALIST_TYPES = ["residential_schools", "secure"] as const;

export const METRICS: readonly MetricInfo[] = [
  { id: "forecast_mase", label: "Forecast error (MASE)", unit: "ratio", combine: "weighted", better: "lower", definition: "Mean absolute scaled error of the default plan's forecasts of the footprint's children looked after, re-run at past origins (1 = as good as the no-change forecast in-sample)" },
  { id: "forecast_coverage_80", label: "80% interval coverage", unit: "share", combine: "weighted", definition: "Share of backtest actuals inside the 80% interval (0.8 is right); lower and upper are a 95% Wilson interval for the share" },
  { id: "specialist_demand", label: "Specialist demand", unit: "count", combine: "sum", definition: "Forecast children in residential schools (DfE group; plus secure children's homes where the data has them) one year ahead; lower and upper are the 80% interval" },
  { id: "void_empty_beds", label: "Empty beds, N-bed specialist home", unit: "beds", combine: "mean", better: "lower", definition: "Expected empty beds of one N-bed specialist home filled from the footprint's specialist demand (simulated from the forecast distribution); lower and upper are the 10% and 90% points" },
  { id: "void_turn_away_prob", label: "Chance of turning away", unit: "probability", combine: "mean", definition: "Probability that the footprint's specialist demand exceeds the N beds (a child needing the home is turned away)" },
  { id: "void_occupancy", label: "Expected occupancy of the home", unit: "share", combine: "mean", definition: "Expected share of the N beds filled" },
  { id: "places_per_own_child", label: "Home places per own child", unit: "ratio", combine: "weighted", better: "higher", definition: "Ofsted-registered children's home places in the footprint per own child forecast in secure and children's homes one year ahead; lower and upper from the 80% interval of demand" },
  { id: "places_per_own_child_residential_schools", label: "Residential special school places per own child", unit: "ratio", combine: "weighted", definition: "Residential special school places in the footprint (shared with children who are not looked after) per own child forecast in residential schools" },
  { id: "places_per_own_child_supported_accommodation", label: "Supported accommodation places per own child", unit: "ratio", combine: "weighted", definition: "Registered supported accommodation places in the footprint per own child forecast in supported accommodation" },
  { id: "own_children_placed_inside_share", label: "Own children placed inside", unit: "share", combine: "weighted", better: "higher", definition: "Share of the footprint's children looked after placed inside it (their own LA or another member); lower and upper are the bounds the published data allow, the value assumes children placed outside their LA within 20 miles are in another member as far as the members take children in" },
  { id: "placed_outside_footprint", label: "Own children placed outside", unit: "count", combine: "sum", definition: "Children of the footprint placed outside it (flows to the rest of England and beyond), estimate and bounds" },
  { id: "placed_in_by_others", label: "Children of other LAs placed inside", unit: "count", combine: "sum", definition: "Children of LAs outside the footprint placed inside it (flows from the rest of England), estimate and bounds" },
  { id: "placed_over_20_miles_share", label: "Placed over 20 miles", unit: "share", combine: "weighted", better: "lower", definition: "Share of the footprint's children looked after placed more than 20 miles from home (DfE)" },
  { id: "placed_outside_footprint_share", label: "Placed outside the footprint", unit: "share", combine: "weighted", better: "lower", definition: "Share of the footprint's children placed outside it (1 minus own_children_placed_inside_share)" },
  { id: "hhi", label: "Concentration (HHI)", unit: "index", combine: "weighted", better: "lower", definition: "Herfindahl-Hirschman index of children's home places by owning organisation (0 to 10,000; above 1,800 highly concentrated)" },
  { id: "large_providers", label: "Large providers", unit: "count", combine: "mean", definition: "Owners among the footprint's five largest by children's home places" },
  { id: "large_providers_elsewhere", label: "Large providers also in other footprints", unit: "count", combine: "mean", definition: "Of the five largest owners, how many also hold places in LAs outside the footprint that belong to another candidate's footprint" },
  { id: "las", label: "LAs", unit: "count", combine: "sum", definition: "Member LAs in the latest year" },
  { id: "children", label: "Children looked after", unit: "count", combine: "sum", definition: "Children looked after at 31 March of the latest year (sum of members)" },
  { id: "child_population", label: "Child population", unit: "count", combine: "sum", definition: "Children aged 0 to 17 (ONS mid-year estimate, latest year)" },
];

/** A 95% Wilson interval for k of n. @example wilson(8, 10)[0] < 0.8 // true */
export function wilson(k: number, n: number, z = 1.959964): [number, number] {
  if (n <= 0) return [Number.NaN, Number.NaN];
  const p = k / n, d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d, h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

/** The internal footprint code (unique over candidates; "|" separates a plan's series id from its part, so it is replaced). */
function internalCode(candidate: string, footprint: string): string {
  return `${candidate}~${footprint.replace(/\|/g, "/")}`;
}

class LaFigures {
  private readonly values = new Map<string, number | null>();
  private readonly years = new Map<string, Set<number>>();
  constructor(rows: readonly DatasetRow[]) {
    for (const r of rows) {
      if (r.geographic_level !== "Local authority" || !r.old_la_code) continue;
      const key = this.keyOf(r);
      if (key === null) continue;
      const year = Number(r.time_period);
      const k = `${key}|${r.old_la_code}|${year}`;
      if (!this.values.has(k) || this.values.get(k) === null) this.values.set(k, r.value);
      if (r.value !== null) { let ys = this.years.get(key); if (!ys) this.years.set(key, (ys = new Set())); ys.add(year); }
    }
  }
  private keyOf(r: DatasetRow): string | null {
    const d = r.dims;
    switch (r.measure) {
      case "cla_31_march": return (d.age_band ?? TOTAL) === TOTAL ? `cla:${d.placement_type ?? TOTAL}` : null;
      case "population_0_17": return "population";
      case "placed_over_20_miles": return (d.placement_type ?? TOTAL) === TOTAL ? "over20" : null;
      case "cla_placed_in_la_by_other_las": return "imports";
      case "cla_net_gain": return "net";
      case "placed_outside_la": return (d.placement_type ?? TOTAL) === TOTAL ? "outside" : null;
      case "cla_31_march_by_location": return d.locality === "outside_la" ? `outside:${d.distance ?? TOTAL}` : null;
      default: return null;
    }
  }
  get(key: string, oldCode: string, year: number): number | null {
    return this.values.get(`${key}|${oldCode}|${year}`) ?? null;
  }
  latestYear(key: string): number | null {
    const ys = this.years.get(key);
    return ys && ys.size ? Math.max(...ys) : null;
  }
}

/** Member LA flows in a year, or null when an LA lacks a figure. */
function memberFlows(figures: LaFigures, la: LocalAuthority, year: number, nearRatio: number): MemberFlows | null {
  const children = figures.get("cla:total", la.oldCode, year);
  const imports = figures.get("imports", la.oldCode, year);
  const net = figures.get("net", la.oldCode, year);
  const exports = imports !== null && net !== null ? imports - net : figures.get("outside", la.oldCode, year);
  if (children === null || imports === null || exports === null) return null;
  const near = figures.get("outside:20_miles_or_less", la.oldCode, year);
  return { children, imports, exports, exportsNear: near ?? exports * nearRatio };
}

function sumOver(figures: LaFigures, key: string, members: readonly LocalAuthority[], year: number | null): { total: number; present: number } {
  let total = 0, present = 0;
  if (year === null) return { total, present };
  for (const la of members) { const v = figures.get(key, la.oldCode, year); if (v !== null) { total += v; present++; } }
  return { total, present };
}

const fmt = (x: number, d = 2) => x.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/**
 * Measure every footprint of every candidate and rank the candidates.
 * @throws SuffError E_FOOTPRINTS_NO_DATA when the dataset has no LA children-looked-after figures.
 * @example compareFootprints(rows, [{ name: "regions", source: "", footprints }]).candidateRows[0].rank // 1
 */
export function compareFootprints(rows: readonly DatasetRow[], candidates: readonly Candidate[], options: CompareOptions = {}): FootprintComparison {
  const beds = options.beds ?? 4, horizon = options.horizon ?? 3, originCount = options.origins ?? 6, draws = options.draws ?? 10000, seed = options.seed ?? 20260101;
  const stage = options.onStage ?? (() => {});
  const used = rows.filter((r) => MEASURES_USED.has(r.measure));
  const figures = new LaFigures(used);
  const childrenYear = figures.latestYear("cla:total");
  if (childrenYear === null) throw new SuffError("E_FOOTPRINTS_NO_DATA", "The dataset has no LA figures for children looked after at 31 March (measure cla_31_march).", { hint: "suff ingest data/published --out DIR" });
  const notes: string[] = [];

  // 1. The default plan for each candidate's footprints (footprints summed from the LAs; their
  // intervals calibrated on that candidate's footprints only, so adding a candidate never
  // changes another's figures), run and re-run at past origins.
  const all: Array<{ candidate: Candidate; footprint: Footprint; code: string }> = [];
  for (const c of candidates) for (const f of c.footprints) all.push({ candidate: c, footprint: f, code: internalCode(c.name, f.code) });
  const roots = new Set(PLACEMENT_TYPE.roots.map((g) => g.code));
  const forecastInput = used.filter((r) => r.measure === "population_0_17" || (r.measure === "cla_31_march" && (r.dims.age_band ?? TOTAL) === TOTAL && ((r.dims.placement_type ?? TOTAL) === TOTAL || roots.has(r.dims.placement_type ?? ""))));
  const step1 = new Map<string, ForecastRow>();
  const evalById = new Map<string, { rows: ForecastRow[]; evaluation: PlanEvaluation }>();
  let typeOfKey = new Map<string, string>();
  let forecastOrigin = "", forecastFor = "", originLabels: string[] = [], backtestOrigins: string[] = [];
  for (const c of candidates) {
    const set: FootprintSet = { source: c.source, footprints: all.filter((x) => x.candidate === c).map((x) => ({ code: x.code, name: x.footprint.name, members: x.footprint.members })) };
    const plan = defaultPlan({ rows: forecastInput, measure: "cla_31_march", breakdowns: [["placement_type"]], footprints: set }) as DatasetPlan;
    for (const n of plan.panel.notes ?? []) if (!n.includes("~") && !notes.includes(n)) notes.push(n);
    const forecast = run(plan, { horizon });
    typeOfKey = new Map(Object.entries(plan.geography.keyDims).map(([k, d]) => [k, d.placement_type ?? ""]));
    forecastOrigin = plan.geography.lastPeriod;
    for (const r of forecast.rows) if (r.step === 1 && (r.series_id.includes("~") || r.series_id.startsWith(`${ENGLAND.code}|`))) { step1.set(r.series_id, r); forecastFor = r.period; }
    const grid = plan.panel.series[0]!.periods;
    originLabels = grid.slice(-(originCount + 1), -1);
    try {
      const evaluation = evaluate(plan, { origins: originLabels, horizon });
      backtestOrigins = evaluation.origins;
      for (const r of evaluation.rows) {
        if (!r.series_id.includes("~")) continue;
        let l = evalById.get(r.series_id); if (!l) evalById.set(r.series_id, (l = { rows: [], evaluation })); l.rows.push(r);
      }
    } catch (error) {
      notes.push(`The forecasts of ${c.name} could not be backtested: ${error instanceof Error ? error.message : String(error)}`);
    }
    stage(`forecast and backtest of ${c.name}`);
  }
  const partId = (code: string, type: string) => { for (const [k, t] of typeOfKey) if (t === type) return `${code}|${k}`; return null; };
  const specialistPresent = SPECIALIST_TYPES.filter((t) => [...typeOfKey.values()].includes(t));
  const specialistProxy = specialistPresent.includes("secure")
    ? "children in the DfE placement group 'Residential schools' plus children in secure children's homes"
    : "children in the DfE placement group 'Residential schools'";

  // 2. Market data, flows and distance.
  const data = new MarketData(used);
  const registerYear = data.registerYears.at(-1) ?? null;
  const flowsYear = figures.latestYear("imports");
  const distanceYear = figures.latestYear("over20");
  const populationYear = figures.latestYear("population");
  let nearRatio = 0.5;
  if (flowsYear !== null) {
    let near = 0, outside = 0;
    for (const la of lasInYear(flowsYear)) { const n = figures.get("outside:20_miles_or_less", la.oldCode, flowsYear), o = figures.get("outside:total", la.oldCode, flowsYear); if (n !== null && o !== null && o > 0) { near += n; outside += o; } }
    if (outside > 0) nearRatio = near / outside;
  }
  // Owners' LAs (children's home places) and every candidate's LAs, for "large providers elsewhere".
  const ownerLas = new Map<string, Set<string>>();
  if (registerYear !== null) {
    for (const la of lasInYear(registerYear)) {
      for (const c of data.registerCells(la.oldCode, registerYear)) {
        if (c.owner === TOTAL || c.owner === OWNER_NOT_RECORDED || !(c.places! > 0) || !(CHILDRENS_HOME_PROVISION as readonly string[]).includes(c.provisionType)) continue;
        let s = ownerLas.get(c.owner); if (!s) ownerLas.set(c.owner, (s = new Set())); s.add(la.oldCode);
      }
    }
  }
  const yearForMembers = registerYear ?? childrenYear;
  const membersOf = new Map(all.map((x) => [x.code, new Set(membersInYear(x.footprint, yearForMembers).members.map((la) => la.oldCode))]));
  const lasOfCandidate = new Map(candidates.map((c) => [c.name, new Set(all.filter((x) => x.candidate === c).flatMap((x) => [...membersOf.get(x.code)!]))]));

  // 3. Every footprint's figures.
  const metrics: MetricRow[] = [];
  const lowCoverage: string[] = [];
  let thinBacktest = 0;
  for (const x of all) {
    const push = (metric: string, value: number | null, lower: number | null = null, upper: number | null = null) => {
      const clean = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
      metrics.push({ candidate: x.candidate.name, footprint_code: x.footprint.code, footprint_name: x.footprint.name, metric, value: clean(value), lower: clean(lower), upper: clean(upper) });
    };
    // Forecastability: total and by placement group.
    const score = (id: string, suffix: string) => {
      const scored = evalById.get(id);
      if (!scored || !scored.rows.length) { push(`forecast_mase${suffix}`, null); push(`forecast_coverage_80${suffix}`, null); return; }
      const a = accuracy(scored.rows, { series: scored.evaluation.series, levels: [80] }).at(-1)!;
      const cov = a.intervals[80]?.coverage ?? Number.NaN;
      const [lo, hi] = wilson(Math.round(cov * a.n), a.n);
      push(`forecast_mase${suffix}`, a.mase);
      push(`forecast_coverage_80${suffix}`, cov, lo, hi);
      if (suffix === "" && a.n < 10) thinBacktest++;
    };
    score(x.code, "");
    for (const [k, t] of typeOfKey) if (roots.has(t)) score(`${x.code}|${k}`, `_${t}`);
    // Specialist demand and void risk.
    const parts = specialistPresent.map((t) => partId(x.code, t)).map((id) => (id ? step1.get(id) : undefined)).filter((r): r is ForecastRow => r !== undefined);
    if (parts.length) {
      const q = (p: number) => parts.reduce((a, r) => a + forecastQuantile(r, p), 0);
      push("specialist_demand", parts.reduce((a, r) => a + r.mean, 0), q(0.1), q(0.9));
      const v = voidRisk(q, beds, draws, seed);
      push("void_empty_beds", v.emptyBeds, v.emptyBedsLower, v.emptyBedsUpper);
      push("void_turn_away_prob", v.turnAwayProbability);
      push("void_occupancy", v.occupancy);
    } else { push("specialist_demand", null); push("void_empty_beds", null); push("void_turn_away_prob", null); push("void_occupancy", null); }
    // Places per own child, by type.
    const area = footprintArea({ code: x.code, name: x.footprint.name, members: x.footprint.members });
    for (const p of PLACES_FOR) {
      const id = partId(x.code, p.type);
      const d = id ? step1.get(id) : undefined;
      if (!d || registerYear === null) { push(p.metric, null); continue; }
      let places = 0;
      for (const h of ownerHoldings(data, area, registerYear, p.provision).values()) places += h.places;
      const lo = forecastQuantile(d, 0.1), hi = forecastQuantile(d, 0.9);
      push(p.metric, d.mean > 0 ? places / d.mean : null, hi > 0 ? places / hi : null, lo > 0 ? places / lo : null);
    }
    // Self-sufficiency: flows.
    if (flowsYear !== null) {
      const members = membersInYear(x.footprint, flowsYear).members;
      const flows = members.map((la) => memberFlows(figures, la, flowsYear, nearRatio)).filter((m): m is MemberFlows => m !== null);
      if (flows.length < members.length) lowCoverage.push(`${x.footprint.name} (${x.candidate.name}): ${members.length - flows.length} of ${members.length} LAs lack flow figures for ${flowsYear}`);
      if (flows.length) {
        const f = footprintFlows(flows);
        push("own_children_placed_inside_share", f.ownInsideShare.value, f.ownInsideShare.lower, f.ownInsideShare.upper);
        push("placed_outside_footprint_share", 1 - f.ownInsideShare.value, 1 - f.ownInsideShare.upper, 1 - f.ownInsideShare.lower);
        push("placed_outside_footprint", f.exportsOut.value, f.exportsOut.lower, f.exportsOut.upper);
        push("placed_in_by_others", f.importsIn.value, f.importsIn.lower, f.importsIn.upper);
      } else for (const m of ["own_children_placed_inside_share", "placed_outside_footprint_share", "placed_outside_footprint", "placed_in_by_others"]) push(m, null);
    }
    // Distance.
    if (distanceYear !== null) {
      const members = membersInYear(x.footprint, distanceYear).members;
      let over = 0, kids = 0;
      for (const la of members) { const o = figures.get("over20", la.oldCode, distanceYear), c = figures.get("cla:total", la.oldCode, distanceYear); if (o !== null && c !== null) { over += o; kids += c; } }
      push("placed_over_20_miles_share", kids > 0 ? over / kids : null);
    }
    // Market power.
    if (registerYear !== null) {
      const holdings = [...ownerHoldings(data, area, registerYear, CHILDRENS_HOME_PROVISION).values()].filter((h) => h.owner !== OWNER_NOT_RECORDED && h.places > 0);
      const c = concentration(holdings.map((h) => ({ owner: h.owner, places: h.places })), 5);
      push("hhi", c.totalPlaces > 0 ? c.hhi : null);
      const mine = membersOf.get(x.code)!;
      const elsewhere = new Set<string>();
      for (const other of candidates) if (other !== x.candidate) for (const la of lasOfCandidate.get(other.name)!) if (!mine.has(la)) elsewhere.add(la);
      push("large_providers", c.top.length);
      push("large_providers_elsewhere", c.top.filter((o) => [...(ownerLas.get(o.owner) ?? [])].some((la) => elsewhere.has(la))).length);
    }
    // Size.
    const members = membersInYear(x.footprint, childrenYear).members;
    push("las", members.length);
    const kids = sumOver(figures, "cla:total", members, childrenYear);
    push("children", kids.present ? kids.total : null);
    const pop = sumOver(figures, "population", membersInYear(x.footprint, populationYear ?? childrenYear).members, populationYear);
    push("child_population", pop.present ? pop.total : null);
  }
  stage("measures");

  // 4. Candidates: combine their footprints, rank on four questions, write the reasons.
  const info = new Map(METRICS.map((m) => [m.id, m]));
  const englandLas = lasInYear(childrenYear).length;
  const rowsOf = (c: Candidate) => metrics.filter((m) => m.candidate === c.name);
  const combined = candidates.map((c) => {
    const mine = rowsOf(c);
    const weight = new Map(mine.filter((m) => m.metric === "children").map((m) => [m.footprint_code, m.value ?? 0]));
    const figuresOf: CandidateRow["figures"] = {};
    for (const id of new Set(mine.map((m) => m.metric))) {
      const list = mine.filter((m) => m.metric === id && m.value !== null);
      const how = info.get(id)?.combine ?? (id.startsWith("forecast_") ? "weighted" : "mean");
      if (!list.length) { figuresOf[id] = { value: null, lower: null, upper: null }; continue; }
      const combine = (pick: (m: MetricRow) => number | null) => {
        const vals = list.map((m) => ({ v: pick(m), w: how === "weighted" ? weight.get(m.footprint_code) ?? 0 : 1 })).filter((p): p is { v: number; w: number } => p.v !== null);
        if (!vals.length) return null;
        if (how === "sum") return vals.reduce((a, p) => a + p.v, 0);
        const w = vals.reduce((a, p) => a + p.w, 0);
        return w > 0 ? vals.reduce((a, p) => a + p.v * p.w, 0) / w : null;
      };
      figuresOf[id] = { value: combine((m) => m.value), lower: combine((m) => m.lower), upper: combine((m) => m.upper) };
    }
    return { c, figures: figuresOf, lasCovered: new Set(all.filter((x) => x.candidate === c).flatMap((x) => membersInYear(x.footprint, childrenYear).members.map((la) => la.oldCode))).size };
  });
  const rankBy = (id: string, better: "lower" | "higher") => {
    const vals = combined.map((x) => x.figures[id]?.value ?? null);
    return vals.map((v) => (v === null ? combined.length : 1 + vals.filter((o) => o !== null && (better === "lower" ? o < v : o > v)).length));
  };
  const ranks = { forecast: rankBy("forecast_mase", "lower"), fill: rankBy("void_empty_beds", "lower"), close: rankBy("own_children_placed_inside_share", "higher"), power: rankBy("hhi", "lower") };
  const scores = combined.map((_, i) => (ranks.forecast[i] + ranks.fill[i] + ranks.close[i] + ranks.power[i]) / 4);
  const order = combined.map((_, i) => i).sort((a, b) => scores[a] - scores[b] || (combined[a].figures.forecast_mase?.value ?? Infinity) - (combined[b].figures.forecast_mase?.value ?? Infinity));
  const n = combined.length;
  const ordinal = (r: number) => `${r}${r === 1 ? "st" : r === 2 ? "nd" : r === 3 ? "rd" : "th"} of ${n}`;
  const interval = (f: { lower: number | null; upper: number | null }, show: (x: number) => string) => (f.lower !== null && f.upper !== null ? ` (${show(f.lower)} to ${show(f.upper)})` : "");
  const candidateRows: CandidateRow[] = order.map((i, position) => {
    const x = combined[i];
    const f = (id: string) => x.figures[id] ?? { value: null, lower: null, upper: null };
    const parts: string[] = [];
    const mase = f("forecast_mase"), cov = f("forecast_coverage_80");
    parts.push(mase.value !== null ? `forecasts ${ordinal(ranks.forecast[i])}: MASE ${fmt(mase.value)}${cov.value !== null ? `, 80% intervals held ${pct(cov.value)} of actuals` : ""}` : "forecasts: no backtest");
    const empty = f("void_empty_beds"), turn = f("void_turn_away_prob"), spec = f("specialist_demand");
    parts.push(empty.value !== null ? `${beds}-bed specialist home ${ordinal(ranks.fill[i])}: ${fmt(empty.value, 1)} empty beds expected per footprint${interval(empty, (v) => fmt(v, 0))}, ${pct(turn.value ?? 0)} chance of turning a child away, from ${fmt(spec.value ?? 0, 0)} children forecast in specialist places` : `${beds}-bed specialist home: no specialist forecast`);
    const inside = f("own_children_placed_inside_share"), over = f("placed_over_20_miles_share");
    parts.push(inside.value !== null ? `keeps children close ${ordinal(ranks.close[i])}: ${pct(inside.value)} of own children placed inside${interval(inside, pct)}${over.value !== null ? `, ${pct(over.value)} over 20 miles from home` : ""}` : "keeps children close: no flow figures");
    const hhiF = f("hhi");
    parts.push(hhiF.value !== null ? `provider power ${ordinal(ranks.power[i])}: HHI ${fmt(hhiF.value, 0)} (${concentrationBand(hhiF.value)}), ${fmt(f("large_providers_elsewhere").value ?? 0, Number.isInteger(f("large_providers_elsewhere").value ?? 0) ? 0 : 1)} of its ${fmt(f("large_providers").value ?? 0, Number.isInteger(f("large_providers").value ?? 0) ? 0 : 1)} largest owners also in other candidates' footprints` : "provider power: no register");
    if (x.lasCovered < englandLas) parts.push(`covers ${x.lasCovered} of ${englandLas} LAs`);
    return {
      candidate: x.c.name, rank: position + 1, source: x.c.source, footprints: x.c.footprints.length, las_covered: x.lasCovered, las_in_england: englandLas,
      figures: x.figures, ranks: { forecast: ranks.forecast[i], fill: ranks.fill[i], close: ranks.close[i], power: ranks.power[i] }, score: scores[i], reasons: parts.join("; "),
    };
  });

  // 5. What is uncertain, from the figures.
  const uncertain: string[] = [];
  const spread = (id: string) => {
    const list = metrics.filter((m) => m.metric === id && m.lower !== null && m.upper !== null && m.value !== null);
    return list.length ? list.reduce((a, m) => a + (m.upper! - m.lower!), 0) / list.length : null;
  };
  const insideSpread = spread("own_children_placed_inside_share");
  if (insideSpread !== null) uncertain.push(`Placements between member LAs are not published, so the share of own children placed inside a footprint is known only within bounds: on average ${(100 * insideSpread).toFixed(0)} percentage points wide across the ${metrics.filter((m) => m.metric === "own_children_placed_inside_share" && m.value !== null).length} footprints (flows of ${flowsYear}, the latest year DfE gives imports). The estimate assumes children placed outside their LA but within 20 miles are in another member; footprints whose members are not neighbours are flattered by it.`);
  const specSpread = spread("specialist_demand");
  const specTotal = metrics.filter((m) => m.metric === "specialist_demand" && m.value !== null);
  if (specSpread !== null && specTotal.length) uncertain.push(`Specialist demand is small and its forecast wide: the 80% interval is on average ${fmt(specSpread, 1)} children wide for a mean of ${fmt(specTotal.reduce((a, m) => a + m.value!, 0) / specTotal.length, 1)} children per footprint, and the proxy (${specialistProxy}) is not the need for specialist homes itself: the published LA data give no count of children needing secure or disabled children's places (secure homes are counted with children's homes, and disabled children are not a placement type).`);
  const englandSpecialist = specialistPresent.map((t) => partId(ENGLAND.code, t)).map((id) => (id ? step1.get(id) : undefined)).filter((r): r is ForecastRow => r !== undefined).reduce((a, r) => a + r.mean, 0);
  const published = used.filter((r) => r.measure === "cla_31_march" && r.geographic_level === "National" && r.dims.placement_type === "residential_schools" && (r.dims.age_band ?? TOTAL) === TOTAL && r.value !== null).sort((a, b) => Number(b.time_period) - Number(a.time_period))[0];
  if (published && englandSpecialist > 0) uncertain.push(`The LA forecasts of children in residential schools add up to ${fmt(englandSpecialist, 0)} for England in ${forecastFor}, against ${published.value!.toLocaleString("en-GB")} published for England at 31 March ${published.time_period}: most LAs' counts are suppressed (1 to 4 children) and their share of the LA total is estimated, so specialist demand, and with it the void risk, is uncertain in level as well as in spread${englandSpecialist < 0.9 * published.value! ? " (and here likely undercounted)" : ""}.`);
  const covs = metrics.filter((m) => m.metric === "forecast_coverage_80" && m.value !== null && m.lower !== null);
  if (covs.length) uncertain.push(`The backtest has ${backtestOrigins.length} origins (${originLabels.join(", ")}) and up to ${horizon} years ahead, so each footprint's MASE and coverage rest on few forecasts: the 95% interval of a footprint's 80% coverage is on average ${(100 * covs.reduce((a, m) => a + (m.upper! - m.lower!), 0) / covs.length).toFixed(0)} percentage points wide${thinBacktest ? `, and ${thinBacktest} footprints have fewer than 10 scored forecasts` : ""}.`);
  uncertain.push(`Market power counts Ofsted's owning organisations at 31 March ${registerYear ?? "(no register)"}, not ultimate parent groups, so concentration is understated; a footprint is not an antitrust market.`);
  uncertain.push(`The void risk of a ${beds}-bed home is simulated (${draws.toLocaleString("en-GB")} draws, seed ${seed}) from the forecast distribution of the footprint's whole specialist demand, as if every such child could use the one home; matching of needs, distance and turnover within the year are not modelled.`);
  const partial = candidateRows.filter((r) => r.las_covered < r.las_in_england);
  if (partial.length) uncertain.push(`Candidates cover different LAs (${partial.map((r) => `${r.candidate} ${r.las_covered}`).join(", ")} of the ${englandLas}) and each is compared on its own footprints only, so part of a difference between candidates is a difference between the areas they cover.`);
  if (lowCoverage.length) notes.push(`Flow figures missing: ${lowCoverage.slice(0, 5).join("; ")}${lowCoverage.length > 5 ? `; and ${lowCoverage.length - 5} more` : ""}.`);
  stage("compare");
  return {
    candidates: [...candidates], metrics, candidateRows, metricInfo: [...METRICS], beds,
    years: { forecastOrigin, forecastFor, backtestOrigins, flows: flowsYear, register: registerYear, children: childrenYear, distance: distanceYear, population: populationYear },
    uncertain, notes, specialistProxy,
  };
}
