/**
 * Golden tests, one per published file family: each fixture is cut from the real file in
 * data/published/ (test/fixtures/published-<name>/input.csv) and expected.json holds the
 * reviewed result in the compact form of golden-format.ts. Regenerate with
 * `npx tsx test/ingest/published/regenerate-golden.ts`, and only after checking the change
 * by eye against the source CSV.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findPublishedReader, findPublishedReaderInHead, readPublished } from "../../../src/ingest/from-published/read-published";
import { decodeUtf8, headerColumns, parseCsvText } from "../../../src/ingest/from-published/published-table";
import { goldenOf, type Golden } from "./golden-format";

const fixtures = readdirSync("test/fixtures").filter((d) => d.startsWith("published-")).sort();

describe("published readers: golden fixtures", () => {
  it("has a fixture for every reader family", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });
  for (const dir of fixtures) {
    it(`${dir} matches expected.json`, () => {
      const expected = JSON.parse(readFileSync(`test/fixtures/${dir}/expected.json`, "utf8")) as Golden;
      const result = readPublished({ name: expected.file, bytes: readFileSync(`test/fixtures/${dir}/input.csv`) });
      expect(result).not.toBeNull();
      expect(goldenOf(expected.file, result!)).toEqual(expected);
    });
    it(`${dir} accounts for every record (read = accepted + rejected + skipped)`, () => {
      const bytes = readFileSync(`test/fixtures/${dir}/input.csv`);
      // Records below the header row (some published sheets have title rows above it).
      const parsed = parseCsvText(decodeUtf8(bytes));
      const reader = findPublishedReader(headerColumns(bytes)) ?? findPublishedReaderInHead(bytes)!;
      const headerIndex = reader.inHead ? Math.max(0, parsed.findIndex((r) => reader.matches(r.map((c) => c.replace(/\s+/g, " ").trim())))) : 0;
      const records = parsed.length - headerIndex - 1;
      const expected = JSON.parse(readFileSync(`test/fixtures/${dir}/expected.json`, "utf8")) as Golden;
      const result = readPublished({ name: expected.file, bytes })!;
      const skipped = Object.values(result.rowsSkipped).reduce((a, b) => a + b, 0);
      expect(result.rowsRead).toBe(records);
      expect(result.rowsAccepted + result.rowsRejected + skipped).toBe(result.rowsRead);
    });
  }
});
