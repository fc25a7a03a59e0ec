import { readFileSync } from "node:fs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { estimateRates } from "../../src/forecast/stock-flow/estimate-rates";
import { projectStockFlow } from "../../src/forecast/stock-flow/project-stock-flow";
import { stateSpace } from "../../src/forecast/stock-flow/state-space";
import { loadUnitCosts } from "../../src/ingest/load-unit-costs";
import { costRows, spendOutputs, unitCosts } from "../../src/market/unit-costs";
import { isoToDay } from "../../src/spec/ssda903";
import { episodeTable } from "../forecast/stock-flow/episode-table-builder";

const space = stateSpace();
const g = (code: string) => space.placementGroups.indexOf(code);

describe("unitCosts (published default)", () => {
  const source = loadUnitCosts({ publishedDir: "data/published" });
  const table = unitCosts(source, space);

  it("divides RO3 2024-25 spend by DfE children looked after at 31 March 2025 (England)", () => {
    // Hand computation from the England row of the RO3 file and the national DfE rows:
    const ro3 = readFileSync("data/published/mhclg-ro3/ro3_2024_25_children_looked_after.csv", "utf8").split("\n").find((l) => l.includes(",Eng,"))!.split(",");
    const fostering = Number(ro3[20]), residential = Number(ro3[13]);
    const { total, uasc } = source.kind === "published" ? source.inputs.spendThousands : { total: NaN, uasc: NaN };
    expect(total - uasc).toBeGreaterThan(fostering + residential);
    const weeks = 365.25 / 7;
    expect(table.weeklyCost[g("foster")]).toBeCloseTo((fostering * 1000) / 54820 / weeks, 6);
    expect(table.weeklyCost[g("secure_and_childrens_homes")]).toBeCloseTo((residential * 1000) / (9480 + 1170 + 100) / weeks, 6);
    // Supported accommodation: the all-children proxy (CLA spend except UASC / all 81,770 children).
    expect(table.weeklyCost[g("supported_accommodation_group")]).toBeCloseTo(((total - uasc) * 1000) / 81770 / weeks, 6);
    // Placed with parents or for adoption: no placement fee, never the supported accommodation cost.
    expect(table.weeklyCost[g("with_parents_group")]).toBe(0);
    expect(table.weeklyCost[g("placed_for_adoption_group")]).toBe(0);
    expect(table.groupBasis[g("with_parents_group")]).toMatch(/no placement fee/);
    expect(table.groupBasis[g("supported_accommodation_group")]).toMatch(/proxy/);
    expect(table.weeklyCost[g("foster")]).toBeGreaterThan(700);
    expect(table.weeklyCost[g("foster")]).toBeLessThan(800);
  });

  it("is labelled as an estimate", () => {
    expect(table.estimate).toBe(true);
    expect(table.basis).toMatch(/^estimate from MHCLG RO3 2024-25/);
    expect(table.groupBasis).toHaveLength(space.placementGroups.length);
    expect(table.diagnostics.some((d) => d.code === "I_COST_DEFAULT")).toBe(true);
  });

  it("uses the chosen LAs when given", () => {
    const hartlepool = unitCosts(loadUnitCosts({ publishedDir: "data/published", las: ["805"] }), space);
    expect(hartlepool.basis).toMatch(/E06000001/);
    expect(hartlepool.weeklyCost[g("foster")]).not.toBeCloseTo(table.weeklyCost[g("foster")], 0);
  });
});

describe("unitCosts (user CSV)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "costs-"));
  const file = path.join(dir, "costs.csv");
  writeFileSync(file, "placement_type,provider,weekly_cost\nfoster_la,,500\nfoster_ifa,,900\nchildrens_home_private,PR4,6000\nsecure_and_childrens_homes,,5000\ncastle,,1\nfoster_kinship,,x\n");
  const source = loadUnitCosts({ file, publishedDir: "data/published" });

  it("reads rows and reports bad ones as diagnostics", () => {
    expect(source.kind).toBe("user");
    expect(source.diagnostics.map((d) => [d.code, d.row])).toEqual([["E_COST_BAD_TYPE", 6], ["E_COST_BAD_VALUE", 7]]);
  });

  it("weights placement types by the children in each at the start, and leaves unknown groups missing", () => {
    const mix = new Map([["foster_la|PR1", 3], ["foster_ifa|PR4", 1], ["childrens_home_private|PR4", 1], ["childrens_home_la|PR1", 1]]);
    const table = unitCosts(source, space, { mix, priceDay: isoToDay("2025-03-31") });
    expect(table.weeklyCost[g("foster")]).toBeCloseTo((3 * 500 + 900) / 4, 9);
    expect(table.weeklyCost[g("secure_and_childrens_homes")]).toBeCloseTo((6000 + 5000) / 2, 9);
    expect(table.weeklyCost[g("residential_schools")]).toBeNaN();
    expect(table.diagnostics.some((d) => d.code === "W_COST_GROUP_MISSING")).toBe(true);
    expect(table.estimate).toBe(false);
  });
});

describe("spendOutputs and costRows", () => {
  it("projects spend by quarter: children x weekly cost x weeks x inflation", () => {
    // Ten children in foster care who never leave, no entries: spend is known exactly.
    const episodes = Array.from({ length: 10 }, (_, c) => ({ child: c, birth: "2012-01-01", start: "2019-01-01", type: "foster_la" }));
    const t = episodeTable(episodes);
    const start = isoToDay("2021-03-31");
    const rates = estimateRates(t, { space, window: { start: isoToDay("2020-04-01"), end: start + 1 }, dataEnd: start });
    const stock = new Float64Array(space.size);
    stock[space.index(3, g("foster"))] = 10;
    const table = { groups: space.placementGroups, weeklyCost: space.placementGroups.map((x) => (x === "foster" ? 700 : NaN)), groupBasis: space.placementGroups.map(() => "test"), estimate: false, basis: "test", priceDay: start, diagnostics: [] };
    const inflation = 0.03;
    const projection = projectStockFlow({ rates, startStock: stock, start, horizonMonths: 24, method: "exact", linearOutputs: spendOutputs(table, space, { inflation }) });
    const rows = costRows(projection, table);
    const total = rows.filter((r) => r.placement_group === "total" && r.scenario === "base");
    expect(total.map((r) => r.quarter).slice(0, 3)).toEqual(["2021-Q2", "2021-Q3", "2021-Q4"]);
    let expected = 0;
    for (let k = 0; k < 3; k++) {
      const mid = (projection.dates[k] + projection.dates[k + 1]) / 2;
      expected += 10 * 700 * (365.25 / 12 / 7) * Math.pow(1 + inflation, (mid - start) / 365.25);
    }
    expect(total[0].mean).toBe(Math.round(expected));
    // No uncertainty here (nobody moves): intervals collapse on the mean.
    expect(total[0].lo95).toBe(total[0].mean);
    // A year later the same quarter costs 3% more.
    expect((total[4].mean as number) / (total[0].mean as number)).toBeCloseTo(1.03, 3);
    expect(rows.every((r) => r.placement_group === "foster" || r.placement_group === "total")).toBe(true);
  });

  it("throws on inflation at or below -100%", () => {
    expect(() => spendOutputs({ groups: [], weeklyCost: [], groupBasis: [], estimate: false, basis: "", priceDay: 0, diagnostics: [] }, space, { inflation: -1 })).toThrow();
  });
});
