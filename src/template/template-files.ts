/**
 * The template files `suff template` writes, as (file name, bytes or text) pairs, so the
 * CLI only writes them and the drift test can compare them with data-templates/.
 */
import { SuffError } from "../spec/errors.ts";
import { blankWorkbook } from "./blank-workbook.ts";
import { templateCsvHeader } from "./template-csv-header.ts";
import { templateJsonSchema } from "./template-json-schema.ts";
import { templateMeasuresCsv } from "./template-measures-csv.ts";

export type TemplateFormat = "xlsx" | "csv" | "schema";
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ["xlsx", "csv", "schema"];
export const TEMPLATE_FILE_NAMES: Readonly<Record<TemplateFormat, string>> = {
  xlsx: "sufficiency-template.xlsx",
  csv: "sufficiency-template.csv",
  schema: "sufficiency-template.schema.json",
};

/** The measure dictionary written with the CSV header (format csv): required or optional, unit, dimensions. */
export const MEASURE_DICTIONARY_FILE_NAME = "sufficiency-template-measures.csv";

/**
 * Parse a comma list of formats ("xlsx,csv,schema").
 * @throws SuffError E_USAGE (exit code 2) for an unknown or empty format.
 * @example parseTemplateFormats("csv, xlsx") // ["csv", "xlsx"]
 */
export function parseTemplateFormats(text: string): TemplateFormat[] {
  const parts = text.split(",").map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0) throw new SuffError("E_USAGE", "No template format given.", { hint: "Use --format xlsx,csv,schema" });
  for (const p of parts) {
    if (!(TEMPLATE_FORMATS as readonly string[]).includes(p)) throw new SuffError("E_USAGE", `Unknown template format '${p}'.`, { hint: "Formats: xlsx, csv, schema" });
  }
  return [...new Set(parts)] as TemplateFormat[];
}

/**
 * Generate the requested template files.
 * @throws never for valid formats.
 * @example (await templateFiles(["csv"]))[0].name // "sufficiency-template.csv"
 */
export async function templateFiles(formats: readonly TemplateFormat[]): Promise<Array<{ name: string; data: string | Uint8Array }>> {
  const out: Array<{ name: string; data: string | Uint8Array }> = [];
  for (const format of formats) {
    const name = TEMPLATE_FILE_NAMES[format];
    if (format === "xlsx") out.push({ name, data: await blankWorkbook() });
    else if (format === "csv") out.push({ name, data: templateCsvHeader() }, { name: MEASURE_DICTIONARY_FILE_NAME, data: templateMeasuresCsv() });
    else out.push({ name, data: `${JSON.stringify(templateJsonSchema(), null, 2)}\n` });
  }
  return out;
}
