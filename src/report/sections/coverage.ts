/**
 * Report section 7: data coverage and quality (which members supplied each figure).
 */
import type { ReportSection } from "../../spec/report.ts";
import type { ReportInput } from "../report-input.ts";

export function coverageSection(input: ReportInput): ReportSection {
  const rows = input.coverage.map((c) => ({ year: String(c.year), measure: c.measure, expected: c.expected, present: c.present, missing: c.missing.join(", ") || "none", suppressed: c.suppressed.join(", ") || "none" }));
  const latest = input.coverage.filter((c) => c.year === input.year);
  const paragraphs = [
    input.scope.kind === "la"
      ? `This report covers one local authority, ${input.scope.name}.`
      : `This report covers ${input.members.length} local authorities: ${input.members.join(", ")}.`,
  ];
  for (const c of latest) {
    paragraphs.push(`${c.measure} ${c.year}: ${c.present} of ${c.expected} members have a published figure${c.suppressed.length ? `; suppressed for ${c.suppressed.join(", ")}` : ""}${c.missing.length ? `; missing for ${c.missing.join(", ")}` : ""}. Aggregates over members with a missing or suppressed figure are lower bounds, never treated as zero.`);
  }
  return {
    id: "coverage",
    heading: "Data coverage and quality",
    paragraphs,
    charts: [],
    tables: rows.length ? [{ id: "coverage", caption: "Members with data, by year and measure", columns: [{ key: "year", label: "Year" }, { key: "measure", label: "Measure" }, { key: "expected", label: "Members expected", numeric: true }, { key: "present", label: "Members present", numeric: true }, { key: "missing", label: "Missing" }, { key: "suppressed", label: "Suppressed" }], rows }] : [],
  };
}
