/**
 * Calendar arithmetic on whole days since 1970-01-01 (the EpisodeTable date unit), fast
 * enough for a million episodes: civil date from a day number and back (Hinnant's
 * algorithms), birthdays, ages and month steps.
 *
 * Reference: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil,
 * civil_from_days). A birthday on 29 February falls on 1 March in other years (as
 * Date.UTC rolls it), which is when a child born on 29 February legally turns a year older
 * in England (Family Law Reform Act 1969 s.9 counts the anniversary; DfE's age-at-date
 * uses the same convention).
 */

import { civilDate, civilDays } from "../../util/civil-days.ts";

/** Day number of a civil date (month 1-12; day may overflow and rolls over). @throws never. @example daysFromCivil(1970, 1, 2) // 1 */
export function daysFromCivil(year: number, month: number, day: number): number {
  return civilDays(year, month, day);
}

/** Civil date of a day number. @throws never. @example civilFromDays(0) // [1970, 1, 1] */
export function civilFromDays(days: number): [number, number, number] {
  const packed = civilDate(days);
  return [Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100];
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Day of the `years`-th birthday of a child born on `birth`. @throws never. @example birthdayDay(0, 1) // 365 */
export function birthdayDay(birth: number, years: number): number {
  const [y, m, d] = civilFromDays(birth);
  if (m === 2 && d === 29 && daysInMonth(y + years, 2) === 28) return daysFromCivil(y + years, 3, 1);
  return daysFromCivil(y + years, m, d);
}

/** Age in whole years on `day` (29 February birthdays are reached on 1 March, as birthdayDay). @throws never. @example ageOn(0, 365) // 1 */
export { ageOn } from "../../util/civil-days.ts";

/**
 * The date `months` months after `day`, keeping month-end dates at month end (31 March + 1
 * month = 30 April) and clamping other days to the month's length.
 * @throws never. @example addMonths(daysFromCivil(2021, 3, 31), 1) === daysFromCivil(2021, 4, 30) // true
 */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const monthEnd = d === daysInMonth(y, m);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const length = daysInMonth(ny, nm);
  return daysFromCivil(ny, nm, monthEnd ? length : Math.min(d, length));
}

/** Average length of a month in days (the projection's fixed step). */
export const DAYS_PER_MONTH = 365.25 / 12;
