/**
 * Disclosure control on aggregate rows for publication. A table is one measure x footprint
 * x period across its dimensions, with its total rows and group -> leaf relations from the
 * code lists (tableRelations). Counts from 1 to k-1 are suppressed and enough other cells
 * are suppressed that none can be recovered by subtraction (suppressCells).
 *
 * Cross-geography (default on): the member LAs' figures behind each footprint cell are
 * treated as published elsewhere under the same rule, and the relation "footprint cell =
 * sum of its members' cells" is added, so a footprint figure minus the published LA figures
 * cannot reveal a small LA count; only footprint cells are suppressed to achieve it. Limit:
 * the LA tables' own secondary suppression is their publisher's (not re-checked here).
 * Means are suppressed with their weight (a mean over fewer than k placements is not shown).
 * Measures marked `disclosure: "public_register"` (Ofsted's providers and places, published
 * provider by provider) are not controlled.
 */
import type { Diagnostic } from "../../spec/diagnostic.ts";
import type { ValueStatus } from "../../spec/dataset.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { findMeasure } from "../../template/measures.ts";
import { dimensionKey } from "../dimension-key.ts";
import type { AggregateRow, DisclosureSummary, MemberValue, PublishOptions } from "../types.ts";
import { suppressCells } from "./suppress-cells.ts";
import { tableRelations } from "./table-relations.ts";
import type { DisclosureCell, DisclosureRelation } from "./types.ts";

const MONEY_UNITS = new Set(["gbp", "gbp_thousand", "gbp_per_week"]);
const EXACT: ReadonlySet<ValueStatus> = new Set(["ok", "low_reliability"]);
const WITHHELD: ReadonlySet<string> = new Set(["suppressed", "rounds_to_zero"]);

export interface DisclosureControlResult {
  summary: DisclosureSummary;
  diagnostics: Diagnostic[];
  notes: string[];
}

function hide(row: AggregateRow, why: string): void {
  row.value = null;
  row.value_status = "suppressed";
  row.rate_per_10000 = null;
  row.note = row.note ? `${why}; ${row.note}` : why;
}

/**
 * Suppress cells of `rows` in place for publication.
 * `contributions` gives, for each summed row, what every member LA contributed.
 * @throws Error when k is not an integer >= 2 (a programmer error).
 * @example applyDisclosureControl([], new Map(), { k: 5 }).summary.primary // 0
 */
export function applyDisclosureControl(
  rows: AggregateRow[],
  contributions: ReadonlyMap<AggregateRow, readonly MemberValue[]>,
  options: PublishOptions,
): DisclosureControlResult {
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new Error(`applyDisclosureControl: k must be an integer >= 2, got ${k}`);
  const crossGeography = options.crossGeography ?? true;
  const summary: DisclosureSummary = { k, crossGeography, tables: 0, primary: 0, secondary: 0, residual: 0 };
  const diagnostics: Diagnostic[] = [];

  const tables = new Map<string, AggregateRow[]>();
  for (const row of rows) {
    const key = `${row.footprint_code}\u0001${row.time_period}\u0001${row.time_identifier}\u0001${row.measure}`;
    let table = tables.get(key);
    if (!table) tables.set(key, (table = []));
    table.push(row);
  }

  for (const table of tables.values()) {
    const measure = findMeasure(table[0].measure);
    if (!measure || measure.aggregation.kind !== "sum") continue;
    // Counts of a public register (Ofsted providers and places) are published provider by provider.
    if (measure.disclosure === "public_register") continue;
    summary.tables++;
    const threshold = !MONEY_UNITS.has(measure.unit);
    // Cell i is the figure this table publishes for row i. For an exact row it is the true
    // value. For a lower bound (some members suppressed or missing) it is the sum over the
    // members present, and the true value is a separate cell that nobody sees: the table's
    // relations hold between true values, while a reader can use "lower bound = sum of the
    // members present" against the LA figures.
    const cells: DisclosureCell[] = table.map((row) => ({ value: row.value, threshold, suppressible: true }));
    const trueCell = table.map((row, i) => {
      if (row.value === null || EXACT.has(row.value_status)) return i;
      return cells.push({ value: null, threshold, suppressible: false }) - 1;
    });
    const relations: DisclosureRelation[] = tableRelations(table.map((r) => r.dims), measure.dimensions.map((d) => d.column))
      .map((r) => ({ total: trueCell[r.total], parts: r.parts.map((p) => trueCell[p]) }));
    if (crossGeography) {
      table.forEach((row, index) => {
        const members = contributions.get(row);
        if (!members || members.length === 0) return;
        const all: number[] = [];
        const present: number[] = [];
        for (const m of members) {
          const exact = m.value !== null && (m.status === "ok" || m.status === "low_reliability");
          const cell = cells.push({ value: exact ? m.value : null, threshold, suppressible: false, protect: WITHHELD.has(m.status) }) - 1;
          all.push(cell);
          if (m.value !== null) present.push(cell);
        }
        relations.push({ total: trueCell[index], parts: all });
        if (trueCell[index] !== index && row.value !== null) relations.push({ total: index, parts: present });
      });
    }
    const outcome = suppressCells(cells, relations, k);
    table.forEach((row, i) => {
      if (outcome.status[i] === "primary") {
        hide(row, `c: suppressed (a count below ${k})`);
        summary.primary++;
      } else if (outcome.status[i] === "secondary") {
        hide(row, "c: suppressed so that another small count cannot be worked out (secondary suppression)");
        summary.secondary++;
      }
    });
    if (outcome.residual.length > 0) {
      summary.residual += outcome.residual.length;
      const r = table[0];
      diagnostics.push(diagnostic("W_DISCLOSURE_RESIDUAL", { cells: outcome.residual.length, table: `${r.measure} ${r.footprint_name} ${r.time_period}` }));
    }
  }

  // Means go with their weights: no mean over a suppressed or small number of placements.
  const weights = new Map<string, AggregateRow>();
  for (const row of rows) weights.set(`${row.footprint_code}|${row.time_period}|${row.measure}|${dimensionKey(row.dims)}`, row);
  for (const row of rows) {
    const measure = findMeasure(row.measure);
    if (!measure || measure.aggregation.kind !== "weighted_mean" || row.value === null) continue;
    const weight = weights.get(`${row.footprint_code}|${row.time_period}|${measure.aggregation.weight}|${dimensionKey(row.dims)}`);
    if (!weight || weight.value_status === "suppressed" || (weight.value !== null && weight.value > 0 && weight.value < k)) {
      hide(row, `c: suppressed with its weight ${measure.aggregation.weight}`);
      summary.primary++;
    }
  }

  const notes = [
    `Disclosure control (k = ${k}): counts from 1 to ${k - 1} are suppressed (c); zeros are published. Secondary suppression hides further cells so that no suppressed cell can be worked out from the other cells and totals of its table (measure x geography x period), checked exactly with linear algebra.`,
    crossGeography
      ? "Cross-geography: member LAs' figures are treated as published elsewhere under the same rule, and no footprint figure minus the LA figures reveals a small LA count. The LA tables' own secondary suppression is for their publisher."
      : "Cross-geography protection was switched off: a footprint figure minus published LA figures may reveal a small LA count.",
    "Money amounts are not subject to the small-count rule; means are suppressed with their weight.",
  ];
  return { summary, diagnostics, notes };
}
