/**
 * Report section: unmet need from the returns' Unmet need sheet: children placed in a home
 * that does not match their assessed need for lack of a suitable one (needed type x actual
 * type), referrals with no suitable offer within 5 working days, children in unregistered
 * settings, deprivation of liberty orders and sibling groups placed apart. The CMA asked for
 * exactly this evidence; no published source holds it.
 */
import type { ReportSection } from "../../spec/report.ts";
import { PLACEMENT_TYPE, AGE_BAND, TOTAL } from "../../reference/code-lists.ts";
import { allCodes } from "../../reference/code-tree.ts";
import type { ScopeView } from "../scope-view.ts";
import type { ReportInput } from "../report-input.ts";
import { cell } from "../section-helpers.ts";
import { codeLabel, figuresTable, prose, returnsYear, shownRows, suppliedSentence } from "../returns-helpers.ts";

export const UNMET_NEED_MEASURES = ["placement_need_mismatch", "referrals_no_suitable_offer", "cla_unregistered_settings", "deprivation_of_liberty_orders", "sibling_groups_placed_apart"];

const TYPE_ORDER = new Map([TOTAL, ...allCodes(PLACEMENT_TYPE)].map((c, i) => [c, i]));
const AGE_ORDER = new Map([TOTAL, ...allCodes(AGE_BAND)].map((c, i) => [c, i]));

/**
 * The section, or null when no member supplied any unmet-need figure.
 * @throws never
 * @example unmetNeedSection(input, view)?.id // "unmet-need"
 */
export function unmetNeedSection(input: ReportInput, view: ScopeView): ReportSection | null {
  const year = returnsYear(input, UNMET_NEED_MEASURES);
  if (year === null) return null;
  const section: ReportSection = { id: "unmet-need", heading: "Unmet need (from returns)", paragraphs: [suppliedSentence(input, UNMET_NEED_MEASURES, year)], charts: [], tables: [] };
  const totals = {
    mismatch: view.get("placement_need_mismatch", { needed_placement_type: TOTAL, placement_type: TOTAL }, year),
    referrals: view.get("referrals_no_suitable_offer", { placement_type: TOTAL }, year),
    unregistered: view.get("cla_unregistered_settings", { age_band: TOTAL }, year),
    dolo: view.get("deprivation_of_liberty_orders", {}, year),
    siblings: view.get("sibling_groups_placed_apart", {}, year),
  };
  section.paragraphs.push(
    `At 31 March ${year}, ${prose(totals.mismatch, "children")} lived in a placement that did not match the type their care plan says they need, for lack of a suitable home; ${prose(totals.unregistered, "children")} were in unregistered settings; ${prose(totals.dolo, "children")} were subject to a deprivation of liberty order; and ${prose(totals.siblings, "sibling groups")} were placed apart contrary to their care plan. During the year, ${prose(totals.referrals, "placement referrals")} received no suitable offer within 5 working days.`,
  );
  section.tables.push(figuresTable("unmet-need", `Unmet need, year ending 31 March ${year}`, input, view, year, [
    { measure: "placement_need_mismatch", value: cell(totals.mismatch) },
    { measure: "referrals_no_suitable_offer", value: cell(totals.referrals) },
    { measure: "cla_unregistered_settings", value: cell(totals.unregistered) },
    { measure: "deprivation_of_liberty_orders", value: cell(totals.dolo) },
    { measure: "sibling_groups_placed_apart", value: cell(totals.siblings) },
  ], cell));
  const mismatch = shownRows(view, "placement_need_mismatch", year).filter((r) => !(r.dims.needed_placement_type === TOTAL && r.dims.placement_type === TOTAL));
  if (mismatch.length) {
    section.tables.push({
      id: "need-mismatch",
      caption: `Children whose placement does not match their assessed need: type needed by type used, 31 March ${year}`,
      columns: [{ key: "needed", label: "Placement type needed" }, { key: "actual", label: "Placement type used" }, { key: "children", label: "Children", numeric: true }],
      rows: mismatch
        .sort((a, b) => (TYPE_ORDER.get(a.dims.needed_placement_type ?? "") ?? 99) - (TYPE_ORDER.get(b.dims.needed_placement_type ?? "") ?? 99) || (TYPE_ORDER.get(a.dims.placement_type ?? "") ?? 99) - (TYPE_ORDER.get(b.dims.placement_type ?? "") ?? 99))
        .map((r) => ({ needed: codeLabel("needed_placement_type", r.dims.needed_placement_type), actual: codeLabel("placement_type", r.dims.placement_type), children: cell({ value: r.value, status: r.value_status }) })),
    });
  }
  const referrals = shownRows(view, "referrals_no_suitable_offer", year).filter((r) => r.dims.placement_type !== TOTAL);
  if (referrals.length) {
    section.tables.push({
      id: "referrals-no-offer",
      caption: `Referrals with no suitable offer within 5 working days, by placement type sought, year ending 31 March ${year}`,
      columns: [{ key: "type", label: "Placement type sought" }, { key: "referrals", label: "Referrals", numeric: true }],
      rows: referrals.sort((a, b) => (TYPE_ORDER.get(a.dims.placement_type ?? "") ?? 99) - (TYPE_ORDER.get(b.dims.placement_type ?? "") ?? 99))
        .map((r) => ({ type: codeLabel("placement_type", r.dims.placement_type), referrals: cell({ value: r.value, status: r.value_status }) })),
    });
  }
  const unregistered = shownRows(view, "cla_unregistered_settings", year).filter((r) => r.dims.age_band !== TOTAL);
  if (unregistered.length) {
    section.tables.push({
      id: "unregistered",
      caption: `Children in unregistered settings by age band, 31 March ${year}`,
      columns: [{ key: "age", label: "Age band" }, { key: "children", label: "Children", numeric: true }],
      rows: unregistered.sort((a, b) => (AGE_ORDER.get(a.dims.age_band ?? "") ?? 99) - (AGE_ORDER.get(b.dims.age_band ?? "") ?? 99))
        .map((r) => ({ age: codeLabel("age_band", r.dims.age_band), children: cell({ value: r.value, status: r.value_status }) })),
    });
  }
  return section;
}
