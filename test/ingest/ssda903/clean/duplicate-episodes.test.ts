import { describe, expect, it } from "vitest";
import { duplicateEpisodes } from "../../../../src/ingest/ssda903/clean/duplicate-episodes";
import { DUPLICATE, KEPT, workingSet } from "../../../../src/ingest/ssda903/clean/working-set";
import { readSsda903 } from "../../../../src/ingest/ssda903/read-ssda903";
import { dayToIso } from "../../../../src/spec/ssda903";
import { episodes, header } from "../helpers";

describe("duplicate-episodes rule", () => {
  it("JSDoc example", () => {
    expect(duplicateEpisodes(workingSet(readSsda903([], {})))).toBe(0);
  });
  it("keeps the latest return's version of an episode (whatever the file order)", () => {
    const files = [
      episodes("2021.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,01/06/2020,E11"], "YEAR", ["2021"]),
      header("h.csv", [["A", "01/01/2015"]]),
      episodes("2020.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,"], "YEAR", ["2020"]),
    ];
    const raw = readSsda903(files, { la: "202" });
    const set = workingSet(raw);
    expect(duplicateEpisodes(set)).toBe(1);
    const kept = [...set.status.keys()].filter((i) => set.status[i] === KEPT);
    expect(kept).toHaveLength(1);
    expect(raw.episodes.year[kept[0]]).toBe(2021);
    expect(dayToIso(raw.episodes.end[kept[0]])).toBe("2020-06-01");
    expect(raw.sink.finish().some((d) => d.code === "W_903_DUPLICATE_IN_RETURN")).toBe(false);
  });
  it("within one return the later row wins, with a warning at that row", () => {
    const raw = readSsda903([header("h.csv", [["A", "01/01/2015"]]), episodes("e.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,", "A,01/05/2019,S,C2,N1,U4,PR4,,"])], { la: "202" });
    const set = workingSet(raw);
    expect(duplicateEpisodes(set)).toBe(1);
    expect([...set.status]).toEqual([DUPLICATE, KEPT]);
    expect(raw.sink.finish().filter((d) => d.code === "W_903_DUPLICATE_IN_RETURN").map((d) => d.row)).toEqual([3]);
  });
  it("does not merge the same DECOM of different children or LAs", () => {
    const raw = readSsda903([
      header("h.csv", [["A", "01/01/2015"], ["B", "01/01/2015"]], "LA=202"),
      episodes("e.csv", ["A,01/05/2019,S,C2,N1,U1,PR1,,", "B,01/05/2019,S,C2,N1,U1,PR1,,", "A,01/05/2019,S,C2,N1,U1,PR1,,"], "LA", ["202", "202", "203"]),
    ]);
    expect(duplicateEpisodes(workingSet(raw))).toBe(0);
  });
});
