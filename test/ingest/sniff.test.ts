import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { cfbDirectory } from "../../src/ingest/cfb-directory";
import { decodeText } from "../../src/ingest/decode-text";
import { sniffFile } from "../../src/ingest/sniff";
import { readZipDirectory, zipGuard } from "../../src/ingest/zip-guard";
import { isSuffError } from "../../src/spec/errors";
import { blankWorkbook } from "../../src/template/blank-workbook";

describe("sniffFile", () => {
  it("recognises text, images, empty files and workbooks by content", async () => {
    expect(sniffFile(new TextEncoder().encode("a,b\n1,2\n"), "x.xlsx")).toMatchObject({ kind: "text", detail: "utf-8", extension: "xlsx" });
    expect(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), "x.xlsx")).toMatchObject({ kind: "unknown", detail: "png" });
    expect(sniffFile(new Uint8Array([0x25, 0x50, 0x44, 0x46]), "x.csv").description).toBe("a PDF document");
    expect(sniffFile(new Uint8Array(), "x").description).toBe("an empty file");
    expect(sniffFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "x.csv").detail).toBe("utf-8-bom");
    expect(sniffFile(new Uint8Array([0x61, 0xa3, 0x0a]), "x.csv").detail).toBe("windows-1252");
    expect(sniffFile(await blankWorkbook(), "t.xlsx")).toMatchObject({ kind: "xlsx", detail: "workbook" });
    expect(cfbDirectory(new Uint8Array(8))).toBeNull();
  });
});

describe("zip guard", () => {
  it("lists the central directory of a real workbook and lets it through", async () => {
    const bytes = await blankWorkbook();
    expect(readZipDirectory(bytes, "t.xlsx").map((e) => e.name)).toContain("xl/workbook.xml");
    expect(zipGuard(bytes, "t.xlsx").length).toBeGreaterThan(5);
  });
  it("refuses by declared total size before inflating", async () => {
    const bytes = await blankWorkbook();
    const error = (() => { try { zipGuard(bytes, "t.xlsx", { maxTotalBytes: 1000, maxRatio: 200, ratioFloorBytes: 1 << 20, maxEntries: 100 }); } catch (e) { return e; } })();
    expect(isSuffError(error) && error.code).toBe("E_ZIP_BOMB");
  });
  it("treats a file without an end-of-central-directory record as corrupt", () => {
    const bytes = new Uint8Array(100);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(() => readZipDirectory(bytes, "x.xlsx")).toThrow(/not a readable/);
    expect(deflateRawSync(Buffer.from("x")).length).toBeGreaterThan(0);
  });
});

describe("decodeText", () => {
  it("reads UTF-8, strips a BOM, falls back to Windows-1252 with a warning", () => {
    expect(decodeText(new TextEncoder().encode("£5"), "a.csv")).toMatchObject({ text: "£5", encoding: "utf-8", diagnostics: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), "a.csv")).toMatchObject({ text: "A", diagnostics: [{ code: "I_TEXT_BOM" }] });
    const cp = decodeText(new Uint8Array([0xa3, 0x35, 0x80, 0x96]), "a.csv");
    expect(cp.text).toBe("£5€–");
    expect(cp.diagnostics.map((d) => d.code)).toEqual(["W_TEXT_WINDOWS_1252"]);
  });
});
