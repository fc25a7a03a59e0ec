import { describe, expect, it } from "vitest";
import { CATALOGUES, MESSAGES, diagnostic } from "../../src/spec/messages/index";

describe("message catalogue", () => {
  it("defines each code in exactly one area", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, catalogue] of Object.entries(CATALOGUES)) {
      for (const code of Object.keys(catalogue)) {
        if (seen.has(code)) clashes.push(`${code} in ${seen.get(code)} and ${area}`);
        seen.set(code, area);
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(MESSAGES).length).toBe(seen.size);
  });
  it("every entry has a message and a known severity", () => {
    for (const [code, entry] of Object.entries(MESSAGES)) {
      expect(entry.message.length, code).toBeGreaterThan(10);
      expect(["error", "warning", "info"], code).toContain(entry.severity);
    }
  });
  it("fills placeholders and locations", () => {
    const d = diagnostic("E_PUBLISHED_UNKNOWN_LA", { code: "999" }, { file: "a.csv", row: 3 });
    expect(d).toMatchObject({ code: "E_PUBLISHED_UNKNOWN_LA", file: "a.csv", row: 3 });
    expect(d.message).not.toMatch(/\{code\}/);
    expect(() => diagnostic("E_NOT_A_CODE")).toThrow(/Unknown diagnostic code/);
  });
});
