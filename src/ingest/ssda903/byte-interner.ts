/**
 * Dictionary encoding straight from bytes: each distinct value (trimmed, optionally
 * upper-cased) gets a dense integer id, without creating a string per row. The SSDA903
 * reader uses one for child identifiers (so CHILD values never become JS strings that
 * could leak into output) and one per coded column.
 * Open addressing (linear probing) with FNV-1a hashes; each slot holds [hash, id] side by
 * side and each entry [offset, length], so a lookup touches few cache lines; keys live in
 * one growing byte pool.
 */
export class ByteInterner {
  /** Slot s: table[2s] = hash, table[2s + 1] = id (-1 empty). */
  private table: Int32Array;
  private mask: number;
  private pool: Uint8Array;
  private poolLength = 0;
  /** Entry id: entries[2id] = pool offset, entries[2id + 1] = length. */
  private entries: Int32Array;
  private hashes: Int32Array;
  private scratch = new Uint8Array(64);
  private recent = new Uint8Array(32);
  private recentLength = 0;
  private recentId = -1;
  /** Number of distinct values seen. */
  size = 0;

  /**
   * @param upperCase fold ASCII letters to upper case before comparing (codes such as "pr1").
   * @param capacity expected number of distinct values (grows as needed).
   * @example new ByteInterner(true).internText(" pr1 ") // 0
   */
  constructor(private readonly upperCase = false, capacity = 64) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    for (let s = 0; s < size; s++) this.table[2 * s + 1] = -1;
    this.mask = size - 1;
    this.pool = new Uint8Array(Math.max(256, capacity * 8));
    this.entries = new Int32Array(Math.max(32, capacity * 2));
    this.hashes = new Int32Array(Math.max(16, capacity));
  }

  /**
   * The id of bytes[start, end) after trimming spaces and tabs; -1 when the trimmed value
   * is empty.
   */
  intern(bytes: Uint8Array, start: number, end: number): number {
    while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
    const length = end - start;
    if (length === 0) return -1;
    if (this.upperCase) {
      if (this.scratch.length < length) this.scratch = new Uint8Array(length * 2);
      const scratch = this.scratch;
      for (let k = 0; k < length; k++) { const c = bytes[start + k]; scratch[k] = c >= 97 && c <= 122 ? c - 32 : c; }
      return this.lookup(scratch, 0, length, -1, -1);
    }
    return this.lookup(bytes, start, end, -1, -1);
  }

  /** The id of a string value (ASCII or UTF-8), or -1 when blank. @example new ByteInterner().internText("") // -1 */
  internText(text: string): number {
    const bytes = new TextEncoder().encode(text);
    return this.intern(bytes, 0, bytes.length);
  }

  /** The stored value of an id as text (upper-cased if the interner folds case). */
  text(id: number): string {
    const offset = this.entries[2 * id];
    return new TextDecoder().decode(this.pool.subarray(offset, offset + this.entries[2 * id + 1]));
  }

  /**
   * Intern the concatenation of a 2-byte prefix (e.g. an LA index) and bytes[start, end)
   * (trimmed), without copying: -1 when the trimmed value is empty. Case is kept.
   */
  internPrefixed(prefix: number, bytes: Uint8Array, start: number, end: number): number {
    while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
    if (start === end) return -1;
    const p0 = prefix & 0xff;
    const p1 = (prefix >>> 8) & 0xff;
    const length = end - start + 2;
    // Rows of one child usually follow each other: check the previous key first.
    const recent = this.recent;
    if (this.recentId >= 0 && this.recentLength === length && recent[0] === p0 && recent[1] === p1) {
      let same = true;
      for (let k = 2; k < length; k++) if (recent[k] !== bytes[start + k - 2]) { same = false; break; }
      if (same) return this.recentId;
    }
    const id = this.lookup(bytes, start, end, p0, p1);
    if (length > this.recent.length) this.recent = new Uint8Array(length * 2);
    const copy = this.recent;
    copy[0] = p0;
    copy[1] = p1;
    for (let k = 2; k < length; k++) copy[k] = bytes[start + k - 2];
    this.recentLength = length;
    this.recentId = id;
    return id;
  }

  /** Find or insert the key ([p0, p1] when p0 >= 0) + bytes[start, end). */
  private lookup(bytes: Uint8Array, start: number, end: number, p0: number, p1: number): number {
    const prefixed = p0 >= 0;
    const length = end - start + (prefixed ? 2 : 0);
    let hash = 0x811c9dc5 | 0;
    if (prefixed) {
      hash = Math.imul(hash ^ p0, 0x01000193);
      hash = Math.imul(hash ^ p1, 0x01000193);
    }
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    // Final avalanche so the low bits used for the slot are well mixed.
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    const table = this.table;
    const mask = this.mask;
    const pool = this.pool;
    const entries = this.entries;
    let slot = hash & mask;
    for (;;) {
      const id = table[2 * slot + 1];
      if (id === -1) break;
      if (table[2 * slot] === hash && entries[2 * id + 1] === length) {
        let offset = entries[2 * id];
        let same = true;
        if (prefixed) { same = pool[offset] === p0 && pool[offset + 1] === p1; offset += 2; }
        for (let k = start; same && k < end; k++) if (pool[offset++] !== bytes[k]) same = false;
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(bytes, start, end, p0, p1, length, hash, slot);
  }

  private insert(bytes: Uint8Array, start: number, end: number, p0: number, p1: number, length: number, hash: number, slot: number): number {
    const id = this.size;
    if (2 * id + 1 >= this.entries.length) {
      const entries = new Int32Array(this.entries.length * 2); entries.set(this.entries); this.entries = entries;
      const hashes = new Int32Array(this.hashes.length * 2); hashes.set(this.hashes); this.hashes = hashes;
    }
    if (this.poolLength + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
    const pool = this.pool;
    let offset = this.poolLength;
    if (p0 >= 0) { pool[offset++] = p0; pool[offset++] = p1; }
    for (let k = start; k < end; k++) pool[offset++] = bytes[k];
    this.entries[2 * id] = this.poolLength;
    this.entries[2 * id + 1] = length;
    this.hashes[id] = hash;
    this.poolLength += length;
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = id;
    this.size++;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size * 2);
    for (let s = 0; s < size; s++) table[2 * s + 1] = -1;
    const mask = size - 1;
    for (let id = 0; id < this.size; id++) {
      const hash = this.hashes[id];
      let slot = hash & mask;
      while (table[2 * slot + 1] !== -1) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = id;
    }
    this.table = table;
    this.mask = mask;
  }
}
