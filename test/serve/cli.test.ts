// `suff serve` and `suff users` as an administrator runs them: a fresh folder needs no
// set-up (embedded PostgreSQL in ./suff-data, migrations run at start), people are added
// from the command line with their password in a file, tokens are printed once, and
// mistakes are explained.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSuff, SUFF } from "../helpers/cli";
import { BACKEND, Client, FOOTPRINTS_FILE, freshDatabase, PASSWORD, startServer, type TestDatabase } from "./helpers";

let dir = "";
let db: TestDatabase;
const at = (...p: string[]) => path.join(dir, ...p);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "suff-serve-cli-"));
  writeFileSync(at("password"), `${PASSWORD}\n`);
  db = await freshDatabase();
}, 60_000);
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("suff serve on a fresh folder", () => {
  it("starts with no set-up: creates ./suff-data, runs the migrations, serves the sign-in page", async () => {
    const cwd = at("fresh");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(cwd);
    const child = spawn(process.execPath, [SUFF, "serve", "--port", "0"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(out)), 60_000);
        child.stdout.on("data", () => { const m = /listening on (\S+)/.exec(out); if (m) { clearTimeout(t); resolve(m[1]); } });
      });
      expect(out).toMatch(/PGlite in suff-data; migrations applied now: 1\)/);
      expect(existsSync(path.join(cwd, "suff-data"))).toBe(true);
      const res = await fetch(`${url}/login`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<h1>Sign in</h1>");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.on("exit", r));
    }
  });
});

describe(`suff users (${BACKEND})`, () => {
  it("adds people of each role, lists them, and explains mistakes", () => {
    const add = (...args: string[]) => runSuff(["users", "add", ...args, "--password-file", at("password"), ...db.args]);
    let r = add("--email", "sub@bolton.example", "--role", "submitter", "--la", "E08000001");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Added sub@bolton\.example \(submitter\), user \d+\.\n$/);
    expect(add("--email", "lead@gmca.example", "--role", "lead", "--footprint", "GMCA", "--footprints", FOOTPRINTS_FILE).status).toBe(0);
    expect(add("--email", "lead@nw.example", "--role", "lead", "--footprint", "E12000002").status).toBe(0);
    expect(add("--email", "admin@dfe.example", "--role", "admin").status).toBe(0);
    r = add("--email", "x@y.example", "--role", "owner");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error E_ROLE: --role must be one of submitter, lead, analyst, admin, not 'owner'.");
    r = add("--email", "x@y.example", "--role", "submitter");
    expect(r.stderr).toContain("A submitter needs an LA (--la CODE).");
    r = add("--email", "sub@bolton.example", "--role", "analyst");
    expect(r.stderr).toContain("sub@bolton.example already has an account.");
    r = runSuff(["users", "add", "--email", "x@y.example", "--role", "admin", "--password-file", at("missing"), ...db.args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Cannot read the password file");
    const list = runSuff(["users", "list", ...db.args]);
    expect(list.stdout.split("\n").filter(Boolean).sort()).toEqual([
      "admin@dfe.example\tadmin\t", "lead@gmca.example\tlead\tGMCA", "lead@nw.example\tlead\tE12000002", "sub@bolton.example\tsubmitter\t350",
    ]);
  });

  it("prints a machine token that the API accepts; the PGlite folder cannot be opened twice", async () => {
    const t = runSuff(["users", "token", "--email", "sub@bolton.example", "--name", "nightly", ...db.args]);
    expect(t.status, t.stderr).toBe(0);
    const token = t.stdout.trim();
    expect(token).toMatch(/^suff_[A-Za-z0-9_-]{43}$/);
    const server = await startServer(db);
    try {
      const me = await new Client(server.url, token).json<{ email: string; la: string }>("GET", "/api/me");
      expect(me.body).toMatchObject({ email: "sub@bolton.example", la: "350" });
      const lead = new Client(server.url);
      expect(await lead.login("lead@nw.example")).toBe(200);
      expect((await lead.json<{ footprint_las: string[] }>("GET", "/api/me")).body.footprint_las).toContain("350"); // the North West's LAs
      if (BACKEND === "pglite") {
        const r = runSuff(["users", "list", ...db.args]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/error E_DATA_IN_USE: .* is open in another process \(pid \d+\), probably a running `suff serve`\./);
      }
    } finally {
      await server.stop();
    }
  });

  it("--data and --database are one or the other", () => {
    const r = runSuff(["serve", "--data", at("x"), "--database", "postgres://localhost/x"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Give --data DIR or --database URL, not both.");
  });
});
