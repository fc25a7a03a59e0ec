/**
 * The Ofsted list of registered children's social care providers at 31 March (the
 * provider-level file with inspection grades, or the providers-and-places file): one
 * record per provider. Returns provider records for market analysis: URN, provision type
 * and sector as codes, places, the LA the provider is located in, and the owning
 * organisation. Provider names and addresses are not kept (they are redacted for some
 * providers anyway); no personal data is in these files.
 *
 * Reference: Ofsted, Children's social care data in England (providers and places at
 * 31 March), data guidance.
 */
import { PROVISION_TYPE, SECTOR } from "../../reference/code-lists.ts";
import { normaliseCode } from "../../reference/code-tree.ts";
import { publishedTable } from "./published-table.ts";
import { findLaByLooseName } from "./resolve-geography.ts";

export interface OfstedProvider {
  /** 1-based row in the file (header = row 1). */
  row: number;
  urn: string;
  /** PROVISION_TYPE code, or "" when the label is not in the code list (see provisionTypeLabel). */
  provisionType: string;
  provisionTypeLabel: string;
  /** SECTOR code, or "" when the label is not in the code list. */
  sector: string;
  sectorLabel: string;
  /** Registered places; null where Ofsted gives none (agencies have no places). */
  places: number | null;
  /** Old DfE code of the LA the provider is located in, or "" when the name did not match. */
  laOldCode: string;
  laName: string;
  owningOrganisation: string;
  registrationStatus: string;
  shortBreakOnly: boolean;
}

export interface OfstedProviderList {
  kind: "ofsted-provider-level" | "ofsted-providers-places";
  /** The year ending 31 March of the snapshot (the first 31 March on or after the latest registration date). */
  year: number;
  providers: OfstedProvider[];
}

const OWNER_COLUMNS = ["Organisation which owns the provider", "Organisation name"];

/** True when the header is an Ofsted provider list. */
export function isOfstedProviderList(columns: readonly string[]): boolean {
  return ["URN", "Provision type", "Local authority", "Sector", "Places"].every((c) => columns.includes(c)) && OWNER_COLUMNS.some((c) => columns.includes(c));
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The year ending 31 March of a date. */
function yearEnding31March(year: number, monthDay: string): number {
  return monthDay <= "03-31" ? year : year + 1;
}

/**
 * The snapshot year: from a date in the file name ("..._31mar2023.csv"), else the first
 * 31 March on or after the latest registration date in the file.
 */
function snapshotYear(name: string, table: { columns: string[]; records: string[][] }): number {
  const named = /(\d{1,2})[\s_-]?([a-z]{3})[a-z]*[\s_-]?(\d{4})/i.exec(name.split(/[\\/]/).pop() ?? "");
  if (named && MONTHS.includes(named[2].toLowerCase())) {
    const month = String(MONTHS.indexOf(named[2].toLowerCase()) + 1).padStart(2, "0");
    return yearEnding31March(Number(named[3]), `${month}-${named[1].padStart(2, "0")}`);
  }
  // Registration dates only: inspections are published after the snapshot.
  const dateColumns = table.columns.map((c, i) => (/^registration date$/i.test(c) ? i : -1)).filter((i) => i >= 0);
  let latest = "";
  for (const r of table.records) for (const i of dateColumns) if (/^\d{4}-\d{2}-\d{2}/.test(r[i]) && r[i] > latest) latest = r[i];
  if (latest === "") return new Date().getUTCFullYear();
  return yearEnding31March(Number(latest.slice(0, 4)), latest.slice(5, 10));
}

/**
 * Read the provider records of an Ofsted provider list. `fileName` (optional) gives the
 * snapshot date when it contains one (e.g. ofsted_provider_level_31mar2023.csv).
 * @throws Error only when the bytes are not CSV.
 * @example readOfstedProviders(bytes).providers[0] // { urn: "SC009423", provisionType: "boarding_school", sector: "voluntary", places: 149, laOldCode: "350", ... }
 */
export function readOfstedProviders(bytes: Uint8Array, fileName = ""): OfstedProviderList {
  const table = publishedTable({ name: "", bytes });
  const col = (name: string) => table.index.get(name) ?? -1;
  const owner = col(OWNER_COLUMNS.find((c) => table.index.has(c)) ?? OWNER_COLUMNS[0]);
  const [cUrn, cType, cLa, cSector, cPlaces, cStatus, cShort] = ["URN", "Provision type", "Local authority", "Sector", "Places", "Registration status", "Short-break-only children's home"].map(col);
  const at = (r: string[], i: number) => (i >= 0 ? r[i] : "");
  const year = snapshotYear(fileName, table);
  const kind = table.index.has("Latest full inspection date") ? "ofsted-provider-level" : "ofsted-providers-places";
  const providers = table.records.map((r, i): OfstedProvider => {
    const placesText = at(r, cPlaces);
    const places = placesText === "" ? null : Number(placesText);
    const la = findLaByLooseName(at(r, cLa), year);
    return {
      row: i + 2,
      urn: at(r, cUrn),
      provisionType: normaliseCode(PROVISION_TYPE, at(r, cType))?.code ?? "",
      provisionTypeLabel: at(r, cType),
      sector: normaliseCode(SECTOR, at(r, cSector))?.code ?? "",
      sectorLabel: at(r, cSector),
      places: places === null || Number.isFinite(places) ? places : Number.NaN,
      laOldCode: la?.oldCode ?? "",
      laName: at(r, cLa),
      owningOrganisation: at(r, owner),
      registrationStatus: at(r, cStatus),
      shortBreakOnly: at(r, cShort) !== "",
    };
  });
  return { kind, year, providers };
}

