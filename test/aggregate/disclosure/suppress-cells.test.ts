import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { suppressCells } from "../../../src/aggregate/disclosure/suppress-cells";
import type { DisclosureCell, DisclosureRelation } from "../../../src/aggregate/disclosure/types";
import { matrixRank } from "../../../src/stats/matrix-rank";

/**
 * Independent check of property (b): suppressed cell i is recoverable iff e_i lies in the
 * row space of the constraint matrix restricted to the suppressed columns, i.e. iff adding
 * e_i as a row does not raise the rank.
 */
function recoverable(hidden: boolean[], relations: DisclosureRelation[]): number[] {
  const columns = new Map<number, number>();
  hidden.forEach((h, i) => h && columns.set(i, columns.size));
  const rows = relations.map((r) => {
    const entries: Array<[number, number]> = [];
    if (hidden[r.total]) entries.push([columns.get(r.total)!, 1]);
    for (const p of r.parts) if (hidden[p]) entries.push([columns.get(p)!, -1]);
    return entries;
  }).filter((e) => e.length > 0);
  const base = matrixRank({ columns: columns.size, rows });
  return [...columns].filter(([, c]) => matrixRank({ columns: columns.size, rows: [...rows, [[c, 1]]] }) === base).map(([i]) => i);
}

/** A 1-D table: leaves, then their total (last cell). */
function oneWay(values: number[]): { cells: DisclosureCell[]; relations: DisclosureRelation[] } {
  const total = values.reduce((a, b) => a + b, 0);
  const cells = [...values, total].map((value) => ({ value, threshold: true, suppressible: true }));
  return { cells, relations: [{ total: values.length, parts: values.map((_, i) => i) }] };
}

/** A 2-D table r x c with row totals, column totals and the grand total. */
function twoWay(grid: number[][]): { cells: DisclosureCell[]; relations: DisclosureRelation[] } {
  const r = grid.length;
  const c = grid[0].length;
  const values: number[] = [];
  const at = (i: number, j: number) => i * (c + 1) + j; // row i (r = total row), column j (c = total column)
  for (let i = 0; i <= r; i++) for (let j = 0; j <= c; j++) {
    const rows = i === r ? grid : [grid[i]];
    values[at(i, j)] = rows.reduce((sum, row) => sum + (j === c ? row.reduce((a, b) => a + b, 0) : row[j]), 0);
  }
  const relations: DisclosureRelation[] = [];
  for (let i = 0; i <= r; i++) relations.push({ total: at(i, c), parts: Array.from({ length: c }, (_, j) => at(i, j)) });
  for (let j = 0; j <= c; j++) relations.push({ total: at(r, j), parts: Array.from({ length: r }, (_, i) => at(i, j)) });
  return { cells: values.map((value) => ({ value, threshold: true, suppressible: true })), relations };
}

// Small counts are common in real tables: bias the generator towards 0..6.
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));

function checkProperties(cells: DisclosureCell[], relations: DisclosureRelation[], k: number) {
  const outcome = suppressCells(cells, relations, k);
  const hidden = outcome.status.map((s) => s !== "published");
  // (a) no published value is 1..k-1
  cells.forEach((cell, i) => {
    if (outcome.status[i] === "published") expect(cell.value! >= k || cell.value === 0).toBe(true);
  });
  // every small count is suppressed, zeros are published unless needed as secondary cells
  cells.forEach((cell, i) => {
    if (cell.value! > 0 && cell.value! < k) expect(outcome.status[i]).toBe("primary");
    if (cell.value === 0) expect(outcome.status[i]).not.toBe("primary");
  });
  // (b) no suppressed cell is uniquely determined by the published cells
  expect(recoverable(hidden, relations)).toEqual([]);
  expect(outcome.residual).toEqual([]);
  return outcome;
}

describe("suppressCells", () => {
  it("gives the JSDoc example: one small part makes its smallest sibling a secondary suppression", () => {
    expect(suppressCells([{ value: 10, threshold: true, suppressible: true }, { value: 3, threshold: true, suppressible: true }, { value: 7, threshold: true, suppressible: true }], [{ total: 0, parts: [1, 2] }], 5).status)
      .toEqual(["published", "primary", "secondary"]);
  });
  it("publishes zeros and large counts untouched", () => {
    const { cells, relations } = oneWay([0, 12, 30]);
    expect(suppressCells(cells, relations, 5).status.every((s) => s === "published")).toBe(true);
  });
  it("picks the smallest non-zero part, not a zero, as the secondary cell", () => {
    const { cells, relations } = oneWay([2, 0, 40, 9]);
    expect(suppressCells(cells, relations, 5).status).toEqual(["primary", "published", "published", "secondary", "published"]);
  });
  it("suppresses the total when every other part is zero", () => {
    const cells = [3, 0, 0, 3].map((value, i) => ({ value, threshold: i < 3, suppressible: true }));
    expect(suppressCells(cells, [{ total: 3, parts: [0, 1, 2] }], 5).status).toEqual(["primary", "published", "published", "secondary"]);
  });
  it("protects across rows and columns of a 2-D table (needs the rank check, not only single relations)", () => {
    const { cells, relations } = twoWay([[3, 20, 30], [40, 50, 60]]);
    const outcome = checkProperties(cells, relations, 5);
    expect(outcome.status.filter((s) => s === "secondary").length).toBeGreaterThanOrEqual(3);
  });
  it("honours k and rejects a bad k", () => {
    const { cells, relations } = oneWay([7, 20, 30]);
    expect(suppressCells(cells, relations, 10).status[0]).toBe("primary");
    expect(suppressCells(cells, relations, 5).status[0]).toBe("published");
    expect(() => suppressCells(cells, relations, 1)).toThrow(/k must be/);
  });
  it("never suppresses a cell it does not control, and reports what it cannot protect", () => {
    // total (ours) = a + b where a is someone else's small count already hidden and b is published elsewhere.
    const cells: DisclosureCell[] = [{ value: null, threshold: true, suppressible: false, protect: true }, { value: 40, threshold: true, suppressible: false }, { value: 43, threshold: true, suppressible: true }];
    const outcome = suppressCells(cells, [{ total: 2, parts: [0, 1] }], 5);
    expect(outcome.status).toEqual(["unknown", "published", "secondary"]);
    const inherent = suppressCells([{ value: null, threshold: true, suppressible: false, protect: true }, { value: 40, threshold: true, suppressible: false }, { value: 43, threshold: true, suppressible: false }], [{ total: 2, parts: [0, 1] }], 5);
    expect(inherent.residual).toEqual([0]);
  });
  it("never picks a cell that figures published elsewhere pin down (hiding it would protect nothing)", () => {
    // T = A + B in our table; A is small; B = e1 + e2 where e1, e2 are published elsewhere.
    const cells: DisclosureCell[] = [
      { value: 50, threshold: true, suppressible: true }, // T
      { value: 3, threshold: true, suppressible: true }, // A
      { value: 47, threshold: true, suppressible: true }, // B
      { value: 40, threshold: true, suppressible: false }, // e1
      { value: 7, threshold: true, suppressible: false }, // e2
    ];
    const outcome = suppressCells(cells, [{ total: 0, parts: [1, 2] }, { total: 2, parts: [3, 4] }], 5);
    expect(outcome.status).toEqual(["secondary", "primary", "published", "published", "published"]);
    expect(outcome.residual).toEqual([]);
  });
  it("property: random 1-D tables with a total", () => {
    fc.assert(fc.property(fc.array(count, { minLength: 1, maxLength: 9 }), fc.integer({ min: 2, max: 10 }), (values, k) => {
      const { cells, relations } = oneWay(values);
      checkProperties(cells, relations, k);
    }), { numRuns: 300 });
  });
  it("property: random 2-D tables with row, column and grand totals", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.infiniteStream(count), fc.integer({ min: 3, max: 6 }), (r, c, stream, k) => {
      const it = stream[Symbol.iterator]();
      const grid = Array.from({ length: r }, () => Array.from({ length: c }, () => it.next().value as number));
      const { cells, relations } = twoWay(grid);
      checkProperties(cells, relations, k);
    }), { numRuns: 200 });
  });
  it("property: a 1-D table with a group level (total = groups, group = leaves)", () => {
    fc.assert(fc.property(fc.array(fc.array(count, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (groups) => {
      const cells: DisclosureCell[] = [];
      const relations: DisclosureRelation[] = [];
      const groupIndex: number[] = [];
      for (const leaves of groups) {
        const leafIndex = leaves.map((v) => cells.push({ value: v, threshold: true, suppressible: true }) - 1);
        const g = cells.push({ value: leaves.reduce((a, b) => a + b, 0), threshold: true, suppressible: true }) - 1;
        relations.push({ total: g, parts: leafIndex });
        groupIndex.push(g);
      }
      const total = cells.push({ value: groupIndex.reduce((a, g) => a + (cells[g].value as number), 0), threshold: true, suppressible: true }) - 1;
      relations.push({ total, parts: groupIndex });
      checkProperties(cells, relations, 5);
    }), { numRuns: 200 });
  });
});
