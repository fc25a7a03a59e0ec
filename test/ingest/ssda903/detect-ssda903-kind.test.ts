import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectSsda903Kind } from "../../../src/ingest/ssda903/detect-ssda903-kind";
import { csvHeader } from "../../../src/ingest/ssda903/scan-csv";
import { readFileSync } from "node:fs";

const samples = "test/fixtures/ssda903-samples/combined";

describe("detectSsda903Kind", () => {
  it("JSDoc examples", () => {
    expect(detectSsda903Kind(["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"])).toBe("episodes");
    expect(detectSsda903Kind(["time_period", "la_name"])).toBeNull();
  });
  it("tells every sample file's table from its columns (names only used to state the expectation)", () => {
    for (const file of readdirSync(samples).filter((f) => f.endsWith(".csv"))) {
      const table = file.replace(/^\d{4}-/, "").replace(/\.csv$/, "");
      const expected = table === "header" || table === "episodes" || table === "uasc" ? table : "other903";
      expect(detectSsda903Kind(csvHeader(readFileSync(path.join(samples, file)))), file).toBe(expected);
    }
  });
  it("accepts LA and YEAR columns, any case and spacing, and a byte-order mark", () => {
    expect(detectSsda903Kind(["\uFEFFchild", " decom ", "ls", "LA", "YEAR"])).toBe("episodes");
    expect(detectSsda903Kind(["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "LA", "YEAR"])).toBe("header");
    expect(detectSsda903Kind(["CHILD", "SEX", "DOB", "DUC", "LA"])).toBe("uasc");
  });
  it("does not claim non-903 tables", () => {
    expect(detectSsda903Kind(["CHILD_ID", "DECOM"])).toBeNull();
    expect(detectSsda903Kind(["CHILD", "NAME"])).toBeNull();
  });
});
