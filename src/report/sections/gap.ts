/**
 * Report section: demand against supply by placement type, with uncertainty. For each
 * forecast year and type: demand (forecast mean and 80% interval), supply (projected mean
 * and 80% interval), the expected shortfall, the chance of a shortfall and the places to add
 * for the chosen assurance; what is compared with what (market-types.ts); and the flows
 * caveat, because places located in an area are not reserved for its children.
 */
import type { ReportSection, ReportTable } from "../../spec/report.ts";
import { MARKET_TYPES, marketType } from "../../market/market-types.ts";
import { PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import { findCode } from "../../reference/code-tree.ts";
import type { ScopeView } from "../scope-view.ts";
import { multiLineChart, type MultiLineRow } from "../charts/multi-line-chart.ts";
import { fmt, chart } from "../section-helpers.ts";
import { protectCounts } from "../small-counts.ts";
import type { ReportInput } from "../report-input.ts";

const r0 = (v: number | null) => (v === null ? null : Math.round(v));

export function gapSection(input: ReportInput, _view: ScopeView): ReportSection {
  const section: ReportSection = { id: "gap", heading: "Demand against supply by placement type", paragraphs: [], charts: [], tables: [] };
  const m = input.market;
  if (!m) {
    section.paragraphs.push("No supply data: the gap cannot be computed.");
    return section;
  }
  const a = Math.round(m.assurance * 100);
  const rows = m.scope.gap.filter((g) => g.scenario === "base");
  const forecastRows = rows.filter((g) => g.year > m.origin && g.demand_mean !== null && g.supply_mean !== null);
  const last = Math.max(...forecastRows.map((g) => g.year), m.origin);
  const at = (type: string, year: number) => rows.find((g) => g.placement_type === type && g.year === year);
  const homes = at("childrens_homes", last), foster = at("foster", last);
  if (homes && homes.prob_shortfall !== null) {
    section.paragraphs.push(`By 31 March ${last}, ${input.scope.name} is forecast to have ${fmt(homes.demand_mean)} children in secure and children's homes (80% interval ${fmt(homes.demand_lo80)} to ${fmt(homes.demand_hi80)}) against ${fmt(homes.supply_mean)} places located in it (${fmt(homes.supply_lo80)} to ${fmt(homes.supply_hi80)}): a ${fmt(100 * homes.prob_shortfall)}% chance of more children than places, an expected shortfall of ${fmt(homes.expected_shortfall)} and ${fmt(homes.places_needed)} places to add for a ${a}% chance of enough.`);
  }
  if (foster && foster.prob_shortfall !== null) {
    section.paragraphs.push(`Fostering: ${fmt(foster.demand_mean)} children forecast in foster care against ${fmt(foster.supply_mean)} places (in-house approved places plus agency and kinship placements held at today's level): a ${fmt(100 * foster.prob_shortfall)}% chance of a shortfall, expected shortfall ${fmt(foster.expected_shortfall)}, ${fmt(foster.places_needed)} places to add for ${a}% assurance.`);
  }
  const flows = m.scope.flows.filter((f) => f.share_own_low !== null || f.share_own_high !== null).at(-1);
  if (flows) section.paragraphs.push(`Read with the flows above: in ${flows.year} ${flows.share_own_low === flows.share_own_high ? fmt(100 * (flows.share_own_low ?? 0)) : `between ${fmt(100 * (flows.share_own_low ?? 0))} and ${fmt(100 * (flows.share_own_high ?? 1))}`}% of children living in ${input.scope.name} were its own, so a place located here is not a place for its children, and a shortfall here may be met (or worsened) across its boundary.`);
  const table: ReportTable = {
    id: "gap", caption: `Demand and supply by placement type: expected shortfall, chance of a shortfall and places to add for ${a}% assurance`,
    columns: [
      { key: "type", label: "Placement type" }, { key: "year", label: "Year (31 March)" },
      { key: "demand", label: "Children (mean)", numeric: true }, { key: "dRange", label: "Children, 80% interval" },
      { key: "supply", label: "Places (mean)", numeric: true }, { key: "sRange", label: "Places, 80% interval" },
      { key: "shortfall", label: "Expected shortfall", numeric: true, decimals: 1 }, { key: "prob", label: "Chance of a shortfall (%)", numeric: true },
      { key: "needed", label: `Places to add for ${a}%`, numeric: true }, { key: "note", label: "Note" },
    ],
    rows: rows.map((g) => {
      const observed = g.year === m.origin;
      const [d] = observed ? protectCounts([g.demand_mean]) : [r0(g.demand_mean)];
      return {
        type: marketType(g.placement_type).label, year: String(g.year), demand: d ?? "x",
        dRange: g.demand_lo80 === null || observed ? "" : `${fmt(g.demand_lo80)} to ${fmt(g.demand_hi80)}`,
        supply: r0(g.supply_mean) ?? "x", sRange: g.supply_lo80 === null || observed ? "" : `${fmt(g.supply_lo80)} to ${fmt(g.supply_hi80)}`,
        shortfall: g.expected_shortfall === null ? "x" : observed ? Math.round(g.expected_shortfall) : Math.round(g.expected_shortfall * 10) / 10,
        prob: g.prob_shortfall === null ? "x" : Math.round(100 * g.prob_shortfall), needed: g.places_needed ?? "x", note: g.note,
      };
    }),
    notes: [`Demand: ${m.demandSource ?? "forecast"}; ${m.scope.gap.length ? "the first year is observed at 31 March." : ""} Supply: ${m.samples} simulated paths; demand and supply are drawn independently and compared draw by draw.`],
  };
  // Every line is a forecast: drawn solid, with no observed/forecast legend.
  const lines: MultiLineRow[] = forecastRows.map((g) => ({ year: g.year, series: marketType(g.placement_type).label, value: g.prob_shortfall === null ? null : Math.round(100 * g.prob_shortfall), kind: "observed" }));
  if (lines.length) {
    section.charts.push(chart("gap-chance", "Chance of a shortfall by placement type", `Line chart of the chance that children forecast in each placement type outnumber the places in ${input.scope.name}, ${Math.min(...lines.map((l) => l.year))} to ${last}.`,
      multiLineChart(lines, { title: "Chance of more children than places (%)", yTitle: "Per cent" }),
      { id: "gap-chance", caption: "Chance of a shortfall (%) by placement type and year", columns: [{ key: "series", label: "Placement type" }, { key: "year", label: "Year (31 March)" }, { key: "value", label: "Chance (%)", numeric: true }], rows: lines.map((l) => ({ series: l.series, year: String(l.year), value: l.value })) }));
  }
  section.tables.push(table);
  section.tables.push({
    id: "gap-types", caption: "What is compared with what",
    columns: [{ key: "type", label: "Placement type" }, { key: "demand", label: "Demand (DfE placement group)" }, { key: "supply", label: "Supply" }],
    rows: MARKET_TYPES.map((t) => ({ type: t.label, demand: t.demand.map((d) => findCode(PLACEMENT_TYPE, d)?.label ?? d).join(", "), supply: t.supplyBasis })),
  });
  return section;
}
