// Any file written by the tool's own CSV writer (its quoting, any of the four delimiters, numbers in
// either locale) reads back to the same Table: the same keys, labels and counts, row for row.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dimIndex, measureIndex } from '../../src/core/table.js';
import { provinceRegistry } from '../../src/io/areas.js';
import { textKey } from '../../src/io/key-domains.js';
import { loadTable } from '../../src/io/load.js';
import { quote } from '../../src/render/csv.js';

// 100 runs in npm test (was 300, cut to keep it under a minute): the first 100 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const PROVINCES = provinceRegistry().provinces.filter((p) => p.kemendagri === p.bps).map((p) => p.name);

// Free text as offices write it: letters, digits, spaces inside, punctuation, quotes, any delimiter,
// line breaks inside a quoted field. Not at the start: the characters a spreadsheet runs as a
// formula (= + - @), which the writer deliberately neutralises with a leading apostrophe.
const word = fc.stringMatching(/^[A-Za-z0-9À-ÿ"',;|.()/&]{1,8}$/);
const text = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .chain((ws) => fc.constantFrom(' ', '\n', '\t').map((sep) => ws.join(sep)))
  .filter((s) => !/^[=+\-@]/.test(s));

const row = fc.record({
  province: fc.constantFrom(...PROVINCES),
  branch: text,
  workforce: fc.integer({ min: 0, max: 10 ** 12 }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
});

const fmt = { id: new Intl.NumberFormat('id-ID'), en: new Intl.NumberFormat('en-US') };

describe('CSV written by the tool reads back to the same Table', () => {
  it('keys, labels and counts, for any delimiter and number locale', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 12, selector: (r) => `${r.province}\u0000${textKey(r.branch)}` }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom<'id' | 'en'>('id', 'en'),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        async (rows, d, locale, grouped, eol) => {
          const num = (n: number): string => (grouped ? fmt[locale].format(n) : String(n));
          const lines = [['province', 'branch', 'workforce', 'participants'].map((h) => quote(h, d)).join(d)];
          for (const r of rows) lines.push([r.province, r.branch, num(r.workforce), num(Math.floor(r.workforce * r.share))].map((v) => quote(v, d)).join(d));
          const bytes = Buffer.from(lines.join(eol) + eol);
          const t = await loadTable(['-'], { dims: ['branch'], measures: new Map([['workforce', 'count'], ['participants', 'count']]), rule: 'refuse' }, { maxErrors: 50, allowOverCoverage: false, delimiter: d, stdin: Readable.from([bytes]) });
          const p = dimIndex(t, 'province');
          const b = dimIndex(t, 'branch');
          expect(t.rows).toHaveLength(rows.length);
          rows.forEach((r, i) => {
            const got = t.rows[i]!;
            expect(t.dims[p]!.labels.get(got.keys[p]!)).toBe(r.province);
            expect(got.keys[b]).toBe(textKey(r.branch));
            expect(t.dims[b]!.labels.get(got.keys[b]!)).toBe(r.branch.trim().replace(/\s+/g, ' '));
            expect(got.values[measureIndex(t, 'workforce')]).toBe(r.workforce);
            expect(got.values[measureIndex(t, 'participants')]).toBe(Math.floor(r.workforce * r.share));
          });
          const decided = t.sources[0]!.numberLocale;
          expect(decided === locale || (decided === null && rows.every((r) => num(r.workforce) === String(r.workforce)))).toBe(true);
        },
      ),
      { numRuns: RUNS, seed: 2024 },
    );
  });
});
