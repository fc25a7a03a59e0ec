/**
 * Builds the Hierarchy (summing structure) for reconciliation from footprint definitions:
 * LA -> footprint -> England, optionally crossed with one dimension (placement type, age
 * band, ...) to give a grouped structure (Hyndman & Athanasopoulos, *FPP3* section 11.1,
 * "grouped time series"). Series ids are `<geography>` or `<geography>|<dimension value>`,
 * where geography is an LA code, a footprint code or the England code.
 */
import type { FootprintSet } from "../spec/footprint.ts";
import type { Hierarchy } from "../spec/forecast.ts";

export const ENGLAND_CODE = "E92000001";

export interface HierarchyOptions {
  /** Bottom-level LA codes (the LAs with series). */
  las: string[];
  /** Footprints between LA and England; members not in `las` are ignored, empty footprints dropped. */
  footprints?: FootprintSet;
  /** Values of a crossed dimension (leaf codes, no "total"). */
  dimensionValues?: string[];
  /** Id of the top (default E92000001). */
  top?: string;
  /** With a dimension: keep only the LA x value pairs for which this returns true (e.g. pairs with data). Aggregates left without members are dropped. */
  keep?: (la: string, value: string) => boolean;
}

/** The series id of a geography, crossed with a dimension value when given. @example seriesKey("E06000001", "foster_la") // "E06000001|foster_la" */
export function seriesKey(geography: string, dimensionValue?: string): string {
  return dimensionValue === undefined ? geography : `${geography}|${dimensionValue}`;
}

/**
 * The hierarchy LA -> footprint -> England (x dimension). Without a dimension the bottom is
 * the LAs; with one, the bottom is LA x value and the aggregates are LA totals, footprint x
 * value, footprint totals, England x value and the England total.
 * @throws Error when `las` is empty or has duplicates, or a footprint code equals an LA code.
 * @example hierarchy({ las: ["A", "B"], footprints: { source: "t", footprints: [{ code: "F", name: "F", members: ["A", "B"] }] } }).aggregates.map((a) => a.id) // ["E92000001", "F"]
 */
export function hierarchy(options: HierarchyOptions): Hierarchy {
  const las = options.las;
  if (las.length === 0) throw new Error("hierarchy: no LAs");
  const laSet = new Set(las);
  if (laSet.size !== las.length) throw new Error("hierarchy: duplicate LA codes");
  const top = options.top ?? ENGLAND_CODE;
  const groups: Array<{ code: string; members: string[] }> = [{ code: top, members: las }];
  for (const footprint of options.footprints?.footprints ?? []) {
    if (laSet.has(footprint.code) || footprint.code === top) throw new Error(`hierarchy: footprint code "${footprint.code}" clashes with another series`);
    const members = [...new Set(footprint.members)].filter((m) => laSet.has(m));
    if (members.length > 0) groups.push({ code: footprint.code, members });
  }
  const values = options.dimensionValues;
  if (!values || values.length === 0) {
    return { bottom: [...las], aggregates: groups.map((g) => ({ id: g.code, members: g.members })) };
  }
  const keep = options.keep ?? (() => true);
  const valuesOf = (la: string) => values.filter((v) => keep(la, v));
  const bottom = las.flatMap((la) => valuesOf(la).map((v) => seriesKey(la, v)));
  const aggregates: Hierarchy["aggregates"] = [];
  const add = (id: string, members: string[]) => { if (members.length > 0) aggregates.push({ id, members }); };
  for (const g of groups) {
    add(g.code, g.members.flatMap((la) => valuesOf(la).map((v) => seriesKey(la, v))));
    for (const v of values) add(seriesKey(g.code, v), g.members.filter((la) => keep(la, v)).map((la) => seriesKey(la, v)));
  }
  for (const la of las) add(la, valuesOf(la).map((v) => seriesKey(la, v)));
  return { bottom, aggregates };
}
