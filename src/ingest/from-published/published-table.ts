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

/**
 * The first `count` physical lines of a CSV file, each split into trimmed cells: cheap
 * sniffing of published files whose header sits below a title (Ofsted and MHCLG sheets
 * exported to CSV). A line that opens a quoted cell it does not close is closed at its end.
 * @throws never
 * @example headLines(new TextEncoder().encode("Title\nURN,Provision type\n1,2\n"), 2) // [["Title"], ["URN", "Provision type"]]
 */
export function headLines(bytes: Uint8Array, count = 20): string[][] {
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  const isUtf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  let text = isUtf16 ? decodeText(sample, "").text : lenientDecoder.decode(sample);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Parse whole records where the sample allows (a header cell may hold a line break),
  // else line by line.
  let cut = -1;
  for (let n = 0, i = text.indexOf("\n"); i >= 0 && n < count * 4; n++, i = text.indexOf("\n", i + 1)) cut = i;
  if (cut >= 0) {
    try {
      return parseCsvText(text.slice(0, cut + 1)).slice(0, count);
    } catch {
      // a quoted cell runs past the sample: fall back to physical lines
    }
  }
  // Join physical lines while a quoted cell is open (an odd number of quotes so far).
  const lines: string[] = [];
  let pending = "";
  for (const physical of text.split(/\r?\n/)) {
    pending = pending === "" ? physical : `${pending}\n${physical}`;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 0) {
      lines.push(pending);
      pending = "";
      if (lines.length >= count) break;
    }
  }
  if (pending !== "" && lines.length < count) lines.push(pending);
  return lines.map((line) => {
    try {
      return parseCsvText(line)[0] ?? [];
    } catch {
      try {
        return parseCsvText(`${line}"`)[0] ?? [];
      } catch {
        return line.split(",").map((c) => c.trim());
      }
    }
  });
}

/** A published table whose header is not necessarily its first row. */
export interface PublishedTableAt extends PublishedTable {
  /** 0-based index of the header among the parsed rows (0 when the header is the first row). */
  headerIndex: number;
  /** The rows above the header (titles, notes), as parsed. */
  preamble: string[][];
  /** 1-based row number of each record (its parsed row, counting the header's row numbering from 1). */
  rowNumber(recordIndex: number): number;
}

/**
 * Parse a published CSV whose header is the first of its first `scan` rows that `isHeader`
 * accepts (the title rows above it are kept as `preamble`); the records are the rows below.
 * A file with no such row gives no columns and no records.
 * Reference: RFC 4180.
 * @throws Error when the text is not parseable CSV.
 * @example publishedTableAt({ name: "a.csv", bytes: new TextEncoder().encode("Title\nURN,x\n1,2\n") }, (c) => c.includes("URN")).records // [["1", "2"]]
 */
export function publishedTableAt(file: PublishedFile, isHeader: (columns: readonly string[]) => boolean, scan = 30): PublishedTableAt {
  const rows = parseCsvText(decodeUtf8(file.bytes));
  const headerIndex = rows.slice(0, scan).findIndex((r) => isHeader(r));
  if (headerIndex < 0) return { columns: [], records: [], index: new Map(), headerIndex: -1, preamble: rows.slice(0, scan), rowNumber: (i) => i + 2 };
  const columns = rows[headerIndex].map((c) => c.replace(/\s+/g, " ").trim());
  const width = columns.length;
  const records = rows.slice(headerIndex + 1).map((r) => (r.length >= width ? r : [...r, ...new Array<string>(width - r.length).fill("")]));
  const index = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  return { columns, records, index, headerIndex, preamble: rows.slice(0, headerIndex), rowNumber: (i) => headerIndex + i + 2 };
}
