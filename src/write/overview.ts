/**
 * The national overview page (reports/latest/index.html): England, every region, footprint
 * and LA report in an output folder, with headline figures (children, forecast, places,
 * gap, concentration) in one table that sorts by any column, linking each report.
 * Offline and self-contained: the sorting script is inline (no external JS, no network),
 * the table works and reads in full without it. Accessible (WCAG 2.2 AA): one h1, a
 * caption, column headers with sort buttons and aria-sort, a live region announcing the
 * sort, visible focus, contrast of at least 4.5:1.
 *
 * Each report folder holds an overview.json (its row); `writeOverview` rebuilds the page
 * from every folder present, so `suff report --scope all-las` into the same folder adds the
 * LAs to it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { OverviewEntry } from "../report/overview-entry.ts";
import { writeFileAtomic } from "./atomic.ts";
import { escapeHtml } from "./html.ts";
import { HHI_THRESHOLDS } from "../market/concentration.ts";

const KIND_ORDER: Record<OverviewEntry["kind"], number> = { england: 0, region: 1, footprint: 2, la: 3 };
const KIND_LABEL: Record<OverviewEntry["kind"], string> = { england: "England", region: "Region", footprint: "Footprint", la: "Local authority" };

const STYLE = `
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.5;font-size:16px}
.skip-link{position:absolute;left:-9999px;top:0;background:#ffdd00;color:#0b0c0c;padding:8px 12px;font-weight:bold}
.skip-link:focus{left:8px;top:8px;outline:3px solid #0b0c0c}
header{background:#1d3557;color:#fff;padding:20px 32px}
header h1{margin:8px 0;font-size:30px;line-height:1.2}
main{padding:8px 32px 32px}
a{color:#1d4ed8}
a:focus,button:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 5px #0b0c0c}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:8px 0;font-size:14px}
caption{text-align:left;font-weight:bold;padding:4px 0;font-size:16px}
th,td{border-bottom:1px solid #b1b4b6;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f3f2f1}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;color:#0b0c0c;cursor:pointer;text-align:inherit}
th button::after{content:" \\2195";color:#505a5f}
th[aria-sort=ascending] button::after{content:" \\2191";color:#0b0c0c}
th[aria-sort=descending] button::after{content:" \\2193";color:#0b0c0c}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
p.note{font-size:14px}
footer{border-top:1px solid #b1b4b6;padding:16px 32px;font-size:14px}
`;

const SCRIPT = `
(function(){
  var table=document.getElementById("overview");var body=table.tBodies[0];var status=document.getElementById("sort-status");
  var heads=table.tHead.rows[0].cells;
  function key(row,i){var c=row.cells[i];var v=c.getAttribute("data-sort");if(v===null)v=c.textContent;var n=parseFloat(v);return v!==""&&!isNaN(n)&&/^-?[0-9.]+$/.test(v)?n:v.toLowerCase();}
  function sort(i){
    var th=heads[i];var asc=th.getAttribute("aria-sort")!=="ascending";
    for(var j=0;j<heads.length;j++)heads[j].removeAttribute("aria-sort");
    th.setAttribute("aria-sort",asc?"ascending":"descending");
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=key(a,i),y=key(b,i);var ex=x==="",ey=y==="";if(ex!==ey)return ex?1:-1;if(x<y)return asc?-1:1;if(x>y)return asc?1:-1;return 0;});
    for(var k=0;k<rows.length;k++)body.appendChild(rows[k]);
    status.textContent="Sorted by "+th.textContent.replace(/\\s+$/,"")+", "+(asc?"ascending":"descending")+".";
  }
  for(var i=0;i<heads.length;i++){(function(i){var b=heads[i].querySelector("button");if(b)b.addEventListener("click",function(){sort(i);});})(i);}
})();
`;

function num(value: number | null, decimals = 0): { text: string; sort: string } {
  if (value === null || !Number.isFinite(value)) return { text: "not available", sort: "" };
  return { text: value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }), sort: String(value) };
}

/**
 * The overview page for entries, sorted England, regions, footprints, LAs, then by name.
 * @throws never.
 * @example overviewHtml([], { generated: "2026-01-01" }).startsWith("<!DOCTYPE html>") // true
 */
export function overviewHtml(entries: readonly OverviewEntry[], options: { generated: string; title?: string }): string {
  const sorted = [...entries].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
  const years = (pick: (e: OverviewEntry) => number | null) => [...new Set(sorted.map(pick).filter((y): y is number => y !== null))].join(", ") || "latest year";
  const title = options.title ?? "Placement sufficiency reports: national overview";
  const columns: Array<{ label: string; numeric?: boolean }> = [
    { label: "Area" }, { label: "Type" }, { label: `Children looked after (31 March ${years((e) => e.year)})`, numeric: true },
    { label: `Forecast (31 March ${years((e) => e.forecastYear)})`, numeric: true }, { label: "Forecast 80% interval" },
    { label: `Children's home places (${years((e) => e.placesYear)})`, numeric: true },
    { label: `Chance of too few children's home places, ${years((e) => e.gapYear)} (%)`, numeric: true },
    { label: "Expected shortfall of places", numeric: true }, { label: "Concentration (HHI)", numeric: true },
  ];
  const rows = sorted.map((e, i) => {
    const children = num(e.children), forecast = num(e.forecast), places = num(e.places), prob = num(e.probShortfall === null ? null : 100 * e.probShortfall), shortfall = num(e.expectedShortfall, 1), hhi = num(e.hhi);
    const interval = e.forecastLo80 !== null && e.forecastHi80 !== null ? `${num(e.forecastLo80).text} to ${num(e.forecastHi80).text}` : "not available";
    const cells = [
      `<th scope="row" data-sort="${i}"><a href="${escapeHtml(e.href)}">${escapeHtml(e.name)}</a></th>`,
      `<td data-sort="${KIND_ORDER[e.kind]}">${KIND_LABEL[e.kind]}</td>`,
      `<td class="num" data-sort="${children.sort}">${children.text}</td>`,
      `<td class="num" data-sort="${forecast.sort}">${forecast.text}</td>`,
      `<td data-sort="${e.forecastLo80 ?? ""}">${interval}</td>`,
      `<td class="num" data-sort="${places.sort}">${places.text}</td>`,
      `<td class="num" data-sort="${prob.sort}">${prob.text}</td>`,
      `<td class="num" data-sort="${shortfall.sort}">${shortfall.text}</td>`,
      `<td class="num" data-sort="${hhi.sort}">${hhi.text}</td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ""}><button type="button">${escapeHtml(c.label)}</button></th>`).join("");
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to the table</a>
<header><h1>${escapeHtml(title)}</h1><p>${sorted.length} report${sorted.length === 1 ? "" : "s"}, generated ${escapeHtml(options.generated)}</p></header>
<main id="main">
<p>Each row links to the area's annual sufficiency report. Select a column heading to sort by it; select it again to reverse the order.</p>
<p id="sort-status" role="status" aria-live="polite" class="note"></p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="overview-caption">
<table id="overview">
<caption id="overview-caption">Headline figures by area</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>
<p class="note">Children looked after: DfE (SSDA903). Forecast: reconciled LA → region → England forecast with its 80% interval. Children's home places: Ofsted-registered places located in the area (children's homes, secure children's homes, residential special schools registered as homes). Chance of too few places and expected shortfall: the area's forecast children in secure and children's homes against its simulated places (see each report's gap section). HHI: concentration of children's home places by owning organisation (${escapeHtml(HHI_THRESHOLDS.source)}). “not available” means the figure could not be computed, never zero.</p>
</main>
<footer>Contains public sector information licensed under the Open Government Licence v3.0.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/**
 * Read every `<dir>/<report>/overview.json` and write `<dir>/index.html` (atomically).
 * @throws Error when the page cannot be written.
 * @example writeOverview("reports/latest", "2026-01-01") // "reports/latest/index.html"
 */
export function writeOverview(dir: string, generated: string): string {
  const entries: OverviewEntry[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const file = path.join(dir, name, "overview.json");
    if (!existsSync(file)) continue;
    try {
      const entry = JSON.parse(readFileSync(file, "utf8")) as OverviewEntry;
      if (typeof entry.name === "string" && typeof entry.href === "string") entries.push(entry);
    } catch {
      // An unreadable row is left out; the report itself is still there.
    }
  }
  const out = path.join(dir, "index.html");
  writeFileAtomic(out, overviewHtml(entries, { generated }));
  return out;
}

/** Write a report's overview row into its folder (read back by writeOverview). */
export function writeOverviewEntry(reportDir: string, entry: OverviewEntry): string {
  const file = path.join(reportDir, "overview.json");
  writeFileAtomic(file, JSON.stringify(entry, null, 2) + "\n");
  return file;
}
