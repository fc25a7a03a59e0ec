/**
 * Parse a published CSV (DfE EES, ONS, Ofsted, MHCLG) into a header and string records.
 * Text is UTF-8 with any byte-order mark removed (UTF-16 and Windows-1252 are decoded
 * too); cells are trimmed; short rows are
 * padded so every record has one cell per column.
 */
import { parse } from "csv-parse/sync";
import { decodeText } from "../decode-text.ts";

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

const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");

/**
 * Decode the bytes of a published file: UTF-8 without a byte-order mark, or (via
 * decodeText) UTF-16 with a BOM and Windows-1252 when the bytes are not valid UTF-8.
 * @example decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // "a"
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    const text = strictDecoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return decodeText(bytes, "").text;
  }
}

/**
 * Split CSV text into records (RFC 4180: quoted cells, doubled quotes, CRLF or LF). A
 * small state machine: several times faster than a general parser on the 8 MB DfE files.
 * @throws Error when a quoted cell is never closed (truncated file).
 */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      // quoted cell
      let j = i + 1;
      let out = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error(`unclosed quote in record ${rows.length + 1}`);
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // tolerate stray text after the closing quote up to the delimiter
      let k = i;
      while (k < n && text.charCodeAt(k) !== 44 && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      cell = out + text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 44 || c === 10 || c === 13) break;
        k++;
      }
      cell = text.slice(i, k);
      i = k;
    }
    row.push(cell.trim());
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i === n) row.push("");
      continue;
    }
    // end of record (newline or end of text)
    if (c === 13) i++;
    if (text.charCodeAt(i) === 10) i++;
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  }
  if (row.length > 0 && !(row.length === 1 && row[0] === "")) rows.push(row);
  return rows;
}

/**
 * Parse the CSV text of a published file.
 * Reference: RFC 4180 (quoted cells, doubled quotes).
 * @throws Error when the text is not parseable CSV (the dispatcher reports it as unreadable).
 * @example publishedTable({ name: "a.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }).records // [["1", "2"]]
 */
export function publishedTable(file: PublishedFile): PublishedTable {
  const rows = parseCsvText(decodeUtf8(file.bytes));
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
  // Lenient decode: the 8 KiB cut may split a multi-byte character after the header line.
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  const isUtf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  const decoded = isUtf16 ? decodeText(sample, "").text : lenientDecoder.decode(sample);
  const head = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const newline = head.search(/\r?\n/);
  const line = newline >= 0 ? head.slice(0, newline) : head;
  try {
    const parsed = parse(line, { relax_column_count: true, relax_quotes: true, trim: true }) as string[][];
    return parsed[0] ?? [];
  } catch {
    return [];
  }
}
