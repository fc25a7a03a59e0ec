/**
 * Which unknown cells a reader can work out exactly from the known cells and the relations.
 * With the known cells moved to the right-hand side, the relations are A x = b over the
 * unknown cells; cell i is recoverable iff the unit vector e_i lies in the row space of A
 * (determinedColumns, exact integer arithmetic). This is the test of "no suppressed cell
 * can be recovered by subtraction", over any combination of relations, not only one.
 *
 * Reference: Cox (1980) "Suppression methodology and statistical disclosure control".
 */
import { determinedColumns } from "../../stats/determined-columns.ts";
import type { DisclosureRelation } from "./types.ts";

/**
 * Indices of the unknown cells (known[i] false) that the relations determine.
 * @throws never.
 * @example recoverableCells([true, false, true], [{ total: 0, parts: [1, 2] }]) // [1]
 */
export function recoverableCells(known: readonly boolean[], relations: readonly DisclosureRelation[]): number[] {
  const column = new Map<number, number>();
  const cellOf: number[] = [];
  const rows: Array<Array<[number, number]>> = [];
  const col = (cell: number) => {
    let c = column.get(cell);
    if (c === undefined) {
      c = cellOf.length;
      column.set(cell, c);
      cellOf.push(cell);
    }
    return c;
  };
  for (const relation of relations) {
    const entries: Array<[number, number]> = [];
    if (!known[relation.total]) entries.push([col(relation.total), 1]);
    for (const part of relation.parts) if (!known[part]) entries.push([col(part), -1]);
    if (entries.length > 0) rows.push(entries);
  }
  if (rows.length === 0) return [];
  const flags = determinedColumns({ columns: cellOf.length, rows });
  const out: number[] = [];
  for (let c = 0; c < flags.length; c++) if (flags[c]) out.push(cellOf[c]);
  return out.sort((a, b) => a - b);
}
