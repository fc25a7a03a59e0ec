/**
 * The areas a market analysis covers: England, a region, a footprint (any grouping of LAs
 * read from a footprint file) or one LA, each with its member LAs in any year (across
 * boundary changes, via membersInYear) and the regions it lies in. A scope is parsed from
 * the same words `suff report` takes: `england`, `region:CODE`, `footprint:CODE`,
 * `la:CODE`, `all-las`, `all-regions`, `all-footprints`, or several joined by commas.
 *
 * Reference: DOMAIN.md section 1 (footprints are data) and section 4 (boundary changes).
 */
import type { Footprint, FootprintSet } from "../spec/footprint.ts";
import type { ReportScope } from "../spec/report.ts";
import { SuffError } from "../spec/errors.ts";
import { findLa, lasInYear, LOCAL_AUTHORITIES, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { membersInYear } from "../aggregate/members-in-year.ts";

export interface MarketArea {
  kind: "england" | "region" | "footprint" | "la";
  /** England or region ONS code, footprint code, or the LA's old (3-digit) DfE code. */
  code: string;
  name: string;
  /** The scope as a footprint (members by ONS code, including abolished predecessors). */
  footprint: Footprint;
  /** Codes of the regions the scope lies in (every region for England). */
  regions: string[];
}

const memberCache = new WeakMap<MarketArea, Map<number, LocalAuthority[]>>();

/**
 * The member LAs of a scope in a year (ending 31 March), each once.
 * @throws never (an unknown member code throws earlier, in parseFootprints).
 * @example areaMembers(englandArea(), 2025).length // 153
 */
export function areaMembers(scope: MarketArea, year: number): LocalAuthority[] {
  let byYear = memberCache.get(scope);
  if (!byYear) memberCache.set(scope, (byYear = new Map()));
  let members = byYear.get(year);
  if (!members) {
    members = scope.kind === "england" ? lasInYear(year) : membersInYear(scope.footprint, year).members;
    byYear.set(year, members);
  }
  return members;
}

/** England as a scope. @example englandArea().code // "E92000001" */
export function englandArea(): MarketArea {
  return { kind: "england", code: ENGLAND.code, name: ENGLAND.name, footprint: { code: ENGLAND.code, name: ENGLAND.name, members: LOCAL_AUTHORITIES.map((la) => la.newCode) }, regions: REGIONS.map((r) => r.code) };
}

/** A region as a scope. @throws SuffError E_SCOPE for an unknown region. @example regionArea("E12000002").name // "North West" */
export function regionArea(codeOrName: string): MarketArea {
  const region = REGIONS.find((r) => r.code.toLowerCase() === codeOrName.toLowerCase() || r.name.toLowerCase() === codeOrName.toLowerCase());
  if (!region) throw new SuffError("E_SCOPE", `Unknown region ${codeOrName}.`, { hint: `Use one of ${REGIONS.map((r) => r.code).join(", ")}.` });
  const members = LOCAL_AUTHORITIES.filter((la) => la.regionCode === region.code).map((la) => la.newCode);
  return { kind: "region", code: region.code, name: region.name, footprint: { code: region.code, name: region.name, members }, regions: [region.code] };
}

/** An LA as a scope (old or ONS code). @throws SuffError E_SCOPE for an unknown LA. @example laArea("352").name // "Manchester" */
export function laArea(code: string): MarketArea {
  const la = findLa(code);
  if (!la) throw new SuffError("E_SCOPE", `Unknown LA ${code}.`, { hint: "Use the old 3-digit DfE code or the ONS code, e.g. la:352 or la:E08000003." });
  return { kind: "la", code: la.oldCode, name: la.name, footprint: { code: la.oldCode, name: la.name, members: [la.newCode] }, regions: [la.regionCode] };
}

/** A footprint as a scope; its regions are those of its members. @example footprintArea({ code: "F", name: "F", members: ["E08000003"] }).regions // ["E12000002"] */
export function footprintArea(footprint: Footprint): MarketArea {
  const regions = [...new Set(footprint.members.map((m) => findLa(m)?.regionCode).filter((r): r is string => r !== undefined))].sort();
  return { kind: "footprint", code: footprint.code, name: footprint.name, footprint, regions };
}

/**
 * Parse a scope list (`england`, `region:CODE`, `footprint:CODE`, `la:CODE`, `all-las`,
 * `all-regions`, `all-footprints`, `all` = England, the regions and every LA; several joined
 * by commas). LAs are those that existed in `year`.
 * @throws SuffError E_SCOPE (exit 2) for an unknown scope, region, LA or footprint.
 * @example marketAreas("england,region:E12000002", { year: 2025 }).map((s) => s.code) // ["E92000001", "E12000002"]
 */
export function marketAreas(text: string, options: { year: number; footprints?: FootprintSet }): MarketArea[] {
  const out: MarketArea[] = [];
  const seen = new Set<string>();
  const add = (s: MarketArea) => { const key = `${s.kind}:${s.code}`; if (!seen.has(key)) { seen.add(key); out.push(s); } };
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    if (part === "all" || part === "england") add(englandArea());
    if (part === "all" || part === "all-regions") for (const r of REGIONS) add(regionArea(r.code));
    if (part === "all" || part === "all-las") for (const la of lasInYear(options.year)) add(laArea(la.oldCode));
    if (part === "all-footprints") {
      if (!options.footprints) throw new SuffError("E_SCOPE", "all-footprints needs --footprints FILE.");
      for (const f of options.footprints.footprints) add(footprintArea(f));
    }
    if (["all", "england", "all-regions", "all-las", "all-footprints"].includes(part)) continue;
    const [kind, code = ""] = part.split(":");
    if (kind === "region") add(regionArea(code));
    else if (kind === "la") add(laArea(code));
    else if (kind === "footprint") {
      const f = options.footprints?.footprints.find((x) => x.code === code);
      if (!f) throw new SuffError("E_SCOPE", `Unknown footprint ${code}.`, { hint: options.footprints ? `Footprints in ${options.footprints.source}: ${options.footprints.footprints.map((x) => x.code).join(", ")}.` : "Pass --footprints FILE." });
      add(footprintArea(f));
    } else throw new SuffError("E_SCOPE", `Unknown scope ${part}.`, { hint: "Use england, region:CODE, footprint:CODE (with --footprints), la:CODE, all-las, all-regions, all-footprints or all." });
  }
  if (!out.length) throw new SuffError("E_SCOPE", "No scope given.", { hint: "e.g. --scope england or --scope footprint:GMCA" });
  return out;
}

/**
 * The market scope of a report scope (same codes: LA old code, region, footprint, England).
 * @throws SuffError E_SCOPE when a footprint is not in `footprints`.
 * @example areaOfReport({ kind: "la", code: "805", name: "Hartlepool" }).footprint.members // ["E06000001"]
 */
export function areaOfReport(scope: ReportScope, footprints?: FootprintSet | null): MarketArea {
  if (scope.kind === "england") return englandArea();
  if (scope.kind === "region") return regionArea(scope.code);
  if (scope.kind === "la") return laArea(scope.code);
  const f = footprints?.footprints.find((x) => x.code === scope.code);
  if (!f) throw new SuffError("E_SCOPE", `Unknown footprint ${scope.code}.`);
  return footprintArea(f);
}
