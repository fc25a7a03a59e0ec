/**
 * The ingest dispatcher: routing by content, accounting in the manifest, de-duplication by
 * precedence with warnings when sources disagree, exit codes, and an end-to-end run of
 * `suff ingest data/published --out DIR` checked against the source CSVs.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestExitCode, ingestFiles, mergeRows, precedenceOf, routeFile, type InputFile } from "../../src/ingest/ingest-files";
import { blankWorkbook } from "../../src/template/blank-workbook";
import { legacyMapping } from "../../src/ingest/legacy-mapping";
import { listInputFiles, loadFiles } from "../../src/ingest/load-files";
import { loadDataset, parseDatasetCsv } from "../../src/ingest/load-dataset";
import { datasetCsv } from "../../src/write/dataset";
import { DATASET_COLUMNS, type DatasetRow, type Manifest } from "../../src/spec/dataset";
import { SUFF } from "../helpers/cli";
import { TEMPLATE_VERSION } from "../../src/template/measures";

const enc = new TextEncoder();
const file = (p: string, text: string): InputFile => {
  const bytes = enc.encode(text);
  return { path: p, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
};
const CREATED = "2025-01-01T00:00:00.000Z";
const totalsHeader = "year,new_la_code,old_la_code,la_name,cla_31_march,source_file\n";
const characteristicsHeader = `"time_period","geographic_level","region_code","region_name","new_la_code","old_la_code","la_name","cla_group","characteristic","number","percentage"\n`;

describe("ingestFiles", () => {
  it("routes by content, accounts every row and builds the manifest", async () => {
    const a = file("a/totals.csv", totalsHeader + "2025,E06000001,805,Hartlepool,332,x\n2025,E10000006,909,Cumbria,z,x\n");
    const result = await ingestFiles([a], { created: CREATED });
    expect(result.manifest).toMatchObject({ template_version: TEMPLATE_VERSION, created: CREATED, rows: 1 });
    expect(result.manifest.inputs[0]).toMatchObject({ path: "a/totals.csv", sha256: a.sha256, kind: "dfe-cla-la-totals", rows_read: 2, rows_accepted: 1, rows_rejected: 0, rows_skipped: { "LA did not exist in that year (marker row)": 1 }, diagnostics: 0 });
    expect(ingestExitCode(result.diagnostics)).toBe(0);
  });

  it("keeps the preferred source and warns with both values when sources disagree", async () => {
    const totals = file("b/totals.csv", totalsHeader + "2025,E06000001,805,Hartlepool,330,x\n");
    const characteristics = file("a/chars.csv", characteristicsHeader + `2025,"Local authority","E12000001","North East","E06000001",805,"Hartlepool","Age group","Total","332","100"\n`);
    for (const order of [[totals, characteristics], [characteristics, totals]]) {
      const result = await ingestFiles(order, { created: CREATED });
      expect(result.rows).toHaveLength(1);
      expect(result.rows[0].value).toBe(332);
      const warning = result.diagnostics.find((d) => d.code === "W_DUPLICATE_VALUES_DISAGREE");
      expect(warning?.severity).toBe("warning");
      expect(warning?.message).toContain("332");
      expect(warning?.message).toContain("330");
      expect(result.manifest.inputs.find((i) => i.kind === "dfe-cla-la-totals")?.rows_superseded).toBe(1);
    }
    expect(precedenceOf("dfe-cla-31-march-characteristics")).toBeGreaterThan(precedenceOf("dfe-cla-la-totals"));
  });

  it("summarises agreeing duplicates in one info diagnostic", async () => {
    const row: DatasetRow = { time_period: "2025", time_identifier: "Reporting year", geographic_level: "National", country_code: "E92000001", country_name: "England", region_code: "", region_name: "", old_la_code: "", new_la_code: "", la_name: "", measure: "cla_31_march", dims: { placement_type: "total", age_band: "total" }, value: 81770, value_status: "ok" };
    const merged = mergeRows([{ path: "x", kind: "dfe-cla-national-time-series", rows: [row] }, { path: "y", kind: "dfe-cla-31-march-characteristics", rows: [{ ...row }] }]);
    expect(merged.rows).toHaveLength(1);
    expect(merged.superseded).toEqual([1, 0]);
    expect(merged.diagnostics.map((d) => d.code)).toEqual(["I_DUPLICATES_SUPERSEDED"]);
  });

  it("reports a file it does not recognise (exit 2), and data errors (exit 1)", async () => {
    const odd = await ingestFiles([file("notes.csv", "colour,shape\nred,round\n")], { created: CREATED });
    expect(odd.manifest.inputs[0]).toMatchObject({ kind: "unrecognised", rows_read: 0, diagnostics: 1 });
    expect(odd.diagnostics[0].code).toBe("E_FILE_NOT_RECOGNISED");
    expect(ingestExitCode(odd.diagnostics)).toBe(2);
    const bad = await ingestFiles([file("t.csv", totalsHeader + "2025,E06000001,805,Hartlepool,lots,x\n")], { created: CREATED });
    expect(bad.manifest.inputs[0]).toMatchObject({ rows_read: 1, rows_rejected: 1, diagnostics: 1 });
    expect(ingestExitCode(bad.diagnostics)).toBe(1);
  });

  it("writes dataset.csv that reads back to the same rows", async () => {
    const result = await ingestFiles([file("c.csv", characteristicsHeader + `2025,"Local authority","E12000001","North East","E06000001",805,"Hartlepool","Category of need","N4. Family in acute stress","c","k"\n`)], { created: CREATED });
    const text = datasetCsv(result.rows);
    expect(text.split("\n")[0]).toBe(DATASET_COLUMNS.join(","));
    expect(parseDatasetCsv(text)).toEqual(result.rows);
    expect(result.rows[0]).toMatchObject({ value: null, value_status: "suppressed", source: "dfe-cla-31-march-characteristics" });
    // A dataset.csv written before the source column existed still loads.
    const old = text.split("\n").map((line) => line.replace(/,[^,]*$/, "")).join("\n");
    expect(old.split("\n")[0].endsWith(",value_status")).toBe(true);
    expect(parseDatasetCsv(old)).toEqual(result.rows.map(({ source: _source, ...rest }) => rest));
  });
});

describe("routing by content", () => {
  it("reads SSDA903 tables together as one input, with every file's hash", async () => {
    const files = loadFiles(["test/fixtures/ssda903-samples/combined/2018-header.csv", "test/fixtures/ssda903-samples/combined/2018-episodes.csv", "test/fixtures/ssda903-samples/combined/2018-uasc.csv"]);
    expect(files.map(routeFile).map((r) => r.reader)).toEqual(["ssda903", "ssda903", "ssda903"]);
    // Without an LA column, the LA must be given: one LA's return is never guessed.
    await expect(ingestFiles(files, { created: CREATED })).rejects.toMatchObject({ code: "E_903_NO_LA" });
    const result = await ingestFiles(files, { created: CREATED, la: "805" });
    expect(result.manifest.inputs).toHaveLength(1);
    expect(result.manifest.inputs[0].kind).toBe("ssda903");
    expect(result.manifest.inputs[0].sha256.split(" + ")).toEqual(files.map((f) => f.sha256));
    expect(result.rows.some((r) => r.measure === "cla_31_march")).toBe(true);
    expect(result.rows.every((r) => r.old_la_code === "805" && r.la_name === "Hartlepool")).toBe(true);
    expect(result.manifest.inputs[0].collection_year).toMatchObject({ setting: "inferred", reading: "none", by_convention: { no_year_column: 1 } });
  });
  it("routes a long CSV and a blank template workbook to their readers", async () => {
    const long = file("r.csv", "new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,40\n");
    expect(routeFile(long).reader).toBe("long-csv");
    const blank = await blankWorkbook();
    const result = await ingestFiles([long, { path: "blank.xlsx", bytes: blank, sha256: "0" }], { created: CREATED });
    expect(result.manifest.inputs.map((i) => i.kind)).toEqual(["long-csv", "template-xlsx"]);
    expect(result.rows.find((r) => r.measure === "foster_places_approved")?.value).toBe(40);
  });
  it("reads workbooks through --mapping as legacy LA spreadsheets", async () => {
    const mapping = legacyMapping(JSON.parse(readFileSync("data-templates/legacy-mapping-example.json", "utf8")));
    const result = await ingestFiles(loadFiles(["test/fixtures/legacy/input.xlsx"]), { created: CREATED, mapping });
    expect(result.manifest.inputs[0].kind).toBe("legacy-xlsx");
    expect(result.rows.length).toBeGreaterThan(0);
    expect(precedenceOf("legacy-xlsx")).toBe(100);
  });
  it("reports damaged and Excel 97-2003 workbooks as unreadable with the reader's hint (exit 2)", async () => {
    const result = await ingestFiles(loadFiles(["test/fixtures/invalid/corrupt-xlsx/input.xlsx", "test/fixtures/invalid/legacy-xls/input.xls"]), { created: CREATED });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["E_FILE_UNREADABLE", "E_FILE_UNREADABLE"]);
    expect(result.diagnostics[1].message).toContain("E_LEGACY_XLS");
    expect(result.diagnostics[1].hint).toMatch(/save it as an Excel Workbook/);
    expect(ingestExitCode(result.diagnostics)).toBe(2);
  });
  it("never trusts the extension: a PNG named .csv is unreadable (exit 2)", async () => {
    const png = { path: "picture.csv", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), sha256: "0" };
    const result = await ingestFiles([png], { created: CREATED });
    expect(result.diagnostics[0].code).toBe("E_FILE_UNREADABLE");
    expect(result.diagnostics[0].message).toContain("PNG");
    expect(ingestExitCode(result.diagnostics)).toBe(2);
  });
});

describe("loadFiles", () => {
  it("walks folders in sorted order, data files only", async () => {
    const files = listInputFiles(["data/published/dfe-cla"]);
    expect(files).toEqual([...files].sort());
    expect(files.every((f) => f.endsWith(".csv"))).toBe(true);
    expect(loadFiles(["data/published/ons"])[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it("stops with E_INPUT_NOT_FOUND for a missing path", async () => {
    expect(() => listInputFiles(["no/such/path"])).toThrow(/does not exist/);
  });
});

describe("suff ingest data/published (end to end)", () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;
  let rows: DatasetRow[];
  let manifest: Manifest;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), "suff-ingest-"));
    run = spawnSync(process.execPath, [SUFF, "ingest", "data/published", "--out", out], { encoding: "utf8" });
    ({ rows, manifest } = loadDataset(out));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const get = (where: Partial<DatasetRow>, dims: DatasetRow["dims"]) =>
    rows.filter((r) => Object.entries(where).every(([k, v]) => r[k as keyof DatasetRow] === v) && JSON.stringify(r.dims) === JSON.stringify(dims));

  it("exits 0 and prints a summary", async () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/files -> \d+ rows/);
    expect(run.stdout).toContain("dfe-cla-31-march-characteristics");
  });

  it("England 2025 children looked after at 31 March = 81,770", async () => {
    const england = get({ geographic_level: "National", time_period: "2025", measure: "cla_31_march" }, { placement_type: "total", age_band: "total" });
    expect(england).toHaveLength(1);
    expect(england[0].value).toBe(81770);
  });

  it("LA values match the source CSVs", async () => {
    const source = parse(readFileSync("data/published/dfe-cla/la_cla_31_march_totals_2011_2025.csv"), { columns: true }) as Record<string, string>[];
    for (const [code, year] of [["330", "2015"], ["805", "2012"], ["909", "2019"], ["886", "2018"]]) {
      const expected = Number(source.find((r) => r.old_la_code === code && r.year === year)!.cla_31_march);
      expect(get({ old_la_code: code, time_period: year, measure: "cla_31_march" }, { placement_type: "total", age_band: "total" })[0].value).toBe(expected);
    }
    const chars = parse(readFileSync("data/published/dfe-cla/cla_on_31_march_by_characteristics_2021_2025.csv"), { columns: true }) as Record<string, string>[];
    const foster = chars.find((r) => r.old_la_code === "341" && r.time_period === "2024" && r.cla_group === "Placement" && r.characteristic === "Foster placements")!;
    expect(get({ old_la_code: "341", time_period: "2024", measure: "cla_31_march" }, { placement_type: "foster", age_band: "total" })[0].value).toBe(Number(foster.number));
    const city = get({ old_la_code: "201", time_period: "2025", measure: "cla_31_march" }, { placement_type: "total", age_band: "total" })[0];
    expect(city).toMatchObject({ value: null, value_status: "suppressed" });
  });

  it("accounts every row of every input in the manifest", async () => {
    const files = manifest.inputs.filter((i) => !i.derived_from);
    expect(files.length).toBe(listInputFiles(["data/published"]).length);
    // The Ofsted register is derived from the provider lists and joiners and leavers sheets.
    expect(manifest.inputs.filter((i) => i.derived_from).map((i) => i.kind)).toEqual(["ofsted-register"]);
    for (const input of files) {
      const skipped = Object.values(input.rows_skipped).reduce((a, b) => a + b, 0);
      expect(input.rows_accepted + input.rows_rejected + skipped).toBe(input.rows_read);
      expect(input.sha256).toBe(createHash("sha256").update(readFileSync(input.path)).digest("hex"));
    }
    expect(manifest.rows).toBe(rows.length);
    expect(manifest.inputs.every((i) => i.kind !== "unrecognised")).toBe(true);
  });

  it("writes the dataset columns in EES order and a diagnostics file", async () => {
    expect(readFileSync(path.join(out, "dataset.csv"), "utf8").split("\n")[0]).toBe(DATASET_COLUMNS.join(","));
    expect(readFileSync(path.join(out, "diagnostics.csv"), "utf8").split("\n")[0]).toBe("code,severity,file,sheet,cell,row,column,message,hint");
  });

  it("exits 2 for a path that does not exist", async () => {
    const missing = spawnSync(process.execPath, [SUFF, "ingest", "no/such/folder", "--out", out], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("E_INPUT_NOT_FOUND");
  });
});

