/**
 * Dates as SSDA903 files write them, parsed by hand from bytes (no Date objects, no
 * strings): dd/mm/yyyy as DfE specifies (also d/m/yyyy and dd-mm-yyyy), and yyyy-mm-dd as
 * in the XML return and some extracts. A trailing time ("01/04/2020 00:00") is ignored.
 */
import { civilDays as civilDaysImported, daysInMonth as daysInMonthImported } from "../../util/civil-days.ts";

// Local bindings: calls through an imported binding cost a getter per call in the transpiled module.
const civilDays = civilDaysImported;
const daysInMonth = daysInMonthImported;

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
/** Day number of the first day of each month, 1900-01 to 2200-01 (one extra for the last month's length). */
const MONTH_START = Int32Array.from({ length: (LAST_YEAR - FIRST_YEAR) * 12 + 1 }, (_, i) => civilDays(FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1));

function isDigits(bytes: Uint8Array, start: number): boolean {
  for (const k of [0, 1, 3, 4, 6, 7, 8, 9]) { const c = bytes[start + k]; if (c < 48 || c > 57) return false; }
  return true;
}

function isIsoDigits(bytes: Uint8Array, start: number): boolean {
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) { const c = bytes[start + k]; if (c < 48 || c > 57) return false; }
  return true;
}

/** Result for an empty field. */
export const DATE_MISSING = -1;
/** Result for a field that is not a valid date. */
export const DATE_INVALID = -2;

/**
 * Days since 1970-01-01 for the date in bytes[start, end), DATE_MISSING when the field is
 * blank, DATE_INVALID when it is not a real date.
 * @throws never: bad data is a return value, not an exception.
 * @example parseDate(new TextEncoder().encode("02/01/1970"), 0, 10) // 1
 */
export function parseDate(bytes: Uint8Array, start: number, end: number): number {
  // Fast path: exactly dd/mm/yyyy, as DfE specifies.
  if (end - start === 10 && bytes[start + 2] === 47 && bytes[start + 5] === 47) {
    const d = (bytes[start] - 48) * 10 + (bytes[start + 1] - 48);
    const m = (bytes[start + 3] - 48) * 10 + (bytes[start + 4] - 48);
    const y = (bytes[start + 6] - 48) * 1000 + (bytes[start + 7] - 48) * 100 + (bytes[start + 8] - 48) * 10 + (bytes[start + 9] - 48);
    if (y >= FIRST_YEAR && y < LAST_YEAR && m >= 1 && m <= 12 && d >= 1) {
      const index = (y - FIRST_YEAR) * 12 + m - 1;
      const first = MONTH_START[index];
      if (d <= MONTH_START[index + 1] - first && isDigits(bytes, start)) return first + d - 1;
    }
  }
  // Fast path: exactly yyyy-mm-dd, as the XML return and the regional demand-model app write it.
  if (end - start === 10 && bytes[start + 4] === 45 && bytes[start + 7] === 45) {
    const y = (bytes[start] - 48) * 1000 + (bytes[start + 1] - 48) * 100 + (bytes[start + 2] - 48) * 10 + (bytes[start + 3] - 48);
    const m = (bytes[start + 5] - 48) * 10 + (bytes[start + 6] - 48);
    const d = (bytes[start + 8] - 48) * 10 + (bytes[start + 9] - 48);
    if (y >= FIRST_YEAR && y < LAST_YEAR && m >= 1 && m <= 12 && d >= 1) {
      const index = (y - FIRST_YEAR) * 12 + m - 1;
      const first = MONTH_START[index];
      if (d <= MONTH_START[index + 1] - first && isIsoDigits(bytes, start)) return first + d - 1;
    }
  }
  while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
  while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
  if (start === end) return DATE_MISSING;
  let p0 = 0, p1 = 0, p2 = 0;
  let w0 = 0, w1 = 0, w2 = 0;
  let part = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c >= 48 && c <= 57) {
      const digit = c - 48;
      if (part === 0) { p0 = p0 * 10 + digit; w0++; }
      else if (part === 1) { p1 = p1 * 10 + digit; w1++; }
      else { p2 = p2 * 10 + digit; w2++; }
    } else if (c === 47 || c === 45 || c === 46) {
      if (part === 2 || (part === 0 ? w0 : w1) === 0) return DATE_INVALID;
      part++;
    } else if ((c === 32 || c === 84) && part === 2) {
      break; // time of day follows
    } else {
      return DATE_INVALID;
    }
  }
  if (part !== 2 || w2 === 0) return DATE_INVALID;
  let year: number;
  let month: number;
  let day: number;
  if (w0 === 4 && w1 <= 2 && w2 <= 2) {
    year = p0;
    month = p1;
    day = p2;
  } else if (w2 === 4 && w0 <= 2 && w1 <= 2) {
    day = p0;
    month = p1;
    year = p2;
  } else {
    return DATE_INVALID;
  }
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return DATE_INVALID;
  return civilDays(year, month, day);
}

/**
 * The same for a string (XML values, options, tests).
 * @throws never.
 * @example parseDateText("2020-03-31") // 18352
 */
export function parseDateText(text: string): number {
  const bytes = new TextEncoder().encode(text);
  return parseDate(bytes, 0, bytes.length);
}
