// Issue 13, must-have 8 (faults): the server is killed (SIGKILL) while uploads are in
// flight. After a restart on the same data, no partial version is visible (every stored
// version has all its rows), every upload that was acknowledged before the kill is there,
// version numbers have no gaps, and new uploads work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigrated } from "../../src/serve/serve";
import { BACKEND, Client, freshDatabase, PERIOD, startServer, type TestDatabase, type TestServer } from "./helpers";
import { seedSubmitters, submitAll, type Submitter } from "./load-driver";

let db: TestDatabase;
let server: TestServer;
let submitters: Submitter[] = [];
let analystToken = "";

beforeAll(async () => {
  db = await freshDatabase();
  ({ submitters, analystToken } = await seedSubmitters(db.location));
  server = await startServer(db);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe(`SIGKILL during uploads (${BACKEND})`, () => {
  it("leaves no partial version, keeps every acknowledged upload, and restarts cleanly on the same data", async () => {
    const some = submitters.slice(0, 40);
    const inFlight = submitAll(server.url, [...some, ...some], 8);
    // Kill once a few uploads have been acknowledged, with others still being stored.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const analyst = new Client(server.url, analystToken);
      const list = await analyst.json<{ returns: unknown[] }>("GET", `/api/returns?period=${PERIOD}`).catch(() => ({ body: { returns: [] } }));
      if (list.body.returns.length >= 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await server.kill();
    const results = await inFlight;
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id!);
    const cut = results.filter((r) => r.status === 0);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(cut.length).toBeGreaterThan(0); // the kill really interrupted uploads

    server = await startServer(db);
    const analyst = new Client(server.url, analystToken);
    const list = await analyst.json<{ returns: Array<{ id: number; la_code: string; version: number; rows_stored: number }> }>("GET", `/api/returns?period=${PERIOD}`);
    const ids = new Set(list.body.returns.map((r) => r.id));
    for (const id of acknowledged) expect(ids, `acknowledged upload ${id}`).toContain(id);
    const byLa = new Map<string, number[]>();
    for (const r of list.body.returns) byLa.set(r.la_code, [...(byLa.get(r.la_code) ?? []), r.version]);
    for (const [la, versions] of byLa) expect(versions.sort(), la).toEqual(versions.map((_, i) => i + 1));

    // A new upload after the restart works.
    const again = await submitAll(server.url, [submitters[100]], 1);
    expect(again[0].status).toBe(201);
    await server.stop();

    // Every stored version has all of its rows (checked in the database itself).
    const { db: direct } = await openMigrated(db.location);
    try {
      const partial = await direct.query("SELECT r.id, r.rows_stored, count(x.ord)::int AS n FROM returns r LEFT JOIN return_rows x ON x.return_id = r.id GROUP BY r.id, r.rows_stored HAVING count(x.ord) <> r.rows_stored");
      expect(partial).toEqual([]);
      expect(Number((await direct.query<{ n: number }>("SELECT count(*)::int AS n FROM returns"))[0].n)).toBe(list.body.returns.length + 1);
    } finally {
      await direct.close();
    }
    server = await startServer(db);
  }, 300_000);
});
