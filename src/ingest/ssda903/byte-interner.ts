/**
 * Dictionary encoding straight from bytes: each distinct value (trimmed, optionally
 * upper-cased) gets a dense integer id, without creating a string per row. The SSDA903
 * reader uses one for child identifiers (so CHILD values never become JS strings that
 * could leak into output) and one per coded column.
 * Open addressing with FNV-1a hashes; keys live in one growing byte pool.
 */
export class ByteInterner {
  private slots: Int32Array;
  private mask: number;
  private pool: Uint8Array;
  private poolLength = 0;
  private offsets: Int32Array;
  private lengths: Int32Array;
  private hashes: Int32Array;
  private scratch = new Uint8Array(64);
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
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.pool = new Uint8Array(Math.max(256, capacity * 8));
    this.offsets = new Int32Array(Math.max(16, capacity));
    this.lengths = new Int32Array(Math.max(16, capacity));
    this.hashes = new Int32Array(Math.max(16, capacity));
  }

  /**
   * The id of bytes[start, end) after trimming spaces, tabs and quotes' leftovers; -1 when
   * the trimmed value is empty.
   */
  intern(bytes: Uint8Array, start: number, end: number): number {
    while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
    const length = end - start;
    if (length === 0) return -1;
    const upper = this.upperCase;
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) {
      let c = bytes[i];
      if (upper && c >= 97 && c <= 122) c -= 32;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    let slot = hash & this.mask;
    const pool = this.pool;
    for (;;) {
      const id = this.slots[slot];
      if (id === -1) break;
      if (this.hashes[id] === hash && this.lengths[id] === length) {
        const offset = this.offsets[id];
        let same = true;
        for (let k = 0; k < length; k++) {
          let c = bytes[start + k];
          if (upper && c >= 97 && c <= 122) c -= 32;
          if (pool[offset + k] !== c) { same = false; break; }
        }
        if (same) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.insert(bytes, start, length, hash, slot);
  }

  /** The id of a string value (ASCII or UTF-8), or -1 when blank. @example new ByteInterner().internText("") // -1 */
  internText(text: string): number {
    const bytes = new TextEncoder().encode(text);
    return this.intern(bytes, 0, bytes.length);
  }

  /** The stored value of an id as text (upper-cased if the interner folds case). */
  text(id: number): string {
    const offset = this.offsets[id];
    return new TextDecoder().decode(this.pool.subarray(offset, offset + this.lengths[id]));
  }

  /** The stored bytes of an id (a view; do not modify). */
  bytesOf(id: number): Uint8Array {
    const offset = this.offsets[id];
    return this.pool.subarray(offset, offset + this.lengths[id]);
  }

  /**
   * Intern the concatenation of a 2-byte prefix (e.g. an LA index) and bytes[start, end)
   * (trimmed), without copying: -1 when the trimmed value is empty.
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
    const id = this.lookupPrefixed(p0, p1, bytes, start, end, length);
    if (length > recent.length) this.recent = new Uint8Array(length * 2);
    const copy = this.recent;
    copy[0] = p0;
    copy[1] = p1;
    for (let k = 2; k < length; k++) copy[k] = bytes[start + k - 2];
    this.recentLength = length;
    this.recentId = id;
    return id;
  }

  private recent = new Uint8Array(32);
  private recentLength = 0;
  private recentId = -1;

  private lookupPrefixed(p0: number, p1: number, bytes: Uint8Array, start: number, end: number, length: number): number {
    let hash = Math.imul((0x811c9dc5 | 0) ^ p0, 0x01000193);
    hash = Math.imul(hash ^ p1, 0x01000193);
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const pool = this.pool;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const id = slots[slot];
      if (id === -1) break;
      if (this.hashes[id] === hash && this.lengths[id] === length) {
        const offset = this.offsets[id];
        let same = pool[offset] === p0 && pool[offset + 1] === p1;
        for (let k = 0; same && k < length - 2; k++) if (pool[offset + 2 + k] !== bytes[start + k]) same = false;
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
    if (this.scratch.length < length) this.scratch = new Uint8Array(length * 2);
    const scratch = this.scratch;
    scratch[0] = p0;
    scratch[1] = p1;
    for (let k = 0; k < length - 2; k++) scratch[2 + k] = bytes[start + k];
    return this.insert(scratch, 0, length, hash, slot);
  }

  private insert(bytes: Uint8Array, start: number, length: number, hash: number, slot: number): number {
    const id = this.size;
    if (id >= this.offsets.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    if (this.poolLength + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
    const upper = this.upperCase;
    const pool = this.pool;
    for (let k = 0; k < length; k++) {
      let c = bytes[start + k];
      if (upper && c >= 97 && c <= 122) c -= 32;
      pool[this.poolLength + k] = c;
    }
    this.offsets[id] = this.poolLength;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    this.poolLength += length;
    this.slots[slot] = id;
    this.size++;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(size = this.slots.length * 2): void {
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
