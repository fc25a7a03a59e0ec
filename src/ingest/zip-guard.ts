/**
 * Zip-bomb guard for .xlsx files, run BEFORE any library inflates the archive. Our own
 * reader of the zip central directory (PKWARE APPNOTE 6.3.10, sections 4.3.12 and
 * 4.3.16, with ZIP64 sections 4.3.14-4.3.15) checks what the archive declares: entry
 * count, total uncompressed size and compression ratio. Then every entry is inflated
 * with node:zlib under a hard output cap equal to its declared size, so an archive that
 * lies about its sizes is refused without exhausting memory.
 */
import { inflateRawSync } from "node:zlib";
import { SuffError } from "../spec/errors.ts";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest total uncompressed size accepted (bytes). */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for an entry bigger than ratioFloorBytes. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny XML compresses very well). */
  ratioFloorBytes: number;
  maxEntries: number;
}

/**
 * Defaults: 200 MB in all once decompressed (a filled template is about 2 MB), and a
 * ratio above 500:1 for any part over 1 MB (real sheet XML compresses 10-100:1, very
 * repetitive formatting a few hundred; zip bombs thousands). Apache POI's ZipSecureFile
 * uses the same two kinds of limit.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 500, ratioFloorBytes: 1024 * 1024, maxEntries: 5000 };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(name: string, reason: string): SuffError {
  return new SuffError("E_CORRUPT_XLSX", `${name} is not a readable .xlsx: ${reason}.`, { hint: "The file may be truncated or damaged: open it in Excel, save it again and retry." });
}

function bomb(name: string, reason: string): SuffError {
  return new SuffError("E_ZIP_BOMB", `${name} was refused: ${reason}.`, { hint: "A workbook this large is not a sufficiency return. If it is genuine, remove unused sheets and rows and save it again." });
}

/**
 * Read the central directory of a zip archive (no inflation).
 * @throws SuffError E_CORRUPT_XLSX when the directory is missing or truncated.
 * @example readZipDirectory(bytes, "a.xlsx").map((e) => e.name).includes("xl/workbook.xml") // true for an .xlsx
 */
export function readZipDirectory(bytes: Uint8Array, name: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minStart = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= minStart; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(name, "no end-of-central-directory record (truncated?)");
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw corrupt(name, "ZIP64 record missing");
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) throw corrupt(name, "ZIP64 record damaged");
    count = Number(view.getBigUint64(record + 32, true));
    size = Number(view.getBigUint64(record + 40, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  if (offset + size > bytes.length) throw corrupt(name, "central directory lies beyond the end of the file (truncated?)");
  const entries: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw corrupt(name, `central directory entry ${i + 1} is damaged`);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const entryName = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information extra field (id 0x0001) holds the real sizes.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = Number(view.getBigUint64(q, true)); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = Number(view.getBigUint64(q, true)); q += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = Number(view.getBigUint64(q, true)); }
      }
      e += 4 + length;
    }
    entries.push({ name: entryName, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Check an archive's declared sizes, then inflate each entry under a cap of its declared
 * size (so nothing can inflate beyond what passed the check).
 * @throws SuffError E_ZIP_BOMB when the archive declares or actually inflates beyond the limits;
 *   E_CORRUPT_XLSX when an entry cannot be inflated.
 * @example zipGuard(bytes, "return.xlsx").length > 0 // true for a normal workbook
 */
export function zipGuard(bytes: Uint8Array, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  return guardedEntries(bytes, name, limits, undefined);
}

/**
 * The checked and inflated contents of an archive, by entry name (stored entries are
 * copied), so that a reader never inflates anything the guard has not capped.
 * @throws SuffError E_ZIP_BOMB or E_CORRUPT_XLSX, as zipGuard.
 * @example new TextDecoder().decode(unzipGuarded(bytes, "t.xlsx").get("xl/workbook.xml")).includes("<sheets>") // true for an .xlsx
 */
export function unzipGuarded(bytes: Uint8Array, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  guardedEntries(bytes, name, limits, contents);
  return contents;
}

function guardedEntries(bytes: Uint8Array, name: string, limits: ZipLimits, contents: Map<string, Uint8Array> | undefined): ZipEntry[] {
  const entries = readZipDirectory(bytes, name);
  if (entries.length > limits.maxEntries) throw bomb(name, `it holds ${entries.length} files (limit ${limits.maxEntries})`);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw bomb(name, `it declares more than ${Math.round(limits.maxTotalBytes / 1048576)} MB once decompressed`);
    if (entry.uncompressedSize > limits.ratioFloorBytes) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxRatio) throw bomb(name, `'${entry.name}' would expand ${Math.round(ratio)} times (limit ${limits.maxRatio})`);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const p = entry.localHeaderOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) throw corrupt(name, `'${entry.name}' is missing (truncated?)`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (start + entry.compressedSize > bytes.length) throw corrupt(name, `'${entry.name}' is cut short (truncated?)`);
    if (entry.method === 0) {
      contents?.set(entry.name, data);
      continue;
    }
    if (entry.method !== 8) throw corrupt(name, `'${entry.name}' uses unsupported compression method ${entry.method}`);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || (error instanceof RangeError)) throw bomb(name, `'${entry.name}' inflates beyond its declared ${entry.uncompressedSize} bytes`);
      throw corrupt(name, `'${entry.name}' cannot be decompressed`);
    }
    if (inflated.length !== entry.uncompressedSize) throw corrupt(name, `'${entry.name}' decompresses to ${inflated.length} bytes, not the declared ${entry.uncompressedSize}`);
    contents?.set(entry.name, new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength));
  }
  return entries;
}
