/**
 * The template's fine placement type for an SSDA903 placement: PLACE alone for most codes
 * (the PLACEMENT_TYPE aliases in src/reference/code-lists.ts), PLACE x PLACE_PROVIDER for
 * foster placements with other carers (U4-U6) and children's homes (K2), as DOMAIN.md
 * section 4 tabulates:
 *   U4-U6 + PR1/PR2 -> foster_la, U4-U6 + PR4/PR5 -> foster_ifa,
 *   K2 + PR1/PR2/PR3 -> childrens_home_la, K2 + PR4 -> childrens_home_private,
 *   K2 + PR5 -> childrens_home_voluntary.
 * U4-U6 with PR3 (other public provision) is also public-sector fostering: foster_la.
 * Reference: DfE SSDA903 guide, PLACE and PLACE_PROVIDER code sets.
 */
import { PLACEMENT_TYPE } from "./code-lists.ts";
import { leafCodes, findCode } from "./code-tree.ts";

const byPlace = new Map<string, string>();
for (const code of leafCodes(PLACEMENT_TYPE)) for (const alias of findCode(PLACEMENT_TYPE, code)?.aliases ?? []) byPlace.set(alias.toUpperCase(), code);

const FOSTER_OTHER = new Set(["U4", "U5", "U6"]);
/** Placement codes that are valid SSDA903 PLACE values but need PLACE_PROVIDER. */
const NEEDS_PROVIDER = new Set([...FOSTER_OTHER, "K2"]);

/**
 * The template placement type code, "" when PLACE is known but PLACE_PROVIDER does not
 * resolve it (counted in totals only, with a diagnostic), or null for an unknown PLACE.
 * @throws never.
 * @example placementType("U5", "PR4") // "foster_ifa"
 * @example placementType("K2", "") // ""
 * @example placementType("Q9", "PR1") // null
 */
export function placementType(place: string, provider: string): string | null {
  const p = place.trim().toUpperCase();
  const pr = provider.trim().toUpperCase();
  if (FOSTER_OTHER.has(p)) {
    if (pr === "PR1" || pr === "PR2" || pr === "PR3") return "foster_la";
    if (pr === "PR4" || pr === "PR5") return "foster_ifa";
    return "";
  }
  if (p === "K2") {
    if (pr === "PR1" || pr === "PR2" || pr === "PR3") return "childrens_home_la";
    if (pr === "PR4") return "childrens_home_private";
    if (pr === "PR5") return "childrens_home_voluntary";
    return "";
  }
  if (NEEDS_PROVIDER.has(p)) return "";
  return byPlace.get(p) ?? null;
}
