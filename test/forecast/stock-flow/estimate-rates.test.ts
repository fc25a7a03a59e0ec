import { describe, expect, it } from "vitest";
import { estimateRates } from "../../../src/forecast/stock-flow/estimate-rates";
import { stateSpace } from "../../../src/forecast/stock-flow/state-space";
import { isoToDay } from "../../../src/spec/ssda903";
import { episodeTable } from "./episode-table-builder";
import { syntheticEpisodeTable } from "./synthetic-episode-table";

const space = stateSpace();
const g = (code: string) => space.placementGroups.indexOf(code);
const b = (code: string) => space.ageBands.indexOf(code);
const s = (band: string, group: string) => space.index(b(band), g(group));
const window = { start: isoToDay("2020-01-01"), end: isoToDay("2021-01-01") }; // 366 days (leap year)

describe("estimateRates (exposure)", () => {
  // Child 1 (aged 7): foster from 2019-06-01, moves to a children's home on 2020-03-01 (60 days
  // into the window), leaves care on 2020-07-01 (122 days later).
  // Child 2 (aged 12): enters foster care on 2020-02-01, still there at the end of the data.
  // Child 3: a short break (V3), never counted.
  const table = episodeTable([
    { child: 0, birth: "2013-01-15", start: "2019-06-01", end: "2020-03-01", type: "foster_la" },
    { child: 0, birth: "2013-01-15", start: "2020-03-01", end: "2020-07-01", type: "childrens_home_private" },
    { child: 1, birth: "2008-05-10", start: "2020-02-01", type: "foster_ifa", uasc: true },
    { child: 2, birth: "2010-05-10", start: "2020-02-01", end: "2020-02-03", type: "foster_la", legalStatus: "V3" },
  ]);
  const rates = estimateRates(table, { space, window, dataEnd: isoToDay("2021-03-31") });

  it("counts person-days at risk in each state", () => {
    expect(rates.exposure[s("5_to_9", "foster")]).toBe(60);
    expect(rates.exposure[s("5_to_9", "secure_and_childrens_homes")]).toBe(122);
    // Child 2: 2020-02-01 to 2020-12-31 inclusive = 335 days, aged 11-12 throughout.
    expect(rates.exposure[s("10_to_15", "foster")]).toBe(335);
  });

  it("counts moves, exits and entries as events, giving events over exposure", () => {
    const size = space.size;
    expect(rates.events[s("5_to_9", "foster") * size + s("5_to_9", "secure_and_childrens_homes")]).toBe(1);
    expect(rates.events[s("5_to_9", "secure_and_childrens_homes") * size + space.live]).toBe(1);
    expect(rates.rates[s("5_to_9", "secure_and_childrens_homes") * size + space.live]).toBeCloseTo(1 / 122, 12);
    expect(rates.rates[s("5_to_9", "foster") * size + s("5_to_9", "secure_and_childrens_homes")]).toBeCloseTo(1 / 60, 12);
    // One entry (child 2, UASC) in the window; child 1 entered before it.
    expect(rates.entries.reduce((a, v) => a + v, 0)).toBe(1);
    expect(rates.entries[s("10_to_15", "foster") * 2 + 1]).toBe(1);
    expect(rates.counts.excludedShortBreaks).toBe(1);
  });

  it("moves children between age bands at birthdays (ageing events)", () => {
    // Born 2015-06-15: turns 5 on 2020-06-15, inside the window.
    const ageing = episodeTable([{ child: 0, birth: "2015-06-15", start: "2019-01-01", type: "foster_la" }]);
    const r = estimateRates(ageing, { space, window, dataEnd: isoToDay("2021-03-31") });
    const from = s("1_to_4", "foster"), to = s("5_to_9", "foster");
    expect(r.events[from * space.size + to]).toBe(1);
    expect(r.exposure[from]).toBe(isoToDay("2020-06-15") - isoToDay("2020-01-01"));
    expect(r.exposure[to]).toBe(isoToDay("2021-01-01") - isoToDay("2020-06-15"));
    expect(r.events[from * space.size + space.live]).toBe(0);
  });

  it("filters LAs and throws on an unknown LA", () => {
    const two = episodeTable([
      { child: 0, birth: "2010-01-01", start: "2019-01-01", type: "foster_la", la: "201" },
      { child: 1, birth: "2010-01-01", start: "2019-01-01", type: "foster_la", la: "202" },
    ]);
    const r = estimateRates(two, { space, window, las: ["202"], dataEnd: isoToDay("2021-03-31") });
    expect(r.exposure[s("10_to_15", "foster")]).toBe(366);
    expect(r.counts.excludedOtherLa).toBe(1);
    expect(() => estimateRates(two, { space, window, las: ["999"] })).toThrow(/999/);
  });

  it("throws on an empty window", () => {
    expect(() => estimateRates(table, { space, window: { start: 10, end: 10 } })).toThrow(/empty/);
  });
});

describe("estimateRates (daily-mean)", () => {
  it("averages daily ratios of transitions to the population the day before", () => {
    // Window of 4 days (2020-01-01..04). Two children in foster (5_to_9) from before the window.
    // Child A leaves care on 2020-01-03 (day 2): ratio 1/2 that day, 0 on days 1 and 3.
    // Days with an occupied state the day before: days 1, 2, 3 (3 days) -> p = (1/2) / 3.
    const table = episodeTable([
      { child: 0, birth: "2013-03-01", start: "2019-01-01", end: "2020-01-03", type: "foster_la" },
      { child: 1, birth: "2013-03-01", start: "2019-01-01", type: "foster_la" },
    ]);
    const r = estimateRates(table, { space, window: { start: isoToDay("2020-01-01"), end: isoToDay("2020-01-05") }, estimator: "daily-mean", dataEnd: isoToDay("2021-03-31") });
    const p = 0.5 / 3;
    expect(r.rates[s("5_to_9", "foster") * space.size + space.live]).toBeCloseTo(-Math.log(1 - p), 12);
    // The exposure estimator on the same data: 1 event over 2 + 4 = 6 person-days.
    const e = estimateRates(table, { space, window: { start: isoToDay("2020-01-01"), end: isoToDay("2020-01-05") }, dataEnd: isoToDay("2021-03-31") });
    expect(e.rates[s("5_to_9", "foster") * space.size + space.live]).toBeCloseTo(1 / 6, 12);
  });

  it("gives rates close to the exposure estimator on a large generated set", () => {
    const table = syntheticEpisodeTable({ seed: 3, las: 2, entriesPerYearPerLa: 300, firstYear: 2008 });
    const w = { start: isoToDay("2017-04-01"), end: isoToDay("2020-04-01") };
    const exposure = estimateRates(table, { space, window: w });
    const daily = estimateRates(table, { space, window: w, estimator: "daily-mean" });
    const state = s("10_to_15", "foster");
    const exitExposure = exposure.rates[state * space.size + space.live];
    const exitDaily = daily.rates[state * space.size + space.live];
    expect(exitExposure).toBeGreaterThan(0);
    expect(Math.abs(exitDaily - exitExposure) / exitExposure).toBeLessThan(0.25);
  });
});
