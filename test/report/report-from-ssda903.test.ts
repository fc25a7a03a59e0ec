// An LA analyst's path: SSDA903 extract -> template measures -> report. The dataset is
// sparse (one LA, five years, no population, no England rows), and the figures are
// unpublished, so the report must still build and must suppress small counts.
import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest-files";
import { loadFiles } from "../../src/ingest/load-files";
import { buildReport } from "../../src/report/build-report";
import { prepareReportContext, resolveScope, scopeInput } from "../../src/report/report-context";

describe("a report from an SSDA903 extract", async () => {
  const dataset = await ingestFiles(loadFiles(["test/fixtures/ssda903-samples/combined"]), { la: "805", created: "2026-01-01T00:00:00Z" });
  const ctx = prepareReportContext(dataset.rows, null, { horizon: 3 });
  const model = buildReport(scopeInput(ctx, resolveScope("la:805", ctx), "2026-01-01"));

  it("builds every section for the latest return year", () => {
    expect(model.year).toBe(2022);
    expect(model.sections.map((s) => s.id)).toEqual(["headlines", "trend", "mix", "flows", "supply", "spend", "coverage", "methods"]);
    expect(model.sections[0].headlines![0].value).toBe("55");
    expect(model.sections[0].paragraphs[0]).toMatch(/cannot be computed/);
  });
  it("publishes no count from 1 to 4 in any table", () => {
    for (const section of model.sections) {
      for (const table of [...section.charts.map((c) => c.table), ...section.tables]) {
        if (["trend", "backtest", "placement-forecast", "age-forecast", "gap", "coverage", "comparators"].includes(table.id)) continue; // forecasts, accuracy and member counts are not counts of children
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
});
