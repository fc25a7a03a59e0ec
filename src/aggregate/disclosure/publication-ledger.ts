/**
 * The publication ledger: every figure published with disclosure control (per period,
 * measure and cell: its value and the LAs it is the sum of), so that a later publication
 * (another footprint, region or England run, an LA report) is protected against what is
 * already out. A JSON document; LA lists are stored once and referenced by index.
 *
 * Limit: the ledger knows only what was published through it. Files published by someone
 * else (another team's tables, a FOI answer, an earlier release made without the ledger)
 * are not in it and cannot be protected against.
 */
import type { DatasetRow } from "../../spec/dataset.ts";
import { dimensionKey } from "../dimension-key.ts";
import type { AggregateRow, MemberValue } from "../types.ts";
import { groupKey, type LaFigure, type PublishedFigure } from "./protect-linked.ts";
import { isPublishedSource } from "../published-source.ts";

export const LEDGER_FORMAT = "suff-publication-ledger";

/** One published figure with where it went. */
export interface LedgerEntry extends PublishedFigure {
  geography: string;
  output: string;
  published: string;
}

export interface Ledger {
  entries: LedgerEntry[];
}

interface LedgerFile {
  format: string;
  version: 1;
  note: string;
  member_sets: string[][];
  entries: Array<Omit<LedgerEntry, "members"> & { members: number }>;
}

/**
 * Parse a ledger file's text.
 * @throws Error naming what is wrong when the text is not a ledger.
 * @example parseLedger('{"format":"suff-publication-ledger","version":1,"member_sets":[],"entries":[]}').entries.length // 0
 */
export function parseLedger(text: string): Ledger {
  let doc: LedgerFile;
  try {
    doc = JSON.parse(text) as LedgerFile;
  } catch (error) {
    throw new Error(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!doc || doc.format !== LEDGER_FORMAT || !Array.isArray(doc.entries) || !Array.isArray(doc.member_sets)) throw new Error(`not a ${LEDGER_FORMAT} file`);
  return {
    entries: doc.entries.map((e) => {
      const members = doc.member_sets[e.members];
      if (!Array.isArray(members) || (typeof e.value !== "number" && e.value !== null)) throw new Error(`entry ${e.geography} ${e.measure} ${e.time_period} is malformed`);
      return { ...e, members: [...members] };
    }),
  };
}

/**
 * The ledger as file text.
 * @throws never.
 * @example serializeLedger({ entries: [] }).includes("suff-publication-ledger") // true
 */
export function serializeLedger(ledger: Ledger): string {
  const sets: string[][] = [];
  const index = new Map<string, number>();
  const entries = ledger.entries.map((e) => {
    const key = e.members.join(",");
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = sets.push(e.members) - 1));
    return { time_period: e.time_period, time_identifier: e.time_identifier, measure: e.measure, dims: e.dims, geography: e.geography, value: e.value, members: i, output: e.output, published: e.published };
  });
  const doc: LedgerFile = {
    format: LEDGER_FORMAT,
    version: 1,
    note: "Figures published by the Sufficiency Toolkit with disclosure control, each the sum of the listed LAs' figures. Later publications are protected against them. Figures published by anyone else are not here.",
    member_sets: sets,
    entries,
  };
  return JSON.stringify(doc) + "\n";
}

/**
 * The figures a set of protected rows publishes: every summed row with a value, as the sum
 * of the members present; and every one suppressed as a small count (value null), which
 * later publications must keep unknown.
 * @throws never.
 */
export function publishedFigures(rows: readonly AggregateRow[], contributions: ReadonlyMap<AggregateRow, readonly MemberValue[]>, output: string, published: string): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const row of rows) {
    // Suppressed as a small count (primary): later publications must keep it unknown.
    if (row.value === null && !(row.value_status === "suppressed" && row.note.startsWith("c: suppressed (a count below"))) continue;
    const members = contributions.get(row);
    if (!members) continue;
    out.push({
      time_period: row.time_period, time_identifier: row.time_identifier, measure: row.measure, dims: dimensionKey(row.dims),
      members: members.filter((m) => m.value !== null).map((m) => m.oldCode).sort(), value: row.value, geography: row.footprint_code, output, published,
    });
  }
  return out;
}

/**
 * Add entries, keeping one per figure (same cell, same LAs and same value).
 * @throws never.
 */
export function addToLedger(ledger: Ledger, entries: readonly LedgerEntry[]): Ledger {
  const seen = new Set(ledger.entries.map(entryKey));
  const added = entries.filter((e) => {
    const key = entryKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { entries: [...ledger.entries, ...added] };
}

function entryKey(e: LedgerEntry): string {
  return `${e.time_period}\u0001${e.time_identifier}\u0001${e.measure}\u0001${e.dims}\u0001${e.members.join(",")}\u0001${e.value}`;
}

/**
 * The dataset's LA figures of the systems the ledger touches (for LAs a ledger figure is
 * over that no table of this run is).
 * @throws never.
 */
export function laFiguresFor(rows: readonly DatasetRow[], ledger: Ledger): Map<string, Map<string, LaFigure>> {
  const keys = new Set(ledger.entries.map(groupKey));
  const out = new Map<string, Map<string, LaFigure>>();
  if (keys.size === 0) return out;
  for (const r of rows) {
    if (r.geographic_level !== "Local authority") continue;
    const key = groupKey(r);
    if (!keys.has(key)) continue;
    let map = out.get(key);
    if (!map) out.set(key, (map = new Map()));
    const id = `${r.old_la_code || r.new_la_code}\u0001${dimensionKey(r.dims)}`;
    const seen = map.get(id);
    if (seen && seen.value !== null) continue;
    map.set(id, { value: r.value, status: r.value_status, published: isPublishedSource(r.source), dims: r.dims });
  }
  return out;
}
