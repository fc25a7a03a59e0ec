/**
 * The service's database: embedded PostgreSQL (PGlite, data in a folder) by default, or a
 * PostgreSQL server (`postgres://...`). Both speak the same SQL, so one set of migrations
 * and queries serves both. Every request runs in a transaction as the role `suff_app`
 * (never the owner or a superuser) with `app.user_id` set, so row-level security applies.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { SuffError } from "../../spec/errors.ts";

/** A query runner: a connection, or a transaction on one. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Run several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** An open database. */
export interface Database extends Queryable {
  /** "pglite" or "postgres". */
  kind: "pglite" | "postgres";
  /** Run `fn` in one transaction; committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the data lives: a PGlite folder, or a PostgreSQL URL. */
export interface DatabaseLocation {
  data?: string;
  database?: string;
}

class PgliteDatabase implements Database {
  readonly kind = "pglite" as const;
  constructor(private readonly db: PGlite, private readonly lock: string) {}
  async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.db.query<R>(sql, params)).rows;
  }
  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => fn({
      query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
      exec: async (sql: string) => { await tx.exec(sql); },
    }));
  }
  async close(): Promise<void> {
    await this.db.close();
    rmSync(this.lock, { force: true });
  }
}

class ServerDatabase implements Database {
  readonly kind = "postgres" as const;
  constructor(private readonly pool: pg.Pool) {}
  async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query(sql, params)).rows as R[];
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn({
        query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
        exec: async (sql: string) => { await client.query(sql); },
      });
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Open the database: `database` (a postgres:// URL) when given, else PGlite in the `data`
 * folder (default ./suff-data), created on first use.
 * @example const db = await openDatabase({ data: "suff-data" })
 */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.database) {
    const pool = new pg.Pool({ connectionString: location.database, max: 8 });
    pool.on("error", () => undefined); // a dropped idle client is replaced on next use
    return new ServerDatabase(pool);
  }
  const dir = location.data ?? "suff-data";
  const lock = takeLock(dir);
  try {
    return new PgliteDatabase(await PGlite.create(dir), lock);
  } catch (error) {
    rmSync(lock, { force: true });
    throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt
 * it. A lock file beside the data holds the owner's pid; a stale one (its process gone,
 * e.g. after SIGKILL) is taken over.
 * @throws SuffError E_DATA_IN_USE while another live process has the folder open.
 */
function takeLock(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(path.dirname(path.resolve(dir)), `.${path.basename(path.resolve(dir))}.lock`);
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
      throw new SuffError("E_DATA_IN_USE", `${dir} is open in another process (pid ${pid}), probably a running \`suff serve\`.`, { hint: "Stop it first, or add people on the admin page (/admin) or with POST /api/users while it runs." });
    }
  }
  writeFileSync(lock, String(process.pid));
  return lock;
}
