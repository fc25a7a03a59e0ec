import { describe, expect, it } from "vitest";
import { activeChanges, applyEntryChanges, applyRateChanges, scenario } from "../../../src/forecast/stock-flow/scenario";
import { stateSpace } from "../../../src/forecast/stock-flow/state-space";
import { isoToDay } from "../../../src/spec/ssda903";

const space = stateSpace();
const g = (code: string) => space.placementGroups.indexOf(code);
const homes = g("secure_and_childrens_homes"), foster = g("foster");

describe("scenario", () => {
  it("matches the JSDoc example", () => {
    expect(scenario('{"name":"x","changes":[{"target":"entries","multiply":0}]}', space).changes[0].multiply).toBe(0);
  });

  it("reads the examples of the issue (group codes, per year, UASC) and dates", () => {
    const s = scenario(JSON.stringify({ name: "More fostering", changes: [
      { from: "2026-04-01", target: "entries", placement: "secure_and_childrens_homes", multiply: 0.9, moveTo: "foster" },
      { target: "entries", placement: "foster", add: 100, per: "year" },
      { target: "entries", uasc: true, multiply: 1.5 },
      { target: "exits", placement: "Foster placements", ageBand: "16_plus", multiply: 1.2 },
    ] }), space);
    expect(s.changes[0].from).toBe(isoToDay("2026-04-01"));
    expect(s.changes[0].placement).toBe(homes);
    expect(s.changes[0].moveTo).toBe(foster);
    expect(s.changes[1].addPerDay).toBeCloseTo(100 / 365.25, 12);
    expect(s.changes[2].uasc).toBe(true);
    expect(s.changes[3].placement).toBe(foster);
    expect(activeChanges(s.changes, isoToDay("2026-03-31"))).toHaveLength(3);
    expect(activeChanges(s.changes, isoToDay("2026-04-01"))).toHaveLength(4);
  });

  it("reports every problem with its JSON path", () => {
    const text = JSON.stringify({ name: "bad", changes: [{ target: "entries", multiply: "lots" }, { target: "exit", multiply: 1 }, { target: "exits", placement: "castle", add: 1 }, { target: "entries" }] });
    expect(() => scenario(text, space, "s.json")).toThrow(/changes\[0\]\.multiply/);
    expect(() => scenario(text, space, "s.json")).toThrow(/changes\[1\]\.target/);
    const second = JSON.stringify({ name: "bad", changes: [{ target: "exits", placement: "castle", add: 1 }, { target: "entries" }, { target: "exits", multiply: 0.5, moveTo: "foster" }] });
    expect(() => scenario(second, space, "s.json")).toThrow(/changes\[0\]\.placement: unknown placement group 'castle'/);
    expect(() => scenario(second, space, "s.json")).toThrow(/changes\[1\]: give "multiply" or "add"/);
    expect(() => scenario(second, space, "s.json")).toThrow(/changes\[2\]\.moveTo/);
    expect(() => scenario("{", space)).toThrow(/not valid JSON/);
  });

  it("multiplies entries and moves the removed share to another group", () => {
    const s = scenario(JSON.stringify({ name: "x", changes: [{ target: "entries", placement: "secure_and_childrens_homes", multiply: 0.9, moveTo: "foster" }] }), space);
    const cells = new Float64Array(space.live * 2);
    cells[space.index(3, homes) * 2] = 10;
    cells[space.index(3, foster) * 2] = 20;
    const out = applyEntryChanges(cells, s.changes, space, 30);
    expect(out[space.index(3, homes) * 2]).toBeCloseTo(9, 12);
    expect(out[space.index(3, foster) * 2]).toBeCloseTo(21, 12);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(30, 12);
  });

  it("adds entries per year spread over matching cells, and scales UASC entries only", () => {
    const add = scenario(JSON.stringify({ name: "x", changes: [{ target: "entries", placement: "foster", add: 365.25, per: "year" }] }), space);
    const cells = new Float64Array(space.live * 2);
    cells[space.index(2, foster) * 2] = 1;
    cells[space.index(3, foster) * 2] = 3;
    const out = applyEntryChanges(cells, add.changes, space, 10);
    expect(out[space.index(2, foster) * 2]).toBeCloseTo(1 + 2.5, 12);
    expect(out[space.index(3, foster) * 2]).toBeCloseTo(3 + 7.5, 12);
    const uasc = scenario(JSON.stringify({ name: "x", changes: [{ target: "entries", uasc: true, multiply: 1.5 }] }), space);
    const both = new Float64Array(space.live * 2);
    both[space.index(4, foster) * 2] = 4;
    both[space.index(4, foster) * 2 + 1] = 2;
    const scaled = applyEntryChanges(both, uasc.changes, space, 30);
    expect(scaled[space.index(4, foster) * 2]).toBe(4);
    expect(scaled[space.index(4, foster) * 2 + 1]).toBe(3);
  });

  it("changes exit and transition rates; multiply 0 removes them", () => {
    const size = space.size;
    const rates = new Float64Array(size * size);
    const from = space.index(3, foster);
    rates[from * size + space.live] = 0.01;
    rates[from * size + space.index(3, homes)] = 0.002;
    const none = scenario(JSON.stringify({ name: "x", changes: [{ target: "exits", multiply: 0 }, { target: "transitions", placement: "foster", toPlacement: "secure_and_childrens_homes", multiply: 0.5, moveTo: "supported_accommodation_group" }] }), space);
    const out = applyRateChanges(rates, none.changes, space);
    expect(out[from * size + space.live]).toBe(0);
    expect(out[from * size + space.index(3, homes)]).toBeCloseTo(0.001, 12);
    expect(out[from * size + space.index(3, g("supported_accommodation_group"))]).toBeCloseTo(0.001, 12);
    expect(Array.from(applyRateChanges(rates, [], space))).toEqual(Array.from(rates));
  });
});

describe("activeChanges", () => {
  it("matches the JSDoc example", () => {
    const s = scenario('{"name":"x","changes":[{"target":"entries","multiply":0,"from":"2026-04-01"}]}', space);
    expect(activeChanges(s.changes, isoToDay("2026-03-31")).length).toBe(0);
    expect(activeChanges(s.changes, isoToDay("2026-04-01")).length).toBe(1);
  });
});
