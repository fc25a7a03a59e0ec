import { describe, expect, it } from "vitest";
import { openAbsentFromNewer, CLOSED_UNKNOWN } from "../../../../src/ingest/ssda903/clean/open-absent-from-newer";
import { duplicateEpisodes } from "../../../../src/ingest/ssda903/clean/duplicate-episodes";
import { workingSet } from "../../../../src/ingest/ssda903/clean/working-set";
import { readSsda903 } from "../../../../src/ingest/ssda903/read-ssda903";
import { dayToIso } from "../../../../src/spec/ssda903";
import { episodes, header } from "../helpers";

describe("open-absent-from-newer rule", () => {
  it("JSDoc example", () => {
    expect(openAbsentFromNewer(workingSet(readSsda903([], {})))).toBe(0);
  });
  it("closes an episode open in the 2020 return but absent from the 2021 return on 1 April 2020, reason unknown", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2010"], ["B", "01/01/2010"]]),
      episodes("2020.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,", "B,01/06/2019,S,C2,N1,U1,PR1,,"], "YEAR", ["2020", "2020"]),
      episodes("2021.csv", ["B,01/06/2019,S,C2,N1,U1,PR1,,"], "YEAR", ["2021"]),
    ], { la: "202" });
    const set = workingSet(raw);
    duplicateEpisodes(set);
    expect(openAbsentFromNewer(set)).toBe(1);
    const e = raw.episodes;
    expect(dayToIso(e.end[0])).toBe("2020-04-01");
    expect(raw.dictionaries.reasonEnded[e.reasonEnded[0]]).toBe(CLOSED_UNKNOWN);
    expect(set.closedUnknown[0]).toBe(1);
    const notes = raw.sink.finish().filter((d) => d.code === "I_903_OPEN_ABSENT");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("1 episodes open at 31 March 2020");
  });
  it("leaves episodes open in the latest return, and other LAs' returns do not count", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2010"]], "LA=202"),
      header("h2.csv", [["Z", "01/01/2010"]], "LA=203"),
      episodes("e.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,", "Z,01/05/2020,S,C2,N1,U1,PR1,,"], "LA,YEAR", ["202,2020", "203,2021"]),
    ]);
    const set = workingSet(raw);
    expect(openAbsentFromNewer(set)).toBe(0);
  });
});
