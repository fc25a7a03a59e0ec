/**
 * The nine regions and England as footprint sets, derived from the reference data (every
 * LA that ever reported, with its region) rather than hard-coded membership lists. Members
 * include abolished LAs (e.g. Northamptonshire), so each year resolves to exactly the LAs
 * that reported that year (see membersInYear).
 */
import type { FootprintSet } from "../spec/footprint.ts";
import { LOCAL_AUTHORITIES } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";

/**
 * The built-in footprint set for `to`: one footprint per region, or one for England.
 * @throws Error for any other `to` (a programmer error).
 * @example builtInFootprints("region").footprints.length // 9
 * @example builtInFootprints("england").footprints[0].code // "E92000001"
 */
export function builtInFootprints(to: "region" | "england"): FootprintSet {
  if (to === "england") {
    return { source: "england", footprints: [{ code: ENGLAND.code, name: ENGLAND.name, members: LOCAL_AUTHORITIES.map((la) => la.newCode) }] };
  }
  if (to !== "region") throw new Error(`builtInFootprints: unknown set ${String(to)}`);
  return {
    source: "regions",
    footprints: REGIONS.map((region) => ({
      code: region.code,
      name: region.name,
      members: LOCAL_AUTHORITIES.filter((la) => la.regionCode === region.code).map((la) => la.newCode),
    })),
  };
}
