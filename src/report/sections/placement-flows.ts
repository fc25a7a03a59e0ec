/**
 * Report section: where children live versus where places are. The area's own children,
 * the children living in it (own plus net gain), the children it places outside and other
 * areas place in it (exact for one LA, bounds for a group of LAs: moves between members are
 * not published), and the share of children living in it who are its own. This is why
 * places per child alone misleads: an area's places also house other areas' children, and
 * its own children live in other areas' places.
 */
import type { ReportSection } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { fmt } from "../section-helpers.ts";
import { protectCounts } from "../small-counts.ts";
import type { ReportInput } from "../report-input.ts";

function range(low: number | null, high: number | null, decimals = 0, scale = 1): string {
  if (low === null && high === null) return "not published";
  if (low !== null && high !== null && Math.round(low * scale * 10 ** decimals) === Math.round(high * scale * 10 ** decimals)) return fmt(low * scale, decimals);
  return `between ${low === null ? "?" : fmt(low * scale, decimals)} and ${high === null ? "?" : fmt(high * scale, decimals)}`;
}

export function placementFlowsSection(input: ReportInput, _view: ScopeView): ReportSection {
  const section: ReportSection = { id: "placement-flows", heading: "Where children live and where places are", paragraphs: [], charts: [], tables: [] };
  const flows = input.market?.scope.flows ?? [];
  const complete = flows.filter((f) => f.children_living_in_area !== null).sort((a, b) => a.year - b.year);
  const latest = complete.at(-1);
  if (!latest) {
    section.paragraphs.push(input.scope.kind === "england" ? "Placements outside England are not published, so England has no import or export figure." : "The dataset has no published net gain or LA-of-placement figures for this area.");
    return section;
  }
  const [own, living, net] = protectCounts([latest.own_children, latest.children_living_in_area, latest.net_gain === null ? null : Math.abs(latest.net_gain)]);
  section.paragraphs.push(
    `At 31 March ${latest.year}, ${input.scope.kind === "la" ? input.scope.name : `the LAs of ${input.scope.name}`} looked after ${own} children, and ${living} children looked after by English LAs lived in ${input.scope.name} (a net ${latest.net_gain !== null && latest.net_gain < 0 ? "loss" : "gain"} of ${net}).`,
  );
  if (latest.exports_high !== null) {
    section.paragraphs.push(`${input.scope.name} placed ${range(latest.exports_low, latest.exports_high)} of its own children outside it, and other areas placed ${range(latest.imports_low, latest.imports_high)} children in it: ${range(latest.share_own_low, latest.share_own_high, 0, 100)}% of the children living in ${input.scope.name} were its own. ${latest.basis}`);
    section.paragraphs.push("So places per child alone misleads: the places located in an area also house other areas' children, and its own children live in places elsewhere. The gap below compares the area's own children with the places located in it; read it with these flows.");
  } else section.paragraphs.push(latest.basis);
  section.tables.push({
    id: "placement-flows", caption: "Own children, children living in the area, and placements across its boundary",
    columns: [
      { key: "year", label: "Year (31 March)" }, { key: "own", label: "Own children", numeric: true }, { key: "living", label: "Children living in the area", numeric: true },
      { key: "net", label: "Net gain", numeric: true }, { key: "exports", label: "Own children placed outside" }, { key: "imports", label: "Placed in by other areas" }, { key: "share", label: "Share of children living here who are its own (%)" },
    ],
    rows: complete.map((f) => {
      const [o, l] = protectCounts([f.own_children, f.children_living_in_area]);
      return { year: String(f.year), own: o, living: l, net: f.net_gain, exports: range(f.exports_low, f.exports_high), imports: range(f.imports_low, f.imports_high), share: range(f.share_own_low, f.share_own_high, 0, 100) };
    }),
    notes: ["DfE: children looked after at 31 March by LA of placement and net gain (2011-2022), placed outside the LA boundary, locality of placement. For a group of LAs only the net gain is exact; exports and imports are bounds."],
  });
  return section;
}
