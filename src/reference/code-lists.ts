/**
 * The code lists of DOMAIN.md section 4, each as a tree: fine template codes are leaves
 * that roll up to the groups DfE publishes. `aliases` are the labels used in DfE/Ofsted
 * published files and SSDA903 codes, so readers can map text onto codes.
 *
 * Reference: DfE "Children looked after in England including adoptions" methodology and
 * the SSDA903 guidance (PLACE, PLACE_PROVIDER, LS, CIN, REC code sets).
 */

export interface CodeNode {
  code: string;
  label: string;
  /** Other spellings that mean this code: published labels, SSDA903 codes. Matched case-insensitively. */
  aliases?: string[];
  children?: CodeNode[];
  /** A code only the LA's own records can give (no SSDA903 or published source has it). */
  templateOnly?: boolean;
  /**
   * A code that only data derived by the toolkit carries (e.g. "unknown" placement type from
   * unmappable SSDA903 codes): not offered in the template, and a part without a row means
   * none (so a return that never had it still adds up).
   */
  derivedOnly?: boolean;
}

export interface CodeList {
  /** The dimension column this list codes. */
  id: string;
  label: string;
  roots: CodeNode[];
}

/** Code used in every coded dimension for "all values" (a total row). */
export const TOTAL = "total";

export const AGE_BAND: CodeList = {
  id: "age_band",
  label: "Age band",
  roots: [
    { code: "under_1", label: "Under 1 year", aliases: ["Under 1"] },
    { code: "1_to_4", label: "1 to 4 years" },
    { code: "5_to_9", label: "5 to 9 years" },
    { code: "10_to_15", label: "10 to 15 years" },
    {
      code: "16_plus",
      label: "16 years and over",
      aliases: ["16 and over", "16+"],
      children: [
        { code: "16", label: "16 years" },
        { code: "17", label: "17 years" },
        { code: "18_plus", label: "18 years and over" },
      ],
    },
  ],
};

export const PLACEMENT_TYPE: CodeList = {
  id: "placement_type",
  label: "Placement type",
  roots: [
    {
      code: "foster",
      label: "Foster placements",
      children: [
        { code: "foster_kinship", label: "Foster placement with relative or friend", aliases: ["U1", "U2", "U3"] },
        { code: "foster_la", label: "Foster placement, LA (in-house) carer", aliases: [] },
        { code: "foster_ifa", label: "Foster placement, independent fostering agency", aliases: [] },
      ],
    },
    {
      code: "secure_and_childrens_homes",
      label: "Secure homes and children's homes",
      children: [
        { code: "childrens_home_la", label: "Children's home, LA or other public" },
        { code: "childrens_home_private", label: "Children's home, private" },
        { code: "childrens_home_voluntary", label: "Children's home, voluntary" },
        { code: "secure", label: "Secure children's home", aliases: ["K1"] },
      ],
    },
    {
      code: "supported_accommodation_group",
      label: "Independent and semi-independent living arrangements/supported accommodation",
      children: [{ code: "supported_accommodation", label: "Supported accommodation or independent living", aliases: ["K3", "H5", "P2"] }],
    },
    {
      code: "residential_schools",
      label: "Residential schools",
      children: [{ code: "residential_school", label: "Residential school", aliases: ["S1"] }],
    },
    {
      code: "other_residential_group",
      label: "Other residential settings",
      children: [{ code: "other_residential", label: "Other residential setting", aliases: ["R1", "R2", "R3", "R5"] }],
    },
    {
      code: "with_parents_group",
      label: "Placed with parents or other person with parental responsibility",
      children: [{ code: "with_parents", label: "Placed with parents or other person with parental responsibility", aliases: ["P1"] }],
    },
    {
      code: "placed_for_adoption_group",
      label: "Placed for adoption",
      children: [{ code: "placed_for_adoption", label: "Placed for adoption", aliases: ["A3", "A4", "A5", "A6"] }],
    },
    {
      code: "other_placements",
      label: "Other placements",
      children: [
        { code: "unregistered", label: "Unregistered setting (template only)", templateOnly: true },
        // Z1 until 2024-25; from 2025-26 split into Z11 to Z14 (DfE SSDA903 guide 2025-26). Their
        // meanings were not in the sources available here; DfE's 2026-27 validation (rule 709)
        // expects a child under a deprivation of liberty order in K2, Z12 or Z13. All four stay in
        // DfE's published group "Other placements", as Z1 was, so group-level series do not break.
        { code: "other", label: "Other placement", aliases: ["Z1", "Z11", "Z12", "Z13", "Z14", "T0", "T1", "T2", "T3", "T4", "P3"] },
        // SSDA903 rows whose PLACE (or PLACE x PLACE_PROVIDER) maps onto no placement type: counted
        // here, with a diagnostic, so the parts always add up to the total.
        { code: "unknown", label: "Placement type not known (PLACE or PLACE_PROVIDER not recognised)", derivedOnly: true },
      ],
    },
  ],
};

export const CATEGORY_OF_NEED: CodeList = {
  id: "category_of_need",
  label: "Category of need",
  roots: [
    { code: "N1", label: "Abuse or neglect", aliases: ["N1. Abuse or neglect"] },
    { code: "N2", label: "Child's disability", aliases: ["N2. Child's disability"] },
    { code: "N3", label: "Parental illness or disability", aliases: ["N3. Parental illness or disability"] },
    { code: "N4", label: "Family in acute stress", aliases: ["N4. Family in acute stress", "N4. Family acute stress"] },
    { code: "N5", label: "Family dysfunction", aliases: ["N5. Family dysfunction"] },
    { code: "N6", label: "Socially unacceptable behaviour", aliases: ["N6. Socially unacceptable behaviour"] },
    { code: "N7", label: "Low income", aliases: ["N7. Low income"] },
    { code: "N8", label: "Absent parenting", aliases: ["N8. Absent parenting"] },
  ],
};

export const LEGAL_STATUS: CodeList = {
  id: "legal_status",
  label: "Legal status",
  roots: [
    { code: "C1", label: "Interim care order" },
    { code: "C2", label: "Full care order" },
    {
      code: "placement_order",
      label: "Placement order granted",
      children: [
        { code: "D1", label: "Freeing order granted" },
        { code: "E1", label: "Placement order granted (E1)" },
      ],
    },
    {
      code: "voluntary_s20",
      label: "Voluntary agreements under S20 CA 1989",
      aliases: ["Voluntary agreement under S20"],
      children: [
        { code: "V2", label: "Single period of accommodation under section 20" },
        { code: "V3", label: "Accommodated under an agreed series of short-term breaks (short breaks, not counted at 31 March)" },
        { code: "V4", label: "Accommodated under an agreed series of short-term breaks, individual (short breaks, not counted at 31 March)" },
      ],
    },
    {
      code: "detained_for_child_protection",
      label: "Detained for child protection",
      children: [
        { code: "L1", label: "Police protection in LA accommodation", aliases: ["Under police protection and in local authority accommodation"] },
        { code: "L2", label: "Emergency protection order" },
        { code: "L3", label: "Child assessment order and in LA accommodation" },
      ],
    },
    {
      code: "youth_justice",
      label: "Youth justice legal statuses",
      children: [
        { code: "J1", label: "Remand" },
        { code: "J2", label: "LA accommodation under PACE 1989" },
        { code: "J3", label: "Sentenced to youth rehabilitation order" },
      ],
    },
  ],
};

export const REASON_CEASED: CodeList = {
  id: "reason_ceased",
  label: "Reason episode ceased",
  roots: [
    {
      code: "adopted",
      label: "Adopted",
      children: [
        { code: "E11", label: "Adopted, application unopposed" },
        { code: "E12", label: "Adopted, consent dispensed with" },
      ],
    },
    {
      code: "special_guardianship",
      label: "Special guardianship order",
      children: [
        { code: "E43", label: "Special guardianship order made to former foster carers" },
        { code: "E44", label: "Special guardianship order made to carers other than former foster carers" },
        { code: "E45", label: "Special guardianship order made to former foster carers who are relatives or friends" },
        { code: "E46", label: "Special guardianship order made to former foster carers who are other than relatives or friends" },
        { code: "E47", label: "Special guardianship order made to carers other than former foster carers, relatives or friends" },
        { code: "E48", label: "Special guardianship order made to carers other than former foster carers, other than relatives or friends" },
      ],
    },
    {
      code: "returned_home",
      label: "Returned home to live with parents or other person with parental responsibility",
      children: [
        { code: "E4A", label: "Returned home to live with parents or other person with parental responsibility which was part of the care planning process", aliases: ["Returned home to live with parents or other person with parental responsibility which was part of the care planning process"] },
        { code: "E4B", label: "Returned home to live with parents or other person with parental responsibility which was not part of the care planning process", aliases: ["Returned home to live with parents or other person with parental responsibility which was not part of the care planning process"] },
      ],
    },
    { code: "child_arrangements", label: "Residence order or child arrangement order granted", children: [{ code: "E41", label: "Residence order or child arrangement order granted" }] },
    {
      code: "independent_living",
      label: "Moved into independent living",
      children: [
        { code: "E5", label: "Moved into independent living (with supportive accommodation)" },
        { code: "E6", label: "Moved into independent living (with no formalised support)" },
      ],
    },
    { code: "staying_put_18", label: "Aged 18 (or over) and remained with current carers", children: [{ code: "E17", label: "Aged 18 (or over) and remained with current carers" }] },
    { code: "custody", label: "Sentenced to custody", children: [{ code: "E9", label: "Sentenced to custody" }] },
    { code: "transferred", label: "Transferred to residential care funded by adult social services", children: [{ code: "E3", label: "Transferred to residential care funded by adult social services" }] },
    {
      code: "other_reason",
      label: "Other reasons",
      children: [
        { code: "E13", label: "Left care to live with parents, relatives or other person with no parental responsibility" },
        { code: "E14", label: "Accommodation on remand ended" },
        { code: "E15", label: "Age assessment determined child aged 18 or over" },
        { code: "E16", label: "Child moved abroad" },
        { code: "E2", label: "Died" },
        { code: "E7", label: "Care taken by another local authority" },
        { code: "E8", label: "Care ceased for any other reason" },
      ],
    },
  ],
};

export const PLACE_PROVIDER: CodeList = {
  id: "place_provider",
  label: "Placement provider",
  roots: [
    { code: "PR0", label: "Parents or other person with parental responsibility" },
    { code: "PR1", label: "Own provision (by the LA)" },
    { code: "PR2", label: "Other LA provision" },
    { code: "PR3", label: "Other public provision (e.g. by a PCT etc)", aliases: ["Other public provision (e.g., PCT)"] },
    { code: "PR4", label: "Private provision" },
    { code: "PR5", label: "Voluntary/third sector provision" },
    { code: "not_reported", label: "Placement provider not reported" },
  ],
};

export const UASC: CodeList = {
  id: "uasc",
  label: "Unaccompanied asylum-seeking children",
  roots: [
    { code: "uasc", label: "UASC", aliases: ["Unaccompanied asylum-seeking children"] },
    { code: "non_uasc", label: "Non-UASC", aliases: ["Children excluding unaccompanied asylum-seeking children"] },
  ],
};

export const LOCALITY: CodeList = {
  id: "locality",
  label: "Locality of placement",
  roots: [
    { code: "inside_la", label: "Placed inside the local authority boundary" },
    {
      code: "outside_la",
      label: "Placed outside the local authority boundary",
      children: [
        { code: "outside_la_in_region", label: "Placed outside the LA boundary, inside the region" },
        { code: "outside_region", label: "Placed outside the region" },
      ],
    },
    { code: "not_known", label: "Locality not known or not recorded (new placements whose distance is not known)" },
  ],
};

export const DISTANCE: CodeList = {
  id: "distance",
  label: "Distance between home and placement",
  roots: [
    { code: "20_miles_or_less", label: "Placed 20 miles or less from home" },
    { code: "over_20_miles", label: "Placed more than 20 miles from home" },
    { code: "not_known", label: "Distance not known or not recorded" },
  ],
};

export const SECTOR: CodeList = {
  id: "sector",
  label: "Provider sector",
  roots: [
    { code: "la", label: "Local Authority", aliases: ["Local authority", "LA", "PR1", "PR2"] },
    { code: "private", label: "Private", aliases: ["PR4"] },
    { code: "voluntary", label: "Voluntary", aliases: ["PR5"] },
    { code: "health", label: "Health Authority", aliases: ["Health", "PR3"] },
    { code: "academy", label: "Academy" },
    { code: "other_public", label: "Other public sector", aliases: ["Public sector", "Public", "Other public", "Other public provision"] },
  ],
};

export const PROVISION_TYPE: CodeList = {
  id: "provision_type",
  label: "Ofsted provision type",
  roots: [
    { code: "childrens_home", label: "Children's home" },
    { code: "secure_childrens_home", label: "Secure children's home" },
    { code: "residential_special_school_ch", label: "Residential special school (registered as a children's home)", aliases: ["Residential special school (>295 days/year)"] },
    { code: "residential_special_school", label: "Residential Special School" },
    { code: "ifa", label: "Independent Fostering Agency" },
    { code: "residential_family_centre", label: "Residential Family Centre" },
    { code: "boarding_school", label: "Boarding School" },
    { code: "fe_college_residential", label: "Further Education College with Residential Accommodation", aliases: ["Further Education College"] },
    { code: "secure_training_centre", label: "Secure Training Centre" },
    { code: "voluntary_adoption_agency", label: "Voluntary Adoption Agency" },
    { code: "adoption_support_agency", label: "Adoption Support Agency" },
    { code: "holiday_scheme_disabled", label: "Residential Holiday Scheme for Disabled Children" },
    { code: "supported_accommodation", label: "Supported Accommodation", aliases: ["Supported accommodation provider"] },
  ],
};

export const SPEND_CATEGORY: CodeList = {
  id: "spend_category",
  label: "Spend category (MHCLG RO3)",
  roots: [
    { code: "residential_care", label: "Residential care" },
    { code: "fostering", label: "Fostering services" },
    { code: "uasc_services", label: "Asylum seeking children who are looked after" },
    { code: "other_spend", label: "Other" },
  ],
};

/**
 * Owning organisation (owning_group) is free text as Ofsted records it ("Organisation which
 * owns the provider"), normalised by src/reference/owner-name.ts. Two values are reserved:
 * TOTAL for the total over owners and this one for a provider whose list gives no owner
 * (all lists before 2018, and blanks after).
 */
export const OWNER_NOT_RECORDED = "not_recorded";

/** Every coded dimension's list, by dimension column. Free-text dimensions (provider_id, owning_group, opening_year) have none. */
export const CODE_LISTS: Record<string, CodeList> = {
  age_band: AGE_BAND,
  placement_type: PLACEMENT_TYPE,
  needed_placement_type: { ...PLACEMENT_TYPE, id: "needed_placement_type", label: "Placement type needed" },
  category_of_need: CATEGORY_OF_NEED,
  legal_status: LEGAL_STATUS,
  reason_ceased: REASON_CEASED,
  place_provider: PLACE_PROVIDER,
  uasc: UASC,
  locality: LOCALITY,
  distance: DISTANCE,
  sector: SECTOR,
  provision_type: PROVISION_TYPE,
  spend_category: SPEND_CATEGORY,
};
