/**
 * Report section: supply over time and projected. Ofsted-registered places located in the
 * area by type since the first register year with places, the projection 1 to H years
 * ahead with intervals, places by type and sector today, and how well the projection did
 * in its backtest on the Ofsted history. Every figure comes from the market analysis.
 */
import type { ReportChart, ReportSection, ReportTable } from "../../spec/report.ts";
import { PROVISION_TYPE, SECTOR } from "../../reference/code-lists.ts";
import { findCode } from "../../reference/code-tree.ts";
import { CHILDRENS_HOME_PROVISION } from "../../market/market-types.ts";
import type { ScopeView } from "../scope-view.ts";
import { multiLineChart, type MultiLineRow } from "../charts/multi-line-chart.ts";
import { fmt, pct, chart } from "../section-helpers.ts";
import type { ReportInput } from "../report-input.ts";

/** Lines of the supply chart: provision groups with places. */
const GROUPS: Array<{ label: string; types: readonly string[] }> = [
  { label: "Children's homes (incl. secure)", types: CHILDRENS_HOME_PROVISION },
  { label: "Secure children's homes", types: ["secure_childrens_home"] },
  { label: "Residential special schools", types: ["residential_special_school"] },
  { label: "Supported accommodation", types: ["supported_accommodation"] },
];

export function supplySection(input: ReportInput, _view: ScopeView): ReportSection {
  const section: ReportSection = { id: "supply", heading: "Supply: registered places over time and projected", paragraphs: [], charts: [], tables: [] };
  const m = input.market;
  if (!m) {
    section.paragraphs.push("The dataset has no Ofsted register (registered places and providers), so supply is not shown. Ingest the published data with the Ofsted provider lists.");
    return section;
  }
  const s = m.scope;
  const origin = m.origin;
  const sumPlaces = (year: number, types: readonly string[]) => {
    const rows = s.supply.filter((r) => r.year === year && types.includes(r.provision_code));
    if (!rows.length) return 0;
    if (rows.some((r) => r.places === null)) return null;
    return rows.reduce((a, r) => a + r.places!, 0);
  };
  const providers = (year: number, types: readonly string[]) => s.supply.filter((r) => r.year === year && types.includes(r.provision_code)).reduce((a, r) => a + (r.providers ?? 0), 0);
  const years = [...new Set(s.supply.map((r) => r.year))].sort((a, b) => a - b);
  const lines: MultiLineRow[] = [];
  const shown = GROUPS.filter((g) => years.some((y) => (sumPlaces(y, g.types) ?? 0) > 0));
  for (const g of shown) {
    for (const y of years) lines.push({ year: y, series: g.label, value: sumPlaces(y, g.types), kind: "observed" });
    lines.push({ year: origin, series: g.label, value: sumPlaces(origin, g.types), kind: "forecast" });
    for (const y of m.years.length ? [...new Set(s.supplyForecast.map((r) => r.year))] : []) {
      const f = s.supplyForecast.filter((r) => r.year === y && g.types.includes(r.provision_type));
      lines.push({ year: y, series: g.label, value: f.length ? Math.round(f.reduce((a, r) => a + r.places_mean, 0)) : 0, kind: "forecast" });
    }
  }
  const homes = sumPlaces(origin, CHILDRENS_HOME_PROVISION);
  const homesCount = providers(origin, CHILDRENS_HOME_PROVISION);
  const privateHome = s.supply.filter((r) => r.year === origin && CHILDRENS_HOME_PROVISION.includes(r.provision_code as never) && r.sector_code === "private").reduce((a, r) => a + (r.places ?? 0), 0);
  const firstWithPlaces = years.find((y) => (sumPlaces(y, CHILDRENS_HOME_PROVISION) ?? 0) > 0);
  const then = firstWithPlaces !== undefined ? sumPlaces(firstWithPlaces, CHILDRENS_HOME_PROVISION) : null;
  section.paragraphs.push(
    `At 31 March ${origin}, ${fmt(homesCount)} Ofsted-registered children's homes (including secure children's homes and residential special schools registered as homes) were located in ${input.scope.name}, with ${fmt(homes)} places; ${fmt(pct(privateHome, homes))}% of the places were in the private sector.`,
  );
  if (input.supply?.rebuilt && input.supply.year !== null) {
    const rebuilt = input.supply.rows.filter((r) => r.owner === "total" && r.sector === "total" && CHILDRENS_HOME_PROVISION.includes(r.provisionType as never)).reduce((a, r) => a + (r.providersRebuilt ?? 0), 0);
    section.paragraphs.push(`Ofsted's list for ${input.supply.year} names inspected providers only: ${fmt(rebuilt)} of these homes were rebuilt from registration dates in later lists and the joiners and leavers sheets.`);
  }
  if (firstWithPlaces !== undefined && then !== null && homes !== null && firstWithPlaces < origin) {
    section.paragraphs.push(`Places in children's homes went from ${fmt(then)} at 31 March ${firstWithPlaces} to ${fmt(homes)} at 31 March ${origin} (${homes >= then ? "+" : "−"}${fmt(Math.abs(pct(homes - then, then) ?? 0))}%). Places are counted where the home is, whichever LA places children there.`);
  }
  if (lines.length) {
    const table: ReportTable = {
      id: "supply-trend", caption: "Registered places by type: observed and projected (mean)",
      columns: [{ key: "series", label: "Type" }, { key: "year", label: "Year (31 March)" }, { key: "kind", label: "Observed or projected" }, { key: "value", label: "Places", numeric: true }],
      rows: lines.map((l) => ({ series: l.series, year: String(l.year), kind: l.kind === "observed" ? "observed" : "projected", value: l.value === null ? "x" : l.value })),
    };
    section.charts.push(chart("supply-trend", "Registered places by type, with projection", `Line chart of registered places located in ${input.scope.name} by type, ${years[0]} to ${origin} observed (solid) and projected to ${origin + (m.years.length ? Math.max(...m.years) - origin : 0)} (dashed).`,
      multiLineChart(lines, { title: "Registered places, observed and projected", yTitle: "Places" }), table) as ReportChart);
  }
  // Projection of children's home places with intervals.
  const projected = [...new Set(s.supplyForecast.map((r) => r.year))].sort((a, b) => a - b).map((y) => {
    const rows = s.supplyForecast.filter((r) => r.year === y && CHILDRENS_HOME_PROVISION.includes(r.provision_type as never));
    return { y, rows };
  });
  if (projected.length) {
    // Sector-level intervals do not add; the group's interval is from the gap (same samples).
    const gapRows = s.gap.filter((g) => g.scenario === "base" && g.placement_type === "childrens_homes");
    section.tables.push({
      id: "supply-projection", caption: "Children's home places projected from opening and closure rates (with planned beds)",
      columns: [{ key: "year", label: "Year (31 March)" }, { key: "mean", label: "Places (mean)", numeric: true }, { key: "lo80", label: "80% lower", numeric: true }, { key: "hi80", label: "80% upper", numeric: true }, { key: "planned", label: "Planned new beds", numeric: true }],
      rows: projected.map(({ y, rows }) => {
        const g = gapRows.find((r) => r.year === y);
        return { year: String(y), mean: Math.round(rows.reduce((a, r) => a + r.places_mean, 0)), lo80: g?.supply_lo80 === null || g === undefined ? null : Math.round(g.supply_lo80!), hi80: g?.supply_hi80 === null || g === undefined ? null : Math.round(g.supply_hi80!), planned: rows.reduce((a, r) => a + r.planned_beds, 0) };
      }),
      notes: ["Each LA's places are simulated year by year: homes open and close at the LA's own rates pooled with England's for the same type and sector, with England's good and bad years replayed; an area's projection is the sum of its LAs'. Planned beds come from LA returns where given."],
    });
  }
  // Places by type and sector today.
  const today = s.supply.filter((r) => r.year === origin && r.places !== null && r.places > 0);
  if (today.length) {
    section.tables.push({
      id: "supply-today", caption: `Registered providers and places by provision type and sector, 31 March ${origin}`,
      columns: [{ key: "type", label: "Provision type" }, { key: "sector", label: "Sector" }, { key: "providers", label: "Providers", numeric: true }, { key: "places", label: "Places", numeric: true }],
      rows: today.map((r) => ({ type: findCode(PROVISION_TYPE, r.provision_code)?.label ?? r.provision_type, sector: findCode(SECTOR, r.sector_code)?.label ?? r.sector, providers: r.providers, places: r.places })),
    });
  }
  // Backtest.
  const bt = m.backtest;
  const rates1 = bt?.rows.find((r) => r.model === "rates" && r.horizon === 1), naive1 = bt?.rows.find((r) => r.model === "naive" && r.horizon === 1);
  const ratesH = bt?.rows.filter((r) => r.model === "rates").at(-1), naiveH = bt?.rows.filter((r) => r.model === "naive").at(-1);
  if (bt && rates1 && naive1 && ratesH && naiveH) {
    section.paragraphs.push(`Backtest: ${bt.description} One year ahead the projection's MASE was ${fmt(rates1.mase, 2)} against ${fmt(naive1.mase, 2)} for holding places flat; ${ratesH.horizon} years ahead ${fmt(ratesH.mase, 2)} against ${fmt(naiveH.mase, 2)}. Its 80% intervals held ${fmt(100 * rates1.coverage80)}% of outcomes one year ahead and ${fmt(100 * ratesH.coverage80)}% ${ratesH.horizon} years ahead (95%: ${fmt(100 * rates1.coverage95)}% and ${fmt(100 * ratesH.coverage95)}%).`);
    section.tables.push({
      id: "supply-backtest", caption: "Backtest of the supply projection (children's home places)",
      columns: [{ key: "model", label: "Model" }, { key: "horizon", label: "Years ahead", numeric: true }, { key: "forecasts", label: "Forecasts scored", numeric: true }, { key: "mase", label: "MASE", numeric: true, decimals: 2 }, { key: "c80", label: "80% coverage (%)", numeric: true }, { key: "c95", label: "95% coverage (%)", numeric: true }],
      rows: bt.rows.map((r) => ({ model: r.model === "rates" ? "opening and closure rates" : "no change (held flat)", horizon: r.horizon, forecasts: r.forecasts, mase: r.mase, c80: r.model === "rates" ? Math.round(100 * r.coverage80) : null, c95: r.model === "rates" ? Math.round(100 * r.coverage95) : null })),
    });
  }
  return section;
}
