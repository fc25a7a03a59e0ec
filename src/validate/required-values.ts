/**
 * Rule: required measures are complete; optional ones are counted. A required measure
 * (REQUIRED_MEASURES in src/template/measures.ts, the CMA core) needs every row the template
 * prefills for it to carry a value or a missing reason (not_available, not_applicable,
 * suppressed): a blank, or a row left out of a long CSV, is an error at its cell. A row
 * whose parts are all given counts as given (a group is the sum of its codes), as in the
 * parts-sum rule. Errors say whether the figure can come from the SSDA903 extract or
 * published data (E_REQUIRED_MISSING) or only from the LA's own records
 * (E_REQUIRED_LA_RECORDS_MISSING), so a return pre-filled from SSDA903 can be checked for
 * everything but the latter. Blank optional rows are counted per sheet (I_VALUES_MISSING).
 * Costs are required only where they apply (see cellRequired).
 */
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { childCodes, findCode, rootCodes } from "../reference/code-tree.ts";
import type { DatasetRow } from "../spec/dataset.ts";
import type { Diagnostic } from "../spec/diagnostic.ts";
import type { Measure } from "../spec/template.ts";
import { diagnostic } from "../spec/messages/index.ts";
import { findMeasure, MEASURES } from "../template/measures.ts";
import { prefillRows, type PrefilledDims } from "../template/prefill-rows.ts";
import { pointAt, rowKey, type Rule, type ValidationContext } from "./rule.ts";

/** What a return left out: required cells by measure, and blank optional rows. */
export interface Completeness {
  /** Required template cells checked, and how many have neither a value nor a reason. */
  required: { cells: number; missing: number };
  /** Rows of optional measures in the return, and how many are blank with no reason. */
  optional: { rows: number; missing: number };
}

interface MissingCell {
  measure: Measure;
  dims: PrefilledDims;
  /** Index of the row in ctx.rows, when the return has one (blank); undefined when left out. */
  index?: number;
}

function partsOf(column: string, code: string): string[] {
  const list = CODE_LISTS[column];
  if (!list) return [];
  return code === TOTAL ? rootCodes(list) : childCodes(list, code);
}

function describeDims(dims: PrefilledDims): string {
  const parts = Object.entries(dims).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `${k}=${v}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/**
 * Whether a required cell can come from the SSDA903 extract (or published data): the
 * measure has that source and no dimension value is a code only the LA's records hold
 * (e.g. placement_type unregistered).
 * @throws never
 * @example fromSsda903(findMeasure("cla_31_march")!, { placement_type: "unregistered", age_band: "total" }) // false
 */
export function fromSsda903(measure: Measure, dims: PrefilledDims): boolean {
  if (!measure.sources.includes("ssda903") && !measure.sources.includes("dfe_published")) return false;
  return !Object.entries(dims).some(([column, code]) => {
    const list = CODE_LISTS[column];
    return list !== undefined && code !== undefined && findCode(list, code)?.templateOnly === true;
  });
}

/** Measures that are the weight of a required weighted mean (e.g. placements_costed for weekly_cost_mean). */
const WEIGHTS = new Set(MEASURES.flatMap((m) => (m.required && m.aggregation.kind === "weighted_mean" ? [m.aggregation.weight] : [])));

/**
 * Whether one prefilled cell of a required measure must be filled. Costs are broken down by
 * placement type x sector (over 100 cells), most of which an LA never uses, so: a weight
 * (placements costed) is required by placement type over all sectors (sector = total), and a
 * weighted mean (the mean weekly cost) wherever its own weight cell is positive. Every cell
 * of any other required measure is required.
 * @throws never
 * @example cellRequired(findMeasure("weekly_cost_mean")!, { placement_type: "secure", sector: "private" }, () => 0) // false
 */
export function cellRequired(measure: Measure, dims: PrefilledDims, valueOf: (measure: string, dims: PrefilledDims) => number | null): boolean {
  if (measure.aggregation.kind === "weighted_mean") {
    const weight = valueOf(measure.aggregation.weight, dims);
    return weight !== null && weight > 0;
  }
  if (WEIGHTS.has(measure.id) && "sector" in dims) return dims.sector === TOTAL;
  return true;
}

/** Per LA and period: the required cells with neither a value nor a reason (derivable cells count as given). */
function missingRequired(ctx: ValidationContext): { missing: MissingCell[]; cells: number; required: Map<string, number> } {
  const index = new Map<string, number>();
  const returns = new Map<string, DatasetRow>();
  ctx.rows.forEach((row, i) => {
    const key = rowKey(row);
    if (!index.has(key)) index.set(key, i);
    const ret = `${row.old_la_code || row.new_la_code}|${row.time_period}`;
    if (!returns.has(ret)) returns.set(ret, row);
  });
  const missing: MissingCell[] = [];
  const required = new Map<string, number>();
  let cells = 0;
  for (const first of returns.values()) {
    for (const measure of MEASURES) {
      if (!measure.required) continue;
      const memo = new Map<string, boolean>();
      const given = (dims: PrefilledDims, depth: number): boolean => {
        const key = rowKey({ ...first, measure: measure.id }, dims);
        const known = memo.get(key);
        if (known !== undefined) return known;
        const i = index.get(key);
        let ok = i !== undefined && ctx.rows[i].value_status !== "missing";
        // A row with every part given counts as given, along any one coded dimension.
        if (!ok && depth < 4) {
          for (const d of measure.dimensions) {
            const code = dims[d.column];
            const parts = code === undefined ? [] : partsOf(d.column, code);
            if (parts.length > 0 && parts.every((p) => given({ ...dims, [d.column]: p }, depth + 1))) {
              ok = true;
              break;
            }
          }
        }
        memo.set(key, ok);
        return ok;
      };
      for (const dims of prefillRows(measure)) {
        if (!cellRequired(measure, dims, (id, d) => {
          const i = index.get(rowKey({ ...first, measure: id }, d));
          return i === undefined ? null : ctx.rows[i].value;
        })) continue;
        cells++;
        const kindKey = `${measure.id}|${code(measure, dims)}`;
        required.set(kindKey, (required.get(kindKey) ?? 0) + 1);
        if (given(dims, 0)) continue;
        missing.push({ measure, dims, index: index.get(rowKey({ ...first, measure: measure.id }, dims)) });
      }
    }
  }
  return { missing, cells, required };
}

/**
 * How complete a return is: required cells missing, and blank optional rows.
 * @throws never
 * @example completeness({ file: "r.csv", rows: [], locations: [], today: new Date() }).required.missing // 0
 */
export function completeness(ctx: ValidationContext): Completeness {
  const { missing, cells } = missingRequired(ctx);
  let rows = 0;
  let blank = 0;
  for (const row of ctx.rows) {
    if (findMeasure(row.measure)?.required !== false) continue;
    rows++;
    if (row.value_status === "missing") blank++;
  }
  return { required: { cells, missing: missing.length }, optional: { rows, missing: blank } };
}

function code(measure: Measure, dims: PrefilledDims): "E_REQUIRED_MISSING" | "E_REQUIRED_LA_RECORDS_MISSING" {
  return fromSsda903(measure, dims) ? "E_REQUIRED_MISSING" : "E_REQUIRED_LA_RECORDS_MISSING";
}

const SOURCE_TEXT = {
  E_REQUIRED_MISSING: "it can be filled from the SSDA903 extract",
  E_REQUIRED_LA_RECORDS_MISSING: "it comes from the LA's own records (not SSDA903 or published data)",
} as const;

/**
 * The rule, run by validateFile on every return.
 * @throws never: findings are diagnostics.
 * @example (await validateFile({ name: "r.csv", bytes: new TextEncoder().encode("new_la_code,time_period,measure,value\nE06000001,2025,foster_places_approved,\n") })).diagnostics.map((d) => d.code).includes("E_REQUIRED_LA_RECORDS_MISSING") // true
 */
export const requiredValues: Rule = {
  code: "E_REQUIRED_MISSING",
  severity: "error",
  description: "Required measures (the CMA core) have a value or a missing reason in every template row; blank optional rows are counted.",
  check(ctx) {
    const out: Diagnostic[] = [];
    if (ctx.rows.length === 0) return out;
    const { missing, required } = missingRequired(ctx);
    // One error per measure and kind when all of a measure's cells are missing, else one per cell.
    const byMeasure = new Map<string, MissingCell[]>();
    for (const m of missing) {
      const key = `${m.measure.id}|${code(m.measure, m.dims)}`;
      const list = byMeasure.get(key) ?? [];
      list.push(m);
      byMeasure.set(key, list);
    }
    for (const list of byMeasure.values()) {
      const { measure } = list[0];
      const kind = code(measure, list[0].dims);
      const expected = required.get(`${measure.id}|${kind}`) ?? 0;
      if (list.length === expected && expected > 1) {
        const blanks = list.filter((m) => m.index !== undefined);
        const first = blanks[0];
        const where = first ? pointAt(ctx, first.index!) : { file: ctx.file };
        const last = blanks.length > 1 ? pointAt(ctx, blanks[blanks.length - 1].index!) : undefined;
        const range = first && where.cell && last?.cell && last.sheet === where.sheet ? ` (${where.cell} to ${last.cell})` : "";
        out.push(diagnostic(kind, { measure: measure.id, what: `all ${expected} of its rows${range} are blank or absent`, source: SOURCE_TEXT[kind] }, where));
        continue;
      }
      for (const m of list) {
        const where = m.index === undefined ? { file: ctx.file } : pointAt(ctx, m.index);
        out.push(diagnostic(kind, { measure: measure.id, what: m.index === undefined ? `the return has no row${describeDims(m.dims)}` : `the row${describeDims(m.dims)} is blank`, source: SOURCE_TEXT[kind] }, where));
      }
    }
    // Optional measures: count the blank rows per sheet (or per file for a CSV).
    const bySheet = new Map<string, { missing: number; rows: number }>();
    ctx.rows.forEach((row, i) => {
      if (findMeasure(row.measure)?.required !== false) return;
      const sheet = ctx.locations[i]?.sheet ?? "";
      const entry = bySheet.get(sheet) ?? { missing: 0, rows: 0 };
      entry.rows++;
      if (row.value_status === "missing") entry.missing++;
      bySheet.set(sheet, entry);
    });
    for (const [sheet, { missing: blank, rows }] of bySheet) {
      if (blank === 0) continue;
      out.push(diagnostic("I_VALUES_MISSING", { count: blank, rows, sheet: sheet || "(file)" }, { file: ctx.file, ...(sheet ? { sheet } : {}) }));
    }
    return out;
  },
};

