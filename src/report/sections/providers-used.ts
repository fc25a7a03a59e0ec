/**
 * Report section: the providers the LAs used, from the returns' Providers sheet: children
 * placed with each provider at 31 March and the year's spend with it, by owning group,
 * sector and placement type; and the share of the children placed held by each owning
 * group (concentration, as the CMA asked, from what the LAs actually buy rather than what
 * is registered nearby). Counts of children below the small-count threshold are
 * suppressed (c); shares are computed from the figures shown only, so they reveal nothing.
 */
import type { ReportSection } from "../../spec/report.ts";
import { hhi } from "../../stats/hhi.ts";
import type { ScopeView } from "../scope-view.ts";
import type { ReportInput } from "../report-input.ts";
import { cell, fmt } from "../section-helpers.ts";
import { codeLabel, returnsYear, shownRows, suppliedSentence } from "../returns-helpers.ts";

export const PROVIDER_MEASURES = ["provider_children_placed", "provider_annual_spend"];

/** Providers listed in the table (the rest are summarised in a note). */
const TOP = 25;

function providerKey(dims: Record<string, string | undefined>): string {
  return ["provider_id", "owning_group", "sector", "placement_type"].map((c) => dims[c] ?? "").join("|");
}

/**
 * The section, or null when no member supplied any provider.
 * @throws never
 * @example providersUsedSection(input, view)?.id // "providers-used"
 */
export function providersUsedSection(input: ReportInput, view: ScopeView): ReportSection | null {
  const year = returnsYear(input, PROVIDER_MEASURES);
  if (year === null) return null;
  const section: ReportSection = { id: "providers-used", heading: "Providers used (from returns)", paragraphs: [suppliedSentence(input, PROVIDER_MEASURES, year)], charts: [], tables: [] };
  const children = shownRows(view, "provider_children_placed", year);
  const spend = new Map(shownRows(view, "provider_annual_spend", year).map((r) => [providerKey(r.dims), r]));
  const keys = [...new Set([...children.map((r) => providerKey(r.dims)), ...spend.keys()])];
  const byKey = new Map(children.map((r) => [providerKey(r.dims), r]));
  const lines = keys.map((k) => {
    const c = byKey.get(k);
    const s = spend.get(k);
    const dims = (c ?? s)!.dims;
    return { dims, children: c ? { value: c.value, status: c.value_status } : { value: null, status: "absent" as const }, spend: s ? { value: s.value, status: s.value_status } : { value: null, status: "absent" as const } };
  }).sort((a, b) => (b.children.value ?? -1) - (a.children.value ?? -1) || (b.spend.value ?? -1) - (a.spend.value ?? -1) || (a.dims.provider_id ?? "").localeCompare(b.dims.provider_id ?? ""));
  if (!lines.length) return section;
  section.tables.push({
    id: "providers-used",
    caption: `Providers used at 31 March ${year}: children placed and the year's spend${lines.length > TOP ? ` (the ${TOP} with most children placed)` : ""}`,
    columns: [
      { key: "provider", label: "Provider (Ofsted URN or name)" },
      { key: "owner", label: "Owning group" },
      { key: "sector", label: "Sector" },
      { key: "type", label: "Placement type" },
      { key: "children", label: "Children placed", numeric: true },
      { key: "spend", label: "Annual spend (GBP)", numeric: true },
    ],
    rows: lines.slice(0, TOP).map((l) => ({
      provider: l.dims.provider_id || "not given",
      owner: l.dims.owning_group || "not given",
      sector: codeLabel("sector", l.dims.sector),
      type: codeLabel("placement_type", l.dims.placement_type),
      children: l.children.status === "absent" ? "x" : cell(l.children),
      spend: l.spend.value === null ? (l.spend.status === "suppressed" ? "c" : "x") : Math.round(l.spend.value),
    })),
    notes: lines.length > TOP ? [`${lines.length - TOP} more provider rows are in the dataset.`] : undefined,
  });
  // Owning groups' shares of the children placed, from the figures shown (suppressed cells left out).
  const groups = new Map<string, number>();
  let shown = 0;
  let hidden = 0;
  let lowerBound = false;
  for (const l of lines) {
    if (l.children.value === null) {
      if (l.children.status !== "absent") hidden++;
      continue;
    }
    if (l.children.status === "estimated") lowerBound = true;
    const owner = l.dims.owning_group || l.dims.provider_id || "not given";
    groups.set(owner, (groups.get(owner) ?? 0) + l.children.value);
    shown += l.children.value;
  }
  if (shown > 0 && groups.size > 1) {
    const ranked = [...groups.entries()].sort((a, b) => b[1] - a[1]);
    const concentration = hhi(ranked.map(([, n]) => n));
    section.paragraphs.push(`Of the ${lowerBound ? "at least " : ""}${fmt(shown)} children placed with the providers shown, the largest owning group (${ranked[0][0]}) had ${fmt((100 * ranked[0][1]) / shown, 1)}%; the Herfindahl-Hirschman index over owning groups is ${fmt(concentration)}${hidden ? ` (${hidden} suppressed provider rows left out)` : ""}.`);
    section.tables.push({
      id: "owning-groups",
      caption: `Children placed by owning group, 31 March ${year} (providers with a published count)`,
      columns: [{ key: "owner", label: "Owning group" }, { key: "children", label: "Children placed", numeric: true }, { key: "share", label: "Share (%)", numeric: true, decimals: 1 }],
      rows: ranked.slice(0, TOP).map(([owner, n]) => ({ owner, children: lowerBound ? `≥ ${fmt(n)}` : n, share: Math.round((1000 * n) / shown) / 10 })),
      notes: lowerBound ? ["Counts over members some of which gave no figure are lower bounds (≥); shares are of the children counted."] : undefined,
    });
  }
  return section;
}
