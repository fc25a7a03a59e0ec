import type { Hierarchy } from "../../spec/forecast.ts";

/**
 * The index form of a Hierarchy: every series (aggregates first, then bottom) with, for
 * each aggregate, the indices of the bottom series it sums. This is the summing matrix S of
 * Hyndman & Athanasopoulos, *FPP3* section 11.1, held sparsely, and the constraint matrix
 * C = [I  -A] (C y = 0 exactly when y is coherent).
 */
export interface HierarchyStructure {
  ids: string[];
  index: Map<string, number>;
  aggregateCount: number;
  bottomCount: number;
  /** For aggregate a (0..aggregateCount-1): positions in `ids` of its bottom members. */
  members: Int32Array[];
}

/**
 * Builds the index form of a hierarchy, checking it is well formed.
 * @throws Error on a duplicate id, an empty aggregate, or a member that is not a bottom series.
 * @example hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }).ids // ["t", "a", "b"]
 */
export function hierarchyStructure(hierarchy: Hierarchy): HierarchyStructure {
  const ids = [...hierarchy.aggregates.map((a) => a.id), ...hierarchy.bottom];
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new Error(`hierarchy: duplicate series id "${id}"`);
    index.set(id, i);
  });
  const aggregateCount = hierarchy.aggregates.length;
  const members = hierarchy.aggregates.map((a) => {
    if (a.members.length === 0) throw new Error(`hierarchy: aggregate "${a.id}" has no members`);
    return Int32Array.from(new Set(a.members), (m) => {
      const i = index.get(m);
      if (i === undefined || i < aggregateCount) throw new Error(`hierarchy: member "${m}" of "${a.id}" is not a bottom series`);
      return i;
    });
  });
  return { ids, index, aggregateCount, bottomCount: hierarchy.bottom.length, members };
}

/**
 * Overwrites every aggregate of y (length ids.length) with the sum of its bottom members.
 * @throws never.
 * @example Array.from(aggregateBottomUp(hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }), Float64Array.of(0, 2, 3))) // [5, 2, 3]
 */
export function aggregateBottomUp(structure: HierarchyStructure, y: Float64Array): Float64Array {
  for (let a = 0; a < structure.aggregateCount; a++) {
    let sum = 0;
    for (const j of structure.members[a]) sum += y[j];
    y[a] = sum;
  }
  return y;
}

/**
 * C y: for each aggregate, its value minus the sum of its members (zero when coherent).
 * @throws never.
 * @example Array.from(constraintResidual(hierarchyStructure({ bottom: ["a", "b"], aggregates: [{ id: "t", members: ["a", "b"] }] }), Float64Array.of(6, 2, 3))) // [1]
 */
export function constraintResidual(structure: HierarchyStructure, y: Float64Array): Float64Array {
  const out = new Float64Array(structure.aggregateCount);
  for (let a = 0; a < structure.aggregateCount; a++) {
    let sum = y[a];
    for (const j of structure.members[a]) sum -= y[j];
    out[a] = sum;
  }
  return out;
}
