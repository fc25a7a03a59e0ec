/**
 * The `--dataset` mode of `suff forecast`: forecast a template measure from a dataset folder
 * made by `suff ingest`, by LA, footprint and England (optionally by dimensions), reconciled,
 * written as tidy EES-style CSV with interval columns. Parse, call, print; no logic.
 */
import { readFileSync } from "node:fs";
import { SuffError } from "../spec/errors.ts";
import { DIMENSION_COLUMNS, type DimensionColumn } from "../spec/dataset.ts";
import { parseFootprints } from "../aggregate/parse-footprints.ts";
import { loadDataset } from "../ingest/load-dataset.ts";
import { forecastDataset, forecastDatasetColumns } from "../forecast/forecast-dataset.ts";
import { RECONCILE_METHODS, type ReconcileMethod } from "../forecast/reconcile.ts";
import { MODEL_NAMES, modelByName } from "../forecast/model-registry.ts";
import { writeFileAtomic } from "../write/atomic.ts";
import { toCsv } from "../write/csv.ts";

export interface DatasetModeOptions {
  dataset: string;
  measure?: string;
  by?: string;
  footprints?: string;
  reconcile?: string;
  /** A --model name; "auto" (default) means the pooled-rate model with the dataset's population. */
  model?: string;
  out: string;
}

/** Accept "mint" as short for mint-shrink and "wls" for wls-structural. */
function reconcileMethod(text: string | undefined): ReconcileMethod | "none" {
  const name = (text ?? "mint-shrink").trim().toLowerCase();
  if (name === "none") return "none";
  const resolved = name === "mint" ? "mint-shrink" : name === "wls" ? "wls-structural" : name;
  if (!(RECONCILE_METHODS as readonly string[]).includes(resolved)) throw new SuffError("E_USAGE", `unknown --reconcile ${JSON.stringify(text)}`, { hint: `choose one of: mint, ${RECONCILE_METHODS.join(", ")}, none` });
  return resolved as ReconcileMethod;
}

/**
 * Runs `suff forecast --dataset DIR --measure ID [--by DIMS] [--footprints FILE] [--reconcile METHOD] --horizon H --out OUT.csv`.
 * @throws SuffError E_USAGE for a missing --measure, an unknown dimension or method; errors of loadDataset and forecastDataset.
 * @example runDatasetMode({ dataset: "tmp", measure: "cla_31_march", out: "f.csv" }, 3, [80, 95]) // writes f.csv
 */
export function runDatasetMode(options: DatasetModeOptions, horizon: number, levels: number[]): void {
  if (!options.measure) throw new SuffError("E_USAGE", "--dataset needs --measure ID", { hint: "e.g. suff forecast --dataset ds --measure cla_31_march --horizon 3 --out f.csv" });
  const by = (options.by ?? "").split(",").map((x) => x.trim()).filter((x) => x !== "");
  for (const column of by) if (!(DIMENSION_COLUMNS as readonly string[]).includes(column)) throw new SuffError("E_USAGE", `unknown dimension in --by: ${JSON.stringify(column)}`, { hint: `dimensions: ${DIMENSION_COLUMNS.join(", ")}` });
  const method = reconcileMethod(options.reconcile);
  let footprints;
  if (options.footprints) {
    let text: string;
    try {
      text = readFileSync(options.footprints, "utf8");
    } catch (error) {
      throw new SuffError("E_READ", `cannot read ${options.footprints}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const parsed = parseFootprints(text, { file: options.footprints });
    for (const d of parsed.diagnostics.slice(0, 50)) process.stderr.write(`${[d.file, d.row !== undefined ? `row ${d.row}` : undefined, d.column].filter(Boolean).join(":")}: ${d.severity} ${d.code} ${d.message}\n`);
    if (parsed.set.footprints.length === 0) throw new SuffError("E_NO_FOOTPRINTS", `${options.footprints} defines no usable footprint`, { hint: "CSV columns new_la_code,footprint_code,footprint_name" });
    footprints = parsed.set;
  }
  const named = options.model && options.model !== "auto" ? modelByName(options.model) : undefined;
  if (options.model && options.model !== "auto" && !named) throw new SuffError("E_USAGE", `unknown --model ${JSON.stringify(options.model)}`, { hint: `choose one of: ${MODEL_NAMES.join(", ")}` });
  const model = named === "auto" ? undefined : named;
  const { rows } = loadDataset(options.dataset);
  const result = forecastDataset(rows, { measure: options.measure, by: by as DimensionColumn[], footprints, reconcile: method, horizon, levels, model });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  const dimensions = [...new Set(result.rows.flatMap((r) => Object.keys(r.dims)))].sort((a, b) => DIMENSION_COLUMNS.indexOf(a as DimensionColumn) - DIMENSION_COLUMNS.indexOf(b as DimensionColumn)) as DimensionColumn[];
  const records = result.rows.map((r) => {
    const { dims, lower, upper, ...rest } = r;
    const record: Record<string, string | number> = { ...rest };
    for (const column of dimensions) record[column] = dims[column] ?? "";
    for (const level of levels) { record[`lo${level}`] = lower[level]; record[`hi${level}`] = upper[level]; }
    return record;
  });
  writeFileAtomic(options.out, toCsv(forecastDatasetColumns(dimensions, levels), records));
  const models = [...new Set(result.rows.map((r) => r.model))];
  process.stdout.write(`wrote ${options.out}: ${result.rows.length} rows (${options.measure}${by.length ? ` by ${by.join(", ")}` : ""}), horizon ${horizon}, reconciled with ${method}, model ${models.slice(0, 2).join("; ")}${models.length > 2 ? "; ..." : ""}\n`);
}
