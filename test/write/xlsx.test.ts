import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { tablesToXlsx } from "../../src/write/xlsx";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe("tablesToXlsx", () => {
  it("gives the JSDoc example: a one-sheet workbook with the number stored as a number", async () => {
    const wb = await open(await tablesToXlsx([{ name: "Counts", columns: ["area", "children"], rows: [{ area: "England", children: 81770 }] }]));
    const ws = wb.getWorksheet("Counts")!;
    expect(ws.getCell("A1").value).toBe("area");
    expect(ws.getCell("B2").value).toBe(81770);
    expect(typeof ws.getCell("B2").value).toBe("number");
  });
  it("puts notes above a bold, frozen, filtered header and leaves missing cells empty", async () => {
    const wb = await open(await tablesToXlsx([{
      name: "Table 1",
      notes: ["Children looked after", "Source: DfE"],
      columns: [{ key: "la", header: "Local authority" }, { key: "value", header: "Children", numberFormat: "#,##0" }],
      rows: [{ la: "Hartlepool", value: 1234 }, { la: "City of London", value: null }],
    }]));
    const ws = wb.getWorksheet("Table 1")!;
    expect(ws.getCell("A1").value).toBe("Children looked after");
    expect(ws.getCell("A3").value).toBe("Local authority");
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell("B4").value).toBe(1234);
    expect(ws.getCell("B4").numFmt).toBe("#,##0");
    expect(ws.getCell("B5").value).toBeNull();
    expect(ws.autoFilter).toBeTruthy();
  });
  it("neutralises text that a spreadsheet would evaluate, in cells, headers and notes", async () => {
    const wb = await open(await tablesToXlsx([{ name: "T", notes: ["=HYPERLINK(\"x\")"], columns: ["text", "+bad"], rows: [{ text: "=SUM(A1:A9)", "+bad": "@cmd" }, { text: "-5 children" }] }]));
    const ws = wb.getWorksheet("T")!;
    expect(ws.getCell("A1").value).toBe("'=HYPERLINK(\"x\")");
    expect(ws.getCell("B2").value).toBe("'+bad");
    expect(ws.getCell("A3").value).toBe("'=SUM(A1:A9)");
    expect(ws.getCell("B3").value).toBe("'@cmd");
    expect(ws.getCell("A4").value).toBe("'-5 children");
    expect(ws.getCell("A3").formula).toBeUndefined();
  });
  it("makes sheet names valid and unique (31 characters, no []:*?/\\)", async () => {
    const wb = await open(await tablesToXlsx([
      { name: "new_placements_in_year_by_location_and_more", columns: ["a"], rows: [] },
      { name: "new_placements_in_year_by_location_and_more", columns: ["a"], rows: [] },
      { name: "a/b:c?", columns: ["a"], rows: [] },
    ]));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("new_placements_in_year_by_locat");
    expect(names[1]).toMatch(/ \(2\)$/);
    expect(names[1].length).toBeLessThanOrEqual(31);
    expect(names[2]).toBe("a-b-c-");
  });
  it("rejects no sheets and a sheet without columns", async () => {
    await expect(tablesToXlsx([])).rejects.toThrow(/at least one sheet/);
    await expect(tablesToXlsx([{ name: "x", columns: [], rows: [] }])).rejects.toThrow(/no columns/);
  });
});
