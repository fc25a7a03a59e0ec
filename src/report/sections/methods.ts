/**
 * Report section 8: methods and sources.
 */
import type { ReportSection } from "../../spec/report.ts";
import type { ReportInput } from "../report-input.ts";

export function methodsSection(input: ReportInput): ReportSection {
  const f = input.forecast;
  return {
    id: "methods",
    heading: "Methods and sources",
    paragraphs: [
      "Children looked after, starts, ceases, placements, distance and UASC: Department for Education, Children looked after in England including adoptions (from the SSDA903 return), years ending 31 March 2011 onwards.",
      "Population of children aged 0 to 17: Office for National Statistics mid-year estimates (the mid-year before each 31 March), used for rates per 10,000 children.",
      input.market
        ? `Registered providers and places: Ofsted, Children's social care data in England, providers and places at 31 March each year to ${input.market.origin} (the lists that hold inspected providers only are completed from registration dates and joiners and leavers; see docs/supply-data.md), with the owning organisation as Ofsted records it. In-house foster places: Ofsted via DfE LAIT; households and approvals: Ofsted fostering data 2017-18 and 2018-19. Unit costs: DfE Section 251 outturn via LAIT, put in real terms with the ONS consumer prices index (D7BT). Imports and exports: DfE LA of placement and net gain.`
        : `Registered children's homes and places: Ofsted, Children's social care data in England, providers and places at 31 March${input.supply.year ? ` ${input.supply.year}` : ""} (the Ofsted register as ingested into the dataset; years whose list names inspected providers only are completed from later lists). Owning organisation as recorded by Ofsted.`,
      ...(input.market ? [`Market analysis: supply is projected by simulating each LA's homes opening and closing at its rates pooled with England's (${input.market.samples} draws); demand is drawn from the forecast intervals; the gap compares them draw by draw. Thresholds and their sources are stated where used. Method: docs/market.md.`] : []),
      "Spend: Ministry of Housing, Communities and Local Government, Revenue Outturn RO3 (children's social care), gross total expenditure on children looked after, GBP thousand.",
      ...(input.returns ? ["In-house fostering, LA children's homes, block contracts, planned beds, weekly costs, unmet need and providers used: the LAs' own returns on the national sufficiency template (each section says which members supplied it). Where a figure came from more than one source (a return, an SSDA903 extract, a published file), a value beats a blank, and between two values the LA's own return is preferred."] : []),
      f ? `Forecasts: ${f.model}. ${f.intervals} ${f.reconciliation}.${f.evaluation ? ` Backtests re-run this whole plan (model, reconciliation, calibration) at ${f.evaluation.origins.join(", ")} on the data available then, and compare with what happened.` : ""}` : "Forecasts: not available for this scope.",
      ...(input.forecastNotes ?? []).map((n) => `Forecast note: ${n}`),
      "Aggregates for regions, footprints and England are sums over member local authorities; boundary changes (Dorset and BCP 2019, Northamptonshire 2021, Cumbria 2023) are handled so a series neither breaks nor double counts. Suppressed (“c”) and missing (“x”) values are never treated as zero.",
      "Disclosure control: counts from 1 to 4 are suppressed (“c”), with secondary suppression so they cannot be recovered from totals.",
      "Contains public sector information licensed under the Open Government Licence v3.0.",
    ],
    charts: [],
    tables: [],
  };
}
