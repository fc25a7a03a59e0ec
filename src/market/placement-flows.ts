/**
 * Where an area's children live versus where its places are, from DfE's LA-of-placement
 * figures (children looked after at 31 March): for each year, the area's own children
 * looked after, those placed outside it ("exports"), children of other areas placed in it
 * ("imports"), its net gain, and the share of the children living in the area who are its
 * own.
 *
 * What published LA-level data can and cannot give:
 *  - For one LA every figure is exact (DfE publishes them per LA).
 *  - For several LAs together, DfE publishes no LA-to-LA flows, so a child placed by one
 *    member in another member counts as an export of the first and an import of the
 *    second, and cannot be told apart from a child who leaves the area. Exact for any
 *    area: the net gain (sum of the members' net gains: internal moves cancel) and the
 *    number of the area's own children looked after. Bounded only: exports lie between
 *    max(0, sum of exports - sum of imports) and the sum of exports; imports between
 *    max(0, sum of imports - sum of exports) and the sum of imports (their difference is
 *    always the net gain); the share of children living in the area who are its own
 *    follows from them.
 *  - "Share of its places used by its own children": published data do not link children
 *    to Ofsted-registered places (and most children live with foster carers, whose places
 *    are not registered places), so the share is of children living in the area, all
 *    placement types together, not of registered places.
 *  - Years: exports 2010-2025; imports and net gain 2011-2022 (the 2023 and later
 *    releases in the project's data do not give them), so flows are given for 2011-2022.
 *    Exports are taken as imports minus net gain where DfE gives both, so that the three
 *    figures come from one release (a later release may revise placed_outside_la).
 *
 * Reference: DfE, Children looked after in England including adoptions: LA of placement
 * and net gain (la_cla_on_31_march_la_of_placement_net_gain), and the 2011-2019
 * underlying data (CLA_ExtPl, CLA_Outbound, CLA_NetGain).
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { rowYear, scopeMembers, type MarketScope } from "./market-scope.ts";

/** A figure with bounds: exact when low equals high. */
export interface Bounded {
  low: number;
  high: number;
  exact: boolean;
}

export interface PlacementFlowRow {
  year: number;
  members: number;
  /** Members with every figure needed that year (the others are left out of every sum). */
  membersWithData: number;
  childrenLookedAfter: number;
  /** Own children placed outside the area. */
  placedOutside: Bounded;
  /** Children of other areas placed inside the area. */
  placedInByOthers: Bounded;
  /** Imports minus exports (exact). */
  netGain: number;
  /** Own children placed inside the area. */
  ownPlacedInside: Bounded;
  /** Share (0-1) of children living in the area (own inside + imports) who are the area's own. */
  shareLivingHereWhoAreOwn: Bounded;
}

const MEASURES = ["cla_31_march", "placed_outside_la", "cla_placed_in_la_by_other_las", "cla_net_gain"] as const;

function isTotalRow(r: DatasetRow): boolean {
  return r.measure === "cla_31_march" ? r.dims.placement_type === TOTAL && r.dims.age_band === TOTAL : r.measure === "placed_outside_la" ? r.dims.placement_type === TOTAL : true;
}

/**
 * Flows of children for a scope, per year where every member has the figures.
 * @throws Error for an unknown LA in a footprint or LA list.
 * @example placementFlows(rows, { kind: "las", codes: ["352"] }).find((r) => r.year === 2022)?.netGain // -329 (Manchester)
 */
export function placementFlows(rows: readonly DatasetRow[], scope: MarketScope): PlacementFlowRow[] {
  const byYear = new Map<number, Map<string, Partial<Record<(typeof MEASURES)[number], number>>>>();
  for (const r of rows) {
    if (r.geographic_level !== "Local authority" || r.value === null || r.time_identifier !== "Reporting year") continue;
    if (!(MEASURES as readonly string[]).includes(r.measure) || !isTotalRow(r)) continue;
    const year = rowYear(r.time_period);
    const las = byYear.get(year) ?? new Map();
    const figures = las.get(r.old_la_code) ?? {};
    figures[r.measure as (typeof MEASURES)[number]] = r.value;
    las.set(r.old_la_code, figures);
    byYear.set(year, las);
  }
  const out: PlacementFlowRow[] = [];
  for (const [year, las] of [...byYear].sort(([a], [b]) => a - b)) {
    const members = scopeMembers(scope, year);
    let cla = 0, exports = 0, imports = 0, net = 0, withData = 0;
    for (const la of members) {
      const f = las.get(la.oldCode);
      if (!f || f.cla_31_march === undefined || f.cla_placed_in_la_by_other_las === undefined || (f.placed_outside_la === undefined && f.cla_net_gain === undefined)) continue;
      withData++;
      // Where DfE gives the net gain, exports are imports minus net gain (the three from one
      // release agree; placed_outside_la may come from a later, revised release).
      const out = f.cla_net_gain !== undefined ? f.cla_placed_in_la_by_other_las - f.cla_net_gain : f.placed_outside_la!;
      cla += f.cla_31_march;
      exports += out;
      imports += f.cla_placed_in_la_by_other_las;
      net += f.cla_placed_in_la_by_other_las - out;
    }
    if (withData === 0) continue;
    const exact = members.length === 1 || scope.kind === "las" && members.length === 1;
    const outside: Bounded = exact ? { low: exports, high: exports, exact: true } : { low: Math.max(0, exports - imports), high: exports, exact: false };
    const inside: Bounded = exact ? { low: imports, high: imports, exact: true } : { low: Math.max(0, imports - exports), high: imports, exact: false };
    const own: Bounded = { low: cla - outside.high, high: cla - outside.low, exact };
    // Share own / (own + imports): rises with own inside, falls with imports; the two move
    // together (own inside = cla - exports; imports = exports + net), so the extremes are at the bounds.
    const share = (o: number, i: number) => (o + i > 0 ? o / (o + i) : NaN);
    const a = share(own.high, inside.low);
    const b = share(own.low, inside.high);
    out.push({
      year, members: members.length, membersWithData: withData, childrenLookedAfter: cla,
      placedOutside: outside, placedInByOthers: inside, netGain: net, ownPlacedInside: own,
      shareLivingHereWhoAreOwn: { low: Math.min(a, b), high: Math.max(a, b), exact },
    });
  }
  return out;
}
