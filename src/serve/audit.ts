/**
 * The audit log for admins: read it, or export it as CSV (the export is itself audited).
 */
import { requireRole } from "./access.ts";
import { toCsv } from "../write/csv.ts";
import { asUser } from "./storage/as-user.ts";
import { audit, auditEntries, type AuditEntry, type User } from "./storage/people.ts";
import type { ServiceContext } from "./service.ts";

export async function auditLog(ctx: ServiceContext, user: User, limit = 500): Promise<AuditEntry[]> {
  requireRole(user, "admin");
  return asUser(ctx.db, user.id, (tx) => auditEntries(tx, limit));
}

export async function auditCsv(ctx: ServiceContext, user: User): Promise<string> {
  requireRole(user, "admin");
  return asUser(ctx.db, user.id, async (tx) => {
    await audit(tx, user, "download", "audit log", { format: "csv" });
    const entries = await auditEntries(tx);
    return toCsv(["id", "at", "user_id", "email", "action", "target", "detail"], entries.map((e) => ({ ...e, detail: JSON.stringify(e.detail) })));
  });
}
