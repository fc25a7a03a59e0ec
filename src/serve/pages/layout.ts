/**
 * The shell of every page: GOV.UK-style landmarks (skip link, header, nav, main), one h1,
 * labelled forms, colours with at least 4.5:1 contrast, no scripts. The stylesheet is
 * served from /assets/site.css so a strict Content-Security-Policy can forbid inline code.
 */
import type { User } from "../storage/people.ts";

/** Escape text for HTML. @example html("<a>") // "&lt;a&gt;" */
export function esc(text: unknown): string {
  return String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export const SITE_CSS = `
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.5;font-size:16px}
.skip-link{position:absolute;left:-9999px;top:0;background:#ffdd00;color:#0b0c0c;padding:8px 12px;font-weight:bold;z-index:10}
.skip-link:focus{left:8px;top:8px;outline:3px solid #0b0c0c}
header.banner{background:#1d3557;color:#fff;padding:12px 32px;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:12px}
header.banner .service{font-size:20px;font-weight:bold;color:#fff;text-decoration:none}
header.banner .who{font-size:14px;margin:0}
header.banner form{display:inline}
header.banner button{background:#fff;color:#1d3557;border:0;padding:4px 10px;font-size:14px;cursor:pointer}
nav.site{background:#f3f2f1;border-bottom:1px solid #b1b4b6;padding:0 32px}
nav.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 24px}
nav.site a{display:inline-block;padding:10px 0;color:#1d4ed8;font-weight:bold}
nav.site a[aria-current=page]{color:#0b0c0c;text-decoration:none;border-bottom:4px solid #1d3557}
main{padding:16px 32px 40px;max-width:1200px}
h1{font-size:30px;line-height:1.2;margin:16px 0}
h2{font-size:24px;margin:28px 0 8px}
h3{font-size:19px;margin:20px 0 8px}
a{color:#1d4ed8}
a:focus,button:focus,input:focus,select:focus,summary:focus,.table-wrap:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 5px #0b0c0c}
table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #b1b4b6;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#f3f2f1}
td code{overflow-wrap:anywhere}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto;max-width:100%}
form.stack label{display:block;font-weight:bold;margin:12px 0 4px}
form.stack .hint{display:block;color:#484949;font-size:14px;margin-bottom:4px}
input[type=text],input[type=email],input[type=password],input[type=date],select{font-size:16px;padding:6px;border:2px solid #0b0c0c;min-width:280px}
input[type=file]{font-size:16px}
button.primary,a.button{display:inline-block;background:#00703c;color:#fff;border:0;padding:8px 16px;font-size:16px;margin-top:16px;cursor:pointer;text-decoration:none;box-shadow:0 2px 0 #002d18}
button.secondary{background:#f3f2f1;color:#0b0c0c;border:0;padding:6px 12px;font-size:15px;cursor:pointer;box-shadow:0 2px 0 #929191}
.error-summary{border:4px solid #b10e1e;padding:12px 16px;margin:16px 0}
.error-summary h2{margin-top:0;font-size:20px}
.notice{border-left:6px solid #1d3557;background:#f3f2f1;padding:8px 16px;margin:16px 0}
.status{display:inline-block;padding:2px 8px;font-weight:bold;font-size:14px;border:2px solid currentColor}
.status-submitted{color:#005a30}.status-draft{color:#1d3557}.status-errors,.status-late{color:#b10e1e}.status-superseded,.status-none{color:#484949}
tr.has-error td{background:#fbe8ea}
tr.has-warning td{background:#fff7bf}
td.sev-error{color:#b10e1e;font-weight:bold}
td.sev-warning{color:#6b4e00;font-weight:bold}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0 16px}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0;word-break:break-all}
ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}
ul.counts li{border:1px solid #b1b4b6;border-left:6px solid #1d3557;padding:6px 12px}
ul.counts strong{font-size:22px;display:block}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
footer{border-top:1px solid #b1b4b6;padding:16px 32px;font-size:14px}
`;

export interface PageOptions {
  title: string;
  user?: User | null;
  csrf?: string;
  /** Path of the current page, to mark the navigation link. */
  path?: string;
  body: string;
}

function nav(user: User, path: string): string {
  const links: Array<[string, string]> = [];
  if (user.role === "submitter") links.push(["/returns", "Our returns"]);
  if (user.role !== "submitter") links.push(["/board", "Status board"], ["/returns", "Returns"]);
  if (user.role !== "submitter") links.push(["/footprints", "Footprints"]);
  if (user.role === "admin") links.push(["/admin", "People and periods"], ["/admin/audit", "Audit log"]);
  links.push(["/api/docs", "API"]);
  const items = links.map(([href, text]) => `<li><a href="${href}"${path === href ? ' aria-current="page"' : ""}>${esc(text)}</a></li>`).join("");
  return `<nav class="site" aria-label="Main"><ul>${items}</ul></nav>`;
}

function who(user: User): string {
  const scope = user.role === "submitter" ? ` for ${esc(user.la_code)}` : user.role === "lead" ? ` for ${esc(user.footprint_name ?? user.footprint_code)}` : "";
  return `${esc(user.email)} (${esc(user.role)}${scope})`;
}

/** A whole page. */
export function page(o: PageOptions): string {
  const user = o.user ?? null;
  const signOut = user && o.csrf ? `<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${esc(o.csrf)}"><button type="submit">Sign out</button></form>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} – Sufficiency collection</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner"><a class="service" href="/">Placement sufficiency collection</a>${user ? `<p class="who">Signed in as ${who(user)} ${signOut}</p>` : ""}</header>
${user ? nav(user, o.path ?? "") : ""}
<main id="main" tabindex="-1">
<h1>${esc(o.title)}</h1>
${o.body}
</main>
<footer><p>Sufficiency Toolkit collection service. Returns are validated with the national template's rules; diagnostics point at the sheet and cell.</p></footer>
</body>
</html>`;
}

/** A simple table: `cells` are already HTML. */
export function table(caption: string, headers: string[], rows: string[][], options: { numeric?: number[]; rowClass?: (i: number) => string; rowId?: (i: number) => string | undefined } = {}): string {
  const num = new Set(options.numeric ?? []);
  const head = headers.map((h, i) => `<th scope="col"${num.has(i) ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  const body = rows.map((r, ri) => {
    const cls = options.rowClass?.(ri);
    const id = options.rowId?.(ri);
    return `<tr${cls ? ` class="${cls}"` : ""}${id ? ` id="${esc(id)}"` : ""}>${r.map((c, i) => `<td${num.has(i) ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`;
  }).join("\n");
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function statusTag(status: string): string {
  const cls = status === "submitted" ? "submitted" : status === "draft" ? "draft" : status.includes("error") ? "errors" : status.includes("late") ? "late" : status === "superseded" ? "superseded" : "none";
  return `<span class="status status-${cls}">${esc(status)}</span>`;
}

export function csrfField(csrf: string): string {
  return `<input type="hidden" name="_csrf" value="${esc(csrf)}">`;
}
