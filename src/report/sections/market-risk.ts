/**
 * Report section: market concentration, "difficult to replace" providers and a stress test
 * of the largest owning group's exit. Thresholds are printed with their sources
 * (market/concentration.ts HHI_THRESHOLDS; market/providers-at-risk.ts criteria with the
 * Children's Wellbeing and Schools Act 2026 s.16 headings).
 */
import type { ReportSection } from "../../spec/report.ts";
import type { ScopeView } from "../scope-view.ts";
import { multiLineChart } from "../charts/multi-line-chart.ts";
import { fmt, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

export function marketRiskSection(input: ReportInput, _view: ScopeView): ReportSection {
  const section: ReportSection = { id: "market-risk", heading: "Market concentration and providers that would be difficult to replace", paragraphs: [], charts: [], tables: [] };
  const m = input.market;
  if (!m) {
    section.paragraphs.push("No supply data: concentration and risk are not shown.");
    return section;
  }
  const s = m.scope;
  const conc = s.concentration.filter((c) => c.market === "childrens_homes").sort((a, b) => a.year - b.year);
  const latest = conc.at(-1), first = conc[0];
  const t = m.references.hhiThresholds;
  if (latest && first) {
    section.paragraphs.push(
      `At 31 March ${latest.year}, ${fmt(latest.owners)} owning organisations held the ${fmt(latest.places)} children's home places in ${input.scope.name}; the largest, ${latest.largest_owner}, held ${fmt(latest.top1_share, 1)}% and the five largest ${fmt(latest.top5_share, 1)}%. The Herfindahl-Hirschman index (HHI) is ${fmt(latest.hhi)} (${latest.band}), ${latest.year > first.year ? `${(latest.hhi_change_since_first ?? 0) >= 0 ? "up" : "down"} ${fmt(Math.abs(latest.hhi_change_since_first ?? 0))} since ${first.year}` : "the first year with owners recorded"}.`,
      `Reading the HHI: ${t.source} An area is not an antitrust market, so the bands describe rather than judge. Owners are the organisations Ofsted records as owning each home: subsidiaries of one group count separately, so concentration by group is understated${latest.share_not_recorded ? `; ${fmt(latest.share_not_recorded, 1)}% of places have no owner recorded` : ""}.`,
    );
    section.charts.push(chart("concentration", "Concentration of children's home places by owner", `Line chart of the HHI of children's home places in ${input.scope.name} by owning organisation, ${first.year} to ${latest.year}.`,
      multiLineChart(conc.map((c) => ({ year: c.year, series: "HHI", value: c.hhi === null ? null : Math.round(c.hhi), kind: "observed" as const })), { title: "HHI of children's home places", yTitle: "HHI" }),
      {
        id: "concentration", caption: "Concentration of children's home places by owning organisation",
        columns: [{ key: "year", label: "Year (31 March)" }, { key: "places", label: "Places", numeric: true }, { key: "owners", label: "Owners", numeric: true }, { key: "hhi", label: "HHI", numeric: true }, { key: "band", label: "Band" }, { key: "top1", label: "Largest owner (%)", numeric: true, decimals: 1 }, { key: "top5", label: "Five largest (%)", numeric: true, decimals: 1 }, { key: "largest", label: "Largest owner" }],
        rows: conc.map((c) => ({ year: String(c.year), places: c.places, owners: c.owners, hhi: c.hhi === null ? null : Math.round(c.hhi), band: c.band, top1: c.top1_share, top5: c.top5_share, largest: c.largest_owner })),
      }));
  } else section.paragraphs.push("No owner is recorded for children's homes in this area.");
  const risk = s.providersAtRisk;
  if (risk.length) {
    const c = m.references.criteria;
    section.paragraphs.push(
      "The Children's Wellbeing and Schools Act 2026 (section 16, new section 30ZE of the Care Standards Act 2000) puts providers of “strategic significance” under financial oversight by conditions set in regulations, which may relate to the number of homes and agencies a provider runs, their size, their geographical concentration and its share of any market in England; the Act sets no figures. This screen follows those headings with the toolkit's own thresholds, independent (private and voluntary) owners first, LA-run and other public homes after:",
      `share: ${c.share}; specialist: ${c.specialist}; no spare nearby: ${c.no_spare_nearby}; national size: ${c.national_size}.`,
    );
    section.tables.push({
      id: "providers-at-risk", caption: "Owners whose exit would be hardest to replace (ranked by criteria met, then places)",
      columns: [{ key: "rank", label: "Rank", numeric: true }, { key: "owner", label: "Owning organisation" }, { key: "places", label: "Places", numeric: true }, { key: "homes", label: "Homes", numeric: true }, { key: "share", label: "Share of children's home places (%)", numeric: true, decimals: 1 }, { key: "specialist", label: "Specialist places", numeric: true }, { key: "england", label: "England rank", numeric: true }, { key: "criteria", label: "Criteria met" }, { key: "sector", label: "Sector" }],
      rows: risk.slice(0, 10).map((r) => ({ sector: r.sector, rank: r.rank, owner: r.owner, places: r.places, homes: r.homes, share: r.share_of_places, specialist: r.specialist_places, england: r.england_rank || null, criteria: r.criteria.replace(/_/g, " ").replace(/;/g, "; ") || "none" })),
    });
  }
  const stress = s.stress.filter((r) => r.scope_code === input.scope.code);
  const whole = stress.find((r) => r.provision_type === "All provision types") ?? stress.find((r) => r.provision_type === "Children's home");
  if (whole) {
    const occ = m.occupancy;
    section.paragraphs.push(`Stress test: if ${whole.owner} left, ${input.scope.name} would lose ${fmt(whole.places_lost)} places in ${fmt(whole.homes_lost)} homes and schools.${whole.children_affected !== null ? ` About ${fmt(whole.children_affected)} children looked after would need a new home (places x England's use rate of ${fmt(100 * (occ?.rate ?? 0))}%); other owners' spare places are about ${fmt(whole.spare_places_footprint)} in ${input.scope.name} and ${fmt(whole.spare_places_region)} in the region, so about ${fmt(whole.children_placed_further)} would be placed outside ${input.scope.name}${(whole.children_placed_outside_region ?? 0) > 0 ? ` and ${fmt(whole.children_placed_outside_region)} outside the region` : ""}, changing weekly placement costs by ${whole.weekly_cost_change === null ? "an amount not known (no unit cost for the area)" : `about ${whole.weekly_cost_change < -0.5 ? "−" : whole.weekly_cost_change > 0.5 ? "+" : ""}£${fmt(Math.abs(whole.weekly_cost_change))}`} (their new area's S251 residential unit cost instead of this area's).` : ""}`);
    section.tables.push({
      id: "stress", caption: `Stress test: ${whole.owner} leaves`,
      columns: [{ key: "area", label: "Area" }, { key: "type", label: "Provision type" }, { key: "places", label: "Places lost", numeric: true }, { key: "homes", label: "Homes lost", numeric: true }, { key: "children", label: "Children affected", numeric: true }, { key: "spare", label: "Spare places in area", numeric: true }, { key: "spareRegion", label: "Spare places in region", numeric: true }, { key: "further", label: "Placed further away", numeric: true }, { key: "cost", label: "Weekly cost change (£)", numeric: true }],
      rows: s.stress.map((r) => ({ area: r.area_name, type: r.provision_type, places: r.places_lost, homes: r.homes_lost, children: r.children_affected === null ? null : Math.round(r.children_affected), spare: r.spare_places_footprint === null ? null : Math.round(r.spare_places_footprint), spareRegion: r.spare_places_region === null ? null : Math.round(r.spare_places_region), further: r.children_placed_further === null ? null : Math.round(r.children_placed_further), cost: r.weekly_cost_change === null ? null : Math.round(r.weekly_cost_change) })),
      notes: occ ? [`Use rate: ${occ.basis}. Spare places are registered places not used by children looked after by English LAs: an upper bound on places that could really be used.`] : [],
    });
  }
  return section;
}
