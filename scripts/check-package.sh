#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, install the tarball into an empty project
# from the npm registry (no overrides, no dev dependencies), then import it from plain
# Node and run the `suff` it installs. Used by .ci/run; run it by hand with
# `bash scripts/check-package.sh`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
npm run build --silent
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/consumer"
cd "$work/consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --omit=dev "$work/$tarball" >/dev/null
node --input-type=module -e '
import { existsSync } from "node:fs";
import path from "node:path";
import { forecast, etsModel, TEMPLATE, PUBLISHED_DATA_DIR } from "sufficiency-toolkit";
const fitted = etsModel().fit(Float64Array.of(167, 176, 193, 208, 163, 207, 257), { frequency: 1, nonNegative: true });
const band = fitted.forecast(3, [80, 95]);
if (typeof forecast !== "function" || band.mean.length !== 3 || !(TEMPLATE.measures.length > 40)) { console.error("the installed package does not work"); process.exit(1); }
if (!PUBLISHED_DATA_DIR.includes(path.join("node_modules", "sufficiency-toolkit")) || !existsSync(path.join(PUBLISHED_DATA_DIR, "dfe-cla"))) { console.error(`the published data are not where PUBLISHED_DATA_DIR says: ${PUBLISHED_DATA_DIR}`); process.exit(1); }
console.log(`import from plain Node: ok (ETS forecast ${Array.from(band.mean, (x) => x.toFixed(1)).join(", ")}; ${TEMPLATE.measures.length} template measures)`);
'
npx --no-install suff --help | head -n 3
# The collection service starts with no set-up (embedded PostgreSQL in ./suff-data) from the installed package.
npx --no-install suff serve --port 0 >serve.log 2>&1 &
serve=$!
for _ in $(seq 1 120); do grep -q "listening on" serve.log && break; sleep 0.5; done
url=$(grep -o "http://[^ ]*" serve.log | head -n 1)
node -e 'fetch(process.argv[1] + "/healthz").then((r) => r.json()).then((j) => { if (!j.ok) process.exit(1); console.log("suff serve from the installed package: ok"); })' "$url" || { cat serve.log; kill "$serve"; exit 1; }
kill "$serve"; wait "$serve" 2>/dev/null || true
echo "package check: ok ($tarball, $(du -k "$work/$tarball" | cut -f1) KiB)"
