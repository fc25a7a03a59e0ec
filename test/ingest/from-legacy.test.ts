import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLegacyWorkbook } from "../../src/ingest/from-legacy";
import { legacyMapping } from "../../src/ingest/legacy-mapping";
import { loadMapping } from "../../src/ingest/load-mapping";
import { isSuffError } from "../../src/spec/errors";

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const file = { name: "input.xlsx", bytes: new Uint8Array(readFileSync(path.join(repo, "test/fixtures/legacy/input.xlsx"))) };
const example = loadMapping(path.join(repo, "data-templates/legacy-mapping-example.json"));

describe("readLegacyWorkbook with the documented example mapping", () => {
  it("reads the wide table and the indicator list into template rows", async () => {
    const r = await readLegacyWorkbook(file, example);
    expect(r.kind).toBe("legacy-xlsx");
    expect(example.sheets.length).toBe(2);
    expect(r.rowsRejected).toBe(0);
    expect(r.rowsSkipped).toEqual({ skip_rule: 6 });
    expect(r.rowsRead).toBe(r.rowsAccepted + 6);
    const find = (measure: string, dims: Record<string, string> = {}) => r.rows.find((x) => x.measure === measure && Object.entries(dims).every(([k, v]) => x.dims[k as keyof typeof x.dims] === v));
    expect(find("cla_31_march", { placement_type: "foster_ifa", age_band: "10_to_15" })).toMatchObject({ value: 25, la_name: "Hartlepool", time_period: "2025" });
    expect(find("cla_31_march", { placement_type: "total", age_band: "total" })?.value).toBe(196);
    expect(find("foster_places_approved")?.value).toBe(120);
    expect(find("foster_deregistrations")).toMatchObject({ value: null, value_status: "not_available" });
    const i = r.rows.indexOf(find("foster_places_approved")!);
    expect(r.locations![i]).toMatchObject({ sheet: "Fostering", cell: "B3" });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["W_MERGED_CELLS", "I_LEGACY_ROW_SKIPPED"]);
  });

  it("reports a missing sheet or header as a diagnostic and rejects the rows it cannot map", async () => {
    const missingSheet = await readLegacyWorkbook(file, legacyMapping({ fixed: { new_la_code: "805", time_period: "2025" }, sheets: [{ sheet: "Nope", headerRow: 1, columns: { value: "Number", measure: "Indicator" } }] }));
    expect(missingSheet.diagnostics[0]).toMatchObject({ code: "E_LEGACY_SHEET_MISSING" });
    const missingHeader = await readLegacyWorkbook(file, legacyMapping({ fixed: { new_la_code: "805", time_period: "2025" }, sheets: [{ sheet: "fostering", headerRow: 1, columns: { value: "Amount", measure: "Indicator" } }] }));
    expect(missingHeader.diagnostics[0]).toMatchObject({ code: "E_LEGACY_HEADER_MISSING", sheet: "Fostering" });
    expect(missingHeader.rowsRejected).toBe(7);
    const unmapped = await readLegacyWorkbook(file, legacyMapping({ fixed: { new_la_code: "805", time_period: "2025" }, sheets: [{ sheet: "Fostering", headerRow: 1, columns: { value: "Number", measure: "Indicator" } }] }));
    expect(unmapped.diagnostics.filter((d) => d.code === "E_UNKNOWN_MEASURE")).toHaveLength(7);
    expect(unmapped.diagnostics[0]).toMatchObject({ sheet: "Fostering", cell: "A2" });
  });

  it("validates the mapping with zod and says what is wrong", () => {
    expect(legacyMapping({ sheets: [{ sheet: "Data", headerRow: 1, columns: { value: "Count", measure: "Measure" } }] }).sheets[0].sheet).toBe("Data");
    const error = (() => { try { legacyMapping({ sheets: [{ sheet: "Data", headerRow: "three", columns: { colour: "X" } }] }); } catch (e) { return e; } })();
    expect(isSuffError(error) && error.code).toBe("E_MAPPING_INVALID");
    expect((error as Error).message).toMatch(/headerRow/);
    expect(() => legacyMapping({ sheets: [{ sheet: "Data", headerRow: 1, columns: { measure: "M" } }] })).toThrow(/value/);
    expect(() => loadMapping(path.join(repo, "no-such-mapping.json"))).toThrow(/cannot be read/);
  });
});
