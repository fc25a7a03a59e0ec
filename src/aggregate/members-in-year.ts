/**
 * Which LAs make up a footprint in a given year, across boundary changes. A footprint is
 * defined once (usually with current codes) but a series runs over years in which other
 * LAs reported: for earlier years a footprint containing North and West Northamptonshire
 * must include Northamptonshire (928), and a footprint listing an abolished LA must use its
 * successors in later years. A change is followed only when the footprint holds the whole
 * of it (every predecessor going forward, every successor going back); otherwise the area
 * is split between this footprint and others and the year is flagged as not comparable,
 * rather than double counting the predecessor or dropping it.
 *
 * Reference: DOMAIN.md section 4 (boundary changes); src/reference/boundary-changes.ts.
 */
import type { Footprint } from "../spec/footprint.ts";
import { BOUNDARY_CHANGES, type BoundaryChange } from "../reference/boundary-changes.ts";
import { findLa, laValidIn, type LocalAuthority } from "../reference/las.ts";

export interface YearMembers {
  /** LAs that reported in the year and belong to the footprint, each once. */
  members: LocalAuthority[];
  /** Why the year is not comparable (empty when it is). */
  notComparable: string[];
}

const AREA_CHANGES = BOUNDARY_CHANGES.filter((c) => c.kind !== "recode");

function describe(codes: readonly string[]): string {
  return codes.map((c) => `${findLa(c)?.name ?? c} (${c})`).join(", ");
}

/**
 * The member LAs of `footprint` in `year` (year ending 31 March).
 * @throws Error when a member code is not a known LA (parseFootprints reports those first).
 * @example membersInYear({ code: "F", name: "Northants", members: ["E06000061", "E06000062"] }, 2021).members.map((la) => la.oldCode) // ["928"]
 */
export function membersInYear(footprint: Footprint, year: number): YearMembers {
  const area = new Set<string>();
  const start: LocalAuthority[] = [];
  for (const code of footprint.members) {
    const la = findLa(code);
    if (!la) throw new Error(`membersInYear: unknown LA code ${code} in footprint ${footprint.code}`);
    area.add(la.oldCode);
    start.push(la);
  }
  const members = new Map<string, LocalAuthority>();
  const reasons = new Set<string>();

  const follow = (change: BoundaryChange, direction: "forward" | "back", depth: number) => {
    const mustHold = direction === "forward" ? change.from : change.to;
    const next = direction === "forward" ? change.to : change.from;
    if (!mustHold.every((c) => area.has(c))) {
      const inside = mustHold.filter((c) => area.has(c));
      const outside = mustHold.filter((c) => !area.has(c));
      reasons.add(direction === "back"
        ? `before ${change.firstYear}, ${describe(inside)} reported as part of ${describe(change.from)}, which also covered ${describe(outside)} (not in this footprint)`
        : `from ${change.firstYear}, ${describe(inside)} reported as part of ${describe(change.to)}, which also cover ${describe(outside)} (not in this footprint)`);
      return;
    }
    for (const code of next) {
      const la = findLa(code);
      if (la) visit(la, depth + 1);
    }
  };

  const visit = (la: LocalAuthority, depth: number) => {
    if (depth > 8) throw new Error(`membersInYear: boundary change chain too long at ${la.oldCode}`);
    if (laValidIn(la, year)) {
      members.set(la.oldCode, la);
      return;
    }
    if (year > la.endYear) {
      for (const change of AREA_CHANGES.filter((c) => c.from.includes(la.oldCode) && c.firstYear <= year)) follow(change, "forward", depth);
    } else {
      for (const change of AREA_CHANGES.filter((c) => c.to.includes(la.oldCode) && c.firstYear > year)) follow(change, "back", depth);
    }
  };

  for (const la of start) visit(la, 0);
  return { members: [...members.values()], notComparable: [...reasons] };
}
