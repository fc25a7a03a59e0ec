/**
 * Candidate footprint designs: each a named set of footprints (a footprint file: LA ->
 * footprint, overlapping and cross-region allowed). Built in: `regions` (the nine regions,
 * from the reference data) and `combined-authorities` (the 15 English combined and combined
 * county authorities of 2025, shipped in data/footprints/combined-authorities-2025.csv with
 * its source in data/footprints/README.md).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Footprint } from "../spec/footprint.ts";
import { SuffError } from "../spec/errors.ts";
import { builtInFootprints } from "../aggregate/built-in-footprints.ts";
import { loadFootprintSet } from "../aggregate/load-footprint-set.ts";

export interface Candidate {
  /** Short name used in every output (letters, digits, - and _). */
  name: string;
  /** Where its footprints came from. */
  source: string;
  footprints: Footprint[];
}

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../data/footprints");

/** Built-in candidates by name, with the file or reference they come from. */
export const BUILT_IN_CANDIDATES: Record<string, { source: string; load(): Footprint[] }> = {
  regions: { source: "the nine regions of England (ONS), from the toolkit's reference data", load: () => builtInFootprints("region").footprints },
  "combined-authorities": { source: "data/footprints/combined-authorities-2025.csv: the 15 combined and combined county authorities of England in 2025 (MHCLG; legislation.gov.uk establishment orders)", load: () => loadFootprintSet(path.join(DATA, "combined-authorities-2025.csv")).footprints },
};

const NAME = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The candidates of `--candidates NAME=FILE[,NAME=FILE...]` and `--include NAME[,NAME...]`.
 * @throws SuffError E_USAGE (exit 2) for a malformed or repeated name or an unknown built-in; E_FOOTPRINTS for a bad file.
 * @example parseCandidates(undefined, "regions")[0].footprints.length // 9
 */
export function parseCandidates(candidates: string | undefined, include: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  const add = (c: Candidate) => {
    if (!NAME.test(c.name)) throw new SuffError("E_USAGE", `Candidate name '${c.name}' must be 1 to 40 letters, digits, - or _.`, { exitCode: 2 });
    if (out.some((x) => x.name === c.name)) throw new SuffError("E_USAGE", `Candidate '${c.name}' is given twice.`, { exitCode: 2 });
    out.push(c);
  };
  for (const name of (include ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const built = BUILT_IN_CANDIDATES[name];
    if (!built) throw new SuffError("E_USAGE", `Unknown built-in candidate '${name}'.`, { exitCode: 2, hint: `Built in: ${Object.keys(BUILT_IN_CANDIDATES).join(", ")}.` });
    add({ name, source: built.source, footprints: built.load() });
  }
  for (const part of (candidates ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) throw new SuffError("E_USAGE", `--candidates takes NAME=FILE pairs, got '${part}'.`, { exitCode: 2, hint: "e.g. --candidates mine=my-footprints.csv,other=other.csv" });
    const name = part.slice(0, eq).trim(), file = part.slice(eq + 1).trim();
    add({ name, source: file, footprints: loadFootprintSet(file).footprints });
  }
  if (out.length === 0) throw new SuffError("E_USAGE", "No candidate footprints: give --candidates NAME=FILE or --include regions.", { exitCode: 2 });
  return out;
}
