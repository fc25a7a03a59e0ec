/**
 * A finding about an LA's data. Bad data is never an exception: it is a Diagnostic
 * whose wording comes from the message catalogue (src/spec/messages/).
 */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable code from the catalogue, e.g. "E_UNKNOWN_LA". */
  code: string;
  severity: Severity;
  /** The input file (path as given by the user). */
  file?: string;
  /** Worksheet name for workbooks. */
  sheet?: string;
  /** A1-style cell reference for workbooks, e.g. "C7". */
  cell?: string;
  /** 1-based row number in the file (CSV: counting the header as row 1). */
  row?: number;
  /** Column header as the user wrote it. */
  column?: string;
  message: string;
  hint?: string;
}

/** True when the value looks like a Diagnostic. */
export function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.code === "string" && typeof d.message === "string" &&
    (d.severity === "error" || d.severity === "warning" || d.severity === "info");
}
