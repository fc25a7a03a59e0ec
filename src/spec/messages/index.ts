/**
 * The message catalogue: every diagnostic's wording lives here, one file per area,
 * merged below. Codes are stable; messages use {placeholders} filled by `diagnostic()`.
 */
import type { Diagnostic, Severity } from "../diagnostic.ts";
import type { Catalogue, MessageEntry } from "./types.ts";
import { ingestMessages } from "./ingest.ts";
import { validateMessages } from "./validate.ts";
import { ssda903Messages } from "./ssda903.ts";
import { aggregateMessages } from "./aggregate.ts";
import { forecastMessages } from "./forecast.ts";

export type { Catalogue, MessageEntry } from "./types.ts";

/** Each area's catalogue, by area: a code must be defined in exactly one (tested). */
export const CATALOGUES: Record<string, Catalogue> = { ingest: ingestMessages, validate: validateMessages, ssda903: ssda903Messages, aggregate: aggregateMessages, forecast: forecastMessages };

export const MESSAGES: Catalogue = { ...ingestMessages, ...validateMessages, ...ssda903Messages, ...aggregateMessages, ...forecastMessages };

function fill(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * Build a Diagnostic from a catalogue code.
 * @throws Error when the code is not in the catalogue (a programmer error).
 * @example diagnostic("E_UNKNOWN_LA", { code: "999" }, { file: "a.csv", row: 3 }).severity // "error"
 */
export function diagnostic(
  code: string,
  params: Record<string, unknown> = {},
  where: Partial<Pick<Diagnostic, "file" | "sheet" | "cell" | "row" | "column">> & { severity?: Severity } = {},
): Diagnostic {
  const entry: MessageEntry | undefined = MESSAGES[code];
  if (!entry) throw new Error(`Unknown diagnostic code ${code}`);
  const { severity, ...location } = where;
  const out: Diagnostic = { code, severity: severity ?? entry.severity, ...location, message: fill(entry.message, params) };
  if (entry.hint) out.hint = fill(entry.hint, params);
  return out;
}
