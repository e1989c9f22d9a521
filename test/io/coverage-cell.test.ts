// Issue 20 (sp1): the engine reads a coverage cell (src/io/extract/range-scan.ts readPercentCell) as the
// general path does (core/numbers.ts readCell, kind percent). For every cell the engine reads, each
// locale it is a number of and its value there are the general path's, to the bit (the locale a file
// is in is decided by such cells, and the half-point comparison by their values); the cells it does not
// read (0) are left to the general path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/core/numbers.js';
import { readPercentCell } from '../../src/io/extract/range-scan.js';

function engine(text: string): { code: number; id?: number; en?: number } {
  const bytes = Buffer.from(text, 'utf8');
  const out = new Float64Array(2);
  const code = readPercentCell(bytes, 0, bytes.length, out);
  return { code, ...(code > 0 && code & 1 ? { id: out[0] } : {}), ...(code > 0 && code & 2 ? { en: out[1] } : {}) };
}

function general(text: string): { id?: number; en?: number; blank: boolean } {
  if (text.trim() === '') return { blank: true };
  const r = readCell(text, 'percent');
  return { blank: false, ...(r.id !== undefined ? { id: r.id } : {}), ...(r.en !== undefined ? { en: r.en } : {}) };
}

function agrees(text: string): void {
  const e = engine(text);
  const g = general(text);
  if (e.code === -1) return expect(g.blank, text).toBe(true);
  if (e.code === 0) return;
  expect(g.blank, text).toBe(false);
  expect({ id: e.id, en: e.en }, JSON.stringify(text)).toEqual({ id: g.id, en: g.en });
}

describe('a coverage cell, engine and general path', () => {
  it('reads the cells spreadsheets write as the general path does', () => {
    const cells = ['40.5%', '40,5%', '40,5 %', ' 40.50 % ', '40', '0.405', '0,405', '100%', '150%', '1.234,5', '1,234.5', '40.000', '40,000', '0', '000', '007,5', '1.5', '1,5', '0.5%', '12.345.678,9', '12,345,678.9', '123456789012345', '1234567890123456', '99.999999999999', '  ', '', '%', '.5', '5.', '5,', ',5', '1..5', '1.,5', '0.123.456', '1.234.56', '-5%', '+5%', '5%%', '40\u00a0%', '\t40', 'abc', '4O'];
    for (const c of cells) agrees(c);
    // The engine reads these (the general path's verdict is checked above; here: not left to it).
    for (const c of ['40.5%', '40,5%', '40,5 %', ' 40.50 % ', '40', '0.405', '0,405', '100%', '150%', '1.234,5', '40.000', '007,5', '12.345.678,9', '123456789012345']) expect(engine(c).code, c).toBeGreaterThan(0);
  });

  it('on generated cells of digits, marks, signs and spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '1', '2', '5', '9', '.', ',', '%', ' ', '-', '\u00a0', 'e'), { maxLength: 20 }), (chars) => {
        agrees(chars.join(''));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 12 }), fc.constantFrom('.', ','), fc.boolean(), (x, d, mark, sign) => {
        agrees(x.toFixed(d).replace('.', mark) + (sign ? '%' : ''));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });
});
