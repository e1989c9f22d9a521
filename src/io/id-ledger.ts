// A participant id twice in one month, within a file or across the files of a load (issue 17: one person
// in two extract files of June was counted twice). Ids are hashed as the extract engine hashes them
// (extract/tables.ts: two words from the id's bytes, mixed with the month), so the general path and the
// engine compare ids with each other:
// - a file read by the general path adds a 53-bit digest of each id to a log (8 bytes an id, sorted
//   when the load ends; key-sets.ts), and probes the sets of the files the engine read;
// - a file read by the engine keeps the engine's own sets (about 13 bytes an id) and is compared with
//   the files before it when its scan ends, and with the log when the load ends.
// What matches is a suspect digest: the loader reads the files concerned again, compares the ids
// themselves and names both places (confirm.ts). Memory per id is what the within-file check costs.
//
// Ids are compared as text (README), so one person written `1003` in one file and `00000001003` in
// another is two ids. Each file says which forms its ids are written in (a flag per form, set while it
// is read by either path: extract/tables.ts `idTextForm`), and the load warns of a mix (`formsNote`).

import type { Note } from '../core/facts.js';
import { ID_DECIMAL, ID_NUMBER, ID_PADDED, ID_PLAIN, IdSet, idHashes, idWords, periodHash } from './extract/tables.js';
import { digest53, HashLog, PlacedSet } from './key-sets.js';

export class IdLedger {
  private readonly log = new HashLog();
  /** Ids of sources that cannot be read again (standard input, pipes), with their places. */
  placed: PlacedSet | undefined;
  private readonly fast: { readonly src: number; readonly sets: readonly IdSet[] }[] = [];
  /** Digests seen in two rows (or suspected to be). */
  readonly suspects = new Set<number>();
  /** The later rows of an id of standard input seen before there (the placed set keeps the first). */
  readonly placedRepeats: { readonly digest: number; readonly src: number; readonly line: number; readonly column: number }[] = [];
  /** The text of ids of standard input seen twice there (the rows cannot be read again). */
  readonly placedText = new Map<number, { id: string; period?: string }>();
  /** Sources with ids (read by either path). */
  readonly sources = new Set<number>();
  private readonly words = new Int32Array(2);
  private readonly periods = new Map<string, number>();
  private readonly bytes = new Uint8Array(64);

  /** An id read by the general path (trimmed, not empty), in the row's month (undefined: no period). */
  add(id: string, period: string | undefined, src: number, line: number, column: number | undefined, rereadable: boolean): void {
    const w = this.wordsOf(id, period);
    const d = digest53(w[0]!, w[1]!);
    this.sources.add(src);
    if (rereadable) this.log.add(d);
    else {
      // Ids of standard input are compared among themselves now, while their text is at hand.
      const h1 = w[0]!;
      const h2 = w[1]!;
      if ((this.placed ??= new PlacedSet()).add(h1, h2, src, line, column ?? 0) >= 0) {
        // Seen before on standard input: the set keeps the first place only, so this one is kept here
        // (the rows cannot be read again to find it).
        this.placedText.set(d, { id, period });
        this.placedRepeats.push({ digest: d, src, line, column: column ?? 0 });
        this.suspects.add(d);
      }
    }
    for (const f of this.fast) for (const s of f.sets) if (s.has(w[0]!, w[1]!)) this.suspects.add(d);
  }

  /** The ids of a file the engine read: compared with the engine's earlier files, then kept. */
  addFast(src: number, sets: readonly { readonly table: Int32Array; readonly count: number }[]): void {
    const own = sets.map((s) => IdSet.from(s.table, s.count));
    this.sources.add(src);
    if (this.fast.length) {
      for (const set of own) {
        const t = set.table;
        for (let j = 0; j < t.length; j += 2) {
          if (t[j] === 0) continue;
          for (const f of this.fast) for (const s of f.sets) if (s.has(t[j]!, t[j + 1]!)) this.suspects.add(digest53(t[j]!, t[j + 1]!));
        }
      }
    }
    this.fast.push({ src, sets: own });
  }

  /** After the last file: every suspect digest (ids in two rows, by either path). */
  finish(): Set<number> {
    for (const d of this.log.repeated()) this.suspects.add(d);
    // Ids of standard input (in the placed set only) that a file has too.
    if (this.placed) {
      for (const [h1, h2] of this.placed.entries()) {
        const d = digest53(h1, h2);
        if (this.log.count && this.log.has(d)) this.suspects.add(d);
        for (const f of this.fast) for (const s of f.sets) if (s.has(h1, h2)) this.suspects.add(d);
      }
    }
    if (this.log.count) {
      for (const f of this.fast) {
        for (const set of f.sets) {
          const t = set.table;
          for (let j = 0; j < t.length; j += 2) {
            if (t[j] === 0) continue;
            const d = digest53(t[j]!, t[j + 1]!);
            if (this.log.has(d)) this.suspects.add(d);
          }
        }
      }
    }
    return this.suspects;
  }

  /** The words of an id in a month (for finding it again when rows are read a second time). */
  wordsOf(id: string, period: string | undefined): Int32Array {
    let ph = 0;
    if (period !== undefined) {
      ph = this.periods.get(period) ?? 0;
      if (ph === 0) this.periods.set(period, (ph = periodHash(period)));
    }
    let ascii = id.length <= this.bytes.length;
    if (ascii) {
      for (let i = 0; i < id.length; i++) {
        const c = id.charCodeAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        this.bytes[i] = c;
      }
    }
    if (ascii) idHashes(this.bytes, 0, id.length, this.words);
    else {
      const b = Buffer.from(id, 'utf8');
      idHashes(b, 0, b.length, this.words);
    }
    idWords(this.words[0]!, this.words[1]!, ph, this.words);
    return this.words;
  }

  /** Per source with ids: the forms they are written in (extract/tables.ts ID_NUMBER…), and the id column. */
  private readonly forms = new Map<number, { readonly bits: number; readonly column: string }>();

  /** The forms of a source's ids (as the file's TypedRows, or the engine, saw them). */
  form(src: number, bits: number, column: string): void {
    if (bits !== 0) this.forms.set(src, { bits, column });
  }

  /**
   * A warning when the load's ids are written in forms that make one person two ids as text: number
   * cells (1003) beside text with leading zeros (00000001003), or text ending in `.0` (1003.0, a float
   * column written out) beside whole ids; in two files or within one. Undefined when there is no mix.
   */
  formsNote(nameOf: (src: number) => string): Extract<Note, { code: 'id-forms' }> | undefined {
    const having = (bits: number): number[] => [...this.forms].filter(([, f]) => (f.bits & bits) !== 0).map(([src]) => src);
    const number = having(ID_NUMBER);
    const padded = having(ID_PADDED);
    const decimal = having(ID_DECIMAL);
    const whole = having(ID_NUMBER | ID_PADDED | ID_PLAIN);
    const zeros = number.length > 0 && padded.length > 0;
    const point = decimal.length > 0 && whole.length > 0;
    if (!zeros && !point) return undefined;
    const involved = new Set([...(zeros ? number.concat(padded) : []), ...(point ? decimal.concat(whole) : [])]);
    const columns = [...new Set([...involved].sort((a, b) => a - b).map((src) => this.forms.get(src)!.column))];
    const names = (srcs: number[]): string[] => srcs.map(nameOf);
    return {
      code: 'id-forms',
      columns,
      ...(zeros ? { numbers: names(number), padded: names(padded) } : {}),
      ...(point ? { decimal: names(decimal), whole: names(whole) } : {}),
    };
  }

  /** About how many more ids to expect: nothing to size in advance any more (the log grows by chunks). */
  expect(_ids: number): void {}
}
