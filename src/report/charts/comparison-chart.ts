/**
 * Rate per 10,000 children of the report's scope beside its comparators (England, the
 * region, statistical neighbours), the scope highlighted.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, PALETTE, SCHEMA } from "./theme.ts";

export interface ComparisonRow {
  name: string;
  rate: number | null;
  /** "scope" for the report's own area, "comparator" otherwise. */
  role: "scope" | "comparator";
}

/** @example comparisonChart([{ name: "England", rate: 67, role: "comparator" }], { title: "T" }).title // "T" */
export function comparisonChart(rows: ComparisonRow[], options: { title: string; width?: number }): TopLevelSpec {
  const y = { field: "name", type: "nominal", title: null, sort: { field: "rate", op: "max", order: "descending" }, axis: { labelLimit: 400 } } as const;
  return {
    $schema: SCHEMA,
    title: options.title,
    width: options.width ?? 420,
    height: { step: 22 },
    config: CHART_CONFIG,
    data: { values: rows.filter((r) => r.rate !== null) },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x: { field: "rate", type: "quantitative", title: "Children looked after per 10,000 children" },
          color: { field: "role", type: "nominal", scale: { domain: ["scope", "comparator"], range: [PALETTE[1], PALETTE[0]] }, legend: null },
        },
      },
      { mark: { type: "text", align: "left", dx: 4, color: "#0b0c0c", fontSize: 11 }, encoding: { y, x: { field: "rate", type: "quantitative" }, text: { field: "rate", type: "quantitative", format: ".0f" } } },
    ],
  } as TopLevelSpec;
}
