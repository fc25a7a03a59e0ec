import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readTemplateWorkbook } from "../../src/ingest/from-template-xlsx";
import { blankWorkbook, TEMPLATE_DATE } from "../../src/template/blank-workbook";
import { MEASURES, SECTIONS } from "../../src/template/measures";
import { prefillRows, sectionColumns } from "../../src/template/prefill-rows";
import { templateFiles } from "../../src/template/template-files";
import { workbookSnapshot } from "./workbook-snapshot";

let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await blankWorkbook();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

describe("blankWorkbook", () => {
  it("has Guidance, Return, one sheet per section and a hidden Lists sheet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Guidance", "Return", ...SECTIONS.map((s) => s.sheet), "Lists"]);
    expect(wb.getWorksheet("Lists")!.state).toBe("hidden");
    expect(bytes.byteLength).toBeGreaterThan(10_000);
  });

  it("uses fixed document dates and zip entry times, so it is byte-for-byte reproducible", async () => {
    expect(wb.created?.toISOString()).toBe(TEMPLATE_DATE.toISOString());
    expect(wb.modified?.toISOString()).toBe(TEMPLATE_DATE.toISOString());
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have 2-second resolution
    expect(Buffer.from(await blankWorkbook()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("prefills one row per measure and dimension combination, with the section's columns", () => {
    for (const section of SECTIONS) {
      const ws = wb.getWorksheet(section.sheet)!;
      expect(ws.getRow(1).values).toEqual([undefined, ...sectionColumns(section.id)]);
      const expected = MEASURES.filter((m) => m.section === section.id).reduce((n, m) => n + prefillRows(m).length, 0);
      expect(ws.actualRowCount - 1).toBe(expected);
    }
    const demand = wb.getWorksheet("Demand")!;
    expect(demand.getCell("A2").value).toBe("cla_31_march");
    expect(demand.getCell("C2").value).toBe("total");
  });

  it("has dropdowns from named ranges for coded columns, number validation and a missing_reason list", () => {
    const demand = wb.getWorksheet("Demand")!;
    const columns = sectionColumns("demand");
    const value = columns.indexOf("value") + 1;
    const reason = columns.indexOf("missing_reason") + 1;
    expect(demand.getCell(2, value).dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(demand.getCell(2, reason).dataValidation).toMatchObject({ type: "list", formulae: ["list_missing_reason"] });
    const cost = wb.getWorksheet("Cost")!;
    expect(cost.getCell(2, sectionColumns("cost").indexOf("value") + 1).dataValidation).toMatchObject({ type: "decimal" });
    const providers = wb.getWorksheet("Providers")!;
    const sector = sectionColumns("providers").indexOf("sector") + 1;
    expect(providers.getCell(2, sector).dataValidation).toMatchObject({ type: "list", formulae: ["list_sector"] });
    const names = wb.definedNames.model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["list_placement_type", "list_age_band", "list_missing_reason", "list_la_code", "la_table"]));
    expect(wb.getWorksheet("Return")!.getCell("B2").dataValidation).toMatchObject({ type: "list", formulae: ["list_la_code"] });
  });

  it("locks the header and prefilled codes, unlocks inputs, freezes the header and protects the sheet", () => {
    const demand = wb.getWorksheet("Demand")!;
    const value = sectionColumns("demand").indexOf("value") + 1;
    expect(demand.getCell(1, 1).protection?.locked ?? true).toBe(true); // locked is the default, so not written
    expect(demand.getCell(2, 1).protection?.locked ?? true).toBe(true);
    expect(demand.getCell(2, value).protection?.locked).toBe(false);
    expect(demand.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((demand as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it("round-trips: fill the blank template, read it back, get the values entered", async () => {
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    filled.getWorksheet("Return")!.getCell("B2").value = "E08000025";
    filled.getWorksheet("Return")!.getCell("B4").value = 2025;
    const supply = filled.getWorksheet("Supply")!;
    const cols = sectionColumns("supply");
    const valueCol = cols.indexOf("value") + 1;
    const reasonCol = cols.indexOf("missing_reason") + 1;
    const rowOf = (measure: string) => {
      for (let r = 2; r <= supply.rowCount; r++) if (supply.getCell(r, 1).value === measure) return r;
      throw new Error(measure);
    };
    supply.getCell(rowOf("foster_places_approved"), valueCol).value = 410;
    supply.getCell(rowOf("foster_places_vacant"), valueCol).value = 37;
    supply.getCell(rowOf("secure_beds"), reasonCol).value = "not_applicable";
    const provider = filled.getWorksheet("Providers")!;
    const pc = sectionColumns("providers");
    provider.getCell(2, pc.indexOf("provider_id") + 1).value = "SC123456";
    provider.getCell(2, pc.indexOf("sector") + 1).value = "private";
    provider.getCell(2, pc.indexOf("placement_type") + 1).value = "childrens_home_private";
    provider.getCell(2, pc.indexOf("value") + 1).value = 3;
    const out = new Uint8Array((await filled.xlsx.writeBuffer()) as ArrayBuffer);
    const read = await readTemplateWorkbook({ name: "birmingham.xlsx", bytes: out });
    const find = (measure: string) => read.rows.find((r) => r.measure === measure)!;
    expect(find("foster_places_approved")).toMatchObject({ value: 410, value_status: "ok", la_name: "Birmingham", old_la_code: "330", region_code: "E12000005", time_period: "2025" });
    expect(find("foster_places_vacant").value).toBe(37);
    expect(find("secure_beds")).toMatchObject({ value: null, value_status: "not_applicable" });
    expect(find("foster_enquiries")).toMatchObject({ value: null, value_status: "missing" });
    expect(find("provider_children_placed")).toMatchObject({ value: 3, dims: { provider_id: "SC123456", owning_group: "", sector: "private", placement_type: "childrens_home_private" } });
    expect(read.rowsRead).toBe(read.rowsAccepted + read.rowsRejected + Object.values(read.rowsSkipped).reduce((a, b) => a + b, 0));
    expect(read.rowsRejected).toBe(0);
    const i = read.rows.findIndex((r) => r.measure === "foster_places_approved");
    expect(read.locations![i]).toMatchObject({ sheet: "Supply", cell: `${String.fromCharCode(64 + valueCol)}${rowOf("foster_places_approved")}` });
  });
});

describe("data-templates/ is regenerated from the code (npm run templates)", () => {
  it("matches the committed csv, schema and xlsx content", async () => {
    const files = await templateFiles(["xlsx", "csv", "schema"]);
    for (const file of files) {
      const committed = readFileSync(new URL(`../../data-templates/${file.name}`, import.meta.url));
      if (file.name.endsWith(".xlsx")) {
        expect(await workbookSnapshot(new Uint8Array(committed))).toEqual(await workbookSnapshot(file.data as Uint8Array));
      } else {
        expect(committed.toString("utf8"), `${file.name} drifted: run npm run templates`).toBe(file.data);
      }
    }
  });
});
