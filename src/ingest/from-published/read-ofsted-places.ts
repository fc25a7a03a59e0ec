/**
 * Ofsted provider lists at 31 March -> registered_providers and registered_places per LA,
 * by provision type x sector, with totals over each dimension and overall. Places are
 * summed over providers that have places; a group whose providers have no places
 * (fostering and adoption agencies) gets a missing value "not_applicable", never zero.
 * Each provider record is one row read: accepted, or rejected when its LA, provision type
 * or sector cannot be coded.
 *
 * Reference: Ofsted, Children's social care data in England, providers and places.
 */
import type { DatasetRow, ReadResult } from "../../spec/dataset.ts";
import { TOTAL } from "../../reference/code-lists.ts";
import { findLa, laGeography } from "../../reference/las.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow } from "./published-row.ts";
import type { PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";
import { readOfstedProviders } from "./read-ofsted-providers.ts";

interface Cell {
  providers: number;
  places: number;
  withPlaces: number;
}

/**
 * Read an Ofsted provider list into supply rows.
 * @throws Error only when the bytes are not CSV.
 * @example readOfstedPlaces({ name: "ofsted_providers_places_31mar2023.csv", bytes }).rows[0].measure // "registered_providers"
 */
export function readOfstedPlaces(file: PublishedFile): ReadResult {
  const list = readOfstedProviders(file.bytes, file.name);
  const acc = readAccumulator(list.kind);
  const cells = new Map<string, Map<string, Cell>>();
  for (const p of list.providers) {
    const where = { file: file.name, row: p.row };
    if (p.laOldCode === "") {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: "", name: p.laName, year: list.year }, { ...where, column: "Local authority" }));
      continue;
    }
    if (p.provisionType === "") {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "Provision type", value: p.provisionTypeLabel, list: "provision_type" }, { ...where, column: "Provision type" }));
      continue;
    }
    if (p.sector === "") {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "Sector", value: p.sectorLabel, list: "sector" }, { ...where, column: "Sector" }));
      continue;
    }
    if (Number.isNaN(p.places)) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_VALUE", { value: "", column: "Places" }, { ...where, column: "Places" }));
      continue;
    }
    let byLa = cells.get(p.laOldCode);
    if (!byLa) cells.set(p.laOldCode, (byLa = new Map()));
    for (const type of [p.provisionType, TOTAL]) for (const sector of [p.sector, TOTAL]) {
      const key = `${type}|${sector}`;
      const cell = byLa.get(key) ?? { providers: 0, places: 0, withPlaces: 0 };
      cell.providers++;
      if (p.places !== null) {
        cell.places += p.places;
        cell.withPlaces++;
      }
      byLa.set(key, cell);
    }
    acc.accept([]);
  }
  const rows: DatasetRow[] = [];
  const period = String(list.year);
  for (const [oldCode, byLa] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const geography = laGeography(findLa(oldCode)!, list.year);
    for (const [key, cell] of [...byLa].sort(([a], [b]) => a.localeCompare(b))) {
      const [provision_type, sector] = key.split("|");
      const dims = { provision_type, sector };
      rows.push(publishedRow(geography, period, "registered_providers", dims, cell.providers, "ok"));
      rows.push(cell.withPlaces > 0
        ? publishedRow(geography, period, "registered_places", dims, cell.places, "ok")
        : publishedRow(geography, period, "registered_places", dims, null, "not_applicable"));
    }
  }
  const result = acc.result();
  return { ...result, rows };
}
