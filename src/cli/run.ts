/**
 * Runs the commander program so that no user ever sees a stack trace: SuffErrors print
 * `error CODE: message` (and a hint) and exit with their code; usage errors exit 2; any
 * other error prints a one-line message (set SUFF_DEBUG=1 for the stack) and exits 2.
 */
import type { Command } from "commander";
import { CommanderError } from "commander";
import { isSuffError } from "../spec/errors.ts";
import { explainFsError } from "../write/out-path.ts";

/** Parse argv and run the matching command; errors are printed for a person and set the exit code (never a stack trace). */
export async function runMain(program: Command, argv: string[]): Promise<void> {
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** Print an error for a person and return the exit code. */
export function reportError(error: unknown): number {
  error = explainFsError(error);
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
    return 2;
  }
  if (isSuffError(error)) {
    process.stderr.write(`error ${error.code}: ${error.message}\n`);
    if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error E_INTERNAL: ${message}\n`);
  if (process.env.SUFF_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 2;
}
