/**
 * Period labels of the long forecasting CSV: "2025" (annual), "2024-Q3" (quarterly) and
 * "2024-07" (monthly), as positions on a regular time line.
 */

export interface PeriodPosition {
  /** Observations per year implied by the label: 1, 4 or 12. */
  frequency: number;
  /** Periods since year 0: year * frequency + (sub-period - 1). */
  index: number;
}

/**
 * Parse a period label into its frequency and position; null when it is not one of the
 * three forms (a four-digit year, optionally "-Qn" with n in 1..4 or "-MM" with MM in 01..12).
 * @throws never.
 * @example parsePeriodLabel("2024-Q3") // { frequency: 4, index: 8098 }
 */
export function parsePeriodLabel(label: string): PeriodPosition | null {
  const text = label.trim();
  let match = /^(\d{4})$/.exec(text);
  if (match) return { frequency: 1, index: Number(match[1]) };
  match = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (match) return { frequency: 4, index: Number(match[1]) * 4 + Number(match[2]) - 1 };
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    if (month >= 1 && month <= 12) return { frequency: 12, index: Number(match[1]) * 12 + month - 1 };
  }
  return null;
}

/**
 * The label of a position on the time line of the given frequency.
 * @throws RangeError for a frequency other than 1, 4 or 12.
 * @example formatPeriodLabel(8099, 4) // "2024-Q4"
 */
export function formatPeriodLabel(index: number, frequency: number): string {
  const year = Math.floor(index / frequency);
  const sub = index - year * frequency + 1;
  if (frequency === 1) return String(year);
  if (frequency === 4) return `${year}-Q${sub}`;
  if (frequency === 12) return `${year}-${String(sub).padStart(2, "0")}`;
  throw new RangeError(`formatPeriodLabel: frequency must be 1, 4 or 12, got ${frequency}`);
}

/**
 * The label `steps` periods after `label`; when the label is not a recognised period, the
 * label followed by "+steps" (so forecasts of series with free-form periods stay traceable).
 * @throws never.
 * @example periodLabelAfter("2024-Q4", 1) // "2025-Q1"
 */
export function periodLabelAfter(label: string, steps: number): string {
  const position = parsePeriodLabel(label);
  if (!position) return `${label}+${steps}`;
  return formatPeriodLabel(position.index + steps, position.frequency);
}
