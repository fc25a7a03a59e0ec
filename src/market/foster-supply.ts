/**
 * Fostering supply of an area, simulated: the in-house approved places of its member LAs
 * (each projected by SupplyModel.fosterPaths) plus the foster placements not with in-house
 * carers (agency, kinship and other LAs' carers: the LA's children in foster placements at
 * 31 March less its in-house places filled, same year), held at that level. An LA with no
 * in-house places figure (services that report jointly, e.g. the London Tri-borough) counts
 * with its foster children as supply (no spare places) and is named in the notes.
 *
 * Reference: market-types.ts (what fostering supply is); Ofsted fostering data via LAIT.
 */
import { TOTAL } from "../reference/code-lists.ts";
import type { MarketData } from "./market-data.ts";
import { areaMembers, type MarketArea } from "./market-area.ts";
import type { SupplyModel } from "./supply-projection.ts";

export interface FosterSupply {
  /** Samples of foster places available at step 1..H: index (step - 1) * samples + s. */
  samples: Float64Array;
  /** Observed supply at the origin (approved in-house + not in-house). */
  atOrigin: number;
  /** Places per in-house household (for carers recruited in scenarios), England's where the area has none. */
  placesPerHousehold: number | null;
  missing: string[];
  flat: string[];
}

/**
 * Foster supply samples of a scope for steps 1..H of the model.
 * @throws never.
 */
export function fosterSupply(data: MarketData, model: SupplyModel, scope: MarketArea): FosterSupply {
  const H = model.horizon, N = model.samples, year = model.origin;
  const samples = new Float64Array(H * N);
  let atOrigin = 0;
  const missing: string[] = [], flat: string[] = [];
  for (const la of areaMembers(scope, year)) {
    const children = data.la("cla_31_march", la.oldCode, year, { placement_type: "foster", age_band: TOTAL }).value;
    const filled = data.la("foster_places_filled", la.oldCode, year).value;
    const approved = data.la("foster_places_approved", la.oldCode, year).value;
    const paths = model.fosterPaths(la.oldCode);
    if (children === null) { missing.push(la.name); continue; }
    if (paths === null || filled === null || approved === null) {
      flat.push(la.name);
      atOrigin += children;
      for (let k = 0; k < samples.length; k++) samples[k] += children;
      continue;
    }
    const other = Math.max(0, children - filled);
    atOrigin += approved + other;
    for (let s = 0; s < N; s++) for (let t = 0; t < H; t++) samples[t * N + s] += paths[s * H + t] + other;
  }
  let households = 0, places = 0;
  for (const la of areaMembers(scope, year)) {
    const y = data.years("foster_households_inhouse", la.oldCode).at(-1);
    if (y === undefined) continue;
    const h = data.la("foster_households_inhouse", la.oldCode, y).value, p = data.la("foster_places_approved", la.oldCode, y).value;
    if (h !== null && p !== null && h > 0) { households += h; places += p; }
  }
  return { samples, atOrigin, placesPerHousehold: households > 0 ? places / households : null, missing, flat };
}
