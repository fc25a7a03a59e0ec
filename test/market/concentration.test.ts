import { describe, expect, it } from "vitest";
import { concentration } from "../../src/market/concentration";
import { demandSupplyGap } from "../../src/market/gap";

describe("concentration", () => {
  it("groups by owner, ranks and measures HHI and top-N share", () => {
    const c = concentration([{ owner: "A", places: 2 }, { owner: "B", places: 1 }, { owner: "A", places: 1 }, { owner: " ", places: 4 }], 1);
    expect(c.totalPlaces).toBe(8);
    expect(c.owners).toBe(3);
    expect(c.top[0]).toEqual({ owner: "(owner not recorded)", places: 4, share: 50 });
    expect(c.topShare).toBe(50);
    expect(c.hhi).toBeCloseTo(50 ** 2 + 37.5 ** 2 + 12.5 ** 2, 9);
    expect(concentration([{ owner: "A", places: 3 }, { owner: "B", places: 1 }], 1).topShare).toBe(75);
  });
  it("gap is demand minus places", () => {
    expect(demandSupplyGap([{ year: 2026, mean: 120, lower: 100, upper: 140 }], 100)[0]).toMatchObject({ gap: 20, placesPerChild: 100 / 120 });
  });
});
