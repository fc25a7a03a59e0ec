/**
 * Where the data that ships with the toolkit are, wherever it is installed: the published
 * DfE/ONS/Ofsted/MHCLG files (`data/published`) and the footprint files (`data/footprints`).
 * Resolved from this module's own location (src/ingest or dist/ingest), so an analyst who
 * installed the package (`npm install sufficiency-toolkit`) or works in a clone gets the same folders.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The embedded published data: `suff ingest` of this folder is the toolkit's national dataset. @example path.basename(PUBLISHED_DATA_DIR) // "published" */
export const PUBLISHED_DATA_DIR = path.join(PACKAGE_ROOT, "data", "published");

/** The footprint files that ship with the toolkit (regions, combined authorities, an illustrative consortium). @example path.basename(FOOTPRINTS_DIR) // "footprints" */
export const FOOTPRINTS_DIR = path.join(PACKAGE_ROOT, "data", "footprints");
