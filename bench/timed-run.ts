/**
 * A timed run of a command in a fresh process for the benches: wall-clock seconds, the load
 * average just before (the machine is shared), whether it succeeded, and its output. A
 * failure is printed, not thrown, so one failed run does not hide the others' figures.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";

export interface TimedRun { seconds: number; load: string; ok: boolean; stderr: string; stdout: string }

export function timedRun(cwd: string, label: string, args: string[]): TimedRun {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) console.error(`${label} failed: ${r.stderr.slice(-2000)}`);
  console.log(`${label}: ${seconds.toFixed(1)} s (load before ${load})`);
  return { seconds, load, ok: r.status === 0, stderr: r.stderr, stdout: r.stdout };
}
