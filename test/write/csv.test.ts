import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/write/csv";
import { neutraliseFormula } from "../../src/util/neutralise-formula";

describe("toCsv", () => {
  it("quotes, neutralises formulas and keeps missing empty", () => {
    expect(toCsv(["a", "b"], [{ a: "=1", b: 2 }])).toBe("a,b\n'=1,2\n");
    expect(toCsv(["a", "b", "c"], [{ a: 'x,"y"', b: null, c: -3 }])).toBe('a,b,c\n"x,""y""",,-3\n');
  });
  it("neutralises every dangerous leading character but not plain text", () => {
    for (const t of ["=A1", "+1", "-1", "@SUM(1)"]) expect(neutraliseFormula(t)).toBe(`'${t}`);
    expect(neutraliseFormula("Hartlepool")).toBe("Hartlepool");
  });
});
