/**
 * Reads the inputs of weekly unit costs: a CSV the user supplies, or (by default) the
 * published files the documented default table is derived from: MHCLG Revenue Outturn RO3
 * 2024-25 (gross spend on children looked after: residential care, fostering, other) and
 * DfE children looked after at 31 March 2025 by placement group.
 *
 * User CSV columns: `placement_type` (a template placement type, placement group, or
 * SSDA903 PLACE code), optional `provider` (PR0-PR5), `weekly_cost` (GBP). Bad rows are
 * diagnostics (never read as zero).
 *
 * Reference: MHCLG "Local authority revenue expenditure and financing: 2024-25 outturn",
 * RO3 lines for children looked after; DfE "Children looked after in England including
 * adoptions" 2025, table of children looked after at 31 March by placement.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { SuffError } from "../spec/errors.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findLa } from "../reference/las.ts";
import { PLACEMENT_TYPE } from "../reference/code-lists.ts";
import { normaliseCode } from "../reference/code-tree.ts";
import { parsePublishedValue } from "../reference/markers.ts";

export interface UnitCostRow {
  /** Template placement type or placement group code. */
  placementType: string;
  /** PLACE_PROVIDER code (PR0-PR5) or null for any. */
  provider: string | null;
  weeklyCost: number;
}

/** Spend (GBP thousand, gross expenditure) and children at 31 March, summed over the LAs used. */
export interface PublishedCostInputs {
  spendThousands: { residential: number; fostering: number; uasc: number; other: number; total: number };
  /** Children looked after at 31 March by DfE placement group code. */
  children: Record<string, number>;
  /** ONS codes of the LAs used, or ["England"]. */
  las: string[];
  spendYear: string;
  childrenYear: number;
}

export type UnitCostSource =
  | { kind: "user"; file: string; rows: UnitCostRow[]; diagnostics: Diagnostic[] }
  | { kind: "published"; inputs: PublishedCostInputs; diagnostics: Diagnostic[] };

const RO3_FILE = "mhclg-ro3/ro3_2024_25_children_looked_after.csv";
const CLA_FILE = "dfe-cla/cla_on_31_march_by_characteristics_2021_2025.csv";
const CLA_YEAR = 2025;

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new SuffError("E_FILE_UNREADABLE", `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function readUserCosts(file: string): UnitCostSource {
  const records = parse(readText(file), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const keys = records.length > 0 ? Object.keys(records[0]) : [];
  const col = (name: string) => keys.find((k) => k.toLowerCase() === name);
  const typeCol = col("placement_type"), providerCol = col("provider"), costCol = col("weekly_cost");
  if (!typeCol || !costCol) {
    throw new SuffError("E_COSTS_COLUMNS", `${file} needs columns placement_type and weekly_cost (and optionally provider); found: ${keys.join(", ") || "none"}`);
  }
  const rows: UnitCostRow[] = [];
  const diagnostics: Diagnostic[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const code = normaliseCode(PLACEMENT_TYPE, record[typeCol] ?? "");
    if (!code || code.code === "total") {
      diagnostics.push(diagnostic("E_COST_BAD_TYPE", { row: line, file, value: JSON.stringify(String(record[typeCol] ?? "").slice(0, 40)) }, { file, row: line, column: typeCol }));
      return;
    }
    const parsed = parsePublishedValue(record[costCol]);
    if (parsed.value === null || parsed.value < 0) {
      diagnostics.push(diagnostic("E_COST_BAD_VALUE", { row: line, file }, { file, row: line, column: costCol }));
      return;
    }
    const provider = providerCol && record[providerCol] ? record[providerCol].toUpperCase() : null;
    rows.push({ placementType: code.code, provider, weeklyCost: parsed.value });
  });
  return { kind: "user", file, rows, diagnostics };
}

function readPublished(dir: string, las: string[] | undefined): UnitCostSource {
  const ro3 = parse(readText(path.join(dir, RO3_FILE)), { relax_column_count: true, bom: true }) as string[][];
  const header = ro3[0];
  const find = (part: string) => {
    const index = header.findIndex((h) => h.includes(part) && h.includes("Total Expenditure (C3"));
    if (index < 0) throw new SuffError("E_COSTS_PUBLISHED", `${RO3_FILE}: no column for '${part}' total expenditure`);
    return index;
  };
  const columns = {
    total: find("Children Looked After - Total"),
    residential: find("of which residential care"),
    fostering: find("of which fostering services"),
    uasc: find("of which asylum seeking"),
    other: find("of which other"),
  };
  const onsCol = header.indexOf("ONS Code");
  const classCol = header.indexOf("Class");
  const wanted = las && las.length > 0 ? las.map((code) => findLa(code)?.newCode).filter((c): c is string => c !== undefined) : [];
  const useLas = wanted.length > 0;
  const spend = { residential: 0, fostering: 0, uasc: 0, other: 0, total: 0 };
  const used: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const row of ro3.slice(1)) {
    const ons = (row[onsCol] ?? "").trim().toUpperCase();
    const include = useLas ? wanted.includes(ons) : row[classCol] === "Eng";
    if (!include) continue;
    const values = Object.fromEntries(Object.entries(columns).map(([k, i]) => [k, parsePublishedValue(row[i]).value]));
    if (Object.values(values).some((v) => v === null)) continue;
    for (const key of Object.keys(spend) as Array<keyof typeof spend>) spend[key] += values[key]!;
    used.push(useLas ? ons : "England");
  }
  if (used.length === 0) {
    throw new SuffError("E_COSTS_PUBLISHED", `${RO3_FILE} has no complete spend rows for ${useLas ? wanted.join(", ") : "England"}`, { hint: "Supply unit costs with --costs FILE." });
  }
  // The file has ~57,000 rows of every characteristic; only the placement rows of one year
  // are needed, so lines are pre-filtered before parsing (each kept line is parsed in full).
  const claLines = readText(path.join(dir, CLA_FILE)).split(/\r?\n/);
  const claText = [claLines[0], ...claLines.slice(1).filter((line) => line.startsWith(`${CLA_YEAR},`) && line.includes('"Placement"'))].join("\n");
  const cla = parse(claText, { columns: true, bom: true }) as Record<string, string>[];
  const children: Record<string, number> = {};
  for (const record of cla) {
    if (Number(record.time_period) !== CLA_YEAR || record.cla_group !== "Placement" || record.characteristic === "Total") continue;
    const include = useLas ? record.geographic_level === "Local authority" && used.includes(String(record.new_la_code).toUpperCase()) : record.geographic_level === "National";
    if (!include) continue;
    const code = normaliseCode(PLACEMENT_TYPE, record.characteristic);
    const value = parsePublishedValue(record.number).value;
    if (!code || value === null) continue;
    children[code.code] = (children[code.code] ?? 0) + value;
  }
  return { kind: "published", inputs: { spendThousands: spend, children, las: used, spendYear: "2024-25", childrenYear: CLA_YEAR }, diagnostics };
}

/**
 * Load unit cost inputs: the user's CSV when `file` is given, else the published RO3 and
 * DfE files under `publishedDir` (for the chosen LAs when they are found there, else England).
 * @throws SuffError E_FILE_UNREADABLE, E_COSTS_COLUMNS or E_COSTS_PUBLISHED.
 * @example loadUnitCosts({ publishedDir: "data/published" }).kind // "published"
 */
export function loadUnitCosts(options: { file?: string; publishedDir: string; las?: string[] }): UnitCostSource {
  return options.file ? readUserCosts(options.file) : readPublished(options.publishedDir, options.las);
}
