import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseFootprints } from "../../src/aggregate/parse-footprints";

const HEADER = "new_la_code,footprint_code,footprint_name\n";

describe("parseFootprints", () => {
  it("gives the JSDoc example: members by current ONS code", () => {
    expect(parseFootprints(`${HEADER}940,EM1,Northants\n941,EM1,Northants\n`).set.footprints[0].members).toEqual(["E06000061", "E06000062"]);
  });
  it("accepts old DfE codes, former ONS codes, lower case and spaces, saying what it did", () => {
    const { set, diagnostics } = parseFootprints(`${HEADER} e06000061 ,F,Foot\nE10000023,F,Foot\n826,F,Foot\n`, { file: "f.csv" });
    expect(set.footprints[0].members).toEqual(["E06000061", "E06000065", "E06000042"]);
    expect(diagnostics.map((d) => [d.code, d.row])).toEqual([["I_FOOTPRINT_OLD_CODE", 3], ["I_FOOTPRINT_OLD_CODE", 4]]);
    expect(diagnostics.every((d) => d.severity === "info")).toBe(true);
  });
  it("reports unknown codes, missing codes and missing footprints at their row and column, and keeps the good rows", () => {
    const { set, diagnostics } = parseFootprints(`${HEADER}E06000061,F,Foot\nE99999999,F,Foot\n,F,Foot\nE06000062,,Foot\n`, { file: "bad.csv" });
    expect(set.footprints[0].members).toEqual(["E06000061"]);
    expect(diagnostics.map((d) => ({ code: d.code, file: d.file, row: d.row, column: d.column, severity: d.severity }))).toEqual([
      { code: "E_FOOTPRINT_LA_UNKNOWN", file: "bad.csv", row: 3, column: "new_la_code", severity: "error" },
      { code: "E_FOOTPRINT_LA_MISSING", file: "bad.csv", row: 4, column: "new_la_code", severity: "error" },
      { code: "E_FOOTPRINT_CODE_MISSING", file: "bad.csv", row: 5, column: "footprint_code", severity: "error" },
    ]);
    expect(diagnostics[0].message).toContain("E99999999");
  });
  it("lets an LA belong to several footprints, warns on repeats and on a footprint named two ways", () => {
    const { set, diagnostics } = parseFootprints(`${HEADER}940,A,Alpha\n940,B,Beta\n940,A,Alpha\n941,A,Other name\n`);
    expect(set.footprints.map((f) => [f.code, f.name, f.members])).toEqual([["A", "Alpha", ["E06000061", "E06000062"]], ["B", "Beta", ["E06000061"]]]);
    expect(diagnostics.filter((d) => d.severity !== "info").map((d) => d.code)).toEqual(["W_FOOTPRINT_DUPLICATE", "W_FOOTPRINT_NAME_CONFLICT"]);
  });
  it("refuses a file without the required columns, and an empty one", () => {
    expect(parseFootprints("la,code\n940,A\n").diagnostics.map((d) => d.code)).toEqual(["E_FOOTPRINT_COLUMNS", "E_FOOTPRINT_COLUMNS", "E_FOOTPRINT_COLUMNS"]);
    expect(parseFootprints("").diagnostics.map((d) => d.code)).toEqual(["E_FOOTPRINT_EMPTY"]);
    expect(parseFootprints(HEADER).diagnostics.map((d) => d.code)).toEqual(["E_FOOTPRINT_EMPTY"]);
  });
  it("reads the example files in data/footprints without errors", () => {
    for (const name of ["regions-2025.csv", "combined-authorities.csv", "illustrative-cross-border-consortium.csv"]) {
      const { set, diagnostics } = parseFootprints(readFileSync(`data/footprints/${name}`, "utf8"), { file: name });
      expect(diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(set.footprints.length).toBeGreaterThan(1);
    }
  });
  it("reads the fixture with a byte order mark, Windows line ends and errors", () => {
    const { set, diagnostics } = parseFootprints(readFileSync("test/fixtures/footprints/with-errors.csv", "utf8"), { file: "with-errors.csv" });
    expect(set.footprints.map((f) => f.code)).toEqual(["CROSS"]);
    expect(diagnostics.map((d) => `${d.code}@${d.row}`)).toEqual(["I_FOOTPRINT_OLD_CODE@3", "E_FOOTPRINT_LA_UNKNOWN@4"]);
  });
});
