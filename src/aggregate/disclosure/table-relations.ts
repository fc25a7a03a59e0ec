/**
 * The additive relations inside one published table, from the code lists: for every coded
 * dimension with a total, and every combination of the other dimensions' values, the
 * `total` row equals the sum of the top-level codes, and each group code equals the sum of
 * its children (e.g. foster = foster_kinship + foster_la + foster_ifa). Where a code is not
 * in the table its children stand in for it; a relation with a part absent from the table
 * is left out (an absent part is an extra unknown, so the relation constrains nothing).
 * In a 2-D table (placement_type x age_band) this yields the row, column and marginal
 * relations.
 */
import type { DimensionColumn } from "../../spec/dataset.ts";
import { CODE_LISTS, TOTAL, type CodeList } from "../../reference/code-lists.ts";
import { allCodes, childCodes, rootCodes } from "../../reference/code-tree.ts";
import type { DisclosureRelation } from "./types.ts";

function frontier(list: CodeList, parent: string, present: ReadonlyMap<string, number>): number[] | null {
  const children = parent === TOTAL ? rootCodes(list) : childCodes(list, parent);
  if (children.length === 0) return null;
  const out: number[] = [];
  for (const child of children) {
    const index = present.get(child);
    if (index !== undefined) {
      out.push(index);
      continue;
    }
    const below = frontier(list, child, present);
    if (below === null) return null;
    out.push(...below);
  }
  return out;
}

/**
 * Relations among `cells` (each given by its dimension values) over `columns`.
 * @throws never.
 * @example tableRelations([{ age_band: "total" }, { age_band: "under_1" }, { age_band: "1_to_4" }, { age_band: "5_to_9" }, { age_band: "10_to_15" }, { age_band: "16_plus" }], ["age_band"]) // [{ total: 0, parts: [1, 2, 3, 4, 5] }]
 */
export function tableRelations(cells: ReadonlyArray<Partial<Record<DimensionColumn, string>>>, columns: readonly DimensionColumn[]): DisclosureRelation[] {
  const relations: DisclosureRelation[] = [];
  for (const column of columns) {
    const list = CODE_LISTS[column];
    if (!list) continue;
    const parents = [TOTAL, ...allCodes(list).filter((c) => childCodes(list, c).length > 0)];
    const groups = new Map<string, Map<string, number>>();
    cells.forEach((dims, index) => {
      const rest = columns.filter((c) => c !== column).map((c) => dims[c] ?? "").join("|");
      let group = groups.get(rest);
      if (!group) groups.set(rest, (group = new Map()));
      const code = dims[column] ?? "";
      if (!group.has(code)) group.set(code, index);
    });
    for (const present of groups.values()) {
      for (const parent of parents) {
        const total = present.get(parent);
        if (total === undefined) continue;
        const parts = frontier(list, parent, present);
        if (parts && parts.length > 0) relations.push({ total, parts });
      }
    }
  }
  return relations;
}
