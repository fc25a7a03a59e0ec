/** The @example of the public functions of the return readers (template xlsx, long CSV, legacy), sniffing and guards. */
import path from "node:path";
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { assertXlsx } from "../../src/ingest/assert-xlsx";
import { buildRow, parseAmount } from "../../src/ingest/build-row";
import { cellContent } from "../../src/ingest/cell-content";
import { cfbDirectory } from "../../src/ingest/cfb-directory";
import { decodeText } from "../../src/ingest/decode-text";
import { readLegacyWorkbook } from "../../src/ingest/from-legacy";
import { readLongCsv } from "../../src/ingest/from-long-csv";
import { periodOfDate, readTemplateWorkbook } from "../../src/ingest/from-template-xlsx";
import { legacyMapping } from "../../src/ingest/legacy-mapping";
import { loadMapping } from "../../src/ingest/load-mapping";
import { openWorkbook } from "../../src/ingest/open-workbook";
import { sniffFile } from "../../src/ingest/sniff";
import { readZipDirectory, zipGuard } from "../../src/ingest/zip-guard";
import { findLa, laGeography } from "../../src/reference/las";
import { blankWorkbook } from "../../src/template/blank-workbook";

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

describe("return reader JSDoc examples", () => {
  it("run as written", async () => {
    const blank = await blankWorkbook();
    expect(periodOfDate(new Date(Date.UTC(2025, 2, 31)))).toBe("2025");
    expect((await readTemplateWorkbook({ name: "blank.xlsx", bytes: blank })).kind).toBe("template-xlsx");
    expect(readLongCsv({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\n") }).rowsAccepted).toBe(1);
    const file = { name: "input.xlsx", bytes: new Uint8Array(readFileSync(path.join(repo, "test/fixtures/legacy/input.xlsx"))) };
    expect((await readLegacyWorkbook(file, loadMapping(path.join(repo, "data-templates/legacy-mapping-example.json")))).kind).toBe("legacy-xlsx");
    expect(legacyMapping({ sheets: [{ sheet: "Data", headerRow: 1, columns: { value: "Count", measure: "Measure" } }] }).sheets[0].sheet).toBe("Data");
    expect(loadMapping(path.join(repo, "data-templates/legacy-mapping-example.json")).sheets.length).toBe(2);
    expect(sniffFile(new TextEncoder().encode("a,b\n1,2\n"), "x.xlsx").kind).toBe("text");
    expect(readZipDirectory(blank, "a.xlsx").map((e) => e.name).includes("xl/workbook.xml")).toBe(true);
    expect(zipGuard(blank, "return.xlsx").length > 0).toBe(true);
    expect(decodeText(new Uint8Array([0xa3, 0x35]), "a.csv").text).toBe("£5");
    expect(parseAmount("£1,234.50")).toBe(1234.5);
    const geography = { time_period: "2025", time_identifier: "Reporting year", ...laGeography(findLa("805")!) };
    expect(buildRow({ measure: "foster_places_approved", dims: {}, value: { text: "12", number: 12 }, reason: "" }, geography, () => ({})).row?.value).toBe(12);
    expect(cellContent({ value: { formula: "1+1", result: 2 } } as unknown as ExcelJS.Cell).number).toBe(2);
    expect((await openWorkbook({ name: "t.xlsx", bytes: blank })).getWorksheet("Return") !== undefined).toBe(true);
    expect(cfbDirectory(new Uint8Array(8))).toBeNull();
    expect(() => assertXlsx({ name: "a.xlsx", bytes: new TextEncoder().encode("a,b\n") })).toThrow(/it is a UTF-8 text file/);
  });
});
