/**
 * npm start (src/main.ts): the published-data pipeline's stages and its summary, on the
 * real files in data/published/. England 2025 is checked against the published 81,770.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregatePublished, claSummary, formatClaSummary, ingestPublished, latestClaYear, writeTidyOutputs, type ClaSummary } from "../src/main";
import { loadDataset } from "../src/ingest/load-dataset";

describe("npm start", () => {
  let out: string;
  let summary: ClaSummary;
  let written: string[];
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), "suff-main-"));
    const dataset = await ingestPublished("data/published");
    const aggregates = aggregatePublished(dataset.rows);
    written = writeTidyOutputs(out, dataset, aggregates);
    summary = claSummary(dataset.rows, aggregates, latestClaYear(dataset.rows));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("summarises 31 March 2025 for the nine regions and England", () => {
    expect(summary.year).toBe("2025");
    expect(summary.regions.map((r) => r.name)).toEqual(["North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"]);
    expect(summary.regions.every((r) => r.computed !== null && r.ratePer10000 !== null && r.published !== null)).toBe(true);
  });

  it("checks England against the published 81,770 and explains the difference", () => {
    expect(summary.england.published).toBe(81770);
    // 152 of 153 LAs: City of London is suppressed (c); the national figure is rounded to 10.
    expect(summary.england.membersPresent).toBe(152);
    expect(summary.england.membersExpected).toBe(153);
    expect(summary.difference).toBe(summary.england.computed! - 81770);
    expect(Math.abs(summary.difference!)).toBeLessThan(20);
    expect(summary.reasons.join(" ")).toContain("City of London");
    // Regions sum to the England sum of LAs.
    expect(summary.regions.reduce((a, r) => a + r.computed!, 0)).toBe(summary.england.computed);
  });

  it("gives the England rate per 10,000 from the ONS mid-2024 estimate (DfE: 67)", () => {
    expect(summary.england.ratePer10000).toBeCloseTo((summary.england.computed! / 12183016) * 10000, 1);
    expect(Math.round(summary.england.ratePer10000!)).toBe(67);
  });

  it("prints a table with every region, England and the check", () => {
    const text = formatClaSummary(summary);
    expect(text.split("\n")[0]).toBe("Children looked after at 31 March 2025");
    for (const name of ["North East", "London", "South West", "England"]) expect(text).toContain(name);
    expect(text).toMatch(/England check: sum of LAs 81,7\d\d, published 81,770, difference -?\d+/);
  });

  it("writes the dataset folder and tidy aggregates", () => {
    expect(written.map((f) => path.basename(f))).toEqual(["dataset.csv", "manifest.json", "diagnostics.csv", "regions.csv", "england.csv", "comparison_with_published.csv"]);
    expect(loadDataset(path.join(out, "dataset")).manifest.inputs.length).toBeGreaterThan(15);
    expect(readFileSync(path.join(out, "regions.csv"), "utf8").split("\n")[0]).toContain("rate_per_10000");
  });
});
