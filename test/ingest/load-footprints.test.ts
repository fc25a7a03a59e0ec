import { describe, expect, it } from "vitest";
import { loadFootprints } from "../../src/ingest/load-footprints";

describe("loadFootprints", () => {
  it("gives the JSDoc example", () => {
    expect(loadFootprints("data/footprints/regions-2025.csv").text.split("\n")[0]).toBe("new_la_code,footprint_code,footprint_name");
  });
  it("strips a byte order mark and says so", () => {
    const loaded = loadFootprints("test/fixtures/footprints/with-errors.csv");
    expect(loaded.text.startsWith("new_la_code")).toBe(true);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["I_TEXT_BOM"]);
  });
  it("throws a SuffError with exit code 2 for a missing file", () => {
    expect(() => loadFootprints("test/fixtures/footprints/none.csv")).toThrow(expect.objectContaining({ code: "E_FOOTPRINTS_UNREADABLE", exitCode: 2 }));
  });
});
