// A forecast plan as one value: evaluate is run on the data up to each origin; intervals are
// nested in every output; England does not move with the breakdown or the footprints; parts add
// up; failures are reported, never dropped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DatasetRow } from "../../src/spec/dataset";
import type { ForecastPlan, ForecastRow, GlobalModelSpec, ModelSpec, Series } from "../../src/spec/forecast";
import { isGlobal } from "../../src/spec/forecast";
import { laGeography, findLa } from "../../src/reference/las";
import { loadDataset } from "../../src/ingest/load-dataset";
import { datasetPlan } from "../../src/forecast/dataset-plan";
import { run } from "../../src/forecast/run";
import { evaluate } from "../../src/forecast/evaluate";
import { seriesPlan } from "../../src/forecast/series-plan";
import { defaultPlan } from "../../src/forecast/default-plan";
import { naive } from "../../src/forecast/models/naive";
import { auto } from "../../src/forecast/models/auto";

function expectNested(rows: readonly Pick<ForecastRow, "mean" | "lower" | "upper">[], where: string): void {
  for (const r of rows) {
    const [lo95, lo80, hi80, hi95] = [r.lower[95]!, r.lower[80]!, r.upper[80]!, r.upper[95]!];
    expect(lo95 <= lo80 && lo80 <= r.mean && r.mean <= hi80 && hi80 <= hi95, `${where}: ${lo95} ${lo80} ${r.mean} ${hi80} ${hi95}`).toBe(true);
  }
}

describe("evaluate is run on the data up to each origin", () => {
  const walks: Series[] = Array.from({ length: 12 }, (_, i) => ({ id: `w${i}`, periods: Array.from({ length: 14 + (i % 3) }, (_, t) => String(2000 + t)), values: Float64Array.from({ length: 14 + (i % 3) }, (_, t) => 50 + 3 * i + t * ((i % 4) - 1) + ((t * 7 + i) % 5)), frequency: 1 }));

  it("for independent series (one fit per series, re-run from earlier origins)", () => {
    const plan = seriesPlan(walks, { model: auto });
    const evaluation = evaluate(plan, { origins: 2, horizon: 3 });
    for (const offset of [3, 4]) {
      const truncated = walks.map((s) => ({ ...s, periods: s.periods.slice(0, s.periods.length - offset), values: s.values.slice(0, s.values.length - offset) }));
      const direct = run(seriesPlan(truncated, { model: auto }), { horizon: 3 }).rows;
      for (const row of direct) {
        const match = evaluation.rows.find((r) => r.series_id === row.series_id && r.origin === row.origin && r.step === row.step)!;
        expect(match.mean).toBeCloseTo(row.mean, 9);
        expect(match.lower[80]).toBeCloseTo(row.lower[80]!, 9);
        expect(match.upper[95]).toBeCloseTo(row.upper[95]!, 9);
      }
    }
  });

  it("for a dataset plan: reconciliation, footprints, parts and calibration all re-run at the origin", () => {
    const { rows } = loadDataset("test/fixtures/forecast-dataset-small");
    const stable = rows.filter((r) => !["909", "942", "943"].includes(r.old_la_code)); // no boundary change: the same LAs at every origin
    const footprints = { source: "test", footprints: [{ code: "FP1", name: "Durham and Darlington", members: ["E06000047", "E06000005"] }] };
    const plan = datasetPlan({ rows: stable, measure: "cla_31_march", by: ["placement_type"], footprints, reconcile: "mint-shrink" });
    const evaluation = evaluate(plan, { origins: ["2023"], horizon: 2 });
    const direct = run(datasetPlan({ rows: stable.filter((r) => r.time_period <= "2023"), measure: "cla_31_march", by: ["placement_type"], footprints, reconcile: "mint-shrink" }), { horizon: 2 }).rows;
    expect(direct.length).toBeGreaterThan(20);
    let compared = 0;
    for (const row of direct) {
      const match = evaluation.rows.find((r) => r.series_id === row.series_id && r.step === row.step);
      if (!match) continue; // no actual for this target
      compared++;
      expect(match.mean, row.series_id).toBeCloseTo(row.mean, 6);
      expect(match.lower[80], row.series_id).toBeCloseTo(row.lower[80]!, 6);
      expect(match.upper[95], row.series_id).toBeCloseTo(row.upper[95]!, 6);
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe("dataset plans: coherent, nested, England fixed", () => {
  // Random datasets: LAs of two regions, totals with suppressed years, placement breakdowns with suppressed cells, population.
  const las = ["805", "806", "807", "808", "390", "391", "392", "840", "841", "929"].map((c) => findLa(c)!);
  const types = ["foster", "secure_and_childrens_homes", "other_placements"];
  const dataset = fc.record({
    years: fc.integer({ min: 6, max: 12 }),
    sizes: fc.array(fc.integer({ min: 20, max: 900 }), { minLength: las.length, maxLength: las.length }),
    trends: fc.array(fc.double({ min: -0.08, max: 0.1, noNaN: true }), { minLength: las.length, maxLength: las.length }),
    noise: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 400, maxLength: 400 }),
    suppressed: fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
  }).map(({ years, sizes, trends, noise, suppressed }) => {
    const rows: DatasetRow[] = [];
    let k = 0;
    const next = () => noise[k++ % noise.length]!;
    las.forEach((la, i) => {
      for (let t = 0; t < years; t++) {
        const year = String(2025 - years + 1 + t);
        const total = Math.max(5, Math.round(sizes[i]! * Math.exp(trends[i]! * t) * (0.9 + 0.2 * next())));
        const hidden = suppressed[k % suppressed.length]! && t === 2;
        rows.push({ time_period: year, time_identifier: "Reporting year", ...laGeography(la), measure: "cla_31_march", dims: { placement_type: "total", age_band: "total" }, value: hidden ? null : total, value_status: hidden ? "suppressed" : "ok" });
        rows.push({ time_period: year, time_identifier: "Reporting year", ...laGeography(la), measure: "population_0_17", dims: {}, value: 10_000 + 100 * i, value_status: "ok" });
        if (t >= years - 4) {
          const foster = Math.round(total * (0.6 + 0.1 * next()));
          const homes = Math.round(total * 0.1 * next());
          const cells = [foster, homes, total - foster - homes];
          cells.forEach((v, j) => {
            const small = v > 0 && v < 5 || suppressed[(k + j) % suppressed.length]! && j > 0;
            rows.push({ time_period: year, time_identifier: "Reporting year", ...laGeography(la), measure: "cla_31_march", dims: { placement_type: types[j]!, age_band: "total" }, value: small ? null : v, value_status: small ? "suppressed" : "ok" });
          });
        }
      }
    });
    return rows;
  });

  it("every interval of every output is nested, England is the same with or without --by and footprints, parts add up", () => {
    fc.assert(fc.property(dataset, (rows) => {
      const footprints = { source: "test", footprints: [{ code: "FPX", name: "Cross-region", members: ["E06000001", "E08000016"] }, { code: "FPY", name: "Overlapping", members: ["E06000001", "E06000002"] }] };
      const plain = run(datasetPlan({ rows, measure: "cla_31_march" }), { horizon: 3 }).rows;
      const split = run(datasetPlan({ rows, measure: "cla_31_march", by: ["placement_type"], footprints }), { horizon: 3 }).rows;
      expectNested(plain, "totals");
      expectNested(split, "breakdown and footprints");
      const england = (table: ForecastRow[]) => table.filter((r) => r.series_id === "E92000001");
      expect(england(split).map((r) => r.mean)).toEqual(england(plain).map((r) => r.mean));
      expect(england(split).map((r) => r.upper[95])).toEqual(england(plain).map((r) => r.upper[95]));
      for (const total of split.filter((r) => !r.series_id.includes("|"))) {
        const parts = split.filter((r) => r.series_id.startsWith(`${total.series_id}|`) && r.step === total.step);
        if (parts.length) expect(parts.reduce((a, r) => a + r.mean, 0)).toBeCloseTo(total.mean, 6);
      }
      const fpx = split.filter((r) => r.series_id === "FPX");
      const members = split.filter((r) => r.series_id === "E06000001" || r.series_id === "E08000016");
      for (const r of fpx) expect(r.mean).toBeCloseTo(members.filter((m) => m.step === r.step).reduce((a, m) => a + m.mean, 0), 6);
    }), { numRuns: 8 });
  });
});

describe("failures are reported, never dropped", () => {
  const series: Series[] = ["a", "b", "c"].map((id, i) => ({ id, periods: ["2019", "2020", "2021", "2022", "2023", "2024", "2025"], values: Float64Array.from({ length: 7 }, (_, t) => 10 + i + t), frequency: 1 }));
  it("a local model that fails on a series: that series uses naive, named and counted", () => {
    const picky: ModelSpec = { name: "picky", fit(y, options) { if (y[0] === 11) throw new Error("cannot fit b"); return naive.fit(y, options); } };
    const result = run(seriesPlan(series, { model: picky }), { horizon: 2 });
    expect(result.rows.filter((r) => r.series_id === "b")).toHaveLength(2);
    expect(result.failures).toEqual([{ series_id: "b", model: "picky", reason: "cannot fit b", fallback: "naive" }]);
    expect(result.rows.find((r) => r.series_id === "b")!.model).toBe("naive (fallback: picky failed: cannot fit b)");
  });
  it("a global model that throws: every series falls back to auto and the reason is kept", () => {
    const broken: GlobalModelSpec = { name: "broken", global: true, forecastMany() { throw new Error("no population"); } };
    expect(isGlobal(broken)).toBe(true);
    const result = run(seriesPlan(series, { model: broken }), { horizon: 1 });
    expect(result.rows).toHaveLength(3);
    expect(result.failures.map((f) => f.reason)).toEqual(["broken failed: no population", "broken failed: no population", "broken failed: no population"]);
    expect(result.rows[0]!.model).toMatch(/fallback: broken failed: no population/);
  });
});

describe("the default plan", () => {
  it("is the local auto model for independent series, a choice with rate-to-region for an LA panel", () => {
    const independent: Series[] = [{ id: "x", periods: ["2020", "2021", "2022", "2023"], values: Float64Array.of(1, 2, 3, 4), frequency: 1 }];
    expect((defaultPlan(independent).model as ModelSpec).name).toBe("auto");
    const lasPanel: Series[] = ["805", "806", "807", "808", "390", "391", "392", "840", "841", "929"].map((c) => ({ id: findLa(c)!.newCode, periods: ["2020", "2021", "2022", "2023", "2024"], values: Float64Array.of(100, 110, 120, 125, 130), frequency: 1 }));
    const plan: ForecastPlan = defaultPlan(lasPanel);
    expect("choose" in plan.model && plan.model.choose.map((m) => m.name)).toEqual(["auto", "rate-to-region"]);
  });
});
