/**
 * The header of a long CSV return: the dataset columns in EES order (DATASET_COLUMNS).
 * A filled long CSV has one row per (LA, period, measure, dimension values).
 */
import { DATASET_COLUMNS } from "../spec/dataset.ts";

/**
 * The long CSV template: the header line and a newline.
 * Reference: EES tidy data format (time_period, time_identifier, geographic_level, ...).
 * @throws never
 * @example templateCsvHeader().startsWith("time_period,time_identifier,geographic_level") // true
 */
export function templateCsvHeader(): string {
  return `${DATASET_COLUMNS.join(",")}\n`;
}
