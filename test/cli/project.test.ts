import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUFF } from "../helpers/cli";

const root = path.resolve(__dirname, "../..");
const samples = path.join(root, "test/fixtures/ssda903-samples/combined");
const scenarioFile = path.join(root, "test/fixtures/stock-flow/scenario-more-fostering.json");

function suff(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [SUFF, ...args], { cwd: root, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function csv(file: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const columns = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
}

describe("suff project end to end on the SSDA903 samples", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "suff-project-"));

  it("writes stock, flows, rates, costs, backtest and summary with base and scenario side by side", () => {
    const out = path.join(dir, "exact");
    const run = suff("project", "--ssda903", samples, "--la", "202", "--start", "2021-03-31", "--reference-window", "2018-04-01:2021-03-31", "--horizon", "24",
      "--method", "exact", "--levels", "80,95", "--scenario", scenarioFile, "--inflation", "0.03", "--out", out);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Projected children looked after on 2023-03-31/);
    expect(run.stdout).toMatch(/Backtest from 2020-03-31 \(\d+ months\): total MASE \d+\.\d\d \(no-change \d+\.\d\d\); the 80% interval held the total in \d+ of \d+ months/);
    for (const file of ["stock.csv", "flows.csv", "rates.csv", "costs.csv", "backtest.csv", "summary.json"]) expect(existsSync(path.join(out, file))).toBe(true);
    const stock = csv(path.join(out, "stock.csv"));
    expect(Object.keys(stock[0])).toEqual(["date", "scenario", "age_band", "placement_group", "mean", "lo80", "hi80", "lo95", "hi95"]);
    const total = (scenario: string, date: string) => stock.find((r) => r.scenario === scenario && r.date === date && r.age_band === "total" && r.placement_group === "total")!;
    expect(total("base", "2021-03-31").mean).toBe(total("more fostering", "2021-03-31").mean);
    // The observed history over the reference window comes first, with the start stock at the start date.
    expect(total("observed", "2021-03-31").mean).toBe(total("base", "2021-03-31").mean);
    expect(total("observed", "2018-03-31").lo80).toBe("");
    // More entries in the scenario: a larger population two years on.
    expect(Number(total("more fostering", "2023-03-31").mean)).toBeGreaterThan(Number(total("base", "2023-03-31").mean));
    for (const row of stock) {
      expect(Number(row.lo95)).toBeLessThanOrEqual(Number(row.lo80));
      expect(Number(row.lo80)).toBeLessThanOrEqual(Number(row.mean) + 1e-9);
      expect(Number(row.hi80)).toBeLessThanOrEqual(Number(row.hi95));
    }
    const flows = csv(path.join(out, "flows.csv"));
    expect(new Set(flows.map((r) => r.flow))).toEqual(new Set(["entry", "exit", "move", "ageing"]));
    const rates = csv(path.join(out, "rates.csv"));
    expect(rates.every((r) => Number(r.rate_per_year) >= 0)).toBe(true);
    const costs = csv(path.join(out, "costs.csv"));
    expect(costs[0].basis).toBe("estimate");
    expect(costs.filter((r) => r.placement_group === "total" && r.scenario === "base")).toHaveLength(8);
    const summary = JSON.parse(readFileSync(path.join(out, "summary.json"), "utf8"));
    expect(summary.reference_window).toEqual({ start: "2018-04-01", end: "2021-03-31" });
    expect(summary.backtest[0].accuracy.find((a: { placement_group: string }) => a.placement_group === "total").mase).toBeGreaterThan(0);
    expect(summary.unit_costs.estimate).toBe(true);
    expect(summary.scenarios[0].name).toBe("more fostering");
  });

  it("is reproducible with a seed (simulation)", () => {
    const a = path.join(dir, "sim-a"), b = path.join(dir, "sim-b");
    const population = path.join(dir, "population.csv");
    writeFileSync(population, "year,population\n2018,50000\n2022,50000\n2023,55000\n");
    const groups = path.join(dir, "groups.json");
    writeFileSync(groups, JSON.stringify({ foster_ifa: "foster_ifa", childrens_home_private: "childrens_home_private" }));
    for (const out of [a, b]) {
      const run = suff("project", "--ssda903", samples, "--la", "202", "--horizon", "12", "--simulations", "200", "--seed", "7", "--rate-estimator", "daily-mean",
        "--entries", "population", "--population", population, "--age-bands", "0,10,16", "--placement-groups", groups, "--no-backtest", "--out", out);
      expect(run.status).toBe(0);
    }
    const summary = JSON.parse(readFileSync(path.join(a, "summary.json"), "utf8"));
    expect(summary.entries.description).toMatch(/per 10,000 children/);
    expect(summary.age_bands).toEqual(["0_to_9", "10_to_15", "16_plus"]);
    expect(summary.placement_groups).toContain("foster_ifa");
    expect(csv(path.join(a, "stock.csv")).some((r) => r.placement_group === "childrens_home_private" && r.age_band === "10_to_15")).toBe(true);
    expect(readFileSync(path.join(a, "stock.csv"), "utf8")).toBe(readFileSync(path.join(b, "stock.csv"), "utf8"));
    expect(JSON.parse(readFileSync(path.join(a, "summary.json"), "utf8")).rate_estimator).toBe("daily-mean");
  });

  it("stops with a located message on a bad scenario or option", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ name: "x", changes: [{ target: "entries", placement: "castle", multiply: 2 }] }));
    const run = suff("project", "--ssda903", samples, "--la", "202", "--scenario", bad, "--out", path.join(dir, "bad"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/E_SCENARIO_INVALID.*\n.*changes\[0\]\.placement: unknown placement group 'castle'/);
    expect(suff("project", "--ssda903", samples, "--la", "202", "--rate-estimator", "median", "--out", path.join(dir, "bad")).status).toBe(2);
    expect(existsSync(path.join(dir, "bad"))).toBe(false);
  });
  // Privacy (canaries in every output and log) is tested with the other commands in test/privacy.test.ts.
});
