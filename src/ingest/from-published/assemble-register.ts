/**
 * The Ofsted register over time, from every provider list and joiners and leavers sheet
 * of an ingest together: registered_providers and registered_places per LA by provision
 * type x sector x owning organisation at each snapshot, the counts rebuilt for years whose
 * list names inspected providers only, and providers and places opened and closed in each
 * year.
 *
 * Stages:
 *  1. Snapshots: the lists of one date are joined by URN; the date's register is its
 *     complete list when there is one (a whole-register list, see read-ofsted-register-list),
 *     else the union of its lists (inspected providers only).
 *  2. Evidence per provider (URN): every list it appears in, its registration date (lists
 *     from 2019, joiners sheets) and the date it left (leavers sheets).
 *  3. Rebuild: at a date T whose list is inspected-only, a provider missing from it is
 *     added when it was registered by T (registration date on or before T, or listed
 *     earlier) AND is known to exist after T (listed later, or left after T) AND had not
 *     left by T. Its provision type, sector, LA and places come from its record nearest in
 *     time to T (a later one on a tie); its owner only when the year's list records
 *     owners. A provider that closed between two lists without appearing in any leavers
 *     sheet cannot be seen, so rebuilt years can still fall short of Ofsted's totals.
 *  4. Places: a listed provider whose list gives no places (the 2015 list has no Places
 *     column) takes them from its nearest other record; counted as imputed.
 *  5. Rows: leaves (LA x type x sector x owner, when the year's list records owners) and
 *     totals over owner at every level of type x sector; agencies have no places
 *     (not_applicable, never zero).
 *  6. Openings and closures in the year ending 31 March Y: Ofsted's joiners and leavers
 *     for Y when the sheet exists, else the difference of the registers at 31 March Y-1
 *     and Y (new URNs opened, vanished URNs closed).
 *
 * Reference: Ofsted, Children's social care data in England (providers and places at 31
 * March; leavers and joiners), data guidance; docs/supply-data.md.
 */
import type { DatasetRow } from "../../spec/dataset.ts";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import type { RegisterEntry, RegisterEvent, RegisterList, RegisterPayload, RegisterYearSummary } from "../../spec/register.ts";
import { OWNER_NOT_RECORDED, TOTAL } from "../../reference/code-lists.ts";
import { findLa, laGeography, type LocalAuthority } from "../../reference/las.ts";
import { ownerKey, ownerName } from "../../reference/owner-name.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { publishedRow } from "./published-row.ts";
import { yearEnding31March } from "./read-ofsted-register-list.ts";

/** Provision types that have registered places (Ofsted's places table 6b); the others (agencies, holiday schemes, secure training centres) have none. */
export const PROVISION_TYPES_WITH_PLACES: ReadonlySet<string> = new Set([
  "childrens_home", "secure_childrens_home", "residential_special_school_ch", "residential_special_school",
  "residential_family_centre", "boarding_school", "fe_college_residential", "supported_accommodation",
]);

export const OFSTED_REGISTER_KIND = "ofsted-register";

export interface RegisterInput {
  path: string;
  payload: RegisterPayload;
}

export interface AssembledRegister {
  rows: DatasetRow[];
  diagnostics: Diagnostic[];
  summary: RegisterYearSummary[];
}

interface Snapshot {
  date: string;
  complete: boolean;
  hasOwner: boolean;
  files: string[];
  members: Map<string, RegisterEntry>;
}

interface Dated {
  date: string;
  entry: RegisterEntry;
  hasOwner: boolean;
}

/** A register member at a snapshot, with its LA as it was then. */
interface Member {
  urn: string;
  provisionType: string;
  sector: string;
  places: number | null;
  la: LocalAuthority;
  owner: string;
  rebuilt: boolean;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** time_period and time_identifier of a snapshot date: 31 March -> the reporting year; other dates -> calendar year and month. */
export function snapshotPeriod(date: string): { time_period: string; time_identifier: string } {
  if (date.slice(5) === "03-31") return { time_period: date.slice(0, 4), time_identifier: "Reporting year" };
  return { time_period: date.slice(0, 4), time_identifier: MONTH_NAMES[Number(date.slice(5, 7)) - 1] };
}

const dayCache = new Map<string, number>();
function dayOf(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) dayCache.set(iso, (d = Date.parse(iso) / 86400000));
  return d;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(dayOf(a) - dayOf(b));
}

/**
 * The LA a provider recorded in `code` belongs to in `year`: itself, or its single
 * predecessor or successor across a boundary change. Across the 2019 Dorset
 * reorganisation the parliamentary constituency decides (Bournemouth, Poole, or the rest
 * of Dorset including Christchurch). Undefined when it cannot be placed.
 */
export function laInYear(code: string, year: number, constituency: string): LocalAuthority | undefined {
  const la = findLa(code);
  if (!la) return undefined;
  if (year >= la.firstYear && year <= la.lastYear) return la;
  const dorset = (c: string) => (/bournemouth/i.test(constituency) ? "837" : /poole/i.test(constituency) ? "836" : "835") === c;
  const candidates = (year < la.firstYear ? la.predecessors : la.successors).map((c) => findLa(c)).filter((x): x is LocalAuthority => x !== undefined && year >= x.firstYear && year <= x.lastYear);
  if (candidates.length === 1) return candidates[0];
  if (year < la.firstYear && (la.oldCode === "838" || la.oldCode === "839")) return candidates.find((c) => dorset(c.oldCode));
  if (year > la.lastYear && ["835", "836", "837"].includes(la.oldCode)) return candidates.find((c) => c.oldCode === (la.oldCode === "835" && !/christchurch/i.test(constituency) ? "838" : "839"));
  return undefined;
}

/**
 * Build the register rows, rebuild counts and openings/closures from all register inputs.
 * @throws never: a provider that cannot be placed is left out with a warning.
 * @example assembleRegister([]).rows.length // 0
 */
export function assembleRegister(inputs: readonly RegisterInput[]): AssembledRegister {
  const diagnostics: Diagnostic[] = [];
  // 1. Snapshots by date.
  const lists = inputs.filter((i) => i.payload.kind === "list").map((i) => ({ path: i.path, list: (i.payload as { kind: "list"; list: RegisterList }).list }));
  const sheets = inputs.filter((i) => i.payload.kind === "events").map((i) => ({ path: i.path, events: (i.payload as Extract<RegisterPayload, { kind: "events" }>).events }));
  const byDate = new Map<string, Snapshot>();
  for (const { list } of [...lists].sort((a, b) => Number(b.list.complete) - Number(a.list.complete))) {
    const s = byDate.get(list.date) ?? { date: list.date, complete: false, hasOwner: false, files: [], members: new Map<string, RegisterEntry>() };
    byDate.set(list.date, s);
  }
  for (const { path, list } of lists) {
    const s = byDate.get(list.date)!;
    s.files.push(path);
    s.hasOwner ||= list.hasOwner;
    const adds = list.complete || !s.complete;
    if (list.complete && !s.complete) { s.complete = true; s.members = new Map(); }
    for (const e of list.entries) {
      const known = s.members.get(e.urn);
      if (!known) { if (adds) s.members.set(e.urn, e); continue; }
      if (known.owner === "" && e.owner !== "") s.members.set(e.urn, { ...known, owner: e.owner });
      if (known.places === null && e.places !== null) s.members.set(e.urn, { ...s.members.get(e.urn)!, places: e.places });
    }
  }
  // Where a date has a complete list, its register is the union of its complete lists only.
  const completeUrns = new Map<string, Set<string>>();
  for (const { list } of lists) if (list.complete) {
    const set = completeUrns.get(list.date) ?? new Set<string>();
    for (const e of list.entries) set.add(e.urn);
    completeUrns.set(list.date, set);
  }
  for (const [date, urns] of completeUrns) {
    const s = byDate.get(date)!;
    for (const urn of [...s.members.keys()]) if (!urns.has(urn)) s.members.delete(urn);
  }
  const snapshots = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  // 2. Evidence per URN.
  const observed = new Map<string, Dated[]>();
  for (const s of snapshots) for (const e of s.members.values()) {
    const list = observed.get(e.urn) ?? [];
    list.push({ date: s.date, entry: e, hasOwner: s.hasOwner });
    observed.set(e.urn, list);
  }
  const registered = new Map<string, string>();
  const left = new Map<string, string>();
  const eventsOf = new Map<string, Array<{ ev: RegisterEvent; yearEnding: number }>>();
  const noteDate = (map: Map<string, string>, urn: string, date: string | null) => {
    if (date && (!map.has(urn) || date < map.get(urn)!)) map.set(urn, date);
  };
  for (const s of snapshots) for (const e of s.members.values()) noteDate(registered, e.urn, e.registrationDate);
  for (const { events } of sheets) for (const ev of events.events) {
    noteDate(registered, ev.urn, ev.activeDate);
    if (ev.leaver) noteDate(left, ev.urn, ev.leftDate);
    const list = eventsOf.get(ev.urn) ?? [];
    list.push({ ev, yearEnding: events.yearEnding });
    eventsOf.set(ev.urn, list);
  }
  const allUrns = new Set([...observed.keys(), ...eventsOf.keys()]);
  // Owner spellings: the most recent spelling of each key is shown.
  const ownerShown = new Map<string, string>();
  for (const s of snapshots) for (const e of s.members.values()) if (e.owner.trim()) ownerShown.set(ownerKey(e.owner), ownerName(e.owner));
  const ownerOf = (raw: string) => (raw.trim() === "" ? OWNER_NOT_RECORDED : ownerShown.get(ownerKey(raw)) ?? ownerName(raw));

  /** Records of a URN other than at T, with their dates, nearest first (later first on a tie). */
  const recordsNear = (urn: string, date: string): Dated[] => {
    const recs: Dated[] = (observed.get(urn) ?? []).filter((o) => o.date !== date);
    for (const { ev, yearEnding } of eventsOf.get(urn) ?? []) {
      const when = (ev.leaver ? ev.leftDate : null) ?? ev.activeDate ?? `${yearEnding}-03-31`;
      recs.push({ date: when, entry: ev, hasOwner: false });
    }
    return recs.sort((a, b) => daysBetween(a.date, date) - daysBetween(b.date, date) || b.date.localeCompare(a.date));
  };
  const unplaced: Array<{ urn: string; date: string }> = [];
  const summary: RegisterYearSummary[] = [];
  const registers = new Map<string, Map<string, Member>>();
  const rows: DatasetRow[] = [];

  for (const s of snapshots) {
    const year = yearEnding31March(s.date);
    const members = new Map<string, Member>();
    let placesImputed = 0;
    // Listed providers.
    for (const e of s.members.values()) {
      const la = laInYear(e.laOldCode, year, e.constituency);
      if (!la) { unplaced.push({ urn: e.urn, date: s.date }); continue; }
      let places = e.places;
      if (places === null && PROVISION_TYPES_WITH_PLACES.has(e.provisionType)) {
        // 4. Places from the nearest record that has them.
        const near = recordsNear(e.urn, s.date).find((r) => r.entry.places !== null && r.entry.provisionType === e.provisionType);
        if (near) { places = near.entry.places; placesImputed++; }
      }
      members.set(e.urn, { urn: e.urn, provisionType: e.provisionType, sector: e.sector, places, la, owner: s.hasOwner ? ownerOf(e.owner) : OWNER_NOT_RECORDED, rebuilt: false });
    }
    // 3. Rebuild providers missing from an inspected-only list.
    if (!s.complete) {
      for (const urn of allUrns) {
        if (members.has(urn) || s.members.has(urn)) continue;
        const obs = observed.get(urn) ?? [];
        const reg = registered.get(urn);
        const gone = left.get(urn);
        const before = (reg !== undefined && reg <= s.date) || obs.some((o) => o.date < s.date);
        const listedLater = obs.some((o) => o.date > s.date);
        const after = listedLater || (gone !== undefined && gone > s.date);
        const closed = gone !== undefined && gone <= s.date && !obs.some((o) => o.date >= s.date);
        if (!before || !after || closed) continue;
        const near = recordsNear(urn, s.date);
        let placed: { rec: Dated; la: LocalAuthority } | undefined;
        for (const rec of near) {
          const la = laInYear(rec.entry.laOldCode, year, rec.entry.constituency);
          if (la) { placed = { rec, la }; break; }
        }
        if (!placed) { unplaced.push({ urn, date: s.date }); continue; }
        const e = placed.rec.entry;
        const places = PROVISION_TYPES_WITH_PLACES.has(e.provisionType)
          ? (e.places ?? near.find((r) => r.entry.places !== null && r.entry.provisionType === e.provisionType)?.entry.places ?? null)
          : e.places;
        const owned = s.hasOwner ? near.find((r) => r.hasOwner && r.entry.owner.trim() !== "") : undefined;
        members.set(urn, { urn, provisionType: e.provisionType, sector: e.sector, places, la: placed.la, owner: owned ? ownerOf(owned.entry.owner) : OWNER_NOT_RECORDED, rebuilt: true });
      }
    }
    registers.set(s.date, members);
    // 5. Rows.
    const period = snapshotPeriod(s.date);
    rows.push(...registerRows(members, s.date, period, !s.complete, s.hasOwner));
    const listed = [...members.values()].filter((m) => !m.rebuilt);
    const rebuilt = [...members.values()].filter((m) => m.rebuilt);
    const homes = (ms: Member[]) => ms.filter((m) => m.provisionType === "childrens_home").length;
    summary.push({
      ...period,
      basis: s.complete ? "complete" : "rebuilt",
      providers_listed: listed.length,
      providers_rebuilt: rebuilt.length,
      places_rebuilt: rebuilt.reduce((a, m) => a + (m.places ?? 0), 0),
      childrens_homes_listed: homes(listed),
      childrens_homes_rebuilt: homes(rebuilt),
      places_imputed: placesImputed,
      files: s.files,
    });
    if (!s.complete || placesImputed > 0) diagnostics.push(diagnostic("I_SUPPLY_REBUILT", {
      date: s.date, listed: listed.length, rebuilt: rebuilt.length, homes: homes(rebuilt), places: rebuilt.reduce((a, m) => a + (m.places ?? 0), 0), imputed: placesImputed,
    }, { file: s.files.join(" + ") }));
  }
  if (unplaced.length) diagnostics.push(diagnostic("W_SUPPLY_PROVIDER_UNPLACED", { count: unplaced.length, example: `${unplaced[0].urn} at ${unplaced[0].date}` }, {}));
  // 6. Openings and closures.
  const flows = openingsAndClosures(sheets.map((x) => x.events), registers, diagnostics);
  rows.push(...flows.rows);
  for (const item of summary) {
    const f = flows.byYear.get(Number(item.time_period));
    if (f && item.time_identifier === "Reporting year") Object.assign(item, { openings_source: f.source, providers_opened: f.opened, providers_closed: f.closed });
  }
  return { rows, diagnostics, summary };
}

interface Cell {
  providers: number;
  places: number;
  withPlaces: number;
  rebuiltProviders: number;
  rebuiltPlaces: number;
}

function emptyCell(): Cell {
  return { providers: 0, places: 0, withPlaces: 0, rebuiltProviders: 0, rebuiltPlaces: 0 };
}

function registerRows(members: Map<string, Member>, date: string, period: { time_period: string; time_identifier: string }, rebuiltYear: boolean, hasOwner: boolean): DatasetRow[] {
  const year = yearEnding31March(date);
  const byLa = new Map<string, Map<string, Cell>>();
  for (const m of members.values()) {
    let cells = byLa.get(m.la.oldCode);
    if (!cells) byLa.set(m.la.oldCode, (cells = new Map()));
    // A list without owners (before 2018) gets no owner leaves: they would only repeat the totals.
    const keys = hasOwner ? [`${m.provisionType}|${m.sector}|${m.owner}`] : [];
    for (const type of [m.provisionType, TOTAL]) for (const sector of [m.sector, TOTAL]) keys.push(`${type}|${sector}|${TOTAL}`);
    for (const key of keys) {
      const cell = cells.get(key) ?? emptyCell();
      cell.providers++;
      if (m.places !== null) { cell.places += m.places; cell.withPlaces++; }
      if (m.rebuilt) { cell.rebuiltProviders++; cell.rebuiltPlaces += m.places ?? 0; }
      cells.set(key, cell);
    }
  }
  const rows: DatasetRow[] = [];
  for (const [oldCode, cells] of [...byLa].sort(([a], [b]) => a.localeCompare(b))) {
    const geography = laGeography(findLa(oldCode)!, year);
    for (const [key, cell] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
      const [provision_type, sector, owning_group] = key.split("|");
      const dims = { provision_type, sector, owning_group };
      const row = (measure: string, d: DatasetRow["dims"], value: number | null, status: DatasetRow["value_status"]) => publishedRow(geography, period.time_period, measure, d, value, status, period.time_identifier);
      rows.push(row("registered_providers", dims, cell.providers, "ok"));
      rows.push(cell.withPlaces > 0 ? row("registered_places", dims, cell.places, "ok") : row("registered_places", dims, null, "not_applicable"));
      if (rebuiltYear && owning_group === TOTAL) {
        const d = { provision_type, sector };
        rows.push(row("registered_providers_rebuilt", d, cell.rebuiltProviders, "ok"));
        rows.push(cell.withPlaces > 0 ? row("registered_places_rebuilt", d, cell.rebuiltPlaces, "ok") : row("registered_places_rebuilt", d, null, "not_applicable"));
      }
    }
  }
  return rows;
}

interface FlowRecord {
  la: LocalAuthority;
  provisionType: string;
  sector: string;
  places: number | null;
}

function openingsAndClosures(sheets: RegisterEventsLike[], registers: Map<string, Map<string, Member>>, diagnostics: Diagnostic[]): { rows: DatasetRow[]; byYear: Map<number, { source: string; opened: number; closed: number }> } {
  const byYear = new Map<number, { source: string; opened: FlowRecord[]; closed: FlowRecord[] }>();
  let unplaced = 0;
  for (const sheet of sheets) {
    if (byYear.has(sheet.yearEnding)) continue;
    const opened: FlowRecord[] = [];
    const closed: FlowRecord[] = [];
    for (const ev of sheet.events) {
      const la = laInYear(ev.laOldCode, sheet.yearEnding, ev.constituency);
      if (!la) { unplaced++; continue; }
      const rec = { la, provisionType: ev.provisionType, sector: ev.sector, places: ev.places };
      if (ev.joiner) opened.push(rec);
      if (ev.leaver) closed.push(rec);
    }
    byYear.set(sheet.yearEnding, { source: "joiners and leavers", opened, closed });
  }
  for (const [date, now] of registers) {
    if (date.slice(5) !== "03-31") continue;
    const year = Number(date.slice(0, 4));
    const before = registers.get(`${year - 1}-03-31`);
    if (!before || byYear.has(year)) continue;
    const opened = [...now.values()].filter((m) => !before.has(m.urn));
    const closed = [...before.values()].filter((m) => !now.has(m.urn)).map((m) => ({ ...m, la: laInYear(m.la.oldCode, year, "") ?? m.la }));
    byYear.set(year, { source: "register difference", opened, closed });
  }
  if (unplaced) diagnostics.push(diagnostic("W_SUPPLY_PROVIDER_UNPLACED", { count: unplaced, example: "joiners and leavers" }, {}));
  const rows: DatasetRow[] = [];
  const summary = new Map<number, { source: string; opened: number; closed: number }>();
  for (const [year, flow] of [...byYear].sort(([a], [b]) => a - b)) {
    summary.set(year, { source: flow.source, opened: flow.opened.length, closed: flow.closed.length });
    const cells = new Map<string, { opened: number; closed: number; openedPlaces: number; closedPlaces: number; openedWithPlaces: number; closedWithPlaces: number }>();
    const add = (rec: FlowRecord, which: "opened" | "closed") => {
      for (const type of [rec.provisionType, TOTAL]) for (const sector of [rec.sector, TOTAL]) {
        const key = `${rec.la.oldCode}|${type}|${sector}`;
        const c = cells.get(key) ?? { opened: 0, closed: 0, openedPlaces: 0, closedPlaces: 0, openedWithPlaces: 0, closedWithPlaces: 0 };
        c[which]++;
        if (rec.places !== null) {
          if (which === "opened") { c.openedPlaces += rec.places; c.openedWithPlaces++; } else { c.closedPlaces += rec.places; c.closedWithPlaces++; }
        }
        cells.set(key, c);
      }
    };
    // Every LA x provision type present in the register at either end of the year gets a
    // row over all sectors (and every LA one over all types), so that a zero there is a true
    // zero (the sheet or the difference covers every provider); sector rows exist where
    // something opened or closed, and a missing sector row means none did.
    for (const date of [`${year - 1}-03-31`, `${year}-03-31`]) for (const m of registers.get(date)?.values() ?? []) {
      const la = laInYear(m.la.oldCode, year, "");
      if (!la) continue;
      for (const type of [m.provisionType, TOTAL]) {
        const key = `${la.oldCode}|${type}|${TOTAL}`;
        if (!cells.has(key)) cells.set(key, { opened: 0, closed: 0, openedPlaces: 0, closedPlaces: 0, openedWithPlaces: 0, closedWithPlaces: 0 });
      }
    }
    for (const r of flow.opened) add(r, "opened");
    for (const r of flow.closed) add(r, "closed");
    const timeIdentifier = "Reporting year";
    for (const [key, c] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
      const [oldCode, provision_type, sector] = key.split("|");
      const la = findLa(oldCode)!;
      if (year < la.firstYear || year > la.lastYear) continue;
      const geography = laGeography(la, year);
      const dims = { provision_type, sector };
      const placesType = provision_type === TOTAL || PROVISION_TYPES_WITH_PLACES.has(provision_type);
      rows.push(publishedRow(geography, String(year), "registered_providers_opened", dims, c.opened, "ok", timeIdentifier));
      rows.push(publishedRow(geography, String(year), "registered_providers_closed", dims, c.closed, "ok", timeIdentifier));
      // Types without places (agencies) get no places rows (registered_places says not_applicable).
      if (!placesType) continue;
      rows.push(publishedRow(geography, String(year), "registered_places_opened", dims, c.openedPlaces, "ok", timeIdentifier));
      rows.push(publishedRow(geography, String(year), "registered_places_closed", dims, c.closedPlaces, "ok", timeIdentifier));
    }
  }
  return { rows, byYear: summary };
}

type RegisterEventsLike = { yearEnding: number; events: RegisterEvent[] };
