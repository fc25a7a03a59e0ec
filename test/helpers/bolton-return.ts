// The Bolton (DfE 350) return of the issue 8 repro: Demand left blank, Supply, Cost, Unmet
// need and Providers filled. Figures are invented but consistent (parts never exceed totals).
import type { PrefilledDims } from "../../src/template/prefill-rows";
import { filledWorkbook, type Fill } from "./returns";

const SUPPLY: Record<string, number> = {
  foster_households_inhouse: 150, foster_places_approved: 260, foster_places_vacant: 30, foster_enquiries: 400, foster_applications: 60,
  foster_approvals: 20, foster_deregistrations: 15, la_childrens_homes: 4, la_childrens_home_beds: 16, la_childrens_home_beds_occupied: 13,
  supported_accommodation_beds: 10, secure_beds: 0,
};

const key = (dims: PrefilledDims) => Object.entries(dims).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).sort().join(",");

const BY_DIMS: Record<string, Record<string, number>> = {
  block_contracted_beds: { "placement_type=total": 12, "placement_type=childrens_home_private": 12 },
  block_contracted_beds_used: { "placement_type=total": 9, "placement_type=childrens_home_private": 9 },
  weekly_cost_mean: { "placement_type=total,sector=total": 1450, "placement_type=foster_ifa,sector=private": 1050, "placement_type=childrens_home_private,sector=private": 6200, "placement_type=foster_la,sector=la": 450 },
  weekly_cost_median: { "placement_type=total,sector=total": 980, "placement_type=foster_ifa,sector=private": 1010, "placement_type=childrens_home_private,sector=private": 5900, "placement_type=foster_la,sector=la": 430 },
  placements_costed: { "placement_type=total,sector=total": 500, "placement_type=foster_ifa,sector=private": 200, "placement_type=childrens_home_private,sector=private": 20, "placement_type=foster_la,sector=la": 250 },
  placements_over_10k_week: { "placement_type=total": 3 },
  placement_need_mismatch: { "needed_placement_type=total,placement_type=total": 12, "needed_placement_type=foster,placement_type=secure_and_childrens_homes": 9 },
  referrals_no_suitable_offer: { "placement_type=total": 40, "placement_type=secure_and_childrens_homes": 25 },
  cla_unregistered_settings: { "age_band=total": 2 },
  deprivation_of_liberty_orders: { "": 3 },
  sibling_groups_placed_apart: { "": 7 },
};

/** What the Bolton return holds in each prefilled cell (null: left blank). */
export const boltonFill: Fill = (measure, dims) => SUPPLY[measure] ?? BY_DIMS[measure]?.[key(dims)] ?? null;

/** The Bolton return as workbook bytes: Demand (and Context, Location) blank. */
export async function boltonReturn(period: number | string = 2025, la = "350"): Promise<Uint8Array> {
  return filledWorkbook({
    la,
    period,
    sheets: ["Supply", "Cost", "Unmet need"],
    fill: boltonFill,
    freeText: [
      { measure: "planned_new_beds", dims: { placement_type: "childrens_home_la", opening_year: "2027" }, value: 4 },
      { measure: "provider_children_placed", dims: { provider_id: "SC111111", owning_group: "Acme Care Group", sector: "private", placement_type: "childrens_home_private" }, value: 12 },
      { measure: "provider_children_placed", dims: { provider_id: "SC222222", owning_group: "Northern Homes Ltd", sector: "private", placement_type: "childrens_home_private" }, value: 6 },
      { measure: "provider_children_placed", dims: { provider_id: "IFA-333", owning_group: "Acme Care Group", sector: "private", placement_type: "foster_ifa" }, value: 40 },
      { measure: "provider_annual_spend", dims: { provider_id: "SC111111", owning_group: "Acme Care Group", sector: "private", placement_type: "childrens_home_private" }, value: 3_900_000 },
    ],
  });
}

/**
 * A complete, valid core for Bolton's 2026 return: 600 children looked after, all with
 * in-house foster carers and aged 10 to 15; 100 starts and ceases; 50 placed outside the
 * LA; costs for in-house fostering only (other cells not applicable).
 */
export const complete2026: Fill = (measure, dims) => {
  const inFoster = ["total", "foster", "foster_la"].includes(dims.placement_type ?? "total");
  const age = ["total", "10_to_15"].includes(dims.age_band ?? "total");
  const la = ["total", "la"].includes(dims.sector ?? "total");
  switch (measure) {
    case "cla_31_march": return inFoster && age ? 600 : 0;
    case "starts_in_year":
    case "ceases_in_year": return age ? 100 : 0;
    case "placed_outside_la": return inFoster ? 50 : 0;
    case "foster_households_inhouse": return 300;
    case "foster_places_approved": return 650;
    case "la_childrens_home_beds": return 16;
    case "placements_costed": return inFoster && la ? 600 : 0;
    case "weekly_cost_mean": return inFoster && la ? 800 : "not_applicable";
    default: return null;
  }
};
