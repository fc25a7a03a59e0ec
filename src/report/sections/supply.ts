/**
 * Report section 5: supply (Ofsted-registered children's home places, owners, concentration) and the demand-supply gap,
 * from the dataset's Ofsted register rows (ReportInput.supply, built by supplyPanel).
 */
import type { ReportSection } from "../../spec/report.ts";
import { OWNER_NOT_RECORDED, PROVISION_TYPE, SECTOR, TOTAL } from "../../reference/code-lists.ts";
import { findCode } from "../../reference/code-tree.ts";
import { concentration } from "../../market/concentration.ts";
import { demandSupplyGap } from "../../market/gap.ts";
import type { ScopeView } from "../scope-view.ts";
import { stackedBarChart } from "../charts/stacked-bar-chart.ts";
import { fmt, pct, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

const CHILDRENS_HOME_TYPES = new Set(["childrens_home", "secure_childrens_home", "residential_special_school_ch"]);

export function supplySection(input: ReportInput, view: ScopeView): ReportSection {
  const { year, rows } = input.supply;
  const homes = rows.filter((r) => CHILDRENS_HOME_TYPES.has(r.provisionType));
  const totals = homes.filter((r) => r.owner === TOTAL && r.sector === TOTAL);
  const section: ReportSection = { id: "supply", heading: "Supply: registered children's home places", paragraphs: [], charts: [], tables: [] };
  const providers = totals.reduce((a, r) => a + r.providers, 0);
  if (year === null || providers === 0) {
    section.paragraphs.push(year === null ? "The dataset has no Ofsted register rows (ingest the Ofsted provider lists to add them)." : "No Ofsted-registered children's homes were found in this scope.");
    return section;
  }
  const places = totals.reduce((a, r) => a + (r.places ?? 0), 0);
  const bySector = new Map<string, Map<string, number>>();
  for (const r of homes.filter((x) => x.owner === TOTAL && x.sector !== TOTAL)) {
    const type = findCode(PROVISION_TYPE, r.provisionType)?.label ?? r.provisionType;
    const sector = findCode(SECTOR, r.sector)?.label ?? r.sector;
    const m = bySector.get(type) ?? new Map<string, number>();
    m.set(sector, (m.get(sector) ?? 0) + (r.places ?? 0));
    bySector.set(type, m);
  }
  const stacked = [...bySector.entries()].flatMap(([category, m]) => [...m.entries()].map(([part, value]) => ({ category, part, value })));
  const leaves = homes.filter((r) => r.owner !== TOTAL);
  const c = concentration(leaves.map((r) => ({ owner: r.owner === OWNER_NOT_RECORDED ? "(owner not recorded)" : r.owner, places: r.places ?? 0 })), 5);
  const privatePlaces = homes.filter((r) => r.owner === TOTAL && r.sector === "private").reduce((a, r) => a + (r.places ?? 0), 0);
  const rebuilt = totals.reduce((a, r) => a + (r.providersRebuilt ?? 0), 0);
  section.paragraphs.push(
    `At 31 March ${year}, ${fmt(providers)} Ofsted-registered children's homes in ${input.scope.name} offered ${fmt(places)} places; ${fmt(pct(privatePlaces, places))}% were in the private sector.`,
    `The five largest owning organisations held ${fmt(c.topShare)}% of places; the Herfindahl-Hirschman index is ${fmt(c.hhi)} (above 1,500 is concentrated, above 2,000 highly concentrated).`,
    ...(input.supply.rebuilt ? [`Ofsted's list for ${year} names inspected providers only: ${fmt(rebuilt)} of these homes were rebuilt from registration dates in later lists and the joiners and leavers sheets.`] : []),
  );
  section.charts.push(chart("supply", "Children's home places by type and sector", `Stacked bar chart of ${fmt(places)} registered children's home places in ${input.scope.name} by provision type and provider sector.`,
    stackedBarChart(stacked, { title: "Registered children's home places by sector", xTitle: "Places", partTitle: "Sector" }),
    { id: "supply", caption: "Registered children's home places by provision type and sector", columns: [{ key: "category", label: "Provision type" }, { key: "part", label: "Sector" }, { key: "value", label: "Places", numeric: true }], rows: stacked }));
  section.tables.push({
    id: "owners",
    caption: "Largest owning organisations by children's home places",
    columns: [{ key: "owner", label: "Owning organisation" }, { key: "places", label: "Places", numeric: true }, { key: "share", label: "Share of places (%)", numeric: true, decimals: 1 }],
    rows: c.top.map((o) => ({ owner: o.owner, places: o.places, share: o.share })),
  });
  const homesNow = view.get("cla_31_march", { placement_type: "secure_and_childrens_homes", age_band: "total" }, input.year).value;
  const forecast = input.forecast?.byPlacement.secure_and_childrens_homes;
  const gapRows = demandSupplyGap([
    ...(homesNow !== null ? [{ year: input.year, mean: homesNow }] : []),
    ...(forecast ?? []).map((p) => ({ year: p.year, mean: p.mean, lower: p.lo95, upper: p.hi95 })),
  ], places);
  if (gapRows.length) {
    section.paragraphs.push(`There were ${fmt(gapRows[0].placesPerChild, 2)} registered places in the scope for each child living in a secure or children's home at 31 March ${gapRows[0].year}. Places are open to children from any LA, so this compares local capacity with local demand.`);
    section.tables.push({
      id: "gap",
      caption: "Children in secure and children's homes (observed, then forecast) against registered places in the scope",
      columns: [{ key: "year", label: "Year ending 31 March" }, { key: "demand", label: "Children (forecast mean)", numeric: true }, { key: "lo", label: "95% lower", numeric: true }, { key: "hi", label: "95% upper", numeric: true }, { key: "places", label: "Registered places", numeric: true }, { key: "gap", label: "Children minus places", numeric: true }],
      rows: gapRows.map((g) => ({ year: String(g.year), demand: Math.round(g.demandMean), lo: g.demandLower === null ? null : Math.round(g.demandLower), hi: g.demandUpper === null ? null : Math.round(g.demandUpper), places: g.places, gap: Math.round(g.gap) })),
      notes: [`Places are those registered at 31 March ${year}, held flat: the published data do not include a pipeline of new homes.`],
    });
  }
  return section;
}
