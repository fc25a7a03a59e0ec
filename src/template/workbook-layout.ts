/**
 * Fixed layout of the template workbook, shared by the generator (blank-workbook.ts) and
 * the reader (src/ingest/from-template-xlsx.ts) so they cannot drift apart.
 */
import { SECTIONS } from "./measures.ts";

export const GUIDANCE_SHEET = "Guidance";
export const RETURN_SHEET = "Return";
export const LISTS_SHEET = "Lists";

/** Return sheet rows: label in column A, the user's entry in column B. */
export const RETURN_FIELDS = {
  laCode: { row: 2, label: "LA code" },
  laName: { row: 3, label: "LA name (filled from the code)" },
  period: { row: 4, label: "Period (year ending 31 March)" },
  version: { row: 5, label: "Template version" },
} as const;

/**
 * Every sheet name the template workbook contains, in order.
 * @throws never
 * @example workbookLayout()[1] // "Return"
 */
export function workbookLayout(): string[] {
  return [GUIDANCE_SHEET, RETURN_SHEET, ...SECTIONS.map((s) => s.sheet), LISTS_SHEET];
}

/**
 * The named range holding the codes of a list (Excel names cannot start with a digit).
 * @throws never
 * @example listRangeName("age_band") // "list_age_band"
 */
export function listRangeName(listId: string): string {
  return `list_${listId}`;
}
