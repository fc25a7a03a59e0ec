/**
 * How full registered children's homes are with children looked after by English LAs:
 * England's children in secure homes and children's homes at 31 March (DfE) divided by
 * England's registered places in children's homes, residential special schools registered
 * as children's homes and secure children's homes (Ofsted, same date). It is a use rate,
 * not Ofsted's occupancy: the places also serve children from Wales and Scotland, short
 * breaks for children who are not looked after, and places that cannot be used for a match;
 * so the spare places it implies (places x (1 − rate)) are an upper bound on usable spare
 * capacity. The stress test and the "difficult to replace" screen use it to turn places into
 * children.
 *
 * Reference: DfE "Children looked after in England including adoptions" (placement at 31
 * March); Ofsted "Children's social care data in England" (places at 31 March).
 */
import { TOTAL } from "../reference/code-lists.ts";
import type { MarketData } from "./market-data.ts";
import { englandArea } from "./market-area.ts";
import { CHILDRENS_HOME_PROVISION } from "./market-types.ts";
import { placesOf } from "./supply-table.ts";

export interface Occupancy {
  year: number;
  children: number;
  places: number;
  /** children / places. */
  rate: number;
  basis: string;
}

/**
 * The use rate in the latest year with both figures, at or before `year`; null when none.
 * @throws never.
 * @example childrensHomeOccupancy(data, 2025)?.rate // about 0.6
 */
export function childrensHomeOccupancy(data: MarketData, year: number): Occupancy | null {
  const england = englandArea();
  for (let y = year; y >= year - 10; y--) {
    let children = data.national("cla_31_march", y, { placement_type: "secure_and_childrens_homes", age_band: TOTAL }).value;
    if (children === null) continue;
    const places = placesOf(data, england, y, CHILDRENS_HOME_PROVISION);
    if (places === null || !(places > 0)) continue;
    children = Math.min(children, places);
    return {
      year: y, children, places, rate: children / places,
      basis: `England, 31 March ${y}: ${children.toLocaleString("en-GB")} children looked after in secure homes and children's homes (DfE) per ${places.toLocaleString("en-GB")} registered places in children's homes, residential special schools registered as children's homes and secure children's homes (Ofsted)`,
    };
  }
  return null;
}
