/**
 * The states of the stock-flow model: age band x placement group, plus "not looked after"
 * (absorbing: it accumulates exits, so the population is conserved apart from entries).
 * Age bands are the DfE bands by default (under 1, 1-4, 5-9, 10-15, 16+); placement groups
 * are the eight DfE published groups by default (fine template placement types roll up via
 * the PLACEMENT_TYPE tree), and can be regrouped by the user.
 *
 * Reference: DfE "Children looked after in England including adoptions" (age groups and
 * placement groups at 31 March); DOMAIN.md section 4.
 */
import { PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import { leafCodes, rootCodes, rootOf } from "../../reference/code-tree.ts";

export interface AgeBandDefinition {
  code: string;
  /** Age in whole years at which the band starts. */
  lowerAge: number;
}

export interface StateSpaceOptions {
  /** Bands in ascending order of lowerAge; the first must start at 0. Default: the DfE bands. */
  ageBands?: AgeBandDefinition[];
  /** Fine placement type code -> group code. Default: the PLACEMENT_TYPE root (DfE group). */
  placementGroups?: Record<string, string>;
}

export interface StateSpace {
  ageBands: string[];
  /** Lower ages of the bands (ascending, first 0). */
  lowerAges: number[];
  placementGroups: string[];
  /** Fine placement type code -> index into placementGroups. */
  groupOfType: Map<string, number>;
  /** Number of live states (bands x groups). The "not looked after" state is index `live`. */
  live: number;
  /** Total states including "not looked after". */
  size: number;
  /** State index of (band, group). */
  index(band: number, group: number): number;
  bandOf(state: number): number;
  groupOf(state: number): number;
}

export const NOT_LOOKED_AFTER = "not_looked_after";

/** The DfE age bands with their lower ages. */
export const DFE_AGE_BANDS: AgeBandDefinition[] = [
  { code: "under_1", lowerAge: 0 },
  { code: "1_to_4", lowerAge: 1 },
  { code: "5_to_9", lowerAge: 5 },
  { code: "10_to_15", lowerAge: 10 },
  { code: "16_plus", lowerAge: 16 },
];

/**
 * Build the state space.
 * @throws Error when bands are not ascending from 0 or a group mapping names an unknown placement type.
 * @example stateSpace().size // 41
 */
export function stateSpace(options: StateSpaceOptions = {}): StateSpace {
  const bands = options.ageBands ?? DFE_AGE_BANDS;
  if (bands.length === 0 || bands[0].lowerAge !== 0) throw new Error("stateSpace: the first age band must start at age 0");
  for (let b = 1; b < bands.length; b++) {
    if (!(bands[b].lowerAge > bands[b - 1].lowerAge)) throw new Error("stateSpace: age bands must be in ascending order");
  }
  for (const band of bands) if (band.code === "total") throw new Error("stateSpace: 'total' is reserved");
  const known = new Set(leafCodes(PLACEMENT_TYPE));
  const mapping = new Map<string, string>();
  if (options.placementGroups) {
    for (const [type, group] of Object.entries(options.placementGroups)) {
      if (!known.has(type)) throw new Error(`stateSpace: unknown placement type ${type}`);
      mapping.set(type, group);
    }
    for (const type of known) if (!mapping.has(type)) mapping.set(type, rootOf(PLACEMENT_TYPE, type));
  } else {
    for (const type of known) mapping.set(type, rootOf(PLACEMENT_TYPE, type));
  }
  const order = rootCodes(PLACEMENT_TYPE);
  const groups = [...new Set(mapping.values())].sort((a, b) => {
    const ia = order.indexOf(a), ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const groupOfType = new Map<string, number>();
  for (const [type, group] of mapping) groupOfType.set(type, groups.indexOf(group));
  // Parent codes (groups themselves) map to their own group when the default grouping is used.
  if (!options.placementGroups) for (const g of groups) groupOfType.set(g, groups.indexOf(g));
  const g = groups.length;
  const live = bands.length * g;
  return {
    ageBands: bands.map((b) => b.code),
    lowerAges: bands.map((b) => b.lowerAge),
    placementGroups: groups,
    groupOfType,
    live,
    size: live + 1,
    index: (band, group) => band * g + group,
    bandOf: (state) => Math.floor(state / g),
    groupOf: (state) => state % g,
  };
}

/** Index of the age band for an age in whole years. @throws never. @example bandOfAge(DFE_AGE_BANDS.map((b) => b.lowerAge), 7) // 2 */
export function bandOfAge(lowerAges: readonly number[], age: number): number {
  let band = 0;
  for (let b = 1; b < lowerAges.length; b++) if (age >= lowerAges[b]) band = b;
  return band;
}

