/**
 * Who may do what, in code (the database enforces the same with row-level security):
 * a submitter reads and writes their own LA; a lead reads their footprint's LAs; an
 * analyst reads all; an admin reads all and manages people and periods.
 */
import type { User } from "./storage/people.ts";

/** An HTTP error with a status the routes send as it is (401, 403, 404, 409, 413, 422). */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly hint?: string) {
    super(message);
    this.name = "HttpError";
  }
}

export function canRead(user: User, la: string): boolean {
  if (user.role === "analyst" || user.role === "admin") return true;
  if (user.role === "submitter") return user.la_code === la;
  return user.footprint_las.includes(la);
}

export function canWrite(user: User, la: string): boolean {
  return user.role === "submitter" && user.la_code === la;
}

/** Leads see their footprint; analysts and admins any footprint; submitters none. */
export function canReadFootprint(user: User, code: string): boolean {
  if (user.role === "analyst" || user.role === "admin") return true;
  return user.role === "lead" && user.footprint_code === code;
}

export function requireRole(user: User, ...roles: User["role"][]): void {
  if (!roles.includes(user.role)) throw new HttpError(403, "E_FORBIDDEN", `This needs the role ${roles.join(" or ")}; you are ${user.role === "admin" ? "an" : "a"} ${user.role}.`);
}
