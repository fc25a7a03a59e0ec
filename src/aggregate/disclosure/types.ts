/**
 * Disclosure control as a small linear system: cells (known or unknown to a reader) and
 * relations "total = sum of parts" between them. Generic: the caller maps a table (one
 * measure x geography x period across its dimensions), and optionally the LA cells behind
 * each footprint cell, onto cells and relations.
 */

export interface DisclosureCell {
  /** The value a reader would see, or null when it is already unknown to them. */
  value: number | null;
  /** Whether the small-count rule applies (counts of people, places, households...). */
  threshold: boolean;
  /** Whether this run may suppress the cell (it is part of the output being published). */
  suppressible: boolean;
  /** An already-unknown cell that must stay unknown (e.g. suppressed upstream). */
  protect?: boolean;
}

/** total = sum of parts, by cell index. */
export interface DisclosureRelation {
  total: number;
  parts: number[];
}

/** published = shown; primary = 1..k-1; secondary = hidden to protect another; unknown = null from the start. */
export type CellOutcome = "published" | "primary" | "secondary" | "unknown";

export interface DisclosureOutcome {
  status: CellOutcome[];
  /** Protected cells still derivable, with no suppressible cell left that could protect them. */
  residual: number[];
}
