// Privacy (issue 5, item 4; issue 8): no CHILD, UPN, date of birth, postcode or any
// child-level row may reach any output, log or error message. Canary values are planted in
// copies of the synthetic SSDA903 samples (valid rows and deliberately broken ones), in an
// XML return and in a deprivation of liberty (DoLO) table; `suff ingest`, `suff project`
// and `suff template --from-ssda903` run as a user would run them (the compiled
// dist/cli.js), and every output file (workbooks unzipped) plus stdout and stderr are
// searched for them.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unzipGuarded } from "../src/ingest/zip-guard";
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
  // A deprivation of liberty table (2026-27 layout): the canary child with an order in force,
  // a row whose dates are a postcode and a canary date, and a row without a start.
  writeFileSync(path.join(input, "2021-dolo.csv"), [
    "CHILD,DOB,DOLO_START,DOLO_END",
    `${CHILD},${DOB},01/06/2021,`,
    `${BROKEN_CHILD},${DOB},${HOME_POST},${DOB}0`,
    `${CHILD},${DOB},,`,
  ].join("\n") + "\n");
  return input;
}

/** An SSDA903 XML return (DfE schema shape) with the canary child, a broken episode and a DoLO; returns its path. */
export function plantXmlCanaries(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "suff-privacy-xml-"));
  const xml = readFileSync("test/fixtures/ssda903-xml/return.xml", "utf8");
  const canary = `<CHILD><HEADER><CHILDID>${CHILD}</CHILDID><UPN>${UPN}</UPN><SEX>M</SEX><DOB>${DOB}</DOB><ETHNIC>WBRI</ETHNIC><UASC /></HEADER>` +
    `<EPISODE><DECOM>01/05/2021</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>${PL_POST}</PL><PL_POST>${PL_POST}</PL_POST><HOME_POST>${HOME_POST}</HOME_POST><URN>${UPN}</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC /><REC /><PL_LA>${HOME_POST}</PL_LA><PL_DISTANCE>${DOB}</PL_DISTANCE></EPISODE>` +
    `<EPISODE><DECOM>${DOB_ISO}x</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC>${HOME_POST}</DEC></EPISODE>` +
    `<DOLO><DOLO_START>01/06/2021</DOLO_START><DOLO_END /></DOLO></CHILD>`;
  const file = path.join(dir, "return.xml");
  writeFileSync(file, xml.replace("</EXPSSDA903>", `${canary}\n<CHILD><HEADER><CHILDID>${BROKEN_CHILD}</CHILDID><DOB>${HOME_POST}</DOB></HEADER></CHILD>\n</EXPSSDA903>`));
  return file;
}

/** Every text in an output file: workbooks and other zips are unzipped, each entry read as text. */
function outputTexts(file: string): Record<string, string> {
  const bytes = readFileSync(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const out: Record<string, string> = {};
    for (const [entry, content] of unzipGuarded(bytes, file)) out[`${file}!${entry}`] = Buffer.from(content).toString("latin1");
    return out;
  }
  return { [file]: bytes.toString("latin1") };
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
      const run = spawnSync(process.execPath, [SUFF, "ingest", input, "--la", "202", "--out", out + label, ...args], { encoding: "utf8", env: { ...process.env, SUFF_DEBUG: "1" } });
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
    expect(diagnostics).toMatch(/E_903_DOLO_START/); // the DoLO table was read, and its broken rows reported by row number
    expect(dataset).toMatch(/deprivation_of_liberty_orders,/);
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
    const run = spawnSync(process.execPath, [SUFF, "project", "--ssda903", input, "--la", "202", "--horizon", "12", "--method", "exact",
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

describe("privacy: an SSDA903 XML return", () => {
  it("suff ingest on XML writes no child identifier, UPN, date of birth or postcode anywhere", () => {
    const file = plantXmlCanaries();
    expect(findCanaries({ input: readFileSync(file, "utf8") }).length).toBeGreaterThanOrEqual(6);
    const texts: Record<string, string> = {};
    for (const [label, args] of [["summary", []], ["json", ["--json"]]] as const) {
      const out = path.join(path.dirname(file), `out-${label}`);
      const run = spawnSync(process.execPath, [SUFF, "ingest", file, "--la", "202", "--out", out, ...args], { encoding: "utf8", env: { ...process.env, SUFF_DEBUG: "1" } });
      expect(run.status, run.stderr).not.toBe(2);
      texts[`stdout (${label})`] = run.stdout;
      texts[`stderr (${label})`] = run.stderr;
      for (const f of filesUnder(out)) Object.assign(texts, outputTexts(f));
    }
    expect(findCanaries(texts)).toEqual([]);
    const dataset = Object.entries(texts).find(([name]) => name.endsWith("out-summary/dataset.csv"))?.[1] ?? "";
    expect(dataset).toMatch(/deprivation_of_liberty_orders,/); // the XML DoLO block was read
    const diagnostics = Object.entries(texts).find(([name]) => name.endsWith("out-summary/diagnostics.csv"))?.[1] ?? "";
    expect(diagnostics).toMatch(/E_903_MISSING_DECOM/);
  }, 120_000);
});

describe("privacy: suff template --from-ssda903", () => {
  it("writes no child identifier, UPN, date of birth or postcode in the workbook, the long CSV, the diagnostics or the log", () => {
    const input = plantCanaries();
    const xml = plantXmlCanaries();
    const texts: Record<string, string> = {};
    for (const [label, source, period] of [["csv", input, "2022"], ["xml", xml, "2022"]] as const) {
      const out = path.join(path.dirname(source), `template-${label}`);
      const run = spawnSync(process.execPath, [SUFF, "template", "--from-ssda903", source, "--la", "202", "--period", period, "--out", out], { encoding: "utf8", env: { ...process.env, SUFF_DEBUG: "1" } });
      expect(run.status, run.stderr).toBe(0);
      texts[`stdout (${label})`] = run.stdout;
      texts[`stderr (${label})`] = run.stderr;
      const files = filesUnder(out);
      expect(files.map((f) => path.basename(f)).sort()).toEqual(["ssda903-diagnostics.json", "sufficiency-return-E09000007-2022.csv", "sufficiency-return-E09000007-2022.xlsx"]);
      for (const f of files) Object.assign(texts, outputTexts(f));
    }
    // The workbook really was unzipped and searched: its sheets and strings are there as text.
    expect(Object.keys(texts).some((k) => k.endsWith("xl/worksheets/sheet3.xml"))).toBe(true);
    expect(Object.entries(texts).some(([k, v]) => k.endsWith(".xlsx!xl/sharedStrings.xml") && v.includes("deprivation_of_liberty_orders"))).toBe(true);
    expect(findCanaries(texts)).toEqual([]);
  }, 120_000);
});
