import { describe, expect, it } from "vitest";
import { mergeLegalStatus } from "../../../../src/ingest/ssda903/clean/merge-legal-status";
import { KEPT, MERGED, workingSet } from "../../../../src/ingest/ssda903/clean/working-set";
import { readSsda903 } from "../../../../src/ingest/ssda903/read-ssda903";
import { dayToIso } from "../../../../src/spec/ssda903";
import { episodes, header } from "../helpers";

describe("merge-legal-status rule", () => {
  it("JSDoc example", () => {
    expect(mergeLegalStatus(workingSet(readSsda903([], {})))).toBe(0);
  });
  it("merges consecutive episodes that differ only in legal status, not placement moves or gaps", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2010"]]),
      episodes("e.csv", [
        "A,01/05/2019,S,C1,N1,U4,PR4,01/08/2019,X1",
        "A,01/08/2019,L,C2,N1,U4,PR4,01/10/2019,X1", // legal status change only: merged into the first
        "A,01/10/2019,L,E1,N1,U4,PR4,01/11/2019,X1", // and again
        "A,01/11/2019,P,E1,N1,U5,PR4,01/12/2019,X1", // placement move: kept
        "A,02/12/2019,L,C2,N1,U5,PR4,01/01/2020,E11", // gap of a day: kept
      ]),
    ], { la: "202" });
    const set = workingSet(raw);
    expect(mergeLegalStatus(set)).toBe(2);
    expect([...set.status]).toEqual([KEPT, MERGED, MERGED, KEPT, KEPT]);
    const e = raw.episodes;
    expect(dayToIso(e.end[0])).toBe("2019-11-01");
    expect(raw.dictionaries.legalStatus[e.legalStatus[0]]).toBe("E1");
    expect(raw.dictionaries.reasonNewEpisode[e.reasonNewEpisode[0]]).toBe("S");
  });
});
