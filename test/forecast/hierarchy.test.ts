import { describe, expect, it } from "vitest";
import { hierarchy, seriesKey } from "../../src/forecast/hierarchy";

describe("hierarchy", () => {
  const footprints = { source: "t", footprints: [{ code: "F", name: "F", members: ["A", "B"] }, { code: "G", name: "G", members: ["C", "Z"] }] };
  it("LA -> footprint -> England (JSDoc examples)", () => {
    expect(hierarchy({ las: ["A", "B"], footprints: { source: "t", footprints: [{ code: "F", name: "F", members: ["A", "B"] }] } }).aggregates.map((a) => a.id)).toEqual(["E92000001", "F"]);
    expect(seriesKey("E06000001", "foster_la")).toBe("E06000001|foster_la");
    const h = hierarchy({ las: ["A", "B", "C"], footprints });
    expect(h.bottom).toEqual(["A", "B", "C"]);
    expect(h.aggregates.find((a) => a.id === "G")?.members).toEqual(["C"]);
  });
  it("crossed with a dimension gives a grouped structure", () => {
    const h = hierarchy({ las: ["A", "B", "C"], footprints, dimensionValues: ["x", "y"] });
    expect(h.bottom).toHaveLength(6);
    const ids = h.aggregates.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(["E92000001", "E92000001|x", "F|y", "G", "A", "C"]));
    expect(h.aggregates.find((a) => a.id === "F|y")?.members).toEqual(["A|y", "B|y"]);
    expect(h.aggregates.find((a) => a.id === "E92000001")?.members).toHaveLength(6);
  });
  it("rejects clashing codes", () => {
    expect(() => hierarchy({ las: ["A"], footprints: { source: "t", footprints: [{ code: "A", name: "A", members: ["A"] }] } })).toThrow(/clashes/);
    expect(() => hierarchy({ las: [] })).toThrow();
  });
});

describe("hierarchy keep", () => {
  it("drops LA x value pairs without data and aggregates left empty", () => {
    const h = hierarchy({ las: ["A", "B"], dimensionValues: ["x", "y"], keep: (_la, v) => v !== "y" });
    expect(h.bottom).toEqual(["A|x", "B|x"]);
    expect(h.aggregates.map((a) => a.id)).not.toContain("E92000001|y");
    expect(h.aggregates.find((a) => a.id === "A")?.members).toEqual(["A|x"]);
  });
});
