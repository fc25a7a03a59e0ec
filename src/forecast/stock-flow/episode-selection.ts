/**
 * Which episodes of an EpisodeTable the stock-flow model uses, and in what order:
 * episodes of the chosen LAs, excluding short breaks (legal status V3/V4, which DfE does
 * not count as looked after at 31 March), episodes without a date of birth or start, and
 * placement types outside the state space. Each exclusion is counted, never silent.
 * Episodes are ordered by child then start with a counting sort (linear time), so a
 * million episodes are ordered in milliseconds.
 *
 * Reference: DfE "Children looked after in England" methodology (short breaks excluded).
 */
import type { EpisodeTable } from "../../spec/ssda903.ts";
import type { StateSpace } from "./state-space.ts";

export interface EpisodeSelectionCounts {
  episodes: number;
  used: number;
  excludedOtherLa: number;
  excludedShortBreaks: number;
  excludedMissingDates: number;
  excludedUnknownPlacement: number;
  children: number;
}

export interface EpisodeSelection {
  /** Included episode row indices, grouped by child and ordered by start within a child. */
  order: Int32Array;
  /** Start offset into `order` of each child's run; runStarts[runs] = order.length. */
  runStarts: Int32Array;
  /** Placement group index of each table row (-1 when excluded). */
  groupOfRow: Int16Array;
  counts: EpisodeSelectionCounts;
  /** The day the data ends: open episodes are censored here. */
  dataEnd: number;
  /** By LA index: the day that LA's data end (its latest return), never after dataEnd. */
  dataEndOfLa: Int32Array;
}

const march31 = (y: number) => Math.round(Date.UTC(y, 2, 31) / 86_400_000);

/**
 * The day the data end: 31 March of the latest return year read (EpisodeTable.returnYears),
 * or, when the table does not say, the 31 March on or after its latest start or end date.
 * @throws never. @example dataEndOf(table) // e.g. isoToDay("2021-03-31")
 */
export function dataEndOf(table: EpisodeTable): number {
  const years = table.returnYears?.flat() ?? [];
  if (years.length > 0) return march31(Math.max(...years));
  let latest = -Infinity;
  for (let e = 0; e < table.length; e++) {
    if (table.start[e] > latest) latest = table.start[e];
    if (table.end[e] > latest) latest = table.end[e];
  }
  if (!Number.isFinite(latest)) return 0;
  const date = new Date(latest * 86_400_000);
  let year = date.getUTCFullYear();
  if (latest > march31(year)) year++;
  return march31(year);
}

/**
 * Select and order the episodes the model uses.
 * @throws Error when an LA code in `las` is not in the table.
 * @example episodeSelection(table, stateSpace()).counts.used // episodes kept
 */
export function episodeSelection(table: EpisodeTable, space: StateSpace, options: { las?: string[]; dataEnd?: number } = {}): EpisodeSelection {
  const n = table.length;
  let laKeep: Uint8Array | null = null;
  if (options.las && options.las.length > 0) {
    laKeep = new Uint8Array(table.codes.la.length);
    for (const code of options.las) {
      const index = table.codes.la.indexOf(code);
      if (index < 0) throw new Error(`episodeSelection: LA ${code} is not in the episode table (have ${table.codes.la.join(", ")})`);
      laKeep[index] = 1;
    }
  }
  const shortBreak = table.codes.legalStatus.map((code) => code === "V3" || code === "V4");
  const groupOfCode = table.codes.placementType.map((code) => space.groupOfType.get(code) ?? -1);
  const groupOfRow = new Int16Array(n).fill(-1);
  const counts: EpisodeSelectionCounts = {
    episodes: n, used: 0, excludedOtherLa: 0, excludedShortBreaks: 0, excludedMissingDates: 0, excludedUnknownPlacement: 0, children: 0,
  };
  let maxChild = -1;
  for (let e = 0; e < n; e++) {
    if (laKeep && !laKeep[table.la[e]]) { counts.excludedOtherLa++; continue; }
    if (shortBreak[table.legalStatus[e]]) { counts.excludedShortBreaks++; continue; }
    if (table.start[e] === -1 || table.birth[e] === -1) { counts.excludedMissingDates++; continue; }
    const group = groupOfCode[table.placementType[e]] ?? -1;
    if (group < 0) { counts.excludedUnknownPlacement++; continue; }
    groupOfRow[e] = group;
    counts.used++;
    if (table.child[e] > maxChild) maxChild = table.child[e];
  }
  // Counting sort by child.
  const bucket = new Int32Array(maxChild + 2);
  for (let e = 0; e < n; e++) if (groupOfRow[e] >= 0) bucket[table.child[e] + 1]++;
  for (let c = 0; c <= maxChild; c++) bucket[c + 1] += bucket[c];
  const order = new Int32Array(counts.used);
  const fill = bucket.slice(0, maxChild + 1);
  for (let e = 0; e < n; e++) if (groupOfRow[e] >= 0) order[fill[table.child[e]]++] = e;
  const runs: number[] = [];
  for (let c = 0; c <= maxChild; c++) {
    const from = bucket[c], to = bucket[c + 1];
    if (to === from) continue;
    runs.push(from);
    // Insertion sort by start within the child's (short) run.
    for (let i = from + 1; i < to; i++) {
      const value = order[i];
      const key = table.start[value];
      let j = i - 1;
      while (j >= from && table.start[order[j]] > key) { order[j + 1] = order[j]; j--; }
      order[j + 1] = value;
    }
  }
  runs.push(counts.used);
  counts.children = runs.length - 1;
  const dataEnd = options.dataEnd ?? dataEndOf(table);
  const dataEndOfLa = Int32Array.from(table.codes.la.map((_, la) => {
    const years = table.returnYears?.[la];
    return years && years.length > 0 ? Math.min(dataEnd, march31(Math.max(...years))) : dataEnd;
  }));
  return { order, runStarts: Int32Array.from(runs), groupOfRow, counts, dataEnd, dataEndOfLa };
}
