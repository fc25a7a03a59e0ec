/**
 * Report section: the stock-flow projection from the LA's SSDA903 extract (when one is given),
 * with its backtest: the same plan re-run 12 (and 24) months before the end of the data and
 * compared with the stock observed since, next to the no-change forecast. Every figure comes
 * from the plan's run and evaluation (src/report/stock-flow-report.ts).
 */
import type { ReportSection, ReportTable } from "../../spec/report.ts";
import { PLACEMENT_TYPE } from "../../reference/code-lists.ts";
import { fmt, label } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function stockFlowSection(input: ReportInput): ReportSection | null {
  const s = input.stockFlow;
  if (!s) return null;
  const section: ReportSection = { id: "stock-flow", heading: "Projection from the SSDA903 extract (stock-flow model)", paragraphs: [], charts: [], tables: [] };
  const total = s.points.total ?? [];
  const end = total.at(-1);
  section.paragraphs.push(`From the children looked after on ${s.start} in the extract (${s.las.join(", ")}), the stock-flow model projects entries, moves between placement groups, ageing and exits month by month (${s.model}; rates over the 36 months before the start, held constant).${end ? ` It projects ${fmt(end.mean)} children looked after at 31 March ${end.year} (80% interval ${fmt(end.lo80)} to ${fmt(end.hi80)}; 95% ${fmt(end.lo95)} to ${fmt(end.hi95)}).` : ""}`);
  const whole = (v: number | null) => (v === null ? null : Math.round(v));
  const rows: ReportTable["rows"] = [];
  for (const [group, points] of Object.entries(s.points)) for (const p of points) rows.push({ group: group === "total" ? "All children" : label(PLACEMENT_TYPE, group), year: String(p.year), mean: Math.round(p.mean), lo80: whole(p.lo80), hi80: whole(p.hi80), lo95: whole(p.lo95), hi95: whole(p.hi95) });
  if (rows.length) {
    section.tables.push({
      id: "stock-flow-projection",
      caption: "Stock-flow projection of children looked after at 31 March, by placement group, with 80% and 95% intervals",
      columns: [{ key: "group", label: "Placement group" }, { key: "year", label: "31 March" }, { key: "mean", label: "Projected", numeric: true }, { key: "lo80", label: "80% lower", numeric: true }, { key: "hi80", label: "80% upper", numeric: true }, { key: "lo95", label: "95% lower", numeric: true }, { key: "hi95", label: "95% upper", numeric: true }],
      rows,
    });
  }
  const t = s.accuracy.find((a) => a.group === "total");
  if (t && t.months > 0) {
    section.paragraphs.push(`Re-run at ${s.origins.join(" and ")} on the extract up to then and compared month by month with the ${t.months} months observed after (up to ${s.months} ahead), the projection of all children had a mean absolute scaled error of ${t.mase.toFixed(2)} against ${t.naiveMase.toFixed(2)} for the no-change forecast (${t.mase < t.naiveMase ? "better than" : "no better than"} assuming no change); the 80% interval held the outcome in ${t.inside80} of ${t.months} months (${Math.round(100 * t.coverage80)}%) and the 95% interval in ${t.inside95} (${Math.round(100 * t.coverage95)}%).`);
    section.tables.push({
      id: "stock-flow-backtest",
      caption: `How accurate the stock-flow projection was: re-run at ${s.origins.join(" and ")}, up to ${s.months} months ahead`,
      columns: [{ key: "group", label: "Placement group" }, { key: "months", label: "Months scored", numeric: true }, { key: "mase", label: "MASE", numeric: true, decimals: 2 }, { key: "naive", label: "MASE of no-change forecast", numeric: true, decimals: 2 }, { key: "c80", label: "80% interval coverage (%)", numeric: true }, { key: "c95", label: "95% interval coverage (%)", numeric: true }],
      rows: s.accuracy.map((a) => ({ group: a.group === "total" ? "All children" : label(PLACEMENT_TYPE, a.group), months: a.months, mase: Number.isFinite(a.mase) ? a.mase : null, naive: Number.isFinite(a.naiveMase) ? a.naiveMase : null, c80: Math.round(100 * a.coverage80), c95: Math.round(100 * a.coverage95) })),
      notes: ["MASE is scaled by the mean absolute one-month change over the window before each origin; groups that never changed there have no MASE."],
    });
  }
  section.paragraphs.push(...s.notes);
  return section;
}
