// The JSON API end to end through the compiled `suff serve` (PGlite, or the PostgreSQL
// server of SUFF_TEST_DATABASE_URL): sessions and tokens, uploads kept as drafts with
// diagnostics at the cell, submission, resubmission superseding, history and differences,
// the status board, the footprint's aggregate, hostile files, the audit log, and
// 401/403/404/409/413/422/429 used as they mean.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli";
import { MEASURES } from "../../src/template/measures";
import { badCsv, cleanCsv, cleanWorkbook, Client, freshDatabase, PERIOD, seedPeople, startServer, type TestDatabase, type TestServer } from "./helpers";

let db: TestDatabase;
let server: TestServer;
const client = (token?: string) => new Client(server.url, token);
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await freshDatabase();
  await seedPeople(db.location, [
    { email: "admin@dfe.example", role: "admin" },
    { email: "analyst@dfe.example", role: "analyst" },
    { email: "analyst2@dfe.example", role: "analyst" },
    { email: "sub@bolton.example", role: "submitter", la: "350" },
    { email: "sub@bury.example", role: "submitter", la: "351" },
    { email: "sub@hartlepool.example", role: "submitter", la: "805" },
    { email: "lead@gmca.example", role: "lead", footprint: "GMCA" },
    { email: "lead@northeast.example", role: "lead", footprint: "E12000001" },
  ]);
  server = await startServer(db, ["--max-upload-mb", "1", "--published", path.join(REPO, "test/fixtures/forecast-dataset-small")]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("signing in", () => {
  it("401 without a session, for a wrong password, and for a bad token; the session cookie is HTTP-only and SameSite", async () => {
    expect((await client().json("GET", "/api/returns")).status).toBe(401);
    const c = client();
    expect(await c.login("sub@bolton.example", "wrong password!!")).toBe(401);
    expect(await c.login("nobody@nowhere.example")).toBe(401);
    expect((await client("suff_not-a-token").json("GET", "/api/me")).status).toBe(401);
    const res = await c.request("POST", "/api/session", { json: { email: "sub@bolton.example", password: "correct horse battery staple" } });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith("suff_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await c.json("GET", "/api/me")).body).toMatchObject({ email: "sub@bolton.example", role: "submitter", la: "350" });
  });

  it("limits failed sign-in attempts per address and email (429, even with the right password); other people are not locked out", async () => {
    const c = client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push(await c.login("analyst@dfe.example", `wrong ${i} password`));
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(await c.login("analyst@dfe.example")).toBe(429);
    expect(await client().login("admin@dfe.example")).toBe(200);
  });

  it("serves the OpenAPI description and its page", async () => {
    const doc = await client().json<{ openapi: string; paths: Record<string, unknown> }>("GET", "/api/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    for (const p of ["/api/session", "/api/returns", "/api/returns/{id}", "/api/returns/{id}/diagnostics", "/api/footprints/{code}/aggregate"]) expect(doc.body.paths).toHaveProperty([p]);
    expect((await client().get("/api/docs")).status).toBe(200);
  });
});

describe("submitting", () => {
  it("a return with errors is a draft (422) with diagnostics at their line; it cannot be submitted (409)", async () => {
    const c = client();
    await c.login("sub@bolton.example");
    const r = await c.upload([{ name: "bolton.csv", bytes: badCsv() }], { period: PERIOD, submit: "true" });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ status: "draft", version: 1 });
    expect(r.body.diagnostics.find((d) => d.code === "E_VALUE_NEGATIVE")).toMatchObject({ severity: "error", row: 2 });
    ids.bad = r.body.id;
    const d = await c.json<{ diagnostics: unknown[]; errors: number }>("GET", `/api/returns/${r.body.id}/diagnostics`);
    expect(d.status).toBe(200);
    expect(d.body.errors).toBeGreaterThan(0);
    expect(d.body.diagnostics).toEqual(r.body.diagnostics);
    expect((await c.json("POST", `/api/returns/${r.body.id}/submit`)).status).toBe(409);
  });

  it("a clean return is stored as a draft and submitted; a resubmission supersedes it; versions keep who, when and sha256", async () => {
    const c = client();
    await c.login("sub@bolton.example");
    const csv = cleanCsv();
    const draft = await c.upload([{ name: "bolton-2026.csv", bytes: csv }]);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "draft", version: 2, errors: 0 });
    const submitted = await c.json<{ status: string; submitted_by: string }>("POST", `/api/returns/${draft.body.id}/submit`);
    expect(submitted.body).toMatchObject({ status: "submitted", submitted_by: "sub@bolton.example" });
    expect((await c.json("POST", `/api/returns/${draft.body.id}/submit`)).status).toBe(409);
    const book = await c.upload([{ name: "bolton-2026.xlsx", bytes: await cleanWorkbook() }], { period: PERIOD, submit: "true" });
    expect(book.status).toBe(201);
    expect(book.body).toMatchObject({ status: "submitted", version: 3 });
    ids.csv = draft.body.id;
    ids.book = book.body.id;
    const first = await c.json<Record<string, unknown>>("GET", `/api/returns/${draft.body.id}`);
    const { createHash } = await import("node:crypto");
    expect(first.body).toMatchObject({ status: "superseded", la_code: "350", period: PERIOD, file_name: "bolton-2026.csv", file_kind: "long-csv", uploaded_by: "sub@bolton.example", sha256: createHash("sha256").update(csv).digest("hex") });
    const list = await c.json<{ returns: Array<{ version: number; status: string }> }>("GET", `/api/returns?period=${PERIOD}`);
    expect(list.body.returns.map((v) => [v.version, v.status])).toEqual([[3, "submitted"], [2, "superseded"], [1, "draft"]]);
  });

  it("the difference between two versions lists the cells that changed", async () => {
    const c = client();
    await c.login("sub@bolton.example");
    const d = await c.json<{ changes: Array<{ measure: string; before: string; after: string }> }>("GET", `/api/returns/${ids.csv}/diff?from=${ids.bad}`);
    expect(d.status).toBe(200);
    expect(d.body.changes).toContainEqual(expect.objectContaining({ measure: "cla_31_march", before: "-5", after: "600" }));
  });

  it("refuses another LA's file (an error at its cell), other roles (403), a missing period (422) and a missing file (422)", async () => {
    const c = client();
    await c.login("sub@bolton.example");
    const other = await c.upload([{ name: "bury.csv", bytes: cleanCsv("351") }]);
    expect(other.status).toBe(422);
    expect(other.body.diagnostics.map((d) => d.code)).toContain("E_RETURN_NOT_YOURS");
    expect((await c.upload([{ name: "x.csv", bytes: cleanCsv() }], { period: "last year" })).status).toBe(422);
    expect((await c.upload([], { period: PERIOD })).status).toBe(422);
    const lead = client();
    await lead.login("lead@gmca.example");
    expect((await lead.upload([{ name: "bolton.csv", bytes: cleanCsv() }])).status).toBe(403);
  });

  it("hostile files: too large (413), a zip bomb (413), XML entities, and a file that is not a return (422)", async () => {
    const c = client();
    await c.login("sub@hartlepool.example");
    const big = await c.upload([{ name: "big.csv", bytes: "x".repeat(1_200_000) }]);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: "E_TOO_LARGE" });
    const invalid = path.join(REPO, "test/fixtures/invalid");
    const bomb = readdirSync(invalid).find((f) => /bomb/i.test(f));
    if (bomb) {
      const dir = path.join(invalid, bomb);
      const file = readdirSync(dir).find((f) => f.startsWith("input"))!;
      const r = await c.upload([{ name: file, bytes: new Uint8Array(readFileSync(path.join(dir, file))) }]);
      expect(r.status).toBe(413);
      expect(r.body.error?.code).toBe("E_ZIP_BOMB");
    }
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Message><Header></Header><Children><Child><CHILD>&e;</CHILD></Child></Children></Message>`;
    const x = await c.upload([{ name: "extract.xml", bytes: xxe }]);
    expect([422, 413]).toContain(x.status);
    expect(JSON.stringify(x.body)).not.toContain("root:");
    const png = await c.upload([{ name: "photo.xlsx", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) }]);
    expect(png.status).toBe(422);
    expect(png.body.error?.message).toMatch(/not|PNG/i);
  });

  it("an SSDA903 extract becomes template measures; no child-level record is stored", async () => {
    const c = client();
    await c.login("sub@bolton.example");
    const dir = path.join(REPO, "test/fixtures/ssda903-samples/combined");
    const files = readdirSync(dir).filter((f) => f.startsWith("2019-")).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
    const r = await c.upload(files, { period: "2020" }); // the 2019 tables are the year ending 31 March 2020
    expect([201, 422]).toContain(r.status);
    expect(r.body.id).toBeGreaterThan(0);
    const v = await c.json<{ file_kind: string; rows_stored: number }>("GET", `/api/returns/${r.body.id}`);
    expect(v.body.file_kind).toBe("ssda903");
    expect(v.body.rows_stored).toBeGreaterThan(0);
    const diff = await c.json<{ changes: Array<{ measure: string; dims: Record<string, string> }> }>("GET", `/api/returns/${r.body.id}/diff`);
    const known = new Set(MEASURES.map((m) => m.id));
    expect(diff.body.changes.length).toBeGreaterThan(0);
    expect(diff.body.changes.every((ch) => known.has(ch.measure))).toBe(true);
    const childIds = readFileSync(path.join(dir, "2019-episodes.csv"), "utf8").split("\n").slice(1, 20).map((l) => l.split(",")[0]).filter((s) => s.length > 3);
    const stored = JSON.stringify(diff.body);
    for (const id of childIds) expect(stored).not.toContain(`"${id}"`);
  });
});

describe("seeing", () => {
  it("a lead reads their footprint's returns and board; an analyst reads all; a submitter only their own", async () => {
    const other = client();
    await other.login("sub@hartlepool.example");
    expect((await other.upload([{ name: "hartlepool.csv", bytes: cleanCsv("805") }], { period: PERIOD, submit: "true" })).status).toBe(201);
    const lead = client();
    await lead.login("lead@gmca.example");
    const seen = await lead.json<{ returns: Array<{ la_code: string }> }>("GET", `/api/returns?period=${PERIOD}`);
    expect(new Set(seen.body.returns.map((r) => r.la_code))).toEqual(new Set(["350"]));
    const board = await lead.json<{ rows: Array<{ la: string; status: string }>; counts: Record<string, number> }>("GET", `/api/board?period=${PERIOD}`);
    expect(board.body.rows).toHaveLength(10);
    expect(board.body.rows.find((r) => r.la === "350")?.status).toBe("submitted");
    expect(board.body.rows.find((r) => r.la === "351")?.status).toBe("not started");
    expect((await lead.json("GET", `/api/returns/${ids.book}`)).status).toBe(200);
    const analyst = client();
    await analyst.login("analyst2@dfe.example");
    const all = await analyst.json<{ returns: Array<{ la_code: string }> }>("GET", `/api/returns?period=${PERIOD}`);
    expect(new Set(all.body.returns.map((r) => r.la_code))).toEqual(new Set(["350", "805"]));
    expect((await analyst.json<{ rows: unknown[] }>("GET", `/api/board?period=${PERIOD}`)).body.rows).toHaveLength(153);
    expect((await other.json("GET", `/api/returns/${ids.book}`)).status).toBe(404);
    expect((await other.json("GET", `/api/board?period=${PERIOD}`)).status).toBe(403);
    expect((await other.json("GET", `/api/returns?la=350`)).status).toBe(403);
    expect((await lead.json("GET", "/api/returns/999999")).status).toBe(404);
  });

  it("after the due date, LAs that have not submitted are late", async () => {
    const admin = client();
    await admin.login("admin@dfe.example");
    expect((await admin.json("POST", "/api/periods", { period: PERIOD, due: "2026-12-02" })).status).toBe(201);
    expect((await admin.json("POST", "/api/periods", { period: PERIOD, due: "soon" })).status).toBe(422);
    const lead = client();
    await lead.login("lead@gmca.example");
    expect((await lead.json("POST", "/api/periods", { period: PERIOD, due: "2027-01-31" })).status).toBe(403);
    const board = await lead.json<{ due: string; rows: Array<{ la: string; status: string }> }>("GET", `/api/board?period=${PERIOD}`);
    expect(board.body.due).toBe("2026-12-02");
    expect(board.body.rows.find((r) => r.la === "351")?.status).toBe("late");
    expect(board.body.rows.find((r) => r.la === "350")?.status).toMatch(/^submitted/);
    expect((await admin.json("POST", "/api/periods", { period: PERIOD, due: "2027-01-31" })).status).toBe(201);
  });

  it("the footprint's aggregate comes from the latest submitted versions, with disclosure control; 403 and 404 as they mean", async () => {
    const lead = client();
    await lead.login("lead@gmca.example");
    const agg = await lead.json<{ submitted: Array<{ la: string; version: number }>; members: number }>("GET", `/api/footprints/GMCA/aggregate?period=${PERIOD}`);
    expect(agg.status).toBe(200);
    expect(agg.body.members).toBe(10);
    expect(agg.body.submitted).toEqual([{ la: "350", version: 3, id: ids.book }]);
    const csv = await lead.request("GET", `/api/footprints/GMCA/aggregate?period=${PERIOD}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="gmca-2026-aggregate\.csv"/);
    const text = await csv.text();
    const row = text.split("\n").find((l) => l.includes(",cla_31_march,") && /,total,total,|,total,,total,/.test(l));
    expect(text).toMatch(/^time_period,/);
    expect(row ?? text.slice(0, 400)).toContain("600");
    expect((await lead.json("GET", `/api/footprints/GMCA/aggregate`)).status).toBe(422);
    const ne = client();
    await ne.login("lead@northeast.example");
    expect((await ne.json("GET", `/api/footprints/GMCA/aggregate?period=${PERIOD}`)).status).toBe(403);
    expect((await ne.json("GET", `/api/footprints/NOPE/aggregate?period=${PERIOD}`)).status).toBe(404);
    const sub = client();
    await sub.login("sub@bolton.example");
    expect((await sub.json("GET", `/api/footprints/GMCA/aggregate?period=${PERIOD}`)).status).toBe(403);
  });
});

describe("the footprint's outputs with the published data (suff serve --published DIR)", () => {
  it("a submitted return's figure replaces the published one, cell by cell, in the footprint's aggregate", async () => {
    const sub = client();
    await sub.login("sub@hartlepool.example");
    expect((await sub.upload([{ name: "hartlepool-2025.csv", bytes: cleanCsv("805", "2025") }], { period: "2025", submit: "true" })).status).toBe(201);
    const published = parse(readFileSync(path.join(REPO, "test/fixtures/forecast-dataset-small/dataset.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
    const northEast = published.filter((r) => r.time_period === "2025" && r.region_code === "E12000001" && r.measure === "cla_31_march" && r.placement_type === "total" && r.age_band === "total");
    expect(northEast).toHaveLength(12);
    const expected = northEast.reduce((sum, r) => sum + (r.old_la_code === "805" ? 600 : Number(r.value)), 0);
    const lead = client();
    await lead.login("lead@northeast.example");
    const res = await lead.request("GET", "/api/footprints/E12000001/aggregate?period=2025&format=csv");
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    const total = rows.find((r) => r.time_period === "2025" && r.footprint_code === "E12000001" && r.measure === "cla_31_march" && r.placement_type === "total" && r.age_band === "total");
    expect(total).toMatchObject({ value: String(expected), members_present: "12" });
  });
});

describe("tokens, people and the audit log", () => {
  it("a machine token submits like a person, with the same access", async () => {
    const c = client();
    await c.login("sub@bury.example");
    const t = await c.json<{ token: string }>("POST", "/api/tokens", { name: "nightly upload" });
    expect(t.status).toBe(201);
    const machine = client(t.body.token);
    const r = await machine.upload([{ name: "bury.csv", bytes: cleanCsv("351") }], { period: PERIOD, submit: "true" });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe("submitted");
    expect((await machine.json("GET", `/api/returns/${ids.book}`)).status).toBe(404);
  });

  it("admins add people (409 for a taken email, 422 for a bad LA); others cannot (403)", async () => {
    const admin = client();
    await admin.login("admin@dfe.example");
    expect((await admin.json("POST", "/api/users", { email: "sub2@bolton.example", role: "submitter", la: "E08000001", password: "another long password" })).status).toBe(201);
    expect((await admin.json("POST", "/api/users", { email: "sub2@bolton.example", role: "submitter", la: "350", password: "another long password" })).status).toBe(409);
    expect((await admin.json("POST", "/api/users", { email: "x@y.example", role: "submitter", la: "999", password: "another long password" })).status).toBe(422);
    const sub = client();
    await sub.login("sub@bolton.example");
    expect((await sub.json("POST", "/api/users", { email: "me@y.example", role: "admin", password: "another long password" })).status).toBe(403);
    const added = client();
    expect(await added.login("sub2@bolton.example", "another long password")).toBe(200);
    expect((await added.json<{ la: string }>("GET", "/api/me")).body.la).toBe("350");
  });

  it("the append-only audit log records logins, uploads, submissions, downloads and people; admins export it as CSV", async () => {
    const admin = client();
    await admin.login("admin@dfe.example");
    const log = await admin.json<{ entries: Array<{ action: string; email: string; target: string }> }>("GET", "/api/audit");
    const actions = new Set(log.body.entries.map((e) => e.action));
    for (const a of ["login", "login-failed", "upload", "submit", "download", "user-add", "token-create", "upload-refused"]) expect(actions, a).toContain(a);
    const csv = await admin.request("GET", "/api/audit?format=csv");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect((await csv.text()).split("\n")[0]).toBe("id,at,user_id,email,action,target,detail");
    const sub = client();
    await sub.login("sub@bolton.example");
    expect((await sub.json("GET", "/api/audit")).status).toBe(403);
  });

  it("forms need the session's CSRF token, and cookie requests from another site are refused", async () => {
    const c = client();
    await c.login("sub@bolton.example");
    const noToken = await c.request("POST", `/returns/${ids.csv}/submit`, { body: new URLSearchParams({}), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(noToken.status).toBe(403);
    const cross = await c.request("POST", `/api/returns/${ids.csv}/submit`, { headers: { origin: "https://evil.example" } });
    expect(cross.status).toBe(403);
  });
});
