/**
 * One disclosure control for everything a run publishes. Every table of the run (every
 * footprint, region, England and LA table, every measure, exact and lower-bound rows alike)
 * and everything already published (the publication ledger) is one linked linear system,
 * per period and measure:
 *
 *  - the unknowns are the member LAs' true figures, one per LA x cell (shared by every
 *    footprint the LA belongs to, so footprint A minus footprint B is seen for what it is);
 *  - each LA's own table adds up (total = sum of its groups, from the code lists);
 *  - each published aggregate figure is the sum of the LA figures it is over: all members
 *    for an exact row, the members present for a lower bound (which is what makes a
 *    lower-bound table add up among itself, and get secondary suppression like any other);
 *  - a figure already published (the ledger) is a known sum of LA figures;
 *  - an LA figure from a published source (DfE, Ofsted) is known to a reader when
 *    cross-geography is on; one from an LA return or an SSDA903 extract is not, unless a
 *    table of this run (an LA report) publishes it.
 *
 * Protected (never determined by any combination of what is published): every LA figure
 * from 1 to k-1 or withheld at source, every aggregate from 1 to k-1, every sum of LAs from
 * 1 to k-1 that a figure gives away by difference, and every figure suppressed as small
 * before (the ledger). Cells suppressed only to protect them (secondary) are not themselves
 * protected: any derivation through them is a derivation of a protected cell, which the
 * exact check rules out. suppressCells then suppresses aggregate
 * cells until no protected cell is determined by any combination of the relations (exact
 * linear algebra). Money amounts have no small-count rule, only withheld figures to keep.
 *
 * Reference: Cox (1980) JASA 75 (linked tables); ONS "Disclosure control guidance for
 * tables produced from surveys" (differencing between overlapping geographies).
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
const EXACT: ReadonlySet<ValueStatus | "absent"> = new Set(["ok", "low_reliability"]);
const WITHHELD: ReadonlySet<string> = new Set(["suppressed", "rounds_to_zero"]);

/** The tables of one aggregation, with what each member LA contributed to each summed row. */
export interface PublishedPart {
  rows: AggregateRow[];
  contributions: ReadonlyMap<AggregateRow, readonly MemberValue[]>;
}

/** A figure already published (from the publication ledger): a sum of LA figures. */
export interface PublishedFigure {
  time_period: string;
  time_identifier: string;
  measure: string;
  /** dimensionKey of the cell. */
  dims: string;
  /** Old DfE codes of the LAs whose figures it is the sum of. */
  members: string[];
  /** null: the figure was suppressed, and must stay unknown. */
  value: number | null;
}

/** An LA's figure for a cell, as the dataset holds it. */
export interface LaFigure {
  value: number | null;
  status: ValueStatus | "absent";
  published: boolean;
  dims: AggregateRow["dims"];
}

export interface LinkedOptions extends PublishOptions {
  /** Figures published before (by earlier runs), protected against as well. */
  ledger?: readonly PublishedFigure[];
  /**
   * LA figures by group key (groupKey) then `${oldCode}\u0001${dimensionKey}`: needed for
   * LAs that a ledger figure is over but no table of this run is. Members of this run's
   * tables are read from their contributions.
   */
  laFigures?: ReadonlyMap<string, ReadonlyMap<string, LaFigure>>;
}

export interface DisclosureControlResult {
  summary: DisclosureSummary;
  diagnostics: Diagnostic[];
  notes: string[];
}

/** The key of a linked system: period, time identifier and measure. */
export function groupKey(r: { time_period: string; time_identifier: string; measure: string }): string {
  return `${r.time_period}\u0001${r.time_identifier}\u0001${r.measure}`;
}

function hide(row: AggregateRow, why: string): void {
  row.value = null;
  row.value_status = "suppressed";
  row.rate_per_10000 = null;
  row.note = row.note ? `${why}; ${row.note}` : why;
}

/**
 * Suppress cells of every part's rows in place, as one linked publication.
 * @throws Error when k is not an integer >= 2 (a programmer error).
 * @example protectLinked([], { k: 5 }).summary.primary // 0
 */
export function protectLinked(parts: readonly PublishedPart[], options: LinkedOptions): DisclosureControlResult {
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new Error(`applyDisclosureControl: k must be an integer >= 2, got ${k}`);
  const crossGeography = options.crossGeography ?? true;
  const summary: DisclosureSummary = { k, crossGeography, tables: 0, primary: 0, secondary: 0, residual: 0 };
  const diagnostics: Diagnostic[] = [];

  // Rows and ledger figures by linked system.
  interface Group { rows: Array<{ part: number; row: AggregateRow }>; ledger: PublishedFigure[] }
  const groups = new Map<string, Group>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rows: [], ledger: [] }));
    return g;
  };
  parts.forEach((part, p) => { for (const row of part.rows) group(groupKey(row)).rows.push({ part: p, row }); });
  for (const f of options.ledger ?? []) if (groups.has(groupKey(f))) group(groupKey(f)).ledger.push(f);

  for (const [key, g] of groups) {
    const measure = findMeasure(g.rows[0]!.row.measure);
    if (!measure || measure.aggregation.kind !== "sum") continue;
    // Counts of a public register (Ofsted providers and places) are published provider by provider.
    if (measure.disclosure === "public_register") continue;
    const threshold = !MONEY_UNITS.has(measure.unit);
    const columns = measure.dimensions.map((d) => d.column);
    const tables = new Set(g.rows.map(({ part, row }) => `${part}\u0001${row.footprint_code}`));
    summary.tables += tables.size;

    // LA figures of this system: from the tables' contributions, then the dataset's.
    const figures = new Map<string, LaFigure>();
    const byLa = new Map<string, string[]>();
    const know = (la: string, dk: string, f: LaFigure) => {
      const id = `${la}\u0001${dk}`;
      if (figures.has(id)) return;
      figures.set(id, f);
      let list = byLa.get(la);
      if (!list) byLa.set(la, (list = []));
      list.push(dk);
    };
    for (const { part, row } of g.rows) {
      const members = parts[part]!.contributions.get(row);
      if (!members) continue;
      const dk = dimensionKey(row.dims);
      for (const m of members) if (m.status !== "absent") know(m.oldCode, dk, { value: m.value, status: m.status, published: m.published ?? true, dims: row.dims });
    }
    const extra = options.laFigures?.get(key);
    if (extra) for (const [id, f] of extra) { const [la, dk] = id.split("\u0001"); know(la!, dk!, f); }

    const cells: DisclosureCell[] = [];
    const relations: DisclosureRelation[] = [];
    // LA figures become cells the first time a published figure is over them, with their LA's table.
    const laCells = new Map<string, number>();
    const linkedLas = new Set<string>();
    const laCell = (la: string, dk: string): number | undefined => {
      if (!linkedLas.has(la)) {
        linkedLas.add(la);
        const dks = byLa.get(la) ?? [];
        for (const d of dks) {
          const f = figures.get(`${la}\u0001${d}`)!;
          const exact = f.value !== null && EXACT.has(f.status);
          const small = exact && threshold && f.value! > 0 && f.value! < k;
          const known = exact && !small && f.published && crossGeography;
          laCells.set(`${la}\u0001${d}`, cells.push({ value: known ? f.value : null, threshold, suppressible: false, protect: small || WITHHELD.has(f.status) }) - 1);
        }
        for (const r of tableRelations(dks.map((d) => figures.get(`${la}\u0001${d}`)!.dims), columns)) {
          relations.push({ total: laCells.get(`${la}\u0001${dks[r.total]}`)!, parts: r.parts.map((i) => laCells.get(`${la}\u0001${dks[i]}`)!) });
        }
      }
      return laCells.get(`${la}\u0001${dk}`);
    };

    // Published cells of this run: each a sum of the LA figures present.
    const cellOf = new Map<AggregateRow, number>();
    const signature = new Map<AggregateRow, string>();
    for (const { part, row } of g.rows) {
      if (row.value === null) continue;
      const cell = cells.push({ value: row.value, threshold, suppressible: true }) - 1;
      cellOf.set(row, cell);
      const members = parts[part]!.contributions.get(row);
      if (!members) continue;
      const dk = dimensionKey(row.dims);
      const present = members.filter((m) => m.value !== null);
      signature.set(row, present.map((m) => m.oldCode).sort().join(","));
      const over = present.map((m) => laCell(m.oldCode, dk)).filter((c): c is number => c !== undefined);
      if (over.length === present.length) relations.push({ total: cell, parts: over });
    }
    // Small groups of LAs that a figure gives away by difference: a figure minus the LA
    // figures a reader knows, and one footprint minus another nested in it, leave the sum
    // over the other LAs; when that sum is from 1 to k-1 it is protected like any small count.
    if (threshold) {
      const unknownOver = new Map<AggregateRow, { dk: string; codes: string[] }>();
      for (const { part, row } of g.rows) {
        if (!cellOf.has(row)) continue;
        const dk = dimensionKey(row.dims);
        const present = (parts[part]!.contributions.get(row) ?? []).filter((m) => m.value !== null);
        unknownOver.set(row, { dk, codes: present.filter((m) => { const c = laCell(m.oldCode, dk); return c !== undefined && cells[c]!.value === null; }).map((m) => m.oldCode) });
      }
      const seen = new Set<string>();
      const protectSum = (dk: string, codes: readonly string[]) => {
        if (codes.length < 2) return;
        const id = `${dk}\u0002${[...codes].sort().join(",")}`;
        if (seen.has(id)) return;
        seen.add(id);
        let sum = 0;
        for (const la of codes) {
          const f = figures.get(`${la}\u0001${dk}`);
          if (!f || f.value === null || !EXACT.has(f.status)) return;
          sum += f.value;
        }
        if (sum > 0 && sum < k) relations.push({ total: cells.push({ value: null, threshold, suppressible: false, protect: true }) - 1, parts: codes.map((la) => laCell(la, dk)!) });
      };
      const byDims = new Map<string, Array<{ dk: string; codes: string[] }>>();
      for (const u of unknownOver.values()) {
        protectSum(u.dk, u.codes);
        let list = byDims.get(u.dk);
        if (!list) byDims.set(u.dk, (list = []));
        list.push(u);
      }
      for (const list of byDims.values()) {
        for (const a of list) for (const b of list) {
          if (a === b || b.codes.length >= a.codes.length || b.codes.length === 0) continue;
          const inA = new Set(a.codes);
          if (!b.codes.every((c) => inA.has(c))) continue;
          const inB = new Set(b.codes);
          protectSum(a.dk, a.codes.filter((c) => !inB.has(c)));
        }
      }
    }
    // Each table's own relations where its figures are over the same members (implied by the
    // above, but they lead secondary suppression to the table's own cells first).
    const byTable = new Map<string, AggregateRow[]>();
    for (const { part, row } of g.rows) {
      const t = `${part}\u0001${row.footprint_code}`;
      let list = byTable.get(t);
      if (!list) byTable.set(t, (list = []));
      list.push(row);
    }
    for (const table of byTable.values()) {
      for (const r of tableRelations(table.map((x) => x.dims), columns)) {
        const rows = [table[r.total]!, ...r.parts.map((i) => table[i]!)];
        if (rows.some((x) => !cellOf.has(x))) continue;
        const sig = signature.get(rows[0]!);
        if (rows.some((x) => signature.get(x) !== sig)) continue;
        relations.push({ total: cellOf.get(rows[0]!)!, parts: rows.slice(1).map((x) => cellOf.get(x)!) });
      }
    }
    // Figures published before.
    for (const f of g.ledger) {
      const over = f.members.map((la) => laCell(la, f.dims));
      if (over.some((c) => c === undefined)) continue;
      const cell = cells.push({ value: f.value, threshold, suppressible: false, protect: f.value === null }) - 1;
      relations.push({ total: cell, parts: over as number[] });
    }

    const outcome = suppressCells(cells, relations, k, { protectSecondary: false });
    for (const [row, cell] of cellOf) {
      if (outcome.status[cell] === "primary") {
        hide(row, `c: suppressed (a count below ${k})`);
        summary.primary++;
      } else if (outcome.status[cell] === "secondary") {
        hide(row, "c: suppressed so that another small count cannot be worked out (secondary suppression)");
        summary.secondary++;
      }
    }
    if (outcome.residual.length > 0) {
      summary.residual += outcome.residual.length;
      const r = g.rows[0]!.row;
      diagnostics.push(diagnostic("W_DISCLOSURE_RESIDUAL", { cells: outcome.residual.length, table: `${r.measure} ${r.time_period}` }));
    }
  }

  // Means go with their weights: no mean over a suppressed or small number of placements.
  parts.forEach((part) => {
    const weights = new Map<string, AggregateRow>();
    for (const row of part.rows) weights.set(`${row.footprint_code}|${row.time_period}|${row.measure}|${dimensionKey(row.dims)}`, row);
    for (const row of part.rows) {
      const measure = findMeasure(row.measure);
      if (!measure || measure.aggregation.kind !== "weighted_mean" || row.value === null) continue;
      const weight = weights.get(`${row.footprint_code}|${row.time_period}|${measure.aggregation.weight}|${dimensionKey(row.dims)}`);
      if (!weight || weight.value_status === "suppressed" || (weight.value !== null && weight.value > 0 && weight.value < k)) {
        hide(row, `c: suppressed with its weight ${measure.aggregation.weight}`);
        summary.primary++;
      }
    }
  });

  const notes = [
    `Disclosure control (k = ${k}): counts from 1 to ${k - 1} are suppressed (c); zeros are published. Secondary suppression hides further cells so that no suppressed cell can be worked out from any combination of the published figures, checked exactly with linear algebra.`,
    `Every table of this output (${parts.length > 1 ? "every level and " : ""}every footprint, lower bounds included) is protected as one linked system over the member LAs' figures, so that one footprint minus another overlapping one, or a total minus the other groups of a lower bound, reveals nothing${options.ledger?.length ? `; ${options.ledger.length} figures published before (the publication ledger) are taken into account too` : ""}.`,
    crossGeography
      ? "Cross-geography: member LAs' figures from published sources (DfE, Ofsted) are treated as known to a reader; figures from LA returns and SSDA903 extracts are not, and their small counts are protected."
      : "Cross-geography was switched off: no LA figure is assumed known to a reader (LA figures published elsewhere may then be subtracted from these figures).",
    "Money amounts are not subject to the small-count rule; means are suppressed with their weight.",
  ];
  return { summary, diagnostics, notes };
}
