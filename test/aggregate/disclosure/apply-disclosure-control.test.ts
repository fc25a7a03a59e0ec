import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregateDataset } from "../../../src/aggregate/aggregate-dataset";
import { applyDisclosureControl } from "../../../src/aggregate/disclosure/apply-disclosure-control";
import { suppressCells } from "../../../src/aggregate/disclosure/suppress-cells";
import { tableRelations } from "../../../src/aggregate/disclosure/table-relations";
import { findLa } from "../../../src/reference/las";
import type { DatasetRow } from "../../../src/spec/dataset";
import type { FootprintSet } from "../../../src/spec/footprint";
import { matrixRank } from "../../../src/stats/matrix-rank";
import { laRow } from "../la-row";

const BANDS = ["under_1", "1_to_4", "5_to_9", "10_to_15", "16_plus"];
const MEMBERS = ["E06000061", "E06000062", "E06000042", "E06000055"];
const set: FootprintSet = { source: "test", footprints: [{ code: "F", name: "F", members: MEMBERS }] };

/** Indices (into `unknown`) of unknown cells that `relations` determine, by the rank test. */
function determined(unknown: boolean[], relations: Array<{ total: number; parts: number[] }>): number[] {
  const col = new Map<number, number>();
  unknown.forEach((u, i) => u && col.set(i, col.size));
  const rows = relations.map((r) => [[r.total, 1] as const, ...r.parts.map((p) => [p, -1] as const)].filter(([i]) => unknown[i]).map(([i, v]): [number, number] => [col.get(i)!, v])).filter((r) => r.length > 0);
  const base = matrixRank({ columns: col.size, rows });
  return [...col].filter(([, c]) => matrixRank({ columns: col.size, rows: [...rows, [[c, 1]]] }) === base).map(([i]) => i);
}

describe("applyDisclosureControl", () => {
  it("gives the JSDoc example", () => {
    expect(applyDisclosureControl([], new Map(), { k: 5 }).summary.primary).toBe(0);
  });

  it("suppresses small footprint counts and their complements, publishing zeros", () => {
    const rows: DatasetRow[] = [];
    const values = [[0, 1, 20, 40, 30], [0, 1, 25, 35, 30]]; // under_1 = 0 (published), 1_to_4 = 2 (small)
    ["940", "941"].forEach((la, i) => {
      BANDS.forEach((band, j) => rows.push(laRow(la, "2025", "starts_in_year", { age_band: band }, values[i][j])));
      rows.push(laRow(la, "2025", "starts_in_year", { age_band: "total" }, values[i].reduce((a, b) => a + b, 0)));
    });
    const result = aggregateDataset(rows, { to: { source: "t", footprints: [{ code: "N", name: "Northants", members: ["940", "941"] }] }, publish: { k: 5, crossGeography: false } });
    const byBand = Object.fromEntries(result.rows.map((r) => [r.dims.age_band, r]));
    expect(byBand.under_1).toMatchObject({ value: 0, value_status: "ok" });
    expect(byBand["1_to_4"]).toMatchObject({ value: null, value_status: "suppressed" });
    expect(byBand["1_to_4"].note).toMatch(/^c: suppressed \(a count below 5\)/);
    expect(byBand["5_to_9"]).toMatchObject({ value: null, value_status: "suppressed" }); // smallest non-zero sibling: 45
    expect(byBand["5_to_9"].note).toMatch(/secondary/);
    expect(result.disclosure).toMatchObject({ k: 5, primary: 1, secondary: 1, residual: 0 });
    expect(result.notes.join(" ")).toMatch(/Disclosure control \(k = 5\)/);
  });

  it("cross-geography: a footprint figure minus the published LA figures does not reveal a small LA count", () => {
    // Raw LA returns: Milton Keynes has 3 in secure homes, the others have large counts.
    const rows = [laRow("940", "2025", "cla_31_march", { placement_type: "secure_and_childrens_homes", age_band: "total" }, 40), laRow("826", "2025", "cla_31_march", { placement_type: "secure_and_childrens_homes", age_band: "total" }, 3)];
    const to: FootprintSet = { source: "t", footprints: [{ code: "X", name: "X", members: ["940", "826"] }] };
    expect(aggregateDataset(rows, { to, publish: { k: 5, crossGeography: false } }).rows[0].value).toBe(43);
    const protectedRow = aggregateDataset(rows, { to, publish: { k: 5 } }).rows[0];
    expect(protectedRow).toMatchObject({ value: null, value_status: "suppressed" });
  });

  it("property: with LA tables published under the same rule, no suppressed LA or footprint cell is recoverable", () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 80 }));
    fc.assert(fc.property(fc.array(fc.array(count, { minLength: 5, maxLength: 5 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 3, max: 6 }), (grid, k) => {
      // 1. Each LA publishes its own table with suppression (as DfE does): c = null, "suppressed".
      const rows: DatasetRow[] = [];
      const laCells = new Map<string, Map<string, number>>(); // true values
      MEMBERS.forEach((code, i) => {
        const values = [...grid[i], grid[i].reduce((a, b) => a + b, 0)];
        const codes = [...BANDS, "total"];
        laCells.set(findLa(code)!.oldCode, new Map(codes.map((c, j) => [c, values[j]])));
        const outcome = suppressCells(values.map((value) => ({ value, threshold: true, suppressible: true })), [{ total: 5, parts: [0, 1, 2, 3, 4] }], k);
        codes.forEach((band, j) => rows.push(outcome.status[j] === "published" ? laRow(code, "2025", "starts_in_year", { age_band: band }, values[j]) : laRow(code, "2025", "starts_in_year", { age_band: band }, null, "suppressed")));
      });
      // 2. Aggregate for publication.
      const result = aggregateDataset(rows, { to: set, publish: { k } });
      expect(result.disclosure!.residual).toBe(0);
      // (a) no published footprint count from 1 to k-1
      for (const r of result.rows) if (r.value !== null) expect(r.value === 0 || r.value >= k).toBe(true);
      // (b) the footprint cells, the LA cells and every relation between them leave no suppressed cell determined.
      const cells: Array<{ unknown: boolean; protect: boolean }> = [];
      const index = new Map<string, number>();
      const add = (key: string, unknown: boolean, protect: boolean) => index.set(key, cells.push({ unknown, protect }) - 1);
      for (const r of result.rows) add(`F|${r.dims.age_band}`, r.value === null || r.value_status !== "ok", r.value_status === "suppressed");
      for (const row of rows) add(`${row.old_la_code}|${row.dims.age_band}`, row.value === null, row.value === null);
      const relations = tableRelations(result.rows.map((r) => r.dims), ["age_band"]).map((rel) => ({ total: rel.total, parts: rel.parts }));
      for (const band of [...BANDS, "total"]) relations.push({ total: index.get(`F|${band}`)!, parts: MEMBERS.map((m) => index.get(`${findLa(m)!.oldCode}|${band}`)!) });
      // A published lower bound is a known figure too: it equals the sum of the LA figures present.
      for (const r of result.rows) if (r.value !== null && r.value_status === "estimated") {
        const lower = cells.push({ unknown: false, protect: false }) - 1;
        relations.push({ total: lower, parts: rows.filter((x) => x.dims.age_band === r.dims.age_band && x.value !== null).map((x) => index.get(`${x.old_la_code}|${x.dims.age_band}`)!) });
      }
      // The LAs' own tables are published too: include their relations.
      for (const m of MEMBERS) relations.push({ total: index.get(`${findLa(m)!.oldCode}|total`)!, parts: BANDS.map((b) => index.get(`${findLa(m)!.oldCode}|${b}`)!) });
      const found = determined(cells.map((c) => c.unknown), relations).filter((i) => cells[i].protect);
      expect(found).toEqual([]);
      // and the published lower bounds never exceed the truth
      for (const r of result.rows) if (r.value !== null) {
        const truth = MEMBERS.reduce((sum, m) => sum + laCells.get(findLa(m)!.oldCode)!.get(r.dims.age_band!)!, 0);
        expect(r.value <= truth).toBe(true);
        if (r.value_status === "ok") expect(r.value).toBe(truth);
      }
    }), { numRuns: 60 });
  });

  it("suppresses a mean with its weight", () => {
    const dims = { placement_type: "secure", sector: "la" };
    const rows = [laRow("940", "2025", "weekly_cost_mean", dims, 7000), laRow("940", "2025", "placements_costed", dims, 2), laRow("941", "2025", "weekly_cost_mean", dims, 8000), laRow("941", "2025", "placements_costed", dims, 1)];
    const result = aggregateDataset(rows, { to: { source: "t", footprints: [{ code: "N", name: "N", members: ["940", "941"] }] }, publish: {} });
    expect(result.rows.find((r) => r.measure === "weekly_cost_mean")).toMatchObject({ value: null, value_status: "suppressed" });
    expect(result.rows.find((r) => r.measure === "placements_costed")).toMatchObject({ value: null, value_status: "suppressed" });
  });

  it("rejects a bad k", () => {
    expect(() => applyDisclosureControl([], new Map(), { k: 1 })).toThrow(/k must be/);
  });
});
