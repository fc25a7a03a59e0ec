// Cross-check: the template's children looked after at 31 March equal a direct count of
// children with an open episode at 31 March (excluding short breaks V3/V4), on the
// synthetic samples (counted here straight from the CSVs with csv-parse, not with the
// reader) and on a generated data set (against the generator's own simulation).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { generateSsda903 } from "../../../bench/generate-ssda903";
import { ingestSsda903 } from "../../../src/ingest/ssda903/ingest-ssda903";
import { cleanSsda903 } from "../../../src/ingest/ssda903/clean-ssda903";
import { readSsda903 } from "../../../src/ingest/ssda903/read-ssda903";
import { loadSsda903 } from "../../../src/ingest/ssda903/load-ssda903";
import type { DatasetRow } from "../../../src/spec/dataset";
import { bytes } from "./helpers";

const samples = "test/fixtures/ssda903-samples/combined";

function toDay(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) / 86_400_000 : null;
}

function total(rows: DatasetRow[], measure: string, year: string, la?: string): number | null | undefined {
  return rows.find((r) => r.measure === measure && r.time_period === year && (la === undefined || r.old_la_code === la) &&
    Object.values(r.dims).every((v) => v === "total"))?.value;
}

describe("cross-check: stock at 31 March = direct count of open episodes", () => {
  it("on the samples, every year (episodes in several returns: the latest return's version)", () => {
    const result = loadSsda903(samples, { la: "202" });
    type Row = Record<string, string>;
    const read = (file: string): Row[] => parse(readFileSync(path.join(samples, file)), { columns: true, skip_empty_lines: true });
    const withDob = new Set<string>();
    for (const file of readdirSync(samples).filter((f) => f.endsWith("-header.csv"))) for (const r of read(file)) if (toDay(r.DOB) !== null) withDob.add(r.CHILD);
    // Each return's year ends on the 31 March on or after its latest DECOM; an episode's
    // latest version wins, and a return only speaks for 31 March of its year or earlier.
    const latest = new Map<string, { year: number; row: Row }>();
    const years: number[] = [];
    for (const file of readdirSync(samples).filter((f) => f.endsWith("-episodes.csv"))) {
      const rows = read(file);
      const last = new Date(Math.max(...rows.map((r) => toDay(r.DECOM) ?? -Infinity)) * 86_400_000);
      const year = last.getUTCMonth() < 3 ? last.getUTCFullYear() : last.getUTCFullYear() + 1;
      years.push(year);
      for (const row of rows) {
        const key = `${row.CHILD}|${row.DECOM}`;
        if ((latest.get(key)?.year ?? 0) <= year) latest.set(key, { year, row });
      }
    }
    expect(years).toHaveLength(5);
    // The documented cleaning, written out simply: short breaks and children without a DOB
    // out; an episode still open in an older return than the latest ends on 1 April after
    // that return's 31 March; an episode ending after the child's next one starts ends there.
    const latestYear = Math.max(...years);
    const byChild = new Map<string, { start: number; end: number | null }[]>();
    for (const { year: from, row: r } of latest.values()) {
      const start = toDay(r.DECOM);
      if (start === null || r.LS === "V3" || r.LS === "V4" || !withDob.has(r.CHILD)) continue;
      let end = r.DEC.trim() === "" ? null : toDay(r.DEC);
      if (end === null && from < latestYear) end = Date.UTC(from, 3, 1) / 86_400_000;
      byChild.set(r.CHILD, [...(byChild.get(r.CHILD) ?? []), { start, end }]);
    }
    for (const list of byChild.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let k = 0; k + 1 < list.length; k++) if (list[k].end === null || list[k].end! > list[k + 1].start) list[k].end = list[k + 1].start;
    }
    for (const year of years) {
      const march = Date.UTC(year, 2, 31) / 86_400_000;
      let open = 0;
      for (const list of byChild.values()) if (list.some((e) => e.start <= march && (e.end === null || e.end > march))) open++;
      expect(open, String(year)).toBeGreaterThan(0);
      expect(total(result.rows, "cla_31_march", String(year)), String(year)).toBe(open);
    }
  });

  it("on a generated data set (3 LAs, 4 returns): stock, starts and ceases equal the simulation's", () => {
    const { files, truth } = generateSsda903({ seed: 7, las: 3, firstYear: 2018, lastYear: 2021, entrantsPerLa: 60, burnInYears: 4 });
    const result = ingestSsda903(files.map((f) => ({ name: f.name, bytes: bytes(f.text) })));
    expect(result.rowsRejected).toBe(0);
    let checked = 0;
    for (const [key, stock] of truth.stock) {
      const [la, year] = key.split(":");
      expect(total(result.rows, "cla_31_march", year, la), key).toBe(stock);
      expect(total(result.rows, "starts_in_year", year, la), key).toBe(truth.starts.get(key) ?? 0);
      expect(total(result.rows, "ceases_in_year", year, la), key).toBe(truth.ceases.get(key) ?? 0);
      checked++;
    }
    expect(checked).toBe(12);
    expect(result.diagnostics.some((d) => d.code === "I_903_CLEANED" && d.message.includes("short-breaks"))).toBe(true);
  });

  it("on a generated data set with planted problems, each cleaning rule counts exactly what was planted", () => {
    const { files, truth } = generateSsda903({ seed: 11, las: 4, firstYear: 2018, lastYear: 2022, entrantsPerLa: 60, burnInYears: 4, problems: { missingDob: 0.03, overlaps: 0.05, lostFromNewer: 0.04 } });
    expect(truth.planted.missingDobRows).toBeGreaterThan(0);
    expect(truth.planted.overlaps).toBeGreaterThan(0);
    expect(truth.planted.lostFromNewer).toBeGreaterThan(0);
    const raw = readSsda903(files.map((f) => ({ name: f.name, bytes: bytes(f.text) })));
    const { counts } = cleanSsda903(raw);
    expect(raw.rejected.missing_dob).toBe(truth.planted.missingDobRows);
    expect(counts["overlapping-episodes"]).toBe(truth.planted.overlaps);
    expect(counts["open-absent-from-newer"]).toBe(truth.planted.lostFromNewer);
  });
});
