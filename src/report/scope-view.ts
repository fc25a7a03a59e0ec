/**
 * A read-only index over the dataset rows of one geography (an LA, or an aggregate for a
 * region, footprint or England): look up a value by measure, dimensions and year, or a
 * whole yearly series. Missing stays missing: a lookup returns null with the row's status.
 */
import type { DatasetRow, DimensionColumn, ValueStatus } from "../spec/dataset.ts";

export interface ScopeValue {
  value: number | null;
  status: ValueStatus | "absent";
}

function dimsKey(dims: Partial<Record<DimensionColumn, string>>): string {
  return Object.entries(dims)
    .filter(([, v]) => v !== undefined && v !== "")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join("|");
}

export class ScopeView {
  private readonly index = new Map<string, DatasetRow>();
  readonly years: number[];

  constructor(readonly rows: DatasetRow[]) {
    const years = new Set<number>();
    for (const row of rows) {
      this.index.set(`${row.measure}#${dimsKey(row.dims)}#${row.time_period}`, row);
      const y = Number(row.time_period);
      if (Number.isInteger(y)) years.add(y);
    }
    this.years = [...years].sort((a, b) => a - b);
  }

  /**
   * The value of a measure for given dimension values (unlisted dimensions must be empty
   * in the row, e.g. `{ placement_type: "total", age_band: "total" }` for the headline).
   * @example view.get("cla_31_march", { placement_type: "total", age_band: "total" }, 2025).value
   */
  get(measure: string, dims: Partial<Record<DimensionColumn, string>>, year: number): ScopeValue {
    const row = this.index.get(`${measure}#${dimsKey(dims)}#${year}`);
    if (!row) return { value: null, status: "absent" };
    return { value: row.value, status: row.value_status };
  }

  /** The yearly series of a measure (years where the row exists, value null where missing). */
  series(measure: string, dims: Partial<Record<DimensionColumn, string>>): Array<{ year: number; value: number | null; status: ValueStatus }> {
    const key = dimsKey(dims);
    const out: Array<{ year: number; value: number | null; status: ValueStatus }> = [];
    for (const row of this.rows) {
      if (row.measure !== measure || dimsKey(row.dims) !== key) continue;
      out.push({ year: Number(row.time_period), value: row.value, status: row.value_status });
    }
    return out.sort((a, b) => a.year - b.year);
  }

  /** Rows of a measure in a year, for breakdowns (e.g. every placement group). */
  breakdown(measure: string, year: number): DatasetRow[] {
    return this.rows.filter((r) => r.measure === measure && Number(r.time_period) === year);
  }
}
