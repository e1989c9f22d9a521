// Our streaming scanner against csv-parse, the reference, on generated files: the same records, or
// both refuse. Plus: parse → write → parse is the identity, and chunk boundaries never matter.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, type ScanError } from '../../src/io/csv-scanner.js';
import { quote } from '../../src/render/csv.js';

// 400 runs in npm test (was 1500, cut to keep it under a minute): the first 400 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

function scan(text: string, delimiter: string, chunk = 0): { records: string[][]; errors: ScanError[]; blank: number } {
  const records: string[][] = [];
  const errors: ScanError[] = [];
  let blank = 0;
  const s = new CsvScanner(delimiter, { onRecord: (f) => records.push(f), onError: (e) => errors.push(e), onBlank: () => blank++ });
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk));
  else s.push(text);
  s.end();
  return { records, errors, blank };
}

function reference(text: string, delimiter: string): string[][] | 'error' {
  try {
    return parse(text, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  } catch {
    return 'error';
  }
}

const fieldArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '.', ',', ';', '|', '\t', '"', '\n', '\r', 'é', '—'), maxLength: 8 }),
  fc.constantFrom('', 'Gorontalo', '256.129', '60,56%', '=SUM(A1)', '"quoted"'),
);
const delimArb = fc.constantFrom(',', ';', '\t', '|');
const eolArb = fc.constantFrom('\n', '\r\n', '\r');

describe('CSV scanner vs csv-parse', () => {
  it('well-formed files: the same records, for any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), delimArb, eolArb, fc.boolean(), fc.integer({ min: 1, max: 17 }), (rows, d, eol, finalEol, chunk) => {
        // Single empty fields make empty lines, which both skip; keep them out of the expectation.
        const text = rows.map((r) => r.map((f) => quote(f, d)).join(d)).join(eol) + (finalEol ? eol : '');
        const ours = scan(text, d);
        const ref = reference(text, d);
        expect(ours.errors).toEqual([]);
        expect(ours.records).toEqual(ref);
        expect(scan(text, d, chunk).records).toEqual(ours.records);
      }),
      { numRuns: RUNS, seed: 1 },
    );
  });

  it('arbitrary text: both accept with the same records, or both refuse', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'x', ';'), maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (text, chunk) => {
        const ours = scan(text, ',');
        const ref = reference(text, ',');
        if (ref === 'error') expect(ours.errors.length).toBeGreaterThan(0);
        else {
          expect(ours.errors).toEqual([]);
          expect(ours.records).toEqual(ref);
        }
        const chunked = scan(text, ',', chunk);
        expect(chunked.records).toEqual(ours.records);
        expect(chunked.errors.map((e) => [e.line, e.column])).toEqual(ours.errors.map((e) => [e.line, e.column]));
      }),
      { numRuns: RUNS * 2, seed: 2 },
    );
  });

  it('reused arrays and any cuts (chunks of varying sizes) give the same records, lines, columns and errors', () => {
    // The reader hands every record the same two arrays (reuseArrays), and a chunk after a cut record is
    // joined only up to its first line end, the rest scanned in place: neither may change what is read.
    const whole = (text: string): string[] => {
      const out: string[] = [];
      const s = new CsvScanner(',', { onRecord: (f, line, cols) => out.push(`${line}|${cols.join(' ')}|${JSON.stringify(f)}`), onError: (e) => out.push(`error ${e.line}:${e.column}`), onBlank: (line) => out.push(`blank ${line}`) });
      s.push(text);
      s.end();
      return out;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'bb', ',', '"', '\n', '\r', '\r\n', ' ', '""'), maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), (text, sizes) => {
        const out: string[] = [];
        const s = new CsvScanner(
          ',',
          { onRecord: (f, line, cols) => out.push(`${line}|${cols.join(' ')}|${JSON.stringify(f)}`), onError: (e) => out.push(`error ${e.line}:${e.column}`), onBlank: (line) => out.push(`blank ${line}`) },
          { maxFieldLength: 1 << 20, maxFields: 10_000, maxRecordLength: 4 << 20, reuseArrays: true },
        );
        for (let i = 0, k = 0; i < text.length; k++) {
          const n = sizes[k % sizes.length]!;
          s.push(text.slice(i, i + n));
          i += n;
        }
        s.end();
        expect(out).toEqual(whole(text));
      }),
      { numRuns: RUNS * 2, seed: 3 },
    );
  });

  it('parse → write → parse is the identity', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fieldArb, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), delimArb, (rows, d) => {
        const text = rows.map((r) => r.map((f) => quote(f, d)).join(d)).join('\n') + '\n';
        const once = scan(text, d).records;
        const again = scan(once.map((r) => r.map((f) => quote(f, d)).join(d)).join('\r\n') + '\r\n', d).records;
        expect(again).toEqual(once);
      }),
      { numRuns: RUNS, seed: 3 },
    );
  });

  it('errors point at the line and column', () => {
    expect(scan('a,b\n"x"y,z\n', ',').errors).toMatchObject([{ line: 2, column: 4, message: 'unexpected character "y" after a closing quote' }]);
    expect(scan('a,b\nc,"open\nmore\n', ',').errors).toMatchObject([{ line: 2, column: 3, fatal: true }]);
    expect(scan('a,b\nx,y"z\n', ',').errors).toMatchObject([{ line: 2, column: 4, message: 'a quote inside an unquoted field' }]);
  });

  it('refuses a record with too many fields without hanging', () => {
    const r = scan(','.repeat(200_000) + '\n', ',');
    expect(r.errors[0]).toMatchObject({ fatal: true, message: 'a record has more than 10000 fields' });
  });
});
