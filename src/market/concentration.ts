/**
 * Concentration of supply among owning organisations within a footprint: shares of
 * places, the top-N share and the HHI (DOMAIN.md section 6, market analysis).
 */
import { hhi } from "../stats/hhi.ts";

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

/**
 * Group places by owner and measure concentration.
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
