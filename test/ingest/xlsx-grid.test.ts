import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellContent } from "../../src/ingest/cell-content";
import { readXlsxGrid } from "../../src/ingest/xlsx-grid";
import { unzipGuarded } from "../../src/ingest/zip-guard";
import { blankWorkbook } from "../../src/template/blank-workbook";

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const fixtures = ["formulas", "merged-cells", "excel-serial-dates", "excel-serial-number-period", "hidden-sheets", "cells-start-like-formulas"]
  .map((c) => `test/fixtures/invalid/${c}/input.xlsx`).concat(["test/fixtures/legacy/input.xlsx", "data-templates/sufficiency-template.xlsx"]);

const key = (c: { text: string; number?: number; date?: Date; formula?: string; noResult?: boolean }) => JSON.stringify([c.text, c.number, c.date?.toISOString(), c.formula, Boolean(c.noResult)]);

describe("readXlsxGrid", () => {
  it("runs its JSDoc examples", async () => {
    const blank = await blankWorkbook();
    expect(readXlsxGrid({ name: "t.xlsx", bytes: blank }).sheets[1].cell(2, 1).text).toBe("LA code");
    expect(new TextDecoder().decode(unzipGuarded(blank, "t.xlsx").get("xl/workbook.xml")).includes("<sheets>")).toBe(true);
  });

  for (const file of fixtures) {
    it(`reads every cell of ${file} as exceljs does (text, number, date, formula and cached result, merged ranges, sheet state)`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(repo, file)));
      const grid = readXlsxGrid({ name: file, bytes });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      expect(grid.sheets.map((s) => [s.name, s.state])).toEqual(wb.worksheets.map((w) => [w.name, w.state ?? "visible"]));
      let compared = 0;
      wb.worksheets.forEach((ws, i) => {
        const sheet = grid.sheets[i];
        expect(sheet.merges.sort()).toEqual([...((ws as unknown as { model: { merges?: string[] } }).model.merges ?? [])].sort());
        for (let r = 1; r <= Math.max(ws.rowCount, sheet.maxRow); r++) {
          for (let c = 1; c <= Math.max(ws.columnCount, 12); c++) {
            const expected = cellContent(ws.getCell(r, c));
            if (expected.text !== "") compared++;
            expect(key(sheet.cell(r, c)), `${ws.name}!${r},${c}`).toBe(key(expected));
          }
        }
      });
      expect(compared).toBeGreaterThan(10);
    });
  }
});
