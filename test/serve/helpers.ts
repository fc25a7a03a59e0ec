// The collection service under test: a fresh database (PGlite in a temporary folder, or a
// new database on the PostgreSQL server of SUFF_TEST_DATABASE_URL), people added through
// the library, and the compiled `suff serve` started as a child process on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { REPO, SUFF } from "../helpers/cli";
import { coreReturnCsv, filledWorkbook, type Fill } from "../helpers/returns";
import { complete2026 } from "../helpers/bolton-return";
import { SECTIONS } from "../../src/template/measures";
import { openMigrated } from "../../src/serve/serve";
import { addUser } from "../../src/serve/users";
import { parseFootprints } from "../../src/aggregate/parse-footprints";
import { readFileSync } from "node:fs";

export const PASSWORD = "correct horse battery staple";
export const PERIOD = "2026";
export const FOOTPRINTS_FILE = path.join(REPO, "data/footprints/combined-authorities.csv");

/** Where the data lives, as `suff serve` takes it. */
export interface Location {
  data?: string;
  database?: string;
}

export interface TestDatabase {
  location: Location;
  args: string[];
  drop(): Promise<void>;
}

/** Which backend the suite runs against. */
export const BACKEND = process.env.SUFF_TEST_DATABASE_URL ? "postgres" : "pglite";

/** A fresh, empty database. */
export async function freshDatabase(): Promise<TestDatabase> {
  const server = process.env.SUFF_TEST_DATABASE_URL;
  if (server) {
    const name = `suff_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      location: { database: url.toString() },
      args: ["--database", url.toString()],
      drop: async () => {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "suff-serve-test-"));
  const data = path.join(dir, "data");
  return { location: { data }, args: ["--data", data], drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Person {
  email: string;
  role: "submitter" | "lead" | "analyst" | "admin";
  la?: string;
  footprint?: string;
}

/** Add people with the library (as `suff users add` does), before the server starts. */
export async function seedPeople(location: Location, people: Person[]): Promise<void> {
  const { db } = await openMigrated(location);
  const set = parseFootprints(readFileSync(FOOTPRINTS_FILE, "utf8"), { file: FOOTPRINTS_FILE }).set;
  try {
    for (const p of people) await addUser(db, null, { ...p, footprints: p.footprint ? set : undefined, password: PASSWORD });
  } finally {
    await db.close();
  }
}

export interface TestServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait. */
  kill(): Promise<void>;
}

/** Start `suff serve` on a free port. */
export async function startServer(db: TestDatabase, extra: string[] = []): Promise<TestServer> {
  const child = spawn(process.execPath, [SUFF, "serve", "--port", "0", ...db.args, ...extra], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`suff serve did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`suff serve exited ${code}:\n${out}`)); });
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    url,
    process: child,
    output: () => out,
    stop: async () => { if (child.exitCode === null) child.kill("SIGTERM"); await exited; },
    kill: async () => { if (child.exitCode === null) child.kill("SIGKILL"); await exited; },
  };
}

/** A small HTTP client that keeps the session cookie, as a browser or script would. */
export class Client {
  cookies = new Map<string, string>();
  csrf = "";
  constructor(readonly base: string, readonly token?: string) {}

  async request(method: string, pathname: string, init: { body?: BodyInit; json?: unknown; headers?: Record<string, string>; redirect?: RequestRedirect } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body = init.body;
    if (init.json !== undefined) { body = JSON.stringify(init.json); headers["content-type"] = "application/json"; }
    const res = await fetch(this.base + pathname, { method, headers, body, redirect: init.redirect ?? "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair.split("=");
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) || v === "") this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }
  get(pathname: string): Promise<Response> {
    return this.request("GET", pathname);
  }
  async json<T = Record<string, unknown>>(method: string, pathname: string, json?: unknown): Promise<{ status: number; body: T }> {
    const res = await this.request(method, pathname, json === undefined ? {} : { json });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }
  async login(email: string, password = PASSWORD): Promise<number> {
    const r = await this.json<{ csrf: string }>("POST", "/api/session", { email, password });
    this.csrf = r.body.csrf;
    return r.status;
  }
  async upload(files: Array<{ name: string; bytes: Uint8Array | string }>, fields: Record<string, string> = { period: PERIOD }): Promise<{ status: number; body: UploadBody }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append("file", new Blob([typeof f.bytes === "string" ? f.bytes : Buffer.from(f.bytes)]), f.name);
    const res = await this.request("POST", "/api/returns", { body: form });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as UploadBody };
  }
}

export interface UploadBody {
  id: number;
  version: number;
  status: string;
  errors: number;
  diagnostics: Array<{ code: string; severity: string; sheet?: string; cell?: string; row?: number; message: string }>;
  error?: { code: string; message: string };
}

/** A clean long-CSV return (every required cell filled; Bolton's 2026 figures). */
export function cleanCsv(la = "350", period = PERIOD, fill: Fill = complete2026): string {
  return coreReturnCsv({ la, period, fill });
}

/** A long CSV with the children looked after total negative (errors at line 2). */
export function badCsv(la = "350", period = PERIOD): string {
  return cleanCsv(la, period, (m, d) => (m === "cla_31_march" && (d.placement_type ?? "total") === "total" && (d.age_band ?? "total") === "total" ? -5 : complete2026(m, d)));
}

/** A clean template workbook: every sheet's required cells filled. */
export function cleanWorkbook(la = "350", period = PERIOD, fill: Fill = complete2026): Promise<Uint8Array> {
  return filledWorkbook({ la, period, sheets: SECTIONS.map((s) => s.sheet), fill });
}

/** A workbook whose foster places approved is negative and whose looked-after total is blank. */
export function badWorkbook(la = "350", period = PERIOD): Promise<Uint8Array> {
  return cleanWorkbook(la, period, (m, d) => (m === "foster_places_approved" ? -3 : m === "cla_31_march" && (d.placement_type ?? "total") === "total" && (d.age_band ?? "total") === "total" ? null : complete2026(m, d)));
}
