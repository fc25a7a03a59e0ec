/**
 * The collection service as a Fastify app: the web pages and the JSON API on one port.
 *
 * Stages of a request:
 *  1. Who is asking: a machine token (Authorization: Bearer suff_...) or the session cookie
 *     (HTTP-only, SameSite=Strict; the session id is stored hashed).
 *  2. A state-changing request with a session must come from this site: forms carry the
 *     session's CSRF token; API calls with a cookie must not come from another origin.
 *  3. The route checks the role in code and does its work through service.ts, whose
 *     queries run under row-level security as the person asking.
 *  4. Errors become 401/403/404/409/413/422/429 with a JSON body on /api and a page elsewhere.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import type { DatasetRow } from "../spec/dataset.ts";
import { HttpError } from "./access.ts";
import { LoginLimiter } from "./auth/login-limiter.ts";
import { UploadQueue } from "./upload-queue.ts";
import { asUser } from "./storage/as-user.ts";
import type { Database } from "./storage/database.ts";
import { sessionUser, tokenUser, type User } from "./storage/people.ts";
import type { UploadedFile } from "./returns/read-upload.ts";
import { esc, page, SITE_CSS } from "./pages/layout.ts";
import { registerApiRoutes } from "./routes-api.ts";
import { registerPageRoutes } from "./routes-pages.ts";

export interface AppOptions {
  db: Database;
  /** The published data to merge with the returns (rows of a `suff ingest` dataset folder). */
  published?: () => Promise<DatasetRow[]>;
  /** Largest upload in bytes (default 20 MB): bigger gets 413. */
  maxUploadBytes?: number;
  /** Failed sign-ins allowed per address and email in the window (default 10 per 15 minutes). */
  loginLimit?: { max: number; windowMs: number };
  /** Uploads read and stored at once, first come first served (default 2 on PGlite, 8 on a server). */
  uploadSlots?: number;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  now?: () => Date;
  logger?: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    user: User | null;
    csrf: string | null;
    authBy: "session" | "token" | null;
  }
  interface FastifyInstance {
    /** Every route (method and URL pattern), for tests that try them all. */
    routeList: Array<{ method: string; url: string }>;
  }
}

export const SESSION_COOKIE = "suff_session";
export const LOGIN_CSRF_COOKIE = "suff_login_csrf";

/** Everything routes need. */
export interface RouteContext {
  db: Database;
  published?: () => Promise<DatasetRow[]>;
  now?: () => Date;
  maxUploadBytes: number;
  loginLimiter: LoginLimiter;
  uploads: UploadQueue;
  secureCookies: boolean;
}

/** The signed-in user, or 401. */
export function signedIn(req: FastifyRequest): User {
  if (!req.user) throw new HttpError(401, "E_UNAUTHENTICATED", "Sign in first (POST /api/session, or a token in Authorization: Bearer).");
  return req.user;
}

/** Check a form's CSRF token against the session's. @throws HttpError 403. */
export function checkCsrf(req: FastifyRequest, token: unknown): void {
  if (req.authBy === "token") return;
  if (!req.csrf || typeof token !== "string" || token !== req.csrf) throw new HttpError(403, "E_CSRF", "The form has expired or did not come from this site: go back, reload the page and try again.");
}

/** Read a multipart request: its fields and files (each at most maxUploadBytes, else 413). */
export async function readMultipart(req: FastifyRequest): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) throw new HttpError(422, "E_NOT_MULTIPART", "Send the return as multipart/form-data with fields file and period.");
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (part.filename && bytes.length > 0) files.push({ name: part.filename.replace(/^.*[\\/]/, ""), bytes: new Uint8Array(bytes) });
    } else fields[part.fieldname] = String(part.value);
  }
  return { fields, files };
}

function cleanError(error: unknown, maxUploadBytes: number): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as { statusCode?: number; code?: string; message?: string };
  const status = e.statusCode ?? 500;
  if (status === 413) return new HttpError(413, "E_TOO_LARGE", `The upload is larger than the limit of ${Math.round(maxUploadBytes / 1048576)} MB.`, "A sufficiency return is a few hundred kilobytes: check that you chose the right file.");
  if (status === 415) return new HttpError(415, "E_MEDIA_TYPE", e.message ?? "Unsupported media type.");
  if (status >= 400 && status < 500) return new HttpError(status, e.code ?? "E_BAD_REQUEST", e.message ?? "Bad request.");
  return new HttpError(500, "E_INTERNAL", "Something went wrong on the server; the error has been logged.");
}

const TITLES: Record<number, string> = { 401: "Sign in to continue", 403: "You cannot do that", 404: "Page not found", 409: "That cannot be done now", 413: "The file is too large", 415: "Unsupported request", 422: "The request could not be used", 429: "Too many attempts", 500: "Sorry, there is a problem with the service" };

/**
 * Build the app (not listening). Migrations must have run (see startServer).
 * @example const app = await buildApp({ db }); await app.listen({ port: 8080 })
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const ctx: RouteContext = {
    db: options.db,
    published: options.published,
    now: options.now,
    maxUploadBytes: options.maxUploadBytes ?? 20 * 1048576,
    loginLimiter: new LoginLimiter(options.loginLimit?.max ?? 10, options.loginLimit?.windowMs ?? 15 * 60_000),
    secureCookies: options.secureCookies ?? false,
    // One thread reads every upload, and PGlite runs on it too: a short queue; a server takes more at once.
    uploads: new UploadQueue(options.uploadSlots ?? (options.db.kind === "pglite" ? 2 : 8)),
  };
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1048576, trustProxy: false });
  const routeList: Array<{ method: string; url: string }> = [];
  app.decorate("routeList", routeList);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routeList.push({ method, url: route.url });
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: ctx.maxUploadBytes, files: 20, fields: 20, fieldSize: 65536 }, throwFileSizeLimit: true });
  app.decorateRequest("user", null);
  app.decorateRequest("csrf", null);
  app.decorateRequest("authBy", null);

  app.addHook("onRequest", async (req) => {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const user = m ? await asUser(ctx.db, null, (tx) => tokenUser(tx, m[1])) : undefined;
      if (!user) throw new HttpError(401, "E_BAD_TOKEN", "The token is not valid (or has been revoked).");
      req.user = user;
      req.authBy = "token";
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await asUser(ctx.db, null, (tx) => sessionUser(tx, token));
      if (found) {
        req.user = found.user;
        req.csrf = found.csrf;
        req.authBy = "session";
      }
    }
    if (req.authBy === "session" && !["GET", "HEAD", "OPTIONS"].includes(req.method)) {
      const origin = req.headers.origin;
      if (origin && origin !== "null" && new URL(origin).host !== req.headers.host) throw new HttpError(403, "E_CROSS_SITE", "Requests from another site are refused.");
    }
  });

  app.addHook("onSend", async (req, reply, payload) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "same-origin");
    reply.header("X-Frame-Options", "DENY");
    if (!reply.getHeader("Content-Security-Policy")) reply.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'none'; form-action 'self'");
    if (req.user) reply.header("Cache-Control", "no-store");
    return payload;
  });

  app.setErrorHandler((error, req, reply) => {
    const e = cleanError(error, ctx.maxUploadBytes);
    if (e.status >= 500) req.log.error(error);
    if (e.status >= 500 && !options.logger) process.stderr.write(`error ${(error as Error).stack ?? String(error)}\n`);
    sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new HttpError(404, "E_NOT_FOUND", `There is nothing at ${req.url.split("?")[0]}.`)));

  app.get("/assets/site.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("Cache-Control", "public, max-age=3600").send(SITE_CSS));
  app.get("/healthz", async () => ({ ok: true }));
  registerApiRoutes(app, ctx);
  registerPageRoutes(app, ctx);
  return app;
}

function sendError(req: FastifyRequest, reply: FastifyReply, e: HttpError): void {
  if (e.status === 413 || e.status === 429) reply.header("Connection", "close");
  if (req.url.startsWith("/api/")) {
    void reply.status(e.status).type("application/json").send({ error: { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) } });
    return;
  }
  if (e.status === 401 && req.method === "GET") {
    void reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    return;
  }
  const body = `<div class="error-summary" role="alert"><h2>${esc(e.message)}</h2>${e.hint ? `<p>${esc(e.hint)}</p>` : ""}<p>Code: ${esc(e.code)}</p></div><p><a href="/">Go to the start page</a></p>`;
  void reply.status(e.status).type("text/html; charset=utf-8").send(page({ title: TITLES[e.status] ?? "Error", user: req.user, csrf: req.csrf ?? undefined, body }));
}
