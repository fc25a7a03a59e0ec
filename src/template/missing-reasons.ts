/**
 * Why a value in a return is blank. The template's `missing_reason` dropdown offers these;
 * a blank value with no reason is read as "missing". Each maps onto a dataset
 * `value_status` (src/spec/dataset.ts), so a reason is never turned into a zero.
 */
import type { ValueStatus } from "../spec/dataset.ts";

export interface MissingReason {
  code: Extract<ValueStatus, "not_available" | "not_applicable" | "suppressed">;
  label: string;
  description: string;
}

export const MISSING_REASONS: readonly MissingReason[] = [
  { code: "not_available", label: "Not available", description: "The LA does not hold or cannot extract this figure (published marker x)." },
  { code: "not_applicable", label: "Not applicable", description: "The measure does not apply to the LA, e.g. it runs no children's homes (published marker z)." },
  { code: "suppressed", label: "Suppressed", description: "The LA holds the figure but withholds it, e.g. a small count that could identify a child (published marker c)." },
];

/**
 * The missing-reason code for what a user wrote (code or label, any case), or undefined.
 * @throws never
 * @example parseMissingReason("Not Applicable") // "not_applicable"
 */
export function parseMissingReason(raw: string): MissingReason["code"] | undefined {
  const key = raw.trim().toLowerCase().replace(/\s+/g, "_");
  if (key === "") return undefined;
  const aliases: Record<string, MissingReason["code"]> = { x: "not_available", z: "not_applicable", c: "suppressed" };
  return MISSING_REASONS.find((r) => r.code === key || r.label.toLowerCase().replace(/\s+/g, "_") === key)?.code ?? aliases[key];
}
