/**
 * Reading the standard EES geography columns (time_period, geographic_level, region_code,
 * region_name, old_la_code, new_la_code, la_name) of one record.
 */
import type { ValueStatus } from "../../spec/dataset.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import type { ReadAccumulator } from "./read-accumulator.ts";
import { publishedGeography, publishedYear, type RecordWhere } from "./published-row.ts";
import type { Geography } from "./resolve-geography.ts";
import type { PublishedTable } from "./published-table.ts";

export interface EesGeographyReader {
  /** The year (ending 31 March) of a record, or null after rejecting it. */
  year(record: string[], where: RecordWhere): number | null;
  /** The geography of a record, or null after skipping or rejecting it. */
  geography(record: string[], year: number, status: ValueStatus, where: RecordWhere, outOfPeriod?: "reject" | "skip"): Geography | null;
}

/**
 * Build the geography reader for a table with EES columns. A table without
 * geographic_level is taken as National (England-only files).
 * @throws never
 * @example eesRecord(table, acc).year(["2025"], { file: "a.csv", row: 2 }) // 2025
 */
export function eesRecord(table: PublishedTable, acc: ReadAccumulator, periodColumn = "time_period"): EesGeographyReader {
  const col = (name: string) => table.index.get(name) ?? -1;
  const cPeriod = col(periodColumn);
  const [cLevel, cRegionCode, cRegionName, cOld, cNew, cName] = ["geographic_level", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"].map(col);
  const at = (r: string[], i: number) => (i >= 0 ? r[i] : "");
  return {
    year(record, where) {
      const year = publishedYear(at(record, cPeriod));
      if (year === null) acc.reject(diagnostic("E_PUBLISHED_BAD_PERIOD", { value: at(record, cPeriod) }, { ...where, column: periodColumn }));
      return year;
    },
    geography(record, year, status, where, outOfPeriod = "reject") {
      return publishedGeography(acc, {
        level: cLevel >= 0 ? record[cLevel] : "National",
        year,
        oldCode: at(record, cOld),
        newCode: at(record, cNew),
        laName: at(record, cName),
        regionCode: at(record, cRegionCode),
        regionName: at(record, cRegionName),
      }, status, where, outOfPeriod);
    },
  };
}
