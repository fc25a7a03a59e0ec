/**
 * How demand (children looked after by DfE placement group, as forecast) meets supply
 * (Ofsted-registered places by provision type, in-house foster places), type by type. The
 * one table the gap, the stress test, the carers and the report all use, so what is
 * compared is stated once. See docs/market.md.
 *
 * - Foster care: demand is every child in a foster placement (DfE group "Foster
 *   placements": kinship, in-house and agency carers). Supply is the in-house approved
 *   places (Ofsted/LAIT, excluding family and friends carers) plus the foster placements
 *   that are not with in-house carers (agency, kinship and other LAs' carers: the children
 *   fostered at 31 March less the in-house places filled), the latter held at their latest
 *   level. Independent fostering agencies have no registered places and publish no figures
 *   by LA, so their share enters as the places they fill today.
 * - Children's homes: demand is DfE's "Secure homes and children's homes"; supply is the
 *   places of children's homes, residential special schools registered as children's homes
 *   and secure children's homes located in the scope.
 * - Secure: "of which" row of children's homes: secure children's home places against
 *   children in secure homes (placement type `secure`), where the dataset has that figure
 *   (SSDA903 extracts and returns; the published LA files give the group only).
 * - Supported accommodation: DfE's "Independent and semi-independent living
 *   arrangements/supported accommodation" against places of registered supported
 *   accommodation (registered from 2023-24; Ofsted counts premises, not places, where it
 *   gives no places the supply is missing).
 * - Residential schools: DfE's "Residential schools" against residential special school
 *   places (most of which are used by children who are not looked after).
 * Not compared (no registered supply): placed with parents, placed for adoption, other
 * residential settings (NHS, family centres, custody) and other placements.
 */

export type MarketTypeCode = "foster" | "childrens_homes" | "secure" | "supported_accommodation" | "residential_schools";

export interface MarketType {
  code: MarketTypeCode;
  label: string;
  /** Placement-type codes (DfE groups or template leaves) whose children are the demand. */
  demand: readonly string[];
  /** Ofsted provision types whose places in the scope are the supply (empty for fostering). */
  provisionTypes: readonly string[];
  /** The supply in words, for reports. */
  supplyBasis: string;
  /** True for a breakdown of another row (secure within children's homes). */
  ofWhich?: MarketTypeCode;
}

export const MARKET_TYPES: readonly MarketType[] = [
  { code: "foster", label: "Foster care", demand: ["foster"], provisionTypes: [], supplyBasis: "in-house approved foster places (Ofsted via LAIT, excluding family and friends carers) plus the foster placements not with in-house carers (agency, kinship, other LAs), held at their latest level" },
  { code: "childrens_homes", label: "Children's homes (incl. secure)", demand: ["secure_and_childrens_homes"], provisionTypes: ["childrens_home", "residential_special_school_ch", "secure_childrens_home"], supplyBasis: "places in Ofsted-registered children's homes, residential special schools registered as children's homes and secure children's homes located in the area" },
  { code: "secure", label: "Secure children's homes", demand: ["secure"], provisionTypes: ["secure_childrens_home"], supplyBasis: "places in Ofsted-registered secure children's homes located in the area", ofWhich: "childrens_homes" },
  { code: "supported_accommodation", label: "Supported accommodation", demand: ["supported_accommodation_group"], provisionTypes: ["supported_accommodation"], supplyBasis: "places of Ofsted-registered supported accommodation providers located in the area (registered from 2023-24)" },
  { code: "residential_schools", label: "Residential schools", demand: ["residential_schools"], provisionTypes: ["residential_special_school"], supplyBasis: "places in Ofsted-registered residential special schools located in the area (shared with children who are not looked after)" },
];

/** Provision types with places held to be specialist for the "difficult to replace" screen: secure, disabled children, residential special schools. */
export const SPECIALIST_PROVISION = ["secure_childrens_home", "residential_special_school_ch", "residential_special_school", "holiday_scheme_disabled"] as const;

/** Provision types whose providers have places (agencies have none). */
export const PLACE_PROVISION = ["childrens_home", "secure_childrens_home", "residential_special_school_ch", "residential_special_school", "supported_accommodation", "residential_family_centre", "holiday_scheme_disabled", "boarding_school", "fe_college_residential", "secure_training_centre"] as const;

/** Provision types counted as children's homes places (the residential market). */
export const CHILDRENS_HOME_PROVISION = ["childrens_home", "residential_special_school_ch", "secure_childrens_home"] as const;

/**
 * The market type with this code.
 * @throws Error for an unknown code (a programmer error).
 * @example marketType("foster").label // "Foster care"
 */
export function marketType(code: string): MarketType {
  const t = MARKET_TYPES.find((m) => m.code === code);
  if (!t) throw new Error(`marketType: unknown code ${code}`);
  return t;
}

/**
 * The market type whose supply a provision type belongs to (the first, not an "of which" row), or undefined.
 * @example marketTypeOfProvision("secure_childrens_home")?.code // "childrens_homes"
 */
export function marketTypeOfProvision(provisionType: string): MarketType | undefined {
  return MARKET_TYPES.find((m) => !m.ofWhich && m.provisionTypes.includes(provisionType));
}
