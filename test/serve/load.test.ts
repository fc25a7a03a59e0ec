// Issue 13, must-have 8 (load): 153 LAs submit their returns at once over loopback, at most
// 16 uploads in flight: every return is stored exactly once and none is lost. The p95
// latency is measured by bench/serve.bench.ts (tests never assert timings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe(`153 returns at once (${BACKEND})`, () => {
  it("stores every return exactly once, submitted, none lost", async () => {
    expect(submitters).toHaveLength(153);
    const results = await submitAll(server.url, submitters, 16);
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    expect(new Set(results.map((r) => r.id)).size).toBe(153);
    const analyst = new Client(server.url, analystToken);
    const list = await analyst.json<{ returns: Array<{ la_code: string; version: number; status: string; rows_stored: number }> }>("GET", `/api/returns?period=${PERIOD}`);
    expect(list.body.returns).toHaveLength(153);
    expect(new Set(list.body.returns.map((r) => r.la_code)).size).toBe(153);
    expect(list.body.returns.every((r) => r.version === 1 && r.status === "submitted")).toBe(true);
    expect(new Set(list.body.returns.map((r) => r.rows_stored)).size).toBe(1);
    const board = await analyst.json<{ counts: Record<string, number> }>("GET", `/api/board?period=${PERIOD}`);
    expect(board.body.counts.submitted).toBe(153);
  }, 300_000);
});
