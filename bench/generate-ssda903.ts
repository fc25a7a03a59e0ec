/**
 * A seeded generator of synthetic SSDA903 returns (no real children): LAs x years of
 * header, episodes and UASC tables, with LA and YEAR columns, as CSV text. Each child
 * enters care once, moves between placements (RNE P), changes legal status (RNE L), and
 * leaves with a reason that depends on age, or at 18. A few children have only
 * short-break (V3) episodes. Each annual return holds every episode open during its year
 * (DEC and REC blank when still open at 31 March), so returns overlap as real ones do.
 * It also returns the true counts (stock at 31 March, starts, ceases) per LA and year,
 * computed from the simulation, for cross-checks.
 *
 * Two shapes (option `shape`):
 * - "toolkit" (default): one header/episodes/uasc file per return (`2024-episodes.csv`),
 *   LA as the old DfE code, YEAR naming the year the collection ends (as LA systems and
 *   DfE do), dates dd/mm/yyyy.
 * - "regional-app": the stacked extract the regional demand-model app (Social Finance,
 *   cs-demand-model-regional, samples/v1) works from: one header.csv, episodes.csv and
 *   uasc.csv holding every return, LA as the LA's name ("Bristol", "Bromley"), YEAR naming
 *   the year the collection STARTS (YEAR 2017 = April 2017 to March 2018), dates yyyy-mm-dd.
 *
 * Run as a script for the national benchmark sets (150 LAs, 10 returns):
 *   npx tsx bench/generate-ssda903.ts [--seed 903] [--shape toolkit|regional-app] [--out DIR]
 * toolkit: about 30,000 children entering care a year, >= 1,000,000 episode rows;
 * regional-app: about 16,500 a year (entrantsPerLa 110), about 1,000,000 episode rows.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lasInYear } from "../src/reference/las";
import { civilDate, civilDays, yearEnd } from "../src/util/civil-days";

export interface GenerateOptions {
  seed?: number;
  /** Number of LAs (taken from the LAs reporting in the last year). */
  las?: number;
  /** Return years, ending 31 March. */
  firstYear?: number;
  lastYear?: number;
  /** Children entering care per LA per year (on average). */
  entrantsPerLa?: number;
  /** Years simulated before the first return, so the first 31 March has a realistic stock. */
  burnInYears?: number;
  /**
   * Data problems to plant, as the share of children affected (each child gets at most
   * one), with the exact numbers planted reported in truth.planted: a blank DOB in every
   * header row; an episode that overlaps the next one by 10 days; a child who disappears
   * from the returns after one where an episode was still open. Off by default; with any
   * of them, truth.stock/starts/ceases describe the simulation, not the planted data.
   */
  problems?: { missingDob?: number; overlaps?: number; lostFromNewer?: number };
  /** File layout, LA and YEAR labels and date format (see the file comment). Default "toolkit". */
  shape?: "toolkit" | "regional-app";
}

/**
 * The LA's name as the regional demand-model app writes it: the everyday name, without
 * DfE's ", City of" / ", County of" inversions ("Bristol, City of" -> "Bristol").
 * @throws never.
 * @example regionalAppLaName("Kingston upon Hull, City of") // "Kingston upon Hull"
 */
export function regionalAppLaName(name: string): string {
  return name.replace(/, (City|County) of$/, "");
}

export interface GeneratedFile {
  name: string;
  text: string;
}

export interface GeneratedTruth {
  /** "LA:year" -> children looked after at 31 March (short breaks excluded). */
  stock: Map<string, number>;
  starts: Map<string, number>;
  ceases: Map<string, number>;
  episodeRows: number;
  children: number;
  /** Planted problems: episode rows whose child has no DOB; overlapping episodes; episodes left open then lost. */
  planted: { missingDobRows: number; overlaps: number; lostFromNewer: number };
}

/** mulberry32: a small, fast, seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** dd/mm/yyyy for a day number. */
export function formatDate(day: number): string {
  const packed = civilDate(day);
  return `${pad(packed % 100)}/${pad(Math.floor(packed / 100) % 100)}/${Math.floor(packed / 10000)}`;
}

/** yyyy-mm-dd for a day number (the regional app's date format). */
export function formatIsoDate(day: number): string {
  const packed = civilDate(day);
  return `${Math.floor(packed / 10000)}-${pad(Math.floor(packed / 100) % 100)}-${pad(packed % 100)}`;
}

/** A CSV field, quoted when it holds a comma or quote. */
function field(text: string): string {
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface Episode { start: number; end: number; rne: string; ls: string; cin: string; place: string; provider: string; rec: string; plPost: string; urn: string }
interface Child { id: string; la: string; dob: number; sex: number; uasc: boolean; homePost: string; upn: string; episodes: Episode[]; shortBreaks: boolean; noDob?: boolean; lostAfter?: number }

/**
 * Generate the synthetic returns and the true counts.
 * @throws never.
 * @example generateSsda903({ las: 1, firstYear: 2020, lastYear: 2021, entrantsPerLa: 20 }).files.length // 6
 */
export function generateSsda903(options: GenerateOptions = {}): { files: GeneratedFile[]; truth: GeneratedTruth } {
  const { seed = 903, las: laCount = 150, firstYear = 2015, lastYear = 2024, entrantsPerLa = 200, burnInYears = 8, problems = {}, shape = "toolkit" } = options;
  const regional = shape === "regional-app";
  const date = regional ? formatIsoDate : formatDate;
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const exp = (mean: number) => -Math.log(1 - rand()) * mean;
  const letters = [..."ABCDEFGHJKLMNPRSTUVWXY"];
  const postcode = () => `${pick(letters)}${pick(letters)}${1 + Math.floor(rand() * 20)} ${Math.floor(rand() * 10)}${pick(letters)}${pick(letters)}`;
  const laRows = lasInYear(lastYear).slice(0, laCount);
  const las = laRows.map((la) => la.oldCode);
  // The LA column as written: the old DfE code, or (regional app) the LA's name.
  const laLabel = new Map(laRows.map((la) => [la.oldCode, regional ? field(regionalAppLaName(la.name)) : la.oldCode]));
  const horizon = yearEnd(lastYear);
  const children: Child[] = [];
  let serial = 100000;

  for (const la of las) {
    for (let year = firstYear - burnInYears; year <= lastYear; year++) {
      const from = yearEnd(year - 1) + 1;
      const entrants = Math.round(entrantsPerLa * (0.85 + 0.3 * rand()));
      for (let k = 0; k < entrants; k++) {
        const entry = from + Math.floor(rand() * 365);
        const u = rand();
        const uasc = rand() < 0.05;
        const ageYears = uasc ? 14 + rand() * 3.5 : u < 0.2 ? rand() : u < 0.35 ? 1 + rand() * 4 : u < 0.55 ? 5 + rand() * 5 : u < 0.9 ? 10 + rand() * 6 : 16 + rand() * 1.9;
        const dob = entry - Math.floor(ageYears * 365.25) - 1;
        const eighteen = civilDays(Math.floor(civilDate(dob) / 10000) + 18, Math.floor(civilDate(dob) / 100) % 100, Math.min(civilDate(dob) % 100, 28));
        const shortBreaks = !uasc && rand() < 0.02;
        const child: Child = { id: String(serial++), la, dob, sex: 1 + Math.floor(rand() * 2), uasc, homePost: postcode(), upn: `A${Math.floor(rand() * 1e12)}`, episodes: [], shortBreaks };
        if (shortBreaks) {
          // A series of short breaks through the year: V3, each its own short episode.
          let day = entry;
          for (let b = 0; b < 6 && day < horizon; b++) {
            const end = day + 2;
            child.episodes.push({ start: day, end: end > horizon ? -1 : end, rne: "S", ls: "V3", cin: "N2", place: "K2", provider: "PR1", rec: end > horizon ? "" : "E13", plPost: postcode(), urn: "SC" + Math.floor(rand() * 1e6) });
            day += 30 + Math.floor(rand() * 60);
          }
          children.push(child);
          continue;
        }
        const leave = Math.min(entry + 1 + Math.floor(exp(ageYears < 5 ? 900 : 1400)), eighteen);
        const age = (day: number) => (day - dob) / 365.25;
        let start = entry;
        let ls = rand() < 0.4 ? "V2" : rand() < 0.7 ? "C1" : pick(["L1", "L2", "J1", "E1"]);
        const cin = uasc ? "N8" : pick(["N1", "N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7"]);
        let rne = "S";
        let place = "";
        let provider = "";
        while (start < leave && start <= horizon) {
          const a = age(start);
          if (rne !== "L") {
            place = a >= 16 ? pick(["U4", "U5", "K2", "H5", "P2", "U1"]) : a >= 10 ? pick(["U4", "U5", "U6", "K2", "K2", "U1", "U3", "R1", "S1"]) : pick(["U1", "U2", "U3", "U4", "U5", "U6", "P1", "A4", "A5"]);
            provider = place === "P1" ? "PR0" : ["U1", "U2", "U3", "A4", "A5"].includes(place) ? "PR1" : pick(["PR1", "PR1", "PR4", "PR4", "PR5", "PR2", "PR3"]);
          }
          const next = start + 1 + Math.floor(exp(rne === "S" ? 250 : 400));
          const end = Math.min(next, leave);
          const open = end > horizon;
          const last = end === leave;
          let rec = "X1";
          if (last) {
            const b = age(end);
            rec = end === eighteen ? pick(["E17", "E8", "E5", "E6"]) : b < 5 ? pick(["E11", "E12", "E45", "E44", "E4A", "E41", "E13"]) : pick(["E4A", "E4B", "E13", "E8", "E41", "E45", "E7", "E9", "E16", "E5"]);
          }
          child.episodes.push({ start, end: open ? -1 : end, rne, ls, cin, place, provider, rec: open ? "" : rec, plPost: postcode(), urn: "SC" + Math.floor(rand() * 1e6) });
          if (open || last) break;
          start = end;
          if (rand() < 0.25 && (ls === "C1" || ls === "V2" || ls === "L1" || ls === "L2")) {
            ls = ls === "C1" ? "C2" : ls === "V2" ? pick(["C1", "V2"]) : "C1";
            rne = "L";
          } else {
            rne = rand() < 0.1 ? "T" : "P";
            if (rne === "T" && ls === "C1") ls = "C2";
          }
        }
        if (child.episodes.length) children.push(child);
      }
    }
  }

  // Planted problems (a separate random stream, so the simulation is the same with or without them).
  const planted = { missingDobRows: 0, overlaps: 0, lostFromNewer: 0 };
  const { missingDob = 0, overlaps = 0, lostFromNewer = 0 } = problems;
  if (missingDob + overlaps + lostFromNewer > 0) {
    const plant = random(seed ^ 0x5eed);
    for (const child of children) {
      if (child.shortBreaks) continue;
      const u = plant();
      if (u < missingDob) {
        child.noDob = true;
      } else if (u < missingDob + overlaps) {
        const k = child.episodes.findIndex((ep, i) => i + 1 < child.episodes.length && ep.end >= 0);
        const next = child.episodes[k + 1];
        // Only where the returns show it: the overlap ends inside the returns' years.
        if (k >= 0 && (next.end < 0 || next.end > next.start + 10) && next.start + 10 <= horizon && next.start + 10 > yearEnd(firstYear - 1)) {
          child.episodes[k].end = next.start + 10;
          planted.overlaps++;
        }
      } else if (u < missingDob + overlaps + lostFromNewer) {
        for (let year = firstYear; year < lastYear; year++) {
          const march = yearEnd(year);
          if (child.episodes.some((ep) => ep.start <= march && (ep.end < 0 || ep.end > march))) { child.lostAfter = year; planted.lostFromNewer++; break; }
        }
      }
    }
  }

  // Returns and the truth.
  const truth: GeneratedTruth = { stock: new Map(), starts: new Map(), ceases: new Map(), episodeRows: 0, children: children.length, planted };
  const files: GeneratedFile[] = [];
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const stacked = { header: ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,LA,YEAR"], episodes: ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA,YEAR"], uasc: ["CHILD,SEX,DOB,DUC,LA,YEAR"] };
  for (let year = firstYear; year <= lastYear; year++) {
    const from = yearEnd(year - 1) + 1;
    const to = yearEnd(year);
    // The YEAR label: the year the collection ends (toolkit) or starts (regional app).
    const label = regional ? year - 1 : year;
    const header = regional ? stacked.header : [stacked.header[0]];
    const episodes = regional ? stacked.episodes : [stacked.episodes[0]];
    const uasc = regional ? stacked.uasc : [stacked.uasc[0]];
    const episodesBefore = episodes.length;
    for (const child of children) {
      if (child.lostAfter !== undefined && year > child.lostAfter) continue;
      const la = laLabel.get(child.la)!;
      let inReturn = false;
      for (const ep of child.episodes) {
        if (ep.start > to || (ep.end >= 0 && ep.end < from)) continue;
        inReturn = true;
        if (child.noDob) planted.missingDobRows++;
        const openAtEnd = ep.end < 0 || ep.end > to;
        episodes.push(`${child.id},${date(ep.start)},${ep.rne},${ep.ls},${ep.cin},${ep.place},${ep.provider},${openAtEnd ? "" : date(ep.end)},${openAtEnd ? "" : ep.rec},${ep.rne === "P" ? "CARPL" : ""},${child.homePost},${ep.plPost},${ep.urn},${la},${label}`);
      }
      if (!inReturn) continue;
      header.push(`${child.id},${child.sex},${child.noDob ? "" : date(child.dob)},WBRI,${child.upn},,,${la},${label}`);
      if (child.uasc) uasc.push(`${child.id},${child.sex},${child.noDob ? "" : date(child.dob)},${date(civilDays(Math.floor(civilDate(child.dob) / 10000) + 18, 1, 1))},${la},${label}`);
      if (child.shortBreaks) continue;
      const first = child.episodes[0];
      const last = child.episodes[child.episodes.length - 1];
      const key = `${child.la}:${year}`;
      if (first.start <= to && (last.end < 0 || last.end > to)) add(truth.stock, key);
      if (first.start >= from && first.start <= to) add(truth.starts, key);
      if (last.end >= from && last.end <= to && last.rec !== "" && last.rec !== "X1") add(truth.ceases, key);
    }
    truth.episodeRows += episodes.length - episodesBefore;
    if (regional) continue;
    files.push({ name: `${year}-header.csv`, text: header.join("\n") + "\n" });
    files.push({ name: `${year}-episodes.csv`, text: episodes.join("\n") + "\n" });
    files.push({ name: `${year}-uasc.csv`, text: uasc.join("\n") + "\n" });
  }
  if (regional) {
    files.push({ name: "header.csv", text: stacked.header.join("\n") + "\n" });
    files.push({ name: "episodes.csv", text: stacked.episodes.join("\n") + "\n" });
    files.push({ name: "uasc.csv", text: stacked.uasc.join("\n") + "\n" });
  }
  return { files, truth };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
  const shape = arg("--shape", "toolkit") === "regional-app" ? "regional-app" : "toolkit";
  const out = arg("--out", path.join(path.dirname(new URL(import.meta.url).pathname), "out", shape === "toolkit" ? "ssda903-national" : "ssda903-regional-app"));
  const started = performance.now();
  const { files, truth } = generateSsda903({ seed: Number(arg("--seed", "903")), shape, ...(shape === "regional-app" ? { entrantsPerLa: 110 } : {}) });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  for (const file of files) { writeFileSync(path.join(out, file.name), file.text); bytes += file.text.length; }
  const stock = [...truth.stock.entries()].filter(([k]) => k.endsWith(":2024")).reduce((a, [, v]) => a + v, 0);
  console.log(`wrote ${files.length} files (${(bytes / 2 ** 20).toFixed(0)} MiB) to ${out}: ${truth.episodeRows} episode rows, ${truth.children} children, stock at 31 March 2024 ${stock}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
