/**
 * Forecasts under the same disclosure rule as the tables, for publication (`suff forecast
 * --dataset ... --publish`). A forecast of a cell is its latest figure carried forward
 * (rates, shares), so a forecast of a cell that is suppressed gives it back:
 *
 *  1. the latest observed year's tables (LAs, regions, England, footprints) are protected
 *     as one linked publication (protectLinked, as `suff aggregate --publish` and the
 *     reports do);
 *  2. a forecast is suppressed when its cell that year is suppressed, missing, or a count
 *     from 1 to k-1;
 *  3. the forecasts add up (groups to the total, LAs to regions and England, LAs to
 *     footprints), so further forecasts are suppressed until no suppressed forecast can be
 *     worked out from the others (suppressCells, exact linear algebra).
 *
 * Suppressed forecasts are shown as c with their intervals; nothing is coarsened.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import { ENGLAND } from "../reference/regions.ts";
import { aggregateDataset } from "../aggregate/aggregate-dataset.ts";
import { dimensionKey } from "../aggregate/dimension-key.ts";
import { laTables } from "../aggregate/la-tables.ts";
import { protectLinked } from "../aggregate/disclosure/protect-linked.ts";
import { suppressCells } from "../aggregate/disclosure/suppress-cells.ts";
import { tableRelations } from "../aggregate/disclosure/table-relations.ts";
import type { DisclosureCell, DisclosureRelation } from "../aggregate/disclosure/types.ts";
import type { ForecastDatasetRow } from "./forecast-dataset.ts";

export interface ProtectedForecasts {
  /** Flags, one per row: true = suppressed. */
  hidden: boolean[];
  primary: number;
  secondary: number;
  notes: string[];
}

function geoKey(r: { geographic_level: string; old_la_code: string; region_code: string; footprint_code: string }): string {
  if (r.geographic_level === "Local authority") return `LA:${r.old_la_code}`;
  if (r.geographic_level === "National") return `N:${ENGLAND.code}`;
  if (r.geographic_level === "Regional") return `R:${r.region_code}`;
  return `F:${r.footprint_code}`;
}

/**
 * Which forecast rows to suppress.
 * @throws never.
 * @example protectForecasts([], [], { k: 5 }).hidden // []
 */
export function protectForecasts(rows: readonly ForecastDatasetRow[], data: readonly DatasetRow[], options: { k?: number; footprints?: FootprintSet }): ProtectedForecasts {
  const k = options.k ?? 5;
  if (rows.length === 0) return { hidden: [], primary: 0, secondary: 0, notes: [] };
  const measure = rows[0]!.measure;
  // 1. The latest observed year's tables, protected as one publication.
  const observedRows = data.filter((r) => r.measure === measure && r.geographic_level === "Local authority");
  const latest = observedRows.reduce((m, r) => (r.time_period > m ? r.time_period : m), "");
  const upTo = observedRows.filter((r) => r.time_period === latest);
  const parts = [aggregateDataset(upTo, { to: "region" }), aggregateDataset(upTo, { to: "england" }), ...(options.footprints ? [aggregateDataset(upTo, { to: options.footprints })] : [])];
  const las = laTables(upTo);
  const levels: Array<{ prefix: string; rows: typeof las.rows; contributions: typeof las.contributions }> = [
    { prefix: "R:", rows: parts[0]!.rows, contributions: parts[0]!.contributions as typeof las.contributions },
    { prefix: "N:", rows: parts[1]!.rows, contributions: parts[1]!.contributions as typeof las.contributions },
    ...(parts[2] ? [{ prefix: "F:", rows: parts[2].rows, contributions: parts[2].contributions as typeof las.contributions }] : []),
    { prefix: "LA:", rows: las.rows, contributions: las.contributions },
  ];
  protectLinked(levels.map((l) => ({ rows: l.rows, contributions: l.contributions })), { k });
  const observed = new Map<string, { value: number | null; status: string }>();
  for (const l of levels) for (const r of l.rows) observed.set(`${l.prefix}${r.footprint_code}\u0001${dimensionKey(r.dims)}`, { value: r.value, status: r.value_status });

  // 2. Primary: forecasts of suppressed, missing or small cells.
  const hidden = rows.map((r) => {
    const o = observed.get(`${geoKey(r)}\u0001${dimensionKey(r.dims)}`);
    return !o || o.value === null || (o.value > 0 && o.value < k);
  });
  const primary = hidden.filter(Boolean).length;

  // 3. Secondary: per period, the forecasts' own sums.
  const dimensions = Object.keys(rows[0]!.dims) as Array<keyof ForecastDatasetRow["dims"]>;
  const byPeriod = new Map<string, number[]>();
  rows.forEach((r, i) => {
    let list = byPeriod.get(r.time_period);
    if (!list) byPeriod.set(r.time_period, (list = []));
    list.push(i);
  });
  const newToOld = new Map<string, string>();
  for (const r of rows) if (r.geographic_level === "Local authority") newToOld.set(r.new_la_code, r.old_la_code);
  let secondary = 0;
  for (const indices of byPeriod.values()) {
    const cellOf = new Map<string, number>();
    const cells: DisclosureCell[] = indices.map((i, c) => {
      cellOf.set(`${geoKey(rows[i]!)}\u0001${dimensionKey(rows[i]!.dims)}`, c);
      return hidden[i] ? { value: null, threshold: false, suppressible: false, protect: true } : { value: Math.round(rows[i]!.mean * 1000), threshold: false, suppressible: true };
    });
    const relations: DisclosureRelation[] = [];
    const byGeo = new Map<string, number[]>();
    indices.forEach((i, c) => {
      const g = geoKey(rows[i]!);
      let list = byGeo.get(g);
      if (!list) byGeo.set(g, (list = []));
      list.push(c);
    });
    for (const list of byGeo.values()) {
      for (const r of tableRelations(list.map((c) => rows[indices[c]!]!.dims), dimensions)) relations.push({ total: list[r.total]!, parts: r.parts.map((p) => list[p]!) });
    }
    // Geography: regions and England are sums of their LAs, footprints of their members.
    const dimsKeys = new Set(indices.map((i) => dimensionKey(rows[i]!.dims)));
    const lasOf = new Map<string, string[]>();
    for (const i of indices) {
      const r = rows[i]!;
      if (r.geographic_level !== "Local authority") continue;
      for (const g of [`R:${r.region_code}`, `N:${ENGLAND.code}`]) {
        let list = lasOf.get(g);
        if (!list) lasOf.set(g, (list = []));
        if (!list.includes(r.old_la_code)) list.push(r.old_la_code);
      }
    }
    for (const f of options.footprints?.footprints ?? []) lasOf.set(`F:${f.code}`, [...new Set(f.members.map((m) => newToOld.get(m) ?? m))]);
    for (const [g, members] of lasOf) {
      for (const dk of dimsKeys) {
        const total = cellOf.get(`${g}\u0001${dk}`);
        const over = members.map((m) => cellOf.get(`LA:${m}\u0001${dk}`));
        if (total === undefined || over.some((c) => c === undefined)) continue;
        relations.push({ total, parts: over as number[] });
      }
    }
    const outcome = suppressCells(cells, relations, 2);
    outcome.status.forEach((s, c) => {
      if (s === "secondary") {
        hidden[indices[c]!] = true;
        secondary++;
      }
    });
  }
  return {
    hidden,
    primary,
    secondary,
    notes: [`Disclosure control (k = ${k}): ${primary} forecasts of cells whose latest figure (${latest}) is suppressed, missing or a count from 1 to ${k - 1} are suppressed (c), and ${secondary} more so that none can be worked out from the others (the forecasts add up across groups and geographies).`],
  };
}
