/**
 * `suff users add --email E --role submitter|lead|analyst|admin [--la CODE] [--footprint CODE
 * [--footprints FILE]] --password-file F [--data DIR | --database URL]`, `suff users list`
 * and `suff users token --email E [--name N]`: people of the collection service.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { SuffError } from "../spec/errors.ts";
import { HttpError } from "../serve/access.ts";
import { openMigrated } from "../serve/serve.ts";
import { addUser, checkNewUser } from "../serve/users.ts";
import { audit, createToken, listUsers, userByEmail } from "../serve/storage/people.ts";
import { databaseLocation } from "./serve.ts";
import { loadFootprintSet } from "./report.ts";

interface Where {
  data?: string;
  database?: string;
}

async function withDb<T>(options: Where, fn: (db: Awaited<ReturnType<typeof openMigrated>>["db"]) => Promise<T>): Promise<T> {
  const { db } = await openMigrated(databaseLocation(options));
  try {
    return await fn(db);
  } catch (error) {
    if (error instanceof HttpError) throw new SuffError(error.code, error.message, { hint: error.hint, exitCode: 1 });
    throw error;
  } finally {
    await db.close();
  }
}

/** Register `suff users`. */
export function register(program: Command): void {
  const users = program.command("users").description("Add and list the people of the collection service, and give them API tokens");
  const where = (c: Command) => c.option("--data <dir>", "PGlite data folder (default ./suff-data)").option("--database <url>", "PostgreSQL server URL");
  where(users.command("add")
    .description("Add a person: a submitter (of an LA), a lead (of a footprint), an analyst or an admin")
    .requiredOption("--email <email>", "their email address (they sign in with it)")
    .requiredOption("--role <role>", "submitter | lead | analyst | admin")
    .option("--la <code>", "a submitter's LA: old DfE or ONS code")
    .option("--footprint <code>", "a lead's footprint code (a region code, or one in --footprints)")
    .option("--footprints <file>", "footprint CSV new_la_code,footprint_code,footprint_name")
    .requiredOption("--password-file <file>", "a file holding their initial password (first line)"))
    .action(async (options: Where & { email: string; role: string; la?: string; footprint?: string; footprints?: string; passwordFile: string }) => {
      let password: string;
      try {
        password = readFileSync(options.passwordFile, "utf8").split(/\r?\n/)[0];
      } catch {
        throw new SuffError("E_FILE_NOT_FOUND", `Cannot read the password file ${options.passwordFile}.`);
      }
      const footprints = options.footprints ? loadFootprintSet(options.footprints) : undefined;
      const input = { email: options.email, role: options.role, la: options.la, footprint: options.footprint, footprints, password };
      try {
        checkNewUser(input); // before opening the database: quick answers to simple mistakes
      } catch (error) {
        if (error instanceof HttpError) throw new SuffError(error.code, error.message, { hint: error.hint, exitCode: 1 });
        throw error;
      }
      const id = await withDb(options, (db) => addUser(db, null, { email: options.email, role: options.role, la: options.la, footprint: options.footprint, footprints, password }));
      process.stdout.write(`Added ${options.email} (${options.role}), user ${id}.\n`);
    });
  where(users.command("list").description("List the people")).action(async (options: Where) => {
    const rows = await withDb(options, (db) => db.transaction((tx) => listUsers(tx)));
    for (const u of rows) process.stdout.write(`${u.email}\t${u.role}\t${u.la_code ?? u.footprint_code ?? ""}${u.disabled ? "\tdisabled" : ""}\n`);
  });
  where(users.command("token").description("Create an API token for a person (printed once)")
    .requiredOption("--email <email>", "whose token")
    .option("--name <name>", "what the token is for", "api"))
    .action(async (options: Where & { email: string; name: string }) => {
      const token = await withDb(options, (db) => db.transaction(async (tx) => {
        const user = await userByEmail(tx, options.email);
        if (!user) throw new SuffError("E_USER", `No one has the email ${options.email}.`, { exitCode: 1 });
        const t = await createToken(tx, user.id, options.name);
        await audit(tx, null, "token-create", user.email, { name: options.name, by: "command line" });
        return t;
      }));
      process.stdout.write(`${token}\n`);
    });
}
