import { describe, expect, it } from "vitest";
import { dataEndOf, episodeSelection } from "../../../src/forecast/stock-flow/episode-selection";
import { stateSpace } from "../../../src/forecast/stock-flow/state-space";
import { isoToDay } from "../../../src/spec/ssda903";
import { episodeTable } from "./episode-table-builder";

describe("episodeSelection", () => {
  const table = episodeTable([
    { child: 1, birth: "2010-01-01", start: "2020-05-01", type: "foster_la" },
    { child: 0, birth: "2011-01-01", start: "2019-03-01", end: "2019-06-01", type: "foster_la" },
    { child: 1, birth: "2010-01-01", start: "2019-01-01", end: "2020-05-01", type: "foster_ifa" },
    { child: 2, birth: "2012-01-01", start: "2019-01-01", end: "2019-01-05", type: "foster_la", legalStatus: "V4" },
    { child: 3, birth: "2012-01-01", start: "2019-01-01", type: "foster_la", la: "999" },
  ]);

  it("groups episodes by child in start order and counts every exclusion", () => {
    const selection = episodeSelection(table, stateSpace(), { las: ["100"] });
    expect(Array.from(selection.order)).toEqual([1, 2, 0]);
    expect(Array.from(selection.runStarts)).toEqual([0, 1, 3]);
    expect(selection.counts).toMatchObject({ episodes: 5, used: 3, excludedShortBreaks: 1, excludedOtherLa: 1, children: 2 });
  });

  it("ends the data on 31 March after the latest date, or of the latest return year when known", () => {
    expect(dataEndOf(table)).toBe(isoToDay("2021-03-31"));
    expect(dataEndOf({ ...table, returnYears: [[2019, 2020], [2021]] })).toBe(isoToDay("2021-03-31"));
    expect(dataEndOf({ ...table, returnYears: [[2019, 2020], [2020]] })).toBe(isoToDay("2020-03-31"));
  });
});
