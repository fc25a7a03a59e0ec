/**
 * `suff ingest` on SSDA903 files: read (CSV or XML; header, episodes, UASC; any years and
 * LAs), clean, and derive the template measures for each LA and year ending 31 March.
 * Stages: 1. readSsda903, 2. cleanSsda903, 3. deriveTemplate. Cleaning counts come back as
 * info diagnostics. Nothing child-level is returned: only counts by LA and year.
 */
import type { CollectionYearStatement, ReadResult } from "../../spec/dataset.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { cleanSsda903, type CleanSsda903Options } from "./clean-ssda903.ts";
import { deriveTemplate } from "./derive-template.ts";
import { readSsda903, type CollectionYearConvention, type ReadSsda903Options, type Ssda903File, type YearReading } from "./read-ssda903.ts";

export type IngestSsda903Options = ReadSsda903Options & CleanSsda903Options;

/** At most this many returns are listed one by one in the manifest; above it, only the exceptions. */
const LISTED_RETURNS = 60;

/**
 * The manifest's statement of how YEAR labels were read.
 * @throws never.
 * @example collectionYearStatement([], undefined).reading // "none"
 */
export function collectionYearStatement(readings: readonly YearReading[], forced: CollectionYearConvention | undefined): CollectionYearStatement {
  const byConvention: Record<string, number> = {};
  for (const r of readings) byConvention[r.convention] = (byConvention[r.convention] ?? 0) + 1;
  const starts = byConvention.starts ?? 0;
  const ends = byConvention.ends ?? 0;
  const reading = starts + ends === 0 ? "none" : starts > ends ? "starts" : "ends";
  const all = readings.length <= LISTED_RETURNS;
  const shown = all ? readings : readings.filter((r) => r.basis === "assumed" || ((r.convention === "ends" || r.convention === "starts") && r.convention !== reading));
  return {
    setting: forced ?? "inferred",
    reading,
    by_convention: byConvention,
    listed: all ? "all" : "exceptions",
    returns: shown.map((r) => ({ la: r.la, year_label: r.label, year_ending: r.yearEnding, convention: r.convention, basis: r.basis, end_votes: r.endVotes, start_votes: r.startVotes })),
  };
}

/**
 * Template measures from a set of SSDA903 files (all read together, so returns of several
 * years link up).
 * @throws SuffError E_903_NO_LA when a table has no LA column and no LA is given; never on
 *   bad data: unreadable files and rows are diagnostics.
 * @example
 * const csv = (t: string) => new TextEncoder().encode(t);
 * const result = ingestSsda903([
 *   { name: "header.csv", bytes: csv("CHILD,SEX,DOB,UPN\nA1,1,01/06/2010,X\n") },
 *   { name: "episodes.csv", bytes: csv("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA1,01/05/2019,S,C2,N1,U1,PR1,,\n") },
 * ], { la: "202" });
 * result.rows.find((r) => r.measure === "cla_31_march" && r.dims.placement_type === "total" && r.dims.age_band === "total")?.value // 1
 */
export function ingestSsda903(files: Ssda903File[], options: IngestSsda903Options = {}): ReadResult {
  const raw = readSsda903(files, options);
  const cleaned = cleanSsda903(raw, options);
  const diagnostics = [...cleaned.diagnostics];
  const hasEpisodes = cleaned.files.some((f) => f.kind === "episodes");
  if (!hasEpisodes) diagnostics.push(diagnostic("E_903_NO_EPISODES", { files: files.map((f) => f.name).join(", ") }));
  const derived = deriveTemplate(cleaned.table);
  diagnostics.push(...derived.diagnostics);
  return {
    kind: "ssda903",
    rows: derived.rows,
    diagnostics,
    rowsRead: cleaned.rowsRead,
    rowsAccepted: cleaned.rowsAccepted,
    rowsRejected: cleaned.rowsRejected,
    rowsSkipped: cleaned.rowsSkipped,
    collectionYear: collectionYearStatement(cleaned.yearReadings, cleaned.collectionYear),
  };
}
