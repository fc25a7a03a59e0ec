// Access enforced by the database itself: requests run as the role suff_app (no superuser,
// no BYPASSRLS, owning nothing) with app.user_id set, and the policies on returns and
// return_rows hide and refuse other LAs' rows even when the code asks for them directly.
// Versions are immutable and the audit log append-only, even for the tables' owner.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli";
import { asUser } from "../../src/serve/storage/as-user";
import type { Database } from "../../src/serve/storage/database";
import { userByEmail, type User } from "../../src/serve/storage/people";
import { openMigrated } from "../../src/serve/serve";
import { uploadReturn } from "../../src/serve/service";
import { MIGRATIONS } from "../../src/serve/storage/migrations";
import { BACKEND, cleanCsv, freshDatabase, PERIOD, seedPeople, type TestDatabase } from "./helpers";

let tdb: TestDatabase;
let db: Database;
const users: Record<string, User> = {};
let submitted = 0;

beforeAll(async () => {
  tdb = await freshDatabase();
  await seedPeople(tdb.location, [
    { email: "sub@bolton.example", role: "submitter", la: "350" },
    { email: "sub@bury.example", role: "submitter", la: "351" },
    { email: "lead@gmca.example", role: "lead", footprint: "GMCA" },
    { email: "lead@northeast.example", role: "lead", footprint: "E12000001" },
    { email: "analyst@dfe.example", role: "analyst" },
  ]);
  db = (await openMigrated(tdb.location)).db;
  for (const email of ["sub@bolton.example", "sub@bury.example", "lead@gmca.example", "lead@northeast.example", "analyst@dfe.example"]) users[email] = (await asUser(db, null, (tx) => userByEmail(tx, email)))!;
  submitted = (await uploadReturn({ db }, users["sub@bolton.example"], { period: PERIOD, files: [{ name: "bolton.csv", bytes: new TextEncoder().encode(cleanCsv()) }], submit: true })).id;
}, 120_000);
afterAll(async () => {
  await db?.close();
  await tdb?.drop();
});

const count = async (email: string | null, table: string) => Number((await asUser(db, email ? users[email].id : null, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)))[0].n);

describe(`row-level security (${BACKEND})`, () => {
  it("requests run as suff_app: not a superuser, no BYPASSRLS, not the owner; the tables force row-level security", async () => {
    const role = await asUser(db, users["sub@bury.example"].id, (tx) => tx.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>("SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user"));
    expect(role[0]).toEqual({ current_user: "suff_app", rolsuper: false, rolbypassrls: false });
    const tables = await db.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }>("SELECT relname, relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('returns', 'return_rows') ORDER BY relname");
    expect(tables.map((t) => [t.relname, t.relrowsecurity, t.relforcerowsecurity])).toEqual([["return_rows", true, true], ["returns", true, true]]);
    expect(tables.every((t) => t.owner !== "suff_app")).toBe(true);
  });

  it("another LA's submitter, another footprint's lead and nobody see none of Bolton's return, even with SELECT *", async () => {
    expect(await count("sub@bolton.example", "returns")).toBe(1);
    expect(await count("sub@bolton.example", "return_rows")).toBeGreaterThan(100);
    expect(await count("lead@gmca.example", "returns")).toBe(1);
    expect(await count("analyst@dfe.example", "return_rows")).toBeGreaterThan(100);
    for (const who of ["sub@bury.example", "lead@northeast.example", null]) {
      expect(await count(who, "returns"), String(who)).toBe(0);
      expect(await count(who, "return_rows"), String(who)).toBe(0);
    }
  });

  it("another LA's submitter cannot insert a version for Bolton, add rows to Bolton's return, or submit it", async () => {
    const bury = users["sub@bury.example"].id;
    await expect(asUser(db, bury, (tx) => tx.query("INSERT INTO returns (la_code, period, version, status, file_name, file_kind, sha256, size_bytes, uploaded_by, errors, warnings, rows_stored, diagnostics) VALUES ('350', '2026', 99, 'draft', 'x', 'x', 'x', 1, $1, 0, 0, 0, '[]')", [bury]))).rejects.toThrow(/row-level security/);
    await expect(asUser(db, bury, (tx) => tx.query("INSERT INTO return_rows (return_id, ord, row_key, measure, value, value_status, data) VALUES ($1, 9999, 'k', 'm', 1, 'ok', '{}')", [submitted]))).rejects.toThrow(/row-level security/);
    const updated = await asUser(db, bury, (tx) => tx.query("UPDATE returns SET status = 'submitted', submitted_by = $1 WHERE la_code = '350' RETURNING id", [bury]));
    expect(updated).toEqual([]);
    await expect(asUser(db, bury, (tx) => tx.query("DELETE FROM returns"))).rejects.toThrow(/permission denied/);
  });

  it("a submitted version is immutable and the audit log append-only, even for the owner", async () => {
    await expect(asUser(db, users["sub@bolton.example"].id, (tx) => tx.query("UPDATE returns SET errors = 0, diagnostics = '[]' WHERE id = $1", [submitted]))).rejects.toThrow(/immutable/);
    await expect(db.query("UPDATE returns SET sha256 = 'forged' WHERE id = $1", [submitted])).rejects.toThrow(/immutable/);
    await expect(db.query("DELETE FROM returns WHERE id = $1", [submitted])).rejects.toThrow(/never deleted/);
    await expect(db.query("UPDATE return_rows SET value = 1 WHERE return_id = $1", [submitted])).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(asUser(db, users["analyst@dfe.example"].id, (tx) => tx.query("UPDATE audit_log SET action = 'x'"))).rejects.toThrow(/permission denied|append-only/);
  });

  it("the migrations are versioned and recorded; running them again changes nothing", async () => {
    const recorded = await db.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
    expect(recorded.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    const { migrate } = await import("../../src/serve/storage/migrations");
    expect(await migrate(db)).toEqual([]);
  });
});

describe(`an SSDA903 upload stores derived measures only (${BACKEND})`, () => {
  it("no child identifier, UPN, date of birth or postcode reaches the database, its diagnostics or the audit log", async () => {
    const dir = path.join(REPO, "test/fixtures/ssda903-samples/combined");
    const canaries = ["CANARY123456", "Z999999999999", "17/03/2009", "ZZ9 9ZZ"];
    const files = readdirSync(dir).filter((f) => f.startsWith("2019-")).map((f) => {
      let text = readFileSync(path.join(dir, f), "utf8").replaceAll("640353", canaries[0]).replaceAll("Z053273524673", canaries[1]).replaceAll("19/02/2004", canaries[2]).replaceAll("I11 4XK", canaries[3]);
      if (f === "2019-episodes.csv") text += `${canaries[0]},99/99/2019,P,C2,N2,P1,PR0,,,,${canaries[3]},${canaries[3]},1\n`; // a broken row, reported by row number only
      return { name: f, bytes: new TextEncoder().encode(text) };
    });
    const outcome = await uploadReturn({ db }, users["sub@bolton.example"], { period: "2020", files, submit: false });
    expect(outcome.id).toBeGreaterThan(0);
    const dump = JSON.stringify([
      await db.query("SELECT * FROM returns"),
      await db.query("SELECT * FROM return_rows"),
      await db.query("SELECT * FROM audit_log"),
    ]);
    expect(dump).toContain("ssda903");
    for (const c of canaries) expect(dump, c).not.toContain(c);
  });
});
