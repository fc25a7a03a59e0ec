/**
 * The year (ending 31 March) a dataset period refers to, for working out which LAs existed.
 */

/**
 * "2025" -> 2025; a financial year written "202425" -> 2025 (the year it ends); else NaN.
 * @example periodYear("202425") // 2025
 */
export function periodYear(timePeriod: string): number {
  const text = timePeriod.trim();
  if (/^\d{4}$/.test(text)) return Number(text);
  const m = /^(\d{4})(\d{2})$/.exec(text);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return Number(m[1]) + 1;
  return NaN;
}
