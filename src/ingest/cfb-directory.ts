/**
 * Names of the streams in a Compound File Binary (CFB/OLE2) container, read from its
 * directory ([MS-CFB] sections 2.2 header, 2.3 FAT, 2.6 directory entries). Used to tell a
 * password-protected Office file (streams EncryptionInfo + EncryptedPackage, [MS-OFFCRYPTO]
 * 2.3.4) from a legacy Excel 97-2003 .xls (stream Workbook or Book).
 */

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

/**
 * Stream and storage names in a CFB container, or null when the bytes are not a readable
 * CFB file. Never throws on bad bytes.
 * @throws never
 * @example cfbDirectory(new Uint8Array(8)) // null
 */
export function cfbDirectory(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512 || !CFB_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (id: number) => (id + 1) * sectorSize;
  const perSector = sectorSize / 4;
  // FAT sector ids: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = view.getUint32(0x4c + i * 4, true);
    if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
  }
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < 10000; guard++) {
    const base = sectorOffset(difat);
    if (base + sectorSize > bytes.length) return null;
    for (let i = 0; i < perSector - 1; i++) {
      const id = view.getUint32(base + i * 4, true);
      if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
    }
    difat = view.getUint32(base + (perSector - 1) * 4, true);
  }
  const next = (id: number): number => {
    const fatIndex = Math.floor(id / perSector);
    const at = sectorOffset(fatSectors[fatIndex] ?? -2) + (id % perSector) * 4;
    if (fatIndex >= fatSectors.length || at + 4 > bytes.length) return END_OF_CHAIN;
    return view.getUint32(at, true);
  };
  const names: string[] = [];
  let sector = view.getUint32(0x30, true);
  const seen = new Set<number>();
  while (sector !== END_OF_CHAIN && sector !== FREE && !seen.has(sector)) {
    seen.add(sector);
    const base = sectorOffset(sector);
    if (base + sectorSize > bytes.length) break;
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = base + e * 128;
      const type = bytes[entry + 0x42];
      const length = view.getUint16(entry + 0x40, true);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = "";
      for (let c = 0; c < length / 2 - 1; c++) name += String.fromCharCode(view.getUint16(entry + c * 2, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}
