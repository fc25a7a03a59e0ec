/** Test helpers: build dataset rows and a validation context without reading files. */
import { findLa, laGeography } from "../../src/reference/las";
import type { DatasetRow, RowLocation } from "../../src/spec/dataset";
import type { ValidationContext } from "../../src/validate/rule";

export const TODAY = new Date(Date.UTC(2026, 5, 1));

export function row(measure: string, value: number | null, dims: DatasetRow["dims"] = {}, options: { la?: string; period?: string; status?: DatasetRow["value_status"] } = {}): DatasetRow {
  const la = findLa(options.la ?? "E06000001")!;
  return {
    time_period: options.period ?? "2025",
    time_identifier: "Reporting year",
    ...laGeography(la),
    measure,
    dims,
    value,
    value_status: options.status ?? (value === null ? "missing" : "ok"),
  };
}

export function ctx(rows: DatasetRow[], extra: Partial<ValidationContext> = {}): ValidationContext {
  const locations: RowLocation[] = rows.map((_, i) => ({ sheet: "Demand", cell: `I${i + 2}`, row: i + 2, column: "value" }));
  return { file: "return.xlsx", rows, locations, today: TODAY, ...extra };
}
