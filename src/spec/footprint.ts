/**
 * A footprint is any named grouping of LAs (region, RCC, consortium, sub-region).
 * Footprints are data: read from a CSV `new_la_code,footprint_code,footprint_name`.
 */
export interface Footprint {
  code: string;
  name: string;
  /** Member LAs by new (ONS) code. */
  members: string[];
}

export interface FootprintSet {
  /** Where the set came from (file path or "regions"). */
  source: string;
  footprints: Footprint[];
}
