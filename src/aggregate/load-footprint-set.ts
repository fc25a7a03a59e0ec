/**
 * A footprint file read and parsed in one step, for commands and library callers that stop
 * on a bad file (warnings and notes are dropped; errors throw with the first one's message).
 */
import type { FootprintSet } from "../spec/footprint.ts";
import { SuffError } from "../spec/errors.ts";
import { loadFootprints } from "../ingest/load-footprints.ts";
import { parseFootprints } from "./parse-footprints.ts";

/**
 * Load footprints from a CSV, failing on errors in it.
 * @throws SuffError E_FOOTPRINTS_UNREADABLE or E_FOOTPRINTS (exit 2).
 * @example loadFootprintSet("data/footprints/regions-2025.csv").footprints.length // 9
 */
export function loadFootprintSet(file: string): FootprintSet {
  const loaded = loadFootprints(file);
  const parsed = parseFootprints(loaded.text, { file: loaded.file });
  const errors = [...loaded.diagnostics, ...parsed.diagnostics].filter((d) => d.severity === "error");
  if (errors.length) throw new SuffError("E_FOOTPRINTS", `${file}: ${errors.length} error(s), first: ${errors[0].message}`, { exitCode: 2, hint: errors[0].hint });
  return parsed.set;
}
