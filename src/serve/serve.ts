/**
 * Start the collection service: open the database (PGlite folder or PostgreSQL server),
 * run the migrations, and listen. Closing stops taking requests, then closes the database.
 */
import type { FastifyInstance } from "fastify";
import type { DatasetRow } from "../spec/dataset.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { buildApp, type AppOptions } from "./app.ts";
import { openDatabase, type Database, type DatabaseLocation } from "./storage/database.ts";
import { migrate } from "./storage/migrations.ts";

export interface ServeOptions extends DatabaseLocation, Omit<AppOptions, "db" | "published"> {
  port?: number;
  host?: string;
  /** A dataset folder written by `suff ingest` holding the published data. */
  published?: string;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  migrationsApplied: number[];
  close(): Promise<void>;
}

/** Open the database and run the migrations. */
export async function openMigrated(location: DatabaseLocation): Promise<{ db: Database; applied: number[] }> {
  const db = await openDatabase(location);
  try {
    return { db, applied: await migrate(db) };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Start the service.
 * @example const server = await startServer({ data: "suff-data", port: 8080 })
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { db, applied } = await openMigrated(options);
  let published: Promise<DatasetRow[]> | undefined;
  const app = await buildApp({
    ...options,
    db,
    published: options.published ? () => (published ??= Promise.resolve().then(() => loadDataset(options.published!).rows)) : undefined,
  });
  const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? "127.0.0.1" });
  return {
    app,
    db,
    url: address,
    migrationsApplied: applied,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
