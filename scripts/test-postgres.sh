#!/usr/bin/env bash
# The collection service's tests (test/serve/) against a PostgreSQL server instead of the
# embedded PGlite. With SUFF_TEST_DATABASE_URL set (a superuser, or a user with CREATEDB
# and CREATEROLE, on a server CI started), runs against it. Otherwise starts a throwaway
# cluster from Debian's `postgresql` package (apt-get install -y postgresql) in a temporary
# folder on port ${SUFF_TEST_PG_PORT:-54329}, runs the tests, and removes it.
# Used by .ci/run; run it by hand with `bash scripts/test-postgres.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SUFF_TEST_DATABASE_URL:-}" ]; then
  exec npx vitest run test/serve
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql (or set SUFF_TEST_DATABASE_URL)" >&2
  exit 2
fi
PORT=${SUFF_TEST_PG_PORT:-54329}
DIR=$(mktemp -d /tmp/suff-pg-XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
stop() { as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap stop EXIT
as_pg "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres >"$DIR/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" -l "$DIR/server.log" -w start >/dev/null
export SUFF_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
npx vitest run test/serve
