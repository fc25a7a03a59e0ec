/**
 * Ofsted "Leavers and joiners" sheets (years ending 31 March 2017 to 2025): providers that
 * joined the register during the year (registered) or left it (resigned, closed or
 * cancelled), with their LA, sector, places and dates. Column names changed over the years
 * ("First effective date (that the provider became active)" or "Registration date"; the
 * leaving date as "Date closed", "Cancelled or resigned date", "Resigned/closed date" or
 * three "First effective date" columns, of which the earliest is used).
 *
 * Each joiner or leaver becomes a RegisterEvent for the register stage (openings and
 * closures, and evidence for rebuilding providers missing from inspected-only lists); a
 * record that is neither is skipped with its reason. No dataset rows of its own.
 *
 * Reference: Ofsted, Children's social care data in England, leavers and joiners.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import type { RegisterEvent } from "../../spec/register.ts";
import { PROVISION_TYPE, SECTOR } from "../../reference/code-lists.ts";
import { normaliseCode } from "../../reference/code-tree.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedTableAt, type PublishedFile } from "./published-table.ts";
import { readAccumulator } from "./read-accumulator.ts";
import { dateInWords, NOT_PROVISION_TYPES, ofstedDate, parsePlaces, SKIP_WALES, yearEnding31March } from "./read-ofsted-register-list.ts";
import { findLaByLooseName, isWelshArea, REASON_LA_OUTSIDE_REPORTING_YEARS } from "./resolve-geography.ts";
import { findLaByName } from "../../reference/las.ts";

export const OFSTED_JOINERS_LEAVERS_KIND = "ofsted-joiners-leavers";

/**
 * True when a header row is an Ofsted joiners and leavers sheet.
 * @example isOfstedJoinersLeavers(["URN", "Provision type", "Joiner status", "Leaver status"]) // true
 */
export function isOfstedJoinersLeavers(columns: readonly string[]): boolean {
  return columns.includes("URN") && columns.includes("Joiner status") && columns.includes("Leaver status");
}

const ACTIVE_COLUMNS = ["First effective date (that the provider became active)", "Registration date"];
const LEFT_COLUMNS = [
  "First effective date (that the provider became resigned)",
  "First effective date (that the provider closed)",
  "First effective date (that the provider became cancelled)",
  "Date closed",
  "Cancelled or resigned date",
  "Resigned/closed date",
];

/**
 * Read a joiners and leavers sheet. The year is taken from the title ("... at 31 March
 * 2023"), else a column naming the year end, else the year ending 31 March that holds the
 * latest date in the sheet.
 * @throws Error only when the bytes are not CSV.
 * @example readOfstedJoinersLeavers({ name: "joiners_leavers_19.csv", bytes }).register // { kind: "events", events: { yearEnding: 2019, ... } }
 */
export function readOfstedJoinersLeavers(file: PublishedFile): ReadResult {
  const table = publishedTableAt(file, isOfstedJoinersLeavers);
  const acc = readAccumulator(OFSTED_JOINERS_LEAVERS_KIND);
  const col = (name: string) => table.index.get(name) ?? -1;
  const at = (r: string[], i: number) => (i >= 0 ? (r[i] ?? "").trim() : "");
  const cActive = ACTIVE_COLUMNS.map(col).find((i) => i >= 0) ?? -1;
  const cLeft = LEFT_COLUMNS.map(col).filter((i) => i >= 0);
  const [cUrn, cType, cLa, cSector, cPlaces, cJoiner, cLeaver, cConstituency] =
    ["URN", "Provision type", "Local authority", "Sector", "Places", "Joiner status", "Leaver status", "Parliamentary constituency"].map(col);
  // The year: title, a column that names the year end, or the latest date.
  let yearEnding: number | null = null;
  for (const row of table.preamble) {
    const d = dateInWords(row.join(" "));
    if (d) { yearEnding = yearEnding31March(d); break; }
  }
  if (yearEnding === null) for (const c of table.columns) {
    const d = /at (\d{1,2} \w+ \d{4})/.exec(c);
    if (d && !/1 April/.test(c)) { const iso = dateInWords(d[1]); if (iso) { yearEnding = yearEnding31March(iso); break; } }
  }
  if (yearEnding === null) {
    let latest = "";
    for (const r of table.records) for (const i of [cActive, ...cLeft]) {
      const d = ofstedDate(at(r, i));
      if (d && d > latest) latest = d;
    }
    yearEnding = latest ? yearEnding31March(latest) : null;
  }
  const events: RegisterEvent[] = [];
  table.records.forEach((r, i) => {
    const row = table.rowNumber(i);
    const where = { file: file.name, row };
    const urn = at(r, cUrn);
    if (urn === "") return acc.skip(r.every((c) => c.trim() === "") ? "blank row" : "row without a URN (notes below the table)");
    if (yearEnding === null) {
      acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: file.name }, where));
      return;
    }
    const joiner = /^joiner$/i.test(at(r, cJoiner));
    const leaver = /^leaver$/i.test(at(r, cLeaver));
    if (!joiner && !leaver) return acc.skip("neither a joiner nor a leaver");
    const type = normaliseCode(PROVISION_TYPE, at(r, cType));
    if (!type && NOT_PROVISION_TYPES.test(at(r, cType))) return acc.skip(`${at(r, cType)}: not a provider of children's homes, schools or agencies`);
    if (!type) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "Provision type", value: at(r, cType), list: "provision_type" }, { ...where, column: "Provision type" }));
      return;
    }
    const sector = normaliseCode(SECTOR, at(r, cSector));
    if (!sector) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_CATEGORY", { group: "Sector", value: at(r, cSector) || "(blank)", list: "sector" }, { ...where, column: "Sector" }));
      return;
    }
    const activeDate = ofstedDate(at(r, cActive));
    const leftDates = cLeft.map((c) => ofstedDate(at(r, c))).filter((d): d is string => d !== null).sort();
    const leftDate = leaver ? leftDates[0] ?? null : null;
    // The LA as it was when the provider was last active in the sheet's year.
    const laYear = leaver && leftDate ? Math.min(yearEnding, yearEnding31March(leftDate)) : yearEnding;
    const la = findLaByLooseName(at(r, cLa), laYear) ?? findLaByLooseName(at(r, cLa), yearEnding);
    if (!la && at(r, cLa) === "") return acc.skip("no local authority given");
    if (!la && isWelshArea(at(r, cLa))) return acc.skip(SKIP_WALES);
    if (!la && findLaByName(at(r, cLa))) return acc.skip(REASON_LA_OUTSIDE_REPORTING_YEARS);
    if (!la) {
      acc.reject(diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: "", name: at(r, cLa) || "(blank)", year: laYear }, { ...where, column: "Local authority" }));
      return;
    }
    const places = parsePlaces(at(r, cPlaces));
    if (places === "invalid") {
      acc.reject(diagnostic("E_PUBLISHED_BAD_VALUE", { value: at(r, cPlaces), column: "Places" }, { ...where, column: "Places" }));
      return;
    }
    events.push({
      row, urn, provisionType: type.code, sector: sector.code, places, laOldCode: la.oldCode,
      constituency: at(r, cConstituency), owner: "", registrationDate: activeDate, activeDate, leftDate, joiner, leaver,
    });
    acc.accept([]);
  });
  return { ...acc.result(), register: { kind: "events", events: { yearEnding: yearEnding ?? 0, events } } };
}
