/**
 * Read and check a legacy mapping file (JSON) from disk.
 */
import { readFileSync } from "node:fs";
import { SuffError } from "../spec/errors.ts";
import { legacyMapping, type LegacyMapping } from "./legacy-mapping.ts";

/**
 * Load a mapping file.
 * @throws SuffError E_MAPPING_NOT_FOUND, E_MAPPING_NOT_JSON or E_MAPPING_INVALID (exit code 2).
 * @example loadMapping("data-templates/legacy-mapping-example.json").sheets.length // 2
 */
export function loadMapping(file: string): LegacyMapping {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new SuffError("E_MAPPING_NOT_FOUND", `Mapping file ${file} cannot be read.`, { hint: "Give the path of a JSON mapping file with --mapping." });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SuffError("E_MAPPING_NOT_JSON", `Mapping file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return legacyMapping(json, file);
}
