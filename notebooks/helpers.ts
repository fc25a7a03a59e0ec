/**
 * Display helpers shared by the notebooks: a vega-lite chart drawn inline (as SVG, by the
 * toolkit's own vega renderer, so it shows in Jupyter Notebook, JupyterLab, nbconvert's HTML
 * and on GitHub alike), and a table of records as HTML. Import them in a notebook with
 * `import { showChart, showTable } from "./helpers";`.
 */
import * as tslab from "tslab";
import { escapeHtml, renderChart } from "sufficiency-toolkit";

let charts = 0;

/**
 * Draw a vega-lite spec (any `TopLevelSpec`: the toolkit's chart builders such as
 * `trendFanChart`, or one written by hand) inline. In JupyterLab you can instead show the
 * spec itself, interactive: `tslab.display.raw("application/vnd.vegalite.v5+json", JSON.stringify(spec))`.
 */
export async function showChart(spec: object): Promise<void> {
  const { svg } = await renderChart(spec as Parameters<typeof renderChart>[0], `chart${++charts}`, 0);
  tslab.display.html(`<div style="max-width:100%;overflow-x:auto">${svg}</div>`);
}

export interface TableOptions {
  /** Columns to show, in order (default: the first record's keys). */
  columns?: string[];
  /** Headings for some columns. */
  labels?: Record<string, string>;
  caption?: string;
  /** Decimal places for numbers (default 0; 2 below 10, e.g. rates, shares and MASE). */
  digits?: number | Record<string, number>;
  /** Rows shown (default 30); the caption says how many there were. */
  limit?: number;
}

function cell(value: unknown, digits: number | undefined, column: string): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "";
  // Years are labels, not quantities: 2026, not 2,026.
  if (typeof value === "number" && /year|origin/i.test(column) && Number.isInteger(value)) return String(value);
  if (typeof value === "number") {
    const d = digits ?? (Math.abs(value) < 10 && !Number.isInteger(value) ? 2 : 0);
    return value.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  if (typeof value === "object") return escapeHtml(JSON.stringify(value));
  return escapeHtml(String(value));
}

/** Show records as an HTML table (numbers right-aligned, with thousands separators). */
export function showTable(rows: readonly object[], options: TableOptions = {}): void {
  const records = rows as readonly Record<string, unknown>[];
  if (records.length === 0) {
    tslab.display.html(`<p><em>${escapeHtml(options.caption ?? "Table")}: no rows.</em></p>`);
    return;
  }
  const columns = options.columns ?? Object.keys(records[0] ?? {});
  const limit = options.limit ?? 30;
  const digitsOf = (c: string) => (typeof options.digits === "number" ? options.digits : options.digits?.[c]);
  const shown = records.slice(0, limit);
  const caption = [options.caption, records.length > limit ? `(first ${limit} of ${records.length} rows)` : ""].filter(Boolean).join(" ");
  const head = columns.map((c) => `<th>${escapeHtml(options.labels?.[c] ?? c)}</th>`).join("");
  const body = shown.map((r) => `<tr>${columns.map((c) => `<td style="text-align:${typeof r[c] === "number" ? "right" : "left"}">${cell(r[c], digitsOf(c), c)}</td>`).join("")}</tr>`).join("\n");
  tslab.display.html(`<table>${caption ? `<caption style="text-align:left">${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
}

/** Show Markdown (e.g. a sentence built from the figures just computed). */
export function showMarkdown(text: string): void {
  tslab.display.markdown(text);
}
