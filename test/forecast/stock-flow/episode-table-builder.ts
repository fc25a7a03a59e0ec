/** Build small EpisodeTables by hand for known-answer tests. */
import { leafCodes } from "../../../src/reference/code-tree";
import { PLACEMENT_TYPE } from "../../../src/reference/code-lists";
import { isoToDay, type EpisodeTable } from "../../../src/spec/ssda903";

export interface HandEpisode {
  child: number;
  birth: string;
  start: string;
  end?: string;
  type: string;
  la?: string;
  legalStatus?: string;
  uasc?: boolean;
  provider?: string;
}

export function episodeTable(episodes: HandEpisode[]): EpisodeTable {
  const types = leafCodes(PLACEMENT_TYPE);
  const las = [...new Set(episodes.map((e) => e.la ?? "100"))];
  const statuses = [...new Set(episodes.map((e) => e.legalStatus ?? "C2"))];
  const providers = [...new Set(episodes.map((e) => e.provider ?? "PR1"))];
  const n = episodes.length;
  return {
    length: n,
    la: Uint16Array.from(episodes.map((e) => las.indexOf(e.la ?? "100"))),
    child: Int32Array.from(episodes.map((e) => e.child)),
    birth: Int32Array.from(episodes.map((e) => isoToDay(e.birth))),
    start: Int32Array.from(episodes.map((e) => isoToDay(e.start))),
    end: Int32Array.from(episodes.map((e) => (e.end ? isoToDay(e.end) : -1))),
    placementType: Uint8Array.from(episodes.map((e) => types.indexOf(e.type))),
    place: new Uint8Array(n),
    placeProvider: Uint8Array.from(episodes.map((e) => providers.indexOf(e.provider ?? "PR1"))),
    legalStatus: Uint8Array.from(episodes.map((e) => statuses.indexOf(e.legalStatus ?? "C2"))),
    categoryOfNeed: new Uint8Array(n),
    reasonNewEpisode: new Uint8Array(n),
    reasonEnded: new Uint8Array(n),
    uasc: Uint8Array.from(episodes.map((e) => (e.uasc ? 1 : 0))),
    outsideLa: new Uint8Array(n).fill(255),
    codes: { la: las, placementType: types, place: [""], placeProvider: providers, legalStatus: statuses, categoryOfNeed: [""], reasonNewEpisode: [""], reasonEnded: [""] },
  };
}
