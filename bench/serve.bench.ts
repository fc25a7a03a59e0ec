/**
 * Bench: the collection service under load (issue 13, must-have 8). One submitter and
 * machine token per LA reporting in 2026 (153), then autocannon on loopback posts each
 * LA's clean long-CSV return once (multipart, submit=true), 16 connections at a time,
 * against the compiled `suff serve` in its own process: embedded PostgreSQL (PGlite) by
 * default, and also a PostgreSQL server when SUFF_TEST_DATABASE_URL is set. Checks that
 * every return is stored exactly once, and records p50/p95/p99 latency.
 * Run: npx tsx bench/serve.bench.ts
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { writeFileAtomic } from "../src/write/atomic";
import { Client, freshDatabase, PERIOD, startServer, cleanCsv } from "../test/serve/helpers";
import { quantile, seedSubmitters } from "../test/serve/load-driver";

const here = path.dirname(new URL(import.meta.url).pathname);
const CONNECTIONS = 16;

interface Row { backend: string; returns: number; ok: number; stored: number; distinct: number; p50: number; p95: number; p99: number; max: number; seconds: number }

function multipart(la: string, period = PERIOD): { body: string; contentType: string } {
  const boundary = `----suffbench${la}`;
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = `${part("period", period)}${part("submit", "true")}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${la}-${period}.csv"\r\nContent-Type: text/csv\r\n\r\n${cleanCsv(la, period)}\r\n--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function run(backend: string): Promise<Row> {
  const db = await freshDatabase();
  const { submitters, analystToken } = await seedSubmitters(db.location);
  const server = await startServer(db);
  try {
    // Warm-up (not measured): three uploads of one LA for the previous year, so the first
    // measured requests do not pay for module loading and JIT compilation.
    for (let i = 0; i < 3; i++) {
      const w = multipart(submitters[0].la.oldCode, "2025");
      await fetch(`${server.url}/api/returns`, { method: "POST", headers: { authorization: `Bearer ${submitters[0].token}`, "content-type": w.contentType }, body: w.body });
    }
    const bodies = submitters.map((s) => ({ token: s.token, ...multipart(s.la.oldCode) }));
    let next = 0;
    const latencies: number[] = [];
    const statuses: number[] = [];
    const started = performance.now();
    const options: autocannon.Options = {
      url: server.url,
      connections: CONNECTIONS,
      amount: bodies.length,
      timeout: 120,
      requests: [{
        method: "POST",
        path: "/api/returns",
        setupRequest: (req) => {
          const b = bodies[next++ % bodies.length];
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${b.token}`, "content-type": b.contentType }, body: b.body };
        },
      }],
    };
    await new Promise<void>((resolve, reject) => {
      const instance = autocannon(options, (error) => (error ? reject(error) : resolve()));
      instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => { statuses.push(statusCode); latencies.push(responseTime); });
    });
    const seconds = (performance.now() - started) / 1000;
    const analyst = new Client(server.url, analystToken);
    const list = await analyst.json<{ returns: Array<{ la_code: string }> }>("GET", `/api/returns?period=${PERIOD}`);
    return {
      backend, returns: bodies.length, ok: statuses.filter((s) => s === 201).length, stored: list.body.returns.length,
      distinct: new Set(list.body.returns.map((r) => r.la_code)).size,
      p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), max: Math.max(...latencies), seconds,
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}

execFileSync(process.execPath, [path.join(here, "../node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: path.join(here, ".."), stdio: "inherit" });
const rows: Row[] = [];
const server = process.env.SUFF_TEST_DATABASE_URL;
delete process.env.SUFF_TEST_DATABASE_URL;
rows.push(await run("PGlite (embedded, default)"));
if (server) {
  process.env.SUFF_TEST_DATABASE_URL = server;
  rows.push(await run("PostgreSQL 15 server"));
}
for (const r of rows) console.log(r);
const ms = (x: number) => `${Math.round(x)} ms`;
const md = `## Collection service: 153 returns submitted concurrently

Run on ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/serve.bench.ts\` (${os.cpus().length} cores shared, Node ${process.version}): the compiled \`suff serve\` in its own process; autocannon on loopback posts each of the 153 LAs' clean long-CSV return once (multipart, \`submit=true\`, a machine token per LA), ${CONNECTIONS} connections at a time, after a warm-up of three uploads of one LA's 2025 return (not counted). The server reads and stores at most 2 uploads at once on PGlite (it shares the server's thread) and 8 on a PostgreSQL server, first come first served; the rest wait in that queue. Each upload is read and validated with the CLI's rules and stored (version + ~600 derived rows) in one transaction under row-level security. Stored: the versions the API lists afterwards (one per LA expected).

| backend | returns sent | 201 Created | stored (distinct LAs) | p50 | p95 | p99 | max | wall clock | target |
|---|---|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.backend} | ${r.returns} | ${r.ok} | ${r.stored} (${r.distinct}) | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.seconds.toFixed(1)} s | every return stored exactly once, none lost |`).join("\n")}
`;
writeFileAtomic(path.join(here, "results", "serve.md"), md);
process.exitCode = rows.every((r) => r.ok === r.returns && r.stored === r.returns && r.distinct === r.returns) ? 0 : 1;
