import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLongCsv } from "../../src/ingest/from-long-csv";
import { readTemplateWorkbook } from "../../src/ingest/from-template-xlsx";
import { sniffFile } from "../../src/ingest/sniff";
import { DATASET_COLUMNS } from "../../src/spec/dataset";
import { isSuffError } from "../../src/spec/errors";
import { validateFile } from "../../src/validate/validate-file";
import { toCsv } from "../../src/write/csv";

const root = path.join(path.dirname(new URL(import.meta.url).pathname), "../fixtures/invalid");
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Expected { throws?: string; sniff?: string; codes?: string[]; rowsAccepted?: number; rowsRejected?: number; text?: string; value?: number; period?: string; openingYear?: string }

function load(name: string): { file: { name: string; bytes: Uint8Array }; expected: Expected } {
  const dir = path.join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith("input."))!;
  return { file: { name: input, bytes: new Uint8Array(readFileSync(path.join(dir, input))) }, expected: JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) };
}

describe("bad input fixtures (test/fixtures/invalid/<case>)", () => {
  it("has every case of the issue", () => {
    expect(cases).toEqual(expect.arrayContaining(["png-named-xlsx", "csv-named-xlsx", "truncated-xlsx", "corrupt-xlsx", "zip-bomb-ratio", "zip-bomb-lying-size", "password-protected", "legacy-xls",
      "windows-1252-csv", "utf8-bom-csv", "excel-serial-dates", "formulas", "merged-cells", "hidden-sheets", "lower-case-codes", "formula-like-text", "cells-start-like-formulas"]));
  });

  for (const name of cases) {
    it(name, async () => {
      const { file, expected } = load(name);
      if (expected.sniff) expect(sniffFile(file.bytes, file.name).kind).toBe(expected.sniff);
      if (expected.throws) {
        const error = await validateFile(file).then(() => undefined, (e: unknown) => e);
        expect(isSuffError(error), `expected a SuffError, got ${String(error)}`).toBe(true);
        expect(error).toMatchObject({ code: expected.throws, exitCode: 2 });
        return;
      }
      const result = await validateFile(file, { today: new Date(Date.UTC(2026, 5, 1)) });
      const found = result.diagnostics.map((d) => d.code);
      for (const code of new Set(expected.codes)) {
        expect(found.filter((c) => c === code).length, `${code} in ${found.join(", ")}`).toBe(expected.codes!.filter((c) => c === code).length);
      }
      if (expected.rowsAccepted !== undefined) expect(result.read.rowsAccepted).toBe(expected.rowsAccepted);
      if (expected.rowsRejected !== undefined) expect(result.read.rowsRejected).toBe(expected.rowsRejected);
      if (expected.text) expect(result.read.rows.some((r) => Object.values(r.dims).includes(expected.text!))).toBe(true);
      if (expected.value !== undefined) expect(result.read.rows[0].value).toBe(expected.value);
      if (expected.period) expect(result.read.rows[0].time_period).toBe(expected.period);
      if (expected.openingYear) expect(result.read.rows.find((r) => r.measure === "planned_new_beds")?.dims.opening_year).toBe(expected.openingYear);
      // Every row accounted for.
      const skipped = Object.values(result.read.rowsSkipped).reduce((a, b) => a + b, 0);
      expect(result.read.rowsRead).toBe(result.read.rowsAccepted + result.read.rowsRejected + skipped);
      for (const d of result.diagnostics) expect(d.file).toBe(file.name);
    });
  }

  it("hidden sheets: a hidden template sheet is read and says so; an unknown hidden sheet is not read and says so", async () => {
    const { file } = load("hidden-sheets");
    const result = await readTemplateWorkbook(file);
    const hidden = result.diagnostics.filter((d) => d.code === "W_HIDDEN_SHEET");
    expect(hidden.find((d) => d.sheet === "Supply")?.message).toMatch(/was read/);
    expect(hidden.find((d) => d.sheet === "Old figures")?.message).toMatch(/not read/);
    expect(result.rows.some((r) => r.value === 999)).toBe(false);
  });

  it("formulas: the cached value is used; a formula without one is rejected at its cell", async () => {
    const result = await readTemplateWorkbook(load("formulas").file);
    expect(result.rows.find((r) => r.measure === "foster_places_approved")?.value).toBe(120);
    expect(result.diagnostics.find((d) => d.code === "E_FORMULA_NO_RESULT")).toMatchObject({ sheet: "Supply", cell: "G4" });
  });

  it("merged cells: the master value fills the range and the range is reported", async () => {
    const result = await readTemplateWorkbook(load("merged-cells").file);
    expect(result.rows.filter((r) => r.measure === "block_contracted_beds_used").map((r) => r.dims.placement_type)).toEqual(["total", "childrens_home_private"]);
    expect(result.diagnostics.find((d) => d.code === "W_MERGED_CELLS")).toMatchObject({ sheet: "Supply", cell: "A7" });
  });

  it("cells beginning = + - @ are kept as text and neutralised by an ingest -> CSV export", () => {
    const result = readLongCsv(load("formula-like-text").file);
    const ids = result.rows.map((r) => r.dims.provider_id);
    expect(ids).toEqual(['=HYPERLINK("http://x")', "@SUM(A1)"]);
    expect(result.rows.map((r) => r.dims.owning_group)).toEqual(["+Group", "-dash"]);
    const csv = toCsv(DATASET_COLUMNS, result.rows.map((r) => ({ ...r, ...r.dims }) as unknown as Record<string, string | number | null>));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'+Group");
    expect(csv).toContain("'-dash");
    for (const line of csv.split("\n").slice(1)) for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+@]/);
  });
});
