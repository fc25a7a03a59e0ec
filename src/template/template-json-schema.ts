/**
 * JSON Schema (draft 2020-12) for one row of a long return (a long CSV row read as
 * JSON, or a DatasetRow with its dims spread into columns), generated from TEMPLATE:
 * measure ids, code lists as enums, per measure which dimension columns it uses, and for
 * the required measures (the CMA core) that a row carries a value or a missing reason.
 */
import { CODE_LISTS, TOTAL } from "../reference/code-lists.ts";
import { allCodes } from "../reference/code-tree.ts";
import { DATASET_COLUMNS, DIMENSION_COLUMNS, GEOGRAPHY_COLUMNS } from "../spec/dataset.ts";
import { MEASURES, TEMPLATE_VERSION } from "./measures.ts";
import { MISSING_REASONS } from "./missing-reasons.ts";

type Schema = Record<string, unknown>;

const VALUE_STATUSES = ["ok", ...MISSING_REASONS.map((r) => r.code), "rounds_to_zero", "low_reliability", "missing", "estimated"];

function dimensionSchema(column: string): Schema {
  const list = CODE_LISTS[column];
  if (!list) return { type: "string", description: "Free text (empty when the measure has no such dimension)." };
  return { type: "string", enum: ["", TOTAL, ...allCodes(list)], description: `${list.label}; "total" for the total, "" when the measure has no such dimension.` };
}

/**
 * The JSON Schema of a long return row.
 * Reference: https://json-schema.org/draft/2020-12/schema; DOMAIN.md section 5.
 * @throws never
 * @example (templateJsonSchema().properties as Record<string, unknown>).measure !== undefined // true
 */
export function templateJsonSchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const c of GEOGRAPHY_COLUMNS) properties[c] = { type: "string" };
  properties.time_period = { type: "string", pattern: "^[0-9]{4}$", description: "Year ending 31 March, e.g. 2025." };
  properties.time_identifier = { type: "string", enum: ["Reporting year", "Financial year", "Calendar year", "September", ""] };
  properties.geographic_level = { type: "string", enum: ["Local authority", "Regional", "National", "Footprint"] };
  properties.old_la_code = { type: "string", pattern: "^([0-9]{3})?$" };
  properties.new_la_code = { type: "string", pattern: "^(E(06|07|08|09|10)[0-9]{6})?$" };
  properties.measure = { type: "string", enum: MEASURES.map((m) => m.id) };
  for (const c of DIMENSION_COLUMNS) properties[c] = dimensionSchema(c);
  properties.value = { type: ["number", "null"], description: "Empty/null when missing: never 0 for an unknown figure." };
  properties.value_status = { type: "string", enum: VALUE_STATUSES };
  properties.source = { type: "string", description: "Optional: where the figure came from (e.g. ssda903 when pre-filled from the SSDA903 extract). The dataset records the kind of input each value was read from." };
  const perMeasure = MEASURES.map((m) => {
    const own = new Set(m.dimensions.map((d) => d.column as string));
    const then: Record<string, Schema> = {};
    for (const c of DIMENSION_COLUMNS) {
      if (!own.has(c)) then[c] = { const: "" };
      else if (CODE_LISTS[c]) then[c] = { type: "string", minLength: 1 };
    }
    const integer = m.rules.some((r) => r.kind === "non_negative_integer" || r.kind === "integer");
    const nonNegative = m.rules.some((r) => r.kind === "non_negative_integer" || r.kind === "non_negative");
    then.value = { type: [integer ? "integer" : "number", "null"], ...(nonNegative ? { minimum: 0 } : {}) };
    const rule: Schema = { description: `${m.id}: ${m.required ? "required" : "optional"}`, properties: then };
    // A required measure's row has a value, or says why not (a missing_reason other than a plain blank).
    if (m.required) rule.anyOf = [{ properties: { value: { type: "number" } }, required: ["value"] }, { properties: { value_status: { enum: VALUE_STATUSES.filter((s) => s !== "ok" && s !== "missing") } }, required: ["value_status"] }];
    return { if: { properties: { measure: { const: m.id } }, required: ["measure"] }, then: rule };
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://sufficiency-toolkit.example/schema/return-row-${TEMPLATE_VERSION}.json`,
    title: `National placement sufficiency return: one long row (template ${TEMPLATE_VERSION})`,
    description: "One row per (LA, period, measure, dimension values). Columns follow DATASET_COLUMNS (EES order).",
    type: "object",
    properties,
    required: ["time_period", "measure", "value"],
    anyOf: [{ required: ["new_la_code"] }, { required: ["old_la_code"] }],
    allOf: perMeasure,
    "x-columns": [...DATASET_COLUMNS],
    "x-required-measures": MEASURES.filter((m) => m.required).map((m) => m.id),
  };
}
