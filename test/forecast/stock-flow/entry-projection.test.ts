import { describe, expect, it } from "vitest";
import { addMonths, DAYS_PER_MONTH } from "../../../src/forecast/stock-flow/calendar";
import { entryProjection } from "../../../src/forecast/stock-flow/entry-projection";
import { estimateRates } from "../../../src/forecast/stock-flow/estimate-rates";
import { stateSpace } from "../../../src/forecast/stock-flow/state-space";
import { seededRandom } from "../../../src/stats/seeded-random";
import { dayToIso, isoToDay } from "../../../src/spec/ssda903";
import { episodeTable, type HandEpisode } from "./episode-table-builder";

const space = stateSpace();
const windowStart = isoToDay("2019-01-01");
const windowEnd = isoToDay("2021-01-01");

/** k + 1 entries in month k of the window (a known linear trend of +1 a month). */
function trendTable() {
  const episodes: HandEpisode[] = [];
  let child = 0;
  for (let m = 0; m < 24; m++) {
    const day = addMonths(windowStart, m) + 3;
    for (let k = 0; k <= m; k++) episodes.push({ child: child++, birth: "2010-01-01", start: dayToIso(day), end: dayToIso(day + 10), type: "foster_la", uasc: k === 0 });
  }
  return episodeTable(episodes);
}

describe("entryProjection", () => {
  const rates = estimateRates(trendTable(), { space, window: { start: windowStart, end: windowEnd }, dataEnd: isoToDay("2021-03-31") });
  const midpoints = [windowEnd + 15, windowEnd + 45];

  it("projects a constant rate: entries per day in the window x days in a month", () => {
    const total = 24 * 25 / 2;
    const p = entryProjection(rates, { method: "constant", stepMidpoints: midpoints });
    expect(p.totals[0]).toBeCloseTo((total / (windowEnd - windowStart)) * DAYS_PER_MONTH, 9);
    expect(p.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("recovers a known linear trend (1 more entry each month)", () => {
    const p = entryProjection(rates, { method: "trend", stepMidpoints: midpoints });
    // Month index of the first midpoint is about 24.5, so about 25.5 entries.
    const x = (midpoints[0] - windowStart) / DAYS_PER_MONTH;
    expect(p.totals[0]).toBeCloseTo(1 + (x - 0.5), 0);
    expect(p.description).toMatch(/trend/);
    const draw = p.draw(seededRandom(1));
    expect(draw.totals[0]).toBeGreaterThan(0);
  });

  it("scales with the population path (rate per 10,000 children)", () => {
    const population = { days: [windowStart, windowEnd + 400], population: [10000, 10000] };
    const flat = entryProjection(rates, { method: "population", stepMidpoints: midpoints, population });
    const constant = entryProjection(rates, { method: "constant", stepMidpoints: midpoints });
    expect(flat.totals[0] / constant.totals[0]).toBeCloseTo(1, 2);
    const doubled = entryProjection(rates, { method: "population", stepMidpoints: midpoints, population: { days: [windowStart, windowEnd - 1, windowEnd], population: [10000, 10000, 20000] } });
    expect(doubled.totals[0] / flat.totals[0]).toBeCloseTo(2, 2);
    expect(() => entryProjection(rates, { method: "population", stepMidpoints: midpoints })).toThrow();
  });

  it("falls back to constant, and says so, when the window is too short for a trend", () => {
    const short = estimateRates(trendTable(), { space, window: { start: windowStart, end: addMonths(windowStart, 2) }, dataEnd: isoToDay("2021-03-31") });
    const p = entryProjection(short, { method: "trend", stepMidpoints: midpoints });
    expect(p.method).toBe("constant");
    expect(p.warnings[0]).toMatch(/at least 3 whole months/);
  });
});
