/** Property test: any set of template rows written as a long CSV (src/write/csv.ts) reads back unchanged. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLongCsv } from "../../src/ingest/from-long-csv";
import { findLa, laGeography, lasInYear } from "../../src/reference/las";
import { DATASET_COLUMNS, type DatasetRow } from "../../src/spec/dataset";
import { MEASURES } from "../../src/template/measures";
import { prefillRows } from "../../src/template/prefill-rows";
import { toCsv } from "../../src/write/csv";

const codedMeasures = MEASURES.filter((m) => prefillRows(m).every((d) => Object.keys(d).length === m.dimensions.length));
const las = lasInYear(2025);

const rowArbitrary = fc.record({
  measure: fc.constantFrom(...codedMeasures),
  which: fc.nat(),
  la: fc.constantFrom(...las),
  value: fc.oneof(fc.nat({ max: 100000 }), fc.constant(null)),
  status: fc.constantFrom("missing", "suppressed", "not_available", "not_applicable"),
}).map(({ measure, which, la, value, status }): DatasetRow => {
  const combos = prefillRows(measure);
  return {
    time_period: "2025", time_identifier: "Reporting year", ...laGeography(findLa(la.oldCode)!, 2025),
    measure: measure.id, dims: combos[which % combos.length], value,
    value_status: value === null ? (status as DatasetRow["value_status"]) : "ok",
  };
});

describe("long CSV round trip (property)", () => {
  it("reads back what toCsv wrote: geography, measure, dimensions, value and status", () => {
    fc.assert(fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 30 }), (rows) => {
      const text = toCsv(DATASET_COLUMNS, rows.map((r) => ({ ...r, ...r.dims }) as unknown as Record<string, string | number | null>));
      const read = readLongCsv({ name: "r.csv", bytes: new TextEncoder().encode(text) });
      expect(read.rowsRejected).toBe(0);
      expect(read.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      const strip = (r: DatasetRow) => ({ ...r, dims: Object.fromEntries(Object.entries(r.dims).filter(([, v]) => v !== "")) });
      expect(read.rows.map(strip)).toEqual(rows.map(strip));
    }), { numRuns: 30 });
  });
});
