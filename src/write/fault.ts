/**
 * Fault injection for tests of "outputs written whole": with SUFF_FAULT=NAME in the
 * environment, the process kills itself (SIGKILL: no clean-up, no exit handlers) when it
 * reaches the step NAME. Steps are named where outputs are written (see the callers of
 * faultPoint, e.g. dataset:after-files, dataset:after-move-old). Never set in normal use.
 */

/** Kill this process here when SUFF_FAULT names this step. */
export function faultPoint(step: string): void {
  if (process.env.SUFF_FAULT === step) {
    process.stderr.write(`SUFF_FAULT: killed at ${step}\n`);
    process.kill(process.pid, "SIGKILL");
  }
}
