import { describe, expect, it } from "vitest";
import { CODE_LISTS } from "../../src/reference/code-lists";
import { allCodes } from "../../src/reference/code-tree";
import { DATASET_COLUMNS } from "../../src/spec/dataset";
import { columnLetter, cellReference } from "../../src/template/column-letter";
import { findMeasure, MEASURES } from "../../src/template/measures";
import { parseMissingReason } from "../../src/template/missing-reasons";
import { isDecimalMeasure } from "../../src/template/blank-workbook";
import { FREE_TEXT_ROWS, freeTextRows, hasFreeTextDimension, prefillRows, sectionColumns, sectionDimensions } from "../../src/template/prefill-rows";
import { templateCsvHeader } from "../../src/template/template-csv-header";
import { parseTemplateFormats, templateFiles } from "../../src/template/template-files";
import { templateJsonSchema } from "../../src/template/template-json-schema";
import { listRangeName, workbookLayout } from "../../src/template/workbook-layout";

describe("template parts", () => {
  it("column letters and cell references (JSDoc examples)", () => {
    expect(columnLetter(28)).toBe("AB");
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(702)).toBe("ZZ");
    expect(cellReference(7, 3)).toBe("C7");
    expect(() => columnLetter(0)).toThrow();
  });

  it("prefills leaves, groups and total; free-text measures get empty rows", () => {
    expect(prefillRows(findMeasure("cla_31_march_uasc")!).map((r) => r.age_band)).toEqual(["total", "under_1", "1_to_4", "5_to_9", "10_to_15", "16_plus"]);
    const placements = prefillRows(findMeasure("placed_outside_la")!).map((r) => r.placement_type);
    expect(placements).toEqual(expect.arrayContaining(["total", "foster", "foster_ifa", "supported_accommodation", "other_placements", "unregistered"]));
    expect(placements).not.toContain("supported_accommodation_group"); // a one-member group is its leaf
    expect(prefillRows(findMeasure("provider_children_placed")!)).toHaveLength(FREE_TEXT_ROWS.providers);
    expect(freeTextRows(findMeasure("provider_children_placed")!)).toBe(80);
    expect(prefillRows(findMeasure("planned_new_beds")!)).toHaveLength(FREE_TEXT_ROWS.other);
    expect(prefillRows(findMeasure("foster_places_approved")!)).toEqual([{}]);
    for (const m of MEASURES) for (const row of prefillRows(m)) for (const [column, code] of Object.entries(row)) {
      expect(["total", ...allCodes(CODE_LISTS[column])]).toContain(code);
    }
  });

  it("section columns, layout, CSV header and formats", () => {
    expect(sectionColumns("supply")).toEqual(["measure", "label", "placement_type", "sector", "provision_type", "opening_year", "owning_group", "value", "missing_reason"]);
    expect(workbookLayout()[0]).toBe("Guidance");
    expect(templateCsvHeader()).toBe(`${DATASET_COLUMNS.join(",")}\n`);
    expect(templateCsvHeader().startsWith("time_period,time_identifier,geographic_level")).toBe(true);
    expect(parseTemplateFormats("csv, xlsx")).toEqual(["csv", "xlsx"]);
    expect(() => parseTemplateFormats("pdf")).toThrow(/Unknown template format/);
    expect(() => parseTemplateFormats("")).toThrow();
  });

  it("missing reasons parse codes, labels and markers", () => {
    expect(parseMissingReason("Not Applicable")).toBe("not_applicable");
    expect(parseMissingReason("c")).toBe("suppressed");
    expect(parseMissingReason("nope")).toBeUndefined();
  });

  it("JSON schema has enums from the code lists and per-measure constraints", async () => {
    const schema = templateJsonSchema() as { properties: Record<string, { enum?: string[] }>; allOf: unknown[] };
    expect(schema.properties.measure.enum).toEqual(MEASURES.map((m) => m.id));
    expect(schema.properties.placement_type.enum).toContain("foster_ifa");
    expect(schema.properties.value_status.enum).toContain("suppressed");
    expect(schema.allOf).toHaveLength(MEASURES.length);
    expect((await templateFiles(["csv"]))[0].name).toBe("sufficiency-template.csv");
  });
});

describe("template helper examples", () => {
  it("run as written", () => {
    expect(isDecimalMeasure(findMeasure("weekly_cost_mean")!)).toBe(true);
    expect(isDecimalMeasure(findMeasure("cla_31_march")!)).toBe(false);
    expect(hasFreeTextDimension(findMeasure("provider_annual_spend")!)).toBe(true);
    expect(sectionDimensions("location")).toEqual(["placement_type", "locality", "distance"]);
    expect(sectionColumns("context")).toEqual(["measure", "label", "value", "missing_reason"]);
    expect(workbookLayout()[1]).toBe("Return");
    expect(listRangeName("age_band")).toBe("list_age_band");
  });
});

describe("fixZipTimestamps", () => {
  it("stamps every entry of a zip with one date (JSDoc example)", async () => {
    const { fixZipTimestamps } = await import("../../src/template/fix-zip-timestamps");
    const { blankWorkbook } = await import("../../src/template/blank-workbook");
    expect(fixZipTimestamps(await blankWorkbook(), new Date(Date.UTC(2025, 0, 1))).byteLength > 0).toBe(true);
    expect(() => fixZipTimestamps(new Uint8Array(30), new Date())).toThrow(/not a zip/);
  });
});

describe("required and optional measures in every form of the template (issue 8)", () => {
  it("the workbook marks required rows in the label and shades their value cells; the Guidance lists required/optional", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { blankWorkbook } = await import("../../src/template/blank-workbook");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await blankWorkbook()) as unknown as ArrayBuffer);
    const demand = wb.getWorksheet("Demand")!;
    const cols = sectionColumns("demand");
    const label = (r: number) => String(demand.getCell(r, cols.indexOf("label") + 1).value);
    const row = (measure: string) => { for (let r = 2; r <= demand.rowCount; r++) if (demand.getCell(r, 1).value === measure) return r; throw new Error(measure); };
    expect(label(row("cla_31_march"))).toMatch(/\[required\]$/);
    expect(label(row("cla_31_march_by_need"))).not.toMatch(/required/);
    const fill = demand.getCell(row("cla_31_march"), cols.indexOf("value") + 1).fill as { fgColor?: { argb?: string } };
    expect(fill.fgColor?.argb).toBe("FFFFF2CC");
    const guidance = wb.getWorksheet("Guidance")!;
    const lines: string[][] = [];
    guidance.eachRow((r) => lines.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(lines.find((l) => l[0] === "measure")).toEqual(["measure", "label", "unit", "dimensions", "required", "sources"]);
    expect(lines.find((l) => l[0] === "weekly_cost_mean")?.[4]).toBe("required");
    expect(lines.find((l) => l[0] === "weekly_cost_median")?.[4]).toBe("optional");
  });
  it("the measure dictionary CSV and the JSON Schema say which measures are required", async () => {
    const { templateMeasuresCsv } = await import("../../src/template/template-measures-csv");
    const lines = templateMeasuresCsv().trim().split("\n");
    expect(lines[0]).toBe("measure,section,sheet,label,unit,aggregation,weight,dimensions,required,sources,description");
    expect(lines).toHaveLength(MEASURES.length + 1);
    expect(lines.find((l) => l.startsWith("weekly_cost_mean,"))).toMatch(/,weighted_mean,placements_costed,placement_type sector,required,/);
    expect(lines.find((l) => l.startsWith("foster_enquiries,"))).toMatch(/,optional,/);
    const files = await templateFiles(["csv"]);
    expect(files.map((f) => f.name)).toEqual(["sufficiency-template.csv", "sufficiency-template-measures.csv"]);
    const schema = templateJsonSchema() as { "x-required-measures": string[]; allOf: Array<{ then: { description: string; anyOf?: unknown[] } }> };
    expect(schema["x-required-measures"]).toEqual(MEASURES.filter((m) => m.required).map((m) => m.id));
    const cla = schema.allOf[MEASURES.findIndex((m) => m.id === "cla_31_march")].then;
    expect(cla.description).toBe("cla_31_march: required");
    expect(cla.anyOf).toHaveLength(2);
    expect(schema.allOf[MEASURES.findIndex((m) => m.id === "foster_enquiries")].then.anyOf).toBeUndefined();
  });
});
