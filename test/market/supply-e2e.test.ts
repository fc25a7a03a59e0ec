/**
 * Supply, flows and costs end to end: `suff ingest data/published` through the compiled CLI,
 * then the dataset read back with the market library as a regional lead would, checked
 * against the publishers' figures and source files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUFF } from "../helpers/cli";
import { loadDataset } from "../../src/ingest/load-dataset";
import { parseFootprints } from "../../src/aggregate/parse-footprints";
import { supplyPanel } from "../../src/market/supply-panel";
import { placementFlows } from "../../src/market/placement-flows";
import { fosteringCapacity } from "../../src/market/fostering-capacity";
import { realUnitCosts } from "../../src/market/real-unit-costs";
import type { DatasetRow, Manifest } from "../../src/spec/dataset";

/**
 * Ofsted's national figures at 31 March, quoted from the 2025 workbook's "Providers+places
 * Time series" sheet (Tables 6a and 6b; data/published/ofsted/providers_places_time_series_2012_2025.csv):
 * children's homes (providers, places) and all providers.
 */
const OFSTED_ENGLAND: Record<number, { homes: number; homePlaces: number; all: number }> = {
  2015: { homes: 1974, homePlaces: 9097, all: 2787 },
  2016: { homes: 1972, homePlaces: 8877, all: 2778 },
  2017: { homes: 2050, homePlaces: 9124, all: 2866 },
  2018: { homes: 2124, homePlaces: 9430, all: 2941 },
  2019: { homes: 2221, homePlaces: 9791, all: 3018 },
  2020: { homes: 2378, homePlaces: 10033, all: 3158 },
  2021: { homes: 2624, homePlaces: 10708, all: 3402 },
  2022: { homes: 2798, homePlaces: 11095, all: 3576 },
  2023: { homes: 3050, homePlaces: 11857, all: 3812 },
  2024: { homes: 3423, homePlaces: 12870, all: 4453 },
  2025: { homes: 3946, homePlaces: 14275, all: 5600 },
};
const COMPLETE_YEARS = [2018, 2021, 2022, 2023, 2025];

let out: string;
let status: number | null;
let rows: DatasetRow[];
let manifest: Manifest;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "suff-supply-"));
  status = spawnSync(process.execPath, [SUFF, "ingest", "data/published", "--out", out], { encoding: "utf8" }).status;
  ({ rows, manifest } = loadDataset(out));
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const england = () => supplyPanel(rows, { kind: "england" });
const cell = (panel: ReturnType<typeof supplyPanel>, year: number, provisionType: string) =>
  panel.register.find((r) => r.year === year && r.timeIdentifier === "Reporting year" && r.provisionType === provisionType && r.sector === "total" && r.owner === "total");

describe("England's register against Ofsted's published totals", () => {
  it("ingest exits 0 and records the register in the manifest", () => {
    expect(status).toBe(0);
    expect(manifest.supply_register?.map((y) => `${y.time_period} ${y.time_identifier} ${y.basis}`)).toEqual([
      "2014 September complete", "2015 Reporting year rebuilt", "2016 Reporting year rebuilt", "2017 Reporting year rebuilt", "2018 Reporting year complete",
      "2019 Reporting year rebuilt", "2020 Reporting year rebuilt", "2021 Reporting year complete", "2022 Reporting year complete", "2023 Reporting year complete",
      "2024 Reporting year rebuilt", "2025 Reporting year complete",
    ]);
  });
  for (const year of COMPLETE_YEARS) {
    it(`${year} (complete list): children's homes ${OFSTED_ENGLAND[year].homes}, places ${OFSTED_ENGLAND[year].homePlaces}, all providers ${OFSTED_ENGLAND[year].all} as Ofsted publishes`, () => {
      const panel = england();
      expect(cell(panel, year, "childrens_home")?.providers).toBe(OFSTED_ENGLAND[year].homes);
      expect(cell(panel, year, "childrens_home")?.places).toBe(OFSTED_ENGLAND[year].homePlaces);
      // 2025: Ofsted's England total counts 4 supported accommodation providers located in
      // Wales, which are in no English LA (skipped with that reason by the reader).
      const wales = year === 2025 ? 4 : 0;
      expect(cell(panel, year, "total")?.providers).toBe(OFSTED_ENGLAND[year].all - wales);
      // The dataset's National rows are Ofsted's own series.
      const national = rows.find((r) => r.geographic_level === "National" && r.measure === "registered_providers" && r.time_period === String(year) && r.dims.provision_type === "childrens_home");
      expect(national?.value).toBe(OFSTED_ENGLAND[year].homes);
    });
  }
  it("2025: the 4 providers left out are the ones located in Wales", () => {
    const input = manifest.inputs.find((i) => i.path.endsWith("providers_places_at_31_mar_2025.csv"))!;
    expect(input.rows_skipped["provider located in Wales (outside every English LA)"]).toBe(4);
  });
  it("rebuilt years: the rebuilt counts are recorded and the remaining difference is small", () => {
    for (const y of manifest.supply_register!.filter((s) => s.basis === "rebuilt")) {
      const year = Number(y.time_period);
      expect(y.providers_rebuilt).toBeGreaterThan(0);
      const homes = cell(england(), year, "childrens_home")!.providers;
      // Within 1% of Ofsted's children's homes (the rebuild cannot see a home that closed between lists unseen).
      expect(Math.abs(homes - OFSTED_ENGLAND[year].homes) / OFSTED_ENGLAND[year].homes).toBeLessThan(0.01);
      expect(cell(england(), year, "childrens_home")!.providersRebuilt).toBe(y.childrens_homes_rebuilt);
    }
  });
});

describe("Greater Manchester (GMCA, 10 LAs) from the footprint file", () => {
  const gm = () => parseFootprints(readFileSync("data/footprints/combined-authorities.csv", "utf8")).set.footprints.find((f) => f.code === "GMCA")!;
  it("has children's home supply for every year 2014 (September) to 2025", () => {
    const panel = supplyPanel(rows, { kind: "footprint", footprint: gm() }, { provisionTypes: ["childrens_home"] });
    const series = panel.register.filter((r) => r.sector === "total").map((r) => `${r.year}${r.timeIdentifier === "September" ? "S" : ""}`);
    expect(series).toEqual(["2014S", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(panel.register.every((r) => r.members === 10)).toBe(true);
  });
  it("2025 homes and places equal a count of the Ofsted 2025 file's rows for the 10 LAs", () => {
    const names = new Set(["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"]);
    const text = readFileSync("data/published/ofsted/providers-by-year/providers_places_at_31_mar_2025.csv", "utf8");
    const records = parse(text, { from_line: 4, columns: true, relax_column_count: true }) as Record<string, string>[];
    const homes = records.filter((r) => names.has(r["Local authority"]) && r["Provision type"].toLowerCase() === "children's home");
    const panel = supplyPanel(rows, { kind: "footprint", footprint: gm() });
    const c = cell(panel, 2025, "childrens_home")!;
    expect(c.providers).toBe(homes.length);
    expect(c.places).toBe(homes.reduce((a, r) => a + Number(r.Places || 0), 0));
    // Owner leaves add up to the total.
    const byOwner = supplyPanel(rows, { kind: "footprint", footprint: gm() }, { byOwner: true, provisionTypes: ["childrens_home"] }).register
      .filter((r) => r.year === 2025 && r.owner !== "total");
    expect(byOwner.reduce((a, r) => a + (r.places ?? 0), 0)).toBe(c.places);
  });
  it("openings and closures every year 2016-2025, from joiners and leavers or the register difference", () => {
    const flows = supplyPanel(rows, { kind: "footprint", footprint: gm() }).flows.filter((f) => f.provisionType === "childrens_home" && f.sector === "total");
    expect(flows.map((f) => f.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(flows.every((f) => f.providersOpened >= 0 && f.providersClosed >= 0)).toBe(true);
  });
  it("flows of children: net gain exact, exports and imports bounded", () => {
    const f = placementFlows(rows, { kind: "footprint", footprint: gm() }).find((r) => r.year === 2022)!;
    expect(f.membersWithData).toBe(10);
    expect(f.placedOutside.exact).toBe(false);
    expect(f.placedOutside.low).toBeLessThanOrEqual(f.placedOutside.high);
    expect(f.placedInByOthers.high - f.placedOutside.high).toBe(f.netGain);
  });
  it("in-house fostering capacity 2022-2025 (excluding family and friends carers)", () => {
    const approved = fosteringCapacity(rows, { kind: "footprint", footprint: gm() }).filter((r) => r.measure === "foster_places_approved");
    expect(approved.map((r) => r.year)).toEqual([2018, 2019, 2022, 2023, 2024, 2025]);
    expect(approved.find((r) => r.year === 2025)?.definition).toMatch(/excludes family and friends/);
  });
});

describe("LA of placement for one LA (Manchester) against the EES file", () => {
  it("2022: 333 placed in by other LAs, 662 placed outside, net gain -329", () => {
    const f = placementFlows(rows, { kind: "las", codes: ["352"] }).find((r) => r.year === 2022)!;
    expect([f.placedInByOthers.low, f.placedOutside.low, f.netGain, f.placedOutside.exact]).toEqual([333, 662, -329, true]);
  });
});

describe("S251 unit costs for one LA (Manchester) against the LAIT file", () => {
  it("every Manchester weekly unit cost in the source is in the dataset, in cash and real terms", () => {
    const source = parse(readFileSync("data/published/costs/dfe-lait/LAIT_bds_long_placement_finance_subset.csv"), { columns: true, bom: true }) as Record<string, string>[];
    const categories: Record<string, string> = { FosteringFinance: "fostering", RescareFinance: "residential_care", LACFinance: "total" };
    const expected = source.filter((r) => r["LA Number"] === "352.0" && categories[r["Short Desc"]] && r.Values !== "-");
    expect(expected.length).toBe(30);
    const costs = realUnitCosts(rows, { kind: "las", codes: ["352"] }, { baseYear: 2025 });
    for (const r of expected) {
      const year = Number(r.Years.slice(0, 4)) + 1;
      const got = costs.find((c) => c.year === year && c.category === categories[r["Short Desc"]])!;
      expect(got.nominal).toBe(Number(r.Values));
      expect(got.basis).toBe("published");
    }
    // 2024-25 fostering: GBP 755 a week (LAIT); at 2024-25 prices real = cash.
    const fostering = costs.find((c) => c.year === 2025 && c.category === "fostering")!;
    expect([fostering.nominal, fostering.real]).toEqual([755, 755]);
    // 2016-17 residential care GBP 2,535 a week is worth more at 2024-25 prices.
    const residential = costs.find((c) => c.year === 2017 && c.category === "residential_care")!;
    expect(residential.nominal).toBe(2535);
    expect(residential.real!).toBeGreaterThan(2535 * 1.25);
  });
});

describe("docs/supply-register.md", () => {
  it("is what this ingest gives (regenerate with npx tsx scripts/supply-register-doc.ts)", async () => {
    const { supplyRegisterMarkdown } = await import("../../scripts/supply-register-doc");
    expect(readFileSync("docs/supply-register.md", "utf8")).toBe(supplyRegisterMarkdown(rows, manifest));
  });
});
