/**
 * Recognise a DfE / ONS / Ofsted / MHCLG published file by its header columns (never its
 * name) and read it with the reader of its family. Returns null when the file is not a
 * published file, so the dispatcher can try the other readers.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { headerColumns, headLines, type PublishedFile } from "./published-table.ts";
import { isDfeCharacteristics, readDfeCharacteristics } from "./read-dfe-characteristics.ts";
import { isDfeLaTotals, readDfeLaTotals } from "./read-dfe-la-totals.ts";
import { isDfeNationalPlacementLocality, readDfeNationalPlacementLocality } from "./read-dfe-national-placement-locality.ts";
import { isDfeNewPlacements, readDfeNewPlacements } from "./read-dfe-new-placements.ts";
import { isDfeRates, readDfeRates } from "./read-dfe-rates.ts";
import { isDfeTimeSeries, readDfeTimeSeries } from "./read-dfe-time-series.ts";
import { isMhclgRo3, isMhclgRo3Sheet, readMhclgRo3, readMhclgRo3Sheet } from "./read-mhclg-ro3.ts";
import { isDfeHistory, readDfeHistory } from "./read-dfe-history.ts";
import { isDfeLaOfPlacement, readDfeLaOfPlacement } from "./read-dfe-la-of-placement.ts";
import { isDfeLait, readDfeLait } from "./read-dfe-lait.ts";
import { isDfeS251Outturn, readDfeS251Outturn } from "./read-dfe-s251-outturn.ts";
import { isOfstedFosteringLa, readOfstedFosteringLa } from "./read-ofsted-fostering-la.ts";
import { isOfstedRegisterList, readOfstedRegisterList } from "./read-ofsted-register-list.ts";
import { isOfstedJoinersLeavers, readOfstedJoinersLeavers } from "./read-ofsted-joiners-leavers.ts";
import { isOfstedTimeSeries, readOfstedTimeSeries } from "./read-ofsted-time-series.ts";
import { isOnsPopulation, readOnsPopulation } from "./read-ons-population.ts";
import { isOnsCpi, readOnsCpi } from "./read-ons-cpi.ts";
import { readSkippedFile, SKIPPED_FILE_KINDS } from "./read-skipped-file.ts";

export interface PublishedReader {
  /** Family name, for documentation and tests. */
  family: string;
  matches(columns: readonly string[]): boolean;
  read(file: PublishedFile): ReadResult;
  /** True when the header may sit below title rows (sheets exported to CSV): the first lines are searched. */
  inHead?: boolean;
}

/** Every published-file reader, most specific header first. */
export const PUBLISHED_READERS: readonly PublishedReader[] = [
  { family: "dfe-cla-characteristics", matches: isDfeCharacteristics, read: readDfeCharacteristics },
  { family: "dfe-cla-numbers-and-rates", matches: isDfeRates, read: readDfeRates },
  { family: "dfe-cla-national-time-series", matches: isDfeTimeSeries, read: readDfeTimeSeries },
  { family: "dfe-cla-la-totals", matches: isDfeLaTotals, read: readDfeLaTotals },
  { family: "dfe-cla-new-placements", matches: isDfeNewPlacements, read: readDfeNewPlacements },
  { family: "dfe-cla-national-placement-provider-locality", matches: isDfeNationalPlacementLocality, read: readDfeNationalPlacementLocality },
  { family: "dfe-cla-la-underlying-2010-2019", matches: isDfeHistory, read: readDfeHistory },
  { family: "dfe-cla-la-of-placement", matches: isDfeLaOfPlacement, read: readDfeLaOfPlacement },
  { family: "dfe-lait", matches: isDfeLait, read: readDfeLait },
  { family: "dfe-s251-outturn", matches: isDfeS251Outturn, read: readDfeS251Outturn },
  { family: "ofsted-fostering-la", matches: isOfstedFosteringLa, read: readOfstedFosteringLa },
  { family: "ons-population", matches: isOnsPopulation, read: readOnsPopulation },
  { family: "ons-cpi", matches: isOnsCpi, read: readOnsCpi },
  { family: "ofsted-register-list", matches: isOfstedRegisterList, read: readOfstedRegisterList, inHead: true },
  { family: "ofsted-joiners-leavers", matches: isOfstedJoinersLeavers, read: readOfstedJoinersLeavers, inHead: true },
  { family: "ofsted-time-series", matches: isOfstedTimeSeries, read: readOfstedTimeSeries, inHead: true },
  { family: "mhclg-ro3", matches: isMhclgRo3, read: readMhclgRo3 },
  { family: "mhclg-ro3-sheet", matches: isMhclgRo3Sheet, read: readMhclgRo3Sheet, inHead: true },
  ...SKIPPED_FILE_KINDS.map((k): PublishedReader => ({ family: k.kind, matches: k.matches, read: (file) => readSkippedFile(file, k) })),
];

/** The reader whose header test accepts these columns, or undefined. */
export function findPublishedReader(columns: readonly string[]): PublishedReader | undefined {
  return PUBLISHED_READERS.find((r) => r.matches(columns));
}

/**
 * The reader of a file whose header sits below title rows: the first of its first 20 lines
 * that a reader marked `inHead` accepts.
 * @throws never
 * @example findPublishedReaderInHead(new TextEncoder().encode("Title\nURN,Provision type,Local authority,Sector\n"))?.family // "ofsted-register-list"
 */
export function findPublishedReaderInHead(bytes: Uint8Array): PublishedReader | undefined {
  for (const line of headLines(bytes, 20)) {
    const clean = line.map((c) => c.replace(/\s+/g, " ").trim());
    const reader = PUBLISHED_READERS.find((r) => r.inHead && r.matches(clean));
    if (reader) return reader;
  }
  return undefined;
}

/**
 * Read a published file, or return null when its header is not one of the published families.
 * Reference: data/SOURCES.md lists the files and their publishers.
 * @throws Error only when the bytes of a recognised file are not CSV.
 * @example readPublished({ name: "x.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }) // null
 */
export function readPublished(file: PublishedFile): ReadResult | null {
  const reader = findPublishedReader(headerColumns(file.bytes)) ?? findPublishedReaderInHead(file.bytes);
  return reader ? reader.read(file) : null;
}
