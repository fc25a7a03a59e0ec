/**
 * A seeded generator of synthetic, cleaned SSDA903 episode tables (no real children) for
 * tests and the projection benchmark: children enter care at a steady rate, move between
 * placement types and leave at random, and leave at 18 at the latest. Open episodes at the
 * end of the data are left open (end = -1), as in a real return.
 */
import { leafCodes } from "../../../src/reference/code-tree";
import { PLACEMENT_TYPE } from "../../../src/reference/code-lists";
import { seededRandom } from "../../../src/stats/seeded-random";
import { birthdayDay } from "../../../src/forecast/stock-flow/calendar";
import { isoToDay, type EpisodeTable } from "../../../src/spec/ssda903";

export interface SyntheticOptions {
  seed?: number;
  las?: number;
  entriesPerYearPerLa?: number;
  firstYear?: number;
  /** The data ends on 31 March of this year. */
  lastYear?: number;
}

export function syntheticEpisodeTable(options: SyntheticOptions = {}): EpisodeTable {
  const random = seededRandom(options.seed ?? 1);
  const las = options.las ?? 1;
  const perYear = options.entriesPerYearPerLa ?? 200;
  const first = isoToDay(`${options.firstYear ?? 2015}-04-01`);
  const dataEnd = isoToDay(`${options.lastYear ?? 2021}-03-31`);
  const types = leafCodes(PLACEMENT_TYPE);
  const typeIndex = (code: string) => types.indexOf(code);
  const entryTypes = ["foster_la", "foster_ifa", "foster_kinship", "childrens_home_private", "supported_accommodation", "with_parents"].map(typeIndex);
  const moveTypes = ["foster_la", "foster_ifa", "childrens_home_private", "childrens_home_la", "supported_accommodation", "placed_for_adoption"].map(typeIndex);
  const cols = { la: [] as number[], child: [] as number[], birth: [] as number[], start: [] as number[], end: [] as number[], type: [] as number[], ls: [] as number[], rec: [] as number[], uasc: [] as number[] };
  let child = 0;
  for (let la = 0; la < las; la++) {
    const days = dataEnd - first;
    const expected = (perYear * days) / 365.25;
    const count = random.poisson(expected);
    for (let c = 0; c < count; c++) {
      const entry = first + Math.floor(random.uniform() * days);
      const ageYears = Math.min(17.5, Math.max(0, random.uniform() < 0.2 ? random.uniform() : random.uniform() * 17.5));
      const birth = entry - Math.floor(ageYears * 365.25);
      const isUasc = ageYears > 14 && random.uniform() < 0.15 ? 1 : 0;
      const shortBreak = random.uniform() < 0.02;
      const eighteen = birthdayDay(birth, 18);
      let start = entry;
      let type = entryTypes[Math.floor(random.uniform() * entryTypes.length)];
      if (ageYears >= 16 && random.uniform() < 0.5) type = typeIndex("supported_accommodation");
      for (let episode = 0; episode < 12; episode++) {
        const duration = Math.max(1, Math.floor(-Math.log(random.uniform() || 1e-12) * 500));
        let end = start + duration;
        const moves = random.uniform() < 0.35;
        let rec = moves ? 1 : 2;
        if (end >= eighteen) { end = eighteen; rec = 2; }
        const open = end > dataEnd;
        cols.la.push(la); cols.child.push(child); cols.birth.push(birth); cols.start.push(start);
        cols.end.push(open ? -1 : end); cols.type.push(type); cols.ls.push(shortBreak ? 2 : (random.uniform() < 0.6 ? 0 : 1));
        cols.rec.push(open ? 0 : rec); cols.uasc.push(isUasc);
        if (open || rec === 2) break;
        start = end;
        type = moveTypes[Math.floor(random.uniform() * moveTypes.length)];
      }
      child++;
    }
  }
  const n = cols.child.length;
  return {
    length: n,
    la: Uint16Array.from(cols.la),
    child: Int32Array.from(cols.child),
    birth: Int32Array.from(cols.birth),
    start: Int32Array.from(cols.start),
    end: Int32Array.from(cols.end),
    placementType: Uint8Array.from(cols.type),
    place: new Uint8Array(n),
    placeProvider: new Uint8Array(n),
    legalStatus: Uint8Array.from(cols.ls),
    categoryOfNeed: new Uint8Array(n),
    reasonNewEpisode: new Uint8Array(n),
    reasonEnded: Uint8Array.from(cols.rec),
    uasc: Uint8Array.from(cols.uasc),
    outsideLa: new Uint8Array(n).fill(255),
    codes: {
      la: Array.from({ length: las }, (_, i) => `L${String(i + 1).padStart(2, "0")}`),
      placementType: types,
      place: [""],
      placeProvider: [""],
      legalStatus: ["C2", "V2", "V3"],
      categoryOfNeed: [""],
      reasonNewEpisode: [""],
      reasonEnded: ["", "X1", "E8"],
      uasc: undefined as never,
    } as EpisodeTable["codes"],
  };
}
