/**
 * Recognise a DfE / ONS / Ofsted / MHCLG published file by its header columns (never its
 * name) and read it with the reader of its family. Returns null when the file is not a
 * published file, so the dispatcher can try the other readers.
 */
import type { ReadResult } from "../../spec/dataset.ts";
import { headerColumns, type PublishedFile } from "./published-table.ts";
import { isDfeCharacteristics, readDfeCharacteristics } from "./read-dfe-characteristics.ts";
import { isDfeLaTotals, readDfeLaTotals } from "./read-dfe-la-totals.ts";
import { isDfeNationalPlacementLocality, readDfeNationalPlacementLocality } from "./read-dfe-national-placement-locality.ts";
import { isDfeNewPlacements, readDfeNewPlacements } from "./read-dfe-new-placements.ts";
import { isDfeRates, readDfeRates } from "./read-dfe-rates.ts";
import { isDfeTimeSeries, readDfeTimeSeries } from "./read-dfe-time-series.ts";
import { isMhclgRo3, readMhclgRo3 } from "./read-mhclg-ro3.ts";
import { isOfstedProviderList } from "./read-ofsted-providers.ts";
import { readOfstedPlaces } from "./read-ofsted-places.ts";
import { isOfstedTimeSeries, readOfstedTimeSeries } from "./read-ofsted-time-series.ts";
import { isOnsPopulation, readOnsPopulation } from "./read-ons-population.ts";
import { readSkippedFile, SKIPPED_FILE_KINDS } from "./read-skipped-file.ts";

export interface PublishedReader {
  /** Family name, for documentation and tests. */
  family: string;
  matches(columns: readonly string[]): boolean;
  read(file: PublishedFile): ReadResult;
}

/** Every published-file reader, most specific header first. */
export const PUBLISHED_READERS: readonly PublishedReader[] = [
  { family: "dfe-cla-characteristics", matches: isDfeCharacteristics, read: readDfeCharacteristics },
  { family: "dfe-cla-numbers-and-rates", matches: isDfeRates, read: readDfeRates },
  { family: "dfe-cla-national-time-series", matches: isDfeTimeSeries, read: readDfeTimeSeries },
  { family: "dfe-cla-la-totals", matches: isDfeLaTotals, read: readDfeLaTotals },
  { family: "dfe-cla-new-placements", matches: isDfeNewPlacements, read: readDfeNewPlacements },
  { family: "dfe-cla-national-placement-provider-locality", matches: isDfeNationalPlacementLocality, read: readDfeNationalPlacementLocality },
  { family: "ons-population", matches: isOnsPopulation, read: readOnsPopulation },
  { family: "ofsted-providers", matches: isOfstedProviderList, read: readOfstedPlaces },
  { family: "ofsted-time-series", matches: isOfstedTimeSeries, read: readOfstedTimeSeries },
  { family: "mhclg-ro3", matches: isMhclgRo3, read: readMhclgRo3 },
  ...SKIPPED_FILE_KINDS.map((k): PublishedReader => ({ family: k.kind, matches: k.matches, read: (file) => readSkippedFile(file, k) })),
];

/** The reader whose header test accepts these columns, or undefined. */
export function findPublishedReader(columns: readonly string[]): PublishedReader | undefined {
  return PUBLISHED_READERS.find((r) => r.matches(columns));
}

/**
 * Read a published file, or return null when its header is not one of the published families.
 * Reference: data/SOURCES.md lists the files and their publishers.
 * @throws Error only when the bytes of a recognised file are not CSV.
 * @example readPublished({ name: "x.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }) // null
 */
export function readPublished(file: PublishedFile): ReadResult | null {
  const reader = findPublishedReader(headerColumns(file.bytes));
  return reader ? reader.read(file) : null;
}
