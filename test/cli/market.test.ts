// End to end through the compiled CLI: `suff market` and `suff market stress` on a small
// dataset with the market measures (test/market/market-fixture.ts), a footprint file and a
// scenario, as a regional lead would run them.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { writeDataset } from "../../src/write/dataset";
import { runSuff } from "../helpers/cli";
import { marketFixture } from "../market/market-fixture";

let dir: string, dataset: string, footprints: string, scenario: string;
const csv = (file: string) => parse(readFileSync(file, "utf8"), { columns: true }) as Array<Record<string, string>>;
const header = (file: string) => readFileSync(file, "utf8").split("\n")[0].split(",");

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "suff-market-"));
  dataset = path.join(dir, "ds");
  const rows = marketFixture();
  writeDataset(dataset, { rows, manifest: { toolkit_version: "test", template_version: "1.1.0", created: "2026-01-01", inputs: [], rows: rows.length, diagnostics: { error: 0, warning: 0, info: 0 } }, diagnostics: [] });
  footprints = path.join(dir, "footprints.csv");
  writeFileSync(footprints, "new_la_code,footprint_code,footprint_name\nE08000003,GM4,Four GM LAs\nE08000006,GM4,Four GM LAs\nE08000001,GM4,Four GM LAs\nE08000010,GM4,Four GM LAs\n");
  scenario = path.join(dir, "scenario.json");
  writeFileSync(scenario, JSON.stringify({ name: "shift to fostering", changes: [{ target: "demand", placement: "secure_and_childrens_homes", multiply: 0.9, moveTo: "foster" }, { target: "carers", add: 10, per: "year", scope: "GM4" }, { target: "supply", owner: "Alpha Care", exit: true, from: "2026-04-01", scope: "GM4" }] }));
});

describe("suff market", () => {
  let out: string;
  let run: ReturnType<typeof runSuff>;
  beforeAll(() => {
    out = path.join(dir, "market");
    run = runSuff(["market", "--dataset", dataset, "--scope", "footprint:GM4,region:E12000002,la:805", "--footprints", footprints, "--scenario", scenario, "--horizon", "3", "--samples", "300", "--out", out]);
  }, 600_000);

  it("writes every table and summary.json", () => {
    expect(run.status, run.stderr).toBe(0);
    for (const f of ["supply.csv", "supply_forecast.csv", "supply_backtest.csv", "flows.csv", "gap.csv", "concentration.csv", "providers_at_risk.csv", "foster_carers.csv", "costs.csv", "scenarios.csv", "summary.json"]) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(header(path.join(out, "supply.csv")).slice(0, 6)).toEqual(["scope_code", "year", "provision_type", "sector", "providers", "places"]);
    expect(header(path.join(out, "gap.csv")).slice(0, 8)).toEqual(["scope_code", "year", "placement_type", "demand_mean", "supply_mean", "expected_shortfall", "prob_shortfall", "places_needed_80"]);
  });

  it("gives supply as data with Ofsted's names and missing places as missing", () => {
    const supply = csv(path.join(out, "supply.csv"));
    const home = supply.find((r) => r.scope_code === "GM4" && r.year === "2025" && r.provision_type === "Children's home" && r.sector === "Private")!;
    expect(Number(home.places)).toBe(171);
    const ifa = supply.find((r) => r.scope_code === "GM4" && r.year === "2025" && r.provision_code === "ifa")!;
    expect(ifa.places).toBe("");
    expect(ifa.places_status).toBe("not_applicable");
  });

  it("gives the gap by type with a probability and places needed, base and scenario", () => {
    const gap = csv(path.join(out, "gap.csv")).filter((r) => r.scope_code === "GM4");
    const types = new Set(gap.map((r) => r.placement_type));
    expect([...types].sort()).toEqual(["childrens_homes", "foster", "residential_schools", "secure", "supported_accommodation"]);
    for (const r of gap.filter((x) => x.prob_shortfall !== "")) {
      expect(Number(r.prob_shortfall)).toBeGreaterThanOrEqual(0);
      expect(Number(r.prob_shortfall)).toBeLessThanOrEqual(1);
      expect(Number.isInteger(Number(r.places_needed_80))).toBe(true);
    }
    const base = gap.find((r) => r.scenario === "base" && r.placement_type === "childrens_homes" && r.year === "2028")!;
    const shifted = gap.find((r) => r.scenario === "shift to fostering" && r.placement_type === "childrens_homes" && r.year === "2028")!;
    expect(Number(shifted.demand_mean)).toBeLessThan(Number(base.demand_mean));
    // Alpha Care leaves: 118 children's home places fewer in GM4 (76 + 34 + 8 at 31 March 2025).
    expect(Number(base.supply_mean) - Number(shifted.supply_mean)).toBeGreaterThan(100);
    const secure = gap.find((r) => r.scenario === "base" && r.placement_type === "secure" && r.year === "2027")!;
    expect(secure.demand_mean).toBe("");
    expect(secure.note).toMatch(/not published by LA/);
  });

  it("writes concentration, providers at risk, carers, costs and the summary", () => {
    const conc = csv(path.join(out, "concentration.csv")).filter((r) => r.scope_code === "805" && r.market === "childrens_homes");
    expect(conc.at(-1)).toMatchObject({ year: "2025", hhi: "10000", band: "highly concentrated", largest_owner: "Zeta Ltd" });
    const risk = csv(path.join(out, "providers_at_risk.csv")).filter((r) => r.scope_code === "GM4");
    expect(risk[0].owner).toBe("Alpha Care Ltd");
    const carers = csv(path.join(out, "foster_carers.csv")).filter((r) => r.scope_code === "GM4");
    expect(carers.filter((r) => r.scenario === "base")).toHaveLength(3);
    const costs = csv(path.join(out, "costs.csv"));
    expect(costs.find((r) => r.scope_code === "GM4" && r.measure === "weekly_cost" && r.category === "with_parents_group")!.value).toBe("0");
    const summary = JSON.parse(readFileSync(path.join(out, "summary.json"), "utf8"));
    expect(summary.scenarios).toEqual(["shift to fostering"]);
    expect(summary.hhi_thresholds.highly).toBe(1800);
    expect(summary.independent_review.wording).toMatch(/3,000 additional foster carers each year/);
  });
});

describe("suff market stress", () => {
  it("tests one owner's exit by area and type", () => {
    const out = path.join(dir, "stress");
    const run = runSuff(["market", "stress", "--dataset", dataset, "--scope", "footprint:GM4", "--footprints", footprints, "--owner", "alpha", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(header(path.join(out, "stress.csv")).slice(0, 9)).toEqual(["scope_code", "provision_type", "places_lost", "homes_lost", "children_affected", "spare_places_footprint", "spare_places_region", "children_placed_further", "weekly_cost_change"]);
    const rows = csv(path.join(out, "stress.csv"));
    expect(rows.find((r) => r.scope_code === "GM4" && r.provision_type === "Children's home")).toMatchObject({ places_lost: "118", homes_lost: "16", owner: "Alpha Care Ltd" });
    expect(new Set(rows.map((r) => r.scope_code))).toEqual(new Set(["GM4", "352", "355", "359"]));
    expect(run.stderr).toMatch(/Alpha Care Ltd: 118 places in 16 homes lost/);
  }, 120_000);

  it("tests the N largest owners one by one", () => {
    const out = path.join(dir, "stress-top");
    const run = runSuff(["market", "stress", "--dataset", dataset, "--scope", "footprint:GM4", "--footprints", footprints, "--top", "2", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    expect([...new Set(csv(path.join(out, "stress.csv")).map((r) => r.owner))]).toEqual(["Alpha Care Ltd", "Beta Homes Ltd"]);
  }, 120_000);

  it("refuses bad input with exit 2 and a clear message", () => {
    const noOwner = runSuff(["market", "stress", "--dataset", dataset, "--scope", "la:805", "--owner", "nobody", "--out", path.join(dir, "x")]);
    expect(noOwner.status).toBe(2);
    expect(noOwner.stderr).toMatch(/E_OWNER_UNKNOWN/);
    expect(noOwner.stderr).toMatch(/Zeta Ltd/);
    const both = runSuff(["market", "stress", "--dataset", dataset, "--scope", "la:805", "--owner", "a", "--top", "2", "--out", path.join(dir, "x")]);
    expect(both.status).toBe(2);
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ name: "x", changes: [{ target: "entries", multiply: 2 }, { target: "demand", placement: "castle", add: 1 }] }));
    const scen = runSuff(["market", "--dataset", dataset, "--scope", "la:805", "--scenario", bad, "--out", path.join(dir, "y")]);
    expect(scen.status).toBe(2);
    expect(scen.stderr).toMatch(/changes\[0\]\.target: "entries" changes the stock-flow model/);
    expect(scen.stderr).toMatch(/changes\[1\]\.placement: unknown placement type 'castle'/);
    const usage = runSuff(["market", "--dataset", dataset, "--scope", "la:805"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/needs --dataset, --scope and --out/);
  }, 120_000);
});
