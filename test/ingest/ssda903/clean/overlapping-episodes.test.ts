import { describe, expect, it } from "vitest";
import { overlappingEpisodes } from "../../../../src/ingest/ssda903/clean/overlapping-episodes";
import { workingSet } from "../../../../src/ingest/ssda903/clean/working-set";
import { readSsda903 } from "../../../../src/ingest/ssda903/read-ssda903";
import { dayToIso } from "../../../../src/spec/ssda903";
import { episodes, header } from "../helpers";

describe("overlapping-episodes rule", () => {
  it("JSDoc example", () => {
    expect(overlappingEpisodes(workingSet(readSsda903([], {})))).toBe(0);
  });
  it("closes an episode that ends after the next starts, and an open one followed by another, at the next start", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2015"]]),
      episodes("e.csv", [
        "A,01/05/2019,S,C2,N1,U1,PR1,01/08/2019,X1", // row 2: overlaps row 3
        "A,01/07/2019,P,C2,N1,U4,PR4,,",             // row 3: open, but row 4 follows
        "A,01/09/2019,P,C2,N1,U5,PR4,01/10/2019,X1", // row 4: fine (next starts on its end)
        "A,01/10/2019,P,C2,N1,U5,PR1,,",             // row 5: last, open
      ]),
    ], { la: "202" });
    const set = workingSet(raw);
    expect(overlappingEpisodes(set)).toBe(2);
    const e = raw.episodes;
    expect([0, 1, 2, 3].map((i) => (e.end[i] < 0 ? "open" : dayToIso(e.end[i])))).toEqual(["2019-07-01", "2019-09-01", "2019-10-01", "open"]);
    // The open episode closed by the rule gets REC X1 (the child stayed looked after).
    expect(raw.dictionaries.reasonEnded[e.reasonEnded[1]]).toBe("X1");
    expect(raw.sink.finish().filter((d) => d.code === "W_903_OVERLAP").map((d) => d.row)).toEqual([2]);
  });
  it("is idempotent and leaves episodes ordered without overlap (property over shuffled rows)", () => {
    const rows = ["A,01/05/2019,S,C2,N1,U1,PR1,01/09/2019,X1", "A,01/07/2019,P,C2,N1,U4,PR4,01/12/2019,X1", "A,01/08/2019,P,C2,N1,U5,PR4,,", "A,01/11/2019,P,C2,N1,U5,PR1,01/01/2020,E11"];
    for (let k = 0; k < rows.length; k++) {
      const shuffled = [...rows.slice(k), ...rows.slice(0, k)];
      const raw = readSsda903([header("h.csv", [["A", "01/01/2015"]]), episodes("e.csv", shuffled)], { la: "202" });
      const set = workingSet(raw);
      overlappingEpisodes(set);
      expect(overlappingEpisodes(set)).toBe(0);
      const e = raw.episodes;
      const order = [...set.order];
      for (let j = 0; j + 1 < order.length; j++) expect(e.end[order[j]]).toBe(e.start[order[j + 1]]);
    }
  });
});
