/**
 * Report section: foster carers needed. In-house fostering households the area must
 * recruit each year to care for its forecast foster children, given its deregistration and
 * placement rates, against today's approvals; for England, net growth in households beside
 * the Independent Review's recommendation (quoted with its source).
 */
import type { ReportSection } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { fmt } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function fosterCarersSection(input: ReportInput, _view: ScopeView): ReportSection {
  const section: ReportSection = { id: "foster-carers", heading: "Foster carers needed", paragraphs: [], charts: [], tables: [] };
  const m = input.market;
  const rows = m?.scope.fosterCarers.filter((r) => r.scenario === "base") ?? [];
  const rates = m?.scope.fosterRates;
  if (!m || !rows.length || rows[0].recruitment_needed === null || !rates) {
    section.paragraphs.push(rows[0]?.basis ? `Foster carers needed: ${rows[0].basis}.` : "No fostering figures for this area.");
    return section;
  }
  const first = rows[0], last = rows.at(-1)!;
  section.paragraphs.push(
    `${input.scope.name} had about ${fmt(first.households_today)} in-house fostering households in ${rates.placesYear} (${fmt(rates.approvedPlaces)} approved places${rates.membersWithHouseholds < rates.members ? ` in the ${rates.members - (rates.members - rates.membersWithHouseholds)} LAs reporting them` : ""}, at ${fmt(rates.placesPerHousehold, 2)} places per household), caring for ${fmt(100 * (rates.inhouseShare ?? 0))}% of its children in foster care (${fmt(rates.filledPlaces)} places filled).`,
    `To keep that share as foster demand follows the forecast, it would need to approve about ${fmt(first.recruitment_needed)} households in ${first.year} (up to ${fmt(first.recruitment_needed_hi80)} at the upper 80% bound of demand) and ${fmt(last.recruitment_needed)} in ${last.year}, against ${fmt(first.recruitment_today)} approved in ${rates.householdsYear}; about ${fmt(first.deregistrations_expected)} households a year are expected to deregister (${fmt(100 * (rates.deregistrationRate ?? 0), 1)}% a year).`,
  );
  if (input.scope.kind === "england") {
    const review = m.references.independentReview;
    const net = rows.filter((r) => r.net_additional_households_all !== null);
    if (net.length) section.paragraphs.push(`For England, growing foster care as forecast takes a net ${net.map((r) => `${fmt(r.net_additional_households_all)} (${r.year})`).join(", ")} more fostering households a year (all fostering services, at in-house children per household). The Independent Review of Children's Social Care recommended a programme to “${review.wording}”: ${review.perYear.toLocaleString("en-GB")} carers a year (carers, not households; ${review.source}).`);
  }
  section.tables.push({
    id: "foster-carers", caption: "In-house fostering households needed and to recruit each year",
    columns: [{ key: "year", label: "Year (31 March)" }, { key: "demand", label: "Children in foster care (forecast)", numeric: true }, { key: "inhouse", label: "With in-house carers", numeric: true }, { key: "needed", label: "Households needed", numeric: true }, { key: "dereg", label: "Deregistrations expected", numeric: true }, { key: "recruit", label: "Households to approve", numeric: true }, { key: "recruitHi", label: "To approve (upper 80%)", numeric: true }, { key: "today", label: "Approved a year today", numeric: true }],
    rows: rows.map((r) => ({ year: String(r.year), demand: r.foster_demand_mean === null ? null : Math.round(r.foster_demand_mean), inhouse: r.inhouse_children === null ? null : Math.round(r.inhouse_children), needed: r.households_needed === null ? null : Math.round(r.households_needed), dereg: r.deregistrations_expected === null ? null : Math.round(r.deregistrations_expected), recruit: r.recruitment_needed === null ? null : Math.round(r.recruitment_needed), recruitHi: r.recruitment_needed_hi80 === null ? null : Math.round(r.recruitment_needed_hi80), today: r.recruitment_today })),
    notes: [`Rates: ${first.basis}.`],
  });
  return section;
}
