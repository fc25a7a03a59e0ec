/**
 * The JSON API (documented at /api/openapi.json): the same operations as the pages, for
 * scripts. Authentication by the session cookie (POST /api/session) or a machine token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HttpError, requireRole } from "./access.ts";
import { checkCsrf, readMultipart, SESSION_COOKIE, signedIn, type RouteContext } from "./app.ts";
import { login, logout } from "./auth/login.ts";
import { footprintAggregate, footprintReport } from "./footprint-outputs.ts";
import { OPENAPI, apiDocsPage } from "./openapi.ts";
import { checkPeriod, getReturn, listReturns, returnDiff, statusBoard, submitReturn, uploadReturn } from "./service.ts";
import { listPeriods, upsertPeriod } from "./storage/returns.ts";
import { auditCsv, auditLog } from "./audit.ts";
import { asUser } from "./storage/as-user.ts";
import { createToken, audit, listUsers } from "./storage/people.ts";
import { addUser } from "./users.ts";

/** Session cookie options. */
export function cookieOptions(ctx: RouteContext) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure: ctx.secureCookies, maxAge: 12 * 3600 };
}

function idParam(req: FastifyRequest): number {
  const raw = (req.params as { id: string }).id;
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(404, "E_NOT_FOUND", `There is no return ${raw}.`);
  return Number(raw);
}

function query(req: FastifyRequest): Record<string, string | undefined> {
  return req.query as Record<string, string | undefined>;
}

function sendFile(reply: FastifyReply, file: { body: string | Uint8Array; contentType: string; fileName: string }, inline = false): FastifyReply {
  return reply.type(file.contentType).header("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${file.fileName}"`).send(typeof file.body === "string" ? file.body : Buffer.from(file.body));
}

export function registerApiRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get("/api/openapi.json", async () => OPENAPI);
  app.get("/api/docs", async (req, reply) => reply.type("text/html; charset=utf-8").send(apiDocsPage(req.user, req.csrf)));

  app.post("/api/session", async (req, reply) => {
    const body = (req.body ?? {}) as { email?: unknown; password?: unknown };
    const { user, session } = await login(ctx.db, ctx.loginLimiter, body.email, body.password, req.ip);
    void reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(ctx));
    return { user: { id: user.id, email: user.email, role: user.role, la: user.la_code, footprint: user.footprint_code }, csrf: session.csrf };
  });
  app.delete("/api/session", async (req, reply) => {
    await logout(ctx.db, req.user, req.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });
  app.get("/api/me", async (req) => {
    const user = signedIn(req);
    return { id: user.id, email: user.email, role: user.role, la: user.la_code, footprint: user.footprint_code, footprint_las: user.footprint_las };
  });
  app.post("/api/tokens", async (req, reply) => {
    const user = signedIn(req);
    if (req.authBy !== "session") throw new HttpError(403, "E_FORBIDDEN", "Create tokens while signed in with a password.");
    const name = String((req.body as { name?: unknown } | undefined)?.name ?? "api").slice(0, 100);
    const token = await asUser(ctx.db, user.id, async (tx) => {
      const t = await createToken(tx, user.id, name);
      await audit(tx, user, "token-create", user.email, { name });
      return t;
    });
    return reply.status(201).send({ token, name });
  });

  app.post("/api/users", async (req, reply) => {
    const user = signedIn(req);
    requireRole(user, "admin");
    const b = (req.body ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
    const id = await addUser(ctx.db, user, { email: str(b.email) ?? "", role: str(b.role) ?? "", la: str(b.la), footprint: str(b.footprint), password: str(b.password) ?? "" });
    return reply.status(201).send({ id });
  });
  app.get("/api/users", async (req) => {
    const user = signedIn(req);
    requireRole(user, "admin");
    const users = await asUser(ctx.db, user.id, (tx) => listUsers(tx));
    return { users: users.map((u) => ({ id: u.id, email: u.email, role: u.role, la: u.la_code, footprint: u.footprint_code, disabled: u.disabled })) };
  });

  app.get("/api/periods", async (req) => {
    const user = signedIn(req);
    return { periods: await asUser(ctx.db, user.id, (tx) => listPeriods(tx)) };
  });
  app.post("/api/periods", async (req, reply) => {
    const user = signedIn(req);
    requireRole(user, "admin");
    const b = (req.body ?? {}) as { period?: unknown; due?: unknown };
    const period = checkPeriod(b.period);
    if (typeof b.due !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(b.due) || Number.isNaN(Date.parse(b.due))) throw new HttpError(422, "E_DUE", "due must be a date YYYY-MM-DD.");
    await asUser(ctx.db, user.id, async (tx) => {
      await upsertPeriod(tx, period, b.due as string);
      await audit(tx, user, "period-set", period, { due: b.due });
    });
    return reply.status(201).send({ period, due: b.due });
  });

  app.post("/api/returns", async (req, reply) => {
    const user = signedIn(req);
    requireRole(user, "submitter");
    const { fields, files } = await readMultipart(req);
    if (req.authBy === "session" && fields._csrf !== undefined) checkCsrf(req, fields._csrf);
    const outcome = await uploadReturn(ctx, user, { period: fields.period ?? "", files, submit: fields.submit === "true" || fields.submit === "1" });
    return reply.status(outcome.errors > 0 ? 422 : 201).header("Location", `/api/returns/${outcome.id}`).send(outcome);
  });
  app.post("/api/returns/:id/submit", async (req) => submitReturn(ctx, signedIn(req), idParam(req)));
  app.get("/api/returns", async (req) => {
    const q = query(req);
    return { returns: await listReturns(ctx, signedIn(req), { period: q.period, la: q.la }) };
  });
  app.get("/api/returns/:id", async (req) => {
    const { diagnostics, ...version } = await getReturn(ctx, signedIn(req), idParam(req));
    return { ...version, diagnostics_count: diagnostics.length };
  });
  app.get("/api/returns/:id/diagnostics", async (req) => {
    const v = await getReturn(ctx, signedIn(req), idParam(req));
    return { id: v.id, status: v.status, errors: v.errors, warnings: v.warnings, diagnostics: v.diagnostics };
  });
  app.get("/api/returns/:id/diff", async (req) => {
    const from = query(req).from;
    const d = await returnDiff(ctx, signedIn(req), idParam(req), from === undefined ? undefined : Number(from));
    return { from: d.from?.id ?? null, to: d.to.id, changes: d.changes };
  });
  app.get("/api/board", async (req) => statusBoard(ctx, signedIn(req), query(req).period ?? ""));
  app.get("/api/footprints/:code/aggregate", async (req, reply) => {
    const q = query(req);
    const format = q.format === "csv" || q.format === "xlsx" ? q.format : "json";
    const file = await footprintAggregate(ctx, signedIn(req), (req.params as { code: string }).code, q.period ?? "", format);
    return format === "json" ? reply.type("application/json").send(file.body) : sendFile(reply, file);
  });
  app.get("/api/footprints/:code/report", async (req, reply) => {
    const q = query(req);
    const file = await footprintReport(ctx, signedIn(req), (req.params as { code: string }).code, q.period ?? "", q.format === "xlsx" ? "xlsx" : "html");
    return sendFile(reply, file);
  });
  app.get("/api/audit", async (req, reply) => {
    const user = signedIn(req);
    requireRole(user, "admin");
    if (query(req).format === "csv") return sendFile(reply, { body: await auditCsv(ctx, user), contentType: "text/csv; charset=utf-8", fileName: "audit-log.csv" });
    return { entries: await auditLog(ctx, user) };
  });
}
