/**
 * The report as one self-contained, accessible HTML file: no scripts, no network
 * requests, charts inlined as SVG, a data table behind every chart. Structure follows
 * WCAG 2.2 AA and the GOV.UK design system's conventions: skip link, landmarks
 * (header, nav, main, footer), one h1, h2 per section, h3 per figure and table, tables
 * with captions and column headers, text contrast of at least 4.5:1.
 */
import type { Cell, ReportColumn, ReportModel, ReportTable } from "../spec/report.ts";

export interface HtmlOptions {
  /** Inline SVG for each chart id. */
  svgs: Map<string, string>;
  /** Open every data table (for printing to PDF). */
  openDetails?: boolean;
}

export const STYLE = `
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.5;font-size:16px}
.skip-link{position:absolute;left:-9999px;top:0;background:#ffdd00;color:#0b0c0c;padding:8px 12px;font-weight:bold;z-index:10}
.skip-link:focus{left:8px;top:8px;outline:3px solid #0b0c0c}
header.banner{background:#1d3557;color:#fff;padding:20px 32px}
header.banner p{margin:4px 0}
header.banner h1{margin:8px 0;font-size:30px;line-height:1.2}
nav.contents{padding:12px 32px;border-bottom:1px solid #b1b4b6}
nav.contents h2{font-size:19px;margin:8px 0}
nav.contents ol{margin:0;padding-left:24px;columns:2}
main{padding:8px 32px 32px;max-width:1100px}
section{margin-top:24px;border-top:2px solid #1d3557;padding-top:8px}
h2{font-size:24px;margin:12px 0}
h3{font-size:19px;margin:20px 0 8px}
a{color:#1d4ed8}
a:focus,summary:focus,.table-wrap:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 5px #0b0c0c}
dl.headlines{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin:12px 0}
dl.headlines div{border:1px solid #b1b4b6;border-left:6px solid #1d3557;padding:8px 12px}
dl.headlines dt{font-size:14px}
dl.headlines dd{margin:0;font-size:26px;font-weight:bold}
dl.headlines dd span{display:block;font-size:14px;font-weight:normal}
figure{margin:16px 0;break-inside:avoid}
figure .chart svg{max-width:100%;height:auto}
figcaption{font-size:15px;margin:4px 0}
details{margin:8px 0}
summary{cursor:pointer;color:#1d4ed8;text-decoration:underline}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:8px 0;font-size:14px}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #b1b4b6;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f3f2f1}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
p.note{font-size:14px}
footer{border-top:1px solid #b1b4b6;padding:16px 32px;font-size:14px}
@media print{nav.contents{display:none}header.banner{background:#fff;color:#0b0c0c;border-bottom:4px solid #1d3557}section{break-before:auto}a{color:#0b0c0c}}
`;

/** Escape text for HTML. @example escapeHtml("<a & b>") // "&lt;a &amp; b&gt;" */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function formatCell(value: Cell, column: ReportColumn): string {
  if (value === null || value === undefined || value === "") return column.numeric ? '<abbr title="not available">–</abbr>' : "";
  if (typeof value === "number") {
    const decimals = column.decimals ?? 0;
    return escapeHtml(value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  }
  return escapeHtml(value);
}

export function tableHtml(table: ReportTable, idPrefix: string): string {
  const head = table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`).join("");
  const body = table.rows
    .map((row) => `<tr>${table.columns.map((c, i) => (i === 0 && !c.numeric ? `<th scope="row">${formatCell(row[c.key], c)}</th>` : `<td${c.numeric ? ' class="num"' : ""}>${formatCell(row[c.key], c)}</td>`)).join("")}</tr>`)
    .join("\n");
  const captionId = `${idPrefix}-caption`;
  const notes = (table.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("");
  return `<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0"><table><caption id="${captionId}">${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${notes}`;
}

/** Make the vega SVG decorative inside a labelled role="img" wrapper. */
export function svgForPage(svg: string): string {
  return svg.replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"');
}

/**
 * Render the report model as HTML.
 * @throws Error when a chart has no rendered SVG (a programmer error).
 * @example reportToHtml(model, { svgs }).startsWith("<!doctype html>") // true
 */
export function reportToHtml(model: ReportModel, options: HtmlOptions): string {
  const open = options.openDetails ? " open" : "";
  const toc = model.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join("");
  const sections = model.sections.map((section) => {
    const headlines = section.headlines?.length
      ? `<dl class="headlines">${section.headlines.map((h) => `<div><dt>${escapeHtml(h.label)}</dt><dd>${escapeHtml(h.value)}${h.note ? `<span>${escapeHtml(h.note)}</span>` : ""}</dd></div>`).join("")}</dl>`
      : "";
    const paragraphs = section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
    const charts = section.charts.map((chart) => {
      const svg = options.svgs.get(chart.id);
      if (svg === undefined) throw new Error(`No rendered SVG for chart ${chart.id}`);
      return `<figure aria-labelledby="${chart.id}-title">
<h3 id="${chart.id}-title">${escapeHtml(chart.title)}</h3>
<div class="chart" role="img" aria-label="${escapeHtml(chart.alt)}">${svgForPage(svg)}</div>
<figcaption>${escapeHtml(chart.alt)}</figcaption>
<details${open}><summary>Data table: ${escapeHtml(chart.title)}</summary>${tableHtml(chart.table, `${chart.id}-table`)}</details>
</figure>`;
    }).join("\n");
    const tables = section.tables.map((t) => `<h3 id="${t.id}-heading">${escapeHtml(t.caption)}</h3>${tableHtml(t, `${section.id}-${t.id}`)}`).join("\n");
    return `<section id="${section.id}" aria-labelledby="${section.id}-heading">
<h2 id="${section.id}-heading">${escapeHtml(section.heading)}</h2>
${headlines}
${paragraphs}
${charts}
${tables}
</section>`;
  }).join("\n");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sufficiency Toolkit">
<title>${escapeHtml(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner">
<p>Sufficiency Toolkit: placement sufficiency report</p>
<h1>${escapeHtml(model.title)}</h1>
<p>Year ending 31 March ${model.year}. Forecast horizon ${model.horizon} years. Generated ${escapeHtml(model.generated)}.</p>
</header>
<nav class="contents" aria-label="Contents"><h2>Contents</h2><ol>${toc}</ol></nav>
<main id="main" tabindex="-1">
${sections}
</main>
<footer>
<p>Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education, Ofsted, Office for National Statistics, Ministry of Housing, Communities and Local Government). Small counts are suppressed (shown as “c”) to protect children's privacy.</p>
</footer>
</body>
</html>
`;
}
