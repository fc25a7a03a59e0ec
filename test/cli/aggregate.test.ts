import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { register } from "../../src/cli/aggregate";
import { runMain } from "../../src/cli/run";
import type { DatasetRow } from "../../src/spec/dataset";
import { writeDataset } from "../../src/write/dataset";
import { laRow } from "../aggregate/la-row";

let dir: string;
let dataset: string;

/** Run `suff aggregate ...` in-process as the real CLI does; returns the exit code and what was printed. */
async function suff(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
  process.exitCode = undefined;
  const program = new Command().name("suff").exitOverride().configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  register(program);
  try {
    await runMain(program, ["node", "suff", "aggregate", ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "suff-aggregate-"));
  dataset = path.join(dir, "ds");
  const rows: DatasetRow[] = [];
  const add = (la: string, period: string, placement: string, value: number | null) => rows.push(laRow(la, period, "cla_31_march", { placement_type: placement, age_band: "total" }, value, value === null ? "suppressed" : "ok"));
  add("928", "2021", "total", 1100); add("928", "2021", "foster", 700); add("928", "2021", "secure_and_childrens_homes", 400);
  for (const [la, total, foster] of [["940", 500, 497], ["941", 600, 400], ["826", 350, 250]] as const) {
    add(la, "2025", "total", total); add(la, "2025", "foster", foster); add(la, "2025", "secure_and_childrens_homes", total - foster);
  }
  for (const [la, pop] of [["940", 80000], ["941", 90000], ["826", 60000]] as const) rows.push(laRow(la, "2025", "population_0_17", {}, pop));
  writeDataset(dataset, { rows, manifest: { toolkit_version: "test", template_version: "1.0.0", created: "2025-01-01", inputs: [], rows: rows.length, diagnostics: { error: 0, warning: 0, info: 0 } }, diagnostics: [] });
});

afterEach(() => vi.restoreAllMocks());

describe("suff aggregate", () => {
  it("writes a tidy CSV with EES, rate and coverage columns (--to footprint)", async () => {
    const out = path.join(dir, "fp.csv");
    const { code, out: printed } = await suff(dataset, "--to", "footprint", "--footprints", "data/footprints/illustrative-cross-border-consortium.csv", "--out", out);
    expect(code).toBe(0);
    expect(printed).toMatch(/aggregate rows -> /);
    const records = parse(readFileSync(out, "utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]).slice(0, 13)).toEqual(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "footprint_code", "footprint_name", "measure"]);
    const sm2025 = records.find((r) => r.footprint_code === "ILLUS-SM" && r.time_period === "2025" && r.measure === "cla_31_march" && r.placement_type === "total")!;
    // 940 + 941 + 826 present; Bedford, Central Bedfordshire and Luton have no rows in this dataset.
    expect(sm2025).toMatchObject({ value: "1450", value_status: "estimated", members_expected: "6", members_present: "3", members_missing: "3", geographic_level: "Footprint", region_code: "" });
    const pair2021 = records.find((r) => r.footprint_code === "ILLUS-NNMK" && r.time_period === "2021" && r.placement_type === "total")!;
    expect(pair2021).toMatchObject({ value: "x", value_status: "not_available", comparable: "no" });
  });

  it("writes an xlsx with a notes sheet and one sheet per measure, numbers as numbers (--to region)", async () => {
    const out = path.join(dir, "regions.xlsx");
    const { code } = await suff(dataset, "--to", "region", "--years", "2025", "--out", out);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Notes", "population_0_17", "cla_31_march"]);
    const ws = wb.getWorksheet("cla_31_march")!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(["time_period", "geographic_level", "footprint_code", "footprint_name", "placement_type", "age_band", "value", "value_status"]);
    expect(header).toContain("rate_per_10000");
    const rows = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    const em = rows.find((r) => r[3] === "East Midlands" && r[4] === "total")!;
    expect(em[6]).toBe(1100);
    expect(typeof em[6]).toBe("number");
    expect(em[7]).toBe("estimated");
  });

  it("writes JSON with disclosure control (--to england --publish --k 10)", async () => {
    const out = path.join(dir, "england.json");
    const { code, out: printed } = await suff(dataset, "--to", "england", "--publish", "--k", "10", "--out", out);
    expect(code).toBe(0);
    expect(printed).toMatch(/disclosure control \(k = 10/);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.disclosure).toMatchObject({ k: 10 });
    const secure2025 = json.rows.find((r: Record<string, unknown>) => r.time_period === "2025" && r.placement_type === "secure_and_childrens_homes");
    // North Northamptonshire's 3 children in secure/children's homes is a small LA count: the England figure must not reveal it.
    expect(secure2025).toMatchObject({ value: null, value_status: "suppressed" });
    expect(json.rows.every((r: { value: number | null }) => r.value === null || r.value === 0 || r.value >= 10)).toBe(true);
  });

  it("--no-cross-geography publishes the England figure the LA check would suppress", async () => {
    const out = path.join(dir, "england-no-cross.json");
    // A ledger of its own: the default one (in the dataset folder) holds the earlier tests' publications.
    const { code } = await suff(dataset, "--to", "england", "--publish", "--k", "10", "--no-cross-geography", "--ledger", path.join(dir, "own-ledger.json"), "--out", out);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.disclosure).toMatchObject({ k: 10, crossGeography: false });
    const secure2025 = json.rows.find((r: Record<string, unknown>) => r.time_period === "2025" && r.placement_type === "secure_and_childrens_homes");
    expect(secure2025).toMatchObject({ value: 303, value_status: "estimated" });
  });

  it("exits 1 with located diagnostics for unknown codes in the footprint file, still writing the good footprints", async () => {
    const out = path.join(dir, "errors.csv");
    const { code, out: printed } = await suff(dataset, "--to", "footprint", "--footprints", "test/fixtures/footprints/with-errors.csv", "--out", out);
    expect(code).toBe(1);
    expect(printed).toMatch(/E_FOOTPRINT_LA_UNKNOWN test\/fixtures\/footprints\/with-errors.csv:4/);
    expect(existsSync(out)).toBe(true);
  });

  it("exits 2 on usage errors and unreadable input", async () => {
    expect((await suff(dataset, "--to", "footprint", "--out", path.join(dir, "x.csv"))).err).toMatch(/E_USAGE: --to footprint needs --footprints/);
    expect((await suff(dataset, "--to", "county", "--out", path.join(dir, "x.csv"))).code).toBe(2);
    expect((await suff(dataset, "--to", "england", "--out", path.join(dir, "x.txt"))).code).toBe(2);
    expect((await suff(dataset, "--to", "england", "--k", "1", "--publish", "--out", path.join(dir, "x.csv"))).code).toBe(2);
    expect((await suff(dataset, "--to", "england", "--years", "twenty", "--out", path.join(dir, "x.csv"))).code).toBe(2);
    const missing = await suff(path.join(dir, "nope"), "--to", "england", "--out", path.join(dir, "x.csv"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/E_DATASET_NOT_FOUND/);
    expect((await suff(dataset, "--to", "footprint", "--footprints", path.join(dir, "none.csv"), "--out", path.join(dir, "x.csv"))).err).toMatch(/E_FOOTPRINTS_UNREADABLE/);
  });
});
