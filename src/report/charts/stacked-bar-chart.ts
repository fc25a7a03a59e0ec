/**
 * Stacked horizontal bars: e.g. Ofsted-registered places by provision type split by
 * provider sector.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, SCHEMA } from "./theme.ts";

export interface StackedRow {
  category: string;
  part: string;
  value: number | null;
}

/** @example stackedBarChart([], { title: "T", xTitle: "n", partTitle: "p" }).title // "T" */
export function stackedBarChart(rows: StackedRow[], options: { title: string; xTitle: string; partTitle: string; width?: number }): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: options.title,
    width: options.width ?? 420,
    height: { step: 26 },
    config: CHART_CONFIG,
    data: { values: rows.filter((r) => r.value !== null) },
    mark: { type: "bar" },
    encoding: {
      y: { field: "category", type: "nominal", title: null, sort: "-x", axis: { labelLimit: 400 } },
      x: { field: "value", type: "quantitative", title: options.xTitle, stack: "zero" },
      color: { field: "part", type: "nominal", title: options.partTitle },
      order: { field: "part" },
    },
  } as TopLevelSpec;
}
