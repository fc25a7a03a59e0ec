import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, ageOn, birthdayDay, civilFromDays, daysFromCivil } from "../../../src/forecast/stock-flow/calendar";
import { isoToDay } from "../../../src/spec/ssda903";

describe("calendar", () => {
  it("matches the JSDoc examples", () => {
    expect(daysFromCivil(1970, 1, 2)).toBe(1);
    expect(civilFromDays(0)).toEqual([1970, 1, 1]);
    expect(birthdayDay(0, 1)).toBe(365);
    expect(ageOn(0, 365)).toBe(1);
    expect(addMonths(daysFromCivil(2021, 3, 31), 1) === daysFromCivil(2021, 4, 30)).toBe(true);
  });

  it("agrees with Date.UTC both ways (property)", () => {
    fc.assert(fc.property(fc.integer({ min: -20000, max: 40000 }), (day) => {
      const d = new Date(day * 86_400_000);
      expect(civilFromDays(day)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
    }));
  });

  it("counts ages from birthdays, with 29 February birthdays on 1 March", () => {
    const leap = isoToDay("2008-02-29");
    expect(birthdayDay(leap, 1)).toBe(isoToDay("2009-03-01"));
    expect(birthdayDay(leap, 4)).toBe(isoToDay("2012-02-29"));
    expect(ageOn(leap, isoToDay("2009-02-28"))).toBe(0);
    expect(ageOn(leap, isoToDay("2009-03-01"))).toBe(1);
    expect(ageOn(isoToDay("2010-05-10"), isoToDay("2026-05-09"))).toBe(15);
    expect(ageOn(isoToDay("2010-05-10"), isoToDay("2026-05-10"))).toBe(16);
  });

  it("keeps month ends at month ends and clamps other days", () => {
    expect(addMonths(isoToDay("2024-01-31"), 1)).toBe(isoToDay("2024-02-29"));
    expect(addMonths(isoToDay("2024-01-30"), 1)).toBe(isoToDay("2024-02-29"));
    expect(addMonths(isoToDay("2024-02-29"), 1)).toBe(isoToDay("2024-03-31"));
    expect(addMonths(isoToDay("2024-04-15"), -3)).toBe(isoToDay("2024-01-15"));
  });
});
