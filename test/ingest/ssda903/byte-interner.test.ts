import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteInterner } from "../../../src/ingest/ssda903/byte-interner";
import { bytes } from "./helpers";

describe("ByteInterner", () => {
  it("JSDoc example: trims and folds case", () => {
    const interner = new ByteInterner(true);
    expect(interner.internText(" pr1 ")).toBe(0);
    expect(interner.internText("PR1")).toBe(0);
    expect(interner.text(0)).toBe("PR1");
    expect(new ByteInterner().internText("")).toBe(-1);
  });
  it("keeps case when not folding", () => {
    const interner = new ByteInterner(false);
    expect(interner.internText("a")).not.toBe(interner.internText("A"));
  });
  it("prefixed keys differ by prefix and match without copying", () => {
    const interner = new ByteInterner();
    const b = bytes("12345");
    const a1 = interner.internPrefixed(1, b, 0, 5);
    const a2 = interner.internPrefixed(2, b, 0, 5);
    expect(a1).not.toBe(a2);
    expect(interner.internPrefixed(1, bytes(" 12345 "), 0, 7)).toBe(a1);
    expect(interner.internPrefixed(2, b, 0, 5)).toBe(a2);
    expect(interner.internPrefixed(1, bytes("   "), 0, 3)).toBe(-1);
  });
  it("gives dense ids, equal exactly for equal values, across growth (property)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)), { maxLength: 3000 }), (items) => {
      const interner = new ByteInterner(false, 4);
      const seen = new Map<string, number>();
      for (const [prefix, value] of items) {
        const b = bytes(value);
        const id = interner.internPrefixed(prefix, b, 0, b.length);
        const key = `${prefix}:${value}`;
        if (seen.has(key)) expect(id).toBe(seen.get(key));
        else { expect(id).toBe(seen.size); seen.set(key, id); }
      }
      expect(interner.size).toBe(seen.size);
    }), { numRuns: 30 });
  });
});
