// The @example lines of the report, chart and writer functions, checked.
import { describe, expect, it } from "vitest";
import { categoryBarChart } from "../../src/report/charts/category-bar-chart";
import { comparisonChart } from "../../src/report/charts/comparison-chart";
import { multiLineChart } from "../../src/report/charts/multi-line-chart";
import { stackedBarChart } from "../../src/report/charts/stacked-bar-chart";
import { trendFanChart } from "../../src/report/charts/trend-fan-chart";
import { ScopeView } from "../../src/report/scope-view";
import { escapeHtml } from "../../src/write/html";
import { renderChart } from "../../src/write/chart";
import { row } from "./fixture";

describe("documented examples", () => {
  it("charts return titled vega-lite specs", () => {
    expect(trendFanChart([{ year: 2024, observed: 10, mean: null, lo80: null, hi80: null, lo95: null, hi95: null }], { title: "T", yTitle: "Children" }).title).toBe("T");
    expect(categoryBarChart([{ category: "A", value: 1 }], { title: "T", xTitle: "n" }).title).toBe("T");
    expect(comparisonChart([{ name: "England", rate: 67, role: "comparator" }], { title: "T" }).title).toBe("T");
    expect(multiLineChart([], { title: "T", yTitle: "n" }).title).toBe("T");
    expect(stackedBarChart([], { title: "T", xTitle: "n", partTitle: "p" }).title).toBe("T");
  });
  it("escapeHtml", () => {
    expect(escapeHtml("<a & b>")).toBe("&lt;a &amp; b&gt;");
  });
  it("ScopeView looks up values and keeps missing as missing", () => {
    const view = new ScopeView([row("cla_31_march", { placement_type: "total", age_band: "total" }, 2025, 332), row("cla_31_march", { placement_type: "foster", age_band: "total" }, 2025, null)]);
    expect(view.get("cla_31_march", { placement_type: "total", age_band: "total" }, 2025).value).toBe(332);
    expect(view.get("cla_31_march", { placement_type: "foster", age_band: "total" }, 2025)).toEqual({ value: null, status: "suppressed" });
    expect(view.get("cla_31_march", { placement_type: "total", age_band: "total" }, 2024)).toEqual({ value: null, status: "absent" });
    expect(view.years).toEqual([2025]);
  });
  it("renderChart draws an SVG with marks and a PNG, ids prefixed", async () => {
    const r = await renderChart(categoryBarChart([{ category: "A", value: 3 }, { category: "B", value: 1 }], { title: "T", xTitle: "n" }), "demo");
    expect(r.svg.startsWith("<svg")).toBe(true);
    expect(r.marks).toBeGreaterThan(3);
    expect(r.png![0]).toBe(0x89); // PNG signature
    expect(r.svg).not.toMatch(/id="(?!demo-)/);
  });
});
