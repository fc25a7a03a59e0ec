/**
 * Horizontal bars of a count by category (placement group, age band, category of need,
 * spend category), largest first, with the value printed at the end of each bar so the
 * chart reads without the axis.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, PALETTE, SCHEMA } from "./theme.ts";

export interface CategoryRow {
  category: string;
  value: number | null;
}

export interface CategoryBarOptions {
  title: string;
  xTitle: string;
  width?: number;
  /** Keep the given order instead of sorting by value (e.g. age bands). */
  keepOrder?: boolean;
}

/** @example categoryBarChart([{ category: "A", value: 1 }], { title: "T", xTitle: "n" }).title // "T" */
export function categoryBarChart(rows: CategoryRow[], options: CategoryBarOptions): TopLevelSpec {
  const y = { field: "category", type: "nominal", title: null, sort: options.keepOrder ? rows.map((r) => r.category) : { field: "value", op: "max", order: "descending" }, axis: { labelLimit: 400 } } as const;
  return {
    $schema: SCHEMA,
    title: options.title,
    width: options.width ?? 420,
    height: { step: 24 },
    config: CHART_CONFIG,
    data: { values: rows.filter((r) => r.value !== null) },
    layer: [
      { mark: { type: "bar", color: PALETTE[0] }, encoding: { y, x: { field: "value", type: "quantitative", title: options.xTitle } } },
      { mark: { type: "text", align: "left", dx: 4, color: "#0b0c0c", fontSize: 11 }, encoding: { y, x: { field: "value", type: "quantitative" }, text: { field: "value", type: "quantitative", format: ",.0f" } } },
    ],
  } as TopLevelSpec;
}
