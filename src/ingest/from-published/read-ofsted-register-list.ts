/**
 * An Ofsted list of registered children's social care providers at one date: the
 * provider-level file (with latest inspection grades), the "providers and places" sheet,
 * or the 30 September 2014 snapshot. Every layout Ofsted used from 2014 to 2025 is read:
 * the header may sit below title rows, columns are found by their names ("Provision type"
 * or "Provision Type", "Local authority" or "LA", "Places" or "Max/Estimated Places", the
 * owner as "Organisation which owns the provider", "Organisation name" or "Organisation").
 *
 * Each provider becomes a RegisterEntry (URN, provision type and sector as codes, places,
 * the LA it is located in as that year's DfE code, owner, registration date). The reader
 * returns no dataset rows: the register stage (assemble-register.ts) builds registered_*
 * rows from all lists and joiners and leavers sheets together, because several years list
 * inspected providers only and must be completed from the others.
 *
 * Whether a list is the whole register is decided from its content: a list without
 * inspection columns is the providers-and-places register; a list with them is complete
 * when it includes providers never inspected (an inspected-providers list cannot), and is
 * "inspected providers only" otherwise.
 *
 * Reference: Ofsted, Children's social care data in England (each year), provider-level
 * data and providers and places; data guidance.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import type { RegisterEntry, RegisterList } from "../../spec/register.ts";
import { PROVISION_TYPE, SECTOR } from "../../reference/code-lists.ts";
import { normaliseCode } from "../../reference/code-tree.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { dayToIso } from "../../spec/ssda903.ts";
import { parseDateText } from "../ssda903/parse-date.ts";
import { publishedTableAt, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";
import { findLaByLooseName, isWelshArea, REASON_LA_OUTSIDE_REPORTING_YEARS } from "./resolve-geography.ts";
import { findLaByName } from "../../reference/las.ts";

export const OFSTED_REGISTER_LIST_KIND = "ofsted-register-list";

const TYPE_COLUMNS = ["Provision type", "Provision Type"];
const LA_COLUMNS = ["Local authority", "LA"];
const PLACES_COLUMNS = ["Places", "Max/Estimated Places"];
const OWNER_COLUMNS = ["Organisation which owns the provider", "Organisation name", "Organisation"];

const has = (columns: readonly string[], names: readonly string[]) => names.some((n) => columns.includes(n));

/**
 * True when a header row is an Ofsted provider list (not a joiners and leavers sheet).
 * @example isOfstedRegisterList(["URN", "Provision Type", "LA", "Sector", "GOR", "Max/Estimated Places"]) // true
 */
export function isOfstedRegisterList(columns: readonly string[]): boolean {
  const clean = columns.map((c) => c.replace(/\s+/g, " ").trim());
  return clean.includes("URN") && has(clean, TYPE_COLUMNS) && has(clean, LA_COLUMNS) && clean.includes("Sector") && !clean.includes("Joiner status") && !clean.includes("Premises Local Authority");
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date written in words: "31 March 2025", "March 2022", "31mar2023", "march_2015", "sept_14". */
export function dateInWords(text: string): string | null {
  const m = /(?:^|[^a-z0-9])(\d{1,2})?[\s_-]?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s_-]?(\d{4}|\d{2})(?![0-9])/i.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const day = m[1] ? Number(m[1]) : lastDay(year, month);
  if (day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** An Ofsted date cell (dd/mm/yyyy or yyyy-mm-dd, a time ignored) as ISO, or null. */
export function ofstedDate(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  const day = parseDateText(t.slice(0, 10));
  return day >= 0 ? dayToIso(day) : null;
}

/** The year ending 31 March that contains an ISO date. */
export function yearEnding31March(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return iso.slice(5) <= "03-31" ? year : year + 1;
}

/** The snapshot date: from the title rows, else the file name, else the 31 March after the latest registration date. */
function snapshotDate(file: PublishedFile, preamble: string[][], latestRegistration: string): string {
  for (const row of preamble) {
    const text = row.join(" ");
    if (/provider|places|as at/i.test(text)) {
      const d = dateInWords(text.replace(/20(\d\d)\s*[-–]\s*(\d\d)/, ""));
      if (d) return d;
    }
  }
  const named = dateInWords(file.name.split(/[\\/]/).pop() ?? "");
  if (named) return named;
  if (latestRegistration) return `${yearEnding31March(latestRegistration)}-03-31`;
  return `${new Date().getUTCFullYear()}-03-31`;
}

/** Registration categories in some lists that are not children's social care providers (CAFCASS in 2018). */
export const NOT_PROVISION_TYPES = /^cafcass$/i;

/** The skip reason for a provider located in Wales (registered with Ofsted, outside every English LA). */
export const SKIP_WALES = "provider located in Wales (outside every English LA)";

/** A places cell: a whole number, null when blank or NULL, "invalid" otherwise. */
export function parsePlaces(text: string): number | null | "invalid" {
  const t = text.replace(/,/g, "").trim();
  if (t === "" || /^null$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : "invalid";
}

/**
 * Read an Ofsted provider list into register entries.
 * @throws Error only when the bytes are not CSV.
 * @example readOfstedRegisterList({ name: "providers_at_sept_14.csv", bytes }).register // { kind: "list", list: { date: "2014-09-30", complete: true, ... } }
 */
export function readOfstedRegisterList(file: PublishedFile): ReadResult {
  const table = publishedTableAt(file, isOfstedRegisterList);
  const acc = readAccumulator(OFSTED_REGISTER_LIST_KIND);
  const col = (names: readonly string[]) => {
    for (const n of names) if (table.index.has(n)) return table.index.get(n)!;
    return -1;
  };
  const cUrn = col(["URN"]);
  const cType = col(TYPE_COLUMNS);
  const cLa = col(LA_COLUMNS);
  const cSector = col(["Sector"]);
  const cPlaces = col(PLACES_COLUMNS);
  const cOwner = col(OWNER_COLUMNS);
  const cReg = col(["Registration date"]);
  const cConstituency = col(["Parliamentary constituency"]);
  const cInspection = table.columns.findIndex((c) => /inspection date$/i.test(c));
  const at = (r: string[], i: number) => (i >= 0 ? (r[i] ?? "").trim() : "");
  let latestRegistration = "";
  if (cReg >= 0) for (const r of table.records) {
    const d = ofstedDate(at(r, cReg));
    if (d && d > latestRegistration) latestRegistration = d;
  }
  const date = snapshotDate(file, table.preamble, latestRegistration);
  const year = yearEnding31March(date);
  const entries: RegisterEntry[] = [];
  let uninspected = 0;
  table.records.forEach((r, i) => {
    const row = table.rowNumber(i);
    const where = { file: file.name, row };
    const urn = at(r, cUrn);
    if (urn === "" && r.every((c) => c.trim() === "")) return acc.skip("blank row");
    if (urn === "") return acc.skip("row without a URN (notes or totals below the table)");
    const typeLabel = at(r, cType);
    const type = normaliseCode(PROVISION_TYPE, typeLabel);
    if (!type && NOT_PROVISION_TYPES.test(typeLabel)) return acc.skip(`${typeLabel}: not a provider of children's homes, schools or agencies`);
    if (!type) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "Provision type", value: typeLabel, list: "provision_type" }, { ...where, column: table.columns[cType] }));
      return;
    }
    const sectorLabel = at(r, cSector);
    const sector = normaliseCode(SECTOR, sectorLabel);
    if (!sector) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "Sector", value: sectorLabel || "(blank)", list: "sector" }, { ...where, column: "Sector" }));
      return;
    }
    const laName = at(r, cLa);
    const la = findLaByLooseName(laName, year);
    if (!la && isWelshArea(laName)) return acc.skip(SKIP_WALES);
    if (!la && findLaByName(laName)) return acc.skip(REASON_LA_OUTSIDE_REPORTING_YEARS);
    if (!la) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: "", name: laName || "(blank)", year }, { ...where, column: table.columns[cLa] }));
      return;
    }
    const places = parsePlaces(at(r, cPlaces));
    if (places === "invalid") {
      acc.reject(diagnostic("E_PUBLISHED_BAD_VALUE", { value: at(r, cPlaces), column: table.columns[cPlaces] }, { ...where, column: table.columns[cPlaces] }));
      return;
    }
    if (cInspection >= 0 && at(r, cInspection) === "") uninspected++;
    entries.push({
      row,
      urn,
      provisionType: type.code,
      sector: sector.code,
      places,
      laOldCode: la.oldCode,
      constituency: at(r, cConstituency),
      owner: at(r, cOwner),
      registrationDate: ofstedDate(at(r, cReg)),
    });
    acc.accept([]);
  });
  const complete = cInspection < 0 || uninspected > 0;
  const completeness = cInspection < 0
    ? "no inspection columns: the providers-and-places register"
    : uninspected > 0
      ? `lists ${uninspected} providers never inspected, so it is the whole register`
      : "every provider listed has an inspection: inspected providers only";
  const list: RegisterList = { date, complete, completeness, hasOwner: cOwner >= 0, entries };
  return { ...acc.result(), register: { kind: "list", list } };
}
