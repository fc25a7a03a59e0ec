/**
 * Report section: weekly unit costs from the returns' Cost sheet: the mean weekly cost by
 * placement type and provider sector with the placements it is over (a footprint's mean is
 * the members' means weighted by placements costed), the LA's median (not additive, so
 * shown in an LA report only), and placements costing more than GBP 10,000 a week. Means
 * are suppressed with their weight when it is below the small-count threshold.
 */
import type { ReportSection } from "../../spec/report.ts";
import { PLACEMENT_TYPE, SECTOR, TOTAL } from "../../reference/code-lists.ts";
import { allCodes } from "../../reference/code-tree.ts";
import type { ScopeView } from "../scope-view.ts";
import type { ReportInput } from "../report-input.ts";
import { categoryBarChart } from "../charts/category-bar-chart.ts";
import { cell, chart, fmt } from "../section-helpers.ts";
import { codeLabel, moneyCell, returnsYear, shownRows, suppliedCell, suppliedSentence } from "../returns-helpers.ts";

export const COST_MEASURES = ["weekly_cost_mean", "placements_costed", "weekly_cost_median", "placements_over_10k_week"];

const order = (codes: string[]) => new Map([TOTAL, ...codes].map((c, i) => [c, i]));
const TYPE_ORDER = order(allCodes(PLACEMENT_TYPE));
const SECTOR_ORDER = order(allCodes(SECTOR));

/**
 * The section, or null when no member supplied any cost.
 * @throws never
 * @example returnsCostsSection(input, view)?.id // "returns-costs"
 */
export function returnsCostsSection(input: ReportInput, view: ScopeView): ReportSection | null {
  const year = returnsYear(input, COST_MEASURES);
  if (year === null) return null;
  const section: ReportSection = { id: "returns-costs", heading: "Weekly costs of placements (from returns)", paragraphs: [suppliedSentence(input, COST_MEASURES, year)], charts: [], tables: [] };
  const medians = new Map((input.returns?.medians ?? []).filter((r) => Number(r.time_period) === year).map((r) => [`${r.dims.placement_type}|${r.dims.sector}`, r]));
  const means = shownRows(view, "weekly_cost_mean", year)
    .sort((a, b) => (TYPE_ORDER.get(a.dims.placement_type ?? "") ?? 99) - (TYPE_ORDER.get(b.dims.placement_type ?? "") ?? 99) || (SECTOR_ORDER.get(a.dims.sector ?? "") ?? 99) - (SECTOR_ORDER.get(b.dims.sector ?? "") ?? 99));
  if (means.length) {
    const la = input.scope.kind === "la";
    section.tables.push({
      id: "returns-weekly-costs",
      caption: `Mean weekly cost per placement by placement type and provider sector, 31 March ${year} (GBP a week)`,
      columns: [
        { key: "type", label: "Placement type" },
        { key: "sector", label: "Provider sector" },
        { key: "mean", label: "Mean weekly cost (GBP)", numeric: true },
        ...(la ? [{ key: "median", label: "Median weekly cost (GBP)", numeric: true }] : []),
        { key: "placements", label: "Placements costed", numeric: true },
        { key: "supplied", label: la ? "In the return" : "Members supplying" },
      ],
      rows: means.map((r) => {
        const dims = { placement_type: r.dims.placement_type ?? TOTAL, sector: r.dims.sector ?? TOTAL };
        const median = medians.get(`${dims.placement_type}|${dims.sector}`);
        return {
          type: codeLabel("placement_type", dims.placement_type),
          sector: codeLabel("sector", dims.sector),
          mean: moneyCell({ value: r.value, status: r.value_status }),
          ...(la ? { median: median ? moneyCell({ value: median.value, status: median.value_status }) : "x" } : {}),
          placements: cell(view.get("placements_costed", dims, year)),
          supplied: suppliedCell(input, "weekly_cost_mean", year),
        };
      }),
      notes: [
        la ? "Means and medians over fewer than 5 placements are suppressed (c) with their count." : "A footprint's mean is the members' means weighted by the placements each is over; members that gave no mean, or no placements_costed for it, are left out. Medians cannot be combined across LAs and are shown in LA reports only.",
      ],
    });
    const byType = means.filter((r) => r.dims.sector === TOTAL && r.dims.placement_type !== TOTAL && r.value !== null);
    if (byType.length >= 2) {
      const rows = byType.map((r) => ({ category: codeLabel("placement_type", r.dims.placement_type), value: Math.round(r.value!) }));
      const top = [...rows].sort((a, b) => b.value - a.value)[0];
      section.charts.push(chart("weekly-costs-chart", `Mean weekly cost by placement type, ${year}`, `Bar chart of the mean weekly cost per placement by placement type in ${input.scope.name}, all sectors; the highest is ${top.category} at GBP ${fmt(top.value)} a week.`,
        categoryBarChart(rows, { title: "Mean weekly cost per placement (GBP a week)", xTitle: "GBP a week" }),
        { id: "returns-weekly-costs-by-type", caption: `Mean weekly cost per placement by placement type, all sectors, 31 March ${year} (GBP a week)`, columns: [{ key: "category", label: "Placement type" }, { key: "value", label: "GBP a week", numeric: true }], rows }));
    }
    const all = view.get("weekly_cost_mean", { placement_type: TOTAL, sector: TOTAL }, year);
    if (all.value !== null) section.paragraphs.push(`The mean weekly cost of a placement at 31 March ${year} was GBP ${fmt(all.value)} over ${cell(view.get("placements_costed", { placement_type: TOTAL, sector: TOTAL }, year))} placements costed.`);
  }
  const over = shownRows(view, "placements_over_10k_week", year);
  if (over.length) {
    section.tables.push({
      id: "costs-over-10k",
      caption: `Placements costing more than GBP 10,000 a week, by placement type, 31 March ${year}`,
      columns: [{ key: "type", label: "Placement type" }, { key: "placements", label: "Placements", numeric: true }],
      rows: over.sort((a, b) => (TYPE_ORDER.get(a.dims.placement_type ?? "") ?? 99) - (TYPE_ORDER.get(b.dims.placement_type ?? "") ?? 99))
        .map((r) => ({ type: codeLabel("placement_type", r.dims.placement_type), placements: cell({ value: r.value, status: r.value_status }) })),
    });
  }
  return section;
}
