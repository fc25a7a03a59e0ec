/**
 * Return versions and their rows. A version is written once (draft or submitted) and
 * never changed, except that a clean draft may become submitted; a resubmission is a new
 * version that supersedes the previous one. Every query here runs under row-level
 * security (see asUser), so it returns only what the person asking may read.
 */
import type { DatasetRow } from "../../spec/dataset.ts";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import type { Queryable } from "./database.ts";
import type { ReadUpload } from "../returns/read-upload.ts";

export type ReturnStatus = "draft" | "submitted" | "superseded";

export interface ReturnVersion {
  id: number;
  la_code: string;
  period: string;
  version: number;
  /** draft, submitted, or superseded (a later version of the same LA and period was submitted). */
  status: ReturnStatus;
  file_name: string;
  file_kind: string;
  sha256: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  errors: number;
  warnings: number;
  rows_stored: number;
}

const VERSION_COLUMNS = `r.id, r.la_code, r.period, r.version,
  CASE WHEN r.status = 'submitted' AND EXISTS (SELECT 1 FROM returns n WHERE n.la_code = r.la_code AND n.period = r.period AND n.status = 'submitted' AND n.version > r.version) THEN 'superseded' ELSE r.status END AS status,
  r.file_name, r.file_kind, r.sha256, r.size_bytes, up.email AS uploaded_by, r.uploaded_at, sb.email AS submitted_by, r.submitted_at, r.errors, r.warnings, r.rows_stored`;
const VERSION_FROM = "returns r JOIN users up ON up.id = r.uploaded_by LEFT JOIN users sb ON sb.id = r.submitted_by";

function tidy(v: ReturnVersion): ReturnVersion {
  return { ...v, uploaded_at: new Date(v.uploaded_at).toISOString(), submitted_at: v.submitted_at ? new Date(v.submitted_at).toISOString() : null };
}

/** The measure and dimension values of a row: what identifies a cell within one LA's return. */
export function cellKey(row: Pick<DatasetRow, "measure" | "dims">): string {
  const dims = Object.entries(row.dims).filter(([, v]) => v !== undefined && v !== "").sort(([a], [b]) => a.localeCompare(b));
  return [row.measure, ...dims.map(([k, v]) => `${k}=${v}`)].join("|");
}

/** A version to store: what the upload reader gave, with who sent it, for which LA and period, and whether it is submitted. */
export interface NewVersion extends ReadUpload {
  la: string;
  period: string;
  userId: number;
  submit: boolean;
}

/**
 * Store a new version (the next number for its LA and period; concurrent uploads of one LA
 * are serialised by an advisory lock) with its rows, in the caller's transaction.
 * @throws when row-level security refuses the insert (not the user's LA).
 */
export async function insertVersion(tx: Queryable, v: NewVersion): Promise<{ id: number; version: number; status: "draft" | "submitted" }> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${v.la}/${v.period}`]);
  const next = await tx.query<{ n: number }>("SELECT coalesce(max(version), 0) + 1 AS n FROM returns WHERE la_code = $1 AND period = $2", [v.la, v.period]);
  const version = Number(next[0].n);
  const status = v.submit && v.errors === 0 ? "submitted" : "draft";
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO returns (la_code, period, version, status, file_name, file_kind, sha256, size_bytes, uploaded_by, submitted_by, submitted_at, errors, warnings, rows_stored, diagnostics)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, NULL, NULL, $9, $10, $11, $12) RETURNING id`,
    [v.la, v.period, version, v.fileName, v.kind, v.sha256, v.sizeBytes, v.userId, v.errors, v.warnings, v.rows.length, JSON.stringify(v.diagnostics)],
  );
  const id = inserted[0].id;
  const CHUNK = 2000;
  for (let start = 0; start < v.rows.length; start += CHUNK) {
    const part = v.rows.slice(start, start + CHUNK);
    const at = (i: number) => v.locations[start + i] ?? {};
    await tx.query(
      `INSERT INTO return_rows (return_id, ord, row_key, measure, value, value_status, sheet, cell, line, data)
       SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::double precision[], $6::text[], $7::text[], $8::text[], $9::integer[], $10::jsonb[])`,
      [id, part.map((_, i) => start + i), part.map(cellKey), part.map((r) => r.measure), part.map((r) => r.value), part.map((r) => r.value_status),
        part.map((_, i) => at(i).sheet ?? null), part.map((_, i) => at(i).cell ?? null), part.map((_, i) => at(i).row ?? null), part.map((r) => JSON.stringify(r))],
    );
  }
  if (status === "submitted") await submitVersion(tx, id, v.userId);
  return { id, version, status };
}

/** Submit a clean draft. @returns false when it is not a draft without errors (or not the user's). */
export async function submitVersion(tx: Queryable, id: number, userId: number): Promise<boolean> {
  const rows = await tx.query("UPDATE returns SET status = 'submitted', submitted_by = $2, submitted_at = clock_timestamp() WHERE id = $1 AND status = 'draft' AND errors = 0 RETURNING id", [id, userId]);
  return rows.length === 1;
}

/** Versions the user may read, newest first; optionally one period and/or one LA. */
export async function listVersions(tx: Queryable, filter: { period?: string; la?: string } = {}): Promise<ReturnVersion[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.period) { params.push(filter.period); where.push(`r.period = $${params.length}`); }
  if (filter.la) { params.push(filter.la); where.push(`r.la_code = $${params.length}`); }
  const rows = await tx.query<ReturnVersion>(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY r.period DESC, r.la_code, r.version DESC`, params);
  return rows.map(tidy);
}

export async function getVersion(tx: Queryable, id: number): Promise<(ReturnVersion & { diagnostics: Diagnostic[] }) | undefined> {
  const rows = await tx.query<ReturnVersion & { diagnostics: Diagnostic[] }>(`SELECT ${VERSION_COLUMNS}, r.diagnostics FROM ${VERSION_FROM} WHERE r.id = $1`, [id]);
  return rows[0] ? { ...tidy(rows[0]), diagnostics: rows[0].diagnostics } : undefined;
}

export interface StoredRow {
  row_key: string;
  measure: string;
  value: number | null;
  value_status: string;
  sheet: string | null;
  cell: string | null;
  line: number | null;
  data: DatasetRow;
}

export async function versionRows(tx: Queryable, id: number): Promise<StoredRow[]> {
  return tx.query<StoredRow>("SELECT row_key, measure, value, value_status, sheet, cell, line, data FROM return_rows WHERE return_id = $1 ORDER BY ord", [id]);
}

/** The latest submitted version of each LA the user may read, for a period. */
export async function latestSubmitted(tx: Queryable, period: string, las?: readonly string[]): Promise<ReturnVersion[]> {
  const all = await listVersions(tx, { period });
  const seen = new Set<string>();
  const out: ReturnVersion[] = [];
  for (const v of all) {
    if (v.status !== "submitted" || seen.has(v.la_code)) continue;
    if (las && !las.includes(v.la_code)) continue;
    seen.add(v.la_code);
    out.push(v);
  }
  return out;
}

/** The rows of several versions at once, as dataset rows. */
export async function rowsOfVersions(tx: Queryable, ids: readonly number[]): Promise<DatasetRow[]> {
  if (!ids.length) return [];
  const rows = await tx.query<{ data: DatasetRow }>("SELECT data FROM return_rows WHERE return_id = ANY($1::integer[]) ORDER BY return_id, ord", [ids]);
  return rows.map((r) => r.data);
}

export interface Period {
  period: string;
  due: string;
}

export async function listPeriods(tx: Queryable): Promise<Period[]> {
  const rows = await tx.query<{ period: string; due: string | Date }>("SELECT period, due::text AS due FROM periods ORDER BY period DESC");
  return rows.map((r) => ({ period: r.period, due: typeof r.due === "string" ? r.due.slice(0, 10) : r.due.toISOString().slice(0, 10) }));
}

export async function upsertPeriod(tx: Queryable, period: string, due: string): Promise<void> {
  await tx.query("INSERT INTO periods (period, due) VALUES ($1, $2) ON CONFLICT (period) DO UPDATE SET due = excluded.due", [period, due]);
}
