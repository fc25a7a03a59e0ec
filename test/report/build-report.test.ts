import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report";
import { reportInput } from "./fixture";

describe("buildReport", () => {
  const model = buildReport(reportInput());
  it("has every section in order", () => {
    expect(model.sections.map((s) => s.id)).toEqual(["headlines", "trend", "mix", "flows", "placement-flows", "supply", "gap", "foster-carers", "market-risk", "spend", "costs", "coverage", "methods"]);
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
  it("shows supply over time, the gap by type, concentration, risk, carers and costs from the market analysis", () => {
    const supply = model.sections.find((s) => s.id === "supply")!;
    // Hartlepool in the market fixture: Zeta Ltd, 5 homes, 20 + 2 x 9 = 38 places at 31 March 2025.
    expect(supply.paragraphs.join(" ")).toMatch(/At 31 March 2025, 5 Ofsted-registered children's homes .* with 38 places; 100% of the places were in the private sector/);
    expect(supply.charts[0].table.rows.length).toBeGreaterThan(10);
    const gap = model.sections.find((s) => s.id === "gap")!;
    const table = gap.tables.find((t) => t.id === "gap")!;
    const homes2025 = table.rows.find((r) => r.year === "2025" && r.type === "Children's homes (incl. secure)")!;
    expect(homes2025).toMatchObject({ demand: 30, supply: 38, shortfall: 0, prob: 0, needed: 0 });
    expect(table.rows.filter((r) => r.year === "2028").length).toBe(5);
    const risk = model.sections.find((s) => s.id === "market-risk")!;
    expect(risk.paragraphs.join(" ")).toMatch(/HHI\) is 10,000 \(highly concentrated\)/);
    expect(risk.paragraphs.join(" ")).toMatch(/1,800/);
    expect(risk.tables.find((t) => t.id === "providers-at-risk")!.rows[0]).toMatchObject({ owner: "Zeta Ltd", places: 38 });
    const costs = model.sections.find((s) => s.id === "costs")!;
    const weekly = costs.tables.find((t) => t.id === "weekly-costs")!;
    expect(weekly.rows.find((r) => r.group === "Placed with parents or other person with parental responsibility")).toMatchObject({ cost: 0 });
    expect(model.sections.find((s) => s.id === "foster-carers")!.tables[0].rows).toHaveLength(3);
  });
  it("chart specs are deterministic (snapshot of the vega-lite JSON)", () => {
    const trend = model.sections[1].charts[0].spec;
    expect(trend).toMatchSnapshot();
  });
});
