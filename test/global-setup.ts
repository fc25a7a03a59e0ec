// Build dist/ (incremental: about a second when nothing changed) so that CLI tests run
// the compiled code a user runs, even when vitest is started without `npm test`.
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
