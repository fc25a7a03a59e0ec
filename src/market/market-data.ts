/**
 * A read-only index over the dataset rows the market layer reads (LA and national rows of
 * the supply, flow, fostering, cost and demand measures), built once per run so that 160+
 * scopes can be analysed without rescanning the dataset. Every lookup returns the value and
 * why it is missing; missing is never zero.
 *
 * The Ofsted register (registered_places, registered_providers and their openings and
 * closures) is kept as leaves: one record per LA, year, provision type, sector and owning
 * organisation, plus the owner totals, as docs/supply-data.md describes.
 */
import type { DatasetRow, DimensionColumn, ValueStatus } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { flowRowsOf } from "./area-flows.ts";

export interface LookedUp {
  value: number | null;
  status: ValueStatus | "absent";
}

/** One cell of the Ofsted register in one LA and year. */
export interface RegisterCell {
  provisionType: string;
  sector: string;
  /** Owning organisation, or "total" for the total over owners. */
  owner: string;
  places: number | null;
  placesStatus: ValueStatus | "absent";
  providers: number | null;
}

/** Openings and closures of one provision type and sector in one LA and year. */
export interface RegisterFlowCell {
  provisionType: string;
  sector: string;
  providersOpened: number | null;
  providersClosed: number | null;
  placesOpened: number | null;
  placesClosed: number | null;
}

const IDENTIFIERS = ["Reporting year", "Financial year", "September", "Calendar year"];
/** The other measures the market layer looks up (everything else is skipped when indexing). */
const LOOKED_UP: ReadonlySet<string> = new Set([
  "cla_31_march", "placed_outside_la", "cla_placed_in_la_by_other_las", "cla_net_gain", "cla_31_march_by_location",
  "foster_households_inhouse", "foster_places_approved", "foster_places_filled", "foster_approvals", "foster_deregistrations",
  "s251_weekly_unit_cost", "cpi_index", "weekly_cost_mean", "placements_costed", "planned_new_beds",
]);
const REGISTER = new Set(["registered_places", "registered_providers"]);
const REGISTER_FLOWS: Record<string, keyof Omit<RegisterFlowCell, "provisionType" | "sector">> = {
  registered_providers_opened: "providersOpened",
  registered_providers_closed: "providersClosed",
  registered_places_opened: "placesOpened",
  registered_places_closed: "placesClosed",
};

function dimsKey(dims: Partial<Record<DimensionColumn, string>>): string {
  let out = "";
  for (const k of Object.keys(dims).sort()) {
    const v = dims[k as DimensionColumn];
    if (v !== undefined && v !== "") out += `${k}=${v};`;
  }
  return out;
}

export class MarketData {
  private readonly cells = new Map<string, DatasetRow>();
  private readonly register = new Map<string, RegisterCell[]>();
  private readonly registerFlows = new Map<string, Map<string, RegisterFlowCell>>();
  private readonly yearsOf = new Map<string, Set<number>>();
  /** Years with an LA register (registered_places or registered_providers) row. */
  readonly registerYears: number[];
  /** LA rows of the flow measures (for placementFlows), kept so each area's flows need no rescan of the dataset. */
  readonly flowRows: DatasetRow[];
  /** LA old codes that have any register row, by year. */
  private readonly registerLas = new Map<number, Set<string>>();

  /**
   * Index `rows` (LA and National rows; other levels are ignored).
   * @throws never.
   * @example new MarketData([]).registerYears // []
   */
  constructor(rows: readonly DatasetRow[]) {
    const registerCells = new Map<string, RegisterCell>();
    this.flowRows = flowRowsOf(rows);
    for (const r of rows) {
      const national = r.geographic_level === "National";
      if (!national && r.geographic_level !== "Local authority") continue;
      if (!LOOKED_UP.has(r.measure) && !REGISTER.has(r.measure) && !(r.measure in REGISTER_FLOWS)) continue;
      if (r.measure === "cla_31_march" && r.dims.age_band !== TOTAL) continue;
      const geo = national ? "E" : r.old_la_code;
      const year = Number(r.time_period);
      if (!Number.isInteger(year)) continue;
      let ys = this.yearsOf.get(`${r.measure}|${geo}`);
      if (!ys) this.yearsOf.set(`${r.measure}|${geo}`, (ys = new Set()));
      ys.add(year);
      if (!national && REGISTER.has(r.measure)) {
        const type = r.dims.provision_type ?? "", sector = r.dims.sector ?? "", owner = r.dims.owning_group ?? TOTAL;
        if (!type || type === TOTAL || !sector || sector === TOTAL) continue;
        const key = `${geo}|${year}|${type}|${sector}|${owner}`;
        let cell = registerCells.get(key);
        if (!cell) {
          cell = { provisionType: type, sector, owner, places: null, placesStatus: "absent", providers: null };
          registerCells.set(key, cell);
          const listKey = `${geo}|${year}`;
          let list = this.register.get(listKey);
          if (!list) this.register.set(listKey, (list = []));
          list.push(cell);
          let las = this.registerLas.get(year);
          if (!las) this.registerLas.set(year, (las = new Set()));
          las.add(geo);
        }
        if (r.measure === "registered_places") { cell.places = r.value; cell.placesStatus = r.value_status; } else cell.providers = r.value;
        continue;
      }
      if (!national && r.measure in REGISTER_FLOWS) {
        const type = r.dims.provision_type ?? "", sector = r.dims.sector ?? "";
        if (!type || type === TOTAL || !sector || sector === TOTAL) continue;
        const listKey = `${geo}|${year}`;
        let m = this.registerFlows.get(listKey);
        if (!m) this.registerFlows.set(listKey, (m = new Map()));
        let cell = m.get(`${type}|${sector}`);
        if (!cell) m.set(`${type}|${sector}`, (cell = { provisionType: type, sector, providersOpened: null, providersClosed: null, placesOpened: null, placesClosed: null }));
        cell[REGISTER_FLOWS[r.measure]] = r.value;
        continue;
      }
      this.cells.set(`${r.measure}|${geo}|${year}|${dimsKey(r.dims)}|${r.time_identifier}`, r);
    }
    this.registerYears = [...this.registerLas.keys()].sort((a, b) => a - b);
  }

  private find(measure: string, geo: string, year: number, dims: Partial<Record<DimensionColumn, string>>, identifier?: string): LookedUp {
    const base = `${measure}|${geo}|${year}|${dimsKey(dims)}|`;
    for (const id of identifier ? [identifier] : IDENTIFIERS) {
      const row = this.cells.get(base + id);
      if (row) return { value: row.value, status: row.value_status };
    }
    return { value: null, status: "absent" };
  }

  /** An LA's value (by old code). @example data.la("cla_31_march", "352", 2025, { placement_type: "total", age_band: "total" }) */
  la(measure: string, oldCode: string, year: number, dims: Partial<Record<DimensionColumn, string>> = {}, identifier?: string): LookedUp {
    return this.find(measure, oldCode, year, dims, identifier);
  }

  /** A national (England) value as published. */
  national(measure: string, year: number, dims: Partial<Record<DimensionColumn, string>> = {}, identifier?: string): LookedUp {
    return this.find(measure, "E", year, dims, identifier);
  }

  /** Years in which an LA (or "E" for England) has rows of a measure, ascending. */
  years(measure: string, geo: string): number[] {
    return [...(this.yearsOf.get(`${measure}|${geo}`) ?? [])].sort((a, b) => a - b);
  }

  /** The latest year any LA has rows of a measure, or null. */
  latestLaYear(measure: string): number | null {
    let best: number | null = null;
    for (const [key, ys] of this.yearsOf) {
      if (!key.startsWith(`${measure}|`) || key === `${measure}|E`) continue;
      for (const y of ys) if (best === null || y > best) best = y;
    }
    return best;
  }

  /** The register cells (owner leaves and owner totals) of an LA in a year. */
  registerCells(oldCode: string, year: number): readonly RegisterCell[] {
    return this.register.get(`${oldCode}|${year}`) ?? [];
  }

  /** Whether any register row exists for the LA in the year (an LA with no providers has none, but the year exists). */
  registerYearHasLa(oldCode: string, year: number): boolean {
    return this.registerLas.get(year)?.has(oldCode) ?? false;
  }

  /** Openings and closures of an LA in a year (year ending 31 March), by provision type and sector. */
  registerFlowCells(oldCode: string, year: number): readonly RegisterFlowCell[] {
    return [...(this.registerFlows.get(`${oldCode}|${year}`)?.values() ?? [])];
  }
}
