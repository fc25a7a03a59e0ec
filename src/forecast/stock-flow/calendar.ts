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

/** Day number of a civil date (month 1-12; day may overflow and rolls over). @throws never. @example daysFromCivil(1970, 1, 2) // 1 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

/** Civil date of a day number. @throws never. @example civilFromDays(0) // [1970, 1, 1] */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
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

/** Age in whole years on `day`. @throws never. @example ageOn(0, 365) // 1 */
export function ageOn(birth: number, day: number): number {
  const [by, bm, bd] = civilFromDays(birth);
  const [y, m, d] = civilFromDays(day);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  // 29 February birthdays: birthdayDay puts them on 1 March, and so does this.
  return age;
}

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
