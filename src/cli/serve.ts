/** `suff serve [--port N] [--host H] [--data DIR | --database URL] [--published DIR]`: the collection service. */
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { startServer } from "../serve/serve.ts";

interface ServeCliOptions {
  port: string;
  host: string;
  data?: string;
  database?: string;
  published?: string;
  maxUploadMb: string;
  secureCookies?: boolean;
}

/** Check --data and --database (one or the other; PGlite in ./suff-data by default). @throws SuffError E_USAGE */
export function databaseLocation(options: { data?: string; database?: string }): { data?: string; database?: string } {
  if (options.data && options.database) throw new SuffError("E_USAGE", "Give --data DIR or --database URL, not both.");
  if (options.database && !/^postgres(ql)?:\/\//.test(options.database)) throw new SuffError("E_USAGE", `--database must be a postgres:// URL, not '${options.database}'.`);
  return options.database ? { database: options.database } : { data: options.data ?? "suff-data" };
}

/** Register `suff serve`. */
export function register(program: Command): void {
  program
    .command("serve")
    .description("Run the collection service: LAs submit returns, leads and analysts see them (web pages and JSON API on one port)")
    .option("--port <n>", "port to listen on", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--data <dir>", "embedded PostgreSQL (PGlite) data folder (default ./suff-data)")
    .option("--database <url>", "a PostgreSQL server instead: postgres://user:password@host/db")
    .option("--published <dir>", "a dataset folder from `suff ingest data/published` to merge with the returns for footprint outputs")
    .option("--max-upload-mb <n>", "largest upload accepted", "20")
    .option("--secure-cookies", "mark cookies Secure (when served over HTTPS)")
    .action(async (options: ServeCliOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SuffError("E_USAGE", `--port ${options.port} is not a port number.`);
      const mb = Number(options.maxUploadMb);
      if (!(mb > 0)) throw new SuffError("E_USAGE", `--max-upload-mb ${options.maxUploadMb} is not a positive number.`);
      const server = await startServer({ ...databaseLocation(options), port, host: options.host, published: options.published, maxUploadBytes: Math.round(mb * 1048576), secureCookies: options.secureCookies });
      const where = options.database ? "PostgreSQL server" : `PGlite in ${options.data ?? "suff-data"}`;
      process.stdout.write(`suff serve: listening on ${server.url} (${where}; migrations applied now: ${server.migrationsApplied.length ? server.migrationsApplied.join(", ") : "none"})\n`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
