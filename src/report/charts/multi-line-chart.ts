/**
 * Several series over years on one chart (starts and ceases; placement groups with
 * their forecasts), observed solid and forecast dashed. A forecast line should start at
 * the last observed point (give it a "forecast" row for that year) so the two join.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, SCHEMA } from "./theme.ts";

export interface MultiLineRow {
  year: number;
  series: string;
  value: number | null;
  /** "observed" or "forecast". */
  kind: "observed" | "forecast";
}

/** @example multiLineChart([], { title: "T", yTitle: "n" }).title // "T" */
export function multiLineChart(rows: MultiLineRow[], options: { title: string; yTitle: string; width?: number; height?: number }): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: options.title,
    width: options.width ?? 560,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    data: { values: rows.filter((r) => r.value !== null) },
    mark: { type: "line", point: true, strokeWidth: 2 },
    encoding: {
      x: { field: "year", type: "quantitative", title: "Year ending 31 March", axis: { format: "d", tickMinStep: 1 } },
      y: { field: "value", type: "quantitative", title: options.yTitle },
      color: { field: "series", type: "nominal", title: null, legend: { orient: "right", labelLimit: 260 } },
      strokeDash: rows.some((r) => r.kind === "forecast")
        ? { field: "kind", type: "nominal", title: null, scale: { domain: ["observed", "forecast"], range: [[1, 0], [6, 4]] }, legend: { orient: "right" } }
        : { value: [1, 0] },
      detail: { field: "kind" },
    },
  } as TopLevelSpec;
}
