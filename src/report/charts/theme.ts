/**
 * Shared look of every chart: a named font (DejaVu Sans, so text renders the same in
 * the browser and in resvg PNGs) and the Okabe-Ito palette, which stays distinguishable
 * for the common forms of colour-blindness and keeps text contrast above 4.5:1 on white.
 */
export const CHART_FONT = "DejaVu Sans";

/** Okabe-Ito, darkest first; the yellow is dropped (too little contrast on white). */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000", "#6A3D9A"];

export const CHART_CONFIG = {
  font: CHART_FONT,
  background: "#ffffff",
  title: { fontSize: 15, anchor: "start", color: "#0b0c0c", fontWeight: "bold" },
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: "#0b0c0c", titleColor: "#0b0c0c", gridColor: "#dddddd" },
  legend: { labelFontSize: 11, titleFontSize: 12, labelColor: "#0b0c0c", titleColor: "#0b0c0c", orient: "bottom" },
  range: { category: PALETTE },
  view: { stroke: null },
} as const;

export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
