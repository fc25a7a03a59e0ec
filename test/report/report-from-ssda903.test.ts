// An LA analyst's path: SSDA903 extract -> template measures -> report. The dataset is
// sparse (one LA, five years, no population, no England rows), and the figures are
// unpublished, so the report must still build and must suppress small counts.
import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest-files";
import { loadFiles } from "../../src/ingest/load-files";
import { buildReport } from "../../src/report/build-report";
import { prepareReportContext, resolveScope, scopeInput } from "../../src/report/report-context";
import { loadEpisodeTable } from "../../src/ingest/ssda903/load-ssda903";
import { evaluate } from "../../src/forecast/evaluate";
import { stockFlowPlan } from "../../src/forecast/stock-flow/stock-flow-plan";

describe("a report from an SSDA903 extract", async () => {
  const dataset = await ingestFiles(loadFiles(["test/fixtures/ssda903-samples/combined"]), { la: "805", created: "2026-01-01T00:00:00Z" });
  const episodes = loadEpisodeTable("test/fixtures/ssda903-samples/combined", { la: "805" }).table;
  const ctx = prepareReportContext(dataset.rows, { horizon: 3, ssda903: episodes });
  const model = buildReport(scopeInput(ctx, resolveScope("la:805", ctx), "2026-01-01"));

  it("builds every section for the latest return year", () => {
    expect(model.year).toBe(2022);
    expect(model.sections.map((s) => s.id)).toEqual(["headlines", "trend", "stock-flow", "mix", "flows", "placement-flows", "supply", "gap", "foster-carers", "market-risk", "spend", "costs", "coverage", "methods"]);
    expect(model.sections[0].headlines![0].value).toBe("55");
    expect(model.sections[0].paragraphs[0]).toMatch(/cannot be computed/);
  });
  it("publishes no count from 1 to 4 in any table", () => {
    for (const section of model.sections) {
      for (const table of [...section.charts.map((c) => c.table), ...section.tables]) {
        if (["trend", "backtest", "placement-forecast", "age-forecast", "gap", "coverage", "comparators", "stock-flow-projection", "stock-flow-backtest"].includes(table.id)) continue; // forecasts, accuracy and member counts are not counts of children
        for (const row of table.rows) {
          for (const c of table.columns.filter((c) => c.numeric && c.key !== "percent" && c.key !== "share")) {
            const v = row[c.key];
            if (typeof v === "number") expect(v === 0 || v >= 5, `${table.id} ${c.key} ${v}`).toBe(true);
          }
        }
      }
    }
    const need = model.sections.find((s) => s.id === "mix")!.charts.find((c) => c.id === "need-mix")!.table;
    expect(need.rows.some((r) => r.children === "c")).toBe(true);
  });
  it("shows the stock-flow projection and its backtest, the figures of evaluate of the same plan", () => {
    const section = model.sections.find((x) => x.id === "stock-flow")!;
    const projection = section.tables.find((t) => t.id === "stock-flow-projection")!;
    expect(projection.rows.filter((r) => r.group === "All children")).toHaveLength(3);
    for (const r of projection.rows) expect((r.lo95 as number) <= (r.lo80 as number) && (r.lo80 as number) <= (r.mean as number) && (r.mean as number) <= (r.hi80 as number) && (r.hi80 as number) <= (r.hi95 as number)).toBe(true);
    const backtest = section.tables.find((t) => t.id === "stock-flow-backtest")!;
    const total = backtest.rows.find((r) => r.group === "All children")!;
    const evaluation = evaluate(stockFlowPlan(episodes, { las: ["805"], simulations: 500 }), { origins: ["2020-03-31", "2021-03-31"], horizon: 12 });
    const expected = evaluation.byGroup.total!.at(-1)!;
    expect(total.mase as number).toBeCloseTo(expected.mase, 6);
    expect(total.c80).toBe(Math.round(100 * expected.intervals[80]!.coverage));
    expect(section.paragraphs.join(" ")).toContain(`a mean absolute scaled error of ${expected.mase.toFixed(2)} against ${evaluation.naiveByGroup.total!.at(-1)!.mase.toFixed(2)} for the no-change forecast`);
  });
});
