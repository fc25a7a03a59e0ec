/**
 * Trend of a count with its forecast fan: observed line, forecast mean (dashed) and the
 * calibrated 80% and 95% prediction intervals as shaded bands (Hyndman & Athanasopoulos,
 * FPP3 section 5.5: show the uncertainty, not just the point forecast).
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, PALETTE, SCHEMA } from "./theme.ts";

export interface TrendRow {
  year: number;
  observed: number | null;
  mean: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

export interface TrendChartOptions {
  title: string;
  yTitle: string;
  width?: number;
  height?: number;
}

/**
 * @example trendFanChart([{ year: 2024, observed: 10, mean: null, lo80: null, hi80: null, lo95: null, hi95: null }], { title: "T", yTitle: "Children" }).title // "T"
 */
export function trendFanChart(rows: TrendRow[], options: TrendChartOptions): TopLevelSpec {
  const x = { field: "year", type: "quantitative", title: "Year ending 31 March", axis: { format: "d", tickMinStep: 1 } } as const;
  return {
    $schema: SCHEMA,
    title: options.title,
    width: options.width ?? 560,
    height: options.height ?? 260,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { transform: [{ filter: "datum.lo95 != null" }], mark: { type: "area", color: PALETTE[0], opacity: 0.18 }, encoding: { x, y: { field: "lo95", type: "quantitative", title: options.yTitle }, y2: { field: "hi95" } } },
      { transform: [{ filter: "datum.lo80 != null" }], mark: { type: "area", color: PALETTE[0], opacity: 0.32 }, encoding: { x, y: { field: "lo80", type: "quantitative" }, y2: { field: "hi80" } } },
      { transform: [{ filter: "datum.observed != null" }], mark: { type: "line", color: "#0b0c0c", strokeWidth: 2, point: true }, encoding: { x, y: { field: "observed", type: "quantitative", title: options.yTitle, scale: { zero: false } } } },
      { transform: [{ filter: "datum.mean != null" }], mark: { type: "line", color: PALETTE[0], strokeWidth: 2, strokeDash: [6, 4], point: true }, encoding: { x, y: { field: "mean", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}
