/**
 * A short human summary of an aggregate run, for the command line: rows by status, the
 * headline count of children looked after with its rate, disclosure control, how the
 * computed regional/national figures compare with the published ones, and diagnostics.
 */
import type { AggregateResult } from "./types.ts";

function isTotal(dims: Record<string, string | undefined>): boolean {
  return Object.values(dims).every((v) => v === undefined || v === "" || v === "total");
}

/**
 * The summary text (ends with a newline).
 * @throws never.
 * @example aggregateSummary({ rows: [], diagnostics: [], notes: [], comparison: [] }, "out.csv").startsWith("0 aggregate rows") // true
 */
export function aggregateSummary(result: AggregateResult, out: string): string {
  const byStatus = new Map<string, number>();
  for (const row of result.rows) byStatus.set(row.value_status, (byStatus.get(row.value_status) ?? 0) + 1);
  const lines = [`${result.rows.length} aggregate rows -> ${out} (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(", ") || "none"})`];
  const headline = result.rows.filter((r) => r.measure === "cla_31_march" && isTotal(r.dims));
  const latest = headline.reduce((m, r) => (r.time_period > m ? r.time_period : m), "");
  if (latest) {
    lines.push(`children looked after at 31 March ${latest}:`);
    for (const r of headline.filter((x) => x.time_period === latest)) {
      const value = r.value === null ? r.value_status : r.value.toLocaleString("en-GB");
      const rate = r.rate_per_10000 === null ? "" : `, ${r.rate_per_10000} per 10,000`;
      const cover = r.members_present === r.members_expected ? "" : ` [${r.members_present} of ${r.members_expected} LAs: ${r.note}]`;
      lines.push(`  ${r.footprint_name.padEnd(28)} ${value}${rate}${cover}`);
    }
  }
  if (result.disclosure) {
    const d = result.disclosure;
    lines.push(`disclosure control (k = ${d.k}${d.crossGeography ? ", with LA cross-check" : ""}): ${d.tables} tables, ${d.primary} small counts suppressed, ${d.secondary} secondary, ${d.residual} residual`);
  }
  if (result.comparison.length > 0) {
    const compared = result.comparison.filter((c) => c.difference !== null);
    const complete = compared.filter((c) => c.computed_status === "ok");
    const differ = complete.filter((c) => c.difference !== 0);
    const worst = differ.reduce<(typeof differ)[number] | undefined>((w, c) => (!w || Math.abs(c.difference!) > Math.abs(w.difference!) ? c : w), undefined);
    lines.push(`compared with published figures: ${compared.length} cells; ${complete.length} complete (every LA present): ${complete.length - differ.length} equal, ${differ.length} differ (DfE rounds regional/national figures); ${compared.length - complete.length} lower bounds (some LA figures suppressed or missing)`);
    const headlineDiffs = result.comparison.filter((c) => c.measure === "cla_31_march" && c.time_period === latest && /placement_type=total age_band=total|^$/.test(c.dims));
    for (const c of headlineDiffs) lines.push(`  ${c.footprint_name} ${c.time_period}: computed ${c.computed ?? c.computed_status}${c.computed_status === "ok" ? "" : ` (${c.computed_status})`}, published ${c.published ?? c.published_status}, difference ${c.difference ?? "n/a"}`);
    if (worst) lines.push(`  largest difference among complete cells: ${worst.footprint_name} ${worst.time_period} ${worst.measure} ${worst.dims}: computed ${worst.computed}, published ${worst.published}`);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of result.diagnostics) counts[d.severity]++;
  lines.push(`diagnostics: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`);
  for (const d of result.diagnostics.filter((x) => x.severity !== "info").slice(0, 8)) {
    lines.push(`  ${d.code}${d.file ? ` ${d.file}` : ""}${d.row ? `:${d.row}` : ""} ${d.message}`);
  }
  return lines.join("\n") + "\n";
}
