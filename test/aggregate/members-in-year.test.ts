import { describe, expect, it } from "vitest";
import { membersInYear } from "../../src/aggregate/members-in-year";

const codes = (r: ReturnType<typeof membersInYear>) => r.members.map((la) => la.oldCode).sort();

describe("membersInYear", () => {
  it("gives the JSDoc example: North and West Northamptonshire are Northamptonshire before 2022", () => {
    expect(codes(membersInYear({ code: "F", name: "Northants", members: ["E06000061", "E06000062"] }, 2021))).toEqual(["928"]);
    expect(codes(membersInYear({ code: "F", name: "Northants", members: ["E06000061", "E06000062"] }, 2022))).toEqual(["940", "941"]);
  });
  it("uses an abolished member's successors in later years", () => {
    expect(codes(membersInYear({ code: "F", name: "Old", members: ["928"] }, 2025))).toEqual(["940", "941"]);
    expect(codes(membersInYear({ code: "F", name: "Old", members: ["909"] }, 2024))).toEqual(["942", "943"]);
    expect(codes(membersInYear({ code: "F", name: "Old", members: ["909"] }, 2023))).toEqual(["909"]);
  });
  it("flags, rather than double counts or drops, a predecessor split between footprints", () => {
    const north = membersInYear({ code: "N", name: "North Northants + MK", members: ["E06000061", "E06000042"] }, 2021);
    expect(codes(north)).toEqual(["826"]);
    expect(north.notComparable).toHaveLength(1);
    expect(north.notComparable[0]).toContain("Northamptonshire (928)");
    expect(membersInYear({ code: "N", name: "x", members: ["E06000061", "E06000042"] }, 2022).notComparable).toEqual([]);
  });
  it("follows the 2019 Dorset merge only when the footprint holds the whole area", () => {
    expect(codes(membersInYear({ code: "D", name: "Dorset area", members: ["838", "839"] }, 2019))).toEqual(["835", "836", "837"]);
    expect(membersInYear({ code: "D", name: "Dorset only", members: ["838"] }, 2019).notComparable).toHaveLength(1);
    expect(membersInYear({ code: "P", name: "Poole only", members: ["836"] }, 2025).notComparable).toHaveLength(1);
  });
  it("keeps a recoded LA (North Yorkshire) as one member in every year", () => {
    for (const year of [2015, 2023, 2024, 2025]) expect(codes(membersInYear({ code: "Y", name: "NY", members: ["E10000023"] }, year))).toEqual(["815"]);
  });
  it("throws on an unknown member code (a programmer error: parseFootprints reports those)", () => {
    expect(() => membersInYear({ code: "X", name: "x", members: ["E99999999"] }, 2025)).toThrow(/unknown LA/);
  });
});
