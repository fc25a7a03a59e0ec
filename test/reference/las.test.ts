import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildReference } from "../../scripts/build-reference";
import { findLa, lasInYear, onsCodeInYear, statisticalNeighbours, LOCAL_AUTHORITIES } from "../../src/reference/las";
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
  it("published markers are missing values with a reason, never zero", () => {
    expect(parsePublishedValue("c")).toEqual({ value: null, status: "suppressed" });
    expect(parsePublishedValue("z").status).toBe("not_applicable");
    expect(parsePublishedValue("low").status).toBe("rounds_to_zero");
    expect(parsePublishedValue("..").value).toBeNull();
    expect(parsePublishedValue("1,234")).toEqual({ value: 1234, status: "ok" });
  });
});
