import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATE_INVALID, DATE_MISSING, parseDate, parseDateText } from "../../../src/ingest/ssda903/parse-date";
import { ageOn, civilDate, civilDays, daysInMonth, reportingYearOf, yearEnd } from "../../../src/util/civil-days";
import { bytes } from "./helpers";

const utcDays = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe("parseDate", () => {
  it("JSDoc examples", () => {
    expect(parseDate(bytes("02/01/1970"), 0, 10)).toBe(1);
    expect(parseDateText("2020-03-31")).toBe(18352);
  });
  it("reads dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, yyyy-mm-dd and ignores a time of day", () => {
    const expected = utcDays(2019, 4, 5);
    for (const text of ["05/04/2019", "5/4/2019", "05-04-2019", "2019-04-05", " 05/04/2019 ", "05/04/2019 00:00:00", "2019-04-05T00:00:00"]) {
      expect(parseDateText(text), text).toBe(expected);
    }
  });
  it("returns missing for blanks and invalid for non-dates", () => {
    expect(parseDateText("")).toBe(DATE_MISSING);
    expect(parseDateText("   ")).toBe(DATE_MISSING);
    for (const text of ["31/02/2020", "29/02/2019", "00/01/2020", "01/13/2020", "1/1/20", "2020/1", "abc", "01/01/2020x", "12345/01/2020"]) {
      expect(parseDateText(text), text).toBe(DATE_INVALID);
    }
    expect(parseDateText("29/02/2020")).toBe(utcDays(2020, 2, 29));
  });
  it("agrees with Date.UTC on any valid date (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const day = Math.min(d, daysInMonth(y, m));
      const text = `${String(day).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
      expect(parseDateText(text)).toBe(utcDays(y, m, day));
    }));
  });
});

describe("civil days", () => {
  it("JSDoc examples", () => {
    expect(civilDays(1970, 1, 2)).toBe(1);
    expect(civilDate(civilDays(2020, 2, 29))).toBe(20200229);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(ageOn(civilDays(2010, 4, 1), civilDays(2020, 3, 31))).toBe(9);
    expect(yearEnd(1970)).toBe(89);
    expect(reportingYearOf(civilDays(2020, 4, 1))).toBe(2021);
  });
  it("round-trips with Date (property)", () => {
    fc.assert(fc.property(fc.integer({ min: -30000, max: 80000 }), (day) => {
      const date = new Date(day * 86_400_000);
      expect(civilDate(day)).toBe(date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate());
      expect(civilDays(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
    }));
  });
  it("ages: birthday reached on the day; 29 February birthdays on 1 March", () => {
    expect(ageOn(civilDays(2004, 3, 31), civilDays(2020, 3, 31))).toBe(16);
    expect(ageOn(civilDays(2004, 4, 1), civilDays(2020, 3, 31))).toBe(15);
    expect(ageOn(civilDays(2004, 2, 29), civilDays(2021, 2, 28))).toBe(16);
    expect(ageOn(civilDays(2004, 2, 29), civilDays(2021, 3, 1))).toBe(17);
    expect(ageOn(civilDays(2021, 1, 1), civilDays(2020, 3, 31))).toBe(-1);
  });
  it("reporting year: 31 March ends it, 1 April starts the next", () => {
    expect(reportingYearOf(civilDays(2020, 3, 31))).toBe(2020);
    expect(reportingYearOf(civilDays(2019, 4, 1))).toBe(2020);
    expect(reportingYearOf(civilDays(2019, 3, 31))).toBe(2019);
  });
});
