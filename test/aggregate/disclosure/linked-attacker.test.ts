/**
 * Issue 14: an exact attacker (BigInt Gaussian elimination, test/helpers/exact-attacker.ts)
 * against everything published: generated LA data (small counts, LA returns and DfE-like
 * published LA tables with their own suppression, missing cells), overlapping and nested
 * footprints, regions, England and LA tables, published in one run or in separate runs with
 * the publication ledger. No protected cell may be determined; with protection off the same
 * attacker must find cells.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregateDataset } from "../../../src/aggregate/aggregate-dataset";
import { protectLinked, type PublishedPart } from "../../../src/aggregate/disclosure/protect-linked";
import { addToLedger, laFiguresFor, publishedFigures, type Ledger } from "../../../src/aggregate/disclosure/publication-ledger";
import { suppressCells } from "../../../src/aggregate/disclosure/suppress-cells";
import type { AggregateTarget } from "../../../src/aggregate/types";
import { findLa } from "../../../src/reference/las";
import type { DatasetRow } from "../../../src/spec/dataset";
import { ExactAttacker, ones } from "../../helpers/exact-attacker";
import { laRow } from "../la-row";

const POOL = ["E08000001", "E08000002", "E08000003", "E08000004", "E08000005", "E08000006"];
const BANDS = ["under_1", "1_to_4", "5_to_9", "10_to_15", "16_plus"];
const CELLS = [...BANDS, "total"];
const MEASURE = "cla_31_march";

interface GeneratedLa {
  code: string;
  old: string;
  bands: number[];
  published: boolean;
  missing: boolean[];
}

interface Scenario {
  las: GeneratedLa[];
  footprints: number[][];
  levels: { footprints: number; region: number; england: number; las: number }; // run of each level, 0 = not published
  k: number;
}

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const scenario: fc.Arbitrary<Scenario> = fc.record({
  las: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 2, maxLength: 5 }).chain((codes) => fc.tuple(...codes.map((code) => fc.record({
    code: fc.constant(code),
    old: fc.constant(findLa(code)!.oldCode),
    bands: fc.array(count, { minLength: 5, maxLength: 5 }),
    published: fc.boolean(),
    missing: fc.array(fc.integer({ min: 0, max: 7 }).map((n) => n === 0), { minLength: 6, maxLength: 6 }),
  })))),
  footprints: fc.array(fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  levels: fc.record({ footprints: fc.constantFrom(1, 2), region: fc.constantFrom(0, 1, 2), england: fc.constantFrom(0, 1, 2), las: fc.constantFrom(0, 1, 2) }),
  k: fc.constantFrom(3, 5),
});

function datasetOf(s: Scenario): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (const la of s.las) {
    const values = [...la.bands, la.bands.reduce((a, b) => a + b, 0)];
    // A published LA table is suppressed by its publisher (DfE-like); a return is exact.
    const status = la.published ? suppressCells(values.map((value) => ({ value, threshold: true, suppressible: true })), [{ total: 5, parts: [0, 1, 2, 3, 4] }], s.k).status : values.map(() => "published");
    CELLS.forEach((band, j) => {
      if (la.missing[j]) return;
      const dims = { placement_type: "total", age_band: band };
      const row = status[j] === "published" ? laRow(la.code, "2025", MEASURE, dims, values[j]) : laRow(la.code, "2025", MEASURE, dims, null, "suppressed");
      rows.push({ ...row, source: la.published ? "dfe-cla-la-totals" : "template-xlsx" });
    });
  }
  return rows;
}

/** Every level's tables, each as the members (old codes) of each of its geographies. */
function targets(s: Scenario): Array<{ level: keyof Scenario["levels"]; to: AggregateTarget }> {
  const out: Array<{ level: keyof Scenario["levels"]; to: AggregateTarget }> = [];
  const fps = s.footprints.map((ix, i) => ({ code: `F${i}`, name: `F${i}`, members: [...new Set(ix.map((j) => s.las[j % s.las.length]!.code))] }));
  out.push({ level: "footprints", to: { source: "t", footprints: fps } });
  if (s.levels.region) out.push({ level: "region", to: "region" });
  if (s.levels.england) out.push({ level: "england", to: "england" });
  if (s.levels.las) out.push({ level: "las", to: { source: "las", footprints: s.las.map((la) => ({ code: la.old, name: la.old, members: [la.code] })) } });
  return out;
}

/** Publish the scenario's tables in their runs (1 then 2), protected or not; returns every published part. */
function publish(s: Scenario, rows: DatasetRow[], protect: boolean): PublishedPart[] {
  let ledger: Ledger = { entries: [] };
  const all: PublishedPart[] = [];
  for (const run of [1, 2]) {
    const parts: PublishedPart[] = [];
    for (const t of targets(s)) {
      const level = s.levels[t.level] || 0;
      if (level !== run) continue;
      const result = aggregateDataset(rows, { to: t.to });
      parts.push({ rows: result.rows, contributions: result.contributions! });
    }
    if (!parts.length) continue;
    if (protect) protectLinked(parts, { k: s.k, ledger: ledger.entries, laFigures: laFiguresFor(rows, ledger) });
    for (const p of parts) ledger = addToLedger(ledger, publishedFigures(p.rows, p.contributions, `run ${run}`, "2025-01-01"));
    all.push(...parts);
  }
  return all;
}

/**
 * The attacker: LA tables add up; published-source LA figures are known; every published
 * figure is the sum of the LA figures present (the coverage is public). Returns the
 * protected cells it determines, with their values.
 */
function attack(s: Scenario, rows: DatasetRow[], parts: PublishedPart[], protectedRun = true): string[] {
  const attacker = new ExactAttacker();
  const v = (old: string, band: string) => `${old}|${band}`;
  for (const la of s.las) attacker.learn(new Map([[v(la.old, "total"), 1n], ...BANDS.map((b) => [v(la.old, b), -1n] as [string, bigint])]), 0n);
  const byLaCell = new Map<string, DatasetRow>();
  for (const r of rows) byLaCell.set(v(r.old_la_code, r.dims.age_band!), r);
  for (const r of rows) if (r.value !== null && r.source === "dfe-cla-la-totals") attacker.learn(ones([v(r.old_la_code, r.dims.age_band!)]), r.value);
  const suppressed: Array<{ what: string; vector: Map<string, bigint> }> = [];
  const present = (part: PublishedPart, row: PublishedPart["rows"][number]) => (part.contributions.get(row) ?? []).filter((m) => byLaCell.get(v(m.oldCode, row.dims.age_band!))?.value != null).map((m) => v(m.oldCode, row.dims.age_band!));
  for (const part of parts) for (const row of part.rows) {
    if (row.measure !== MEASURE) continue;
    const over = present(part, row);
    if (row.value !== null) {
      if (protectedRun) expect(row.value === 0 || row.value >= s.k, `published small count ${row.value} for ${row.footprint_code} ${row.dims.age_band}`).toBe(true);
      attacker.learn(ones(over), row.value);
    } else if (row.value_status === "suppressed" && over.length) {
      // A suppressed small count (its true value, over the members present, from 1 to k-1)
      // must stay unknown; cells suppressed only to protect it may be found, as long as no
      // small count follows from them (checked through the small counts themselves).
      const truth = over.reduce((sum, key) => sum + (byLaCell.get(key)?.value ?? 0), 0);
      if (truth > 0 && truth < s.k) suppressed.push({ what: `${row.footprint_code} ${row.dims.age_band}`, vector: ones(over) });
    }
  }
  const found: string[] = [];
  for (const la of s.las) {
    const values = [...la.bands, la.bands.reduce((a, b) => a + b, 0)];
    CELLS.forEach((band, j) => {
      const row = byLaCell.get(v(la.old, band));
      if (!row) return;
      const small = values[j]! > 0 && values[j]! < s.k;
      const protectedCell = row.value === null || (small && row.source !== "dfe-cla-la-totals");
      if (!protectedCell) return;
      const value = attacker.solve(ones([v(la.old, band)]));
      if (value !== null) found.push(`LA ${la.old} ${band} = ${value}`);
    });
  }
  for (const c of suppressed) {
    const value = attacker.solve(c.vector);
    if (value !== null) found.push(`${c.what} = ${value}`);
  }
  return found;
}

describe("the exact attacker against everything published (issue 14)", () => {
  it("recovers no protected cell from any combination of levels, footprints and runs (ledger)", () => {
    let controlFound = 0;
    let runs = 0;
    fc.assert(fc.property(scenario, (s) => {
      const rows = datasetOf(s);
      runs++;
      expect(attack(s, rows, publish(s, rows, true))).toEqual([]);
      if (attack(s, rows, publish(s, rows, false), false).length > 0) controlFound++;
    }), { numRuns: Number(process.env.ATTACK_RUNS ?? 80), seed: Number(process.env.ATTACK_SEED ?? 14) });
    // The control: the same attacker against the same outputs without protection finds cells.
    expect(controlFound).toBeGreaterThan(runs / 4);
  });

  it("control: footprint A (ten LAs) minus B (A less one) gives the excluded LA's count without protection, nothing with it", () => {
    const las = ["E08000001", "E08000002", "E08000003", "E08000004", "E08000005", "E08000006", "E08000007", "E08000008", "E08000009", "E08000010"];
    const rows = las.flatMap((code, i) => {
      const bands = [10 + i, 12, i === 9 ? 3 : 20 + i, 30, 15];
      return [...bands, bands.reduce((a, b) => a + b, 0)].map((value, j) => ({ ...laRow(code, "2025", MEASURE, { placement_type: "total", age_band: CELLS[j]! }, value), source: "template-xlsx" }));
    });
    const to: AggregateTarget = { source: "t", footprints: [{ code: "A", name: "A", members: las }, { code: "B", name: "B", members: las.slice(0, 9) }] };
    const s: Scenario = { las: las.map((code, i) => ({ code, old: findLa(code)!.oldCode, bands: [10 + i, 12, i === 9 ? 3 : 20 + i, 30, 15], published: false, missing: [false, false, false, false, false, false] })), footprints: [], levels: { footprints: 1, region: 0, england: 0, las: 0 }, k: 5 };
    const open = aggregateDataset(rows, { to });
    const openFound = attack(s, rows, [{ rows: open.rows, contributions: open.contributions! }], false);
    expect(openFound).toContain(`LA ${findLa("E08000010")!.oldCode} 5_to_9 = 3`);
    const closed = aggregateDataset(rows, { to, publish: { k: 5 } });
    expect(attack(s, rows, [{ rows: closed.rows, contributions: closed.contributions! }])).toEqual([]);
  });
});
