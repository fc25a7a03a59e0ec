/**
 * Aggregate LA rows of a dataset to footprints: the nine regions, England, or any footprint
 * set read from a file. Counts and amounts sum; means are weighted by their named weight
 * measure; not-additive measures (medians) are not aggregated and the result says so.
 * Child counts get a rate per 10,000 children aged 0 to 17 (ONS population), in the
 * `rate_per_10000` column beside the count (the EES convention of a separate indicator
 * column) rather than as rows of a derived measure. Every aggregate carries its coverage,
 * boundary changes are followed year by year (membersInYear), and with `publish` the output
 * goes through disclosure control (applyDisclosureControl).
 *
 * Reference: DfE "Children looked after in England including adoptions", methodology
 * (regional and national figures are sums of LA figures; rates per 10,000 children aged
 * under 18 use ONS mid-year estimates).
 */
import { DIMENSION_COLUMNS, type DatasetRow } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import type { Footprint, FootprintSet } from "../spec/footprint.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { allCodes } from "../reference/code-tree.ts";
import { findLa, laValidIn, laValidity, type LocalAuthority } from "../reference/las.ts";
import { ENGLAND, REGIONS } from "../reference/regions.ts";
import { MEASURES, findMeasure } from "../template/measures.ts";
import { builtInFootprints } from "./built-in-footprints.ts";
import { comparePublished } from "./compare-published.ts";
import { applyDisclosureControl } from "./disclosure/apply-disclosure-control.ts";
import { dimensionKey } from "./dimension-key.ts";
import { membersInYear } from "./members-in-year.ts";
import { periodYear } from "./period-year.ts";
import type { CellRollUp } from "./cell-roll-up.ts";
import { rollUpSum } from "./roll-up-sum.ts";
import { rollUpWeightedMean } from "./roll-up-weighted-mean.ts";
import type { AggregateOptions, AggregateResult, AggregateRow, MemberValue } from "./types.ts";

/** The ONS population measure rates are computed from. */
export const POPULATION_MEASURE = "population_0_17";

interface Cell {
  time_period: string;
  time_identifier: string;
  measure: string;
  dims: DatasetRow["dims"];
  key: string;
  year: number;
}

function cellKey(timePeriod: string, timeIdentifier: string, measure: string, dimsKey: string): string {
  return `${timePeriod}\u0001${timeIdentifier}\u0001${measure}\u0001${dimsKey}`;
}

function footprintGeography(set: AggregateOptions["to"], footprint: Footprint) {
  const country = { country_code: ENGLAND.code, country_name: ENGLAND.name, old_la_code: "", new_la_code: "", la_name: "" };
  if (set === "england") return { ...country, geographic_level: "National" as const, region_code: "", region_name: "" };
  if (set === "region") return { ...country, geographic_level: "Regional" as const, region_code: footprint.code, region_name: footprint.name };
  const regions = new Set(footprint.members.map((c) => findLa(c)?.regionCode ?? ""));
  const only = regions.size === 1 ? REGIONS.find((r) => regions.has(r.code)) : undefined;
  return { ...country, geographic_level: "Footprint" as const, region_code: only?.code ?? "", region_name: only?.name ?? "" };
}

const codeOrder = new Map<string, Map<string, number>>(
  Object.entries(CODE_LISTS).map(([column, list]) => [column, new Map([TOTAL, ...allCodes(list)].map((code, i) => [code, i]))]),
);

/** Dimension values in code-list order (total first, then groups before their leaves). */
function compareDims(a: DatasetRow["dims"], b: DatasetRow["dims"]): number {
  for (const column of DIMENSION_COLUMNS) {
    const x = a[column] ?? "";
    const y = b[column] ?? "";
    if (x === y) continue;
    const order = codeOrder.get(column);
    const i = order?.get(x) ?? Infinity;
    const j = order?.get(y) ?? Infinity;
    return i !== j ? i - j : x.localeCompare(y);
  }
  return 0;
}

function isChildCount(measureId: string): boolean {
  const m = findMeasure(measureId);
  return m !== undefined && m.unit === "children" && m.aggregation.kind === "sum" && m.id !== POPULATION_MEASURE;
}

/**
 * Aggregate the LA rows of `rows` to `options.to`.
 * Stages: 1 index LA rows by cell; 2 resolve footprint members per year; 3 roll up every
 * cell; 4 rates per 10,000; 5 disclosure control when publishing; 6 compare the (protected)
 * rows with published regional/national rows.
 * @throws Error when `options.publish.k` is not an integer >= 2 (a programmer error).
 * @example aggregateDataset([], { to: "england" }).rows.length // 0
 */
export function aggregateDataset(rows: readonly DatasetRow[], options: AggregateOptions): AggregateResult {
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  const set: FootprintSet = typeof options.to === "string" ? builtInFootprints(options.to) : options.to;
  const inYears = (year: number) => !options.years || (year >= options.years.from && year <= options.years.to);

  // 1. Index the LA rows by cell and LA; report rows that cannot be placed.
  const cells = new Map<string, Cell>();
  const byCell = new Map<string, Map<string, DatasetRow>>();
  const unknownLa = new Map<string, number>();
  const outOfPeriod = new Map<string, { la: LocalAuthority; period: string; rows: number }>();
  const notAdditive = new Map<string, number>();
  const unknownMeasure = new Map<string, number>();
  let duplicates = 0;
  let duplicateExample = "";
  for (const row of rows) {
    if (row.geographic_level !== "Local authority") continue;
    const year = periodYear(row.time_period);
    if (!inYears(year)) continue;
    const measure = findMeasure(row.measure);
    if (!measure) {
      unknownMeasure.set(row.measure, (unknownMeasure.get(row.measure) ?? 0) + 1);
      continue;
    }
    if (measure.aggregation.kind === "not_additive") {
      notAdditive.set(row.measure, (notAdditive.get(row.measure) ?? 0) + 1);
      continue;
    }
    const code = row.old_la_code || row.new_la_code;
    const la = findLa(code);
    if (!la) {
      unknownLa.set(code, (unknownLa.get(code) ?? 0) + 1);
      continue;
    }
    if (!laValidIn(la, year)) {
      const k = `${la.oldCode}|${row.time_period}`;
      const entry = outOfPeriod.get(k) ?? { la, period: row.time_period, rows: 0 };
      entry.rows++;
      outOfPeriod.set(k, entry);
      continue;
    }
    const key = cellKey(row.time_period, row.time_identifier, row.measure, dimensionKey(row.dims));
    let members = byCell.get(key);
    if (!members) {
      members = new Map();
      byCell.set(key, members);
      cells.set(key, { time_period: row.time_period, time_identifier: row.time_identifier, measure: row.measure, dims: row.dims, key, year });
    }
    const seen = members.get(la.oldCode);
    if (seen) {
      // The same figure often comes from two published files: keep a value over a marker,
      // and count only real disagreements.
      if (seen.value === null && row.value !== null) members.set(la.oldCode, row);
      else if (seen.value !== null && row.value !== null && seen.value !== row.value) {
        duplicates++;
        duplicateExample ||= `${la.name} ${row.time_period} ${row.measure} ${dimensionKey(row.dims).replace(/\|+/g, " ").trim()}: ${seen.value} and ${row.value}`;
      }
      continue;
    }
    members.set(la.oldCode, row);
  }
  for (const [code, n] of unknownLa) diagnostics.push(diagnostic("W_AGGREGATE_LA_UNKNOWN", { rows: n, code }));
  for (const { la, period, rows: n } of outOfPeriod.values()) {
    diagnostics.push(diagnostic("W_AGGREGATE_LA_OUT_OF_PERIOD", { rows: n, name: la.name, code: la.oldCode, period, validity: laValidity(la) }));
  }
  if (duplicates > 0) diagnostics.push(diagnostic("W_AGGREGATE_DUPLICATE", { rows: duplicates, example: duplicateExample }));
  for (const [measure, n] of notAdditive) {
    diagnostics.push(diagnostic("I_AGGREGATE_NOT_ADDITIVE", { measure, label: findMeasure(measure)?.label ?? measure, rows: n }));
    notes.push(`${measure} is not additive (e.g. a median cannot be combined from LA medians): it is not aggregated.`);
  }
  for (const [measure, n] of unknownMeasure) diagnostics.push(diagnostic("W_AGGREGATE_MEASURE_UNKNOWN", { measure, rows: n }));

  // 2 and 3. Per footprint and year: members across boundary changes, then every cell.
  const measureOrder = new Map(MEASURES.map((m, i) => [m.id, i]));
  const orderedCells = [...cells.values()].sort((a, b) =>
    a.year - b.year || a.time_period.localeCompare(b.time_period) || (measureOrder.get(a.measure)! - measureOrder.get(b.measure)!) || compareDims(a.dims, b.dims));
  const out: AggregateRow[] = [];
  const notComparable = new Map<string, { footprint: string; reason: string; periods: string[] }>();
  const contributions = new Map<AggregateRow, MemberValue[]>();
  // Means left out of a weighted mean because their weight is blank (never silently).
  const unweighted = new Map<string, { measure: string; weight: string; members: Set<string>; example: string }>();
  for (const footprint of set.footprints) {
    const geography = footprintGeography(options.to, footprint);
    const resolved = new Map<number, ReturnType<typeof membersInYear>>();
    for (const cell of orderedCells) {
      let year = resolved.get(cell.year);
      if (!year) {
        year = membersInYear(footprint, cell.year);
        resolved.set(cell.year, year);
        for (const reason of year.notComparable) {
          const k = `${footprint.code}\u0001${reason}`;
          const entry = notComparable.get(k) ?? { footprint: `${footprint.name} (${footprint.code})`, reason, periods: [] };
          entry.periods.push(cell.time_period);
          notComparable.set(k, entry);
        }
      }
      const members = year.members.map((la) => la.oldCode);
      const measure = findMeasure(cell.measure)!;
      const memberRows = byCell.get(cell.key)!;
      let rolled: CellRollUp;
      if (measure.aggregation.kind === "weighted_mean") {
        const weights = byCell.get(cellKey(cell.time_period, cell.time_identifier, measure.aggregation.weight, dimensionKey(cell.dims))) ?? new Map<string, DatasetRow>();
        rolled = rollUpWeightedMean(members, memberRows, weights);
        for (const code of members) {
          const mean = memberRows.get(code);
          if (!mean || mean.value === null || (weights.get(code)?.value ?? null) !== null) continue;
          const k = `${cell.measure}|${cell.time_period}`;
          const entry = unweighted.get(k) ?? { measure: cell.measure, weight: measure.aggregation.weight, members: new Set<string>(), example: "" };
          entry.members.add(code);
          entry.example ||= `${findLa(code)?.name ?? code} ${cell.time_period} ${dimensionKey(cell.dims).replace(/\|+/g, " ").trim()}: ${mean.value}`;
          unweighted.set(k, entry);
        }
      } else {
        rolled = rollUpSum(members, memberRows);
      }
      const comparable = year.notComparable.length === 0;
      const row: AggregateRow = {
        time_period: cell.time_period,
        time_identifier: cell.time_identifier,
        ...geography,
        footprint_code: footprint.code,
        footprint_name: footprint.name,
        measure: cell.measure,
        dims: { ...cell.dims },
        value: comparable ? rolled.value : null,
        value_status: comparable ? rolled.value_status : "not_available",
        rate_per_10000: null,
        members_expected: rolled.members_expected,
        members_present: rolled.members_present,
        members_missing: rolled.members_missing,
        members_suppressed: rolled.members_suppressed,
        comparable,
        note: comparable ? rolled.note : `not comparable: ${year.notComparable.join("; ")}`,
      };
      out.push(row);
      if (measure.aggregation.kind === "sum" && comparable) contributions.set(row, rolled.contributions);
    }
  }

  for (const u of unweighted.values()) {
    diagnostics.push(diagnostic("W_AGGREGATE_WEIGHT_MISSING", { measure: u.measure, weight: u.weight, members: u.members.size, example: u.example }));
  }

  for (const { footprint, reason, periods } of notComparable.values()) {
    const period = periods.length === 1 ? periods[0] : `${periods[0]} to ${periods[periods.length - 1]} (${periods.length} periods)`;
    diagnostics.push(diagnostic("W_AGGREGATE_NOT_COMPARABLE", { footprint, period, reason }));
  }

  // 4. Rates per 10,000 children aged 0-17 for counts of children, over the population of
  // the members that contributed a value (so a suppressed LA is out of both sides).
  const population = new Map<string, Map<string, number>>();
  for (const [key, cell] of cells) {
    if (cell.measure !== POPULATION_MEASURE || dimensionKey(cell.dims) !== dimensionKey({})) continue;
    let byLa = population.get(cell.time_period);
    if (!byLa) population.set(cell.time_period, (byLa = new Map()));
    for (const [code, row] of byCell.get(key)!) if (row.value !== null) byLa.set(code, row.value);
  }
  for (const [row, members] of contributions) {
    if (!isChildCount(row.measure) || row.value === null) continue;
    const byLa = population.get(row.time_period);
    if (!byLa) continue;
    let denominator = 0;
    let complete = true;
    for (const m of members) {
      if (m.value === null) continue;
      const pop = byLa.get(m.oldCode);
      if (pop === undefined) complete = false;
      else denominator += pop;
    }
    if (complete && denominator > 0) row.rate_per_10000 = Math.round((row.value / denominator) * 100000) / 10;
  }
  notes.push(
    "Counts and amounts are sums of the member LAs' figures; means are weighted by their named weight measure (e.g. weekly_cost_mean by placements_costed).",
    "rate_per_10000 = children / ONS population aged 0 to 17 x 10,000, to one decimal place, for counts of children; the population is that of the member LAs that contributed a value, so a suppressed or missing LA is left out of both sides.",
    "Missing is never zero: a sum over members some of which are suppressed or missing is a lower bound, with value_status 'estimated' and the coverage columns saying how many members are present, missing and suppressed.",
    "Boundary changes: each year uses the LAs that reported that year (e.g. Northamptonshire before 2022 for a footprint holding North and West Northamptonshire). Where a predecessor's area is split between footprints, the year is marked comparable = false and left missing.",
  );

  // 5. Disclosure control (before anything is compared or written: nothing computed before
  // suppression leaves the process).
  const result: AggregateResult = { rows: out, diagnostics, notes, comparison: [] };
  Object.defineProperty(result, "contributions", { value: contributions, enumerable: false });
  if (options.publish) {
    const control = applyDisclosureControl(out, contributions, options.publish);
    result.disclosure = control.summary;
    diagnostics.push(...control.diagnostics);
    notes.push(...control.notes);
  }

  // 6. Compare with the published regional and national figures (from the protected rows).
  result.comparison = typeof options.to === "string" ? comparePublished(out, rows, options.to === "region" ? "Regional" : "National") : [];
  return result;
}
