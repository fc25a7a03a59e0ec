import { describe, expect, it } from "vitest";
import { estimateRates } from "../../../src/forecast/stock-flow/estimate-rates";
import { observedStock } from "../../../src/forecast/stock-flow/observed-stock";
import { projectStockFlow } from "../../../src/forecast/stock-flow/project-stock-flow";
import { scenario } from "../../../src/forecast/stock-flow/scenario";
import { stateSpace } from "../../../src/forecast/stock-flow/state-space";
import { isoToDay } from "../../../src/spec/ssda903";
import { episodeTable } from "./episode-table-builder";
import { syntheticEpisodeTable } from "./synthetic-episode-table";

const space = stateSpace();
const table = syntheticEpisodeTable({ seed: 2, las: 2, entriesPerYearPerLa: 150, firstYear: 2008, lastYear: 2021 });
const start = isoToDay("2021-03-31");
const rates = estimateRates(table, { space, window: { start: isoToDay("2018-04-01"), end: start + 1 } });
const startStock = new Float64Array(space.size);
startStock.set(observedStock(table, space, [start]).stock);
const totalOf = (p: ReturnType<typeof projectStockFlow>, run = 0) => p.runs[run].series.find((s) => s.ageBand === "total" && s.placement === "total")!;

describe("projectStockFlow", () => {
  it("simulation means match exact propagation (no parameter uncertainty)", () => {
    const common = { rates, startStock, start, horizonMonths: 24, parameterUncertainty: false } as const;
    const exact = projectStockFlow({ ...common, method: "exact" });
    const simulated = projectStockFlow({ ...common, method: "simulate", simulations: 1500, seed: 4 });
    const e = totalOf(exact), s = totalOf(simulated);
    for (const t of [6, 12, 24]) {
      expect(Math.abs(s.mean[t] - e.mean[t]) / e.mean[t]).toBeLessThan(0.01);
      const exactWidth = e.upper[80][t] - e.lower[80][t];
      const simWidth = s.upper[80][t] - s.lower[80][t];
      expect(simWidth / exactWidth).toBeGreaterThan(0.8);
      expect(simWidth / exactWidth).toBeLessThan(1.25);
    }
    // Group series agree too.
    const foster = (p: typeof exact) => p.runs[0].series.find((x) => x.ageBand === "total" && x.placement === "foster")!.mean[24];
    expect(Math.abs(foster(simulated) - foster(exact)) / foster(exact)).toBeLessThan(0.03);
  });

  it("parameter uncertainty widens the intervals", () => {
    const common = { rates, startStock, start, horizonMonths: 36, method: "exact" } as const;
    const narrow = totalOf(projectStockFlow({ ...common, parameterUncertainty: false }));
    const wide = totalOf(projectStockFlow({ ...common, parameterUncertainty: true, parameterDraws: 100 }));
    expect(wide.upper[95][36] - wide.lower[95][36]).toBeGreaterThan(narrow.upper[95][36] - narrow.lower[95][36]);
  });

  it("is reproducible with a seed", () => {
    const run = () => totalOf(projectStockFlow({ rates, startStock, start, horizonMonths: 12, simulations: 100, seed: 99 }));
    expect(Array.from(run().upper[80])).toEqual(Array.from(run().upper[80]));
  });

  it("keeps the start stock at step 0 and the parts summing to the total", () => {
    const p = projectStockFlow({ rates, startStock, start, horizonMonths: 6, method: "exact" });
    const total = totalOf(p);
    expect(total.mean[0]).toBe(startStock.reduce((a, b) => a + b, 0));
    const groups = p.runs[0].series.filter((s) => s.ageBand === "total" && s.placement !== "total");
    expect(groups.reduce((a, s) => a + s.mean[6], 0)).toBeCloseTo(total.mean[6], 8);
  });

  it("ages children between bands at birthdays in the projection", () => {
    // 48 children in foster care since 2018 who never leave, born one a fortnight from mid-2014:
    // many turn 5 during the 2019-2020 window (ageing events, no entries, no exits).
    const episodes = Array.from({ length: 48 }, (_, c) => ({ child: c, birth: new Date(Date.UTC(2014, 6, 1) + c * 14 * 86_400_000).toISOString().slice(0, 10), start: "2018-01-01", type: "foster_la" }));
    const t = episodeTable(episodes);
    const s0 = isoToDay("2019-12-31");
    const r = estimateRates(t, { space, window: { start: isoToDay("2019-01-01"), end: s0 + 1 }, dataEnd: isoToDay("2021-03-31") });
    const b = (code: string) => space.ageBands.indexOf(code);
    const fosterIndex = space.placementGroups.indexOf("foster");
    const from = space.index(b("1_to_4"), fosterIndex), to = space.index(b("5_to_9"), fosterIndex);
    expect(r.events[from * space.size + to]).toBeGreaterThan(10);
    expect(r.events[from * space.size + space.live]).toBe(0);
    const stock = new Float64Array(space.size);
    stock.set(observedStock(t, space, [s0]).stock);
    const p = projectStockFlow({ rates: r, startStock: stock, start: s0, horizonMonths: 24, method: "exact", parameterUncertainty: false });
    const band = (code: string) => p.runs[0].series.find((x) => x.ageBand === code && x.placement === "foster")!;
    expect(band("1_to_4").mean[24]).toBeLessThan(band("1_to_4").mean[0] * 0.75);
    expect(band("5_to_9").mean[24]).toBeGreaterThan(band("5_to_9").mean[0]);
    expect(band("1_to_4").mean[24] + band("5_to_9").mean[24]).toBeCloseTo(48, 6);
  });

  it("runs scenarios side by side: multiply 0 removes a flow, moveTo moves it", () => {
    const noEntries = scenario(JSON.stringify({ name: "no entries", changes: [{ target: "entries", multiply: 0 }] }), space);
    const noExits = scenario(JSON.stringify({ name: "no exits", changes: [{ target: "exits", multiply: 0 }] }), space);
    const p = projectStockFlow({ rates, startStock, start, horizonMonths: 12, method: "exact", scenarios: [noEntries, noExits], parameterUncertainty: false });
    expect(p.runs.map((r) => r.scenario)).toEqual(["base", "no entries", "no exits"]);
    expect(p.runs[1].entries.reduce((a, b) => a + b, 0)).toBe(0);
    const exits = (run: number) => {
      let sum = 0;
      for (let t = 0; t < 12; t++) for (let i = 0; i < space.live; i++) sum += p.runs[run].flows[(t * space.size + i) * space.size + space.live];
      return sum;
    };
    expect(exits(2)).toBe(0);
    expect(exits(0)).toBeGreaterThan(0);
    expect(totalOf(p, 1).mean[12]).toBeLessThan(totalOf(p, 0).mean[12]);
    expect(totalOf(p, 2).mean[12]).toBeGreaterThan(totalOf(p, 0).mean[12]);
    // No entries: the total only falls, by the exits.
    expect(totalOf(p, 1).mean[12]).toBeCloseTo(startStock.reduce((a, b) => a + b, 0) - exits(1), 6);
  });

  it("throws on a bad horizon or level", () => {
    expect(() => projectStockFlow({ rates, startStock, start, horizonMonths: 0 })).toThrow();
    expect(() => projectStockFlow({ rates, startStock, start, horizonMonths: 3, levels: [100] })).toThrow();
  });
});
