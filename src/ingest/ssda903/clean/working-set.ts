/**
 * The shared state of the cleaning rules: the raw episode rows, an ordering that groups
 * them by child and sorts each child's episodes by start (then latest return first), and
 * a status per row. Each rule in this folder reads and updates it and returns a count.
 */
import type { RawSsda903 } from "../read-ssda903.ts";

/** Row status values. */
export const KEPT = 0;
export const REJECTED = 1;
export const DUPLICATE = 2;
export const SHORT_BREAK = 3;
export const MERGED = 4;

export interface WorkingSet {
  raw: RawSsda903;
  /** Row indices grouped by child; within a child by start ascending, then year, file and row descending. */
  order: Int32Array;
  /** order[childStart[c] .. childStart[c + 1]) are child c's rows. */
  childStart: Int32Array;
  /** Status per raw row (KEPT, REJECTED, ...). Rows rejected while reading never get here. */
  status: Uint8Array;
  /** 1 for rows closed by the open-absent-from-newer rule (end set, reason unknown). */
  closedUnknown: Uint8Array;
}

/**
 * Group episode rows by child (counting sort, linear) and sort each child's rows
 * (insertion sort: a child has few episodes).
 * @throws never.
 * @example workingSet(readSsda903([], {})).order.length // 0
 */
export function workingSet(raw: RawSsda903): WorkingSet {
  const e = raw.episodes;
  const n = e.length;
  const children = raw.childCount;
  const childStart = new Int32Array(children + 1);
  for (let i = 0; i < n; i++) childStart[e.child[i] + 1]++;
  for (let c = 0; c < children; c++) childStart[c + 1] += childStart[c];
  const cursor = childStart.slice(0, children);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[e.child[i]]++] = i;
  const { start, year, file, row } = e;
  const before = (a: number, b: number) =>
    start[a] !== start[b] ? start[a] < start[b] : year[a] !== year[b] ? year[a] > year[b] : file[a] !== file[b] ? file[a] > file[b] : row[a] > row[b];
  for (let c = 0; c < children; c++) {
    const lo = childStart[c];
    const hi = childStart[c + 1];
    for (let k = lo + 1; k < hi; k++) {
      const item = order[k];
      let j = k - 1;
      while (j >= lo && before(item, order[j])) { order[j + 1] = order[j]; j--; }
      order[j + 1] = item;
    }
  }
  return { raw, order, childStart, status: new Uint8Array(n), closedUnknown: new Uint8Array(n) };
}

/**
 * The code string of a coded column value, "" when blank (or out of range).
 * @throws never.
 * @example codeText(["C1", "C2"], 1) // "C2"
 */
export function codeText(dictionary: string[], value: number): string {
  return value < dictionary.length ? dictionary[value] : "";
}
