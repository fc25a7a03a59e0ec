import { describe, expect, it } from "vitest";
import { missingFields } from "../../../../src/ingest/ssda903/clean/missing-fields";
import { REJECTED, KEPT, workingSet } from "../../../../src/ingest/ssda903/clean/working-set";
import { readSsda903 } from "../../../../src/ingest/ssda903/read-ssda903";
import { episodes, header } from "../helpers";

describe("missing-fields rule", () => {
  it("JSDoc example", () => {
    expect(missingFields(workingSet(readSsda903([], {})))).toBe(0);
  });
  it("rejects rows without CHILD, DECOM, a valid DEC, DEC before DECOM, or a child DOB; each with file and row", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2010"], ["B", "not a date"]]),
      episodes("e.csv", [
        "A,01/05/2019,S,C2,N1,U1,PR1,,",      // row 2: fine
        ",01/05/2019,S,C2,N1,U1,PR1,,",       // row 3: no CHILD
        "A,,S,C2,N1,U1,PR1,,",                // row 4: no DECOM
        "A,02/06/2019,P,C2,N1,U1,PR1,32/01/2020,E11", // row 5: DEC not a date
        "A,03/06/2019,P,C2,N1,U1,PR1,01/01/2019,E11", // row 6: DEC before DECOM
        "B,01/05/2019,S,C2,N1,U1,PR1,,",      // row 7: child B has no valid DOB
        "C,01/05/2019,S,C2,N1,U1,PR1,,",      // row 8: child C has no header row
      ]),
    ], { la: "202" });
    const set = workingSet(raw);
    expect(missingFields(set)).toBe(1 /* header B */ + 4 + 2);
    expect(raw.rejected).toMatchObject({ missing_child: 1, missing_decom: 1, invalid_dec: 1, dec_before_decom: 1, header_missing_dob: 1, missing_dob: 2 });
    expect(raw.episodes.length).toBe(3); // rows 2, 7, 8 were read; 7 and 8 rejected here
    expect([...set.status]).toEqual([KEPT, REJECTED, REJECTED]);
    const found = raw.sink.finish().map((d) => `${d.code}@${d.file}:${d.row}`);
    expect(found).toEqual(expect.arrayContaining([
      "E_903_MISSING_CHILD@e.csv:3", "E_903_MISSING_DECOM@e.csv:4", "E_903_INVALID_DEC@e.csv:5", "E_903_DEC_BEFORE_DECOM@e.csv:6",
      "E_903_HEADER_MISSING_DOB@h.csv:3", "E_903_MISSING_DOB@e.csv:7", "E_903_MISSING_DOB@e.csv:8",
    ]));
    expect(raw.files.find((f) => f.name === "e.csv")).toMatchObject({ rowsRead: 7, rowsRejected: 6 });
  });
  it("takes the DOB from a UASC table when the header lacks the child", () => {
    const raw = readSsda903([
      { name: "u.csv", bytes: new TextEncoder().encode("CHILD,SEX,DOB,DUC\nA,1,01/01/2004,01/01/2022\n") },
      episodes("e.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,"]),
    ], { la: "202" });
    expect(missingFields(workingSet(raw))).toBe(0);
  });
});
