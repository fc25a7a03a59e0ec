/**
 * Where children live versus where places are, for the areas of a market analysis: the
 * flows of placementFlows (market/placement-flows.ts, the one computation of imports,
 * exports, net gain and their bounds) as the rows of flows.csv and the report, with the
 * children living in the area (own children + net gain, exact for any group of LAs) and a
 * sentence on what the figures can say.
 *
 * Reference: DfE "Children looked after in England including adoptions", LA of placement
 * and net gain tables; placement-flows.ts for the bounds.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { MarketArea } from "./market-area.ts";
import type { MarketScope } from "./market-scope.ts";
import { placementFlows } from "./placement-flows.ts";

export interface FlowRow {
  scope_code: string;
  year: number;
  /** Children looked after by the area's LAs at 31 March (members with figures). */
  own_children: number | null;
  /** Own children plus net gain: children looked after (by any English LA) living in the area. */
  children_living_in_area: number | null;
  net_gain: number | null;
  exports_low: number | null;
  exports_high: number | null;
  imports_low: number | null;
  imports_high: number | null;
  /** Share (0-1) of the children living in the area who are its own. */
  share_own_low: number | null;
  share_own_high: number | null;
  /** Members with every figure used, of all members. */
  members_complete: number;
  members: number;
  basis: string;
}

const FLOW_MEASURES = new Set(["cla_31_march", "placed_outside_la", "cla_placed_in_la_by_other_las", "cla_net_gain"]);

/**
 * The rows placementFlows reads (LA totals of four measures), so each area's call scans a
 * few thousand rows, not the whole dataset.
 * @example flowRowsOf(rows).every((r) => r.geographic_level === "Local authority") // true
 */
export function flowRowsOf(rows: readonly DatasetRow[]): DatasetRow[] {
  return rows.filter((r) => r.geographic_level === "Local authority" && FLOW_MEASURES.has(r.measure) && (r.measure !== "cla_31_march" || (r.dims.placement_type === "total" && r.dims.age_band === "total")));
}

/** The supply-panel scope of a market area. */
export function panelScope(area: MarketArea): MarketScope {
  if (area.kind === "england") return { kind: "england" };
  if (area.kind === "region") return { kind: "region", code: area.code };
  if (area.kind === "la") return { kind: "las", codes: [area.code] };
  return { kind: "footprint", footprint: area.footprint };
}

/**
 * flows.csv rows of one area, every year with figures.
 * @throws Error for an unknown LA in a footprint (parseFootprints reports those first).
 * @example areaFlows(flowRowsOf(rows), laArea("352"))[0].exports_low
 */
export function areaFlows(flowRows: readonly DatasetRow[], area: MarketArea): FlowRow[] {
  return placementFlows(flowRows, panelScope(area)).map((f) => {
    const living = f.childrenLookedAfter + f.netGain;
    return {
      scope_code: area.code, year: f.year, own_children: f.childrenLookedAfter, children_living_in_area: living, net_gain: f.netGain,
      exports_low: f.placedOutside.low, exports_high: f.placedOutside.high, imports_low: f.placedInByOthers.low, imports_high: f.placedInByOthers.high,
      share_own_low: Number.isFinite(f.shareLivingHereWhoAreOwn.low) ? f.shareLivingHereWhoAreOwn.low : null,
      share_own_high: Number.isFinite(f.shareLivingHereWhoAreOwn.high) ? f.shareLivingHereWhoAreOwn.high : null,
      members_complete: f.membersWithData, members: f.members,
      basis: area.kind === "england"
        ? "England: every move between LAs is inside England, and placements outside England are not published, so these bounds say little."
        : f.placedOutside.exact
          ? "One LA: exports are its children placed outside its boundary, imports the children other LAs placed in it (DfE)."
          : "Group of LAs: moves between members are not published, so exports and imports are bounds; the net gain and the children living in the area are exact.",
    };
  });
}

/**
 * Flows of every area.
 * @throws as areaFlows.
 */
export function areaFlowsTable(rows: readonly DatasetRow[], areas: readonly MarketArea[]): FlowRow[] {
  const flowRows = flowRowsOf(rows);
  return areas.flatMap((a) => areaFlows(flowRows, a));
}

/** The latest year in which an area has flows (the year the gap text quotes), or null. */
export function latestCompleteFlows(rows: readonly FlowRow[], scopeCode: string): FlowRow | null {
  const mine = rows.filter((r) => r.scope_code === scopeCode && r.children_living_in_area !== null);
  return mine.length ? mine.reduce((a, b) => (b.year > a.year ? b : a)) : null;
}

export const FLOW_COLUMNS = ["scope_code", "year", "own_children", "children_living_in_area", "net_gain", "exports_low", "exports_high", "imports_low", "imports_high", "share_own_low", "share_own_high", "members_complete", "members", "basis"] as const;
