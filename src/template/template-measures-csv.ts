/**
 * The data dictionary of the long CSV return: one row per measure with its section and
 * sheet, label, unit, how it aggregates, its dimension columns, whether it is required
 * (the CMA core) or optional, where its figures usually come from, and its definition.
 * Written beside the CSV header by `suff template --format csv`.
 */
import { toCsv } from "../util/to-csv.ts";
import { MEASURES, SECTIONS } from "./measures.ts";

export const MEASURE_DICTIONARY_COLUMNS = ["measure", "section", "sheet", "label", "unit", "aggregation", "weight", "dimensions", "required", "sources", "description"] as const;

/**
 * The measure dictionary as CSV text.
 * Reference: DOMAIN.md section 5 (every measure has an id, label, unit, aggregation, dimensions and rules).
 * @throws never
 * @example templateMeasuresCsv().split("\n")[1].startsWith("population_0_17,context,Context") // true
 */
export function templateMeasuresCsv(): string {
  return toCsv(MEASURE_DICTIONARY_COLUMNS, MEASURES.map((m) => ({
    measure: m.id,
    section: m.section,
    sheet: SECTIONS.find((s) => s.id === m.section)?.sheet ?? "",
    label: m.label,
    unit: m.unit,
    aggregation: m.aggregation.kind,
    weight: m.aggregation.kind === "weighted_mean" ? m.aggregation.weight : "",
    dimensions: m.dimensions.map((d) => d.column).join(" "),
    required: m.required ? "required" : "optional",
    sources: m.sources.join(" "),
    description: m.description,
  })));
}
