#!/usr/bin/env node
// The `suff` command: runs the compiled CLI (dist/, built by `npm run build`, which
// `npm install` runs through the `prepare` script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write("error E_NOT_BUILT: the toolkit is not compiled (dist/cli.js is missing).\nhint: run `npm run build` in the toolkit's folder (npm install does this for you).\n");
  process.exit(2);
}
await import(compiled.href);
