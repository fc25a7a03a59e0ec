/**
 * Every request's database work runs here: in one transaction, as the role `suff_app`
 * (subject to row-level security), with `app.user_id` set to the person asking (or unset
 * for anonymous work such as logging in). A bug in a route therefore cannot read another
 * LA's return: the database does not return it.
 */
import type { Database, Queryable } from "./database.ts";

/**
 * Run `fn` as `userId` (null: nobody) in a transaction.
 * @example await asUser(db, 3, (tx) => tx.query("SELECT id FROM returns")) // only what user 3 may read
 */
export function asUser<T>(db: Database, userId: number | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL ROLE suff_app");
    await tx.query("SELECT set_config('app.user_id', $1, true)", [userId === null ? "" : String(userId)]);
    return fn(tx);
  });
}
