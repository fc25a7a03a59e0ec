/**
 * Children looked after at 31 March of the latest year by region and England, computed
 * from the LA rows, with rates per 10,000 and the published figures beside them, and the
 * England sum of LAs checked against the published national figure (81,770 in 2025), any
 * difference explained. Printed by `npm start`.
 */
import type { DatasetRow } from "../spec/dataset.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { lasInYear } from "../reference/las.ts";
import { REGIONS } from "../reference/regions.ts";
import type { AggregateResult, AggregateRow } from "../aggregate/types.ts";

export interface ClaSummaryLine {
  code: string;
  name: string;
  /** Sum of the LA figures (null when no LA has a figure). */
  computed: number | null;
  /** Rate per 10,000 children aged 0 to 17 (ONS mid-year estimate before 31 March). */
  ratePer10000: number | null;
  /** The published regional/national figure, when the dataset has one. */
  published: number | null;
  /** LAs with a figure out of the LAs reporting that year. */
  membersPresent: number;
  membersExpected: number;
}

export interface ClaSummary {
  year: string;
  regions: ClaSummaryLine[];
  england: ClaSummaryLine;
  /** computed - published for England (null when either is missing). */
  difference: number | null;
  /** Why the sum of LAs differs from the published England figure. */
  reasons: string[];
}

const isTotalCla = (row: { measure: string; dims: DatasetRow["dims"] }) =>
  row.measure === "cla_31_march" && row.dims.placement_type === TOTAL && row.dims.age_band === TOTAL;

/**
 * Stage 4: children looked after at 31 March of `year` by region and England, computed
 * from the LA rows, with rates per 10,000 and the published figures beside them.
 * Reference: DfE, Children looked after in England including adoptions (England 2025: 81,770).
 * @throws never
 * @example claSummary(dataset.rows, aggregates, "2025").england.published // 81770
 */
export function claSummary(rows: readonly DatasetRow[], aggregates: { regions: AggregateResult; england: AggregateResult }, year: string): ClaSummary {
  const published = new Map<string, number | null>();
  for (const row of rows) {
    if (row.time_period !== year || !isTotalCla(row)) continue;
    if (row.geographic_level === "National") published.set("E92000001", row.value);
    if (row.geographic_level === "Regional") published.set(row.region_code, row.value);
  }
  const line = (agg: AggregateRow | undefined, code: string, name: string): ClaSummaryLine => ({
    code,
    name,
    computed: agg?.value ?? null,
    ratePer10000: agg?.rate_per_10000 ?? null,
    published: published.get(code) ?? null,
    membersPresent: agg?.members_present ?? 0,
    membersExpected: agg?.members_expected ?? 0,
  });
  const find = (result: AggregateResult, code: string) => result.rows.find((r) => r.time_period === year && r.footprint_code === code && isTotalCla(r));
  const regions = REGIONS.map((r) => line(find(aggregates.regions, r.code), r.code, r.name));
  const englandAgg = aggregates.england.rows.find((r) => r.time_period === year && isTotalCla(r));
  const england = line(englandAgg, "E92000001", "England");
  const difference = england.computed !== null && england.published !== null ? england.computed - england.published : null;
  const reasons: string[] = [];
  const laRows = new Map(rows.filter((r) => r.geographic_level === "Local authority" && r.time_period === year && isTotalCla(r)).map((r) => [r.old_la_code, r]));
  const suppressed = lasInYear(Number(year)).filter((la) => {
    const r = laRows.get(la.oldCode);
    return !r || r.value === null;
  });
  if (suppressed.length > 0) {
    reasons.push(`${suppressed.length} LA figure(s) not published: ${suppressed.map((la) => `${la.name} (${laRows.get(la.oldCode)?.value_status ?? "no row"})`).join(", ")}; the sum of LAs leaves them out.`);
  }
  if (difference !== null && difference !== 0) reasons.push("DfE rounds national and regional figures to the nearest 10, so the unrounded sum of LA figures differs slightly.");
  if (difference === 0) reasons.push("The sum of LA figures equals the published England figure.");
  return { year, regions, england, difference, reasons };
}

function formatNumber(value: number | null, digits = 0): string {
  return value === null ? "-" : value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The summary as a plain-text table for the terminal.
 * @example formatClaSummary(summary).split("\n")[0] // "Children looked after at 31 March 2025"
 */
export function formatClaSummary(summary: ClaSummary): string {
  const width = Math.max(...summary.regions.map((r) => r.name.length), 7);
  const lines = [
    `Children looked after at 31 March ${summary.year}`,
    `${"Area".padEnd(width)}  ${"Sum of LAs".padStart(10)}  ${"Rate/10k".padStart(8)}  ${"Published".padStart(9)}  LAs`,
  ];
  for (const r of [...summary.regions, summary.england]) {
    lines.push(`${r.name.padEnd(width)}  ${formatNumber(r.computed).padStart(10)}  ${formatNumber(r.ratePer10000, 1).padStart(8)}  ${formatNumber(r.published).padStart(9)}  ${r.membersPresent}/${r.membersExpected}`);
  }
  lines.push("");
  lines.push(`England check: sum of LAs ${formatNumber(summary.england.computed)}, published ${formatNumber(summary.england.published)}, difference ${summary.difference === null ? "n/a" : formatNumber(summary.difference)}.`);
  for (const reason of summary.reasons) lines.push(`  - ${reason}`);
  return lines.join("\n") + "\n";
}

/** The latest year with a published England cla_31_march total. */
export function latestClaYear(rows: readonly DatasetRow[]): string {
  let latest = "";
  for (const row of rows) if (row.geographic_level === "National" && isTotalCla(row) && row.time_period > latest) latest = row.time_period;
  return latest;
}

