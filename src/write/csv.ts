/**
 * Tidy CSV text for the writers. The formatter itself lives in src/util/to-csv.ts so the
 * template layer (the measure dictionary) can use the same one.
 */
export { csvCell, toCsv, type CsvCell } from "../util/to-csv.ts";
