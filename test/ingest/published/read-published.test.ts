/**
 * Hand-checked facts about the published readers (values read off the source CSVs in
 * data/published/), markers, recognition by header, and the accounting invariant as a
 * property over random cuts of a real file.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGE_BAND } from "../../../src/reference/code-lists";
import { parentCode } from "../../../src/reference/code-tree";
import { decodeUtf8, headerColumns, publishedTable } from "../../../src/ingest/from-published/published-table";
import { readAccumulator } from "../../../src/ingest/from-published/read-accumulator";
import { readPublished, PUBLISHED_READERS } from "../../../src/ingest/from-published/read-published";
import { findLaByLooseName, resolveGeography } from "../../../src/ingest/from-published/resolve-geography";
import { readOfstedRegisterList } from "../../../src/ingest/from-published/read-ofsted-register-list";
import { assembleRegister } from "../../../src/ingest/from-published/assemble-register";
import { readOnsPopulation } from "../../../src/ingest/from-published/read-ons-population";
import type { DatasetRow, ReadResult } from "../../../src/spec/dataset";

const enc = new TextEncoder();
const fixture = (name: string) => readFileSync(`test/fixtures/published-${name}/input.csv`);
const read = (name: string, fileName = "renamed.csv"): ReadResult => readPublished({ name: fileName, bytes: fixture(name) })!;
const find = (rows: DatasetRow[], where: Partial<DatasetRow> & { dims?: DatasetRow["dims"] }) =>
  rows.filter((r) => Object.entries(where).every(([k, v]) => (k === "dims" ? JSON.stringify(r.dims) === JSON.stringify(v) : r[k as keyof DatasetRow] === v)));

describe("small helpers (JSDoc examples)", () => {
  it("decodes UTF-8 and strips a BOM", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    expect(decodeUtf8(new Uint8Array([0xa3, 0x35]))).toBe("\u00a35"); // Windows-1252 pound sign
    expect(headerColumns(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]))).toEqual(["a", "b"]); // UTF-16LE
    expect(publishedTable({ name: "a.csv", bytes: enc.encode("a,b\n1,2\n") }).records).toEqual([["1", "2"]]);
    expect(headerColumns(enc.encode("\ufeffx,\"y z\"\n1,2"))).toEqual(["x", "y z"]);
    expect(readAccumulator("x").result().rowsRead).toBe(0);
  });
  it("resolves LA geography by old code in the year, and London sub-regions are skipped", () => {
    const r = resolveGeography({ level: "Local authority", year: 2025, oldCode: "805" });
    expect(r.status === "ok" && r.geography.la_name).toBe("Hartlepool");
    expect(r.status === "ok" && r.geography.region_code).toBe("E12000001");
    expect(resolveGeography({ level: "Regional", year: 2025, regionCode: "E13000001" }).status).toBe("skip");
    expect(resolveGeography({ level: "Local authority", year: 2025, oldCode: "909" }).status).toBe("out_of_period");
    expect(resolveGeography({ level: "Local authority", year: 2025, oldCode: "999" }).status).toBe("unknown");
  });
  it("matches Ofsted/MHCLG spellings of LA names", () => {
    expect(findLaByLooseName("Kingston upon Hull", 2023)?.oldCode).toBe("810");
    expect(findLaByLooseName("Durham", 2023)?.oldCode).toBe("840");
    expect(findLaByLooseName("Bournemouth, Christchurch & Poole", 2023)?.oldCode).toBe("839");
    expect(findLaByLooseName("Southend on Sea", 2023)?.name).toMatch(/Southend/);
  });
  it("returns null for a file that is not a published family", () => {
    expect(readPublished({ name: "x.csv", bytes: enc.encode("a,b\n1,2\n") })).toBeNull();
  });
});

describe("recognition by header, not by name", () => {
  it("gives each fixture the same kind whatever the file is called", () => {
    for (const name of ["dfe-31-march", "dfe-starts", "dfe-ceases", "dfe-rates", "ons-population", "ofsted-providers-places"]) {
      expect(read(name, "anything.csv").kind).toBe(read(name, `${name}.csv`).kind);
    }
  });
  it("tells the starts, ceases and 31 March characteristics files apart (same header)", () => {
    expect(read("dfe-31-march").kind).toBe("dfe-cla-31-march-characteristics");
    expect(read("dfe-starts").kind).toBe("dfe-cla-starts-characteristics");
    expect(read("dfe-ceases").kind).toBe("dfe-cla-ceases-characteristics");
    expect(read("dfe-uasc-national").kind).toBe("dfe-cla-uasc-31-march-national");
  });
  it("has one reader per family", () => {
    expect(new Set(PUBLISHED_READERS.map((r) => r.family)).size).toBe(PUBLISHED_READERS.length);
  });
});

describe("DfE values checked against the source CSV", () => {
  it("31 March: Hartlepool 2025 (805)", () => {
    const rows = read("dfe-31-march").rows;
    const la = { old_la_code: "805", time_period: "2025" };
    // "Age group","Total","332"; "Age group","1 to 4 years","34"
    expect(find(rows, { ...la, measure: "cla_31_march", dims: { placement_type: "total", age_band: "total" } })[0].value).toBe(332);
    expect(find(rows, { ...la, measure: "cla_31_march", dims: { placement_type: "total", age_band: "1_to_4" } })[0].value).toBe(34);
    // "Placement","Foster placements" -> the DfE group code at age_band total
    const foster = find(rows, { ...la, measure: "cla_31_march", dims: { placement_type: "foster", age_band: "total" } });
    expect(foster).toHaveLength(1);
    // Category of need N4 is "c" in the source: missing, suppressed, never zero
    const n4 = find(rows, { ...la, measure: "cla_31_march_by_need", dims: { category_of_need: "N4" } })[0];
    expect(n4.value).toBeNull();
    expect(n4.value_status).toBe("suppressed");
    // Locality outside = 150 also gives placed_outside_la
    expect(find(rows, { ...la, measure: "placed_outside_la", dims: { placement_type: "total" } })[0].value).toBe(150);
    expect(find(rows, { ...la, measure: "placed_over_20_miles", dims: { placement_type: "total" } })[0].value).toBe(43);
  });
  it("31 March: England 2025 = 81,770 and Inner/Outer London are not kept", () => {
    const result = read("dfe-31-march");
    expect(find(result.rows, { geographic_level: "National", time_period: "2025", measure: "cla_31_march", dims: { placement_type: "total", age_band: "total" } })[0].value).toBe(81770);
    expect(result.rows.some((r) => r.region_code.startsWith("E13"))).toBe(false);
    expect(result.rowsSkipped["Inner/Outer London sub-region (London is kept as a region)"]).toBeGreaterThan(0);
  });
  it("ceases: 16, 17 and 18+ are children of 16_plus", () => {
    const ages = new Set(read("dfe-ceases").rows.filter((r) => r.measure === "ceases_in_year").map((r) => r.dims.age_band));
    for (const code of ["16", "17", "18_plus"]) {
      expect(ages.has(code)).toBe(true);
      expect(parentCode(AGE_BAND, code)).toBe("16_plus");
    }
  });
  it("rates file: counts and the population DfE divides by (England 2025: 12,183,016)", () => {
    const rows = read("dfe-rates").rows.filter((r) => r.geographic_level === "National");
    expect(find(rows, { measure: "population_0_17" })[0].value).toBe(12183016);
    expect(find(rows, { measure: "cla_31_march" })[0].value).toBe(81770);
  });
});

describe("ONS, Ofsted and MHCLG", () => {
  it("ONS mid-2024 is the 2025 population (the DfE 2025 rate uses 12,183,016)", () => {
    const result = readOnsPopulation({ name: "ons.csv", bytes: fixture("ons-population") });
    expect(result.rows.find((r) => r.geographic_level === "National" && r.time_period === "2025")?.value).toBe(12183016);
    expect(result.rows.some((r) => r.time_period === "2024")).toBe(false);
  });
  it("Ofsted provider records keep URN, codes, places, LA, owner and registration date", () => {
    const result = readOfstedRegisterList({ name: "ofsted_provider_level_31mar2023.csv", bytes: fixture("ofsted-provider-level") });
    const list = result.register!.kind === "list" ? result.register!.list : null;
    expect(list!.date).toBe("2023-03-31");
    // Without a date in the name: the first 31 March on or after the latest registration date.
    const places = readOfstedRegisterList({ name: "x.csv", bytes: readFileSync("data/published/ofsted/ofsted_providers_places_31mar2023.csv") });
    expect(places.register!.kind === "list" && places.register!.list.date).toBe("2023-03-31");
    const p = list!.entries[0];
    expect(Object.keys(p).sort()).toEqual(["constituency", "laOldCode", "owner", "places", "provisionType", "registrationDate", "row", "sector", "urn"]);
    expect(list!.entries.every((x) => x.laOldCode !== "" && x.provisionType !== "" && x.sector !== "")).toBe(true);
    expect(result.rows).toEqual([]);
  });
  it("Ofsted places: agencies have no places (not_applicable, not zero); totals add up", () => {
    const result = read("ofsted-providers-places");
    const rows = assembleRegister([{ path: "p.csv", payload: result.register! }]).rows.filter((r) => r.old_la_code === "805");
    const ifa = find(rows, { measure: "registered_places", dims: { provision_type: "ifa", sector: "total", owning_group: "total" } })[0];
    expect(ifa.value).toBeNull();
    expect(ifa.value_status).toBe("not_applicable");
    const total = find(rows, { measure: "registered_providers", dims: { provision_type: "total", sector: "total", owning_group: "total" } })[0].value!;
    const bySector = rows.filter((r) => r.measure === "registered_providers" && r.dims.provision_type === "total" && r.dims.sector !== "total" && r.dims.owning_group === "total").reduce((a, r) => a + r.value!, 0);
    expect(bySector).toBe(total);
    const byOwner = rows.filter((r) => r.measure === "registered_providers" && r.dims.owning_group !== "total").reduce((a, r) => a + r.value!, 0);
    expect(byOwner).toBe(total);
  });
  it("RO3: GBP thousand, financial year 2024-25 as 2025, [x] not available, districts skipped", () => {
    const result = read("mhclg-ro3", "ro3_2024_25_children_looked_after.csv");
    const barking = result.rows.filter((r) => r.old_la_code === "301");
    expect(barking.find((r) => r.dims.spend_category === "total")?.value).toBe(38966.94);
    expect(barking.every((r) => r.time_period === "2025" && r.time_identifier === "Financial year")).toBe(true);
    const birmingham = result.rows.filter((r) => r.old_la_code === "330");
    expect(birmingham.every((r) => r.value === null && r.value_status === "not_available")).toBe(true);
    expect(Object.keys(result.rowsSkipped).some((k) => /class SD/.test(k))).toBe(true);
  });
});

describe("markers are never zero", () => {
  const header = "year,new_la_code,old_la_code,la_name,cla_31_march,source_file\n";
  const markers: [string, string][] = [["c", "suppressed"], ["x", "not_available"], ["z", "not_applicable"], ["low", "rounds_to_zero"], ["u", "low_reliability"], [":", "not_available"], ["..", "not_available"], ["[c]", "suppressed"]];
  it("every marker becomes a missing value with its reason", () => {
    const body = markers.map(([m]) => `2025,E06000001,805,Hartlepool,${m},f.csv`).join("\n");
    const result = readPublished({ name: "t.csv", bytes: enc.encode(header + body + "\n") })!;
    expect(result.rows.map((r) => [r.value, r.value_status])).toEqual(markers.map(([, s]) => [null, s]));
  });
  it("across every fixture, no non-ok row has a value", () => {
    for (const name of ["dfe-31-march", "dfe-starts", "dfe-ceases", "dfe-rates", "dfe-new-placements", "mhclg-ro3", "ofsted-time-series"]) {
      for (const row of read(name, name === "mhclg-ro3" ? "ro3_2024_25.csv" : "x.csv").rows) {
        if (row.value_status !== "ok") expect(row.value).toBeNull();
      }
    }
  });
  it("a value that is neither a number nor a marker is rejected with a diagnostic", () => {
    const result = readPublished({ name: "t.csv", bytes: enc.encode(header + "2025,E06000001,805,Hartlepool,lots,f.csv\n") })!;
    expect(result.rowsRejected).toBe(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "E_PUBLISHED_BAD_VALUE", row: 2, column: "cla_31_march" });
  });
});

describe("every record accounted (property)", () => {
  const text = fixture("dfe-31-march").toString("utf8");
  const [head, ...lines] = text.trimEnd().split("\n");
  it("read = accepted + rejected + skipped for random cuts and corrupted values", () => {
    fc.assert(
      fc.property(
        fc.subarray(lines, { minLength: 0, maxLength: 60 }),
        fc.array(fc.constantFrom("c", "x", "z", "low", "oops", "-1", "", "12"), { minLength: 60, maxLength: 60 }),
        (subset, values) => {
          const corrupted = subset.map((line, i) => line.replace(/,"[^"]*","[^"]*"$/, `,"${values[i]}","1"`));
          const result = readPublished({ name: "p.csv", bytes: enc.encode([head, ...corrupted].join("\n") + "\n") })!;
          const skipped = Object.values(result.rowsSkipped).reduce((a, b) => a + b, 0);
          expect(result.rowsRead).toBe(subset.length);
          expect(result.rowsAccepted + result.rowsRejected + skipped).toBe(result.rowsRead);
          expect(result.diagnostics.length).toBe(result.rowsRejected);
          for (const row of result.rows) if (row.value_status !== "ok") expect(row.value).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });
});
