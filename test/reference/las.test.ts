import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildReference } from "../../scripts/build-reference";
import { buildLocalAuthorities, findLa, findLaByName, laValidIn, laValidity, lasInYear, normaliseLaName, onsCodeInYear, statisticalNeighbours, LATEST_PUBLISHED_YEAR, LOCAL_AUTHORITIES } from "../../src/reference/las";
import { BOUNDARY_CHANGES } from "../../src/reference/boundary-changes";
import { LA_ROWS } from "../../src/reference/generated/las-data";
import { parsePublishedValue } from "../../src/reference/markers";

describe("local authorities", () => {
  it("the generated table matches the lookups in data/ (run npm run reference after changing them)", () => {
    expect(readFileSync("src/reference/generated/las-data.ts", "utf8")).toBe(buildReference());
  });
  it("has 153 LAs in 2025 and 152 in 2023 (before the Cumbria split, with Northamptonshire gone)", () => {
    expect(lasInYear(2025)).toHaveLength(153);
    expect(lasInYear(2023).map((l) => l.name)).toContain("Cumbria");
    expect(lasInYear(2024).map((l) => l.name)).not.toContain("Cumbria");
  });
  it("finds by old, new and former codes, tolerating case and spaces", () => {
    expect(findLa("e06000001")?.name).toBe("Hartlepool");
    expect(findLa(" 805 ")?.newCode).toBe("E06000001");
    expect(findLa("E10000023")?.oldCode).toBe("815");
    expect(findLa("909", 2025)).toBeUndefined();
  });
  it("links predecessors and successors across boundary changes", () => {
    expect(findLa("928")!.successors).toEqual(["940", "941"]);
    expect(findLa("839")!.predecessors).toEqual(["835", "836", "837"]);
    expect(onsCodeInYear(findLa("815")!, 2023)).toBe("E10000023");
    expect(onsCodeInYear(findLa("815")!, 2024)).toBe("E06000065");
  });
  it("every LA has one of the nine regions and ten statistical neighbours where DfE lists them", () => {
    for (const la of LOCAL_AUTHORITIES) expect(la.regionCode).toMatch(/^E1200000[1-9]$/);
    expect(statisticalNeighbours(findLa("805")!)).toHaveLength(10);
  });
  it("LA names as other producers write them (the regional demand-model app, council titles) resolve to one LA each", () => {
    const cases: Array<[string, string]> = [["Bristol", "801"], ["City of Bristol", "801"], ["Bristol City Council", "801"], ["Kingston upon Hull", "810"], ["Hull", "810"],
      ["Herefordshire", "884"], ["Brighton & Hove", "846"], ["London Borough of Camden", "202"], ["Royal Borough of Windsor and Maidenhead", "868"], ["St Helens", "342"],
      ["Stockton on Tees", "808"], ["Durham", "840"], ["Bournemouth, Christchurch and Poole", "839"], ["Manchester City Council", "352"], ["southwark", "210"]];
    for (const [name, code] of cases) expect(findLaByName(name)?.oldCode, name).toBe(code);
    expect(findLaByName("Atlantis")).toBeUndefined();
    // No two LAs (other than the same LA before and after a recode) share a normalised name.
    const seen = new Map<string, string>();
    for (const la of LOCAL_AUTHORITIES) {
      const key = normaliseLaName(la.name);
      if (seen.has(key)) expect(seen.get(key), key).toBe(la.name);
      seen.set(key, la.name);
    }
    expect(normaliseLaName("Bristol, City of")).toBe(normaliseLaName("Bristol City Council"));
  });
  it("published markers are missing values with a reason, never zero", () => {
    expect(parsePublishedValue("c")).toEqual({ value: null, status: "suppressed" });
    expect(parsePublishedValue("z").status).toBe("not_applicable");
    expect(parsePublishedValue("low").status).toBe("rounds_to_zero");
    expect(parsePublishedValue("..").value).toBeNull();
    expect(parsePublishedValue("1,234")).toEqual({ value: 1234, status: "ok" });
  });
});

describe("open periods (issue 8)", () => {
  it("an LA in the latest published year stays valid for the current and next collection years", () => {
    expect(LATEST_PUBLISHED_YEAR).toBe(2025);
    expect(findLa("350", 2026)?.name).toBe("Bolton");
    expect(findLa("350", 2027)?.name).toBe("Bolton");
    expect(lasInYear(2026)).toHaveLength(153);
    expect(lasInYear(2027)).toHaveLength(153);
    expect(laValidity(findLa("350")!)).toBe("from 1999 onwards");
    expect(findLa("350")!.lastYear).toBe(2025);
  });
  it("an abolished LA stays closed", () => {
    expect(findLa("909", 2026)).toBeUndefined();
    expect(laValidity(findLa("909")!)).toBe("from 1999 to 2023");
  });
  it("a future boundary change ends its predecessor's open period and introduces its successors", () => {
    const change = {
      firstYear: 2028, kind: "split" as const, from: ["936"], to: ["991", "992"], note: "test: Surrey split",
      introduces: [
        { oldCode: "991", newCode: "E06000991", name: "East Test", regionCode: "E12000008", regionName: "South East" },
        { oldCode: "992", newCode: "E06000992", name: "West Test", regionCode: "E12000008", regionName: "South East" },
      ],
    };
    const las = buildLocalAuthorities(LA_ROWS, [...BOUNDARY_CHANGES, change]);
    const surrey = las.find((la) => la.oldCode === "936")!;
    expect(surrey.endYear).toBe(2027);
    expect(laValidIn(surrey, 2027)).toBe(true);
    expect(laValidIn(surrey, 2028)).toBe(false);
    expect(surrey.successors).toEqual(["991", "992"]);
    const east = las.find((la) => la.oldCode === "991")!;
    expect([laValidIn(east, 2027), laValidIn(east, 2028), laValidIn(east, 2030)]).toEqual([false, true, true]);
    expect(east.predecessors).toEqual(["936"]);
    expect(() => buildLocalAuthorities(LA_ROWS, [...BOUNDARY_CHANGES, { ...change, introduces: undefined }])).toThrow(/not in the LA list/);
  });
});

describe("LAs before the lookups' first year", () => {
  it("the LAs created on 1 April 2009 report from the year ending March 2010, the others from 1999", () => {
    expect(laValidity(findLa("895")!)).toBe("from 2010 onwards");
    expect(laValidity(findLa("350")!)).toBe("from 1999 onwards");
  });
});
