// Run the compiled `suff` CLI (dist/cli.js, built by `npm run build`; vitest's global
// setup builds it) as a user would, in a child process.
import { spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";

/** The repository root. */
export const REPO = path.resolve(import.meta.dirname, "../..");

/** The compiled CLI entry point. */
export const SUFF = path.join(REPO, "dist", "cli.js");

/** Run `suff ARGS...` and return its exit status and output (cwd defaults to the repo root). */
export function runSuff(args: readonly string[], options: SpawnSyncOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [SUFF, ...args], { cwd: REPO, encoding: "utf8", maxBuffer: 256 * 2 ** 20, ...options }) as SpawnSyncReturns<string>;
}
