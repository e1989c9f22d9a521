// The general reader's shortcuts (issue 20: faster, with the same answers) against the long way each one
// replaces:
// - a CSV chunk is searched for control characters once, and its rows' cells are not searched when it has
//   none (csv-rows.ts, the `clean` flag of RowSink.row): the pattern and the per-cell loop must be the same
//   set, and a control character in any chunk (the first, a later one, across a chunk boundary) is still
//   refused at its line and column;
// - a free-text key of printable ASCII with single spaces is only lower-cased (key-domains.ts plainText):
//   NFC, trimming and collapsing spaces must leave such a text as it is;
// - a dimension's key hashes come from the previous row's when the key repeats, and are hashed afresh once
//   its cache is full (fold.ts): two rows with the same keys are still found when every row is a key of
//   its own, past the cache (70,000 branches: in test/scale/key-caches.test.ts);
// - a UTF-8 chunk's bytes are searched for control characters four at a time (source.ts
//   controlFreeBytes), and the chunk's text is then not searched with the pattern: the same answer as the
//   pattern on the text, at every alignment of the bytes;
// - the decoder finds line ends with indexOf instead of a test a character (source.ts): a byte that is
//   not UTF-8 is still placed at its line and column, whatever the line ends and the chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { allBlank } from '../../src/io/csv-rows.js';
import { plainText, textKey } from '../../src/io/key-domains.js';
import { loadTable } from '../../src/io/load.js';
import { CONTROL, hasControl } from '../../src/io/row-sink.js';
import { RECENT, recentSlot } from '../../src/io/key-sets.js';
import { controlFreeBytes, decodeText } from '../../src/io/source.js';
import { tmp, writeIn } from '../e2e/helpers.js';
import { BY_PROVINCE, GENERAL_READ, loadProblems } from '../support/load-problems.js';


/** A regional file of `n` rows (about 40 bytes each), a row of it rewritten by `edit`. */
function regional(n: number, edit?: (i: number, row: string) => string): string {
  const lines = ['province,sector,period,workforce,participants'];
  for (let i = 0; i < n; i++) {
    const row = `Gorontalo,S${String(i).padStart(6, '0')},2024-06,${1000 + (i % 7)},${400 + (i % 5)}`;
    lines.push(edit ? edit(i, row) : row);
  }
  return lines.join('\n') + '\n';
}

describe('control characters: the chunk pattern and the cell loop are one set', () => {
  it('agree on every UTF-16 code unit', () => {
    const differ: string[] = [];
    let controls = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      if (hasControl(s) !== CONTROL.test(s)) differ.push(`U+${c.toString(16)}`);
      if (hasControl(s)) controls++;
    }
    expect(differ).toEqual([]);
    expect(controls).toBe(9 + 2 + 18 + 1); // U+0000–0008, 000B–000C, 000E–001F, 007F
  });

  it('a control character in the first chunk, a later one, or at a chunk boundary is refused at its cell', async () => {
    // 64 KiB chunks (open-input.ts): rows 0, 5,000 and the row across the 3rd boundary, and the last row.
    const text = regional(8000);
    const boundary = text.indexOf('\n', 3 * 65536 - 20);
    const rowAtBoundary = text.slice(0, boundary).split('\n').length - 1; // 0-based data row that follows
    for (const target of [0, 5000, rowAtBoundary, 7999]) {
      const f = writeIn(tmp(), 'ctl.csv', regional(8000, (i, row) => (i === target ? row.replace(',2024-06', ',2024\u000b-06') : row)));
      const line = target + 2;
      const column = 'Gorontalo,S000000,'.length + 1;
      expect(await loadProblems(f)).toEqual([`${line}:${column} control character U+000B in field "period"`]);
    }
  });

  it('the bytes of UTF-8 text hold one exactly when the pattern finds one in the text (every byte, every alignment)', () => {
    // Each byte value at each of 8 places in a run of 12 bytes, under each of 4 offsets into the buffer.
    const backing = Buffer.alloc(64, 0x41);
    for (let b = 0; b < 128; b++) {
      for (let offset = 0; offset < 4; offset++) {
        for (let at = 0; at < 12; at++) {
          const view = new Uint8Array(backing.buffer, backing.byteOffset + offset, 12).fill(0x41);
          view[at] = b;
          expect(controlFreeBytes(view)).toBe(!CONTROL.test(Buffer.from(view).toString('utf8')));
        }
      }
    }
    const alphabet = fc.constantFrom('a', ',', '\n', '\r', '\t', '"', '\u0000', '\u000b', '\u001f', '\u007f', 'é', '\u0085', '\u00ff', '€', '😀', ' ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.integer({ min: 0, max: 7 }), (parts, offset) => {
        const text = parts.join('');
        const bytes = Buffer.from(text, 'utf8');
        const at = new Uint8Array(bytes.length + offset);
        at.set(bytes, offset);
        expect(controlFreeBytes(at.subarray(offset))).toBe(!CONTROL.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the same file without one is read, with every row', async () => {
    const t = await loadTable([writeIn(tmp(), 'ok.csv', regional(8000))], BY_PROVINCE, GENERAL_READ);
    expect(t.sources[0]!.rows).toBe(8000);
    // 8000 rows of 400..404 (i mod 5): 1600 of each.
    expect(t.rows.reduce((s, r) => s + (r.values[t.measures.findIndex((m) => m.name === 'participants')] ?? 0), 0)).toBe(1600 * (400 + 401 + 402 + 403 + 404));
  });
});

describe('free-text keys: the shortcut is the long way', () => {
  const long = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

  it('plain text is left as it is by NFC, trimming and collapsing spaces', () => {
    const alphabet = fc.constantFrom(...'aZ09 -_./()'.split(''), '\t', '\u00a0', '\u3000', 'e\u0301', 'é', 'İ', 'ß', '\u200b', '\ufeff', '\u2028');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(textKey(s)).toBe(long(s));
        if (plainText(s)) expect(s.toLowerCase()).toBe(long(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('names what is not plain', () => {
    expect(['K0012345', 'Sektor 3', 'a b c', '~!'].map(plainText)).toEqual([true, true, true, true]);
    expect([' a', 'a ', 'a  b', 'a\tb', 'é', '', 'a\u00a0b', 'a\u007f'].map(plainText)).toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('the line and column of a byte that is not UTF-8, however the text is cut into chunks', () => {
  it('counts LF, CR and CRLF line ends as the text has them (source.ts LineTracker)', async () => {
    const piece = fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', 'é', ',', '"');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), async (pieces, cuts) => {
        const before = pieces.join('');
        const bytes = Buffer.concat([Buffer.from('x' + before), Buffer.from([0xff]), Buffer.from('tail\n')]);
        const chunks: Buffer[] = [];
        for (let at = 0, k = 0; at < bytes.length; k++) {
          const n = cuts[k % cuts.length]!;
          chunks.push(bytes.subarray(at, at + n));
          at += n;
        }
        // Independently: the lines of the valid text before the byte.
        const lines = ('x' + before).split(/\r\n|\r|\n/);
        const expected = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
        const rest = (async function* () {
          yield* chunks.slice(1);
        })();
        let got: { line?: number; column?: number } | undefined;
        try {
          for await (const _ of decodeText('t.csv', chunks[0]!, rest, undefined, () => undefined)) void _;
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          got = { line: e.diagnostics[0]!.line, column: e.diagnostics[0]!.column };
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('JSON keys matched in place (json-rows.ts: the key of the row before, at the same position)', () => {
  it('a key given twice in a row is named with both places, whether or not the row before had it there', async () => {
    const row = '{"province": "Aceh", "participants": 1, "province": "Aceh"}';
    const f = writeIn(tmp(), 'twice.json', `[\n${row},\n${row.replaceAll('Aceh', 'Bali')}\n]\n`);
    const first = row.indexOf('"province"') + 1;
    const second = row.lastIndexOf('"province"') + 1;
    expect(await loadProblems(f, { ...BY_PROVINCE, measures: new Map([['participants', 'count']]) })).toEqual([
      `2:${second} field "province" appears twice in one row (first at line 2, column ${first})`,
      `3:${second} field "province" appears twice in one row (first at line 3, column ${first})`,
    ]);
  });
});

describe("a blank record (csv-rows.ts allBlank): the first character's shortcut is trim()", () => {
  it('says blank exactly when every field trims to nothing', () => {
    // Every character trim() removes, printable ASCII, controls and others, the empty field.
    const chars = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u200b', 'a', 'Z', '0', '!', '~', '\u007f', '\u001f', 'é', '\u{1F600}'];
    const field = fc.array(fc.constantFrom(...chars), { maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(field, { maxLength: 6 }), (fields) => {
        expect(allBlank(fields)).toBe(fields.every((f) => f.trim() === ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('recent keys (key-sets.ts recentSlot): caches that never change an answer', () => {
  it('the months of five years in a row take a slot each (a file of 24 months looked a quarter of its months up twice)', () => {
    for (const first of [2019, 2020, 2023, 2024, 2031]) {
      const slots = new Map<number, string>();
      for (let y = first; y < first + 5; y++)
        for (let m = 1; m <= 12; m++) {
          const period = `${y}-${String(m).padStart(2, '0')}`;
          const at = recentSlot(period);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThan(RECENT);
          // Years 2019-2023 cross a decade: the middle digit (the year's last) wraps from 9 to 0.
          if (first !== 2019) expect(slots.get(at), `${period} shares slot ${at}`).toBeUndefined();
          slots.set(at, period);
        }
    }
  });

  it('a key written several ways keeps the label of its first row, among many keys that share slots', async () => {
    const ways = (name: string): string[] => [name, name.toUpperCase(), ` ${name.toLowerCase()} `, name.replace(' ', '  ')];
    // More keys than slots (64), so that keys take each other's slots.
    const names = Array.from({ length: 100 }, (_, i) => ['Sektor', 'Pertanian Padi', 'Jasa Lain', 'Industri'][i % 4] + ` ${i}`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(3)), { minLength: 1, maxLength: 300 }), async (picks) => {
        const lines = ['province,sector,period,participants'];
        const first = new Map<string, string>(); // key → label, worked out here: trimmed, spaces collapsed
        picks.forEach(([n, w], i) => {
          const text = ways(names[n]!)[w]!;
          // A month of its own per row: no two rows share keys.
          lines.push(`Gorontalo,${text},${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${i}`);
          const key = text.trim().replace(/\s+/g, ' ').toLowerCase();
          if (!first.has(key)) first.set(key, text.trim().replace(/\s+/g, ' '));
        });
        const t = await loadTable([writeIn(tmp(), 'labels.csv', lines.join('\n') + '\n')], { dims: ['sector'], measures: new Map([['participants', 'count']]), rule: 'refuse' }, GENERAL_READ);
        const sector = t.dims.find((d) => d.name === 'sector')!;
        expect(Object.fromEntries(sector.labels)).toEqual(Object.fromEntries(first));
      }),
      { numRuns: 100 },
    );
  });
});
