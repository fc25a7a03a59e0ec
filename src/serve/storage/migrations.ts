/**
 * The versioned SQL migrations of the collection service, the same for PGlite and a
 * PostgreSQL server, applied in order at start by `migrate` (each in its own transaction,
 * recorded in `schema_migrations`; a server holds an advisory lock so two instances
 * starting together do not race). A migration, once released, is never edited: add the
 * next one.
 *
 * Access is enforced in the database too (PostgreSQL row-level security): requests run as
 * the role `suff_app`, which owns nothing, with `app.user_id` set for the transaction;
 * policies on `returns` and `return_rows` let a submitter see and write their own LA only,
 * a lead read their footprint's LAs, and analysts and admins read all. The tables are
 * FORCE ROW LEVEL SECURITY as well, so even their owner is subject to the policies.
 */
import type { Database } from "./database.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "people, periods, returns, audit",
    sql: `
DO $$ BEGIN CREATE ROLE suff_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN EXECUTE format('GRANT suff_app TO %I', current_user); EXCEPTION WHEN others THEN NULL; END $$;

CREATE TABLE footprints (
  code text PRIMARY KEY,
  name text NOT NULL,
  la_codes text[] NOT NULL,
  source text NOT NULL
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('submitter', 'lead', 'analyst', 'admin')),
  la_code text,
  footprint_code text REFERENCES footprints (code),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'submitter') = (la_code IS NOT NULL)),
  CHECK ((role = 'lead') = (footprint_code IS NOT NULL))
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE tokens (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked boolean NOT NULL DEFAULT false
);

CREATE TABLE periods (
  period text PRIMARY KEY CHECK (period ~ '^[0-9]{4}$'),
  due date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE returns (
  id serial PRIMARY KEY,
  la_code text NOT NULL,
  period text NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted')),
  file_name text NOT NULL,
  file_kind text NOT NULL,
  sha256 text NOT NULL,
  size_bytes integer NOT NULL,
  uploaded_by integer NOT NULL REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  submitted_by integer REFERENCES users (id),
  submitted_at timestamptz,
  errors integer NOT NULL,
  warnings integer NOT NULL,
  rows_stored integer NOT NULL,
  diagnostics jsonb NOT NULL,
  UNIQUE (la_code, period, version)
);
CREATE INDEX returns_period ON returns (period, la_code, version);

CREATE TABLE return_rows (
  return_id integer NOT NULL REFERENCES returns (id),
  ord integer NOT NULL,
  row_key text NOT NULL,
  measure text NOT NULL,
  data jsonb NOT NULL,
  value double precision,
  value_status text NOT NULL,
  sheet text,
  cell text,
  line integer,
  PRIMARY KEY (return_id, ord)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id integer,
  email text,
  action text NOT NULL,
  target text,
  detail jsonb NOT NULL DEFAULT '{}'
);

-- A version is immutable: the only change allowed is a clean draft becoming submitted.
CREATE FUNCTION returns_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'return versions are never deleted'; END IF;
  IF OLD.status <> 'draft' OR NEW.status <> 'submitted' OR NEW.errors <> 0
     OR (NEW.la_code, NEW.period, NEW.version, NEW.sha256, NEW.diagnostics, NEW.file_name, NEW.uploaded_by, NEW.uploaded_at)
        IS DISTINCT FROM (OLD.la_code, OLD.period, OLD.version, OLD.sha256, OLD.diagnostics, OLD.file_name, OLD.uploaded_by, OLD.uploaded_at)
  THEN RAISE EXCEPTION 'a return version is immutable: only a draft with no errors can be submitted'; END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER returns_immutable BEFORE UPDATE OR DELETE ON returns FOR EACH ROW EXECUTE FUNCTION returns_immutable();

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $f$;
CREATE TRIGGER return_rows_append_only BEFORE UPDATE OR DELETE ON return_rows FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION append_only();

-- Who is asking: set per transaction by the service (set_config('app.user_id', id, true)).
CREATE FUNCTION app_user_id() RETURNS integer LANGUAGE sql STABLE AS $f$
  SELECT nullif(current_setting('app.user_id', true), '')::integer
$f$;
CREATE FUNCTION app_can_read(la text) RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT EXISTS (
    SELECT 1 FROM users u LEFT JOIN footprints f ON f.code = u.footprint_code
    WHERE u.id = app_user_id() AND NOT u.disabled AND (
      u.role IN ('analyst', 'admin')
      OR (u.role = 'submitter' AND u.la_code = la)
      OR (u.role = 'lead' AND la = ANY (f.la_codes))))
$f$;
CREATE FUNCTION app_can_write(la text) RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = app_user_id() AND NOT u.disabled AND u.role = 'submitter' AND u.la_code = la)
$f$;

ALTER TABLE returns ENABLE ROW LEVEL SECURITY;
ALTER TABLE returns FORCE ROW LEVEL SECURITY;
CREATE POLICY returns_read ON returns FOR SELECT USING (app_can_read(la_code));
CREATE POLICY returns_insert ON returns FOR INSERT WITH CHECK (app_can_write(la_code) AND uploaded_by = app_user_id());
CREATE POLICY returns_submit ON returns FOR UPDATE USING (app_can_write(la_code)) WITH CHECK (app_can_write(la_code) AND submitted_by = app_user_id());

ALTER TABLE return_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE return_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY return_rows_read ON return_rows FOR SELECT USING (EXISTS (SELECT 1 FROM returns r WHERE r.id = return_id AND app_can_read(r.la_code)));
CREATE POLICY return_rows_insert ON return_rows FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM returns r WHERE r.id = return_id AND r.status = 'draft' AND app_can_write(r.la_code)));

GRANT USAGE ON SCHEMA public TO suff_app;
GRANT SELECT ON footprints, users, periods TO suff_app;
GRANT INSERT, UPDATE ON footprints, users, periods TO suff_app;
GRANT SELECT, INSERT, DELETE ON sessions, tokens TO suff_app;
GRANT UPDATE (revoked) ON tokens TO suff_app;
GRANT SELECT, INSERT, UPDATE ON returns TO suff_app;
GRANT SELECT, INSERT ON return_rows, audit_log TO suff_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO suff_app;
`,
  },
];

/**
 * Apply the migrations not yet applied, in version order, each in a transaction.
 * @returns the versions applied now.
 * @throws Error when the database holds a migration newer than this toolkit knows.
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
  return db.transaction(async (tx) => {
    if (db.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock(727113)");
    const done = new Set((await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version)));
    const newest = Math.max(0, ...MIGRATIONS.map((m) => m.version));
    const unknown = [...done].filter((v) => v > newest);
    if (unknown.length) throw new Error(`The database has migration ${unknown.join(", ")}, newer than this toolkit (${newest}): upgrade the toolkit.`);
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
