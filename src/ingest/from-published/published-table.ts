/**
 * Parse a published CSV (DfE EES, ONS, Ofsted, MHCLG) into a header and string records.
 * Text is UTF-8 with any byte-order mark removed; cells are trimmed; short rows are
 * padded so every record has one cell per column.
 */
import { parse } from "csv-parse/sync";

/** A published file as the readers see it: a name and its bytes. */
export interface PublishedFile {
  name: string;
  bytes: Uint8Array;
}

export interface PublishedTable {
  columns: string[];
  /** Data records (header excluded), each as long as `columns`. */
  records: string[][];
  /** Column index by header name (first occurrence). */
  index: Map<string, number>;
}

const decoder = new TextDecoder("utf-8");

/** Decode bytes as UTF-8 without a byte-order mark. @example decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // "a" */
export function decodeUtf8(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parse the CSV text of a published file.
 * Reference: RFC 4180 (quoted cells, doubled quotes).
 * @throws Error when the text is not parseable CSV (the dispatcher reports it as unreadable).
 * @example publishedTable({ name: "a.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }).records // [["1", "2"]]
 */
export function publishedTable(file: PublishedFile): PublishedTable {
  const rows = parse(decodeUtf8(file.bytes), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const columns = rows.length > 0 ? rows[0] : [];
  const width = columns.length;
  const records = rows.slice(1).map((r) => (r.length >= width ? r : [...r, ...new Array<string>(width - r.length).fill("")]));
  const index = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  return { columns, records, index };
}

/** The first line's cells of a CSV file (cheap header sniffing), BOM stripped. */
export function headerColumns(bytes: Uint8Array): string[] {
  const head = decodeUtf8(bytes.subarray(0, Math.min(bytes.length, 8192)));
  const newline = head.search(/\r?\n/);
  const line = newline >= 0 ? head.slice(0, newline) : head;
  try {
    const parsed = parse(line, { relax_column_count: true, relax_quotes: true, trim: true }) as string[][];
    return parsed[0] ?? [];
  } catch {
    return [];
  }
}
