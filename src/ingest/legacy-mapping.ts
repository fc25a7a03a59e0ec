/**
 * The mapping file that lets a legacy LA spreadsheet (any layout) be read as a return:
 * which sheet, which header row, which header means which template column (header
 * aliases), value maps from the LA's wording to template codes, fixed values (LA code,
 * period, measure, dimension values), and for wide sheets which column holds which
 * measure and dimension values. Documented in data-templates/legacy-mapping.md.
 */
import { z } from "zod";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import { SuffError } from "../spec/errors.ts";

/** Template columns a header can map to. */
export const LEGACY_TARGETS = ["measure", "value", "missing_reason", "value_status", "new_la_code", "old_la_code", "time_period", ...DIMENSION_COLUMNS] as const;

const target = z.enum(LEGACY_TARGETS);
const aliases = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const fixedValues = z.partialRecord(target, z.string()).optional();

const wideColumn = z.object({
  header: aliases,
  measure: z.string().min(1).optional(),
  dims: z.partialRecord(z.enum(DIMENSION_COLUMNS), z.string()).optional(),
}).strict();

const sheetMapping = z.object({
  sheet: z.string().min(1),
  headerRow: z.number().int().min(1),
  firstDataRow: z.number().int().min(1).optional(),
  lastDataRow: z.number().int().min(1).optional(),
  columns: z.partialRecord(target, aliases).default({}),
  wide: z.array(wideColumn).optional(),
  valueMaps: z.partialRecord(target, z.record(z.string(), z.string())).optional(),
  fixed: fixedValues,
  skipRows: z.object({ column: z.string().min(1), values: z.array(z.string()).min(1) }).strict().optional(),
}).strict().refine((s) => s.wide !== undefined || s.columns.value !== undefined, { message: "a sheet needs a 'value' column or 'wide' columns" });

export const legacyMappingSchema = z.object({
  description: z.string().optional(),
  fixed: fixedValues,
  sheets: z.array(sheetMapping).min(1),
}).strict();

export type LegacyMapping = z.infer<typeof legacyMappingSchema>;
export type LegacySheetMapping = LegacyMapping["sheets"][number];

/**
 * Check a parsed mapping file.
 * @throws SuffError E_MAPPING_INVALID (exit code 2) listing every problem with its path.
 * @example legacyMapping({ sheets: [{ sheet: "Data", headerRow: 1, columns: { value: "Count", measure: "Measure" } }] }).sheets[0].sheet // "Data"
 */
export function legacyMapping(json: unknown, source = "mapping"): LegacyMapping {
  const parsed = legacyMappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ");
  throw new SuffError("E_MAPPING_INVALID", `${source} is not a valid legacy mapping: ${problems}.`, { hint: "See data-templates/legacy-mapping.md and legacy-mapping-example.json." });
}
