/**
 * Supply projection: registered places by LA, provision type and sector, 1 to H years
 * ahead, simulated from opening and closure rates, with planned beds added in the year they
 * are due to open. Any scope's projection is the sum of its member LAs' simulated paths, so
 * LA, footprint, region and England projections add up.
 *
 * Stages of one LA path (type x sector), year by year from the latest register year:
 *  1. rates: places opened, places closed and the remaining net change of places at
 *     existing providers, each per place at the start of the year; an LA's mean rate is its
 *     own pooled with England's for the same provision type and sector (Bühlmann
 *     credibility: weight Z = P / (P + k) on its own rate, P its place-years, k = size /
 *     (heterogeneity x England's rate), the heterogeneity being the between-LA variance of
 *     relative rates beyond lumpy Poisson noise, estimated by moments), so an LA with few
 *     homes borrows strength from the country; each simulated path draws the LA's rates
 *     around that estimate (gamma, relative variance heterogeneity x (1 − Z)), so the
 *     intervals carry the uncertainty of the rate as well as of the events;
 *     a year in which a type's register starts (places at its start under half those at its
 *     end, e.g. supported accommodation, registered from 2023-24) gives no rate, and a type
 *     with no rate is held flat;
 *  2. a common year shock: each simulated year replays one historical year's England rates
 *     relative to their mean (the same year for every LA, type and sector of a path), so
 *     good and bad years move the whole market together;
 *  3. lumpy events: homes open as Poisson counts and close as binomial counts of homes of the
 *     LA's average size, so a small area's supply moves in steps; places at existing homes
 *     change with normal noise of the variance per place seen across LAs;
 *  4. planned new beds (template measure planned_new_beds, from LA returns) open in the year
 *     ending 31 March they are due.
 * Fostering supply (in-house approved places, LAIT 2022-25) is projected from each LA's
 * yearly log change, pooled with England's the same way, with normal noise.
 * Draws are seeded per LA and stream, so base and scenario runs share their random numbers.
 *
 * Reference: Ofsted joiners and leavers (openings, closures); Bühlmann credibility
 * (Klugman, Panjer & Willmot, "Loss Models", ch. 17) for pooling; FPP3 section 5.5 on
 * bootstrapped simulation intervals.
 */
import { seededRandom, type SeededRandom } from "../stats/seeded-random.ts";
import { sampleQuantile } from "../stats/sample-quantile.ts";
import { TOTAL } from "../reference/code-lists.ts";
import { lasInYear } from "../reference/las.ts";
import type { MarketData } from "./market-data.ts";
import { areaMembers, type MarketArea } from "./market-area.ts";
import { PLACE_PROVISION } from "./market-types.ts";

export interface SupplyModelOptions {
  /** The last observed register year (year ending 31 March). */
  origin: number;
  horizon: number;
  /** Simulated paths (default 1000). */
  samples?: number;
  seed?: number;
  /** Place-years at England's rate added to each LA's own (default: estimated per type and sector from the between-LA heterogeneity). */
  credibility?: number;
  /** Years of history the rates use (default 8). */
  window?: number;
  /** Add planned_new_beds from the dataset (default true). */
  planned?: boolean;
}

/** Rates of one provision type x sector for England, by year. */
interface NationalRates {
  years: number[];
  opened: number[];
  closed: number[];
  other: number[];
  meanOpened: number;
  meanClosed: number;
  meanOther: number;
  /** Average places per provider at the origin. */
  size: number;
  /** Between-LA variance of the relative opening / closure rate (beyond lumpy Poisson noise). */
  heterogeneityOpened: number;
  heterogeneityClosed: number;
  /** Variance per place of an LA's other net change of places in a year (capacity changes at existing providers, beyond England's year). */
  otherVariance: number;
}

interface LaCombo {
  placesAtOrigin: number;
  providersAtOrigin: number;
  sumPlaces: number;
  sumOpened: number;
  sumClosed: number;
  sumOther: number;
}

/** Provision types with places (homes, schools); agencies are not projected. */
const PROJECTED: ReadonlySet<string> = new Set(PLACE_PROVISION);

/** Planned-bed placement types (template leaves) -> provision type and sector. */
const PLANNED: Record<string, [string, string]> = {
  childrens_home_la: ["childrens_home", "la"],
  childrens_home_private: ["childrens_home", "private"],
  childrens_home_voluntary: ["childrens_home", "voluntary"],
  secure: ["secure_childrens_home", "la"],
  supported_accommodation: ["supported_accommodation", "la"],
  residential_school: ["residential_special_school", "la"],
};

function hashSeed(seed: number, text: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface SupplySummary {
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/**
 * Mean and 80%/95% bounds of samples.
 * @throws never. @example summarise(Float64Array.of(1, 2, 3)).mean // 2
 */
export function summarise(samples: ArrayLike<number>): SupplySummary {
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i];
  return {
    mean: sorted.length ? total / sorted.length : NaN,
    lo80: sampleQuantile(sorted, 0.1), hi80: sampleQuantile(sorted, 0.9),
    lo95: sampleQuantile(sorted, 0.025), hi95: sampleQuantile(sorted, 0.975),
  };
}

export class SupplyModel {
  readonly origin: number;
  readonly horizon: number;
  readonly samples: number;
  readonly seed: number;
  readonly credibility: number | null;
  readonly window: number;
  /** Plain-language notes (fallbacks, coverage). */
  readonly notes: string[] = [];
  private readonly national = new Map<string, NationalRates>();
  /** Sampled historical year (index into the rate years) for each path and step. */
  private readonly shockDraw: Float64Array;
  private readonly laCache = new Map<string, Map<string, Float32Array>>();
  private readonly plannedByLa = new Map<string, Map<string, Map<number, number>>>();
  private readonly fosterCache = new Map<string, Float32Array | null>();
  private fosterGrowth: { mean: number; sd: number; n: number } | null = null;

  /**
   * Fit England's rates and prepare the shared shocks.
   * @throws Error when horizon or samples are not positive integers (a programmer error).
   */
  constructor(private readonly data: MarketData, options: SupplyModelOptions) {
    if (!Number.isInteger(options.horizon) || options.horizon < 1) throw new Error("SupplyModel: horizon must be a positive integer");
    this.origin = options.origin;
    this.horizon = options.horizon;
    this.samples = options.samples ?? 1000;
    if (!Number.isInteger(this.samples) || this.samples < 1) throw new Error("SupplyModel: samples must be a positive integer");
    this.seed = options.seed ?? 20260101;
    this.credibility = options.credibility ?? null;
    this.window = options.window ?? 8;
    this.fitNational(this.window);
    const rng = seededRandom(hashSeed(this.seed, "year-shocks"));
    this.shockDraw = new Float64Array(this.samples * this.horizon);
    for (let i = 0; i < this.shockDraw.length; i++) this.shockDraw[i] = rng.uniform();
    if (options.planned !== false) this.readPlanned();
  }

  /** Years with places at the start and end and openings/closures, within the window ending at the origin. */
  private rateYears(window: number): number[] {
    const years: number[] = [];
    for (let y = this.origin - window + 1; y <= this.origin; y++) if (this.data.registerYears.includes(y) && this.data.registerYears.includes(y - 1)) years.push(y);
    return years;
  }

  private laCells(oldCode: string, year: number): Map<string, { places: number | null; providers: number }> {
    const m = new Map<string, { places: number | null; providers: number }>();
    for (const c of this.data.registerCells(oldCode, year)) {
      if (c.owner !== TOTAL || !PROJECTED.has(c.provisionType)) continue;
      m.set(`${c.provisionType}|${c.sector}`, { places: c.places, providers: c.providers ?? 0 });
    }
    return m;
  }

  private fitNational(window: number): void {
    const years = this.rateYears(window);
    const totals = new Map<string, { years: number[]; opened: number[]; closed: number[]; other: number[] }>();
    const sum = (year: number) => {
      const out = new Map<string, { places: number; providers: number; ok: boolean }>();
      for (const la of lasInYear(year)) for (const [key, c] of this.laCells(la.oldCode, year)) {
        let t = out.get(key);
        if (!t) out.set(key, (t = { places: 0, providers: 0, ok: true }));
        if (c.places === null) t.ok = false; else t.places += c.places;
        t.providers += c.providers;
      }
      return out;
    };
    const flows = (year: number) => {
      const out = new Map<string, { opened: number; closed: number; ok: boolean }>();
      for (const la of lasInYear(year)) for (const f of this.data.registerFlowCells(la.oldCode, year)) {
        const key = `${f.provisionType}|${f.sector}`;
        let t = out.get(key);
        if (!t) out.set(key, (t = { opened: 0, closed: 0, ok: true }));
        if (f.placesOpened === null || f.placesClosed === null) t.ok = false;
        else { t.opened += f.placesOpened; t.closed += f.placesClosed; }
      }
      return out;
    };
    const skipped = new Set<string>();
    const laYears: Array<{ y: number; start: Map<string, Map<string, { places: number | null; providers: number }>>; end: Map<string, Map<string, { places: number | null; providers: number }>> }> = [];
    for (const y of years) {
      const start = sum(y - 1), end = sum(y), f = flows(y);
      // A type whose register starts this year (places at the start under half those at the end) gives no rate.
      const typeTotal = (m: Map<string, { places: number }>, type: string) => [...m].filter(([k]) => k.split("|")[0] === type).reduce((a, [, v]) => a + v.places, 0);
      const starting = new Set([...end.keys()].map((k) => k.split("|")[0]).filter((type) => typeTotal(start, type) < 0.5 * typeTotal(end, type)));
      for (const type of starting) skipped.add(`${type} ${y}`);
      laYears.push({ y, start: new Map(lasInYear(y - 1).map((la) => [la.oldCode, this.laCells(la.oldCode, y - 1)])), end: new Map(lasInYear(y).map((la) => [la.oldCode, this.laCells(la.oldCode, y)])) });
      for (const [key, s] of start) {
        const e = end.get(key), fl = f.get(key);
        if (starting.has(key.split("|")[0])) continue;
        if (!s.ok || !(s.places > 0) || !e?.ok) continue;
        const opened = fl?.ok ? fl.opened : 0, closed = fl?.ok ? fl.closed : 0;
        let t = totals.get(key);
        if (!t) totals.set(key, (t = { years: [], opened: [], closed: [], other: [] }));
        t.years.push(y);
        t.opened.push(opened / s.places);
        t.closed.push(closed / s.places);
        t.other.push((e.places - s.places - opened + closed) / s.places);
      }
    }
    const atOrigin = sum(this.origin);
    for (const [key, t] of totals) {
      const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
      const o = atOrigin.get(key);
      const size = o && o.providers > 0 && o.places > 0 ? o.places / o.providers : 4;
      const rates = { meanOpened: mean(t.opened), meanClosed: mean(t.closed), meanOther: mean(t.other) };
      this.national.set(key, { ...t, ...rates, size, ...this.heterogeneity(key, new Set(t.years), laYears, rates.meanOpened, rates.meanClosed, size) });
    }
    if (skipped.size) this.notes.push(`Years in which a provision type's register starts give no rate (${[...skipped].sort().join(", ")}); a type with no rate is held flat.`);
    if (!years.length) this.notes.push(`No register years with openings and closures up to ${this.origin}: supply is held flat.`);
  }

  /**
   * Between-LA variance of relative opening and closure rates (method of moments): with E
   * the places an LA would open at England's rate over its place-years and O those it did,
   * Var(O) = size x E (lumpy Poisson) + heterogeneity x E², so heterogeneity = Σ[(O − E)² −
   * size x E] / Σ E², floored at 0 and capped at 4.
   */
  private heterogeneity(key: string, years: Set<number>, laYears: Array<{ y: number; start: Map<string, Map<string, { places: number | null; providers: number }>>; end: Map<string, Map<string, { places: number | null; providers: number }>> }>, meanOpened: number, meanClosed: number, size: number): { heterogeneityOpened: number; heterogeneityClosed: number; otherVariance: number } {
    const perLa = new Map<string, { placeYears: number; opened: number; closed: number }>();
    // Other net change: per LA-year, (V − England's rate that year x P)² / P, averaged.
    let otherSum = 0, otherN = 0;
    for (const { y, start, end } of laYears) {
      if (!years.has(y)) continue;
      let vNum = 0, vDen = 0;
      const items: Array<{ v: number; p: number }> = [];
      for (const [la, cells] of start) {
        const s = cells.get(key);
        if (!s || s.places === null || !(s.places > 0)) continue;
        const e = end.get(la)?.get(key);
        const f = this.data.registerFlowCells(la, y).find((c) => `${c.provisionType}|${c.sector}` === key);
        if (!e || e.places === null) continue;
        const v = e.places - s.places - (f?.placesOpened ?? 0) + (f?.placesClosed ?? 0);
        items.push({ v, p: s.places }); vNum += v; vDen += s.places;
      }
      const rate = vDen > 0 ? vNum / vDen : 0;
      for (const it of items) { otherSum += (it.v - rate * it.p) ** 2 / it.p; otherN++; }
    }
    for (const { y, start } of laYears) {
      if (!years.has(y)) continue;
      for (const [la, cells] of start) {
        const s = cells.get(key);
        if (!s || s.places === null || !(s.places > 0)) continue;
        const f = this.data.registerFlowCells(la, y).find((c) => `${c.provisionType}|${c.sector}` === key);
        let t = perLa.get(la);
        if (!t) perLa.set(la, (t = { placeYears: 0, opened: 0, closed: 0 }));
        t.placeYears += s.places; t.opened += f?.placesOpened ?? 0; t.closed += f?.placesClosed ?? 0;
      }
    }
    const moment = (rate: number, pick: (t: { opened: number; closed: number }) => number) => {
      if (!(rate > 0)) return 0;
      let num = 0, den = 0;
      for (const t of perLa.values()) { const e = rate * t.placeYears; num += (pick(t) - e) ** 2 - size * e; den += e * e; }
      return den > 0 ? Math.min(4, Math.max(0, num / den)) : 0;
    };
    return { heterogeneityOpened: moment(meanOpened, (t) => t.opened), heterogeneityClosed: moment(meanClosed, (t) => t.closed), otherVariance: otherN ? otherSum / otherN : 0 };
  }

  private readPlanned(): void {
    for (const la of lasInYear(this.origin)) {
      const years = this.data.years("planned_new_beds", la.oldCode).filter((y) => y <= this.origin + this.horizon);
      if (!years.length) continue;
      // The latest return's plans.
      const returnYear = Math.max(...years);
      for (const [leaf, [type, sector]] of Object.entries(PLANNED)) {
        for (let y = this.origin + 1; y <= this.origin + this.horizon; y++) {
          const v = this.data.la("planned_new_beds", la.oldCode, returnYear, { placement_type: leaf, opening_year: String(y) });
          if (v.value === null || !(v.value > 0)) continue;
          let byCombo = this.plannedByLa.get(la.oldCode);
          if (!byCombo) this.plannedByLa.set(la.oldCode, (byCombo = new Map()));
          let byYear = byCombo.get(`${type}|${sector}`);
          if (!byYear) byCombo.set(`${type}|${sector}`, (byYear = new Map()));
          byYear.set(y, (byYear.get(y) ?? 0) + v.value);
        }
      }
    }
  }

  /** Planned beds in a scope by provision type and opening year (from the dataset). */
  plannedBeds(scope: MarketArea, provisionTypes: readonly string[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const la of areaMembers(scope, this.origin)) {
      for (const [combo, byYear] of this.plannedByLa.get(la.oldCode) ?? []) {
        if (!provisionTypes.includes(combo.split("|")[0])) continue;
        for (const [y, beds] of byYear) out.set(y, (out.get(y) ?? 0) + beds);
      }
    }
    return out;
  }

  private laHistory(oldCode: string, window: number): Map<string, LaCombo> {
    const out = new Map<string, LaCombo>();
    const get = (key: string) => {
      let c = out.get(key);
      if (!c) out.set(key, (c = { placesAtOrigin: 0, providersAtOrigin: 0, sumPlaces: 0, sumOpened: 0, sumClosed: 0, sumOther: 0 }));
      return c;
    };
    for (const [key, c] of this.laCells(oldCode, this.origin)) { const h = get(key); h.placesAtOrigin = c.places ?? 0; h.providersAtOrigin = c.providers; }
    for (const key of this.plannedByLa.get(oldCode)?.keys() ?? []) get(key);
    for (const y of this.rateYears(window)) {
      const start = this.laCells(oldCode, y - 1), end = this.laCells(oldCode, y);
      const flows = new Map(this.data.registerFlowCells(oldCode, y).map((f) => [`${f.provisionType}|${f.sector}`, f]));
      for (const [key, s] of start) {
        if (s.places === null || !(s.places > 0)) continue;
        const e = end.get(key);
        const endPlaces = e ? e.places : 0;
        if (endPlaces === null) continue;
        const f = flows.get(key);
        const opened = f?.placesOpened ?? 0, closed = f?.placesClosed ?? 0;
        const h = get(key);
        h.sumPlaces += s.places; h.sumOpened += opened; h.sumClosed += closed;
        h.sumOther += endPlaces - s.places - opened + closed;
      }
    }
    return out;
  }

  /**
   * Simulated places of an LA (old code) by `type|sector`: Float32Array of samples x horizon (path-major).
   * @throws never.
   */
  laPaths(oldCode: string): Map<string, Float32Array> {
    const cached = this.laCache.get(oldCode);
    if (cached) return cached;
    const out = new Map<string, Float32Array>();
    const H = this.horizon, N = this.samples;
    for (const [key, h] of this.laHistory(oldCode, this.window)) {
      const nat = this.national.get(key);
      // Credibility constant from the heterogeneity (or the override); Infinity pools completely.
      const kOf = (heterogeneity: number, rate: number) => this.credibility ?? (heterogeneity > 0 && rate > 0 ? (nat?.size ?? 4) / (heterogeneity * rate) : Infinity);
      const weight = (k: number) => (Number.isFinite(k) ? h.sumPlaces / (h.sumPlaces + k) : 0);
      const zOpened = nat ? weight(kOf(nat.heterogeneityOpened, nat.meanOpened)) : 0;
      const zClosed = nat ? weight(kOf(nat.heterogeneityClosed, nat.meanClosed)) : 0;
      const own = (sum: number) => (h.sumPlaces > 0 ? sum / h.sumPlaces : 0);
      // A type with no national rate (e.g. a register that has only just started) is held flat.
      const meanOpened = nat ? zOpened * own(h.sumOpened) + (1 - zOpened) * nat.meanOpened : 0;
      const meanClosed = nat ? zClosed * own(h.sumClosed) + (1 - zClosed) * nat.meanClosed : 0;
      const zOther = nat ? weight(this.credibility ?? 100) : 0;
      const meanOther = nat ? zOther * own(h.sumOther) + (1 - zOther) * nat.meanOther : 0;
      const spreadOpened = nat ? nat.heterogeneityOpened * (1 - zOpened) : 0;
      const spreadClosed = nat ? nat.heterogeneityClosed * (1 - zClosed) : 0;
      const size = Math.max(1, h.providersAtOrigin > 0 && h.placesAtOrigin > 0 ? h.placesAtOrigin / h.providersAtOrigin : nat?.size ?? 4);
      const planned = this.plannedByLa.get(oldCode)?.get(key);
      const paths = new Float32Array(N * H);
      const rng: SeededRandom = seededRandom(hashSeed(this.seed, `${oldCode}|${key}`));
      for (let s = 0; s < N; s++) {
        let places = h.placesAtOrigin;
        // This path's LA rates: drawn around the credibility estimate (mean 1 multipliers).
        const mOpened = spreadOpened > 0 ? rng.gamma(1 / spreadOpened) * spreadOpened : 1;
        const mClosed = spreadClosed > 0 ? rng.gamma(1 / spreadClosed) * spreadClosed : 1;
        for (let t = 0; t < H; t++) {
          const year = this.origin + t + 1;
          places += planned?.get(year) ?? 0;
          let o = meanOpened * mOpened, c = meanClosed * mClosed, v = meanOther;
          if (nat && nat.years.length) {
            const j = Math.min(nat.years.length - 1, Math.floor(this.shockDraw[s * H + t] * nat.years.length));
            if (nat.meanOpened > 0) o *= nat.opened[j] / nat.meanOpened;
            if (nat.meanClosed > 0) c *= nat.closed[j] / nat.meanClosed;
            v += nat.other[j] - nat.meanOther;
          }
          const homes = places / size;
          const opened = rng.poisson((o * places) / size) * size;
          const closedHomes = rng.binomial(Math.round(homes), Math.min(1, Math.max(0, c)));
          const closed = Math.min(places, closedHomes * size);
          const noise = nat && nat.otherVariance > 0 && places > 0 ? Math.sqrt(nat.otherVariance * places) * rng.normal() : 0;
          places = Math.max(0, places + opened - closed + v * places + noise);
          paths[s * H + t] = places;
        }
      }
      out.set(key, paths);
    }
    this.laCache.set(oldCode, out);
    return out;
  }

  private lastScope: { key: string; paths: Map<string, Float64Array> } | null = null;

  /**
   * Simulated places of a scope by `type|sector`, summed over its member LAs: Float64Array of
   * samples x horizon (path-major). The last scope's sums are kept, as the analysis asks for
   * one scope many times before moving on.
   * @throws never.
   */
  scopePaths(scope: MarketArea): Map<string, Float64Array> {
    const key = `${scope.kind}|${scope.code}|${scope.footprint.members.join(",")}`;
    if (this.lastScope?.key === key) return this.lastScope.paths;
    const out = new Map<string, Float64Array>();
    for (const la of areaMembers(scope, this.origin)) {
      for (const [combo, paths] of this.laPaths(la.oldCode)) {
        let sum = out.get(combo);
        if (!sum) out.set(combo, (sum = new Float64Array(paths.length)));
        for (let i = 0; i < paths.length; i++) sum[i] += paths[i];
      }
    }
    this.lastScope = { key, paths: out };
    return out;
  }

  /**
   * Simulated places of a scope in year origin + step (1..H), summed over member LAs and the
   * combos whose provision type is in `provisionTypes` (sector filter optional).
   * @throws Error for a step outside 1..horizon.
   */
  scopeSamples(scope: MarketArea, provisionTypes: readonly string[], step: number, sector?: string): Float64Array {
    if (!(step >= 1 && step <= this.horizon)) throw new Error(`scopeSamples: step ${step} outside 1..${this.horizon}`);
    const out = new Float64Array(this.samples);
    const H = this.horizon;
    for (const [key, paths] of this.scopePaths(scope)) {
      const bar = key.indexOf("|");
      if (!provisionTypes.includes(key.slice(0, bar)) || (sector !== undefined && key.slice(bar + 1) !== sector)) continue;
      for (let s = 0; s < this.samples; s++) out[s] += paths[s * H + step - 1];
    }
    return out;
  }

  /** The `type|sector` combos present in a scope (with places at the origin or planned). */
  scopeCombos(scope: MarketArea): string[] {
    return [...this.scopePaths(scope).keys()].sort();
  }

  private fitFosterGrowth(): { mean: number; sd: number; n: number } {
    if (this.fosterGrowth) return this.fosterGrowth;
    const changes: number[] = [];
    for (const la of lasInYear(this.origin)) {
      const years = this.data.years("foster_places_approved", la.oldCode).filter((y) => y <= this.origin && y >= 2022);
      for (const y of years) {
        const a = this.data.la("foster_places_approved", la.oldCode, y).value, b = this.data.la("foster_places_approved", la.oldCode, y - 1).value;
        if (a !== null && b !== null && a > 0 && b > 0) changes.push(Math.log(a / b));
      }
    }
    const n = changes.length;
    const mean = n ? changes.reduce((x, y) => x + y, 0) / n : 0;
    const sd = n > 1 ? Math.sqrt(changes.reduce((x, y) => x + (y - mean) ** 2, 0) / (n - 1)) : 0;
    this.fosterGrowth = { mean, sd, n };
    return this.fosterGrowth;
  }

  /**
   * In-house approved foster places of an LA, simulated (samples x horizon), or null when
   * the LA has no approved-places figure at the origin (e.g. services reporting jointly).
   * @throws never.
   */
  fosterPaths(oldCode: string): Float32Array | null {
    if (this.fosterCache.has(oldCode)) return this.fosterCache.get(oldCode)!;
    const approved = this.data.la("foster_places_approved", oldCode, this.origin).value;
    if (approved === null) { this.fosterCache.set(oldCode, null); return null; }
    const g = this.fitFosterGrowth();
    const own: number[] = [];
    for (const y of this.data.years("foster_places_approved", oldCode).filter((x) => x <= this.origin && x >= 2022)) {
      const a = this.data.la("foster_places_approved", oldCode, y).value, b = this.data.la("foster_places_approved", oldCode, y - 1).value;
      if (a !== null && b !== null && a > 0 && b > 0) own.push(Math.log(a / b));
    }
    // Credibility on the yearly log change: own years count one each against two of England's.
    const mean = (own.reduce((x, y) => x + y, 0) + 2 * g.mean) / (own.length + 2);
    const H = this.horizon, N = this.samples;
    const rng = seededRandom(hashSeed(this.seed, `${oldCode}|foster`));
    const out = new Float32Array(N * H);
    for (let s = 0; s < N; s++) {
      let level = Math.log(Math.max(approved, 0.5));
      for (let t = 0; t < H; t++) {
        level += mean + g.sd * rng.normal();
        out[s * H + t] = approved > 0 ? Math.exp(level) : 0;
      }
    }
    this.fosterCache.set(oldCode, out);
    return out;
  }

  /** England's fitted yearly log change of in-house approved places (for the methods text). */
  fosterTrend(): { mean: number; sd: number; n: number } {
    return this.fitFosterGrowth();
  }

  /** England's mean opening and closure rates for a provision type (all sectors, place-weighted over years). */
  nationalRates(provisionType: string): { opened: number; closed: number } | null {
    let o = 0, c = 0, n = 0;
    for (const [key, r] of this.national) {
      if (key.split("|")[0] !== provisionType) continue;
      o += r.meanOpened; c += r.meanClosed; n++;
    }
    return n ? { opened: o / n, closed: c / n } : null;
  }
}
