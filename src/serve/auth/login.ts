/**
 * Signing in and out: check the password (argon2id; an unknown email costs the same time
 * as a wrong password), start a session, and audit both outcomes.
 */
import { HttpError } from "../access.ts";
import { asUser } from "../storage/as-user.ts";
import type { Database } from "../storage/database.ts";
import { audit, createSession, deleteSession, userByEmail, type Session, type User } from "../storage/people.ts";
import { decoyHash, verifyPassword } from "./passwords.ts";
import type { LoginLimiter } from "./login-limiter.ts";

/** @throws HttpError 401 for a wrong email or password (the same message for both), 429 after too many failures. */
export async function login(db: Database, limiter: LoginLimiter, email: unknown, password: unknown, from: string): Promise<{ user: User; session: Session }> {
  if (typeof email !== "string" || typeof password !== "string" || !email || !password) throw new HttpError(401, "E_LOGIN", "Enter your email address and password.");
  limiter.check(from, email);
  const found = await asUser(db, null, (tx) => userByEmail(tx, email));
  const ok = await verifyPassword(found?.password_hash ?? (await decoyHash()), password);
  if (!found || !ok || found.disabled) {
    limiter.failed(from, email);
    await asUser(db, null, (tx) => audit(tx, found ? { id: found.id, email: found.email } : null, "login-failed", email.slice(0, 200), { from }));
    throw new HttpError(401, "E_LOGIN", "The email address or password is wrong.");
  }
  limiter.succeeded(from, email);
  const { password_hash: _hash, ...user } = found;
  void _hash;
  const session = await asUser(db, user.id, async (tx) => {
    const s = await createSession(tx, user.id);
    await audit(tx, user, "login", user.email, { from });
    return s;
  });
  return { user, session };
}

export async function logout(db: Database, user: User | null, token: string | undefined): Promise<void> {
  if (!token) return;
  await asUser(db, user?.id ?? null, async (tx) => {
    await deleteSession(tx, token);
    if (user) await audit(tx, user, "logout", user.email);
  });
}
