import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { periodOfDate, readTemplateWorkbook } from "../../src/ingest/from-template-xlsx";
import { blankWorkbook } from "../../src/template/blank-workbook";
import { sectionColumns } from "../../src/template/prefill-rows";
import { validateFile } from "../../src/validate/validate-file";

let blank: Uint8Array;
beforeAll(async () => {
  blank = await blankWorkbook();
});

async function filled(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(blank) as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readTemplateWorkbook", () => {
  it("reads a blank template: the LA and period missing is one error and no rows are accepted", async () => {
    const r = await readTemplateWorkbook({ name: "blank.xlsx", bytes: blank });
    expect(r.kind).toBe("template-xlsx");
    expect(r.rowsAccepted).toBe(0);
    expect(r.rowsRejected).toBeGreaterThan(500);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.sheet, d.cell])).toEqual([["E_RETURN_LA_MISSING", "Return", "B2"]]);
  });

  it("rejects an unknown LA code at its cell; warns for a lower-case code", async () => {
    const unknown = await readTemplateWorkbook({ name: "x.xlsx", bytes: await filled((wb) => { wb.getWorksheet("Return")!.getCell("B2").value = "E99999999"; wb.getWorksheet("Return")!.getCell("B4").value = 2025; }) });
    expect(unknown.diagnostics.find((d) => d.code === "E_UNKNOWN_LA")).toMatchObject({ sheet: "Return", cell: "B2" });
    expect(unknown.rowsAccepted).toBe(0);
    const lower = await readTemplateWorkbook({ name: "x.xlsx", bytes: await filled((wb) => { wb.getWorksheet("Return")!.getCell("B2").value = "e06000001"; wb.getWorksheet("Return")!.getCell("B4").value = 2025; }) });
    expect(lower.rowsAccepted).toBeGreaterThan(500);
    expect(lower.locations![0].normalised).toEqual([{ column: "new_la_code", raw: "e06000001", code: "E06000001" }]);
    const validated = await validateFile({ name: "x.xlsx", bytes: await filled((wb) => { wb.getWorksheet("Return")!.getCell("B2").value = "e06000001"; wb.getWorksheet("Return")!.getCell("B4").value = 2025; }) });
    expect(validated.diagnostics.filter((d) => d.code === "W_CODE_NOT_EXACT").map((d) => [d.sheet, d.cell])).toEqual([["Return", "B2"]]);
  });

  it("reports unknown sheets and columns, and rejects invalid codes and text values at their cells", async () => {
    const cols = sectionColumns("demand");
    const r = await readTemplateWorkbook({
      name: "x.xlsx",
      bytes: await filled((wb) => {
        wb.getWorksheet("Return")!.getCell("B2").value = "805";
        wb.getWorksheet("Return")!.getCell("B4").value = 2025;
        wb.addWorksheet("My notes").addRow(["hello"]);
        const demand = wb.getWorksheet("Demand")!;
        demand.getCell(1, cols.length + 1).value = "comment";
        demand.getCell(3, cols.indexOf("placement_type") + 1).value = "castle";
        demand.getCell(4, cols.indexOf("value") + 1).value = "about ten";
      }),
    });
    const find = (code: string) => r.diagnostics.find((d) => d.code === code);
    expect(find("W_UNKNOWN_SHEET")).toMatchObject({ sheet: "My notes" });
    expect(find("W_UNKNOWN_COLUMN")).toMatchObject({ sheet: "Demand", cell: "K1" });
    expect(find("E_INVALID_CODE")).toMatchObject({ sheet: "Demand", cell: "C3" });
    expect(find("E_VALUE_NOT_NUMBER")).toMatchObject({ sheet: "Demand", cell: "I4" });
    expect(r.rowsRejected).toBe(2);
  });

  it("maps a date onto the year ending 31 March", () => {
    expect(periodOfDate(new Date(Date.UTC(2025, 2, 31)))).toBe("2025");
    expect(periodOfDate(new Date(Date.UTC(2024, 3, 1)))).toBe("2025");
  });
});
