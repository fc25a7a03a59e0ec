/**
 * Set every entry's modification time in a zip archive to one fixed date, in place, so
 * that a generated .xlsx is byte-for-byte reproducible (exceljs stamps entries with the
 * time of writing). Walks the central directory (PKWARE APPNOTE 4.3.12) and rewrites the
 * MS-DOS time/date fields of each central and local header (4.4.6).
 */

function dosDateTime(date: Date): { time: number; day: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/**
 * Stamp every entry with `date` (UTC, 2-second resolution); returns the same bytes.
 * @throws Error when the bytes are not a zip archive (a programmer error: only our own output is passed).
 * @example fixZipTimestamps(await blankWorkbook(), new Date(Date.UTC(2025, 0, 1))).byteLength > 0 // true
 */
export function fixZipTimestamps(bytes: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("fixZipTimestamps: not a zip archive");
  const { time, day } = dosDateTime(date);
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error("fixZipTimestamps: damaged central directory");
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, day, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, day, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return bytes;
}
