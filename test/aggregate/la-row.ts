/** Build LA dataset rows for aggregate tests. */
import type { DatasetRow, ValueStatus } from "../../src/spec/dataset";
import { findLa, laGeography } from "../../src/reference/las";

export function laRow(code: string, period: string, measure: string, dims: DatasetRow["dims"], value: number | null, status?: ValueStatus): DatasetRow {
  const la = findLa(code);
  if (!la) throw new Error(`test: unknown LA ${code}`);
  return {
    time_period: period,
    time_identifier: "Reporting year",
    ...laGeography(la, Number(period)),
    measure,
    dims,
    value,
    value_status: status ?? (value === null ? "missing" : "ok"),
  };
}

export const TOTALS = { placement_type: "total", age_band: "total" } as const;
