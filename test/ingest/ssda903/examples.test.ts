// The @example results of the SSDA903 reader's JSDoc, checked (others are in each module's test).
import { describe, expect, it } from "vitest";
import { generateSsda903, formatDate, formatIsoDate, regionalAppLaName } from "../../../bench/generate-ssda903";
import { collectionYearStatement } from "../../../src/ingest/ssda903/ingest-ssda903";
import { detectSsda903Kind } from "../../../src/ingest/ssda903/detect-ssda903-kind";
import { loadSsda903Files } from "../../../src/ingest/ssda903/load-ssda903";
import { templateFromSsda903 } from "../../../src/ingest/ssda903/template-from-ssda903";
import { findMeasure } from "../../../src/template/measures";
import { prefillValues } from "../../../src/template/prefill-values";
import { templateWorkbook } from "../../../src/template/blank-workbook";
import { cleanSsda903 } from "../../../src/ingest/ssda903/clean-ssda903";
import { codeText, workingSet } from "../../../src/ingest/ssda903/clean/working-set";
import { DiagnosticSink } from "../../../src/ingest/ssda903/diagnostic-sink";
import { isSsda903Xml, looksLikeXml, readSsda903, safeCode } from "../../../src/ingest/ssda903/read-ssda903";
import { bytes } from "./helpers";

describe("JSDoc examples", () => {
  it("readSsda903", () => {
    const csv = (t: string) => new TextEncoder().encode(t);
    const raw = readSsda903([{ name: "h.csv", bytes: csv("CHILD,SEX,DOB,UPN\n1,1,01/01/2010,X\n") }, { name: "e.csv", bytes: csv("CHILD,DECOM,LS,PLACE,DEC\n1,01/05/2019,C2,U1,\n") }], { la: "202" });
    expect(raw.episodes.length).toBe(1);
    expect(raw.returnYears).toEqual([[2020]]);
  });
  it("workingSet, cleanSsda903, DiagnosticSink", () => {
    expect(workingSet(readSsda903([], {})).order.length).toBe(0);
    expect(cleanSsda903(readSsda903([], {})).table.length).toBe(0);
    expect(new DiagnosticSink(5).diagnostics.length).toBe(0);
    expect(codeText(["C1", "C2"], 1)).toBe("C2");
    expect(codeText(["C1", "C2"], 255)).toBe("");
  });
  it("safeCode never echoes free text; looksLikeXml", () => {
    expect(safeCode("PR4")).toBe("PR4");
    expect(safeCode("AB1 2CD")).toBe("(value not shown)");
    expect(safeCode("CANARY123456")).toBe("(value not shown)");
    expect(looksLikeXml(bytes("\uFEFF  <x/>"))).toBe(true);
    expect(looksLikeXml(new TextEncoder().encode("  <x/>"))).toBe(true);
    expect(looksLikeXml(bytes("CHILD,DECOM"))).toBe(false);
    expect(isSsda903Xml(new TextEncoder().encode("<Message><Episode><DECOM>2020-01-01</DECOM></Episode></Message>"))).toBe(true);
    expect(isSsda903Xml(bytes("<?xml version=\"1.0\"?><workbook/>"))).toBe(false);
  });
  it("the generator", () => {
    expect(generateSsda903({ las: 1, firstYear: 2020, lastYear: 2021, entrantsPerLa: 20 }).files.length).toBe(6);
    expect(generateSsda903({ las: 2, firstYear: 2020, lastYear: 2021, entrantsPerLa: 20, shape: "regional-app" }).files.map((f) => f.name)).toEqual(["header.csv", "episodes.csv", "uasc.csv"]);
    expect(formatDate(0)).toBe("01/01/1970");
    expect(formatIsoDate(0)).toBe("1970-01-01");
    expect(regionalAppLaName("Kingston upon Hull, City of")).toBe("Kingston upon Hull");
  });
  it("detectSsda903Kind: the DoLO table", () => {
    expect(detectSsda903Kind(["CHILD", "DOB", "DOLO_START", "DOLO_END"])).toBe("dolo");
  });
  it("collectionYearStatement, prefillValues, templateWorkbook, templateFromSsda903", async () => {
    expect(collectionYearStatement([], undefined).reading).toBe("none");
    expect(prefillValues([])(findMeasure("cla_31_march")!, { placement_type: "total", age_band: "total" })).toBeUndefined();
    expect((await templateWorkbook()).byteLength).toBeGreaterThan(10_000);
    expect((await templateFromSsda903(loadSsda903Files("test/fixtures/ssda903-samples/combined"), { la: "202", period: 2021 })).counts.prefilled).toBeGreaterThan(0);
  }, 60_000);
});
