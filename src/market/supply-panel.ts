/**
 * Registered supply over time for an area, read back from a dataset (never from files):
 * Ofsted-registered providers and places by year x provision type x sector (x owning
 * organisation), with how many of them were rebuilt for years whose Ofsted list names
 * inspected providers only, and providers and places opened and closed in each year.
 *
 * Figures are sums of the member LAs' rows in each year (members follow boundary changes).
 * A year's value is summed only over members that have a row; `members` and
 * `membersWithData` say how complete it is. The register lists every provider located in
 * an LA, so an LA without a row of a type has none of that type: missing rows within a
 * year that has any register rows are zeros of the register, not unknown figures.
 *
 * Reference: Ofsted, Children's social care data in England (providers and places at 31
 * March; leavers and joiners); docs/supply-data.md for the measures and their years.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { rowYear, scopeMembers, type MarketScope } from "./market-scope.ts";

export interface SupplyPanelRow {
  year: number;
  /** "Reporting year" (31 March) or "September" (the 2014 snapshot). */
  timeIdentifier: string;
  provisionType: string;
  sector: string;
  /** Owning organisation, or "total". */
  owner: string;
  providers: number;
  /** Places; null for types without places (agencies). */
  places: number | null;
  /** Of providers and places, those rebuilt from later lists (null where the year's list was complete). */
  providersRebuilt: number | null;
  placesRebuilt: number | null;
  members: number;
  membersWithData: number;
}

export interface SupplyFlowRow {
  /** Year ending 31 March in which providers opened or closed. */
  year: number;
  provisionType: string;
  sector: string;
  providersOpened: number;
  providersClosed: number;
  placesOpened: number | null;
  placesClosed: number | null;
  members: number;
  membersWithData: number;
}

export interface SupplyPanel {
  register: SupplyPanelRow[];
  flows: SupplyFlowRow[];
}

export interface SupplyPanelOptions {
  /** Include rows by owning organisation (default false: totals over owners only). */
  byOwner?: boolean;
  /** Only these provision types (codes, or "total"). */
  provisionTypes?: readonly string[];
  /** Only these years. */
  years?: { from: number; to: number };
}

const REGISTER = new Set(["registered_providers", "registered_places", "registered_providers_rebuilt", "registered_places_rebuilt"]);
const FLOWS = new Set(["registered_providers_opened", "registered_providers_closed", "registered_places_opened", "registered_places_closed"]);

/**
 * The supply panel of a scope.
 * Stages: 1 index the LA rows of the supply measures by year and LA; 2 for each year, keep
 * the scope's members; 3 sum per (provision type, sector, owner).
 * @throws Error for an unknown LA in a footprint or LA list.
 * @example supplyPanel(rows, { kind: "england" }).register.find((r) => r.year === 2025 && r.provisionType === "childrens_home" && r.sector === "total" && r.owner === "total")?.providers // 3946
 */
export function supplyPanel(rows: readonly DatasetRow[], scope: MarketScope, options: SupplyPanelOptions = {}): SupplyPanel {
  // 1. Index.
  const byYear = new Map<string, DatasetRow[]>();
  for (const r of rows) {
    if (r.geographic_level !== "Local authority" || !(REGISTER.has(r.measure) || FLOWS.has(r.measure))) continue;
    const year = rowYear(r.time_period);
    if (options.years && (year < options.years.from || year > options.years.to)) continue;
    if (options.provisionTypes && !options.provisionTypes.includes(r.dims.provision_type ?? "")) continue;
    if (!options.byOwner && r.dims.owning_group !== undefined && r.dims.owning_group !== TOTAL) continue;
    const key = `${year}|${r.time_identifier}|${FLOWS.has(r.measure) ? "flow" : "register"}`;
    const list = byYear.get(key) ?? [];
    list.push(r);
    byYear.set(key, list);
  }
  const register: SupplyPanelRow[] = [];
  const flows: SupplyFlowRow[] = [];
  for (const [key, list] of [...byYear].sort(([a], [b]) => a.localeCompare(b))) {
    const [yearText, timeIdentifier, family] = key.split("|");
    const year = Number(yearText);
    // 2. Members of the scope that year (a September snapshot uses the LAs of the year ending the next 31 March).
    const memberYear = timeIdentifier === "Reporting year" ? year : year + 1;
    const members = new Set(scopeMembers(scope, memberYear).map((la) => la.oldCode));
    const withData = new Set<string>();
    const cells = new Map<string, Record<string, number | null>>();
    for (const r of list) {
      if (!members.has(r.old_la_code)) continue;
      withData.add(r.old_la_code);
      const k = `${r.dims.provision_type}|${r.dims.sector}|${r.dims.owning_group ?? TOTAL}`;
      const cell = cells.get(k) ?? {};
      const prev = cell[r.measure];
      cell[r.measure] = r.value === null ? (prev ?? null) : (prev ?? 0) + r.value;
      cells.set(k, cell);
    }
    // 3. Rows.
    for (const [k, cell] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
      const [provisionType, sector, owner] = k.split("|");
      if (family === "register") {
        register.push({
          year, timeIdentifier, provisionType, sector, owner,
          providers: cell.registered_providers ?? 0,
          places: cell.registered_places ?? null,
          providersRebuilt: cell.registered_providers_rebuilt ?? null,
          placesRebuilt: cell.registered_places_rebuilt ?? null,
          members: members.size, membersWithData: withData.size,
        });
      } else {
        flows.push({
          year, provisionType, sector,
          providersOpened: cell.registered_providers_opened ?? 0,
          providersClosed: cell.registered_providers_closed ?? 0,
          placesOpened: cell.registered_places_opened ?? null,
          placesClosed: cell.registered_places_closed ?? null,
          members: members.size, membersWithData: withData.size,
        });
      }
    }
  }
  return { register, flows };
}
