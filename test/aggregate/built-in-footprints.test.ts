import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { builtInFootprints } from "../../src/aggregate/built-in-footprints";
import { membersInYear } from "../../src/aggregate/members-in-year";
import { parseFootprints } from "../../src/aggregate/parse-footprints";
import { lasInYear } from "../../src/reference/las";

describe("builtInFootprints", () => {
  it("gives the JSDoc examples", () => {
    expect(builtInFootprints("region").footprints.length).toBe(9);
    expect(builtInFootprints("england").footprints[0].code).toBe("E92000001");
  });
  it("resolves every year to exactly the LAs that reported, each in one region", () => {
    for (const year of [2011, 2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
      const expected = lasInYear(year).map((la) => la.oldCode).sort();
      const england = membersInYear(builtInFootprints("england").footprints[0], year);
      expect(england.members.map((la) => la.oldCode).sort()).toEqual(expected);
      expect(england.notComparable).toEqual([]);
      const regional = builtInFootprints("region").footprints.flatMap((f) => membersInYear(f, year).members.map((la) => la.oldCode));
      expect(regional.sort()).toEqual(expected);
    }
  });
  it("matches the committed data/footprints/regions-2025.csv", () => {
    const file = parseFootprints(readFileSync("data/footprints/regions-2025.csv", "utf8")).set;
    for (const region of builtInFootprints("region").footprints) {
      const fromFile = file.footprints.find((f) => f.code === region.code)!;
      expect(fromFile.name).toBe(region.name);
      expect(membersInYear(fromFile, 2025).members.map((la) => la.oldCode).sort()).toEqual(membersInYear(region, 2025).members.map((la) => la.oldCode).sort());
    }
  });
  it("rejects an unknown set", () => {
    expect(() => builtInFootprints("county" as never)).toThrow(/unknown set/);
  });
});
