/**
 * The gap between forecast demand and supply in a footprint: forecast children in a
 * placement type against the places available to them. A positive gap means more
 * children are forecast than there are places in the footprint (they will be placed
 * further away, or in unsuitable or unregistered homes).
 */

export interface GapRow {
  year: number;
  demandMean: number;
  demandLower: number | null;
  demandUpper: number | null;
  places: number;
  /** demand - places (children without a place in the footprint, if positive). */
  gap: number;
  /** Places per child forecast. */
  placesPerChild: number;
}

/**
 * Compare a forecast (by year) with a fixed number of places.
 * @example demandSupplyGap([{ year: 2026, mean: 120, lower: 100, upper: 140 }], 100)[0].gap // 20
 */
export function demandSupplyGap(forecast: Array<{ year: number; mean: number; lower?: number | null; upper?: number | null }>, places: number): GapRow[] {
  return forecast.map((f) => ({
    year: f.year,
    demandMean: f.mean,
    demandLower: f.lower ?? null,
    demandUpper: f.upper ?? null,
    places,
    gap: f.mean - places,
    placesPerChild: f.mean > 0 ? places / f.mean : NaN,
  }));
}
