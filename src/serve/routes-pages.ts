/**
 * The web pages: sign in, upload and submit (submitters), the status board, version
 * history and differences (leads, analysts), footprint downloads, people, periods and the
 * audit log (admins). Forms carry the session's CSRF token; pages have no scripts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { randomBytes } from "node:crypto";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { findLa } from "../reference/las.ts";
import { HttpError, canRead, canWrite, requireRole } from "./access.ts";
import { checkCsrf, LOGIN_CSRF_COOKIE, readMultipart, SESSION_COOKIE, signedIn, type RouteContext } from "./app.ts";
import { auditLog } from "./audit.ts";
import { login, logout } from "./auth/login.ts";
import { csrfField, esc, page, statusTag, table } from "./pages/layout.ts";
import { cookieOptions } from "./routes-api.ts";
import { footprintFor, getReturn, laName, listFootprints, listReturns, returnDiff, statusBoard, submitReturn, uploadReturn } from "./service.ts";
import { asUser } from "./storage/as-user.ts";
import { audit, createToken, listUsers, setDisabled, ROLES, type User } from "./storage/people.ts";
import { listPeriods, upsertPeriod, versionRows, type ReturnVersion } from "./storage/returns.ts";
import { addUser } from "./users.ts";

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(body);
}

function q(req: FastifyRequest): Record<string, string | undefined> {
  return req.query as Record<string, string | undefined>;
}

function form(req: FastifyRequest): Record<string, string | undefined> {
  return (req.body ?? {}) as Record<string, string | undefined>;
}

function idOf(req: FastifyRequest): number {
  const raw = (req.params as { id: string }).id;
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(404, "E_NOT_FOUND", `There is no return ${raw}.`);
  return Number(raw);
}

/** The current collection year: the latest period set up, else the latest year ending 31 March. */
async function defaultPeriod(ctx: RouteContext, user: User): Promise<string> {
  const periods = await asUser(ctx.db, user.id, (tx) => listPeriods(tx));
  if (periods[0]) return periods[0].period;
  const now = ctx.now?.() ?? new Date();
  return String(now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1);
}

function where(d: Diagnostic): string {
  if (d.sheet) return `${d.sheet}${d.cell ? `!${d.cell}` : ""}`;
  if (d.row !== undefined) return `line ${d.row}${d.column ? `, ${d.column}` : ""}`;
  return d.column ?? "the file";
}

function cellAnchor(sheet: string | null | undefined, cell: string | null | undefined, line?: number | null): string | undefined {
  if (sheet && cell) return `cell-${sheet.replace(/[^A-Za-z0-9]+/g, "_")}-${cell}`;
  if (line) return `line-${line}`;
  return undefined;
}

function dimsText(dims: Record<string, string | undefined>): string {
  return Object.entries(dims).filter(([, v]) => v).map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`).join("; ");
}

function versionsTable(caption: string, versions: ReturnVersion[], showLa: boolean): string {
  if (!versions.length) return `<p>No returns yet.</p>`;
  return table(caption, [...(showLa ? ["LA"] : []), "Period", "Version", "Status", "File", "Uploaded", "By", "Errors", "Warnings"], versions.map((v) => [
    ...(showLa ? [`<a href="/las/${esc(v.la_code)}?period=${esc(v.period)}">${esc(laName(v.la_code))} (${esc(v.la_code)})</a>`] : []),
    esc(v.period), `<a href="/returns/${v.id}">Version ${v.version}</a>`, statusTag(v.errors > 0 && v.status === "draft" ? "draft with errors" : v.status), esc(v.file_name), esc(v.uploaded_at.slice(0, 16).replace("T", " ")), esc(v.uploaded_by), String(v.errors), String(v.warnings),
  ]), { numeric: showLa ? [7, 8] : [6, 7] });
}

function uploadForm(csrf: string, period: string): string {
  return `<h2>Upload a return</h2>
<form class="stack" method="post" action="/returns" enctype="multipart/form-data">
${csrfField(csrf)}
<label for="period">Collection year</label><span class="hint" id="period-hint">The year ending 31 March, e.g. 2026.</span>
<input type="text" id="period" name="period" value="${esc(period)}" inputmode="numeric" pattern="[0-9]{4}" aria-describedby="period-hint" required>
<label for="file">Return file</label><span class="hint" id="file-hint">The filled template (.xlsx), a long CSV, or the tables of your SSDA903 extract (children's records are turned into the template's figures and never stored).</span>
<input type="file" id="file" name="file" multiple aria-describedby="file-hint" required>
<div><button class="primary" type="submit">Upload and check</button></div>
</form>`;
}

export function registerPageRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get("/", async (req, reply) => {
    if (!req.user) return reply.redirect("/login", 303);
    if (req.user.role === "submitter") return reply.redirect("/returns", 303);
    if (req.user.role === "admin") return reply.redirect("/admin", 303);
    return reply.redirect("/board", 303);
  });

  const loginPage = (reply: FastifyReply, next: string, message?: string, status = 200) => {
    const token = randomBytes(24).toString("base64url");
    void reply.setCookie(LOGIN_CSRF_COOKIE, token, { path: "/login", httpOnly: true, sameSite: "strict", secure: ctx.secureCookies });
    const body = `${message ? `<div class="error-summary" role="alert"><h2>There is a problem</h2><p>${esc(message)}</p></div>` : ""}
<form class="stack" method="post" action="/login">
<input type="hidden" name="_csrf" value="${esc(token)}"><input type="hidden" name="next" value="${esc(next)}">
<label for="email">Email address</label><input type="email" id="email" name="email" autocomplete="username" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<div><button class="primary" type="submit">Sign in</button></div>
</form>`;
    return html(reply, page({ title: "Sign in", body }), status);
  };
  app.get("/login", async (req, reply) => loginPage(reply, q(req).next ?? "/"));
  app.post("/login", async (req, reply) => {
    const f = form(req);
    const next = f.next && f.next.startsWith("/") && !f.next.startsWith("//") ? f.next : "/";
    if (!f._csrf || f._csrf !== req.cookies[LOGIN_CSRF_COOKIE]) return loginPage(reply, next, "The sign-in form expired: try again.", 403);
    try {
      const { session } = await login(ctx.db, ctx.loginLimiter, f.email, f.password, req.ip);
      void reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(ctx)).clearCookie(LOGIN_CSRF_COOKIE, { path: "/login" });
      return reply.redirect(next, 303);
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 429)) return loginPage(reply, next, error.message, error.status);
      throw error;
    }
  });
  app.post("/logout", async (req, reply) => {
    checkCsrf(req, form(req)._csrf);
    await logout(ctx.db, req.user, req.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/login", 303);
  });

  app.get("/returns", async (req, reply) => {
    const user = signedIn(req);
    const period = q(req).period ?? (await defaultPeriod(ctx, user));
    if (user.role === "submitter") {
      const versions = await listReturns(ctx, user, { la: user.la_code! });
      const body = `<p>${esc(laName(user.la_code!))} (${esc(user.la_code)}). Upload your return: it is checked at once with the national template's rules. A return with errors is kept as a draft; a clean one can be submitted. Every version is kept.</p>
${uploadForm(req.csrf!, period)}
<h2>Your versions</h2>
${versionsTable(`Returns of ${laName(user.la_code!)}`, versions, false)}`;
      return html(reply, page({ title: "Our returns", user, csrf: req.csrf!, path: "/returns", body }));
    }
    const versions = await listReturns(ctx, user, { period });
    const body = `<form method="get" action="/returns" class="stack"><label for="period">Collection year</label><input type="text" id="period" name="period" value="${esc(period)}" inputmode="numeric"> <button class="secondary" type="submit">Show</button></form>
${versionsTable(`Return versions for ${period}`, versions, true)}`;
    return html(reply, page({ title: "Returns", user, csrf: req.csrf ?? undefined, path: "/returns", body }));
  });

  app.post("/returns", async (req, reply) => {
    const user = signedIn(req);
    const { fields, files } = await readMultipart(req);
    checkCsrf(req, fields._csrf);
    requireRole(user, "submitter");
    const outcome = await uploadReturn(ctx, user, { period: fields.period ?? "", files, submit: false });
    return reply.redirect(`/returns/${outcome.id}`, 303);
  });

  app.get("/returns/:id", async (req, reply) => {
    const user = signedIn(req);
    const v = await getReturn(ctx, user, idOf(req));
    const rows = await asUser(ctx.db, user.id, (tx) => versionRows(tx, v.id));
    const anchors = new Set(rows.map((r) => cellAnchor(r.sheet, r.cell, r.line)).filter(Boolean));
    const flagged = new Map<string, "error" | "warning">();
    for (const d of v.diagnostics) {
      const a = cellAnchor(d.sheet, d.cell, d.row);
      if (a && d.severity !== "info" && flagged.get(a) !== "error") flagged.set(a, d.severity as "error" | "warning");
    }
    const shownDiagnostics = v.diagnostics.filter((d) => d.severity !== "info");
    const errors = shownDiagnostics.filter((d) => d.severity === "error");
    const summary = errors.length ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">This return has ${errors.length} error${errors.length === 1 ? "" : "s"}: it is kept as a draft</h2><p>Correct them in your file and upload it again.</p><ul>${errors.slice(0, 20).map((d) => `<li><a href="#diagnostic-${v.diagnostics.indexOf(d)}">${esc(where(d))}: ${esc(d.message)}</a></li>`).join("")}${errors.length > 20 ? `<li>and ${errors.length - 20} more below</li>` : ""}</ul></div>` : "";
    const submitForm = v.status === "draft" && v.errors === 0 && canWrite(user, v.la_code)
      ? `<div class="notice"><p>No errors were found. Submit this version to make it your LA's return for ${esc(v.period)}.</p><form method="post" action="/returns/${v.id}/submit">${csrfField(req.csrf ?? "")}<button class="primary" type="submit">Submit version ${v.version}</button></form></div>`
      : v.status === "submitted" ? `<div class="notice"><p>Submitted by ${esc(v.submitted_by)} at ${esc(v.submitted_at?.slice(0, 16).replace("T", " "))}.</p></div>` : "";
    const diagTable = shownDiagnostics.length
      ? table("Diagnostics, each at its cell", ["Where", "Severity", "Code", "Message", "What to do"], shownDiagnostics.map((d) => {
        const a = cellAnchor(d.sheet, d.cell, d.row);
        const place = a && anchors.has(a) ? `<a href="#${esc(a)}">${esc(where(d))}</a>` : esc(where(d));
        return [place, esc(d.severity), `<code>${esc(d.code)}</code>`, esc(d.message), esc(d.hint ?? "")];
      }), { rowClass: (i) => (shownDiagnostics[i].severity === "error" ? "has-error" : "has-warning"), rowId: (i) => `diagnostic-${v.diagnostics.indexOf(shownDiagnostics[i])}` })
      : "<p>No errors or warnings.</p>";
    const figures = rows.length ? `<details${errors.length ? " open" : ""}><summary>The ${rows.length} figures read from the file</summary>
${table("Figures by cell", ["Cell", "Measure", "Breakdown", "Value"], rows.map((r) => [esc(r.sheet ? `${r.sheet}!${r.cell ?? ""}` : r.line ? `line ${r.line}` : ""), `<code>${esc(r.measure)}</code>`, esc(dimsText(r.data.dims as Record<string, string>)), esc(r.value ?? (r.value_status === "missing" ? "" : r.value_status))]), { numeric: [3], rowId: (i) => cellAnchor(rows[i].sheet, rows[i].cell, rows[i].line), rowClass: (i) => { const f = flagged.get(cellAnchor(rows[i].sheet, rows[i].cell, rows[i].line) ?? ""); return f ? `has-${f}` : ""; } })}</details>` : "";
    const body = `${summary}
<dl class="facts">
<dt>LA</dt><dd><a href="/las/${esc(v.la_code)}?period=${esc(v.period)}">${esc(laName(v.la_code))} (${esc(v.la_code)})</a></dd>
<dt>Collection year</dt><dd>${esc(v.period)}</dd>
<dt>Status</dt><dd>${statusTag(v.errors > 0 && v.status === "draft" ? "draft with errors" : v.status)}</dd>
<dt>File</dt><dd>${esc(v.file_name)} (${esc(v.file_kind)}, ${v.size_bytes.toLocaleString("en-GB")} bytes)</dd>
<dt>SHA-256</dt><dd><code>${esc(v.sha256)}</code></dd>
<dt>Uploaded</dt><dd>${esc(v.uploaded_at.slice(0, 19).replace("T", " "))} UTC by ${esc(v.uploaded_by)}</dd>
<dt>Errors, warnings</dt><dd>${v.errors}, ${v.warnings}</dd>
</dl>
${submitForm}
${v.version > 1 ? `<p><a href="/returns/${v.id}/diff">What changed since version ${v.version - 1}</a></p>` : ""}
<h2>Diagnostics</h2>
${diagTable}
${figures}`;
    return html(reply, page({ title: `${laName(v.la_code)} ${v.period}, version ${v.version}`, user, csrf: req.csrf ?? undefined, body }));
  });

  app.post("/returns/:id/submit", async (req, reply) => {
    const user = signedIn(req);
    checkCsrf(req, form(req)._csrf);
    const v = await submitReturn(ctx, user, idOf(req));
    return reply.redirect(`/returns/${v.id}`, 303);
  });

  app.get("/returns/:id/diff", async (req, reply) => {
    const user = signedIn(req);
    const from = q(req).from;
    const d = await returnDiff(ctx, user, idOf(req), from === undefined ? undefined : Number(from));
    const body = `<p>${d.from ? `Cells that differ between <a href="/returns/${d.from.id}">version ${d.from.version}</a> and <a href="/returns/${d.to.id}">version ${d.to.version}</a>` : `Version ${d.to.version} is the first: every figure is new`} of ${esc(laName(d.to.la_code))}'s return for ${esc(d.to.period)}.</p>
${d.changes.length ? table(`${d.changes.length} cell${d.changes.length === 1 ? "" : "s"} changed`, ["Cell", "Measure", "Breakdown", "Before", "After"], d.changes.map((c) => [esc(c.sheet ? `${c.sheet}!${c.cell ?? ""}` : ""), `<code>${esc(c.measure)}</code>`, esc(dimsText(c.dims as Record<string, string>)), esc(c.before), esc(c.after)]), { numeric: [3, 4] }) : "<p>No cell differs.</p>"}`;
    return html(reply, page({ title: `What changed in version ${d.to.version}`, user, csrf: req.csrf ?? undefined, body }));
  });

  app.get("/las/:la", async (req, reply) => {
    const user = signedIn(req);
    const la = findLa((req.params as { la: string }).la);
    if (!la) throw new HttpError(404, "E_NOT_FOUND", "There is no such LA.");
    if (!canRead(user, la.oldCode)) throw new HttpError(403, "E_FORBIDDEN", `You cannot read the returns of LA ${la.oldCode}.`);
    const period = q(req).period;
    const versions = await listReturns(ctx, user, { la: la.oldCode, ...(period ? { period } : {}) });
    const body = `<p>Every version ${esc(la.name)} has uploaded${period ? ` for ${esc(period)}` : ""}, newest first. Submitted versions are never changed; a later submission supersedes them.</p>
${versionsTable(`Versions of ${la.name}'s return`, versions, false)}
${versions.filter((v) => v.version > 1).length ? `<h2>Differences</h2><ul>${versions.filter((v) => v.version > 1).map((v) => `<li><a href="/returns/${v.id}/diff">${esc(v.period)}: version ${v.version - 1} to ${v.version}</a></li>`).join("")}</ul>` : ""}`;
    return html(reply, page({ title: `${la.name} (${la.oldCode}): history`, user, csrf: req.csrf ?? undefined, body }));
  });

  app.get("/board", async (req, reply) => {
    const user = signedIn(req);
    const period = q(req).period ?? (await defaultPeriod(ctx, user));
    const b = await statusBoard(ctx, user, period);
    const scope = user.role === "lead" ? `${user.footprint_name ?? user.footprint_code}'s ${b.rows.length} LAs` : `all ${b.rows.length} LAs`;
    const body = `<form method="get" action="/board" class="stack"><label for="period">Collection year</label><input type="text" id="period" name="period" value="${esc(period)}" inputmode="numeric"> <button class="secondary" type="submit">Show</button></form>
<p>Where the returns of ${esc(scope)} stand for the year ending 31 March ${esc(period)}${b.due ? `; due ${esc(b.due)}` : " (no due date set)"}.</p>
<ul class="counts">${Object.entries(b.counts).map(([k, n]) => `<li><strong>${n}</strong> ${esc(k)}</li>`).join("")}</ul>
${user.role === "lead" ? `<p><a href="/footprints/${esc(user.footprint_code)}?period=${esc(period)}">${esc(user.footprint_name)}: aggregate and report</a></p>` : ""}
${table(`Returns for ${period}`, ["LA", "Region", "Status", "Latest version", "Submitted", "Errors"], b.rows.map((r) => [
      `<a href="/las/${esc(r.la)}?period=${esc(period)}">${esc(r.name)} (${esc(r.la)})</a>`, esc(r.region), statusTag(r.status), r.latest_id ? `<a href="/returns/${r.latest_id}">Version ${r.latest_version}</a>` : "", esc(r.submitted_at ? `version ${r.submitted_version}, ${r.submitted_at.slice(0, 10)}` : ""), r.errors === null ? "" : String(r.errors),
    ]), { numeric: [5] })}`;
    return html(reply, page({ title: "Status board", user, csrf: req.csrf ?? undefined, path: "/board", body }));
  });

  app.get("/footprints", async (req, reply) => {
    const user = signedIn(req);
    requireRole(user, "lead", "analyst", "admin");
    const period = q(req).period ?? (await defaultPeriod(ctx, user));
    const fps = await listFootprints(ctx, user);
    const body = fps.length ? `<ul>${fps.map((f) => `<li><a href="/footprints/${esc(f.code)}?period=${esc(period)}">${esc(f.name)} (${esc(f.code)}), ${f.la_codes.length} LAs</a></li>`).join("")}</ul>` : "<p>No footprints yet: they are added with the leads who belong to them.</p>";
    return html(reply, page({ title: "Footprints", user, csrf: req.csrf ?? undefined, path: "/footprints", body }));
  });

  app.get("/footprints/:code", async (req, reply) => {
    const user = signedIn(req);
    const code = (req.params as { code: string }).code;
    const period = q(req).period ?? (await defaultPeriod(ctx, user));
    const fp = await footprintFor(ctx, user, code);
    const b = await statusBoard(ctx, user, period);
    const members = b.rows.filter((r) => fp.la_codes.includes(r.la));
    const submitted = members.filter((r) => r.status.startsWith("submitted")).length;
    const link = (path: string, text: string) => `<li><a href="/api/footprints/${esc(code)}/${path}&amp;period=${esc(period)}" download>${esc(text)}</a></li>`;
    const body = `<p>Built from the latest submitted version of each member's return (${submitted} of ${members.length} submitted for ${esc(period)})${ctx.published ? " and the published DfE, ONS, Ofsted and MHCLG data" : "; the service was started without published data, so only the returns are used"}. Disclosure control is applied (counts below 5 suppressed, with the cells that would reveal them).</p>
<h2>Downloads</h2>
<ul>
${link("aggregate?format=csv", "Aggregate with disclosure control (CSV)")}
${link("aggregate?format=xlsx", "Aggregate with disclosure control (Excel)")}
${link("report?format=html", "Annual sufficiency report with forecast (HTML)")}
${link("report?format=xlsx", "Report tables and forecast (Excel annex)")}
</ul>
${table(`Members of ${fp.name}`, ["LA", "Status", "Latest version"], members.map((r) => [`<a href="/las/${esc(r.la)}?period=${esc(period)}">${esc(r.name)}</a>`, statusTag(r.status), r.latest_id ? `<a href="/returns/${r.latest_id}">Version ${r.latest_version}</a>` : ""]))}`;
    return html(reply, page({ title: `${fp.name}: ${period}`, user, csrf: req.csrf ?? undefined, path: "/footprints", body }));
  });

  app.get("/admin", async (req, reply) => {
    const user = signedIn(req);
    requireRole(user, "admin");
    const { users, periods } = await asUser(ctx.db, user.id, async (tx) => ({ users: await listUsers(tx), periods: await listPeriods(tx) }));
    const message = q(req).done ? `<div class="notice" role="status"><p>${esc(q(req).done)}</p></div>` : "";
    const body = `${message}
<h2>People</h2>
${table("People with access", ["Email", "Role", "LA or footprint", "Status", ""], users.map((u) => [esc(u.email), esc(u.role), esc(u.la_code ? `${laName(u.la_code)} (${u.la_code})` : u.footprint_code ? `${u.footprint_name} (${u.footprint_code})` : "all"), u.disabled ? "disabled" : "active",
      u.disabled || u.id === user.id ? "" : `<form method="post" action="/admin/users/${u.id}/disable">${csrfField(req.csrf!)}<button class="secondary" type="submit">Disable <span class="visually-hidden">${esc(u.email)}</span></button></form>`]))}
<h3>Add a person</h3>
<form class="stack" method="post" action="/admin/users">
${csrfField(req.csrf!)}
<label for="new-email">Email address</label><input type="email" id="new-email" name="email" required>
<label for="new-role">Role</label><select id="new-role" name="role">${ROLES.map((r) => `<option value="${r}">${r}</option>`).join("")}</select>
<label for="new-la">LA code (submitters)</label><span class="hint" id="new-la-hint">Old DfE code or ONS code, e.g. 350.</span><input type="text" id="new-la" name="la" aria-describedby="new-la-hint">
<label for="new-footprint">Footprint code (leads)</label><span class="hint" id="new-footprint-hint">A region code (e.g. E12000002) or a footprint already known.</span><input type="text" id="new-footprint" name="footprint" aria-describedby="new-footprint-hint">
<label for="new-password">Initial password</label><span class="hint" id="new-password-hint">At least 12 characters; tell them to keep it safe.</span><input type="password" id="new-password" name="password" autocomplete="new-password" aria-describedby="new-password-hint" required>
<div><button class="primary" type="submit">Add person</button></div>
</form>
<h2>Collection periods</h2>
${periods.length ? table("Periods", ["Collection year", "Due"], periods.map((p) => [esc(p.period), esc(p.due)])) : "<p>No periods yet.</p>"}
<form class="stack" method="post" action="/admin/periods">
${csrfField(req.csrf!)}
<label for="period">Collection year</label><input type="text" id="period" name="period" inputmode="numeric" pattern="[0-9]{4}" required>
<label for="due">Due date</label><input type="date" id="due" name="due" required>
<div><button class="primary" type="submit">Save period</button></div>
</form>
<h2>Machine token</h2>
<form class="stack" method="post" action="/admin/tokens">${csrfField(req.csrf!)}<label for="token-name">Name</label><input type="text" id="token-name" name="name" required><div><button class="primary" type="submit">Create a token for me</button></div></form>`;
    return html(reply, page({ title: "People and periods", user, csrf: req.csrf!, path: "/admin", body }));
  });

  app.post("/admin/users", async (req, reply) => {
    const user = signedIn(req);
    const f = form(req);
    checkCsrf(req, f._csrf);
    requireRole(user, "admin");
    await addUser(ctx.db, user, { email: f.email ?? "", role: f.role ?? "", la: f.la || undefined, footprint: f.footprint || undefined, password: f.password ?? "" });
    return reply.redirect(`/admin?done=${encodeURIComponent(`Added ${f.email}.`)}`, 303);
  });
  app.post("/admin/users/:id/disable", async (req, reply) => {
    const user = signedIn(req);
    checkCsrf(req, form(req)._csrf);
    requireRole(user, "admin");
    const id = idOf(req);
    await asUser(ctx.db, user.id, async (tx) => {
      await setDisabled(tx, id, true);
      await audit(tx, user, "user-disable", `user ${id}`);
    });
    return reply.redirect(`/admin?done=${encodeURIComponent("Disabled.")}`, 303);
  });
  app.post("/admin/periods", async (req, reply) => {
    const user = signedIn(req);
    const f = form(req);
    checkCsrf(req, f._csrf);
    requireRole(user, "admin");
    if (!/^\d{4}$/.test(f.period ?? "") || !/^\d{4}-\d{2}-\d{2}$/.test(f.due ?? "")) throw new HttpError(422, "E_PERIOD", "Give a collection year (YYYY) and a due date.");
    await asUser(ctx.db, user.id, async (tx) => {
      await upsertPeriod(tx, f.period!, f.due!);
      await audit(tx, user, "period-set", f.period!, { due: f.due });
    });
    return reply.redirect(`/admin?done=${encodeURIComponent(`Period ${f.period} due ${f.due}.`)}`, 303);
  });
  app.post("/admin/tokens", async (req, reply) => {
    const user = signedIn(req);
    const f = form(req);
    checkCsrf(req, f._csrf);
    requireRole(user, "admin");
    const token = await asUser(ctx.db, user.id, async (tx) => {
      const t = await createToken(tx, user.id, String(f.name ?? "token").slice(0, 100));
      await audit(tx, user, "token-create", user.email, { name: f.name });
      return t;
    });
    return html(reply, page({ title: "Your new token", user, csrf: req.csrf!, body: `<p>Copy it now: it is not shown again.</p><p><code>${esc(token)}</code></p><p><a href="/admin">Back</a></p>` }));
  });

  app.get("/admin/audit", async (req, reply) => {
    const user = signedIn(req);
    const entries = await auditLog(ctx, user, 500);
    const body = `<p>Every sign-in, upload, submission, download and change to people, newest first (the latest 500). The log cannot be changed or deleted. <a href="/api/audit?format=csv" download>Export all as CSV</a>.</p>
${table("Audit log", ["When (UTC)", "Who", "Action", "What", "Detail"], entries.map((e) => [esc(e.at.slice(0, 19).replace("T", " ")), esc(e.email ?? ""), esc(e.action), esc(e.target ?? ""), `<code>${esc(JSON.stringify(e.detail))}</code>`]))}`;
    return html(reply, page({ title: "Audit log", user, csrf: req.csrf ?? undefined, path: "/admin/audit", body }));
  });
}
