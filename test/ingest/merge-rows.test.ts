/**
 * Merging by cell, never by file (issue 8): a value beats a missing value whatever the
 * source; between two values the documented precedence (return > SSDA903 > published) or
 * --prefer decides, with a warning naming both values and files; every kept row records
 * its source. Property: adding a source that is missing everywhere changes no value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectivePrecedence, mergeRows, parsePreference, rowKey, sourceClass } from "../../src/ingest/ingest-files";
import { findLa, laGeography } from "../../src/reference/las";
import type { DatasetRow, ValueStatus } from "../../src/spec/dataset";

const bolton = laGeography(findLa("350")!);
function cell(value: number | null, options: { measure?: string; period?: string; placement?: string; status?: ValueStatus } = {}): DatasetRow {
  return {
    time_period: options.period ?? "2025", time_identifier: "Reporting year", ...bolton,
    measure: options.measure ?? "cla_31_march", dims: { placement_type: options.placement ?? "total", age_band: "total" },
    value, value_status: options.status ?? (value === null ? "missing" : "ok"),
  };
}

describe("mergeRows: by cell, never by file", () => {
  it("a blank in an LA's return does not beat the published figure; the kept row says where it came from", () => {
    const merged = mergeRows([
      { path: "returns/bolton.xlsx", kind: "template-xlsx", rows: [cell(null), cell(260, { measure: "foster_places_approved" })] },
      { path: "published/totals.csv", kind: "dfe-cla-la-totals", rows: [cell(590)] },
    ]);
    const byMeasure = new Map(merged.rows.map((r) => [r.measure, r]));
    expect(byMeasure.get("cla_31_march")).toMatchObject({ value: 590, value_status: "ok", source: "dfe-cla-la-totals" });
    expect(byMeasure.get("foster_places_approved")).toMatchObject({ value: 260, source: "template-xlsx" });
    expect(merged.diagnostics.map((d) => d.code)).toEqual(["I_MISSING_FILLED"]);
    expect(merged.diagnostics[0].message).toContain("returns/bolton.xlsx");
    expect(merged.diagnostics[0].message).toContain("published/totals.csv");
    expect(merged.superseded).toEqual([1, 0]);
  });

  it("two different values: the LA's return beats SSDA903, which beats published, with a warning naming both values and files", () => {
    const inputs = [
      { path: "published/totals.csv", kind: "dfe-cla-la-totals", rows: [cell(590)] },
      { path: "903/episodes.csv + 903/header.csv", kind: "ssda903", rows: [cell(601)] },
      { path: "returns/bolton.xlsx", kind: "template-xlsx", rows: [cell(598)] },
    ];
    for (const order of [inputs, [...inputs].reverse()]) {
      const merged = mergeRows(order);
      expect(merged.rows[0]).toMatchObject({ value: 598, source: "template-xlsx" });
      const warnings = merged.diagnostics.filter((d) => d.code === "W_DUPLICATE_VALUES_DISAGREE");
      expect(warnings).toHaveLength(2);
      expect(warnings.some((w) => w.message.includes("598") && w.message.includes("returns/bolton.xlsx") && (w.message.includes("601") || w.message.includes("590")))).toBe(true);
    }
  });

  it("--prefer reverses the order between values, never a value against a blank", () => {
    const inputs = [
      { path: "returns/bolton.xlsx", kind: "template-xlsx", rows: [cell(598), cell(null, { placement: "foster" })] },
      { path: "published/chars.csv", kind: "dfe-cla-31-march-characteristics", rows: [cell(590), cell(400, { placement: "foster" })] },
    ];
    const merged = mergeRows(inputs, { prefer: ["published"] });
    const byType = new Map(merged.rows.map((r) => [r.dims.placement_type, r]));
    expect(byType.get("total")).toMatchObject({ value: 590, source: "dfe-cla-31-march-characteristics" });
    expect(byType.get("foster")).toMatchObject({ value: 400 });
    expect(merged.diagnostics.find((d) => d.code === "W_DUPLICATE_VALUES_DISAGREE")?.message).toContain("--prefer published");
    expect(mergeRows(inputs).rows.find((r) => r.dims.placement_type === "total")?.value).toBe(598);
  });

  it("between two blanks, a reason (suppressed) beats a plain blank", () => {
    const merged = mergeRows([
      { path: "r.xlsx", kind: "template-xlsx", rows: [cell(null)] },
      { path: "p.csv", kind: "dfe-cla-la-totals", rows: [cell(null, { status: "suppressed" })] },
    ]);
    expect(merged.rows[0]).toMatchObject({ value: null, value_status: "suppressed", source: "dfe-cla-la-totals" });
  });

  it("a file that repeats a cell: a value beats its own blank, whichever comes first (found by the property below)", () => {
    const merged = mergeRows([
      { path: "blank.csv", kind: "dfe-cla-la-totals", rows: [cell(null)] },
      { path: "return.csv", kind: "long-csv", rows: [cell(null), cell(590)] },
    ]);
    expect(merged.rows[0]).toMatchObject({ value: 590, source: "long-csv" });
    expect(mergeRows([{ path: "return.csv", kind: "long-csv", rows: [cell(null), cell(590)] }]).rows[0].value).toBe(590);
  });

  it("parses --prefer: source classes and reader kinds; an unknown name is a usage error", () => {
    expect(parsePreference("ssda903, Return")).toEqual(["ssda903", "return"]);
    expect(parsePreference(["dfe-cla-la-totals"])).toEqual(["dfe-cla-la-totals"]);
    expect(() => parsePreference("spreadsheet")).toThrow(/names no kind of source/);
    expect(sourceClass("legacy-xlsx")).toBe("return");
    expect(sourceClass("ons-population-0-17")).toBe("published");
    expect(effectivePrecedence("dfe-cla-la-totals", ["published"])).toBeGreaterThan(effectivePrecedence("template-xlsx", ["published"]));
    expect(effectivePrecedence("template-xlsx")).toBeGreaterThan(effectivePrecedence("ssda903"));
    expect(effectivePrecedence("ssda903")).toBeGreaterThan(effectivePrecedence("dfe-cla-la-totals"));
  });
});

const KINDS = ["template-xlsx", "long-csv", "ssda903", "dfe-cla-la-totals", "dfe-cla-31-march-characteristics", "ons-population-0-17"];
const STATUSES: ValueStatus[] = ["missing", "suppressed", "not_available", "not_applicable"];
const arbitraryRow = fc.record({
  measure: fc.constantFrom("cla_31_march", "starts_in_year"),
  period: fc.constantFrom("2024", "2025"),
  placement: fc.constantFrom("total", "foster", "secure"),
  value: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  status: fc.constantFrom(...STATUSES),
}).map((r) => cell(r.value, { measure: r.measure, period: r.period, placement: r.placement, status: r.value === null ? r.status : "ok" }));
const arbitraryInput = fc.record({ kind: fc.constantFrom(...KINDS), rows: fc.array(arbitraryRow, { maxLength: 12 }) });

describe("property: a source that is missing everywhere never changes any value", () => {
  it("holds for any inputs, any kind and position of the extra source, and any --prefer", () => {
    fc.assert(fc.property(
      fc.array(arbitraryInput, { minLength: 1, maxLength: 4 }),
      fc.record({ kind: fc.constantFrom(...KINDS), rows: fc.array(arbitraryRow, { maxLength: 12 }).map((rows) => rows.map((r) => ({ ...r, value: null, value_status: r.value_status === "ok" ? ("missing" as const) : r.value_status }))) }),
      fc.nat(4),
      fc.constantFrom<string[]>([], ["published"], ["ssda903", "published"]),
      (inputs, blank, position, prefer) => {
        const named = inputs.map((input, i) => ({ ...input, path: `in-${i}` }));
        const before = new Map(mergeRows(named, { prefer }).rows.map((r) => [rowKey(r), r.value]));
        const withBlank = [...named];
        withBlank.splice(Math.min(position, named.length), 0, { ...blank, path: "blank" });
        const after = new Map(mergeRows(withBlank, { prefer }).rows.map((r) => [rowKey(r), r.value]));
        for (const [key, value] of before) expect(after.get(key)).toBe(value);
        for (const [key, value] of after) if (!before.has(key)) expect(value).toBeNull();
      },
    ), { numRuns: 300 });
  });
});
