import { describe, expect, it } from "vitest";
import { shortBreaks, SHORT_BREAK_CODES } from "../../../../src/ingest/ssda903/clean/short-breaks";
import { KEPT, SHORT_BREAK, workingSet } from "../../../../src/ingest/ssda903/clean/working-set";
import { readSsda903 } from "../../../../src/ingest/ssda903/read-ssda903";
import { episodes, header } from "../helpers";

describe("short-breaks rule", () => {
  it("JSDoc example", () => {
    expect(shortBreaks(workingSet(readSsda903([], {})))).toBe(0);
    expect([...SHORT_BREAK_CODES]).toEqual(["V3", "V4"]);
  });
  it("excludes V3 and V4 episodes (any case) and nothing else", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2015"]]),
      episodes("e.csv", ["A,01/05/2019,S,V3,N2,K2,PR1,03/05/2019,E13", "A,01/06/2019,S,v4,N2,K2,PR1,03/06/2019,E13", "A,01/07/2019,S,V2,N2,U1,PR1,,"]),
    ], { la: "202" });
    const set = workingSet(raw);
    expect(shortBreaks(set)).toBe(2);
    expect([...set.status]).toEqual([SHORT_BREAK, SHORT_BREAK, KEPT]);
  });
});
