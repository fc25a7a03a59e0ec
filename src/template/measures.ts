/**
 * The national sufficiency template (DOMAIN.md section 5) as data: sections and measures
 * with their unit, aggregation, dimensions and validation rules. Everything else (the
 * blank workbook, the CSV header, the JSON Schema, validation, aggregation) is generated
 * from this one list. Bump TEMPLATE_VERSION whenever a measure id or dimension changes.
 */
import type { DimensionColumn } from "../spec/dataset.ts";
import type { Aggregation, Measure, MeasureDimension, MeasureRule, Section, Template, Unit } from "../spec/template.ts";

export const TEMPLATE_VERSION = "1.2.0";

/**
 * The required measures: the core the CMA market study asked every LA to report in the
 * same form (children looked after by placement type and age, starts, ceases, placed
 * outside the LA, in-house foster capacity, LA children's home beds, and weekly costs with
 * the weights that let them be combined). Every other measure is optional. A required
 * measure's every template row needs a value or a missing reason (not_available,
 * not_applicable, suppressed): a blank is an error at its cell.
 */
export const REQUIRED_MEASURES: readonly string[] = [
  "cla_31_march",
  "starts_in_year",
  "ceases_in_year",
  "placed_outside_la",
  "foster_households_inhouse",
  "foster_places_approved",
  "la_childrens_home_beds",
  "weekly_cost_mean",
  "placements_costed",
];

export const SECTIONS: Section[] = [
  { id: "context", label: "Context", sheet: "Context", description: "Population of children aged 0 to 17 (ONS mid-year estimate), used for rates per 10,000 children." },
  { id: "demand", label: "Demand", sheet: "Demand", description: "Children looked after at 31 March and the flows into and out of care during the year ending 31 March." },
  { id: "location", label: "Location", sheet: "Location", description: "Where children live relative to home: outside the LA, more than 20 miles away, outside the region." },
  { id: "unmet_need", label: "Unmet need", sheet: "Unmet need", description: "Children whose placement does not match their assessed need for lack of a suitable home, and related pressures." },
  { id: "supply", label: "Supply", sheet: "Supply", description: "In-house fostering, LA children's homes, block contracts, supported accommodation, secure beds, registered places and planned new beds." },
  { id: "cost", label: "Cost", sheet: "Cost", description: "Weekly unit costs by placement type and provider sector, and total spend." },
  { id: "providers", label: "Providers", sheet: "Providers", description: "Each provider used at 31 March: children placed and annual spend." },
];

const SUM: Aggregation = { kind: "sum" };
const COUNT_RULES: MeasureRule[] = [{ kind: "non_negative_integer" }];

function dims(...columns: DimensionColumn[]): MeasureDimension[] {
  const freeText: DimensionColumn[] = ["provider_id", "owning_group", "opening_year"];
  return columns.map((column) => ({ column, total: !freeText.includes(column) }));
}

/** Ofsted register dimensions: provision type, sector and owning organisation, each with a "total" row. */
const OFSTED_DIMS: MeasureDimension[] = [
  { column: "provision_type", total: true },
  { column: "sector", total: true },
  { column: "owning_group", total: true },
];

function count(
  id: string,
  section: Measure["section"],
  label: string,
  description: string,
  dimensions: MeasureDimension[],
  sources: Measure["sources"],
  unit: Unit = "children",
  extraRules: MeasureRule[] = [],
): Measure {
  const sumRules: MeasureRule[] = dimensions.filter((d) => d.total).map((d) => ({ kind: "parts_sum_to_total", dimension: d.column }));
  return { id, section, label, description, unit, aggregation: SUM, dimensions, rules: [...COUNT_RULES, ...sumRules, ...extraRules], sources, required: false };
}

/** A measure counting a public register (Ofsted providers and places): not subject to disclosure control. */
function publicRegister(measure: Measure): Measure {
  return { ...measure, disclosure: "public_register" };
}

const ALL_MEASURES: Measure[] = [
  // Context
  count("population_0_17", "context", "Children aged 0 to 17", "ONS mid-year population estimate of children aged 0 to 17 in the LA (mid-year before 31 March of the period).", [], ["ons"], "children"),

  {
    id: "cpi_index",
    section: "context",
    label: "Consumer prices index (2015 = 100)",
    description: "ONS Consumer Prices Index, all items, UK (series D7BT, 2015 = 100): the March level (time_identifier March) and, for the financial year ending 31 March, the geometric mean of the two March levels around it (Financial year). Built from the figures ONS published for March (src/ingest/from-published/read-ons-cpi.ts). National rows only; used to put costs in real terms.",
    unit: "index",
    aggregation: { kind: "not_additive" },
    dimensions: [],
    rules: [{ kind: "non_negative" }],
    sources: ["ons"],
    required: false,
  },

  // Demand
  count("cla_31_march", "demand", "Children looked after at 31 March", "Children looked after at 31 March, excluding those looked after under an agreed series of short-term placements (V3/V4), by placement type and age band.", dims("placement_type", "age_band"), ["dfe_published", "ssda903"], "children", [{ kind: "at_most", measure: "foster_places_approved", self: { placement_type: "foster_la", age_band: "total" } }]),
  count("cla_31_march_by_need", "demand", "Children looked after at 31 March by category of need", "Category of need (CIN code N1 to N8) of children looked after at 31 March.", dims("category_of_need"), ["dfe_published", "ssda903"]),
  count("cla_31_march_by_legal_status", "demand", "Children looked after at 31 March by legal status", "Legal status (LS) at 31 March, excluding short breaks (V3/V4).", dims("legal_status"), ["dfe_published", "ssda903"]),
  count("cla_31_march_by_provider", "demand", "Children looked after at 31 March by placement provider", "Placement provider (PLACE_PROVIDER PR0 to PR5) at 31 March.", dims("place_provider"), ["dfe_published", "ssda903"]),
  count("cla_31_march_uasc", "demand", "Unaccompanied asylum-seeking children looked after at 31 March", "Children looked after at 31 March who were unaccompanied asylum-seeking children, by age band.", dims("age_band"), ["dfe_published", "ssda903"]),
  count("starts_in_year", "demand", "Children who started to be looked after in the year", "Children starting to be looked after during the year ending 31 March, by age band on starting.", dims("age_band"), ["dfe_published", "ssda903"]),
  count("starts_in_year_by_need", "demand", "Children who started to be looked after by category of need", "Starts during the year by category of need.", dims("category_of_need"), ["dfe_published", "ssda903"]),
  count("starts_in_year_by_legal_status", "demand", "Children who started to be looked after by legal status", "Starts during the year by legal status on starting.", dims("legal_status"), ["dfe_published", "ssda903"]),
  count("starts_in_year_uasc", "demand", "UASC who started to be looked after", "Unaccompanied asylum-seeking children starting to be looked after during the year.", [], ["dfe_published", "ssda903"]),
  count("ceases_in_year", "demand", "Children who ceased to be looked after in the year", "Children ceasing to be looked after during the year ending 31 March, by age band on ceasing.", dims("age_band"), ["dfe_published", "ssda903"]),
  count("ceases_in_year_by_reason", "demand", "Children who ceased to be looked after by reason", "Ceases during the year by reason episode ceased (REC), grouped.", dims("reason_ceased"), ["dfe_published", "ssda903"]),
  count("ceases_in_year_uasc", "demand", "UASC who ceased to be looked after", "Unaccompanied asylum-seeking children ceasing to be looked after during the year.", [], ["dfe_published", "ssda903"]),

  // Location
  count("placed_outside_la", "location", "Placed outside the LA boundary", "Children looked after at 31 March placed outside the LA boundary, by placement type.", dims("placement_type"), ["dfe_published", "ssda903"], "children", [{ kind: "at_most", measure: "cla_31_march", where: { age_band: "total" } }]),
  count("placed_over_20_miles", "location", "Placed more than 20 miles from home", "Children looked after at 31 March placed more than 20 miles from home, by placement type.", dims("placement_type"), ["dfe_published", "ssda903"], "children", [{ kind: "at_most", measure: "cla_31_march", where: { age_band: "total" } }]),
  count("placed_outside_region", "location", "Placed outside the region", "Children looked after at 31 March placed outside the LA's region, by placement type.", dims("placement_type"), ["ssda903", "la_records"], "children", [{ kind: "at_most", measure: "placed_outside_la" }]),
  count("cla_placed_in_la_by_other_las", "location", "Children placed in the LA by other LAs", "Children looked after at 31 March who are the responsibility of another LA and placed within this LA's boundary (DfE LA of placement).", [], ["dfe_published"]),
  {
    id: "cla_net_gain",
    section: "location",
    label: "Net gain of children by the LA",
    description: "Children placed in the LA by other LAs minus the LA's own children placed outside its boundary, at 31 March (DfE net gain; negative when the LA places more children out than it takes in).",
    unit: "children",
    aggregation: SUM,
    dimensions: [],
    rules: [{ kind: "integer" }],
    sources: ["dfe_published"],
    required: false,
  },
  count("cla_31_march_by_location", "location", "Children looked after at 31 March by locality and distance", "Children looked after at 31 March by locality of placement and distance from home.", dims("locality", "distance"), ["dfe_published", "ssda903"]),
  count("new_placements_in_year_by_location", "location", "New placements in the year by locality and distance", "Placements starting during the year by locality and distance from home.", dims("locality", "distance"), ["dfe_published", "ssda903"], "count"),

  // Unmet need
  count("placement_need_mismatch", "unmet_need", "Children placed in a home that does not match their assessed need", "Children at 31 March whose placement type does not match the type their care plan says they need, for lack of a suitable home: needed type x actual type.", dims("needed_placement_type", "placement_type"), ["la_records"], "children", [{ kind: "at_most", measure: "cla_31_march", where: { placement_type: "total", age_band: "total" }, self: { needed_placement_type: "total", placement_type: "total" } }]),
  count("referrals_no_suitable_offer", "unmet_need", "Referrals with no suitable offer within 5 working days", "Placement referrals in the year that received no suitable offer within 5 working days, by placement type sought.", dims("placement_type"), ["la_records"], "count"),
  count("cla_unregistered_settings", "unmet_need", "Children in unregistered settings at 31 March", "Children living in unregistered children's homes or unregistered supported accommodation at 31 March, by age band.", dims("age_band"), ["la_records"]),
  count("deprivation_of_liberty_orders", "unmet_need", "Children subject to a deprivation of liberty order", "Children looked after subject to a deprivation of liberty order under the inherent jurisdiction at 31 March.", [], ["la_records", "ssda903"]),
  count("sibling_groups_placed_apart", "unmet_need", "Sibling groups placed apart", "Sibling groups looked after at 31 March not placed together, contrary to their care plan.", [], ["la_records"], "count"),

  // Supply
  count("foster_households_inhouse", "supply", "In-house foster households", "Approved LA (in-house) fostering households at 31 March.", [], ["la_records"], "households"),
  count("foster_places_approved", "supply", "In-house approved foster places", "Approved places with LA (in-house) foster carers at 31 March.", [], ["la_records"], "places"),
  count("foster_places_vacant", "supply", "In-house vacant foster places", "Approved in-house places without a child placed at 31 March.", [], ["la_records"], "places", [{ kind: "at_most", measure: "foster_places_approved" }]),
  count("foster_enquiries", "supply", "Fostering enquiries", "Initial enquiries from prospective foster carers during the year.", [], ["la_records"], "enquiries"),
  count("foster_applications", "supply", "Fostering applications", "Applications to become an in-house foster carer received during the year.", [], ["la_records"], "count", [{ kind: "at_most", measure: "foster_enquiries" }]),
  count("foster_approvals", "supply", "Fostering approvals", "Households approved as in-house foster carers during the year.", [], ["la_records"], "households"),
  count("foster_deregistrations", "supply", "Fostering deregistrations", "In-house fostering households deregistered during the year.", [], ["la_records"], "households"),
  count("la_childrens_homes", "supply", "LA children's homes", "Children's homes run by the LA at 31 March.", [], ["la_records", "ofsted"], "homes"),
  count("la_childrens_home_beds", "supply", "LA children's home beds", "Registered beds in LA-run children's homes at 31 March.", [], ["la_records", "ofsted"], "beds"),
  count("la_childrens_home_beds_occupied", "supply", "LA children's home beds occupied", "Beds in LA-run children's homes occupied at 31 March.", [], ["la_records"], "beds", [{ kind: "at_most", measure: "la_childrens_home_beds" }]),
  count("block_contracted_beds", "supply", "Block-contracted beds", "Beds or places held under block contracts at 31 March, by placement type.", dims("placement_type"), ["la_records"], "beds"),
  count("block_contracted_beds_used", "supply", "Block-contracted beds in use", "Block-contracted beds with a child placed at 31 March, by placement type.", dims("placement_type"), ["la_records"], "beds", [{ kind: "at_most", measure: "block_contracted_beds" }]),
  count("supported_accommodation_beds", "supply", "Supported accommodation beds", "Registered supported accommodation beds available to the LA at 31 March.", [], ["la_records"], "beds"),
  count("secure_beds", "supply", "Secure beds", "Secure children's home beds available to the LA at 31 March.", [], ["la_records"], "beds"),
  count("planned_new_beds", "supply", "Planned new beds", "New beds planned by placement type and the year (ending 31 March) they are due to open.", dims("placement_type", "opening_year"), ["la_records"], "beds"),
  count("foster_places_filled", "supply", "In-house foster places filled", "Approved in-house foster places with a child placed at 31 March (Ofsted fostering data; from 2022 excluding family and friends carers).", [], ["la_records", "ofsted"], "places", [{ kind: "at_most", measure: "foster_places_approved" }]),
  count("foster_places_unavailable", "supply", "In-house foster places not available", "Approved in-house foster places not available for use at 31 March (e.g. carer on a break, or matched to one child only).", [], ["la_records", "ofsted"], "places", [{ kind: "at_most", measure: "foster_places_approved" }]),
  publicRegister(count("registered_places", "supply", "Ofsted-registered places", "Places in Ofsted-registered provision located in the LA at 31 March (30 September for the 2014 snapshot), by provision type, sector and owning organisation (as Ofsted records it; 'total' over each). Agencies have no places: not_applicable, never zero.", OFSTED_DIMS, ["ofsted"], "places")),
  publicRegister(count("registered_providers", "supply", "Ofsted-registered providers", "Ofsted-registered providers (homes, schools, agencies) located in the LA at 31 March (30 September for the 2014 snapshot), by provision type, sector and owning organisation ('total' over each).", OFSTED_DIMS, ["ofsted"], "count")),
  publicRegister(count("registered_providers_rebuilt", "supply", "Registered providers rebuilt from later lists", "Of registered_providers, those missing from the year's Ofsted list (inspected providers only) and rebuilt from registration dates in later lists and the joiners and leavers sheets.", dims("provision_type", "sector"), ["ofsted"], "count")),
  publicRegister(count("registered_places_rebuilt", "supply", "Registered places rebuilt from later lists", "Of registered_places, the places of providers rebuilt from later lists (places as recorded in the nearest later list or leavers sheet).", dims("provision_type", "sector"), ["ofsted"], "places")),
  publicRegister(count("registered_providers_opened", "supply", "Providers registered in the year", "Providers that joined the Ofsted register during the year ending 31 March (Ofsted joiners, or new in the register where no joiners sheet exists), by provision type and sector.", dims("provision_type", "sector"), ["ofsted"], "count")),
  publicRegister(count("registered_providers_closed", "supply", "Providers that closed in the year", "Providers that left the Ofsted register (resigned, closed or cancelled) during the year ending 31 March (Ofsted leavers, or gone from the register where no leavers sheet exists), by provision type and sector.", dims("provision_type", "sector"), ["ofsted"], "count")),
  publicRegister(count("registered_places_opened", "supply", "Places of providers registered in the year", "Registered places of the providers counted in registered_providers_opened.", dims("provision_type", "sector"), ["ofsted"], "places")),
  publicRegister(count("registered_places_closed", "supply", "Places of providers that closed in the year", "Registered places of the providers counted in registered_providers_closed (their places when last listed).", dims("provision_type", "sector"), ["ofsted"], "places")),

  // Cost
  {
    id: "weekly_cost_mean",
    section: "cost",
    label: "Mean weekly cost per placement",
    description: "Mean gross weekly cost of placements at 31 March, by placement type and provider sector, weighted by the number of placements costed.",
    unit: "gbp_per_week",
    aggregation: { kind: "weighted_mean", weight: "placements_costed" },
    dimensions: dims("placement_type", "sector"),
    rules: [{ kind: "non_negative" }],
    sources: ["la_records"],
    required: false,
  },
  {
    id: "weekly_cost_median",
    section: "cost",
    label: "Median weekly cost per placement",
    description: "Median gross weekly cost of placements at 31 March, by placement type and provider sector. Not additive: shown for each LA only.",
    unit: "gbp_per_week",
    aggregation: { kind: "not_additive" },
    dimensions: dims("placement_type", "sector"),
    rules: [{ kind: "non_negative" }],
    sources: ["la_records"],
    required: false,
  },
  count("placements_costed", "cost", "Placements costed", "Placements at 31 March whose weekly cost is included in the mean and median, by placement type and sector (the weight of the mean).", dims("placement_type", "sector"), ["la_records"], "count"),
  {
    id: "spend",
    section: "cost",
    label: "Spend on children looked after",
    description: "Gross spend on children looked after in the financial year (GBP thousand), in total and by MHCLG RO3 category.",
    unit: "gbp_thousand",
    aggregation: SUM,
    dimensions: dims("spend_category"),
    rules: [{ kind: "parts_sum_to_total", dimension: "spend_category" }],
    sources: ["mhclg_ro3", "la_records"],
    required: false,
  },
  {
    id: "s251_weekly_unit_cost",
    section: "cost",
    label: "S251 weekly unit cost",
    description: "DfE Section 251 outturn weekly unit cost in the financial year (GBP a week, cash prices, rounded to GBP 5 by DfE): fostering spend over children in foster placements at 31 March; residential care spend over residential care days (K1, K2, R1, S1) x 7; all children looked after spend over children looked after at 31 March. Not additive.",
    unit: "gbp_per_week",
    aggregation: { kind: "not_additive" },
    dimensions: dims("spend_category"),
    rules: [{ kind: "non_negative" }],
    sources: ["dfe_published"],
    required: false,
  },
  {
    id: "s251_spend",
    section: "cost",
    label: "S251 spend on children looked after",
    description: "DfE Section 251 outturn gross spend (GBP) in the financial year, by line (all children looked after, residential care, fostering) and provider (own provision, private, voluntary, other public; 'total' over both).",
    unit: "gbp",
    aggregation: SUM,
    dimensions: dims("spend_category", "sector"),
    rules: [{ kind: "non_negative" }, { kind: "parts_sum_to_total", dimension: "sector" }],
    sources: ["dfe_published"],
    required: false,
  },
  count("placements_over_10k_week", "cost", "Placements costing more than GBP 10,000 a week", "Placements at 31 March with a weekly cost above GBP 10,000, by placement type.", dims("placement_type"), ["la_records"], "count"),

  // Providers
  count("provider_children_placed", "providers", "Children placed with the provider at 31 March", "Children looked after placed with each provider at 31 March.", dims("provider_id", "owning_group", "sector", "placement_type"), ["la_records", "ssda903"]),
  {
    id: "provider_annual_spend",
    section: "providers",
    label: "Annual spend with the provider",
    description: "Spend with each provider during the financial year (GBP).",
    unit: "gbp",
    aggregation: SUM,
    dimensions: dims("provider_id", "owning_group", "sector", "placement_type"),
    rules: [{ kind: "non_negative" }],
    sources: ["la_records"],
    required: false,
  },
];

/** Every measure of the template, in template order, marked required (REQUIRED_MEASURES) or optional. */
export const MEASURES: Measure[] = ALL_MEASURES.map((m) => ({ ...m, required: REQUIRED_MEASURES.includes(m.id) }));

/** The template: version, sections and measures. */
export const TEMPLATE: Template = { version: TEMPLATE_VERSION, sections: SECTIONS, measures: MEASURES };

const byId = new Map(MEASURES.map((m) => [m.id, m]));

/** The measure with this id, or undefined. @example findMeasure("cla_31_march")?.unit // "children" */
export function findMeasure(id: string): Measure | undefined {
  return byId.get(id);
}
