/**
 * Which rows the blank template prefills for each measure: every combination of
 * dimension codes a return is expected to carry. Coded dimensions get the total, the
 * published groups (roots of the code tree) and, for the first dimension, the fine
 * template codes of groups with more than one member; measures with a free-text
 * dimension (provider_id, owning_group, opening_year) get empty rows to fill in (the
 * sheet is protected, so the rows a user may type into must exist beforehand).
 */
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { childCodes, findCode, rootCodes } from "../reference/code-tree.ts";
import type { DimensionColumn } from "../spec/dataset.ts";
import { DIMENSION_COLUMNS } from "../spec/dataset.ts";
import type { Measure, SectionId } from "../spec/template.ts";
import { MEASURES } from "./measures.ts";

/** Empty rows offered for a measure with a free-text dimension: one per provider used (large LAs use 50+), or a few planned openings. */
export const FREE_TEXT_ROWS = { providers: 80, other: 12 } as const;

/**
 * How many empty rows a free-text measure gets.
 * @throws never
 * @example freeTextRows(findMeasure("provider_children_placed")!) // 80
 */
export function freeTextRows(measure: Measure): number {
  return measure.section === "providers" ? FREE_TEXT_ROWS.providers : FREE_TEXT_ROWS.other;
}

/** Dimension values of one prefilled row; an empty object for a measure without dimensions. */
export type PrefilledDims = Partial<Record<DimensionColumn, string>>;

/** Lists whose fine codes are not offered in the template (published groups are enough). */
const GROUPS_ONLY: ReadonlySet<string> = new Set(["age_band", "reason_ceased"]);

function codesFor(column: DimensionColumn, detailed: boolean, derived: boolean): string[] {
  const list = CODE_LISTS[column];
  if (!list) return [];
  const out = [TOTAL];
  for (const root of rootCodes(list)) {
    out.push(root);
    // Codes only derived data carries (derivedOnly) are not asked for.
    const children = childCodes(list, root).filter((c) => derived || !findCode(list, c)?.derivedOnly);
    if (detailed && !GROUPS_ONLY.has(column) && children.length > 1) out.push(...children);
    if (detailed && !GROUPS_ONLY.has(column) && children.length === 1) out[out.length - 1] = children[0];
  }
  return out;
}

/**
 * True when the measure has a dimension a user types in (no code list).
 * @throws never
 * @example hasFreeTextDimension(findMeasure("provider_annual_spend")!) // true
 */
export function hasFreeTextDimension(measure: Measure): boolean {
  return measure.dimensions.some((d) => !CODE_LISTS[d.column]);
}

/**
 * The prefilled dimension combinations of a measure, in template order. Free-text
 * measures get FREE_TEXT_ROWS empty combinations. Codes only derived data carries
 * (derivedOnly, e.g. placement type "unknown") are left out unless `derivedCodes` (a
 * template pre-filled from derived data, which may hold them).
 * @throws never
 * @example prefillRows(findMeasure("cla_31_march_uasc")!).map((r) => r.age_band) // ["total", "under_1", "1_to_4", "5_to_9", "10_to_15", "16_plus"]
 */
export function prefillRows(measure: Measure, options: { derivedCodes?: boolean } = {}): PrefilledDims[] {
  if (hasFreeTextDimension(measure)) return Array.from({ length: freeTextRows(measure) }, () => ({}));
  let combos: PrefilledDims[] = [{}];
  measure.dimensions.forEach((d, i) => {
    const codes = codesFor(d.column, i === 0 || measure.dimensions.length === 1, options.derivedCodes === true);
    combos = combos.flatMap((c) => codes.map((code) => ({ ...c, [d.column]: code })));
  });
  return combos;
}

/**
 * The dimension columns used by a section's measures, in dataset order.
 * @throws never
 * @example sectionDimensions("location") // ["placement_type", "locality", "distance"]
 */
export function sectionDimensions(section: SectionId): DimensionColumn[] {
  const used = new Set(MEASURES.filter((m) => m.section === section).flatMap((m) => m.dimensions.map((d) => d.column)));
  return DIMENSION_COLUMNS.filter((c) => used.has(c));
}

/**
 * The header of a section sheet: measure, label, the section's dimensions, value, missing_reason.
 * @throws never
 * @example sectionColumns("context") // ["measure", "label", "value", "missing_reason"]
 */
export function sectionColumns(section: SectionId): string[] {
  return ["measure", "label", ...sectionDimensions(section), "value", "missing_reason"];
}
