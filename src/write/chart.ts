/**
 * Render a vega-lite spec to SVG (vega's headless renderer) and PNG (resvg with a named
 * font file, so text never vanishes on machines without fontconfig defaults).
 * Element ids inside each SVG are prefixed with the chart id so that several charts can
 * be inlined into one HTML page without id clashes.
 *
 * vega and vega-lite are imported when the first chart is drawn, not when the module
 * loads: vega-canvas uses top-level await, which would stop `require("sufficiency-toolkit")`
 * (Node 20.19+ `require` of ES modules, as notebook kernels such as tslab do) and would slow
 * every command's start.
 */
import { existsSync } from "node:fs";
import type { TopLevelSpec } from "vega-lite";
import { Resvg } from "@resvg/resvg-js";

const FONT_FILES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

export interface RenderedChart {
  svg: string;
  /** Null when PNG rendering was switched off (scale 0). */
  png: Uint8Array | null;
  /** Number of drawn marks (paths, rects, symbols, text) in the SVG: 0 means nothing was drawn. */
  marks: number;
}

/** Prefix every id and url(#id)/href="#id" reference in an SVG. */
function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
}

/**
 * Render a chart to SVG and PNG (PNG at `scale` times the chart's size; 0 = no PNG).
 * @throws Error if the DejaVu font is missing (install Debian package fonts-dejavu-core).
 * @example (await renderChart(spec, "trend")).svg.startsWith("<svg") // true
 */
export async function renderChart(spec: TopLevelSpec, id: string, scale = 2): Promise<RenderedChart> {
  const fontFiles = FONT_FILES.filter((f) => existsSync(f));
  if (fontFiles.length === 0) throw new Error("Chart font not found: install the Debian package fonts-dejavu-core (DejaVu Sans).");
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const raw = await view.toSVG();
  view.finalize();
  const svg = prefixIds(raw, id);
  const png = scale > 0 ? new Resvg(raw, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" }, fitTo: { mode: "zoom", value: scale }, background: "#ffffff" }).render().asPng() : null;
  const marks = (svg.match(/<(path|rect|circle|line|text)\b/g) ?? []).length;
  return { svg, png, marks };
}
