/**
 * Local government reorganisations that affect children's services series (DOMAIN.md
 * section 4). `firstYear` is the first year ending 31 March reported by the new LAs.
 * Joins across years use the old DfE code plus this table so a series neither breaks nor
 * double counts at a change. An entry also ends the open period of its predecessors
 * (src/reference/las.ts): they stop being valid after `firstYear - 1`, even before DfE
 * publishes a year without them. How to add a change: src/reference/BOUNDARY-CHANGES.md.
 */

/** An LA created by a change that published data do not list yet (a future reorganisation). */
export interface NewLocalAuthority {
  /** The 3-digit DfE code DfE has announced (or a placeholder agreed with DfE). */
  oldCode: string;
  /** The ONS (GSS) code, E06/E08/E09/E10 followed by six digits. */
  newCode: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface BoundaryChange {
  /** First reporting year (ending 31 March) of the successors. */
  firstYear: number;
  kind: "merge_and_split" | "split" | "recode";
  /** Predecessors and successors by old DfE code. */
  from: string[];
  to: string[];
  note: string;
  /** Successors not yet in the published lookups (data/published/lookups), for a future change. */
  introduces?: NewLocalAuthority[];
}

export const BOUNDARY_CHANGES: readonly BoundaryChange[] = [
  { firstYear: 2020, kind: "merge_and_split", from: ["835", "836", "837"], to: ["838", "839"], note: "1 April 2019: Bournemouth, Poole and Christchurch (from Dorset county) became Bournemouth, Christchurch and Poole; the rest of Dorset county became Dorset unitary." },
  { firstYear: 2022, kind: "split", from: ["928"], to: ["940", "941"], note: "1 April 2021: Northamptonshire split into North Northamptonshire and West Northamptonshire." },
  { firstYear: 2024, kind: "split", from: ["909"], to: ["942", "943"], note: "1 April 2023: Cumbria split into Cumberland and Westmorland and Furness." },
  { firstYear: 2024, kind: "recode", from: ["815"], to: ["815"], note: "1 April 2023: North Yorkshire became a unitary authority (E10000023 -> E06000065); same area." },
  { firstYear: 2024, kind: "recode", from: ["933"], to: ["933"], note: "1 April 2023: Somerset became a unitary authority (E10000027 -> E06000066); same area." },
];
