/**
 * The blank national sufficiency template as an Excel workbook, generated from
 * TEMPLATE (measures.ts): a Guidance sheet, a Return sheet (LA and period), one sheet
 * per section in long-but-prefilled form, and a hidden Lists sheet whose named ranges
 * feed the dropdowns (a list validation written inline is capped at 255 characters).
 *
 * Stages: 1. lists sheet and named ranges; 2. guidance; 3. return sheet;
 * 4. one sheet per section with prefilled rows, dropdowns, number validation and
 * protection (header and prefilled codes locked, inputs unlocked); 5. serialise with
 * fixed document dates and zip entry times, so the output is byte-for-byte reproducible.
 */
import ExcelJS from "exceljs";
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { allCodes, findCode } from "../reference/code-tree.ts";
import { LOCAL_AUTHORITIES } from "../reference/las.ts";
import type { Measure, Unit } from "../spec/template.ts";
import { cellReference, columnLetter } from "./column-letter.ts";
import { fixZipTimestamps } from "./fix-zip-timestamps.ts";
import { MEASURES, SECTIONS, TEMPLATE_VERSION } from "./measures.ts";
import { MISSING_REASONS, type MissingReason } from "./missing-reasons.ts";
import { prefillRows, sectionColumns, type PrefilledDims } from "./prefill-rows.ts";
import { GUIDANCE_SHEET, LISTS_SHEET, RETURN_FIELDS, RETURN_SHEET, listRangeName } from "./workbook-layout.ts";

/**
 * What to write into the template besides its blank rows: the LA and period on the Return
 * sheet, and values for some rows (pre-filled, each with a cell note saying where it came
 * from). Used for a template pre-filled from an SSDA903 extract (filled-workbook.ts).
 */
export interface WorkbookFill {
  /** The LA's ONS code, as the Return sheet's dropdown offers it. */
  laCode: string;
  /** The year ending 31 March. */
  period: number;
  /** The value (or missing reason) of a prefilled row, or undefined to leave it blank for the LA. */
  value(measure: Measure, dims: PrefilledDims): PrefilledValue | undefined;
  /** The note on every pre-filled value cell. */
  note: string;
  /** A line for the Guidance sheet explaining the pre-filled values. */
  guidance: string;
}

/** A pre-filled cell: a number, or a missing-value reason (e.g. not_applicable). */
export type PrefilledValue = { value: number } | { reason: MissingReason["code"] };

/** Fixed document date, so regenerating the template gives the same workbook. */
export const TEMPLATE_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

const DECIMAL_UNITS: ReadonlySet<Unit> = new Set(["gbp_per_week", "gbp_thousand", "gbp"]);
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1D3557" } };
const LOCKED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
/** Value cells of required measures: pale yellow, so the core stands out (the label also says "required"). */
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
/** Pale blue: a value pre-filled from another source (still editable). */
const PREFILLED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
/** exceljs has range data validations at run time (lib/doc/data-validations.js) but not in its typings. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function validations(sheet: ExcelJS.Worksheet): RangeValidations["dataValidations"] {
  return (sheet as unknown as RangeValidations).dataValidations;
}

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

/**
 * True when the measure's values may have decimals (money); counts are whole numbers.
 * @throws never
 * @example isDecimalMeasure(findMeasure("weekly_cost_mean")!) // true
 */
export function isDecimalMeasure(measure: Measure): boolean {
  return DECIMAL_UNITS.has(measure.unit);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: "FFFFFFFF" } };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.protection = { locked: true };
  });
}

function addLists(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  let column = 1;
  const addList = (id: string, values: string[], extra?: string[]) => {
    sheet.getCell(1, column).value = id;
    values.forEach((v, i) => (sheet.getCell(i + 2, column).value = v));
    if (extra) extra.forEach((v, i) => (sheet.getCell(i + 2, column + 1).value = v));
    const letter = columnLetter(column);
    workbook.definedNames.add(`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`, listRangeName(id));
    column += extra ? 2 : 1;
  };
  for (const [id, list] of Object.entries(CODE_LISTS)) addList(id, [TOTAL, ...allCodes(list).filter((c) => !findCode(list, c)?.derivedOnly)]);
  addList("missing_reason", MISSING_REASONS.map((r) => r.code));
  const las = [...LOCAL_AUTHORITIES].sort((a, b) => a.name.localeCompare(b.name));
  addList("la_code", las.map((la) => la.newCode), las.map((la) => la.name));
  const laLetter = columnLetter(column - 2);
  const nameLetter = columnLetter(column - 1);
  workbook.definedNames.add(`'${LISTS_SHEET}'!$${laLetter}$2:$${nameLetter}$${las.length + 1}`, "la_table");
}

function addGuidance(workbook: ExcelJS.Workbook, fill?: WorkbookFill): void {
  const sheet = workbook.addWorksheet(GUIDANCE_SHEET);
  sheet.columns = [{ width: 34 }, { width: 60 }, { width: 18 }, { width: 40 }, { width: 12 }, { width: 30 }];
  const lines: string[][] = [
    ["National placement sufficiency return"],
    ["Template version", TEMPLATE_VERSION],
    ["Purpose", "One return per local authority per year ending 31 March, in a standard form so that returns can be validated, aggregated to any footprint (region, RCC, consortium, England) and used to forecast demand and supply (CMA children's social care market study, 2022)."],
    ["How to fill it in", "1. On the Return sheet choose your LA code and enter the period (e.g. 2025 for the year ending 31 March 2025)."],
    ["", "2. On each section sheet enter a number in the 'value' column of every row. Do not change the measure or dimension columns of prefilled rows."],
    ["", "3. If you cannot give a value, leave it blank and choose a 'missing_reason'. Never enter 0 for a figure you do not know."],
    ["", "Rows marked [required] (value cell shaded yellow) are the core every return must give: a value or a missing_reason in each. A blank required row is an error when the file is validated; blank optional rows are counted. Costs are required only where they apply: placements costed for each placement type over all sectors, and a mean weekly cost wherever placements were costed."],
    ["", "4. 'total' rows are the total over that dimension: parts must add up to their total (leaves to their group, groups to the total)."],
    ["", "5. Providers sheet: one row per provider used, with the Ofsted URN (or name) in provider_id."],
    ["", "6. Check the file with: suff validate <file>.xlsx (errors point at the cell)."],
    ...(fill ? [["Pre-filled values", fill.guidance]] : []),
    ["Missing-value reasons", MISSING_REASONS.map((r) => `${r.code}: ${r.description}`).join("\n")],
    ["Codes", "Every coded column has a dropdown. Fine template codes roll up to the groups DfE publishes (e.g. foster_ifa -> foster). Full lists are below and on the hidden Lists sheet."],
    [],
    ["Sections and measures"],
  ];
  for (const line of lines) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow(["measure", "label", "unit", "dimensions", "required", "sources"]);
  styleHeader(header);
  for (const section of SECTIONS) {
    const sectionRow = sheet.addRow([`${section.label} (sheet '${section.sheet}')`, section.description]);
    sectionRow.font = { bold: true };
    for (const m of MEASURES.filter((x) => x.section === section.id)) {
      sheet.addRow([m.id, `${m.label}. ${m.description}`, m.unit, m.dimensions.map((d) => d.column).join(", ") || "(none)", m.required ? "required" : "optional", m.sources.join(", ")]);
    }
  }
  sheet.addRow([]);
  sheet.addRow(["Code lists"]).font = { bold: true };
  const codeHeader = sheet.addRow(["column", "code", "group", "label"]);
  styleHeader(codeHeader);
  for (const [id, list] of Object.entries(CODE_LISTS)) {
    for (const root of list.roots) {
      sheet.addRow([id, root.code, "", root.label]);
      for (const child of root.children ?? []) if (!child.derivedOnly) sheet.addRow([id, child.code, root.code, child.label]);
    }
  }
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

async function addReturn(workbook: ExcelJS.Workbook, fill?: WorkbookFill): Promise<void> {
  const sheet = workbook.addWorksheet(RETURN_SHEET);
  sheet.columns = [{ width: 34 }, { width: 22 }, { width: 60 }];
  styleHeader(sheet.addRow(["field", "entry", "notes"]));
  const { laCode, laName, period, version } = RETURN_FIELDS;
  sheet.getCell(laCode.row, 1).value = laCode.label;
  sheet.getCell(laCode.row, 3).value = "Choose the LA's ONS code (e.g. E06000001); the 3-digit DfE code is also accepted.";
  sheet.getCell(laName.row, 1).value = laName.label;
  sheet.getCell(laName.row, 2).value = { formula: `IFERROR(VLOOKUP(B${laCode.row},la_table,2,FALSE),"")` };
  sheet.getCell(period.row, 1).value = period.label;
  sheet.getCell(period.row, 3).value = "A four-digit year: 2025 = year ending 31 March 2025.";
  sheet.getCell(version.row, 1).value = version.label;
  sheet.getCell(version.row, 2).value = TEMPLATE_VERSION;
  if (fill) {
    sheet.getCell(laCode.row, 2).value = fill.laCode;
    sheet.getCell(period.row, 2).value = fill.period;
  }
  for (const row of [laCode.row, period.row]) sheet.getCell(row, 2).protection = { locked: false };
  validations(sheet).add(cellReference(laCode.row, 2), {
    type: "list", allowBlank: true, formulae: [listRangeName("la_code")], showErrorMessage: true, errorStyle: "warning",
    errorTitle: "LA code", error: "Choose an LA code from the list.",
  });
  validations(sheet).add(cellReference(period.row, 2), {
    type: "whole", operator: "between", allowBlank: true, formulae: [2000, 2100], showErrorMessage: true,
    errorTitle: "Period", error: "Enter a four-digit year, e.g. 2025.",
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  await sheet.protect("", PROTECTION);
}

function rowLabel(measure: Measure, dims: PrefilledDims): string {
  const parts = measure.dimensions
    .map((d) => {
      const code = dims[d.column];
      if (code === undefined) return undefined;
      const list = CODE_LISTS[d.column];
      const name = list?.label ?? d.column;
      return `${name}: ${code === TOTAL ? "all" : (findCode(list, code)?.label ?? code)}`;
    })
    .filter((x): x is string => x !== undefined);
  const text = parts.length ? `${measure.label} - ${parts.join("; ")}` : measure.label;
  return measure.required ? `${text} [required]` : text;
}

async function addSection(workbook: ExcelJS.Workbook, sectionId: Measure["section"], sheetName: string, fill?: WorkbookFill): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName);
  const columns = sectionColumns(sectionId);
  sheet.columns = columns.map((c) => ({ width: c === "label" ? 70 : c === "measure" ? 34 : 22 }));
  styleHeader(sheet.addRow(columns));
  const valueColumn = columns.indexOf("value") + 1;
  const reasonColumn = columns.indexOf("missing_reason") + 1;
  for (const measure of MEASURES.filter((m) => m.section === sectionId)) {
    const own = new Set(measure.dimensions.map((d) => d.column as string));
    for (const dims of prefillRows(measure, { derivedCodes: fill !== undefined })) {
      const freeText = Object.keys(dims).length === 0 && own.size > 0;
      const values = columns.map((c) => (c === "measure" ? measure.id : c === "label" ? rowLabel(measure, dims) : (dims as Record<string, string>)[c] ?? null));
      const row = sheet.addRow(values);
      const r = row.number;
      columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        const isDimension = i >= 2 && i < valueColumn - 1;
        const input = column === "value" || column === "missing_reason" || (isDimension && freeText && own.has(column));
        cell.protection = { locked: !input };
        if (isDimension && !own.has(column)) cell.fill = LOCKED_FILL;
        if (column === "value" && measure.required) cell.fill = REQUIRED_FILL;
        if (input && isDimension && CODE_LISTS[column]) {
          validations(sheet).add(cellReference(r, i + 1), {
            type: "list", allowBlank: true, formulae: [listRangeName(column)], showErrorMessage: true,
            errorTitle: column, error: `Choose a ${column} code from the list.`,
          });
        }
      });
      const prefilled = fill && !freeText ? fill.value(measure, dims) : undefined;
      if (prefilled !== undefined) {
        const cell = row.getCell("value" in prefilled ? valueColumn : reasonColumn);
        cell.value = "value" in prefilled ? prefilled.value : prefilled.reason;
        cell.note = fill!.note;
        cell.fill = PREFILLED_FILL;
      }
      const decimal = isDecimalMeasure(measure);
      validations(sheet).add(cellReference(r, valueColumn), {
        type: decimal ? "decimal" : "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true,
        errorTitle: "value", error: decimal ? "Enter an amount of 0 or more." : "Enter a whole number of 0 or more.",
      });
      validations(sheet).add(cellReference(r, reasonColumn), {
        type: "list", allowBlank: true, formulae: [listRangeName("missing_reason")], showErrorMessage: true,
        errorTitle: "missing_reason", error: "Choose a reason from the list, or leave blank.",
      });
    }
  }
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 2 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  await sheet.protect("", PROTECTION);
}

/**
 * Generate the blank template workbook (.xlsx bytes). Deterministic content: same
 * TEMPLATE, same sheets, cells, validations and document dates every time.
 * Reference: DOMAIN.md section 5 (the national sufficiency template).
 * @throws Error only if exceljs fails to serialise (a programmer error).
 * @example (await blankWorkbook()).byteLength > 10_000 // true
 */
export async function blankWorkbook(): Promise<Uint8Array> {
  return templateWorkbook();
}

/**
 * The template workbook, blank or with the LA, period and some values filled in (see
 * WorkbookFill): the same sheets, dropdowns, validations and protection either way, so a
 * pre-filled workbook is the LA's return to finish. Deterministic.
 * @throws Error only if exceljs fails to serialise (a programmer error).
 * @example (await templateWorkbook()).byteLength > 10_000 // true
 */
export async function templateWorkbook(fill?: WorkbookFill): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sufficiency Toolkit";
  workbook.lastModifiedBy = "Sufficiency Toolkit";
  workbook.title = `National placement sufficiency return, template ${TEMPLATE_VERSION}`;
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;
  workbook.lastPrinted = TEMPLATE_DATE;
  addGuidance(workbook, fill);
  await addReturn(workbook, fill);
  for (const section of SECTIONS) await addSection(workbook, section.id, section.sheet, fill);
  addLists(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer), TEMPLATE_DATE);
}
