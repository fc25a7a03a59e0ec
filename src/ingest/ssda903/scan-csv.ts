/**
 * A CSV scanner over bytes (RFC 4180: comma-separated, optional double quotes with ""
 * escapes, CRLF or LF line ends, optional UTF-8 byte-order mark). It never builds a string
 * or an object per row: for each record it fills field start/end offsets and calls back,
 * so a reader can parse dates and dictionary-encode codes straight from the bytes.
 */

/** The current record, reused between callbacks (copy anything you keep). */
export interface CsvRecord {
  /** 1-based line number of the record, the header being row 1 (the "row" of a diagnostic). */
  row: number;
  /** Number of fields in this record. */
  count: number;
  /** Field i is buffers[i][starts[i], ends[i]). */
  starts: Int32Array;
  ends: Int32Array;
  /** The source bytes, or a scratch copy for quoted fields with "" escapes. */
  buffers: Uint8Array[];
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Call `onRecord` for every non-blank record, header first.
 * @throws never: an unterminated quote runs to the end of the file (the reader reports the
 * odd field count as a diagnostic).
 * @example
 * const seen: number[] = [];
 * scanCsv(new TextEncoder().encode("a,b\n1,\"x\"\"y\"\n"), (r) => seen.push(r.count));
 * seen // [2, 2]
 */
export function scanCsv(bytes: Uint8Array, onRecord: (record: CsvRecord) => void): void {
  const n = bytes.length;
  let i = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let capacity = 64;
  const record: CsvRecord = { row: 0, count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), buffers: new Array<Uint8Array>(capacity).fill(bytes) };
  let dirty = false; // buffers hold a scratch copy that must be reset
  while (i < n) {
    let field = 0;
    if (dirty) { record.buffers.fill(bytes); dirty = false; }
    for (;;) {
      if (field >= capacity) {
        capacity *= 2;
        const starts = new Int32Array(capacity); starts.set(record.starts); record.starts = starts;
        const ends = new Int32Array(capacity); ends.set(record.ends); record.ends = ends;
        record.buffers = record.buffers.concat(new Array<Uint8Array>(capacity / 2).fill(bytes));
      }
      if (i < n && bytes[i] === QUOTE) {
        // Quoted field: find the closing quote, noting "" escapes.
        const start = i + 1;
        let j = start;
        let escapes = 0;
        for (;;) {
          while (j < n && bytes[j] !== QUOTE) j++;
          if (j + 1 < n && bytes[j + 1] === QUOTE) { escapes++; j += 2; continue; }
          break;
        }
        const end = Math.min(j, n);
        if (escapes === 0) {
          record.starts[field] = start;
          record.ends[field] = end;
        } else {
          const copy = new Uint8Array(end - start - escapes);
          let k = 0;
          for (let p = start; p < end; p++) { copy[k++] = bytes[p]; if (bytes[p] === QUOTE) p++; }
          record.buffers[field] = copy;
          record.starts[field] = 0;
          record.ends[field] = copy.length;
          dirty = true;
        }
        i = j + 1;
        while (i < n && bytes[i] !== COMMA && bytes[i] !== LF && bytes[i] !== CR) i++; // text after the closing quote is dropped
      } else {
        const start = i;
        while (i < n) {
          const c = bytes[i];
          if (c === COMMA || c === LF || c === CR) break;
          i++;
        }
        record.starts[field] = start;
        record.ends[field] = i;
      }
      field++;
      if (i >= n) break;
      const c = bytes[i];
      if (c === COMMA) { i++; continue; }
      i += c === CR && i + 1 < n && bytes[i + 1] === LF ? 2 : 1;
      break;
    }
    record.row++; // blank lines keep their number so rows match what a spreadsheet shows
    if (field === 1 && record.ends[0] === record.starts[0] && record.buffers[0] === bytes) continue;
    record.count = field;
    onRecord(record);
  }
}

/**
 * The header (first record) of a CSV as trimmed strings, reading no further than needed.
 * @throws never.
 * @example csvHeader(new TextEncoder().encode("CHILD, DECOM\n1,2")) // ["CHILD", "DECOM"]
 */
export function csvHeader(bytes: Uint8Array): string[] {
  let end = 0;
  let quoted = false;
  while (end < bytes.length) {
    const c = bytes[end];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    end++;
  }
  const columns: string[] = [];
  const decoder = new TextDecoder();
  scanCsv(bytes.subarray(0, end), (record) => {
    for (let f = 0; f < record.count; f++) columns.push(decoder.decode(record.buffers[f].subarray(record.starts[f], record.ends[f])).trim());
  });
  return columns;
}
