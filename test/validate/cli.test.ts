import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUFF } from "../helpers/cli";
import { coreReturnCsv } from "../helpers/returns";

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const fixtures = path.join(repo, "test/fixtures/invalid");

function suff(...args: string[]) {
  const r = spawnSync(process.execPath, [SUFF, ...args], { cwd: repo, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("suff validate (CLI)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "suff-validate-"));
  // A complete core (every required cell, here 0) plus the rows under test.
  const approved = (n: number) => (measure: string) => (measure === "foster_places_approved" ? n : 0);
  const good = path.join(dir, "good.csv");
  writeFileSync(good, coreReturnCsv({ fill: approved(40), extra: [{ measure: "foster_places_vacant", value: 4 }, { measure: "foster_enquiries", value: null }] }));
  const goodRows = good.length && coreReturnCsv().trim().split("\n").length + 1;
  const bad = path.join(dir, "bad.csv");
  writeFileSync(bad, coreReturnCsv({ fill: approved(40), extra: [{ measure: "foster_places_vacant", value: 41 }] }));
  const badLine = coreReturnCsv().trim().split("\n").length + 1;
  const partial = path.join(dir, "partial.csv");
  writeFileSync(partial, "new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\nE06000001,2025,foster_places_vacant,4\n");

  it("exits 0 with no errors and prints a summary with what is missing", () => {
    const r = suff("validate", good, "--period", "2025");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`1 file(s), ${goodRows} rows read: 0 error(s), 0 warning(s); required values missing: 0; optional values blank: 1 of 2.`);
    expect(r.stdout).toContain("I_VALUES_MISSING 1 of 2 optional rows");
  });

  it("exits 1 for a return without the required core, one error per missing measure", () => {
    const r = suff("validate", partial);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error E_REQUIRED_MISSING cla_31_march is required but all 102 of its rows are blank or absent \(no value, no missing_reason\); it can be filled from the SSDA903 extract/);
    expect(r.stdout).toMatch(/error E_REQUIRED_LA_RECORDS_MISSING la_childrens_home_beds is required but the return has no row \(no value, no missing_reason\); it comes from the LA's own records/);
    expect(r.stdout).not.toMatch(/foster_places_approved is required/);
  });

  it("exits 1 on errors with file:row:column severity CODE message lines, and --json prints an array", () => {
    const r = suff("validate", bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:${badLine}:value error E_AT_MOST`);
    const j = suff("validate", bad, "--json");
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual([expect.objectContaining({ code: "E_AT_MOST", severity: "error", row: badLine, column: "value" })]);
  });

  it("exits 2 on unreadable input without a stack trace", () => {
    const r = suff("validate", path.join(fixtures, "password-protected/input.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("E_PASSWORD_PROTECTED");
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it("validates a legacy workbook through a mapping file (it lacks most of the required core)", () => {
    const r = suff("validate", path.join(repo, "test/fixtures/legacy/input.xlsx"), "--mapping", path.join(repo, "data-templates/legacy-mapping-example.json"), "--quiet", "--json");
    const found = JSON.parse(r.stdout) as Array<{ code: string; severity: string }>;
    expect(r.code).toBe(1);
    expect(found.map((d) => d.code)).toContain("W_MERGED_CELLS");
    expect(found.filter((d) => d.severity === "error").every((d) => d.code.startsWith("E_REQUIRED"))).toBe(true);
    expect(found.filter((d) => d.severity === "warning")).toHaveLength(1);
  });

  it("exits 2 on a usage error", () => {
    const r = suff("validate", good, "--period", "25");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_USAGE");
    expect(suff("validate", path.join(dir, "missing.csv")).code).toBe(2);
  });
});
