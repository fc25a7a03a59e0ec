// Privacy (issue 5, item 4): no CHILD, UPN, date of birth, postcode or any child-level row
// may reach any output, log or error message. Canary values are planted in copies of the
// synthetic SSDA903 samples (valid rows and deliberately broken ones), `suff ingest` runs
// as a user would run it (the compiled dist/cli.js), and every output file plus stdout and
// stderr are searched for them.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUFF } from "./helpers/cli";

const samples = "test/fixtures/ssda903-samples/combined";
const CHILD = "CANARY123456";
const BROKEN_CHILD = "CANARY654321";
const UPN = "Z999999999999";
const DOB = "17/03/2009";
const DOB_ISO = "2009-03-17";
const HOME_POST = "ZZ99 9ZZ";
const PL_POST = "QQ98 8QQ";
export const CANARIES = [CHILD, BROKEN_CHILD, UPN, DOB, DOB_ISO, HOME_POST, PL_POST, "ZZ999ZZ", "QQ988QQ"];

/** Copy the samples into a temp folder and plant the canaries; returns the folder. */
export function plantCanaries(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "suff-privacy-"));
  const input = path.join(dir, "ssda903");
  cpSync(samples, input, { recursive: true });
  const edit = (file: string, change: (lines: string[]) => string[]) => {
    const target = path.join(input, file);
    writeFileSync(target, change(readFileSync(target, "utf8").trimEnd().split("\n")).join("\n") + "\n");
  };
  // One real child of the 2019 return becomes the canary child everywhere it appears.
  const victim = readFileSync(path.join(input, "2019-episodes.csv"), "utf8").split("\n")[1].split(",")[0];
  for (const file of readdirSync(input).filter((f) => f.endsWith(".csv"))) {
    edit(file, (lines) => lines.map((line, i) => {
      if (i === 0) return line;
      const cells = line.split(",");
      if (cells[0] !== victim) return line;
      cells[0] = CHILD;
      if (file.endsWith("-header.csv")) { cells[2] = DOB; cells[4] = UPN; }
      if (file.endsWith("-episodes.csv")) { cells[10] = HOME_POST; cells[11] = PL_POST; }
      if (file.endsWith("-uasc.csv") || file.endsWith("-oc2.csv") || file.endsWith("-reviews.csv")) cells[2] = DOB;
      return cells.join(",");
    }));
  }
  // Broken rows carrying canaries: bad dates, a code field holding a postcode, a missing DOB.
  edit("2019-episodes.csv", (lines) => [...lines,
    `${BROKEN_CHILD},${DOB_ISO}x,S,C2,N1,U1,PR1,,,,${HOME_POST},${PL_POST},SC1`,
    `${CHILD},01/05/2019,S,${HOME_POST},N1,${PL_POST},PR1,${DOB}0,,,${HOME_POST},${PL_POST},SC1`,
    `${CHILD},02/05/2019,S,C2,${UPN},U1,${UPN},,${DOB},,${HOME_POST},${PL_POST},SC1`,
    `${BROKEN_CHILD},01/06/2019,S,C2,N1,U1,PR1,,,,${HOME_POST},${PL_POST},SC1`,
  ]);
  edit("2019-header.csv", (lines) => [...lines, `${BROKEN_CHILD},1,${HOME_POST},WBRI,${UPN},,`]);
  return input;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every place a canary was found: "file: canary". */
export function findCanaries(texts: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(texts)) for (const canary of CANARIES) if (text.includes(canary)) found.push(`${where}: ${canary}`);
  return found;
}

describe("privacy: suff ingest on SSDA903 files", () => {
  it("writes no child identifier, UPN, date of birth or postcode anywhere, and no child-level rows", () => {
    const input = plantCanaries();
    // The planted values really are in the inputs (so the search below can fail).
    expect(findCanaries({ input: readdirSync(input).map((f) => readFileSync(path.join(input, f), "utf8")).join("\n") }).length).toBeGreaterThanOrEqual(CANARIES.length - 2);
    const out = path.join(path.dirname(input), "out");
    const texts: Record<string, string> = {};
    for (const [label, args] of [["summary", []], ["json", ["--json"]]] as const) {
      const run = spawnSync(process.execPath, [SUFF, "ingest", input, "--out", out + label, ...args], { encoding: "utf8", env: { ...process.env, SUFF_DEBUG: "1" } });
      texts[`stdout (${label})`] = run.stdout;
      texts[`stderr (${label})`] = run.stderr;
      expect(run.status, run.stderr).not.toBe(2);
      for (const file of filesUnder(out + label)) texts[file] = readFileSync(file, "latin1");
    }
    expect(findCanaries(texts)).toEqual([]);
    // Outputs are real: the 903 template rows are there, and the broken rows were reported by row number.
    const dataset = Object.entries(texts).find(([name]) => name.endsWith("summary/dataset.csv") || name.endsWith("outsummary/dataset.csv"))?.[1] ?? "";
    expect(dataset).toMatch(/cla_31_march,/);
    const diagnostics = Object.entries(texts).find(([name]) => name.includes("outsummary") && name.endsWith("diagnostics.csv"))?.[1] ?? "";
    expect(diagnostics).toMatch(/E_903_MISSING_DECOM/);
    expect(diagnostics).toMatch(/E_903_INVALID_DEC/);
    // No output row is child-level: every dataset row is a count by LA and year.
    const header = dataset.split("\n")[0].split(",");
    expect(header).not.toContain("CHILD");
  }, 120_000);
});

describe("privacy: suff project on SSDA903 files", () => {
  it("writes no child identifier, UPN, date of birth or postcode in any projection output or log", () => {
    const input = plantCanaries();
    const out = path.join(path.dirname(input), "project-out");
    const scenarioFile = path.join(path.dirname(input), "scenario.json");
    writeFileSync(scenarioFile, JSON.stringify({ name: "fewer residential entries", changes: [{ target: "entries", placement: "secure_and_childrens_homes", multiply: 0.5, moveTo: "foster" }] }));
    const run = spawnSync(process.execPath, [SUFF, "project", "--ssda903", input, "--horizon", "12", "--method", "exact",
      "--scenario", scenarioFile, "--out", out], { encoding: "utf8", env: { ...process.env, SUFF_DEBUG: "1" } });
    expect(run.status, run.stderr).toBe(0);
    const texts: Record<string, string> = { stdout: run.stdout, stderr: run.stderr };
    for (const file of filesUnder(out)) texts[file] = readFileSync(file, "latin1");
    expect(Object.keys(texts).filter((k) => k.endsWith(".csv")).length).toBe(5);
    expect(findCanaries(texts)).toEqual([]);
    // Aggregates only: no output has a child, UPN, birth date or postcode column.
    for (const [name, text] of Object.entries(texts)) {
      if (!name.endsWith(".csv")) continue;
      const header = text.split("\n")[0].toUpperCase().split(",");
      for (const column of ["CHILD", "UPN", "DOB", "HOME_POST", "PL_POST", "BIRTH"]) expect(header).not.toContain(column);
    }
  }, 120_000);
});
