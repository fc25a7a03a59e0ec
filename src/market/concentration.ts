/**
 * Concentration of supply among owning organisations within a footprint: shares of
 * places, the top-N share and the Herfindahl-Hirschman index (HHI), by year, so its trend
 * since 2018 (the first year Ofsted's lists name the owner) can be read.
 *
 * Owners are the organisations Ofsted records as owning each provider ("Organisation which
 * owns the provider"), not ultimate parent companies: subsidiaries of one group count as
 * separate owners, so group concentration is understated. Places whose owner is not
 * recorded are left out of shares and the HHI and reported as a share of their own.
 *
 * Reading the HHI (thresholds checked against their sources, see HHI_THRESHOLDS): the US
 * Department of Justice and Federal Trade Commission Merger Guidelines (2023, section 2.1)
 * treat a market with an HHI above 1,800 as highly concentrated (the DoJ's HHI page:
 * 1,000 to 1,800 moderately concentrated); the CMA's Merger Assessment Guidelines (2021)
 * apply no threshold. A footprint is not an antitrust market: the bands describe, they do
 * not judge.
 *
 * Reference: DOMAIN.md section 6 (market analysis); CMA children's social care market study
 * (2022).
 */
import { hhi } from "../stats/hhi.ts";
import { OWNER_NOT_RECORDED, TOTAL } from "../reference/code-lists.ts";
import type { MarketData } from "./market-data.ts";
import { areaMembers, type MarketArea } from "./market-area.ts";
import { CHILDRENS_HOME_PROVISION, PLACE_PROVISION } from "./market-types.ts";

export interface SupplierPlaces {
  /** Owning organisation (the group that owns the provider), or the provider when unknown. */
  owner: string;
  places: number;
}

export interface OwnerShare {
  owner: string;
  places: number;
  /** Share of all places in percent. */
  share: number;
}

export interface Concentration {
  totalPlaces: number;
  owners: number;
  hhi: number;
  /** Share (percent) of the largest `topN` owners. */
  topShare: number;
  topN: number;
  top: OwnerShare[];
}

/** HHI bands and where they come from. */
export const HHI_THRESHOLDS = {
  moderately: 1000,
  highly: 1800,
  source: "US DoJ/FTC Merger Guidelines (2023) section 2.1: HHI above 1,800 is highly concentrated; the DoJ's HHI page: 1,000 to 1,800 moderately concentrated. The CMA's Merger Assessment Guidelines (2021) set no HHI threshold.",
} as const;

/**
 * The HHI band: "unconcentrated" (below 1,000), "moderately concentrated" (1,000 to 1,800), "highly concentrated" (above 1,800), or "" for NaN.
 * @example concentrationBand(2500) // "highly concentrated"
 */
export function concentrationBand(value: number): string {
  if (!Number.isFinite(value)) return "";
  return value > HHI_THRESHOLDS.highly ? "highly concentrated" : value >= HHI_THRESHOLDS.moderately ? "moderately concentrated" : "unconcentrated";
}

/**
 * Group places by owner and measure concentration.
 * @throws never.
 * @example concentration([{ owner: "A", places: 3 }, { owner: "B", places: 1 }], 1).topShare // 75
 */
export function concentration(suppliers: SupplierPlaces[], topN = 5): Concentration {
  const byOwner = new Map<string, number>();
  for (const s of suppliers) {
    if (!(s.places >= 0)) continue;
    const key = s.owner.trim() || "(owner not recorded)";
    byOwner.set(key, (byOwner.get(key) ?? 0) + s.places);
  }
  const totalPlaces = [...byOwner.values()].reduce((a, b) => a + b, 0);
  const ranked = [...byOwner.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([owner, places]) => ({ owner, places, share: totalPlaces > 0 ? (100 * places) / totalPlaces : 0 }));
  const top = ranked.slice(0, topN);
  return { totalPlaces, owners: ranked.length, hhi: hhi(ranked.map((r) => r.places)), topShare: top.reduce((a, r) => a + r.share, 0), topN, top };
}

/** Places and providers of one owner in a scope and year. */
export interface OwnerHolding {
  owner: string;
  places: number;
  providers: number;
  /** Places by provision type. */
  placesByType: Map<string, number>;
  providersByType: Map<string, number>;
  /** Places by member LA (old code). */
  placesByLa: Map<string, number>;
  /** Places in public-sector homes (LA, health, academy, other public). */
  publicPlaces: number;
}

/**
 * Each owner's places and providers of the given provision types in a scope and year
 * (owner leaves of the register; "not_recorded" kept as its own entry).
 * @throws never.
 */
export function ownerHoldings(data: MarketData, scope: MarketArea, year: number, provisionTypes: readonly string[]): Map<string, OwnerHolding> {
  const out = new Map<string, OwnerHolding>();
  for (const la of areaMembers(scope, year)) {
    for (const c of data.registerCells(la.oldCode, year)) {
      if (c.owner === TOTAL || !provisionTypes.includes(c.provisionType)) continue;
      let h = out.get(c.owner);
      if (!h) out.set(c.owner, (h = { owner: c.owner, places: 0, providers: 0, placesByType: new Map(), providersByType: new Map(), placesByLa: new Map(), publicPlaces: 0 }));
      const places = c.places ?? 0;
      if (PUBLIC_SECTORS.has(c.sector)) h.publicPlaces += places;
      h.places += places;
      h.providers += c.providers ?? 0;
      h.placesByType.set(c.provisionType, (h.placesByType.get(c.provisionType) ?? 0) + places);
      h.providersByType.set(c.provisionType, (h.providersByType.get(c.provisionType) ?? 0) + (c.providers ?? 0));
      h.placesByLa.set(la.oldCode, (h.placesByLa.get(la.oldCode) ?? 0) + places);
    }
  }
  return out;
}

export interface ConcentrationRow {
  scope_code: string;
  year: number;
  /** "childrens_homes" (children's homes incl. secure and RSS registered as homes) or "all_places". */
  market: string;
  places: number;
  owners: number;
  hhi: number | null;
  band: string;
  top1_share: number | null;
  top5_share: number | null;
  top10_share: number | null;
  largest_owner: string;
  /** Percent of places whose owner is not recorded (left out of shares and HHI). */
  share_not_recorded: number | null;
  /** HHI minus the HHI of the first year with owners recorded (2018), null before. */
  hhi_change_since_first: number | null;
}

const PUBLIC_SECTORS: ReadonlySet<string> = new Set(["la", "health", "academy", "other_public"]);

const MARKETS: Array<{ code: string; types: readonly string[] | null }> = [
  { code: "childrens_homes", types: CHILDRENS_HOME_PROVISION },
  { code: "all_places", types: null },
];

/**
 * concentration.csv: for each scope, year with owners recorded, and market.
 * @throws never.
 */
export function concentrationTable(data: MarketData, scopes: readonly MarketArea[]): ConcentrationRow[] {
  const out: ConcentrationRow[] = [];
  for (const scope of scopes) {
    for (const market of MARKETS) {
      let first: number | null = null;
      for (const year of data.registerYears) {
        const types = market.types ?? PLACE_PROVISION;
        const holdings = ownerHoldings(data, scope, year, types);
        const recorded = [...holdings.values()].filter((h) => h.owner !== OWNER_NOT_RECORDED && h.places > 0);
        const notRecorded = holdings.get(OWNER_NOT_RECORDED)?.places ?? 0;
        const total = recorded.reduce((a, h) => a + h.places, 0);
        if (total === 0) continue;
        const c = concentration(recorded.map((h) => ({ owner: h.owner, places: h.places })), 10);
        const share = (n: number) => c.top.slice(0, n).reduce((a, o) => a + o.share, 0);
        if (first === null) first = c.hhi;
        out.push({
          scope_code: scope.code, year, market: market.code, places: total + notRecorded, owners: c.owners,
          hhi: c.hhi, band: concentrationBand(c.hhi), top1_share: share(1), top5_share: share(5), top10_share: share(10),
          largest_owner: c.top[0]?.owner ?? "", share_not_recorded: (100 * notRecorded) / (total + notRecorded),
          hhi_change_since_first: c.hhi - first,
        });
      }
    }
  }
  return out;
}

export const CONCENTRATION_COLUMNS = ["scope_code", "year", "market", "places", "owners", "hhi", "band", "top1_share", "top5_share", "top10_share", "largest_owner", "share_not_recorded", "hhi_change_since_first"] as const;
