import { describe, expect, it } from "vitest";
import { populationOn, populationPath } from "../../../src/forecast/stock-flow/population-path";
import { isoToDay } from "../../../src/spec/ssda903";

describe("populationPath", () => {
  it("matches the JSDoc examples", () => {
    expect(populationPath("year,population\n2024,1000\n", "pop.csv").path.population).toEqual([1000]);
    expect(populationOn({ days: [0, 10], population: [100, 200] }, 5)).toBe(150);
  });

  it("sums the chosen LAs, reads years as 30 June, and reports bad rows as diagnostics", () => {
    const text = "la,year,population\n201,2024,100\n202,2024,50\n203,2024,999\n201,20x5,10\n202,2025,\n201,2025,110\n";
    const { path, diagnostics } = populationPath(text, "pop.csv", { las: ["201", "202"] });
    expect(path.days).toEqual([isoToDay("2024-06-30"), isoToDay("2025-06-30")]);
    expect(path.population).toEqual([150, 110]);
    expect(diagnostics.map((d) => [d.code, d.row])).toEqual([["E_POPULATION_BAD_DATE", 5], ["E_POPULATION_BAD_VALUE", 6]]);
  });

  it("throws on missing columns or no usable rows", () => {
    expect(() => populationPath("when,count\n2024,1\n", "p.csv")).toThrow(/year/);
    expect(() => populationPath("year,population\n2024,x\n", "p.csv")).toThrow(/no usable/);
  });
});
