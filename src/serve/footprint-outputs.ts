/**
 * A footprint's outputs from what has been collected: the latest submitted version of each
 * member LA's return, merged cell by cell with the published data (the return's own
 * figures win, as in `suff ingest`), then
 *  1. aggregated to the footprint with disclosure control (k = 5), as `suff aggregate
 *     --to footprint --publish` writes it (CSV or Excel);
 *  2. the annual report with its forecast, as `suff report --scope footprint:CODE` writes
 *     it (HTML with its charts; the Excel annex holds every table, the forecast included).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatasetRow } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";
import { findLa } from "../reference/las.ts";
import { mergeRows } from "../ingest/ingest-files.ts";
import { aggregateDataset } from "../aggregate/aggregate-dataset.ts";
import { aggregateOutput } from "../aggregate/aggregate-output.ts";
import { buildReport } from "../report/build-report.ts";
import { prepareReportContext, resolveScope, scopeInput } from "../report/report-context.ts";
import { toCsv, type CsvCell } from "../write/csv.ts";
import { tablesToXlsx } from "../write/xlsx.ts";
import { writeReport } from "../write/report-files.ts";
import { HttpError } from "./access.ts";
import { asUser } from "./storage/as-user.ts";
import { audit, type User } from "./storage/people.ts";
import { latestSubmitted, rowsOfVersions } from "./storage/returns.ts";
import { checkPeriod, footprintFor, type ServiceContext } from "./service.ts";

export interface FootprintContext extends ServiceContext {
  /** The published data (a dataset folder's rows), when the service was given one. */
  published?: () => Promise<DatasetRow[]>;
}

interface Collected {
  set: FootprintSet;
  rows: DatasetRow[];
  members: number;
  submitted: Array<{ la: string; version: number; id: number }>;
}

async function collect(ctx: FootprintContext, user: User, code: string, period: string): Promise<Collected> {
  checkPeriod(period);
  const fp = await footprintFor(ctx, user, code);
  const { versions, returned } = await asUser(ctx.db, user.id, async (tx) => {
    const versions = await latestSubmitted(tx, period, fp.la_codes);
    return { versions, returned: await rowsOfVersions(tx, versions.map((v) => v.id)) };
  });
  const published = ctx.published ? await ctx.published() : [];
  const merged = mergeRows([
    { path: "submitted returns", kind: "long-csv", rows: returned },
    { path: "published data", kind: "published", rows: published },
  ]);
  const members = fp.la_codes.map((c) => findLa(c)?.newCode).filter((c): c is string => c !== undefined);
  return { set: { source: "collection service", footprints: [{ code: fp.code, name: fp.name, members }] }, rows: merged.rows, members: members.length, submitted: versions.map((v) => ({ la: v.la_code, version: v.version, id: v.id })) };
}

/**
 * The footprint's aggregate for a period with disclosure control, as CSV, Excel or JSON.
 * @throws HttpError 403/404 (footprint), 422 (period).
 */
export async function footprintAggregate(ctx: FootprintContext, user: User, code: string, period: string, format: "csv" | "xlsx" | "json" = "csv"): Promise<{ body: string | Uint8Array; contentType: string; fileName: string; summary: { members: number; submitted: Collected["submitted"]; rows: number } }> {
  const c = await collect(ctx, user, code, period);
  const year = Number(period);
  const result = aggregateDataset(c.rows, { to: c.set, years: { from: year, to: year }, publish: { k: 5, crossGeography: true } });
  const output = aggregateOutput(result, `Aggregates of the latest submitted returns and the published data to ${c.set.footprints[0].name} (${code}), year ending 31 March ${period}`);
  await asUser(ctx.db, user.id, (tx) => audit(tx, user, "download", `footprint ${code} aggregate`, { period, format, returns: c.submitted }));
  const summary = { members: c.members, submitted: c.submitted, rows: result.rows.length };
  const fileName = `${code.toLowerCase()}-${period}-aggregate.${format}`;
  if (format === "xlsx") return { body: await tablesToXlsx(output.sheets), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName, summary };
  if (format === "json") return { body: JSON.stringify({ footprint: code, period, ...summary, ...output.json as object }), contentType: "application/json", fileName, summary };
  return { body: toCsv(output.columns, output.records as Array<Record<string, CsvCell>>), contentType: "text/csv; charset=utf-8", fileName, summary };
}

/**
 * The footprint's annual report (with its forecast) for a period: the HTML report or its
 * Excel annex, as `suff report` writes them.
 * @throws HttpError 403/404 (footprint), 422 (period or too little data for a report).
 */
export async function footprintReport(ctx: FootprintContext, user: User, code: string, period: string, format: "html" | "xlsx"): Promise<{ body: Uint8Array; contentType: string; fileName: string }> {
  const c = await collect(ctx, user, code, period);
  let model;
  try {
    const report = prepareReportContext(c.rows, { year: Number(period), horizon: 3, footprints: c.set });
    model = buildReport(scopeInput(report, resolveScope(`footprint:${code}`, report), (ctx.now?.() ?? new Date()).toISOString().slice(0, 10)));
  } catch (error) {
    throw new HttpError(422, "E_REPORT", `No report can be built yet for ${c.set.footprints[0].name} in ${period}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "suff-serve-report-"));
  try {
    await writeReport(model, dir, [format], { png: false });
    const file = format === "html" ? "report.html" : "annex.xlsx";
    const body = new Uint8Array(readFileSync(path.join(dir, file)));
    await asUser(ctx.db, user.id, (tx) => audit(tx, user, "download", `footprint ${code} report`, { period, format, returns: c.submitted }));
    return { body, contentType: format === "html" ? "text/html; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName: `${code.toLowerCase()}-${period}-report.${format}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
