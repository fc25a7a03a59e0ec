import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUFF } from "../helpers/cli";

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const fixtures = path.join(repo, "test/fixtures/invalid");

function suff(...args: string[]) {
  const r = spawnSync(process.execPath, [SUFF, ...args], { cwd: repo, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("suff validate (CLI)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "suff-validate-"));
  const good = path.join(dir, "good.csv");
  writeFileSync(good, "new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\nE06000001,2025,foster_places_vacant,4\n");
  const bad = path.join(dir, "bad.csv");
  writeFileSync(bad, "new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\nE06000001,2025,foster_places_vacant,41\n");

  it("exits 0 with no errors and prints a summary", () => {
    const r = suff("validate", good, "--period", "2025");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file\(s\), 2 rows read: 0 error\(s\)/);
  });

  it("exits 1 on errors with file:row:column severity CODE message lines, and --json prints an array", () => {
    const r = suff("validate", bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:3:value error E_AT_MOST`);
    const j = suff("validate", bad, "--json");
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual([expect.objectContaining({ code: "E_AT_MOST", severity: "error", row: 3, column: "value" })]);
  });

  it("exits 2 on unreadable input without a stack trace", () => {
    const r = suff("validate", path.join(fixtures, "password-protected/input.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("E_PASSWORD_PROTECTED");
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it("validates a legacy workbook through a mapping file", () => {
    const r = suff("validate", path.join(repo, "test/fixtures/legacy/input.xlsx"), "--mapping", path.join(repo, "data-templates/legacy-mapping-example.json"), "--quiet");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("W_MERGED_CELLS");
    expect(r.stdout).toMatch(/67 rows read: 0 error\(s\), 1 warning\(s\)/);
  });

  it("exits 2 on a usage error", () => {
    const r = suff("validate", good, "--period", "25");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_USAGE");
    expect(suff("validate", path.join(dir, "missing.csv")).code).toBe(2);
  });
});
