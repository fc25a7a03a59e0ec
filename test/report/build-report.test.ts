import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report";
import { reportInput } from "./fixture";

describe("buildReport", () => {
  const model = buildReport(reportInput());
  it("has every section in order", () => {
    expect(model.sections.map((s) => s.id)).toEqual(["headlines", "trend", "mix", "flows", "supply", "spend", "coverage", "methods"]);
  });
  it("computes headline figures from the rows", () => {
    const h = model.sections[0].headlines!;
    expect(h[0].value).toBe("312"); // 200 + 8 * 14
    expect(h[1].value).toBe("156"); // 312 / 20000 * 10000
    expect(h[2].value).toBe("+8");
    expect(h[3].value).toBe("+40");
  });
  it("every chart has a title, a text alternative and a data table", () => {
    const charts = model.sections.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.alt.length).toBeGreaterThan(20);
      expect(c.table.rows.length).toBeGreaterThan(0);
    }
  });
  it("keeps suppressed values as c, never zero", () => {
    const mix = model.sections.find((s) => s.id === "mix")!;
    const placement = mix.charts.find((c) => c.id === "placement-mix")!.table;
    expect(placement.rows.find((r) => r.category === "Residential schools")).toMatchObject({ children: "c", percent: "c" });
    expect(placement.rows.find((r) => r.category === "Other residential settings")).toMatchObject({ children: 0 });
  });
  it("measures supply concentration and the gap", () => {
    const supply = model.sections.find((s) => s.id === "supply")!;
    expect(supply.paragraphs.join(" ")).toMatch(/4 Ofsted-registered children's homes .* 23 places/);
    const gap = supply.tables.find((t) => t.id === "gap")!;
    expect(gap.rows[0]).toMatchObject({ year: "2025", places: 23 });
  });
  it("chart specs are deterministic (snapshot of the vega-lite JSON)", () => {
    const trend = model.sections[1].charts[0].spec;
    expect(trend).toMatchSnapshot();
  });
});
