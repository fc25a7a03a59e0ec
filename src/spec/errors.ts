/**
 * A run-stopping failure with a stable code. The CLI prints `code: message` and exits
 * with `exitCode` (2 = unreadable input or usage error). Never used for bad rows in
 * otherwise readable data: those are Diagnostics.
 */
export class SuffError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly hint?: string;
  constructor(code: string, message: string, options: { exitCode?: number; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SuffError";
    this.code = code;
    this.exitCode = options.exitCode ?? 2;
    this.hint = options.hint;
  }
}

/** True for a SuffError (also across module copies). */
export function isSuffError(value: unknown): value is SuffError {
  return value instanceof Error && (value as { name?: string }).name === "SuffError" &&
    typeof (value as { code?: unknown }).code === "string";
}
