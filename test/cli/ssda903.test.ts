// SSDA903 as LAs and other producers send it (issue 8, items 4, 5 and 9), driven through
// the compiled CLI as a user would: an XML return in the DfE schema shape, unmappable
// codes, a stacked extract with start-year YEAR labels from the regional demand-model app,
// a file set without an LA column, the 2025-26 codes and the 2026-27 deprivation of
// liberty table, and an LA's template pre-filled from its extract, then validated.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSsda903 } from "../../bench/generate-ssda903";
import { leafCodes } from "../../src/reference/code-tree";
import { PLACEMENT_TYPE } from "../../src/reference/code-lists";
import { REPO, runSuff } from "../helpers/cli";

const samples = path.join(REPO, "test/fixtures/ssda903-samples/combined");
const xmlReturn = path.join(REPO, "test/fixtures/ssda903-xml/return.xml");
const regional = path.join(REPO, "test/fixtures/ssda903-regional-app");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "suff-903-cli-"));

/** A CSV as records (quoted fields with commas allowed). */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").trimEnd().split(/\r?\n/);
  const split = (line: string) => {
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { fields.push(field); field = ""; } else field += c;
    }
    fields.push(field);
    return fields;
  };
  const columns = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [columns[i], v])));
}

const PLACEMENT_LEAVES = leafCodes(PLACEMENT_TYPE);
const value = (rows: Record<string, string>[], where: Record<string, string>) => {
  const found = rows.filter((r) => Object.entries(where).every(([k, v]) => (r[k] ?? "") === v));
  expect(found.length, JSON.stringify(where)).toBe(1);
  return found[0].value === "" ? null : Number(found[0].value);
};

/** Every LA-year of a dataset: the placement-type parts of cla_31_march add up to the total, for each age band. */
function expectPlacementPartsAddUp(rows: Record<string, string>[]): number {
  let checked = 0;
  const stock = rows.filter((r) => r.measure === "cla_31_march" && r.value_status === "ok");
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of stock) groups.set(`${r.old_la_code}|${r.time_period}|${r.age_band}`, [...(groups.get(`${r.old_la_code}|${r.time_period}|${r.age_band}`) ?? []), r]);
  for (const [key, group] of groups) {
    const total = group.find((r) => r.placement_type === "total");
    const parts = group.filter((r) => PLACEMENT_LEAVES.includes(r.placement_type));
    expect(parts.length, key).toBe(PLACEMENT_LEAVES.length);
    expect(parts.reduce((a, r) => a + Number(r.value), 0), key).toBe(Number(total?.value));
    checked++;
  }
  return checked;
}

/**
 * suff validate on a file: its errors must all be required values the extract cannot give
 * (a 903 dataset is not a whole return): only the LA's own records have them, or (for an
 * extract without PL_LA/PL_LOCATION, `withoutLocation`) placed outside the LA.
 */
function expectOnlyLaRecordsMissing(file: string, withoutLocation = false): void {
  const validate = runSuff(["validate", file, "--json"]);
  expect(validate.status).not.toBe(2);
  const errors = (JSON.parse(validate.stdout) as Array<{ code: string; severity: string; message: string }>).filter((d) => d.severity === "error");
  for (const e of errors) {
    if (withoutLocation && e.code === "E_REQUIRED_MISSING") expect(e.message).toMatch(/^placed_outside_la is required/);
    else expect(e.code, e.message).toBe("E_REQUIRED_LA_RECORDS_MISSING");
  }
}

describe("suff ingest on an SSDA903 XML return (DfE schema shape)", () => {
  it("reads <PL>, <PLACE_PROVIDER>, <URN>, <PL_LA>, <PL_LOCALITY>, <PL_DISTANCE>: placement-type parts add up to the total, and suff validate finds no error but the LA-records required measures", () => {
    const out = path.join(tmp(), "xml");
    const run = runSuff(["ingest", xmlReturn, "--la", "202", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const rows = readCsv(path.join(out, "dataset.csv"));
    expect(expectPlacementPartsAddUp(rows)).toBe(6); // year ending 2022: the total and 5 age bands
    const stock = (type: string) => value(rows, { measure: "cla_31_march", time_period: "2022", placement_type: type, age_band: "total" });
    expect(stock("total")).toBe(55);
    expect(stock("foster_ifa")).toBe(17); // PLACE x PLACE_PROVIDER read from <PL> and <PLACE_PROVIDER>
    expect(stock("childrens_home_private")).toBe(7);
    expect(stock("unknown")).toBe(1); // the planted U5 with PR0: counted, not lost
    // Location from the derived fields: known for every child, so derived (not missing).
    expect(value(rows, { measure: "placed_outside_la", time_period: "2022", placement_type: "total" })).toBe(38);
    expect(value(rows, { measure: "placed_outside_region", time_period: "2022", placement_type: "total" })).toBe(24);
    expect(value(rows, { measure: "placed_over_20_miles", time_period: "2022", placement_type: "total" })).toBeGreaterThan(0);
    const diagnostics = readCsv(path.join(out, "diagnostics.csv"));
    expect(diagnostics.find((d) => d.code === "W_903_UNRESOLVED_PLACEMENT")?.message).toMatch(/1 rows have PLACE U5 with PLACE_PROVIDER PR0.*counted under placement type 'unknown'/);
    // No parts-sum or other error: only the required measures SSDA903 cannot give (supply, cost).
    expectOnlyLaRecordsMissing(path.join(out, "dataset.csv"));
  }, 120_000);

  it("gives the same counts as the same return as CSV files", () => {
    const dir = tmp();
    const csvDir = path.join(dir, "csv");
    mkdirSync(csvDir);
    for (const table of ["header", "episodes", "uasc"]) cpSync(path.join(samples, `2021-${table}.csv`), path.join(csvDir, `2021-${table}.csv`));
    expect(runSuff(["ingest", csvDir, "--la", "202", "--out", path.join(dir, "from-csv")]).status).toBe(0);
    expect(runSuff(["ingest", xmlReturn, "--la", "202", "--out", path.join(dir, "from-xml")]).status).toBe(0);
    const pick = (file: string) => readCsv(file)
      .filter((r) => ["starts_in_year", "ceases_in_year", "cla_31_march_by_need", "cla_31_march_by_legal_status", "cla_31_march_uasc", "ceases_in_year_by_reason"].includes(r.measure) || (r.measure === "cla_31_march" && r.placement_type === "total"))
      .map((r) => `${r.time_period}|${r.measure}|${r.placement_type}|${r.age_band}|${r.category_of_need}|${r.legal_status}|${r.reason_ceased}|${r.value}|${r.value_status}`).sort();
    const fromCsv = pick(path.join(dir, "from-csv", "dataset.csv"));
    expect(fromCsv.length).toBeGreaterThan(50);
    expect(pick(path.join(dir, "from-xml", "dataset.csv"))).toEqual(fromCsv);
  }, 120_000);
});

describe("unmappable placement codes", () => {
  it("go to placement type 'unknown', counted with a diagnostic, so the toolkit's own output passes suff validate (no error but the LA-records required measures)", () => {
    const dir = tmp();
    const input = path.join(dir, "extract");
    cpSync(samples, input, { recursive: true });
    // Plant foster placements with a parent as provider (PR0) and an unknown PLACE in open 2021 episodes.
    const file = path.join(input, "2021-episodes.csv");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    let pr0 = 0;
    let q9 = 0;
    const edited = lines.map((line, i) => {
      const cells = line.split(",");
      if (i === 0 || cells[7] !== "") return line;
      if (pr0 < 4 && /^U[456]$/.test(cells[5])) { cells[6] = "PR0"; pr0++; }
      else if (q9 < 2 && cells[5] === "U1") { cells[5] = "Q9"; q9++; }
      return cells.join(",");
    });
    writeFileSync(file, edited.join("\n") + "\n");
    const out = path.join(dir, "out");
    const run = runSuff(["ingest", input, "--la", "202", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const rows = readCsv(path.join(out, "dataset.csv"));
    expect(expectPlacementPartsAddUp(rows)).toBe(30); // 5 years x (total + 5 age bands)
    expect(value(rows, { measure: "cla_31_march", time_period: "2022", placement_type: "unknown", age_band: "total" })).toBe(pr0 + q9);
    const diagnostics = readCsv(path.join(out, "diagnostics.csv"));
    expect(diagnostics.filter((d) => d.code === "W_903_UNRESOLVED_PLACEMENT").length).toBeGreaterThan(0);
    expect(q9).toBeGreaterThan(0);
    expect(diagnostics.find((d) => d.code === "W_903_UNKNOWN_PLACE")?.message).toMatch(new RegExp(`: ${q9} rows have PLACE Q9`));
    expectOnlyLaRecordsMissing(path.join(out, "dataset.csv"), true);
  }, 120_000);
});

describe("a stacked extract from the regional demand-model app (LA names, YEAR = the year the collection starts)", () => {
  it("is read with the year each return ends: the last 31 March is kept, no row warns, and manifest.json says how YEAR was read", () => {
    const out = path.join(tmp(), "regional");
    const run = runSuff(["ingest", regional, "--out", out]); // no --la: the LA column names the LAs
    expect(run.status, run.stderr).not.toBe(2);
    const rows = readCsv(path.join(out, "dataset.csv"));
    const years = [...new Set(rows.map((r) => r.time_period))].sort();
    expect(years).toEqual(["2018", "2019", "2020", "2021", "2022"]);
    expect([...new Set(rows.map((r) => `${r.old_la_code} ${r.la_name}`))].sort()).toEqual(["210 Southwark", "305 Bromley", "312 Hillingdon"]);
    // The last 31 March (2022) against an independent count: children (with a date of birth) in an
    // episode of the YEAR 2021 return open at 31 March 2022, short breaks excluded.
    const header = readCsv(path.join(regional, "header.csv"));
    const withDob = new Set(header.filter((h) => h.DOB !== "").map((h) => `${h.LA}|${h.CHILD}`));
    const episodes = readCsv(path.join(regional, "episodes.csv"));
    for (const [name, code] of [["Southwark", "210"], ["Bromley", "305"], ["Hillingdon", "312"]]) {
      const open = new Set(episodes.filter((e) => e.LA === name && e.YEAR === "2021" && e.DECOM <= "2022-03-31" && (e.DEC === "" || e.DEC > "2022-03-31") && e.LS !== "V3" && e.LS !== "V4" && withDob.has(`${e.LA}|${e.CHILD}`)).map((e) => e.CHILD));
      expect(open.size, name).toBeGreaterThan(0);
      expect(value(rows, { measure: "cla_31_march", time_period: "2022", old_la_code: code, placement_type: "total", age_band: "total" }), name).toBe(open.size);
    }
    const diagnostics = readCsv(path.join(out, "diagnostics.csv"));
    expect(diagnostics.filter((d) => d.code === "W_903_DECOM_AFTER_YEAR")).toEqual([]);
    expect(diagnostics.find((d) => d.code === "I_903_YEAR_CONVENTION")?.message).toMatch(/read as the year the collection starts .* for 15 of 15 returns of 3 LAs \(inferred/);
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    const statement = manifest.inputs[0].collection_year;
    expect(statement).toMatchObject({ setting: "inferred", reading: "starts", by_convention: { starts: 15 }, listed: "all" });
    expect(statement.returns.find((r: { la: string; year_label: string }) => r.la === "210" && r.year_label === "2021")).toMatchObject({ year_ending: 2022, convention: "starts", basis: "inferred" });
  }, 120_000);

  it("--collection-year-ends forces the other reading (and every late episode then warns); both options at once is a usage error", () => {
    const dir = tmp();
    const run = runSuff(["ingest", regional, "--collection-year-ends", "--out", path.join(dir, "ends")]);
    expect(run.status).not.toBe(2);
    const years = [...new Set(readCsv(path.join(dir, "ends", "dataset.csv")).map((r) => r.time_period))].sort();
    expect(years).toEqual(["2017", "2018", "2019", "2020", "2021"]); // the 31 March 2022 stock is lost, as before
    expect(readCsv(path.join(dir, "ends", "diagnostics.csv")).some((d) => d.code === "W_903_DECOM_AFTER_YEAR")).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, "ends", "manifest.json"), "utf8")).inputs[0].collection_year).toMatchObject({ setting: "ends", reading: "ends" });
    const both = runSuff(["ingest", regional, "--collection-year-ends", "--collection-year-starts", "--out", path.join(dir, "both")]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/E_USAGE/);
  }, 120_000);

  it("on a generated national-shape extract (LA names with commas, start-year labels, ISO dates): every LA-year equals the simulation", () => {
    const { files, truth } = generateSsda903({ seed: 5, las: 12, firstYear: 2019, lastYear: 2022, entrantsPerLa: 30, burnInYears: 4, shape: "regional-app" });
    const dir = tmp();
    const input = path.join(dir, "extract");
    mkdirSync(input);
    for (const f of files) writeFileSync(path.join(input, f.name), f.text);
    expect(readdirSync(input).sort()).toEqual(["episodes.csv", "header.csv", "uasc.csv"]);
    const out = path.join(dir, "out");
    const run = runSuff(["ingest", input, "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const rows = readCsv(path.join(out, "dataset.csv"));
    const total = (measure: string, key: string) => {
      const [la, year] = key.split(":");
      return value(rows, { measure, time_period: year, old_la_code: la, ...(measure === "cla_31_march" ? { placement_type: "total" } : {}), age_band: "total" });
    };
    let checked = 0;
    for (const key of truth.stock.keys()) {
      expect(total("cla_31_march", key), key).toBe(truth.stock.get(key));
      expect(total("starts_in_year", key), key).toBe(truth.starts.get(key) ?? 0);
      expect(total("ceases_in_year", key), key).toBe(truth.ceases.get(key) ?? 0);
      checked++;
    }
    expect(checked).toBe(48);
    expect(readCsv(path.join(out, "diagnostics.csv")).filter((d) => d.severity !== "info")).toEqual([]);
  }, 120_000);
});

describe("a file set without an LA column", () => {
  it("stops with E_903_NO_LA and a hint, and writes nothing (several LAs are never merged into one anonymous LA)", () => {
    const out = path.join(tmp(), "none");
    const run = runSuff(["ingest", samples, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error E_903_NO_LA: .*2017-episodes\.csv, .*2017-header\.csv, .*2017-uasc\.csv and 12 more: no LA column and no LA given, so the LA of these SSDA903 rows is unknown; nothing was read\.\n/);
    expect(run.stderr).toMatch(/hint: Give the LA of a one-LA extract with --la CODE .* An extract holding several LAs needs an LA column/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe("the 2025-26 SSDA903 codes and the 2026-27 deprivation of liberty table", () => {
  const dir = tmp();
  const input = path.join(dir, "return-2026");
  mkdirSync(input);
  // One LA (by name), YEAR written as 2025/26 (both years named); SEX as M/F/U, the old 1/2, and a bad value.
  writeFileSync(path.join(input, "header.csv"), ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,LA,YEAR",
    ...["A,M", "B,F", "C,U", "D,1", "E,2", "F,X", "G,M", "H,F", "I,M", "J,F", "K,M"].map((cs, i) => `${cs},0${(i % 9) + 1}/02/2011,WBRI,X${i},,,Camden,2025/26`)].join("\n") + "\n");
  writeFileSync(path.join(input, "episodes.csv"), ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA,YEAR",
    "A,01/06/2025,S,C2,N1,K3,PR4,,,,,,,Camden,2025/26",
    "B,01/06/2025,S,C2,N1,H5,PR4,,,,,,,Camden,2025/26",
    "C,01/06/2025,S,C2,N1,P2,PR4,,,,,,,Camden,2025/26",
    "D,01/06/2025,S,C2,N1,Z11,PR4,,,,,,,Camden,2025/26",
    "E,01/06/2025,S,C2,N1,Z12,PR4,,,,,,,Camden,2025/26",
    "F,01/06/2025,S,C2,N1,Z13,PR4,,,,,,,Camden,2025/26",
    "G,01/06/2025,S,C2,N1,Z14,PR4,,,,,,,Camden,2025/26",
    "H,01/06/2025,S,C2,N1,Z1,PR4,,,,,,,Camden,2025/26",
    "I,01/06/2025,S,C2,N1,U1,PR1,,,,,,,Camden,2025/26",
    "J,01/06/2025,S,C2,N1,K2,PR4,,,,,,,Camden,2025/26",
  ].join("\n") + "\n");
  // I: an order in force at 31 March 2026; J: ended on 31 March (not in force); K: no episode (not looked after).
  writeFileSync(path.join(input, "dolo.csv"), ["CHILD,DOB,DOLO_START,DOLO_END,LA,YEAR",
    "I,09/02/2011,01/09/2025,,Camden,2025/26", "J,01/02/2011,01/09/2025,31/03/2026,Camden,2025/26", "K,02/02/2011,01/10/2025,,Camden,2025/26"].join("\n") + "\n");

  it("suff ingest: Z11-Z14 and K3 are placement types; H5, P2 and Z1 in a 2026 return warn; SEX M/F/U and 1/2 read; the DoLO table fills deprivation_of_liberty_orders", () => {
    const out = path.join(dir, "out");
    const run = runSuff(["ingest", input, "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const rows = readCsv(path.join(out, "dataset.csv"));
    const stock = (type: string) => value(rows, { measure: "cla_31_march", time_period: "2026", placement_type: type, age_band: "total" });
    expect(stock("total")).toBe(10);
    expect(stock("supported_accommodation")).toBe(3); // K3, and H5 and P2 as before
    expect(stock("other")).toBe(5); // Z11, Z12, Z13, Z14 and Z1
    expect(stock("unknown")).toBe(0);
    expect(value(rows, { measure: "deprivation_of_liberty_orders", time_period: "2026" })).toBe(1);
    const diagnostics = readCsv(path.join(out, "diagnostics.csv"));
    expect(diagnostics.filter((d) => d.code === "W_903_PLACE_NOT_IN_YEAR").map((d) => d.message).sort()).toEqual([
      expect.stringMatching(/1 episodes in the 2026 return have PLACE H5, which is not valid from the 2025-26 collection \(use K3, supported accommodation\); they are counted as supported_accommodation\./),
      expect.stringMatching(/1 episodes in the 2026 return have PLACE P2, which is not valid from the 2025-26 collection \(use K3, supported accommodation\)/),
      expect.stringMatching(/1 episodes in the 2026 return have PLACE Z1, which is not valid from the 2025-26 collection \(use Z11 to Z14\); they are counted as other\./),
    ]);
    expect(diagnostics.filter((d) => d.code === "W_903_UNKNOWN_CODE").map((d) => d.message)).toEqual([expect.stringMatching(/1 rows have SEX X, which is not in the SSDA903 code set/)]);
    expect(diagnostics.find((d) => d.code === "I_903_DOLO_NOT_LOOKED_AFTER")?.message).toMatch(/^1 deprivation of liberty orders/);
    expect(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")).inputs[0].collection_year).toMatchObject({ by_convention: { named: 1 } });
  }, 120_000);

  it("suff template --from-ssda903 pre-fills deprivation_of_liberty_orders from the DoLO table", () => {
    const out = path.join(dir, "template");
    const run = runSuff(["template", "--from-ssda903", input, "--la", "Camden", "--period", "2026", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const csv = readCsv(path.join(out, "sufficiency-return-E09000007-2026.csv"));
    expect(csv.find((r) => r.measure === "deprivation_of_liberty_orders")).toMatchObject({ value: "1", value_status: "ok", source: "ssda903" });
    expect(csv.find((r) => r.measure === "sibling_groups_placed_apart")).toMatchObject({ value: "", value_status: "", source: "" });
  }, 120_000);
});

describe("suff template --from-ssda903: an LA's template filled from its extract", () => {
  it("writes the protected workbook and long CSV with the 903 measures filled (marked), the rest blank; suff validate finds only required values the extract cannot give", () => {
    const dir = tmp();
    const out = path.join(dir, "template");
    const run = runSuff(["template", "--from-ssda903", samples, "--la", "202", "--period", "2021", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Camden \(202\), year ending 31 March 2021: \d+ template rows pre-filled from SSDA903 \(\d+ measures\), \d+ left blank for the LA\./);
    const workbook = path.join(out, "sufficiency-return-E09000007-2021.xlsx");
    const csvFile = path.join(out, "sufficiency-return-E09000007-2021.csv");
    expect(existsSync(workbook) && existsSync(csvFile) && existsSync(path.join(out, "ssda903-diagnostics.json"))).toBe(true);
    // The long CSV: pre-filled rows marked source=ssda903, the rest blank.
    const csv = readCsv(csvFile);
    const filled = csv.filter((r) => r.source === "ssda903");
    expect(filled.length).toBeGreaterThan(150);
    expect(new Set(filled.map((r) => r.measure))).toEqual(new Set(["cla_31_march", "cla_31_march_by_need", "cla_31_march_by_legal_status", "cla_31_march_by_provider", "cla_31_march_uasc", "starts_in_year", "starts_in_year_by_need", "starts_in_year_by_legal_status", "starts_in_year_uasc", "ceases_in_year", "ceases_in_year_by_reason", "ceases_in_year_uasc"]));
    expect(csv.filter((r) => r.source === "").every((r) => r.value === "" && r.value_status === "")).toBe(true);
    expect(csv.find((r) => r.measure === "foster_places_approved")).toMatchObject({ value: "", source: "" });
    // The same figures suff ingest derives from the extract, groups summed from their parts.
    const ingested = path.join(dir, "ingested");
    expect(runSuff(["ingest", samples, "--la", "202", "--out", ingested]).status).toBe(0);
    const dataset = readCsv(path.join(ingested, "dataset.csv")).filter((r) => r.time_period === "2021");
    for (const r of filled.filter((x) => x.value_status === "ok")) {
      const own = dataset.find((d) => d.measure === r.measure && ["placement_type", "age_band", "category_of_need", "legal_status", "reason_ceased", "place_provider"].every((c) => (d[c] ?? "") === (r[c] ?? "")));
      if (own) expect(r.value, `${r.measure} ${r.placement_type} ${r.age_band}`).toBe(own.value);
    }
    const foster = (type: string) => Number(csv.find((r) => r.measure === "cla_31_march" && r.placement_type === type && r.age_band === "total")!.value);
    expect(foster("foster")).toBe(foster("foster_kinship") + foster("foster_la") + foster("foster_ifa"));
    // The workbook, read back as a user's return: the same pre-filled values, and it validates.
    const readBack = path.join(dir, "read-back");
    expect(runSuff(["ingest", workbook, "--out", readBack]).status).not.toBe(2);
    const fromWorkbook = readCsv(path.join(readBack, "dataset.csv"));
    expect(fromWorkbook.filter((r) => r.value !== "").length).toBe(filled.filter((r) => r.value !== "").length);
    expect(value(fromWorkbook, { measure: "cla_31_march", placement_type: "total", age_band: "total" })).toBe(foster("total"));
    // suff validate: every error is a required value the extract cannot give. These samples
    // have no PL_LA/PL_LOCATION, so placed outside the LA is left for the LA too (the XML
    // return below has them, and then only the LA's own records are missing).
    const validate = runSuff(["validate", workbook, "--json"]);
    const errors = (JSON.parse(validate.stdout) as Array<{ code: string; severity: string; message: string }>).filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      if (e.code === "E_REQUIRED_MISSING") expect(e.message).toMatch(/^placed_outside_la is required/);
      else expect(e.code).toBe("E_REQUIRED_LA_RECORDS_MISSING");
    }
  }, 180_000);

  it("from an extract with location fields (the XML return), the workbook fails suff validate only for the required measures only LA records can supply", () => {
    const out = path.join(tmp(), "template-xml");
    const run = runSuff(["template", "--from-ssda903", xmlReturn, "--la", "202", "--period", "2022", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    for (const file of ["sufficiency-return-E09000007-2022.xlsx", "sufficiency-return-E09000007-2022.csv"]) {
      const validate = runSuff(["validate", path.join(out, file), "--json"]);
      expect(validate.status, file).toBe(1);
      const errors = (JSON.parse(validate.stdout) as Array<{ code: string; severity: string; message: string }>).filter((d) => d.severity === "error");
      expect(errors.map((e) => e.code), file).toEqual(errors.map(() => "E_REQUIRED_LA_RECORDS_MISSING"));
      // The LA-records measures of the required core, and the template-only 'unregistered' rows of the 903 ones.
      expect(new Set(errors.map((e) => e.message.split(" ")[0])), file).toEqual(new Set(["cla_31_march", "placed_outside_la", "foster_households_inhouse", "foster_places_approved", "la_childrens_home_beds", "placements_costed"]));
    }
    const csv = readCsv(path.join(out, "sufficiency-return-E09000007-2022.csv"));
    // Of the SSDA903 measures of the core, only the template-only 'unregistered' rows are left blank.
    const core = csv.filter((r) => ["cla_31_march", "starts_in_year", "ceases_in_year", "placed_outside_la"].includes(r.measure));
    expect(core.filter((r) => r.source !== "ssda903").every((r) => r.placement_type === "unregistered")).toBe(true);
    expect(core.filter((r) => r.placement_type === "unregistered").length).toBe(7);
    expect(csv.find((r) => r.measure === "placed_outside_la" && r.placement_type === "total")).toMatchObject({ value: "38", source: "ssda903" });
    expect(csv.find((r) => r.measure === "cla_31_march" && r.placement_type === "unregistered" && r.age_band === "total")).toMatchObject({ value: "", source: "" });
  }, 180_000);

  it("refuses a period the extract does not hold, and --from-ssda903 without --la or --period, with exit 2", () => {
    const out = path.join(tmp(), "t");
    const missing = runSuff(["template", "--from-ssda903", samples, "--la", "202", "--period", "2016", "--out", out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/error E_903_NOT_IN_EXTRACT: The SSDA903 extract has no 2016 return .* for Camden \(202\)\.\nhint: Years ending 31 March in the extract for Camden: 2018, 2019, 2020, 2021, 2022\./);
    expect(runSuff(["template", "--from-ssda903", samples, "--period", "2021", "--out", out]).stderr).toMatch(/E_USAGE.*--la/);
    expect(runSuff(["template", "--from-ssda903", samples, "--la", "202", "--out", out]).stderr).toMatch(/E_USAGE.*--period/);
  }, 120_000);
});
