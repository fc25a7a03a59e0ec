import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEpisodeTable, loadProviderLocations, loadSsda903, loadSsda903Files } from "../../../src/ingest/ssda903/load-ssda903";
import { isSuffError } from "../../../src/spec/errors";

const samples = "test/fixtures/ssda903-samples/combined";

describe("load-ssda903", () => {
  it("JSDoc examples", () => {
    expect(loadSsda903Files(samples).length).toBe(40);
    expect(loadEpisodeTable(samples, { la: "202" }).table.length > 0).toBe(true);
    expect(loadSsda903(samples, { la: "202" }).kind).toBe("ssda903");
    expect(loadProviderLocations("data/published/ofsted/ofsted_providers_places_31mar2023.csv").size > 3000).toBe(true);
  });

  it("loadProviderLocations maps URN to the provider's LA and refuses a file without those columns", () => {
    const locations = loadProviderLocations("data/published/ofsted/ofsted_providers_places_31mar2023.csv");
    expect(locations.get("2611447")).toBe("Buckinghamshire");
    const wrong = (() => { try { loadProviderLocations(path.join(samples, "2019-header.csv")); } catch (error) { return error; } })();
    expect(isSuffError(wrong) && wrong.code).toBe("E_903_PROVIDERS_UNREADABLE");
  });

  it("loadEpisodeTable: cleaned episodes grouped by child, ordered by start, with counts and codes for the stock-flow model", () => {
    const { table, counts } = loadEpisodeTable(samples, { la: "202" });
    expect(counts).toMatchObject({ "duplicate-episodes": expect.any(Number), "short-breaks": expect.any(Number), "overlapping-episodes": expect.any(Number) });
    expect(table.codes.la).toEqual(["202"]);
    expect(table.returnYears).toEqual([[2018, 2019, 2020, 2021, 2022]]);
    expect(table.codes.legalStatus.filter((c) => c === "V3" || c === "V4").length).toBeGreaterThan(0); // in the dictionary...
    const v3 = table.codes.legalStatus.indexOf("V3");
    expect([...table.legalStatus].includes(v3)).toBe(false); // ...but no short-break episode in the table
    for (let i = 1; i < table.length; i++) {
      if (table.child[i] === table.child[i - 1]) {
        expect(table.start[i]).toBeGreaterThan(table.start[i - 1]);
        expect(table.end[i - 1]).toBeGreaterThanOrEqual(0);
        expect(table.end[i - 1]).toBeLessThanOrEqual(table.start[i]);
      } else {
        expect(table.child[i]).toBe(table.child[i - 1] + 1);
      }
    }
    for (const column of ["placementType", "place", "placeProvider", "legalStatus", "categoryOfNeed", "reasonNewEpisode", "reasonEnded"] as const) {
      expect(Math.max(...table[column])).toBeLessThan(table.codes[column].length);
    }
    expect(table.birth.every((b) => b > 0)).toBe(true);
  });

  it("finds 903 tables by content in nested folders and ignores other files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "suff-903-"));
    copyFileSync(path.join(samples, "2019-episodes.csv"), path.join(dir, "a-renamed.csv"));
    writeFileSync(path.join(dir, "notes.csv"), "time_period,la_name\n2020,Camden\n");
    writeFileSync(path.join(dir, "readme.txt"), "CHILD,DECOM,LS\n");
    expect(loadSsda903Files(dir).map((f) => path.basename(f.name))).toEqual(["a-renamed.csv"]);
  });

  it("throws a SuffError for a missing path and when no episodes table is found", () => {
    const missing = (() => { try { loadSsda903Files("no/such/folder"); } catch (error) { return error; } })();
    expect(isSuffError(missing) && missing.code).toBe("E_903_PATH_NOT_FOUND");
    const none = (() => { try { loadEpisodeTable(path.join(samples, "2019-header.csv"), { la: "202" }); } catch (error) { return error; } })();
    expect(isSuffError(none) && none.code).toBe("E_903_NO_EPISODES");
  });
});
