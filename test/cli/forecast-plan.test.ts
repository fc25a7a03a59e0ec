// Issue 9's repros through the compiled CLI: one England total whatever --by and footprints;
// nested intervals in every output file; the report's backtest table and sentences are the
// figures of `evaluate` of the plan it shows; failures are counted, not dropped.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/ingest/load-dataset";
import { datasetPlan } from "../../src/forecast/dataset-plan";
import { evaluate } from "../../src/forecast/evaluate";
import { accuracy } from "../../src/forecast/accuracy";
import { runSuff } from "../helpers/cli";

const dataset = "test/fixtures/forecast-dataset-small";
const dir = mkdtempSync(path.join(os.tmpdir(), "suff-plan-"));
const footprints = path.join(dir, "footprints.csv");
writeFileSync(footprints, "new_la_code,footprint_code,footprint_name\nE06000047,FP1,Durham and Darlington\nE06000005,FP1,Durham and Darlington\nE06000063,FP2,Cumbria and Durham\nE06000047,FP2,Cumbria and Durham\n");

function csv(file: string): Array<Record<string, string>> {
  const [head, ...lines] = readFileSync(file, "utf8").trim().split("\n").filter((l) => !l.startsWith("#"));
  const names = head!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i]!, v])));
}

function expectNested(rows: Array<Record<string, string>>, file: string): void {
  let checked = 0;
  for (const r of rows) {
    if (r.lo80 === "" || r.lo80 === undefined) continue;
    const [lo95, lo80, mean, hi80, hi95] = [r.lo95, r.lo80, r.mean ?? r.value, r.hi80, r.hi95].map(Number);
    expect(lo95! <= lo80! && lo80! <= mean! && mean! <= hi80! && hi80! <= hi95!, `${file}: ${JSON.stringify(r)}`).toBe(true);
    checked++;
  }
  expect(checked, file).toBeGreaterThan(0);
}

describe("one forecast: the same England total with and without --by and footprints", () => {
  const run = (name: string, ...extra: string[]) => {
    // Without --publish the analyst's file says UNPROTECTED in its name and first line (issue 14).
    const out = path.join(dir, `${name}.UNPROTECTED.csv`);
    const r = runSuff(["forecast", "--dataset", dataset, "--measure", "cla_31_march", "--horizon", "3", "--out", path.join(dir, `${name}.csv`), ...extra]);
    expect(readFileSync(out, "utf8").split("\n")[0]).toMatch(/^# UNPROTECTED/);
    expect(r.status, r.stderr).toBe(0);
    return { rows: csv(out), stdout: r.stdout, stderr: r.stderr, out };
  };
  const plain = run("plain");
  const byType = run("by", "--by", "placement_type");
  const withFootprints = run("fp", "--footprints", footprints);
  const both = run("both", "--by", "placement_type", "--footprints", footprints, "--reconcile", "mint");
  const england = (rows: Array<Record<string, string>>) => rows.filter((r) => r.geographic_level === "National" && r.placement_type === "total").map((r) => [r.time_period, r.mean, r.lo80, r.hi80, r.lo95, r.hi95].join(" "));

  it("England's forecast and intervals do not move with the breakdown or the footprint file", () => {
    expect(england(plain.rows)).toHaveLength(3);
    expect(england(byType.rows)).toEqual(england(plain.rows));
    expect(england(withFootprints.rows)).toEqual(england(plain.rows));
  });
  it("footprints are sums of the reconciled LAs (they may overlap and cross regions), and breakdowns add up", () => {
    const at = (rows: Array<Record<string, string>>, code: string, year: string) => Number(rows.find((r) => (r.new_la_code === code || r.footprint_code === code) && r.time_period === year && (r.placement_type ?? "total") === "total")!.mean);
    expect(at(withFootprints.rows, "FP1", "2026")).toBeCloseTo(at(withFootprints.rows, "E06000047", "2026") + at(withFootprints.rows, "E06000005", "2026"), 4);
    expect(at(withFootprints.rows, "FP2", "2027")).toBeCloseTo(at(withFootprints.rows, "E06000063", "2027") + at(withFootprints.rows, "E06000047", "2027"), 4);
    const national = byType.rows.filter((r) => r.geographic_level === "National" && r.time_period === "2028");
    const parts = national.filter((r) => r.placement_type !== "total").reduce((a, r) => a + Number(r.mean), 0);
    expect(parts).toBeCloseTo(Number(national.find((r) => r.placement_type === "total")!.mean), 3);
  });
  it("every interval in every output file is nested", () => {
    for (const { rows, out } of [plain, byType, withFootprints, both]) expectNested(rows, out);
    const long = path.join(dir, "long.csv");
    expect(runSuff(["forecast", "test/fixtures/forecast-long-csv/input.csv", "--horizon", "4", "--out", long]).status).toBe(0);
    expectNested(csv(long), long);
  });
  it("says how the forecast was made and that no series was dropped", () => {
    expect(plain.stdout).toMatch(/rate-to-region reconciled with bottom-up, calibrated intervals, no model failures/);
    expect(withFootprints.stdout).toMatch(/2 footprints summed from the LAs/);
    expect(plain.stderr).toMatch(/forecasting: re-running the plan at each earlier origin/);
  });
});

describe("suff backtest --dataset: the plan shown, re-run at past origins", () => {
  it("writes accuracy by group with the no-change forecast's MASE beside it", () => {
    const out = path.join(dir, "acc.csv");
    const r = runSuff(["backtest", "--dataset", dataset, "--measure", "cla_31_march", "--horizon", "2", "--origins", "3", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const rows = csv(out);
    const overall = rows.find((x) => x.group === "National" && x.scope === "overall")!;
    const library = evaluate(datasetPlan({ rows: loadDataset(dataset).rows, measure: "cla_31_march" }), { origins: 3, horizon: 2 });
    expect(Number(overall.mase)).toBeCloseTo(library.byGroup.National!.at(-1)!.mase, 5);
    expect(Number(overall.coverage80)).toBeCloseTo(library.byGroup.National!.at(-1)!.intervals[80]!.coverage, 5);
    expect(r.stdout).toMatch(/Local authority: MASE \d\.\d{3} \(no-change \d\.\d{3}\)/);
  });
});

describe("the report's claims are evaluate's figures", () => {
  it("the backtest table and the coverage and no-change sentences of the England report", () => {
    const out = path.join(dir, "report");
    const r = runSuff(["report", "--dataset", dataset, "--scope", "england", "--format", "html,csv", "--no-png", "--ledger", path.join(dir, "report-ledger.json"), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const rows = loadDataset(dataset).rows;
    const years = [...new Set(rows.filter((x) => x.measure === "cla_31_march" && x.geographic_level === "Local authority").map((x) => x.time_period))].sort();
    const origins = years.slice(-7, -1);
    const plan = datasetPlan({ rows, measure: "cla_31_march", breakdowns: [["placement_type"]] });
    const evaluation = evaluate(plan, { origins, horizon: 3 });
    const own = evaluation.rows.filter((x) => x.series_id === "E92000001");
    const byHorizon = accuracy(own, { series: evaluation.series, levels: [80, 95] }).filter((a) => a.scope === "horizon");
    const table = csv(path.join(out, "england", "csv", "backtest.csv"));
    expect(table.length).toBeGreaterThan(0);
    for (const line of table) {
      const a = byHorizon.find((x) => x.step === Number(line.horizon))!;
      expect(Number(line.mase)).toBeCloseTo(a.mase, 6);
      expect(Number(line.c80)).toBe(Math.round(100 * a.intervals[80]!.coverage));
      expect(Number(line.origins)).toBe(a.n);
    }
    const overall = accuracy(own, { series: evaluation.series, levels: [80, 95] }).at(-1)!;
    const naive = accuracy(evaluation.naive.filter((x) => x.series_id === "E92000001"), { series: evaluation.series, levels: [] }).at(-1)!;
    const html = readFileSync(path.join(out, "england", "report.html"), "utf8").replace(/\s+/g, " ");
    const inside80 = Math.round(overall.intervals[80]!.coverage * overall.n);
    expect(html).toContain(`Re-run at ${origins[0]} to ${origins.at(-1)} on the data available then`);
    expect(html).toContain(`the 80% interval held the outcome in ${inside80} of ${overall.n} forecasts (${Math.round(100 * overall.intervals[80]!.coverage)}%)`);
    expect(html).toContain(`a mean absolute scaled error of ${overall.mase.toFixed(2)} against ${naive.mase.toFixed(2)} for the no-change forecast`);
    expect(html).not.toContain("about as often as stated");
    for (const file of ["trend", "placement-forecast"]) {
      const t = csv(path.join(out, "england", "csv", `${file}.csv`)).map((x) => ({ ...x, mean: x.mean ?? x.value })) as Array<Record<string, string>>;
      expectNested(t.filter((x) => x.lo80 !== ""), file);
    }
  }, 120_000);
});
