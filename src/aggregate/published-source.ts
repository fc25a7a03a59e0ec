/**
 * Whether a dataset row's figure may be known to a reader from elsewhere: it came from a
 * published source (DfE, Ofsted, MHCLG tables), or the row does not say where it came from
 * (assume the worst). LA returns (template, long CSV, legacy workbooks) and SSDA903
 * extracts are not published by anyone but this toolkit. The classes match
 * src/ingest/ingest-files.ts sourceClass.
 */

/**
 * @throws never.
 * @example isPublishedSource("template-xlsx") // false
 */
export function isPublishedSource(source: string | undefined): boolean {
  if (!source) return true;
  if (source === "long-csv" || source.startsWith("template") || source.startsWith("legacy") || source.startsWith("ssda903")) return false;
  return true;
}
