/**
 * Foster carers needed: the in-house fostering households an area must approve each year to
 * care for its forecast foster children (or a scenario's), given the rates at which
 * households are approved, deregister and have children placed, against how many it
 * approves today.
 *
 * Stages for an area (sums over member LAs that report each figure):
 *  1. in-house places approved and filled at the latest year (Ofsted via LAIT, 2022-25,
 *     excluding family and friends carers) and the share of the area's foster children they
 *     hold (filled / children in foster placements at 31 March);
 *  2. households and their rates from Ofsted's LA fostering data (2017-18, 2018-19, which
 *     include family and friends carers): approved places per household, deregistrations per
 *     household a year, approvals a year ("today's recruitment", the latest year published);
 *  3. households today = approved places / places per household; children per household =
 *     filled places / households today;
 *  4. each forecast year: in-house children = foster demand x in-house share; households
 *     needed = in-house children / children per household; households to recruit = growth
 *     in households needed + deregistrations expected (rate x households the year before).
 * England's net growth in households for all foster children (in-house and agency, at the
 * in-house children per household) is shown beside the Independent Review of Children's
 * Social Care (2022) recommendation to "recruit 3,000 additional foster carers each year
 * between 2023 and 2026 (9,000 in total)": the review counts carers, Ofsted households.
 *
 * Reference: Ofsted "Fostering in England" 2017-18 and 2018-19 (LA level); DfE LAIT foster
 * places 2022-25; The Independent Review of Children's Social Care, final report (May 2022).
 */
import { TOTAL } from "../reference/code-lists.ts";
import type { MarketData } from "./market-data.ts";
import { areaMembers, type MarketArea } from "./market-area.ts";

export const INDEPENDENT_REVIEW_CARERS = {
  perYear: 3000,
  total: 9000,
  wording: "recruit 3,000 additional foster carers each year between 2023 and 2026 (9,000 in total)",
  source: "The Independent Review of Children's Social Care, final report (23 May 2022), recommendation on a national foster carer recruitment programme",
} as const;

export interface FosterRates {
  /** Year of the in-house places figures. */
  placesYear: number | null;
  approvedPlaces: number | null;
  filledPlaces: number | null;
  fosterChildren: number | null;
  /** Year of the household figures. */
  householdsYear: number | null;
  placesPerHousehold: number | null;
  deregistrationRate: number | null;
  approvalsPerYear: number | null;
  householdsToday: number | null;
  childrenPerHousehold: number | null;
  inhouseShare: number | null;
  /** Members contributing to the household rates, of all members. */
  membersWithHouseholds: number;
  members: number;
  /** Rates borrowed from England when the area has none. */
  borrowed: string[];
}

function sumWhere(data: MarketData, scope: MarketArea, year: number, measures: string[]): { sums: number[]; members: number } {
  const sums = measures.map(() => 0);
  let members = 0;
  for (const la of areaMembers(scope, year)) {
    const values = measures.map((m) => data.la(m, la.oldCode, year).value);
    if (values.some((v) => v === null)) continue;
    values.forEach((v, i) => { sums[i] += v!; });
    members++;
  }
  return { sums, members };
}

function latestYear(data: MarketData, scope: MarketArea, measure: string, upTo: number): number | null {
  for (let y = upTo; y >= upTo - 10; y--) if (areaMembers(scope, y).some((la) => data.la(measure, la.oldCode, y).value !== null)) return y;
  return null;
}

/**
 * The fostering rates of an area (England's where the area has none).
 * @throws never.
 */
export function fosterRates(data: MarketData, scope: MarketArea, year: number, england?: FosterRates): FosterRates {
  const members = areaMembers(scope, year).length;
  const placesYear = latestYear(data, scope, "foster_places_approved", year);
  let approvedPlaces: number | null = null, filledPlaces: number | null = null, fosterChildren: number | null = null;
  if (placesYear !== null) {
    let a = 0, f = 0, c = 0, n = 0;
    for (const la of areaMembers(scope, placesYear)) {
      const av = data.la("foster_places_approved", la.oldCode, placesYear).value, fv = data.la("foster_places_filled", la.oldCode, placesYear).value;
      const cv = data.la("cla_31_march", la.oldCode, placesYear, { placement_type: "foster", age_band: TOTAL }).value;
      if (av === null || fv === null || cv === null) continue;
      a += av; f += fv; c += cv; n++;
    }
    if (n > 0) { approvedPlaces = a; filledPlaces = f; fosterChildren = c; }
  }
  const householdsYear = latestYear(data, scope, "foster_households_inhouse", year);
  let placesPerHousehold: number | null = null, deregistrationRate: number | null = null, approvalsPerYear: number | null = null, membersWithHouseholds = 0;
  if (householdsYear !== null) {
    const r = sumWhere(data, scope, householdsYear, ["foster_households_inhouse", "foster_places_approved", "foster_deregistrations", "foster_approvals"]);
    const [households, places, dereg, approvals] = r.sums;
    membersWithHouseholds = r.members;
    if (households > 0) {
      placesPerHousehold = places / households;
      deregistrationRate = dereg / households;
      approvalsPerYear = approvals;
    }
  }
  const borrowed: string[] = [];
  if (placesPerHousehold === null && england?.placesPerHousehold) { placesPerHousehold = england.placesPerHousehold; borrowed.push("places per household"); }
  if (deregistrationRate === null && england?.deregistrationRate !== undefined && england.deregistrationRate !== null) { deregistrationRate = england.deregistrationRate; borrowed.push("deregistration rate"); }
  const householdsToday = approvedPlaces !== null && placesPerHousehold ? approvedPlaces / placesPerHousehold : null;
  return {
    placesYear, approvedPlaces, filledPlaces, fosterChildren, householdsYear, placesPerHousehold, deregistrationRate, approvalsPerYear,
    householdsToday, childrenPerHousehold: householdsToday && filledPlaces !== null ? filledPlaces / householdsToday : null,
    inhouseShare: fosterChildren && filledPlaces !== null ? Math.min(1, filledPlaces / fosterChildren) : null,
    membersWithHouseholds, members, borrowed,
  };
}

export interface CarerRow {
  scope_code: string;
  year: number;
  scenario: string;
  foster_demand_mean: number | null;
  inhouse_children: number | null;
  households_needed: number | null;
  households_needed_hi80: number | null;
  households_today: number | null;
  deregistrations_expected: number | null;
  recruitment_needed: number | null;
  recruitment_needed_hi80: number | null;
  recruitment_today: number | null;
  recruitment_gap: number | null;
  /** Net growth in households for all foster children (in-house and agency). */
  net_additional_households_all: number | null;
  basis: string;
}

/**
 * Households to recruit each forecast year.
 * `demand` is the foster demand path (mean and 90% quantile, i.e. the upper 80% bound) by year,
 * first year = the year after `rates.placesYear`; `fosterNow` is the area's children in foster
 * placements at the origin (all members), the starting point of the households path.
 * @throws never.
 */
export function fosterCarersNeeded(scope: MarketArea, rates: FosterRates, demand: ReadonlyArray<{ year: number; mean: number; hi80: number }>, scenario = "base", fosterNow: number | null = null): CarerRow[] {
  const ok = rates.childrenPerHousehold !== null && rates.childrenPerHousehold > 0 && rates.inhouseShare !== null && rates.deregistrationRate !== null && rates.householdsToday !== null;
  const basis = ok
    ? `in-house share ${(100 * rates.inhouseShare!).toFixed(0)}% of foster children (${rates.placesYear}); ${rates.childrenPerHousehold!.toFixed(2)} children per household; deregistration ${(100 * rates.deregistrationRate!).toFixed(1)}% of households a year and ${rates.approvalsPerYear ?? "no"} approvals (${rates.householdsYear}, Ofsted, incl. family and friends carers)${rates.borrowed.length ? `; England's ${rates.borrowed.join(" and ")}` : ""}`
    : "not computed: in-house places, households or rates are missing for this area";
  const out: CarerRow[] = [];
  // The starting point covers the whole area: its foster children at the origin (members
  // without in-house figures taken at the reporting members' in-house share).
  const start = ok && fosterNow !== null ? (fosterNow * rates.inhouseShare!) / rates.childrenPerHousehold! : rates.householdsToday;
  let previous = start, previousHi = start;
  let previousAll = ok ? (fosterNow ?? rates.fosterChildren ?? NaN) / rates.childrenPerHousehold! : null;
  if (previousAll !== null && !Number.isFinite(previousAll)) previousAll = null;
  for (const d of demand) {
    if (!ok) {
      out.push({ scope_code: scope.code, year: d.year, scenario, foster_demand_mean: d.mean, inhouse_children: null, households_needed: null, households_needed_hi80: null, households_today: start, deregistrations_expected: null, recruitment_needed: null, recruitment_needed_hi80: null, recruitment_today: rates.approvalsPerYear, recruitment_gap: null, net_additional_households_all: null, basis });
      continue;
    }
    const cph = rates.childrenPerHousehold!, share = rates.inhouseShare!, dereg = rates.deregistrationRate!;
    const inhouse = d.mean * share;
    const needed = inhouse / cph, neededHi = (d.hi80 * share) / cph;
    const deregs = dereg * previous!;
    const recruit = Math.max(0, needed - previous!) + deregs;
    const recruitHi = Math.max(0, neededHi - previousHi!) + dereg * previousHi!;
    const all = d.mean / cph;
    out.push({
      scope_code: scope.code, year: d.year, scenario, foster_demand_mean: d.mean, inhouse_children: inhouse,
      households_needed: needed, households_needed_hi80: neededHi, households_today: start,
      deregistrations_expected: deregs, recruitment_needed: recruit, recruitment_needed_hi80: recruitHi,
      recruitment_today: rates.approvalsPerYear, recruitment_gap: rates.approvalsPerYear !== null ? recruit - rates.approvalsPerYear : null,
      net_additional_households_all: previousAll !== null ? all - previousAll : null, basis,
    });
    previous = needed; previousHi = neededHi; previousAll = all;
  }
  return out;
}

export const CARER_COLUMNS = ["scope_code", "year", "scenario", "foster_demand_mean", "inhouse_children", "households_needed", "households_needed_hi80", "households_today", "deregistrations_expected", "recruitment_needed", "recruitment_needed_hi80", "recruitment_today", "recruitment_gap", "net_additional_households_all", "basis"] as const;
