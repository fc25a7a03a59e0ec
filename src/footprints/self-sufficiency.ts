/**
 * Self-sufficiency of a footprint from LA figures alone: how many of its own children are
 * placed inside it, and the flows to and from the rest of England.
 *
 * DfE publishes, per LA, the children it placed outside its boundary ("exports"), split by
 * distance (20 miles or less, more), and the children other LAs placed inside it
 * ("imports"), but no LA-to-LA flows. For a group of LAs the moves between members
 * ("internal moves", M) are therefore unknown and only bounded:
 *
 *  - low: 0 (every export leaves the footprint);
 *  - high: no member can place into itself, so member i can send at most
 *    min(E_i, I_F - I_i) to the others, and member j receive at most min(I_j, E_F - E_j):
 *    M <= min(sum_i min(E_i, I_F - I_i), sum_j min(I_j, E_F - E_j)). A single LA has M = 0.
 *
 * The estimate (the `value`): children placed outside their LA but within 20 miles of home are
 * taken to be in a neighbouring member as far as the members take children in, so
 * M = min(high, sum of members' exports within 20 miles). Children placed more than 20 miles
 * away are taken to leave. The estimate does not know the map: a footprint whose members are
 * not neighbours gets the same credit as one whose members are; the bounds always hold.
 *
 * Reference: DfE "Children looked after in England", LA of placement and net gain tables and
 * placements by locality and distance; market/placement-flows.ts for the bounds without the
 * no-self-placement constraint.
 */

/** One member LA's figures in the flow year. */
export interface MemberFlows {
  /** Children looked after at 31 March. */
  children: number;
  /** Own children placed outside the LA's boundary. */
  exports: number;
  /** Of those, placed 20 miles or less from home (null when not known). */
  exportsNear: number | null;
  /** Children of other LAs placed inside the LA. */
  imports: number;
}

export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

export interface FootprintFlows {
  members: number;
  children: number;
  /** Moves between members. */
  internal: Estimate;
  /** Own children placed inside the footprint (in their own LA or another member). */
  ownInside: Estimate;
  /** Share (0-1) of own children placed inside the footprint. */
  ownInsideShare: Estimate;
  /** Own children placed outside the footprint (flows to the rest of England and beyond). */
  exportsOut: Estimate;
  /** Children of LAs outside the footprint placed inside it. */
  importsIn: Estimate;
}

/**
 * Flows of a footprint from its members' figures (see the module comment for the method).
 * @throws never; an empty member list gives zeros.
 * @example footprintFlows([{ children: 100, exports: 40, exportsNear: 40, imports: 40 }, { children: 100, exports: 40, exportsNear: 40, imports: 40 }]).ownInsideShare.value // 1
 */
export function footprintFlows(members: readonly MemberFlows[]): FootprintFlows {
  let children = 0, exports = 0, imports = 0, near = 0;
  for (const m of members) { children += m.children; exports += m.exports; imports += m.imports; near += Math.min(m.exports, m.exportsNear ?? 0); }
  let sendable = 0, receivable = 0;
  for (const m of members) {
    sendable += Math.min(m.exports, Math.max(0, imports - m.imports));
    receivable += Math.min(m.imports, Math.max(0, exports - m.exports));
  }
  const high = members.length > 1 ? Math.max(0, Math.min(sendable, receivable)) : 0;
  const value = Math.min(high, near);
  const internal = { value, lower: 0, upper: high };
  const insideOwnLa = children - exports;
  const ownInside = { value: insideOwnLa + value, lower: insideOwnLa, upper: insideOwnLa + high };
  const share = (x: number) => (children > 0 ? x / children : Number.NaN);
  return {
    members: members.length,
    children,
    internal,
    ownInside,
    ownInsideShare: { value: share(ownInside.value), lower: share(ownInside.lower), upper: share(ownInside.upper) },
    exportsOut: { value: exports - value, lower: exports - high, upper: exports },
    importsIn: { value: imports - value, lower: imports - high, upper: imports },
  };
}
