/**
 * Report section: the LA's own provision from the returns' Supply sheet: in-house fostering
 * capacity and vacancies, recruitment, LA children's homes and occupancy, block contracts
 * and their use, supported accommodation and secure beds, and planned new beds. Only when
 * members sent returns; each table says which members supplied it. Values are the scope's
 * disclosure-controlled figures (counts 1 to 4 suppressed); a total over members some of
 * which gave no figure is a lower bound (≥).
 */
import type { ReportSection, ReportTable } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import type { ReportInput } from "../report-input.ts";
import { cell, fmt } from "../section-helpers.ts";
import { codeLabel, figuresTable, pctCell, prose, returnsYear, shareOf, shownRows, suppliedCell, suppliedSentence } from "../returns-helpers.ts";

const FOSTERING = ["foster_households_inhouse", "foster_places_approved", "foster_places_vacant", "foster_enquiries", "foster_applications", "foster_approvals", "foster_deregistrations"];
const HOMES = ["la_childrens_homes", "la_childrens_home_beds", "la_childrens_home_beds_occupied", "supported_accommodation_beds", "secure_beds"];
const BLOCK = ["block_contracted_beds", "block_contracted_beds_used"];
const PLANNED = ["planned_new_beds"];
export const RETURNS_SUPPLY_MEASURES = [...FOSTERING, ...HOMES, ...BLOCK, ...PLANNED];

/**
 * The section, or null when no member supplied any of its measures.
 * @throws never
 * @example returnsSupplySection(input, view)?.id // "returns-supply"
 */
export function returnsSupplySection(input: ReportInput, view: ScopeView): ReportSection | null {
  const year = returnsYear(input, RETURNS_SUPPLY_MEASURES);
  if (year === null) return null;
  const section: ReportSection = { id: "returns-supply", heading: `${input.scope.kind === "la" ? "The LA's" : "The LAs'"} own provision: fostering, children's homes and contracts (from returns)`, paragraphs: [suppliedSentence(input, RETURNS_SUPPLY_MEASURES, year)], charts: [], tables: [] };

  if (returnsYear(input, FOSTERING) === year) {
    const vacancy = shareOf(view, input, "foster_places_vacant", "foster_places_approved", {}, year);
    const households = view.get("foster_households_inhouse", {}, year);
    const approved = view.get("foster_places_approved", {}, year);
    const vacant = view.get("foster_places_vacant", {}, year);
    section.paragraphs.push(`In-house fostering at 31 March ${year}: ${prose(households, "approved households")} offering ${prose(approved, "places")}, of which ${prose(vacant, "places")} were vacant` +
      (vacancy === null ? "." : ` (${fmt(vacancy, 1)}% of approved places).`));
    section.tables.push(figuresTable("inhouse-fostering", `In-house fostering capacity and recruitment, year ending 31 March ${year}`, input, view, year, [
      ...FOSTERING.map((measure) => ({ measure })),
      { measure: "foster_places_vacant", label: "Vacancy rate: vacant as a share of approved places", value: vacancy === null ? "x" : `${fmt(vacancy, 1)}%` },
    ], cell));
  }

  if (returnsYear(input, HOMES) === year) {
    const occupancy = shareOf(view, input, "la_childrens_home_beds_occupied", "la_childrens_home_beds", {}, year);
    section.paragraphs.push(`LA children's homes at 31 March ${year}: ${prose(view.get("la_childrens_homes", {}, year), "homes")} with ${prose(view.get("la_childrens_home_beds", {}, year), "registered beds")}, ${prose(view.get("la_childrens_home_beds_occupied", {}, year), "beds")} occupied` +
      (occupancy === null ? "." : ` (occupancy ${fmt(occupancy, 1)}%).`));
    section.tables.push(figuresTable("la-homes", `LA children's homes, supported accommodation and secure beds, 31 March ${year}`, input, view, year, [
      ...HOMES.map((measure) => ({ measure })),
      { measure: "la_childrens_home_beds_occupied", label: "Occupancy: beds occupied as a share of beds", value: occupancy === null ? "x" : `${fmt(occupancy, 1)}%` },
    ], cell));
  }

  const block = shownRows(view, "block_contracted_beds", year);
  if (block.length) {
    const table: ReportTable = {
      id: "block-contracts",
      caption: `Block-contracted beds and their use by placement type, 31 March ${year}`,
      columns: [{ key: "type", label: "Placement type" }, { key: "beds", label: "Beds contracted", numeric: true }, { key: "used", label: "Beds in use", numeric: true }, { key: "use", label: "In use (%)", numeric: true, decimals: 1 }, { key: "supplied", label: input.scope.kind === "la" ? "In the return" : "Members supplying" }],
      rows: block.map((r) => {
        const dims = { placement_type: r.dims.placement_type ?? "total" };
        return { type: codeLabel("placement_type", dims.placement_type), beds: cell(view.get("block_contracted_beds", dims, year)), used: cell(view.get("block_contracted_beds_used", dims, year)), use: pctCell(shareOf(view, input, "block_contracted_beds_used", "block_contracted_beds", dims, year)), supplied: suppliedCell(input, "block_contracted_beds", year) };
      }),
    };
    section.tables.push(table);
    const all = view.get("block_contracted_beds", { placement_type: "total" }, year);
    const use = shareOf(view, input, "block_contracted_beds_used", "block_contracted_beds", { placement_type: "total" }, year);
    if (all.value !== null) section.paragraphs.push(`Block contracts held ${prose(all, "beds")} at 31 March ${year}${use === null ? "" : `, ${fmt(use, 1)}% of them in use`}.`);
  }

  const planned = shownRows(view, "planned_new_beds", year);
  if (planned.length) {
    section.tables.push({
      id: "planned-beds",
      caption: `Planned new beds by placement type and the year they are due to open (returns for ${year})`,
      columns: [{ key: "type", label: "Placement type" }, { key: "opening", label: "Opening (year ending 31 March)" }, { key: "beds", label: "Beds", numeric: true }],
      rows: planned
        .sort((a, b) => (a.dims.opening_year ?? "").localeCompare(b.dims.opening_year ?? "") || (a.dims.placement_type ?? "").localeCompare(b.dims.placement_type ?? ""))
        .map((r) => ({ type: codeLabel("placement_type", r.dims.placement_type), opening: r.dims.opening_year || "not given", beds: cell({ value: r.value, status: r.value_status }) })),
      notes: ["Planned beds are the LAs' own plans at the time of the return, not Ofsted registrations; they are not added to the registered places in the supply section."],
    });
  }
  return section;
}
