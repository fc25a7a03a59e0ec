/** England and its nine regions (ONS codes). */
export interface Region {
  code: string;
  name: string;
}

export const ENGLAND = { code: "E92000001", name: "England" } as const;

export const REGIONS: readonly Region[] = [
  { code: "E12000001", name: "North East" },
  { code: "E12000002", name: "North West" },
  { code: "E12000003", name: "Yorkshire and The Humber" },
  { code: "E12000004", name: "East Midlands" },
  { code: "E12000005", name: "West Midlands" },
  { code: "E12000006", name: "East of England" },
  { code: "E12000007", name: "London" },
  { code: "E12000008", name: "South East" },
  { code: "E12000009", name: "South West" },
];

/** DfE also publishes Inner and Outer London (E13 codes); both roll up to London. */
export const LONDON_SUBREGIONS: Readonly<Record<string, string>> = { E13000001: "Inner London", E13000002: "Outer London" };

/** The region with this code or name (case-insensitive), or undefined. */
export function findRegion(codeOrName: string): Region | undefined {
  const k = codeOrName.trim().toLowerCase();
  return REGIONS.find((r) => r.code.toLowerCase() === k || r.name.toLowerCase() === k);
}
