// A submitter of one LA (Bury, in the same footprint as Bolton) tries EVERY route of the
// service, pages and API, with Bolton's return ids, Bolton's LA code and the footprint's
// code, with a valid session and CSRF token (so only access control can stop it): none
// shows Bolton's data, none changes it. The route list comes from the app itself, so a
// route added later is tried too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/serve/app";
import type { Database } from "../../src/serve/storage/database";
import { openMigrated } from "../../src/serve/serve";
import { BACKEND, badCsv, cleanCsv, freshDatabase, PASSWORD, PERIOD, seedPeople, type TestDatabase } from "./helpers";

let tdb: TestDatabase;
let db: Database;
let app: FastifyInstance;
const BOLTON_FILE = "bolton-secret-return.csv";
const boltonIds: number[] = [];
let boltonSha = "";

interface Session { cookie: string; csrf: string }

async function signIn(email: string): Promise<Session> {
  const r = await app.inject({ method: "POST", url: "/api/session", payload: { email, password: PASSWORD } });
  expect(r.statusCode).toBe(200);
  const cookie = [r.headers["set-cookie"]].flat().find((c) => String(c).startsWith("suff_session="))!.split(";")[0];
  return { cookie, csrf: (r.json() as { csrf: string }).csrf };
}

function multipart(fields: Record<string, string>, file: { name: string; text: string }): { payload: string; headers: Record<string, string> } {
  const boundary = "----suffcrossla";
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.text}\r\n`);
  return { payload: `${parts.join("")}--${boundary}--\r\n`, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  tdb = await freshDatabase();
  await seedPeople(tdb.location, [
    { email: "sub@bolton.example", role: "submitter", la: "350" },
    { email: "sub@bury.example", role: "submitter", la: "351" },
    { email: "admin@dfe.example", role: "admin" },
    { email: "lead@northeast.example", role: "lead", footprint: "E12000001" },
  ]);
  db = (await openMigrated(tdb.location)).db;
  app = await buildApp({ db });
  const bolton = await signIn("sub@bolton.example");
  for (const [text, submit] of [[badCsv(), "false"], [cleanCsv(), "true"], [cleanCsv("350", PERIOD, (m) => (m === "foster_households_inhouse" ? 7 : 0)), "false"]] as const) {
    const body = multipart({ period: PERIOD, submit }, { name: BOLTON_FILE, text });
    const r = await app.inject({ method: "POST", url: "/api/returns", headers: { ...body.headers, cookie: bolton.cookie }, payload: body.payload });
    const json = r.json() as { id: number };
    boltonIds.push(json.id);
  }
  const v = await app.inject({ method: "GET", url: `/api/returns/${boltonIds[1]}`, headers: { cookie: bolton.cookie } });
  boltonSha = (v.json() as { sha256: string }).sha256;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
  await tdb?.drop();
});

/** Try every route (but signing in) as `who`, aimed at Bolton's return ids, LA and footprint. */
async function tryEveryRoute(who: Session | null): Promise<{ tried: string[]; leaks: string[]; allowed: string[] }> {
  const tried: string[] = [];
  const leaks: string[] = [];
  const allowed: string[] = [];
  for (const route of app.routeList) {
    if (route.url === "/api/session" || route.url === "/login" || route.url === "/logout") continue; // signing in as Bolton needs Bolton's password; signing out is tried last
    const ids = route.url.includes(":id") ? boltonIds : [0];
    for (const id of ids) {
      const url = route.url.replace(":id", String(id)).replace(":la", "350").replace(":code", "GMCA");
      const query = `?period=${PERIOD}&la=350&from=${boltonIds[0]}&format=json`;
      let payload: string | Record<string, string> | undefined;
      let headers: Record<string, string> = who ? { cookie: who.cookie } : {};
      const csrf = who?.csrf ?? "";
      if (route.method === "POST" || route.method === "DELETE") {
        if (route.url === "/api/returns" || route.url === "/returns") {
          // An upload of a file that claims to be Bolton's return: refused at its cells (its message names the LA the file claims to be: the caller's own input).
          const body = multipart({ period: PERIOD, submit: "true", _csrf: csrf }, { name: "attempt.csv", text: cleanCsv("350") });
          payload = body.payload;
          headers = { ...headers, ...body.headers };
        } else {
          payload = { _csrf: csrf, email: "sub@bolton.example", password: PASSWORD, role: "admin", la: "350", footprint: "GMCA", name: "t", period: PERIOD, due: "2026-06-30" };
        }
      }
      const r = await app.inject({ method: route.method as "GET", url: route.method === "GET" ? url + query : url, headers, payload });
      tried.push(`${route.method} ${route.url}`);
      const ownUpload = route.method === "POST" && (route.url === "/api/returns" || route.url === "/returns");
      if (r.body.includes(BOLTON_FILE) || r.body.includes(boltonSha) || (!ownUpload && /Bolton/.test(r.body))) leaks.push(`${route.method} ${url} -> ${r.statusCode}`);
      const toSignIn = r.statusCode === 303 && String(r.headers.location).startsWith("/login");
      if (r.statusCode < 400 && !toSignIn && route.url.includes(":")) allowed.push(`${route.method} ${url} -> ${r.statusCode}`);
    }
  }
  return { tried, leaks, allowed };
}

const boltonVersions = () => db.query<{ id: number; status: string; version: number }>("SELECT id, status, version FROM returns WHERE la_code = '350' ORDER BY id");

describe(`another LA's submitter, another footprint's lead and nobody try every route (${BACKEND})`, () => {
  it("a submitter of another LA sees none of Bolton's return and changes none of it, on every page and API route", async () => {
    expect(boltonIds).toHaveLength(3);
    const bury = await signIn("sub@bury.example");
    const before = await boltonVersions();
    const { tried, leaks, allowed } = await tryEveryRoute(bury);
    for (const [method, url] of [["POST", "/logout"], ["DELETE", "/api/session"]] as const) {
      const r = await app.inject({ method, url, headers: { cookie: bury.cookie }, payload: method === "POST" ? { _csrf: bury.csrf } : undefined });
      expect(r.statusCode).toBeLessThan(400);
      tried.push(`${method} ${url}`);
    }
    expect(leaks).toEqual([]);
    // Only Bury's own things may succeed; nothing addressed at Bolton's ids, LA or footprint.
    expect(allowed).toEqual([]);
    const routes = new Set(app.routeList.map((r) => `${r.method} ${r.url}`));
    for (const skipped of ["POST /api/session", "GET /login", "POST /login"]) routes.delete(skipped);
    expect(new Set(tried)).toEqual(routes);
    expect(await boltonVersions()).toEqual(before);
    const written = await db.query("SELECT r.id FROM returns r JOIN users u ON u.id = r.uploaded_by WHERE r.la_code = '350' AND u.email <> 'sub@bolton.example'");
    expect(written).toEqual([]);
  });

  it("nor does a lead of another footprint, or a request with no session", async () => {
    const before = await boltonVersions();
    for (const who of [await signIn("lead@northeast.example"), null]) {
      const { leaks, allowed } = await tryEveryRoute(who);
      expect(leaks).toEqual([]);
      expect(allowed).toEqual([]);
    }
    expect(await boltonVersions()).toEqual(before);
  });
});
