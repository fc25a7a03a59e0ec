/**
 * Compare computed regional or national aggregates with the published Regional/National
 * rows of the same dataset (same period, measure and dimension values). Differences are
 * expected where DfE rounds national and regional figures (to the nearest 10) or where LA
 * figures are suppressed; the comparison makes them visible rather than hiding them.
 */
import type { DatasetRow, GeographicLevel } from "../spec/dataset.ts";
import { dimensionKey } from "./dimension-key.ts";
import type { AggregateRow, PublishedComparison } from "./types.ts";

/**
 * One comparison row per computed aggregate that has a published counterpart.
 * @throws never.
 * @example comparePublished([], [], "National") // []
 */
export function comparePublished(aggregates: readonly AggregateRow[], dataset: readonly DatasetRow[], level: Extract<GeographicLevel, "Regional" | "National">): PublishedComparison[] {
  const published = new Map<string, DatasetRow>();
  for (const row of dataset) {
    if (row.geographic_level !== level) continue;
    const geo = level === "National" ? row.country_code : row.region_code;
    const key = `${geo}|${row.time_period}|${row.measure}|${dimensionKey(row.dims)}`;
    if (!published.has(key)) published.set(key, row);
  }
  const out: PublishedComparison[] = [];
  for (const agg of aggregates) {
    const pub = published.get(`${agg.footprint_code}|${agg.time_period}|${agg.measure}|${dimensionKey(agg.dims)}`);
    if (!pub) continue;
    out.push({
      footprint_code: agg.footprint_code,
      footprint_name: agg.footprint_name,
      time_period: agg.time_period,
      measure: agg.measure,
      dims: Object.entries(agg.dims).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `${k}=${v}`).join(" "),
      computed: agg.value,
      computed_status: agg.value_status,
      published: pub.value,
      published_status: pub.value_status,
      difference: agg.value !== null && pub.value !== null ? Math.round((agg.value - pub.value) * 1e6) / 1e6 : null,
    });
  }
  return out;
}
