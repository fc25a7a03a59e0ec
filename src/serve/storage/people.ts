/**
 * People, sessions, machine tokens and the audit log. Tokens and session ids are random
 * 256-bit values; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "./database.ts";

export type Role = "submitter" | "lead" | "analyst" | "admin";
export const ROLES: readonly Role[] = ["submitter", "lead", "analyst", "admin"];

export interface User {
  id: number;
  email: string;
  role: Role;
  /** Old DfE code of a submitter's LA. */
  la_code: string | null;
  footprint_code: string | null;
  footprint_name: string | null;
  /** Old DfE codes of a lead's footprint's LAs. */
  footprint_las: string[];
  disabled: boolean;
  created_at?: string;
}

const USER_COLUMNS = "u.id, u.email, u.role, u.la_code, u.footprint_code, f.name AS footprint_name, coalesce(f.la_codes, '{}') AS footprint_las, u.disabled, u.created_at";

/** SHA-256 of a secret, hex. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new random secret (base64url, 43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function userByEmail(tx: Queryable, email: string): Promise<(User & { password_hash: string }) | undefined> {
  const rows = await tx.query<User & { password_hash: string }>(`SELECT ${USER_COLUMNS}, u.password_hash FROM users u LEFT JOIN footprints f ON f.code = u.footprint_code WHERE lower(u.email) = lower($1)`, [email]);
  return rows[0];
}

export async function userById(tx: Queryable, id: number): Promise<User | undefined> {
  return (await tx.query<User>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN footprints f ON f.code = u.footprint_code WHERE u.id = $1`, [id]))[0];
}

export async function listUsers(tx: Queryable): Promise<User[]> {
  return tx.query<User>(`SELECT ${USER_COLUMNS} FROM users u LEFT JOIN footprints f ON f.code = u.footprint_code ORDER BY u.email`);
}

export interface NewUser {
  email: string;
  role: Role;
  la?: string;
  footprint?: { code: string; name: string; laCodes: string[]; source: string };
  passwordHash: string;
}

/** Insert a user (and their footprint, replacing its members if known). @throws on a duplicate email (unique violation). */
export async function insertUser(tx: Queryable, user: NewUser): Promise<number> {
  if (user.footprint) {
    await tx.query("INSERT INTO footprints (code, name, la_codes, source) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET name = excluded.name, la_codes = excluded.la_codes, source = excluded.source", [user.footprint.code, user.footprint.name, user.footprint.laCodes, user.footprint.source]);
  }
  const rows = await tx.query<{ id: number }>("INSERT INTO users (email, role, la_code, footprint_code, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id", [user.email, user.role, user.la ?? null, user.footprint?.code ?? null, user.passwordHash]);
  return rows[0].id;
}

export async function setDisabled(tx: Queryable, id: number, disabled: boolean): Promise<void> {
  await tx.query("UPDATE users SET disabled = $2 WHERE id = $1", [id, disabled]);
  if (disabled) await tx.query("DELETE FROM sessions WHERE user_id = $1", [id]);
}

export interface Session {
  token: string;
  csrf: string;
}

/** Start a session of 12 hours. */
export async function createSession(tx: Queryable, userId: number): Promise<Session> {
  const token = newSecret();
  const csrf = newSecret();
  await tx.query("DELETE FROM sessions WHERE expires_at < now()");
  await tx.query("INSERT INTO sessions (id, user_id, csrf, expires_at) VALUES ($1, $2, $3, now() + interval '12 hours')", [secretHash(token), userId, csrf]);
  return { token, csrf };
}

/** The user of a live session, with its CSRF token. */
export async function sessionUser(tx: Queryable, token: string): Promise<{ user: User; csrf: string } | undefined> {
  const rows = await tx.query<{ user_id: number; csrf: string }>("SELECT user_id, csrf FROM sessions WHERE id = $1 AND expires_at > now()", [secretHash(token)]);
  if (!rows[0]) return undefined;
  const user = await userById(tx, rows[0].user_id);
  return user && !user.disabled ? { user, csrf: rows[0].csrf } : undefined;
}

export async function deleteSession(tx: Queryable, token: string): Promise<void> {
  await tx.query("DELETE FROM sessions WHERE id = $1", [secretHash(token)]);
}

/** A machine token for the API (shown once): `suff_` + 43 characters. */
export async function createToken(tx: Queryable, userId: number, name: string): Promise<string> {
  const token = `suff_${newSecret()}`;
  await tx.query("INSERT INTO tokens (user_id, name, token_hash) VALUES ($1, $2, $3)", [userId, name, secretHash(token)]);
  return token;
}

export async function tokenUser(tx: Queryable, token: string): Promise<User | undefined> {
  const rows = await tx.query<{ user_id: number }>("SELECT user_id FROM tokens WHERE token_hash = $1 AND NOT revoked", [secretHash(token)]);
  if (!rows[0]) return undefined;
  const user = await userById(tx, rows[0].user_id);
  return user && !user.disabled ? user : undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  user_id: number | null;
  email: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Append to the audit log (the table refuses updates and deletes). */
export async function audit(tx: Queryable, who: { id: number; email: string } | null, action: string, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.query("INSERT INTO audit_log (user_id, email, action, target, detail) VALUES ($1, $2, $3, $4, $5)", [who?.id ?? null, who?.email ?? null, action, target, JSON.stringify(detail)]);
}

export async function auditEntries(tx: Queryable, limit = 100000): Promise<AuditEntry[]> {
  const rows = await tx.query<AuditEntry>("SELECT id, at, user_id, email, action, target, detail FROM audit_log ORDER BY id DESC LIMIT $1", [limit]);
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() }));
}
