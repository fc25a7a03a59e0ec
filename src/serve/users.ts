/**
 * Adding people: one function for `suff users add` and the admin page. A submitter
 * belongs to one LA (old DfE or ONS code); a lead to one footprint (a region code, a
 * footprint already known to the service, or one from a footprints file).
 */
import type { FootprintSet } from "../spec/footprint.ts";
import { findLa } from "../reference/las.ts";
import { builtInFootprints } from "../aggregate/built-in-footprints.ts";
import { HttpError } from "./access.ts";
import { hashPassword } from "./auth/passwords.ts";
import { asUser } from "./storage/as-user.ts";
import type { Database, Queryable } from "./storage/database.ts";
import { audit, insertUser, ROLES, type Role, type User } from "./storage/people.ts";

export interface AddUserInput {
  email: string;
  role: string;
  la?: string;
  footprint?: string;
  /** Footprints parsed from a file (suff users add --footprints FILE). */
  footprints?: FootprintSet;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Check the input and resolve the LA and footprint. @throws HttpError 422 saying what is wrong. */
export interface ResolvedUser {
  email: string;
  role: Role;
  la?: string;
  /** A footprint to store (from a file or a region). */
  footprint?: { code: string; name: string; laCodes: string[]; source: string };
  /** A footprint already stored. */
  footprintCode?: string;
}

/**
 * The checks that need no database: email, role, password length, LA code.
 * @throws HttpError 422 saying what is wrong.
 */
export function checkNewUser(input: AddUserInput): { email: string; role: Role; la?: string } {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw new HttpError(422, "E_EMAIL", `'${email}' is not an email address.`);
  if (!ROLES.includes(input.role as Role)) throw new HttpError(422, "E_ROLE", `--role must be one of ${ROLES.join(", ")}, not '${input.role}'.`);
  const role = input.role as Role;
  if (input.password.length < 12) throw new HttpError(422, "E_PASSWORD", "The password must be at least 12 characters.");
  let la: string | undefined;
  if (role === "submitter") {
    const found = input.la ? findLa(input.la) : undefined;
    if (!found) throw new HttpError(422, "E_LA", input.la ? `Unknown LA code '${input.la}'.` : "A submitter needs an LA (--la CODE).", "Give the old 3-digit DfE code or the ONS code, e.g. 350 or E08000001.");
    la = found.oldCode;
  } else if (input.la) throw new HttpError(422, "E_LA", "Only a submitter belongs to an LA.");
  if (role === "lead" && !input.footprint?.trim()) throw new HttpError(422, "E_FOOTPRINT", "A lead needs a footprint (--footprint CODE, with --footprints FILE unless it is a region code).");
  if (role !== "lead" && input.footprint) throw new HttpError(422, "E_FOOTPRINT", "Only a lead belongs to a footprint.");
  return { email, role, la };
}

export async function resolveNewUser(tx: Queryable, input: AddUserInput): Promise<ResolvedUser> {
  const { email, role, la } = checkNewUser(input);
  let footprint: { code: string; name: string; laCodes: string[]; source: string } | undefined;
  if (role === "lead") {
    const code = input.footprint?.trim();
    if (!code) throw new HttpError(422, "E_FOOTPRINT", "A lead needs a footprint (--footprint CODE, with --footprints FILE unless it is a region code).");
    const fromSet = (set: FootprintSet) => set.footprints.find((f) => f.code === code);
    const given = input.footprints ? fromSet(input.footprints) : undefined;
    const region = fromSet(builtInFootprints("region"));
    const members = given ?? region;
    if (members) {
      const laCodes = [...new Set(members.members.map((c) => findLa(c)?.oldCode).filter((c): c is string => c !== undefined))].sort();
      footprint = { code, name: members.name, laCodes, source: given ? input.footprints!.source : "regions" };
    } else {
      const known = await tx.query<{ code: string }>("SELECT code FROM footprints WHERE code = $1", [code]);
      if (!known[0]) throw new HttpError(422, "E_FOOTPRINT", `Unknown footprint '${code}'.`, "Give --footprints FILE holding it, or a region code such as E12000002.");
    }
    if (!footprint) return { email, role, footprintCode: code };
  } else if (input.footprint) throw new HttpError(422, "E_FOOTPRINT", "Only a lead belongs to a footprint.");
  return { email, role, la, footprint };
}

/**
 * Add a person. `by` is the admin adding them (null from the command line, which runs as
 * the database's owner).
 * @throws HttpError 422 (bad input) or 409 (the email is taken).
 */
export async function addUser(db: Database, by: User | null, input: AddUserInput): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  const work = async (tx: Queryable) => {
    const resolved = await resolveNewUser(tx, input);
    const taken = await tx.query("SELECT 1 FROM users WHERE lower(email) = lower($1)", [resolved.email]);
    if (taken.length) throw new HttpError(409, "E_EMAIL_TAKEN", `${resolved.email} already has an account.`);
    let id: number;
    if (resolved.footprintCode && !resolved.footprint) {
      id = (await tx.query<{ id: number }>("INSERT INTO users (email, role, footprint_code, password_hash) VALUES ($1, 'lead', $2, $3) RETURNING id", [resolved.email, resolved.footprintCode, passwordHash]))[0].id;
    } else id = await insertUser(tx, { email: resolved.email, role: resolved.role, la: resolved.la, footprint: resolved.footprint, passwordHash });
    await audit(tx, by ? { id: by.id, email: by.email } : null, "user-add", resolved.email, { role: resolved.role, la: resolved.la ?? null, footprint: resolved.footprint?.code ?? resolved.footprintCode ?? null, by: by ? by.email : "command line" });
    return id;
  };
  return by ? asUser(db, by.id, work) : db.transaction(work);
}
