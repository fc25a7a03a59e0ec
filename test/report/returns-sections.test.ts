// The report sections built from LA returns (issue 8): they appear only when members sent
// returns, say who supplied them, show lower bounds with ≥, never a ratio over different
// members, and keep suppressed values as c.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report";
import type { ReportInput } from "../../src/report/report-input";
import type { ReportTable } from "../../src/spec/report";
import { reportInput, row } from "./fixture";

function withReturns(kind: "la" | "footprint"): ReportInput {
  const input = reportInput();
  const status = kind === "la" ? "ok" : "estimated";
  const r = (measure: string, dims: Parameters<typeof row>[1], value: number | null, s: Parameters<typeof row>[4] = value === null ? "suppressed" : status) => row(measure, dims, 2025, value, s);
  input.rows.push(
    r("foster_households_inhouse", {}, 150), r("foster_places_approved", {}, 260), r("foster_places_vacant", {}, 30),
    r("la_childrens_homes", {}, null), r("la_childrens_home_beds", {}, 16), r("la_childrens_home_beds_occupied", {}, 13),
    r("block_contracted_beds", { placement_type: "total" }, 12), r("block_contracted_beds_used", { placement_type: "total" }, 9),
    r("planned_new_beds", { placement_type: "childrens_home_la", opening_year: "2027" }, 6),
    r("weekly_cost_mean", { placement_type: "total", sector: "total" }, 1450), r("placements_costed", { placement_type: "total", sector: "total" }, 500),
    r("weekly_cost_mean", { placement_type: "foster_ifa", sector: "total" }, 1050), r("placements_costed", { placement_type: "foster_ifa", sector: "total" }, 200),
    r("weekly_cost_mean", { placement_type: "childrens_home_private", sector: "total" }, 6200), r("placements_costed", { placement_type: "childrens_home_private", sector: "total" }, 20),
    r("placement_need_mismatch", { needed_placement_type: "total", placement_type: "total" }, 12), r("cla_unregistered_settings", { age_band: "total" }, null),
    r("deprivation_of_liberty_orders", {}, null), r("sibling_groups_placed_apart", {}, 7), r("referrals_no_suitable_offer", { placement_type: "total" }, 40),
    r("provider_children_placed", { provider_id: "SC1", owning_group: "Acme", sector: "private", placement_type: "childrens_home_private" }, 12),
    r("provider_children_placed", { provider_id: "SC2", owning_group: "Northern", sector: "private", placement_type: "childrens_home_private" }, 6),
    r("provider_children_placed", { provider_id: "SC3", owning_group: "Northern", sector: "private", placement_type: "childrens_home_private" }, null),
  );
  const bolton = ["Bolton"];
  const supplied = (measures: string[], names: string[]) => Object.fromEntries(measures.map((m) => [m, { 2025: names }]));
  input.returns = {
    members: { 2025: kind === "la" ? ["Hartlepool"] : ["Bolton", "Bury", "Wigan"] },
    suppliedBy: {
      ...supplied(["foster_households_inhouse", "foster_places_approved", "la_childrens_homes", "la_childrens_home_beds", "block_contracted_beds", "block_contracted_beds_used", "planned_new_beds", "weekly_cost_mean", "placements_costed", "placement_need_mismatch", "sibling_groups_placed_apart", "referrals_no_suitable_offer", "provider_children_placed"], kind === "la" ? ["Hartlepool"] : bolton),
      // Vacancies from a different set of members: no vacancy rate over a footprint.
      ...supplied(["foster_places_vacant", "la_childrens_home_beds_occupied"], kind === "la" ? ["Hartlepool"] : ["Bolton", "Wigan"]),
    },
    medians: kind === "la" ? [row("weekly_cost_median", { placement_type: "total", sector: "total" }, 2025, 980), row("weekly_cost_median", { placement_type: "childrens_home_private", sector: "total" }, 2025, null)] : [],
  };
  if (kind === "footprint") input.scope = { kind: "footprint", code: "GMCA", name: "Greater Manchester" };
  return input;
}

const table = (model: ReturnType<typeof buildReport>, id: string): ReportTable => model.sections.flatMap((s) => [...s.tables, ...s.charts.map((c) => c.table)]).find((t) => t.id === id)!;

describe("returns sections", () => {
  it("are absent without returns and present, in order, with them", () => {
    expect(buildReport(reportInput()).sections.map((s) => s.id)).toEqual(["headlines", "trend", "mix", "flows", "placement-flows", "supply", "gap", "foster-carers", "market-risk", "spend", "costs", "coverage", "methods"]);
    expect(buildReport(withReturns("la")).sections.map((s) => s.id)).toEqual(["headlines", "trend", "mix", "flows", "placement-flows", "supply", "gap", "foster-carers", "market-risk", "spend", "costs", "returns-supply", "returns-costs", "unmet-need", "providers-used", "coverage", "methods"]);
  });

  it("an LA report: its own figures, ratios, medians, and small counts kept as c", () => {
    const model = buildReport(withReturns("la"));
    const supply = model.sections.find((s) => s.id === "returns-supply")!;
    expect(supply.paragraphs[0]).toBe("From Hartlepool's own return for the year ending 31 March 2025.");
    expect(supply.paragraphs[1]).toBe("In-house fostering at 31 March 2025: 150 approved households offering 260 places, of which 30 places were vacant (11.5% of approved places).");
    expect(table(model, "inhouse-fostering").rows.find((r) => String(r.measure).startsWith("Vacancy"))?.value).toBe("11.5%");
    expect(table(model, "la-homes").rows[0]).toMatchObject({ measure: "LA children's homes", value: "c", supplied: "yes" });
    const costs = table(model, "returns-weekly-costs");
    expect(costs.columns.map((c) => c.key)).toContain("median");
    expect(costs.rows[0]).toMatchObject({ type: "All", sector: "All", mean: 1450, median: 980, placements: 500 });
    expect(costs.rows.find((r) => r.type === "Children's home, private")).toMatchObject({ mean: 6200, median: "c" });
    expect(table(model, "returns-weekly-costs-by-type").rows).toHaveLength(2);
    const unmet = model.sections.find((s) => s.id === "unmet-need")!;
    expect(unmet.paragraphs[1]).toContain("a suppressed number of children were in unregistered settings");
    expect(table(model, "owning-groups").rows).toEqual([{ owner: "Acme", children: 12, share: 66.7 }, { owner: "Northern", children: 6, share: 33.3 }]);
    expect(model.sections.find((s) => s.id === "providers-used")!.paragraphs[1]).toContain("(1 suppressed provider rows left out)");
    expect(model.sections.find((s) => s.id === "methods")!.paragraphs.join(" ")).toContain("the LAs' own returns");
  });

  it("a footprint report: who supplied it, lower bounds with ≥, no ratio over different members, no medians", () => {
    const model = buildReport(withReturns("footprint"));
    const supply = model.sections.find((s) => s.id === "returns-supply")!;
    expect(supply.paragraphs[0]).toMatch(/^Supplied by 2 of 3 members for the year ending 31 March 2025 \(Bolton, Wigan\); not supplied by Bury\. Totals over members/);
    expect(supply.paragraphs[1]).toBe("In-house fostering at 31 March 2025: at least 150 approved households offering at least 260 places, of which at least 30 places were vacant.");
    const fostering = table(model, "inhouse-fostering");
    expect(fostering.rows[0]).toMatchObject({ value: "≥ 150", supplied: "1 of 3" });
    expect(fostering.rows.find((r) => String(r.measure).startsWith("Vacancy"))?.value).toBe("x");
    expect(table(model, "block-contracts").rows[0]).toMatchObject({ beds: "≥ 12", used: "≥ 9", use: 75 });
    expect(table(model, "returns-weekly-costs").columns.map((c) => c.key)).not.toContain("median");
    expect(table(model, "owning-groups").rows[0]).toMatchObject({ owner: "Acme", children: "≥ 12" });
  });
});

describe("incomplete totals (issue 8)", () => {
  it("a headline over members some of which gave no figure reads ≥, with no rate or change against complete years", () => {
    const input = reportInput();
    input.scope = { kind: "footprint", code: "GMCA", name: "Greater Manchester" };
    const i = input.rows.findIndex((r) => r.measure === "cla_31_march" && r.time_period === "2025" && r.dims.placement_type === "total" && r.dims.age_band === "total");
    input.rows[i] = { ...input.rows[i], value: 290, value_status: "estimated" };
    const model = buildReport(input);
    const h = model.sections[0].headlines!;
    expect(h.map((x) => x.value)).toEqual(["≥ 290", "not available: the total is incomplete", "not available", "not available"]);
    expect(h[2].note).toBe("≥ 290 is a lower bound");
    expect(model.sections[0].paragraphs[0]).toContain("at least 290 children: a lower bound");
    const trend = model.sections.find((s) => s.id === "trend")!;
    expect(trend.charts[0].table.rows.find((r) => r.year === "2025")?.observed).toBe("≥ 290");
    expect(trend.paragraphs[0]).toContain("Figures for 2025 are lower bounds");
  });
});
