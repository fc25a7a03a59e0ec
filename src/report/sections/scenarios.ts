/**
 * Report section: scenarios side by side with the base. The same scenario file drives
 * demand, supply, the gap, carers and costs; differences are computed draw by draw with the
 * same random numbers as the base (common random numbers), so they carry little simulation
 * noise, and the expected shortfall's difference is shown with its Monte Carlo standard
 * error. Shown only when the run has scenarios.
 */
import type { ReportSection } from "../../spec/report.ts";
import { marketType } from "../../market/market-types.ts";
import type { ScopeView } from "../scope-view.ts";
import { fmt } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function scenariosSection(input: ReportInput, _view: ScopeView): ReportSection | null {
  const m = input.market;
  if (!m || !m.scenarios.length) return null;
  const section: ReportSection = { id: "scenarios", heading: "Scenarios", paragraphs: [], charts: [], tables: [] };
  const last = Math.max(...m.years);
  const cmp = m.scope.scenarioComparison.filter((r) => r.year === last);
  for (const name of m.scenarios) {
    const homes = cmp.find((r) => r.scenario === name && r.placement_type === "childrens_homes" && r.measure === "expected_shortfall");
    const foster = cmp.find((r) => r.scenario === name && r.placement_type === "foster" && r.measure === "expected_shortfall");
    const baseCost = m.scope.costs.find((c) => c.measure === "forecast_cost" && c.scenario === "base" && c.year === last);
    const cost = m.scope.costs.find((c) => c.measure === "forecast_cost" && c.scenario === name && c.year === last);
    const carers = m.scope.fosterCarers.find((r) => r.scenario === name && r.year === last), baseCarers = m.scope.fosterCarers.find((r) => r.scenario === "base" && r.year === last);
    section.paragraphs.push(`“${name}” by ${last}: expected shortfall of children's home places ${homes ? `${fmt(homes.base, 1)} → ${fmt(homes.value, 1)} (${(homes.difference ?? 0) >= 0 ? "+" : "−"}${fmt(Math.abs(homes.difference ?? 0), 1)} ± ${fmt(homes.difference_se, 1)})` : "not available"}; of foster places ${foster ? `${fmt(foster.base, 1)} → ${fmt(foster.value, 1)}` : "not available"}; cost of the forecast ${baseCost && cost ? `£${fmt(baseCost.value! / 1e6, 1)}m → £${fmt(cost.value! / 1e6, 1)}m a year` : "not available"}; in-house households to approve ${baseCarers && carers ? `${fmt(baseCarers.recruitment_needed)} → ${fmt(carers.recruitment_needed)}` : "not available"}.`);
  }
  section.tables.push({
    id: "scenarios", caption: "Scenarios against the base (same random numbers): demand, supply and the gap by placement type",
    columns: [{ key: "scenario", label: "Scenario" }, { key: "year", label: "Year (31 March)" }, { key: "type", label: "Placement type" }, { key: "measure", label: "Measure" }, { key: "base", label: "Base", numeric: true, decimals: 1 }, { key: "value", label: "Scenario", numeric: true, decimals: 1 }, { key: "diff", label: "Difference", numeric: true, decimals: 1 }, { key: "se", label: "Standard error", numeric: true, decimals: 2 }],
    rows: m.scope.scenarioComparison.filter((r) => r.measure !== "prob_shortfall").map((r) => ({ scenario: r.scenario, year: String(r.year), type: marketType(r.placement_type).label, measure: r.measure.replace(/_/g, " "), base: r.base, value: r.value, diff: r.difference, se: r.difference_se })),
    notes: ["A difference with a standard error shows the Monte Carlo noise left after pairing draws; other differences are exact given the draws."],
  });
  return section;
}
