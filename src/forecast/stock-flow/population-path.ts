/**
 * A child population path supplied by the user (e.g. ONS mid-year estimates and
 * projections of children aged 0-17), used to project entries as a rate per 10,000
 * children. CSV columns: `year` (mid-year, 30 June) or `date` (YYYY-MM-DD), `population`,
 * and optionally `la` (rows for the chosen LAs are summed; all rows when no LA is chosen).
 * Bad rows are diagnostics, never silently dropped or read as zero.
 *
 * Reference: ONS mid-year population estimates and subnational population projections.
 */
import { parse } from "csv-parse/sync";
import type { Diagnostic } from "../../spec/diagnostic.ts";
import { SuffError } from "../../spec/errors.ts";
import { diagnostic } from "../../spec/messages/index.ts";
import { isoToDay } from "../../spec/ssda903.ts";

export interface PopulationPath {
  /** Ascending days with the population on that day. */
  days: number[];
  population: number[];
}

/**
 * Parse a population CSV.
 * @throws SuffError E_POPULATION_COLUMNS when the year/date or population column is missing,
 *   E_POPULATION_EMPTY when no usable row remains.
 * @example populationPath("year,population\n2024,1000\n", "pop.csv").path.population // [1000]
 */
export function populationPath(text: string, file: string, options: { las?: string[] } = {}): { path: PopulationPath; diagnostics: Diagnostic[] } {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const header = rows.length > 0 ? Object.keys(rows[0]).map((k) => k.toLowerCase()) : [];
  const col = (name: string) => (rows.length > 0 ? Object.keys(rows[0]).find((k) => k.toLowerCase() === name) : undefined);
  const yearCol = col("year"), dateCol = col("date"), popCol = col("population"), laCol = col("la");
  if ((!yearCol && !dateCol) || !popCol) {
    throw new SuffError("E_POPULATION_COLUMNS", `${file} needs a 'year' or 'date' column and a 'population' column (found: ${header.join(", ") || "none"})`);
  }
  const wanted = options.las && options.las.length > 0 ? new Set(options.las.map((l) => l.toLowerCase())) : null;
  const diagnostics: Diagnostic[] = [];
  const byDay = new Map<number, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    if (wanted && laCol && !wanted.has(String(row[laCol]).toLowerCase())) return;
    let day = NaN;
    if (dateCol && row[dateCol]) day = /^\d{4}-\d{2}-\d{2}$/.test(row[dateCol]) ? isoToDay(row[dateCol]) : NaN;
    else if (yearCol && /^\d{4}$/.test(row[yearCol] ?? "")) day = isoToDay(`${row[yearCol]}-06-30`);
    if (!Number.isFinite(day)) {
      diagnostics.push(diagnostic("E_POPULATION_BAD_DATE", { row: line, file }, { file, row: line, column: dateCol ?? yearCol }));
      return;
    }
    const value = Number(row[popCol]);
    if (row[popCol] === "" || !Number.isFinite(value) || value < 0) {
      diagnostics.push(diagnostic("E_POPULATION_BAD_VALUE", { row: line, file }, { file, row: line, column: popCol }));
      return;
    }
    byDay.set(day, (byDay.get(day) ?? 0) + value);
  });
  if (byDay.size === 0) throw new SuffError("E_POPULATION_EMPTY", `${file} has no usable population rows${wanted ? " for the chosen LAs" : ""}`);
  const days = [...byDay.keys()].sort((a, b) => a - b);
  return { path: { days, population: days.map((d) => byDay.get(d)!) }, diagnostics };
}

/** Population on a day: linear interpolation, held constant beyond the ends. @throws never. @example populationOn({ days: [0, 10], population: [100, 200] }, 5) // 150 */
export function populationOn(path: PopulationPath, day: number): number {
  const { days, population } = path;
  if (day <= days[0]) return population[0];
  if (day >= days[days.length - 1]) return population[population.length - 1];
  let i = 1;
  while (days[i] < day) i++;
  const w = (day - days[i - 1]) / (days[i] - days[i - 1]);
  return population[i - 1] + w * (population[i] - population[i - 1]);
}
