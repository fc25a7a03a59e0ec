/**
 * Report section 6: spend on children looked after (MHCLG RO3).
 */
import type { ReportSection } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { categoryBarChart } from "../charts/category-bar-chart.ts";
import { TOTALS, cell, fmt, pct, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function spendSection(input: ReportInput, view: ScopeView): ReportSection {
  const years = view.years.filter((y) => view.get("spend", { spend_category: "total" }, y).value !== null);
  const section: ReportSection = { id: "spend", heading: "Spend on children looked after", paragraphs: [], charts: [], tables: [] };
  const y = years[years.length - 1];
  if (y === undefined) {
    section.paragraphs.push("No MHCLG RO3 spend is available for this scope.");
    return section;
  }
  const total = view.get("spend", { spend_category: "total" }, y).value!;
  const parts = [
    { code: "residential_care", label: "Residential care" },
    { code: "fostering", label: "Fostering services" },
    { code: "uasc_services", label: "Unaccompanied asylum-seeking children" },
    { code: "other_spend", label: "Other" },
  ].map((p) => ({ ...p, v: view.get("spend", { spend_category: p.code }, y) }));
  const cla = view.get("cla_31_march", TOTALS, y).value;
  const perChild = cla ? (total * 1000) / cla : null;
  section.paragraphs.push(
    `In the financial year ending March ${y}, spend on children looked after was £${fmt(total / 1000, 1)} million (MHCLG Revenue Outturn RO3, gross expenditure), about £${fmt(perChild)} per child looked after at 31 March (£${fmt(perChild === null ? null : perChild / 52)} a week).`,
    `Residential care took ${fmt(pct(parts[0].v.value, total))}% and fostering services ${fmt(pct(parts[1].v.value, total))}% of the total.`,
  );
  section.charts.push(chart("spend", `Spend on children looked after by category, ${y - 1}-${String(y).slice(2)}`, `Bar chart of spend on children looked after by RO3 category: residential care £${fmt((parts[0].v.value ?? 0) / 1000, 1)} million, fostering £${fmt((parts[1].v.value ?? 0) / 1000, 1)} million.`,
    categoryBarChart(parts.map((p) => ({ category: p.label, value: p.v.value })), { title: "Spend by category (GBP thousand)", xTitle: "GBP thousand" }),
    { id: "spend", caption: `Spend on children looked after, ${y - 1}-${String(y).slice(2)} (GBP thousand)`, columns: [{ key: "category", label: "Category" }, { key: "spend", label: "GBP thousand", numeric: true }, { key: "share", label: "Share (%)", numeric: true }],
      rows: [...parts.map((p) => ({ category: p.label, spend: cell(p.v), share: pct(p.v.value, total) === null ? "x" : Math.round(pct(p.v.value, total)!) })), { category: "Total", spend: total, share: 100 }] }));
  return section;
}
