import type { Severity } from "../diagnostic.ts";

/** One catalogue entry: the wording users see, with {placeholders}. */
export interface MessageEntry {
  severity: Severity;
  message: string;
  hint?: string;
}

export type Catalogue = Record<string, MessageEntry>;
