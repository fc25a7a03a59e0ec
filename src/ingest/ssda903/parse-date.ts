/**
 * Dates as SSDA903 files write them, parsed by hand from bytes (no Date objects, no
 * strings): dd/mm/yyyy as DfE specifies (also d/m/yyyy and dd-mm-yyyy), and yyyy-mm-dd as
 * in the XML return and some extracts. A trailing time ("01/04/2020 00:00") is ignored.
 */
import { civilDays, daysInMonth } from "./civil-days";

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
  while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
  while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
  if (start === end) return DATE_MISSING;
  const parts = [0, 0, 0];
  const widths = [0, 0, 0];
  let part = 0;
  let i = start;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= 48 && c <= 57) {
      parts[part] = parts[part] * 10 + (c - 48);
      widths[part]++;
      if (widths[part] > 4) return DATE_INVALID;
    } else if (c === 47 || c === 45 || c === 46) {
      if (widths[part] === 0 || part === 2) return DATE_INVALID;
      part++;
    } else if ((c === 32 || c === 84) && part === 2) {
      break; // time of day follows
    } else {
      return DATE_INVALID;
    }
  }
  if (part !== 2 || widths[2] === 0) return DATE_INVALID;
  let year: number;
  let month: number;
  let day: number;
  if (widths[0] === 4 && widths[1] <= 2 && widths[2] <= 2) {
    year = parts[0];
    month = parts[1];
    day = parts[2];
  } else if (widths[2] === 4 && widths[0] <= 2 && widths[1] <= 2) {
    day = parts[0];
    month = parts[1];
    year = parts[2];
  } else {
    return DATE_INVALID;
  }
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return DATE_INVALID;
  return civilDays(year, month, day);
}

/**
 * The same for a string (XML values, options, tests).
 * @example parseDateText("2020-03-31") // 18352
 */
export function parseDateText(text: string): number {
  const bytes = new TextEncoder().encode(text);
  return parseDate(bytes, 0, bytes.length);
}
