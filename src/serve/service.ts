/**
 * What the collection service does, once, for both the web pages and the JSON API:
 * upload and submit returns, list and read versions, the status board, the difference
 * between versions, the footprint's aggregate and report, people, periods and the audit
 * log. Every operation checks access in code and then runs under row-level security.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import { findLa, lasInYear } from "../reference/las.ts";
import { HttpError, canRead, canReadFootprint, canWrite, requireRole } from "./access.ts";
import { readUpload, UnreadableUpload, type UploadedFile } from "./returns/read-upload.ts";
import { asUser } from "./storage/as-user.ts";
import type { Database } from "./storage/database.ts";
import type { UploadQueue } from "./upload-queue.ts";
import { audit, type User } from "./storage/people.ts";
import { getVersion, insertVersion, listPeriods, listVersions, submitVersion, versionRows, type ReturnVersion } from "./storage/returns.ts";

export interface ServiceContext {
  db: Database;
  /** Uploads read and stored at once (default: no limit). */
  uploads?: UploadQueue;
  /** Today (injected by tests). */
  now?: () => Date;
}

export interface UploadOutcome {
  id: number;
  version: number;
  la: string;
  period: string;
  status: "draft" | "submitted";
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** A period is YYYY (the year ending 31 March). */
export function checkPeriod(period: unknown): string {
  if (typeof period !== "string" || !/^\d{4}$/.test(period)) throw new HttpError(422, "E_PERIOD", `The period must be a year such as 2026 (the year ending 31 March), not '${String(period ?? "")}'.`);
  return period;
}

/**
 * Read, validate and store an upload as the next version of the submitter's return. With
 * `submit`, a clean return is submitted at once; a return with errors is always a draft.
 * @throws HttpError 403 for anyone but a submitter; 413/422 for an unreadable file.
 */
export async function uploadReturn(ctx: ServiceContext, user: User, input: { period: string; files: UploadedFile[]; submit: boolean }): Promise<UploadOutcome> {
  requireRole(user, "submitter");
  return ctx.uploads ? ctx.uploads.run(() => storeUpload(ctx, user, input)) : storeUpload(ctx, user, input);
}

async function storeUpload(ctx: ServiceContext, user: User, input: { period: string; files: UploadedFile[]; submit: boolean }): Promise<UploadOutcome> {
  const period = checkPeriod(input.period);
  const la = user.la_code!;
  let read;
  try {
    read = await readUpload(input.files, { la, period, today: ctx.now?.() });
  } catch (error) {
    if (error instanceof UnreadableUpload) {
      await asUser(ctx.db, user.id, (tx) => audit(tx, user, "upload-refused", `${la}/${period}`, { file: input.files.map((f) => f.name).join(" + "), code: error.code }));
      throw new HttpError(error.status, error.code, error.message, error.hint);
    }
    throw error;
  }
  const stored = await asUser(ctx.db, user.id, async (tx) => {
    const result = await insertVersion(tx, { la, period, userId: user.id, submit: input.submit, fileName: read.fileName, kind: read.kind, sha256: read.sha256, sizeBytes: read.sizeBytes, rows: read.rows, locations: read.locations, diagnostics: read.diagnostics, errors: read.errors, warnings: read.warnings });
    await audit(tx, user, "upload", `return ${result.id}`, { la, period, version: result.version, file: read.fileName, sha256: read.sha256, errors: read.errors, warnings: read.warnings });
    if (result.status === "submitted") await audit(tx, user, "submit", `return ${result.id}`, { la, period, version: result.version });
    return result;
  });
  return { ...stored, la, period, errors: read.errors, warnings: read.warnings, diagnostics: read.diagnostics };
}

/** Submit a clean draft. @throws HttpError 404 (not visible), 403 (not the user's LA), 409 (not a clean draft). */
export async function submitReturn(ctx: ServiceContext, user: User, id: number): Promise<ReturnVersion> {
  return asUser(ctx.db, user.id, async (tx) => {
    const v = await getVersion(tx, id);
    if (!v) throw new HttpError(404, "E_NOT_FOUND", `There is no return ${id}.`);
    if (!canWrite(user, v.la_code)) throw new HttpError(403, "E_FORBIDDEN", "Only a submitter of this LA can submit its return.");
    if (v.status !== "draft") throw new HttpError(409, "E_NOT_DRAFT", `Version ${v.version} is already ${v.status}.`);
    if (v.errors > 0) throw new HttpError(409, "E_HAS_ERRORS", `Version ${v.version} has ${v.errors} error(s): fix them and upload the return again.`);
    if (!(await submitVersion(tx, id, user.id))) throw new HttpError(409, "E_NOT_DRAFT", "The return could not be submitted.");
    await audit(tx, user, "submit", `return ${id}`, { la: v.la_code, period: v.period, version: v.version });
    return (await getVersion(tx, id))!;
  });
}

export async function listReturns(ctx: ServiceContext, user: User, filter: { period?: string; la?: string }): Promise<ReturnVersion[]> {
  if (filter.period !== undefined) checkPeriod(filter.period);
  if (filter.la !== undefined && !canRead(user, filter.la)) throw new HttpError(403, "E_FORBIDDEN", "You cannot read this LA's returns.");
  const rows = await asUser(ctx.db, user.id, (tx) => listVersions(tx, filter));
  return rows.filter((r) => canRead(user, r.la_code));
}

export async function getReturn(ctx: ServiceContext, user: User, id: number): Promise<ReturnVersion & { diagnostics: Diagnostic[] }> {
  const v = Number.isInteger(id) ? await asUser(ctx.db, user.id, (tx) => getVersion(tx, id)) : undefined;
  // Another LA's return is "not found" (the database does not show it), not "forbidden".
  if (!v || !canRead(user, v.la_code)) throw new HttpError(404, "E_NOT_FOUND", `There is no return ${id} that you can read.`);
  return v;
}

export interface CellChange {
  key: string;
  measure: string;
  dims: DatasetRow["dims"];
  before: string;
  after: string;
  sheet: string | null;
  cell: string | null;
}

function shown(value: number | null, status: string): string {
  return value === null ? (status === "missing" ? "" : status) : String(value);
}

/**
 * The cells that differ between two versions of one LA's return (`from` defaults to the
 * version before `id`).
 */
export async function returnDiff(ctx: ServiceContext, user: User, id: number, fromId?: number): Promise<{ from: ReturnVersion | null; to: ReturnVersion; changes: CellChange[] }> {
  const to = await getReturn(ctx, user, id);
  return asUser(ctx.db, user.id, async (tx) => {
    let from: ReturnVersion | undefined;
    if (fromId !== undefined) {
      from = await getVersion(tx, fromId);
      if (!from || !canRead(user, from.la_code)) throw new HttpError(404, "E_NOT_FOUND", `There is no return ${fromId} that you can read.`);
      if (from.la_code !== to.la_code) throw new HttpError(422, "E_DIFF_LA", "Compare versions of the same LA's return.");
    } else {
      from = (await listVersions(tx, { la: to.la_code, period: to.period })).find((v) => v.version === to.version - 1);
    }
    const after = await versionRows(tx, id);
    const before = from ? await versionRows(tx, from.id) : [];
    const old = new Map(before.map((r) => [r.row_key, r]));
    const changes: CellChange[] = [];
    const seen = new Set<string>();
    for (const r of after) {
      seen.add(r.row_key);
      const o = old.get(r.row_key);
      const a = shown(r.value, r.value_status);
      const b = o ? shown(o.value, o.value_status) : "";
      if (a !== b) changes.push({ key: r.row_key, measure: r.measure, dims: r.data.dims, before: b, after: a, sheet: r.sheet, cell: r.cell });
    }
    for (const o of before) {
      if (seen.has(o.row_key)) continue;
      const b = shown(o.value, o.value_status);
      if (b !== "") changes.push({ key: o.row_key, measure: o.measure, dims: o.data.dims, before: b, after: "", sheet: o.sheet, cell: o.cell });
    }
    return { from: from ?? null, to, changes };
  });
}

export type BoardStatus = "submitted" | "submitted late" | "draft with errors" | "draft" | "late" | "not started";

export interface BoardRow {
  la: string;
  new_code: string;
  name: string;
  region: string;
  status: BoardStatus;
  latest_version: number | null;
  latest_id: number | null;
  submitted_version: number | null;
  submitted_at: string | null;
  errors: number | null;
}

/** The status board of a period: every LA the user may read, and where its return stands. */
export async function statusBoard(ctx: ServiceContext, user: User, period: string): Promise<{ period: string; due: string | null; rows: BoardRow[]; counts: Record<BoardStatus, number> }> {
  requireRole(user, "lead", "analyst", "admin");
  checkPeriod(period);
  const { versions, due } = await asUser(ctx.db, user.id, async (tx) => ({
    versions: await listVersions(tx, { period }),
    due: (await listPeriods(tx)).find((p) => p.period === period)?.due ?? null,
  }));
  const today = (ctx.now?.() ?? new Date()).toISOString().slice(0, 10);
  const rows: BoardRow[] = [];
  for (const la of lasInYear(Number(period))) {
    if (!canRead(user, la.oldCode)) continue;
    const mine = versions.filter((v) => v.la_code === la.oldCode); // newest first
    const latest = mine[0];
    const submitted = mine.find((v) => v.status === "submitted");
    let status: BoardStatus;
    if (submitted) status = due && submitted.submitted_at && submitted.submitted_at.slice(0, 10) > due ? "submitted late" : "submitted";
    else if (due && today > due) status = "late";
    else if (!latest) status = "not started";
    else status = latest.errors > 0 ? "draft with errors" : "draft";
    rows.push({ la: la.oldCode, new_code: la.newCode, name: la.name, region: la.regionName, status, latest_version: latest?.version ?? null, latest_id: latest?.id ?? null, submitted_version: submitted?.version ?? null, submitted_at: submitted?.submitted_at ?? null, errors: latest?.errors ?? null });
  }
  const counts = { submitted: 0, "submitted late": 0, "draft with errors": 0, draft: 0, late: 0, "not started": 0 } as Record<BoardStatus, number>;
  for (const r of rows) counts[r.status]++;
  return { period, due, rows, counts };
}

/** Check that a footprint exists and that the user may read it. */
export async function footprintFor(ctx: ServiceContext, user: User, code: string): Promise<{ code: string; name: string; la_codes: string[] }> {
  const rows = await asUser(ctx.db, user.id, (tx) => tx.query<{ code: string; name: string; la_codes: string[] }>("SELECT code, name, la_codes FROM footprints WHERE code = $1", [code]));
  if (!rows[0]) throw new HttpError(404, "E_NOT_FOUND", `There is no footprint ${code}.`);
  if (!canReadFootprint(user, code)) throw new HttpError(403, "E_FORBIDDEN", `You cannot read footprint ${code}.`);
  return rows[0];
}

export async function listFootprints(ctx: ServiceContext, user: User): Promise<Array<{ code: string; name: string; la_codes: string[] }>> {
  const rows = await asUser(ctx.db, user.id, (tx) => tx.query<{ code: string; name: string; la_codes: string[] }>("SELECT code, name, la_codes FROM footprints ORDER BY name"));
  return rows.filter((f) => canReadFootprint(user, f.code));
}

/** LA name for display. */
export function laName(code: string): string {
  return findLa(code)?.name ?? code;
}
