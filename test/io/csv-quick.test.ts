// The CSV scanner's quick path (csv-scanner.ts: a record cut at the delimiters, quotes and line end found
// by indexOf) against the model it replaces, the same scanner reading every record character by character
// (`quick: false`): on any text, cut into chunks anywhere, the same records, lines, columns, blank lines
// and errors, in the same words. The texts mix what makes a record leave the quick path (a CR alone, a
// quote inside a field or written twice, quoted line breaks, text after a closing quote, limits) with what
// it takes (LF and CRLF ends, empty fields, quoted fields, multi-byte text and surrogate pairs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, type ScanLimits } from '../../src/io/csv-scanner.js';

// 500 runs in npm test (was 1500, cut to keep it under a minute): the first 500 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

function read(text: string, delimiter: string, cuts: readonly number[], limits: Omit<ScanLimits, 'quick'>, quick: boolean): string[] {
  const out: string[] = [];
  const s = new CsvScanner(
    delimiter,
    {
      onRecord: (f, line, cols) => out.push(`${line}|${cols.join(' ')}|${JSON.stringify(f)}`),
      onError: (e) => out.push(`error ${e.line}:${e.column} ${e.message} / ${e.hint ?? ''}${e.fatal ? ' (fatal)' : ''}`),
      onBlank: (line) => out.push(`blank ${line}`),
    },
    { ...limits, quick },
  );
  if (cuts.length === 0) s.push(text);
  else {
    for (let i = 0, k = 0; i < text.length; k++) {
      const n = cuts[k % cuts.length]!;
      s.push(text.slice(i, i + n));
      i += n;
    }
  }
  s.end();
  return out;
}

const unit = fc.constantFrom('a', 'Bb', '12', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '—', '😀', '"x,y"', '"a\nb"', '""""');
const textArb = fc.array(unit, { maxLength: 40 }).map((u) => u.join(''));
const rowsArb = fc
  .tuple(
    fc.array(fc.array(fc.constantFrom('', 'Aceh', '11', 'Kabupaten Aceh Selatan', '"Kota Banda Aceh"', '"a,b"', '2024-06', 'é—😀', '"é ""q"""'), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([rows, eol, last]) => rows.map((r) => r.join(',')).join(eol) + (last ? eol : ''));
const cutsArb = fc.oneof(fc.constant([] as number[]), fc.array(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 5 }));
// Each limit either out of reach or small enough to be met (a field of 0–8 characters, a record of 1–5 fields).
const limitsArb = fc.record({
  maxFieldLength: fc.oneof(fc.constant(1 << 20), fc.integer({ min: 0, max: 8 })),
  maxFields: fc.oneof(fc.constant(10_000), fc.integer({ min: 1, max: 5 })),
  maxRecordLength: fc.constant(4 << 20),
});

describe('CSV scanner: the quick path reads as the character-by-character model', () => {
  it('any text, any delimiter, any cuts, any limits: the same records, places and errors', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, rowsArb), fc.constantFrom(',', ';', '\t', '|'), cutsArb, limitsArb, fc.boolean(), (text, d, cuts, limits, reuse) => {
        const l = { ...limits, reuseArrays: reuse };
        expect(read(text, d, cuts, l, true)).toEqual(read(text, d, cuts, l, false));
      }),
      { numRuns: RUNS * 2, seed: 20 },
    );
  });

  it('the records a regional file is made of take the quick path with the same fields and columns', () => {
    const text = 'province_code,regency,sector,period,workforce,participants\r\n11,"Kabupaten Aceh Selatan",S0,2023-01,1000,400\r\n11,"Kota Banda Aceh",,2023-02,"1.000",\r\n';
    const limits = { maxFieldLength: 1 << 20, maxFields: 10_000, maxRecordLength: 4 << 20 };
    const quick = read(text, ',', [], limits, true);
    expect(quick).toEqual(read(text, ',', [], limits, false));
    expect(quick[1]).toBe('2|1 4 29 32 40 45|["11","Kabupaten Aceh Selatan","S0","2023-01","1000","400"]');
    expect(quick[2]).toBe('3|1 4 22 23 31 39|["11","Kota Banda Aceh","","2023-02","1.000",""]');
  });
});
