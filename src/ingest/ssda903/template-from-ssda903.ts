/**
 * `suff template --from-ssda903`: an LA's national template for one period with every
 * measure its SSDA903 extract can give already filled in, the rest blank for the analyst.
 * Stages: 1. read, clean and derive the extract (ingestSsda903: the same figures `suff
 * ingest` gives); 2. keep the LA's rows for the period; 3. fill each template row from them
 * (prefillValues: groups are the sum of their parts); 4. the protected workbook with its
 * dropdowns (templateWorkbook), each pre-filled cell marked with a note and a pale fill, and
 * the long CSV with a `source` column (ssda903 for pre-filled rows, blank otherwise).
 * Nothing child-level is kept: only the LA's counts.
 */
import { findLa, findLaByName, laGeography, type LocalAuthority } from "../../reference/las.ts";
import { DATASET_COLUMNS, DIMENSION_COLUMNS, type CollectionYearStatement, type DatasetRow } from "../../spec/dataset.ts";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import { SuffError } from "../../spec/errors.ts";
import { TOOLKIT_VERSION } from "../../spec/version.ts";
import { templateWorkbook } from "../../template/blank-workbook.ts";
import { MEASURES } from "../../template/measures.ts";
import { hasFreeTextDimension, prefillRows } from "../../template/prefill-rows.ts";
import { prefillValues } from "../../template/prefill-values.ts";
import { ingestSsda903, type IngestSsda903Options } from "./ingest-ssda903.ts";
import type { Ssda903File } from "./read-ssda903.ts";

export interface TemplateFromSsda903Options extends IngestSsda903Options {
  /** The LA (old DfE code, ONS code or name): whose template, and the LA of files without an LA column. */
  la: string;
  /** The year ending 31 March. */
  period: number;
}

export type CsvValue = string | number | null;

export interface TemplateFromSsda903 {
  la: LocalAuthority;
  period: number;
  /** The template workbook (.xlsx bytes), pre-filled. */
  workbook: Uint8Array;
  /** The long CSV: columns and one record per template row (free-text provider and pipeline rows left out). */
  csv: { columns: string[]; records: Record<string, CsvValue>[] };
  /** Suggested file names: sufficiency-return-<ONS code>-<period>.xlsx / .csv. */
  names: { workbook: string; csv: string };
  /** Template value rows filled from the extract, and left blank (in the long CSV). */
  counts: { prefilled: number; blank: number };
  /** Measures with at least one pre-filled row. */
  measures: string[];
  /** The SSDA903 reader's diagnostics (file and row only, never child-level data). */
  diagnostics: Diagnostic[];
  collectionYear?: CollectionYearStatement;
}

/** The marker of pre-filled rows in the long CSV's source column. */
export const SSDA903_SOURCE = "ssda903";

/**
 * The LA's pre-filled template for the period.
 * @throws SuffError E_903_LA_OPTION for an unknown LA; E_903_NO_LA (a table without an LA
 *   column is taken to be the LA's own); E_903_NOT_IN_EXTRACT when the extract has no return
 *   of the LA for the period.
 * @example (await templateFromSsda903(loadSsda903Files("test/fixtures/ssda903-samples/combined"), { la: "202", period: 2021 })).counts.prefilled > 0 // true
 */
export async function templateFromSsda903(files: Ssda903File[], options: TemplateFromSsda903Options): Promise<TemplateFromSsda903> {
  const la = findLa(options.la) ?? findLaByName(options.la);
  if (!la) throw new SuffError("E_903_LA_OPTION", `--la ${options.la} is not a known LA code or name.`, { hint: "Give the LA's old DfE code (e.g. 202), ONS code (e.g. E09000007) or name." });
  const period = options.period;
  // 1. Read, clean and derive.
  const result = ingestSsda903(files, { ...options, la: la.oldCode });
  // 2. The LA's rows for the period.
  const rows: DatasetRow[] = result.rows.filter((r) => r.old_la_code === la.oldCode && r.time_period === String(period));
  if (!rows.some((r) => r.measure === "cla_31_march")) {
    const years = [...new Set(result.rows.filter((r) => r.old_la_code === la.oldCode).map((r) => r.time_period))].sort();
    const las = [...new Set(result.rows.map((r) => r.old_la_code))].sort();
    throw new SuffError("E_903_NOT_IN_EXTRACT", `The SSDA903 extract has no ${period} return (year ending 31 March ${period}) for ${la.name} (${la.oldCode}).`, {
      hint: years.length ? `Years ending 31 March in the extract for ${la.name}: ${years.join(", ")}.` : `LAs in the extract: ${las.join(", ") || "none"}.`,
    });
  }
  // 3. Fill the template rows.
  const value = prefillValues(rows);
  const readings = result.collectionYear;
  const yearNote = readings && readings.reading !== "none" ? ` YEAR labels read as the year the collection ${readings.reading} (${readings.setting}).` : "";
  const note = `Pre-filled from the LA's SSDA903 extract by the Sufficiency Toolkit ${TOOLKIT_VERSION} (the same figures suff ingest derives). Check it; you may overwrite it.`;
  const guidance = `Cells shaded pale blue, each with a note, were pre-filled from ${la.name}'s SSDA903 extract (${files.length} file${files.length === 1 ? "" : "s"}, year ending 31 March ${period}).${yearNote} Measures the SSDA903 return cannot give (supply, cost, unmet need, providers, and location where the extract lacks PL_LA/PL_DISTANCE) are left blank for you to complete.`;
  const workbook = await templateWorkbook({ laCode: la.newCode, period, value, note, guidance });
  // 4. The long CSV, one record per template row.
  const columns: string[] = [...DATASET_COLUMNS];
  if (!columns.includes("source")) columns.push("source");
  const geography = laGeography(la, period);
  const records: Record<string, CsvValue>[] = [];
  let prefilled = 0;
  const measures = new Set<string>();
  for (const measure of MEASURES) {
    if (hasFreeTextDimension(measure)) continue;
    for (const dims of prefillRows(measure, { derivedCodes: true })) {
      const filled = value(measure, dims);
      const record: Record<string, CsvValue> = { time_period: String(period), time_identifier: "Reporting year", ...geography, measure: measure.id };
      for (const column of DIMENSION_COLUMNS) record[column] = dims[column] ?? "";
      record.value = filled && "value" in filled ? filled.value : null;
      record.value_status = filled === undefined ? "" : "value" in filled ? "ok" : filled.reason;
      record.source = filled === undefined ? "" : SSDA903_SOURCE;
      if (filled !== undefined) { prefilled++; measures.add(measure.id); }
      records.push(record);
    }
  }
  const base = `sufficiency-return-${la.newCode}-${period}`;
  return {
    la,
    period,
    workbook,
    csv: { columns, records },
    names: { workbook: `${base}.xlsx`, csv: `${base}.csv` },
    counts: { prefilled, blank: records.length - prefilled },
    measures: [...measures],
    diagnostics: result.diagnostics,
    ...(result.collectionYear ? { collectionYear: result.collectionYear } : {}),
  };
}
