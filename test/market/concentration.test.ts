import { describe, expect, it } from "vitest";
import { concentration, concentrationBand, HHI_THRESHOLDS } from "../../src/market/concentration";

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
  it("bands the HHI by the DoJ/FTC 2023 thresholds", () => {
    expect(concentrationBand(999)).toBe("unconcentrated");
    expect(concentrationBand(1000)).toBe("moderately concentrated");
    expect(concentrationBand(1800)).toBe("moderately concentrated");
    expect(concentrationBand(1801)).toBe("highly concentrated");
    expect(HHI_THRESHOLDS.source).toMatch(/2023/);
  });
});
