// Invariants over random, messy SSDA903 input: nothing throws, every row read is accepted,
// rejected or skipped on purpose, no diagnostic ever quotes a child identifier, and the
// children counted at 31 March never exceed the children with a date of birth.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestSsda903 } from "../../../src/ingest/ssda903/ingest-ssda903";
import { bytes } from "./helpers";

const ids = ["KIDAAA01", "KIDBBB02", "KIDCCC03", "KIDDDD04", "KIDEEE05", ""];
const date = fc.oneof(
  fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 2016, max: 2021 }) }).map(({ d, m, y }) => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`),
  fc.constantFrom("", "31/02/2019", "2019-13-01", "garbage"),
);
const code = (codes: string[]) => fc.constantFrom(...codes, "", "Q9");
const episodeRow = fc.tuple(fc.constantFrom(...ids), date, code(["S", "P", "L", "T", "B", "U"]), code(["C1", "C2", "E1", "V2", "V3", "V4", "J1"]), code(["N1", "N2", "N8"]),
  code(["U1", "U4", "U5", "K2", "P1", "H5", "A4", "Z1"]), code(["PR0", "PR1", "PR2", "PR4", "PR5"]), date, code(["X1", "E11", "E4A", "E45", "E8", "E17"]), fc.constantFrom("2019", "2020", "2021"))
  .map((cells) => cells.join(","));
const headerRow = fc.tuple(fc.constantFrom(...ids), fc.oneof(date, fc.constant("01/01/2008"))).map(([id, dob]) => `${id},1,${dob},WBRI,Z123456789012,,`);

describe("SSDA903 accounting (property)", () => {
  it("accounts for every row, never throws, never quotes a CHILD", () => {
    fc.assert(fc.property(fc.array(episodeRow, { maxLength: 40 }), fc.array(headerRow, { maxLength: 8 }), fc.boolean(), (episodes, headers, merge) => {
      const result = ingestSsda903([
        { name: "h.csv", bytes: bytes(["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", ...headers].join("\n")) },
        { name: "e.csv", bytes: bytes(["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,YEAR", ...episodes].join("\n")) },
      ], { la: "202", mergeLegalStatus: merge });
      const skipped = Object.values(result.rowsSkipped).reduce((a, b) => a + b, 0);
      expect(result.rowsRead).toBe(episodes.length + headers.length);
      expect(result.rowsAccepted + result.rowsRejected + skipped).toBe(result.rowsRead);
      expect(result.rowsAccepted).toBeGreaterThanOrEqual(0);
      for (const d of result.diagnostics) for (const id of ids.filter(Boolean)) expect(`${d.message} ${d.hint ?? ""}`).not.toContain(id);
      const withDob = new Set(headers.filter((h) => /^\w+,1,\d{2}\/\d{2}\/\d{4},/.test(h) && !h.startsWith(",")).map((h) => h.split(",")[0]));
      for (const row of result.rows) {
        if (row.measure === "cla_31_march" && row.dims.placement_type === "total" && row.dims.age_band === "total") expect(row.value!).toBeLessThanOrEqual(withDob.size);
        if (row.value !== null) expect(row.value).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 150 });
  });
});
