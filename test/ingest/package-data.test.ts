// The data that ship with the toolkit are found from the module's own location (src/ or dist/).
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FOOTPRINTS_DIR, PUBLISHED_DATA_DIR } from "../../src/ingest/package-data";

const root = path.resolve(import.meta.dirname, "../..");

describe("package data folders", () => {
  it("PUBLISHED_DATA_DIR is the repository's data/published, with the DfE, ONS and Ofsted files", () => {
    expect(PUBLISHED_DATA_DIR).toBe(path.join(root, "data", "published"));
    for (const folder of ["dfe-cla", "ons", "ofsted", "lookups"]) expect(existsSync(path.join(PUBLISHED_DATA_DIR, folder))).toBe(true);
  });
  it("FOOTPRINTS_DIR holds the footprint files", () => {
    expect(existsSync(path.join(FOOTPRINTS_DIR, "regions-2025.csv"))).toBe(true);
  });
});
