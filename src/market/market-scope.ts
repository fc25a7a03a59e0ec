/**
 * The area a market analysis covers: England, a region, a footprint (any grouping of LAs,
 * read from a file) or a list of LAs. Its member LAs are worked out year by year so that a
 * series follows boundary changes (Dorset 2019, Northamptonshire 2021, Cumbria 2023)
 * without breaking or double counting.
 */
import type { Footprint } from "../spec/footprint.ts";
import { findLa, lasInYear, type LocalAuthority } from "../reference/las.ts";
import { membersInYear } from "../aggregate/members-in-year.ts";

export type MarketScope =
  | { kind: "england" }
  | { kind: "region"; code: string }
  | { kind: "footprint"; footprint: Footprint }
  /** LAs by old (3-digit) or ONS code. */
  | { kind: "las"; codes: string[] };

/**
 * The member LAs of a scope in a year (ending 31 March).
 * @throws Error for an LA code that is not known (a programmer or input error the caller reports).
 * @example scopeMembers({ kind: "las", codes: ["805"] }, 2025).map((la) => la.name) // ["Hartlepool"]
 */
export function scopeMembers(scope: MarketScope, year: number): LocalAuthority[] {
  switch (scope.kind) {
    case "england":
      return lasInYear(year);
    case "region":
      return lasInYear(year).filter((la) => la.regionCode === scope.code);
    case "footprint":
      return membersInYear(scope.footprint, year).members;
    case "las": {
      const footprint: Footprint = { code: "las", name: "LAs", members: scope.codes.map((c) => {
        const la = findLa(c);
        if (!la) throw new Error(`scopeMembers: unknown LA code ${c}`);
        return la.newCode;
      }) };
      return membersInYear(footprint, year).members;
    }
  }
}

/**
 * A short label for a scope (for notes and tables).
 * @example scopeLabel({ kind: "region", code: "E12000002" }) // "region E12000002"
 */
export function scopeLabel(scope: MarketScope): string {
  return scope.kind === "england" ? "England" : scope.kind === "region" ? `region ${scope.code}` : scope.kind === "footprint" ? `footprint ${scope.footprint.code}` : `LAs ${scope.codes.join(", ")}`;
}

/** The year ending 31 March a dataset row refers to (calendar-year snapshots such as September 2014 count in their own year). */
export function rowYear(timePeriod: string): number {
  return Number(timePeriod.slice(0, 4));
}
