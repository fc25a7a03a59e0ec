/**
 * Types of the aggregate stage: options, an aggregate row (a dataset row for a footprint,
 * region or England, with its coverage and rate), and the result.
 */
import type { Diagnostic } from "../spec/diagnostic.ts";
import { DIMENSION_COLUMNS, GEOGRAPHY_COLUMNS, type DatasetRow, type ValueStatus } from "../spec/dataset.ts";
import type { FootprintSet } from "../spec/footprint.ts";

export type AggregateTarget = "region" | "england" | FootprintSet;

export interface PublishOptions {
  /** Counts from 1 to k-1 are suppressed. Default 5. */
  k?: number;
  /**
   * Also protect the LA cells behind each aggregate: treat the member LAs' figures as
   * published elsewhere under the same rule, and add the relation "footprint = sum of its
   * LAs" so that a footprint figure minus published LA figures cannot reveal a small LA
   * count. Default true.
   */
  crossGeography?: boolean;
}

export interface AggregateOptions {
  to: AggregateTarget;
  /** Only these years (ending 31 March), inclusive. */
  years?: { from: number; to: number };
  /** Apply disclosure control for publication. */
  publish?: PublishOptions;
}

/**
 * One aggregate: the EES columns of a dataset row for the footprint plus its coverage.
 * A sum over members some of whose values are suppressed or missing is a lower bound and
 * carries value_status "estimated" with a note; missing is never treated as zero.
 */
export interface AggregateRow extends DatasetRow {
  footprint_code: string;
  footprint_name: string;
  /** value per 10,000 children aged 0-17 (ONS), for counts of children; null otherwise. */
  rate_per_10000: number | null;
  /** LAs of the footprint that reported that year (after boundary changes). */
  members_expected: number;
  /** Members with a value. */
  members_present: number;
  /** Members with no row or a missing value (not suppressed). */
  members_missing: number;
  /** Members whose value is suppressed or rounds to zero in the input. */
  members_suppressed: number;
  /** False when a boundary change splits a member's area between footprints that year. */
  comparable: boolean;
  /** Why the value is partial, suppressed or not comparable ("" when none). */
  note: string;
}

/** What one member LA contributed to an aggregate (kept for disclosure control). */
export interface MemberValue {
  oldCode: string;
  value: number | null;
  status: ValueStatus | "absent";
  /** The member's row came from a published source (DfE, Ofsted...) or says nothing of its source: a reader may know it. */
  published?: boolean;
}

/** A computed region/England figure next to the published one. */
export interface PublishedComparison {
  footprint_code: string;
  footprint_name: string;
  time_period: string;
  measure: string;
  dims: string;
  computed: number | null;
  computed_status: ValueStatus;
  published: number | null;
  published_status: ValueStatus;
  difference: number | null;
}

export interface DisclosureSummary {
  k: number;
  crossGeography: boolean;
  tables: number;
  primary: number;
  secondary: number;
  /** Suppressed cells still derivable from figures published elsewhere. */
  residual: number;
}

export interface AggregateResult {
  rows: AggregateRow[];
  diagnostics: Diagnostic[];
  /** Plain-language notes on method and limits, for the output's notes sheet. */
  notes: string[];
  /** For regions and England: computed vs published rows of the dataset. */
  comparison: PublishedComparison[];
  disclosure?: DisclosureSummary;
  /** What each member LA contributed to each summed row (not enumerable: never written out). */
  readonly contributions?: ReadonlyMap<AggregateRow, readonly MemberValue[]>;
}

/** Columns of the tidy aggregate CSV: EES columns, footprint, value, rate and coverage. */
export const AGGREGATE_COLUMNS = [
  ...GEOGRAPHY_COLUMNS,
  "footprint_code",
  "footprint_name",
  "measure",
  ...DIMENSION_COLUMNS,
  "value",
  "value_status",
  "rate_per_10000",
  "members_expected",
  "members_present",
  "members_missing",
  "members_suppressed",
  "comparable",
  "note",
] as const;
