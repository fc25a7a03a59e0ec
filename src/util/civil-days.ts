/**
 * Calendar arithmetic on whole days since 1970-01-01 (UTC), without Date objects: the
 * SSDA903 reader parses millions of dates and ages, so these are plain integer maths.
 * Reference: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil,
 * civil_from_days), public domain.
 */

/**
 * Days since 1970-01-01 for a proleptic Gregorian date.
 * @throws never; the caller validates month (1-12) and day ranges.
 * @example civilDays(1970, 1, 2) // 1
 */
export function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Year, month and day packed as year * 10000 + month * 100 + day, for a day number.
 * @throws never.
 * @example civilDate(civilDays(2020, 2, 29)) // 20200229
 */
export function civilDate(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/**
 * Days in a month of a year (Gregorian leap years).
 * @throws never.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Age in completed years on a date (a birthday on 29 February is reached on 1 March in
 * other years, as in English law). Negative when the date is before birth.
 * @throws never.
 * @example ageOn(civilDays(2010, 4, 1), civilDays(2020, 3, 31)) // 9
 */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = civilDate(birthDay);
  const on = civilDate(onDay);
  const years = Math.floor(on / 10000) - Math.floor(birth / 10000);
  return on % 10000 < birth % 10000 ? years - 1 : years;
}

/**
 * The 31 March that ends the reporting year `year` ("2020" = 1 April 2019 to 31 March 2020).
 * @throws never.
 * @example yearEnd(1970) // 89
 */
export function yearEnd(year: number): number {
  return civilDays(year, 3, 31);
}

/**
 * The reporting year (ending 31 March) that contains a day.
 * @throws never.
 * @example reportingYearOf(civilDays(2020, 4, 1)) // 2021
 */
export function reportingYearOf(day: number): number {
  const packed = civilDate(day);
  const year = Math.floor(packed / 10000);
  return packed % 10000 <= 331 ? year : year + 1;
}
