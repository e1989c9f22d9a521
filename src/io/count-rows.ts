// Counts per key read as an extract (no participant id, no employer: docs/warehouse.md). A GROUP BY writes
// each key once, so in one file a key twice is a fault — the same row twice (a join or a union that
// repeats rows, rv17 F5), or the key with two different counts (a corrected count added below the old
// one, a re-export appended to the old file: rv35 D2), which adding up would hide. Across the files of a
// load a key is added up (the parts of one export), but the same row in two files (every cell alike) is
// the same export given twice.
//
// The rows are kept as their texts in one byte buffer (a row's key cells, then its counts), with six
// 32-bit words a row and a table of 32-bit slots at most half full; no object and no string a row. Keys
// are compared by their bytes, so two keys never collide (no second reading to confirm a digest); a
// key's rows from different files are chained (newest first). 729,600 rows of 38 bytes of text: 67 MB
// held with the arrays' room to grow (92 bytes a row), where the Map of joined strings with an object a
// row that this replaced held 119 bytes a row in the heap, and twice more in the load's Map of every
// file's rows; `coverage --extract` on that file went from 447 to 153 MB (resident), 3.0 to 1.7 s CPU.

/** A key met twice in one file: the earlier row (an index for `line`, `counts`), and whether the counts are alike too. */
export interface CountsHit {
  readonly first: number;
  readonly sameCounts: boolean;
}

export class CountRows {
  private text: Buffer = Buffer.allocUnsafe(4096);
  private used = 0;
  // Per row: where its text starts, its key's length in bytes, its hash, source, line, and the row
  // before it with the same key (a file before), or −1.
  private start: Int32Array<ArrayBuffer> = new Int32Array(64);
  private keyLen = new Int32Array(64);
  private hash = new Int32Array(64);
  private srcOf = new Int32Array(64);
  private lineOf = new Int32Array(64);
  private prev = new Int32Array(64);
  private slots = new Int32Array(128); // row + 1; 0 empty, −1 a row taken back (truncate)
  /** Slots not empty (rows, and rows taken back). */
  private filled = 0;
  count = 0;

  /**
   * The row (`key`: its key cells' text, `counts`: its counts' text) of source `src` at `line`: undefined
   * when its key is new to the file, else the file's earlier row of the key (not kept a second time).
   * Rows of earlier files with the key are chained to it (`repeatOf`).
   */
  add(src: number, line: number, key: string, counts: string): CountsHit | undefined {
    const at = this.used;
    const room = 3 * (key.length + counts.length) + 1;
    if (at + room > this.text.length) this.growText(at + room);
    const kl = this.text.write(key, at, 'utf8');
    const n = kl + this.text.write(counts, at + kl, 'utf8');
    let h = 0x811c9dc5;
    for (let i = at; i < at + kl; i++) h = Math.imul(h ^ this.text[i]!, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const mask = this.slots.length - 1;
    let i = h & mask;
    let found = -1;
    for (;;) {
      const s = this.slots[i]!;
      if (s === 0) break;
      if (s > 0 && this.hash[s - 1] === h && this.keyIs(s - 1, at, kl)) {
        found = s - 1;
        break;
      }
      i = (i + 1) & mask;
    }
    if (found >= 0 && this.srcOf[found] === src) return { first: found, sameCounts: this.countsAre(found, at + kl, n - kl) };
    const row = this.count++;
    if (row === this.start.length) this.growRows();
    this.start[row] = at;
    this.keyLen[row] = kl;
    this.hash[row] = h;
    this.srcOf[row] = src;
    this.lineOf[row] = line > 0x7fffffff ? 0x7fffffff : line;
    this.prev[row] = found;
    this.used = at + n;
    this.slots[i] = row + 1;
    if (found < 0 && 2 * ++this.filled > this.slots.length) this.growSlots();
    return undefined;
  }

  /** A row of an earlier file with the same key and counts as `row` (the same row twice), or −1. */
  repeatOf(row: number): number {
    const s = this.start[row]! + this.keyLen[row]!;
    const end = row + 1 < this.count ? this.start[row + 1]! : this.used;
    for (let r = this.prev[row]!; r >= 0; r = this.prev[r]!) if (this.countsAre(r, s, end - s)) return r;
    return -1;
  }

  src(row: number): number {
    return this.srcOf[row]!;
  }

  line(row: number): number {
    return this.lineOf[row]!;
  }

  /** The row's key as written (its cells' texts, joined by U+0001; an employer extract's employer first). */
  key(row: number): string {
    const s = this.start[row]!;
    return this.text.toString('utf8', s, s + this.keyLen[row]!);
  }

  /** The row's counts as written (their cells' texts, joined by U+0001). */
  counts(row: number): string {
    const end = row + 1 < this.count ? this.start[row + 1]! : this.used;
    return this.text.toString('utf8', this.start[row]! + this.keyLen[row]!, end);
  }

  /** Take back the rows from `count` on (a file refused: its rows are compared with nothing). */
  truncate(count: number): void {
    if (count >= this.count) return;
    const mask = this.slots.length - 1;
    for (let row = this.count - 1; row >= count; row--) {
      for (let i = this.hash[row]! & mask; ; i = (i + 1) & mask) {
        if (this.slots[i] !== row + 1) continue;
        // The key's row of an earlier file takes its slot back; else the slot is marked taken back, so
        // that keys probed past it are still found.
        this.slots[i] = this.prev[row]! >= 0 ? this.prev[row]! + 1 : -1;
        break;
      }
    }
    this.used = this.start[count]!;
    this.count = count;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.text.length + 6 * this.start.byteLength + this.slots.byteLength;
  }

  private keyIs(row: number, at: number, kl: number): boolean {
    const s = this.start[row]!;
    return this.keyLen[row] === kl && this.text.compare(this.text, at, at + kl, s, s + kl) === 0;
  }

  private countsAre(row: number, at: number, n: number): boolean {
    const s = this.start[row]! + this.keyLen[row]!;
    const end = row + 1 < this.count ? this.start[row + 1]! : this.used;
    return end - s === n && this.text.compare(this.text, at, at + n, s, end) === 0;
  }

  private growText(need: number): void {
    const t = Buffer.allocUnsafe(Math.max(need, 2 * this.text.length));
    this.text.copy(t, 0, 0, this.used);
    this.text = t;
  }

  private growRows(): void {
    const n = 2 * this.start.length;
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.start = grow(this.start);
    this.keyLen = grow(this.keyLen);
    this.hash = grow(this.hash);
    this.srcOf = grow(this.srcOf);
    this.lineOf = grow(this.lineOf);
    this.prev = grow(this.prev);
  }

  /** Twice the slots, each key's newest row placed again (taken-back marks are dropped). */
  private growSlots(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const mask = slots.length - 1;
    this.filled = 0;
    for (let j = 0; j < old.length; j++) {
      const s = old[j]!;
      if (s <= 0) continue;
      this.filled++;
      let i = this.hash[s - 1]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = s;
    }
    this.slots = slots;
  }
}
