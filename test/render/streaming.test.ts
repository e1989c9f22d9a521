// Rows given as a RowSource (made on demand, issue 20) render exactly as the same rows in an array, in
// every format; what a renderer produces is the same whether it is gathered whole (render) or written
// as it comes (stream); and text too long for one JavaScript string is handed over as bytes.
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../src/render/chunks.js';
import { FORMATS, render, stream } from '../../src/render/index.js';
import { TextParts } from '../../src/render/text-parts.js';
import { countRows, mappedRows, rowSource, type AnyReport } from '../../src/report/model.js';
import { bigReport, coverageReport, ctx, forFormat, matrixReport } from './fixtures.js';

const bytes = (o: string | Uint8Array): Buffer => (typeof o === 'string' ? Buffer.from(o, 'utf8') : Buffer.from(o));

describe('a RowSource renders as the array it stands for', () => {
  const cases: [string, AnyReport, AnyReport][] = [
    ['coverage', coverageReport({ notes: true }), { ...coverageReport({ notes: true }), rows: mappedRows(coverageReport().rows, (r) => r) }],
    ['matrix', matrixReport(), { ...matrixReport(), rows: rowSource(matrixReport().rows.length, () => matrixReport().rows[Symbol.iterator]()) }],
    ['2,000 units', bigReport(2000), bigReport(2000, true)],
  ];
  it.each(cases)('%s: every format, byte for byte', async (_name, array, source) => {
    for (const format of FORMATS) {
      const c = ctx('id', { columns: 100 });
      const a = await render(format, forFormat(array as never, format), c);
      const b = await render(format, forFormat(source as never, format), c);
      expect(bytes(b.output).equals(bytes(a.output)), format).toBe(true);
      expect(b.notes).toEqual(a.notes);
    }
  });

  it('mappedRows counts what it keeps, and reads its items again on every pass', () => {
    const rows = mappedRows([1, 2, 3, 4], (n) => ({ values: { n } }), (n) => n % 2 === 0);
    expect(countRows(rows)).toBe(2);
    expect([...rows].map((r) => r.values['n'])).toEqual([2, 4]);
    expect([...rows].map((r) => r.values['n'])).toEqual([2, 4]);
  });
});

describe('streamed and gathered output are the same', () => {
  it.each(FORMATS)('%s', async (format) => {
    const report = forFormat(coverageReport({ notes: true }), format);
    const whole = await render(format, report, ctx('en'));
    const s = await stream(format, report, ctx('en'));
    const pieces = [...s.chunks];
    // Text formats come in pieces (a row each), never as one string of the whole report.
    if (format !== 'xlsx') expect(pieces.length).toBeGreaterThan(report.rows.length);
    expect(bytes(collectChunks(pieces)).equals(bytes(whole.output))).toBe(true);
  });
});

describe('text past the longest JavaScript string', () => {
  it('is handed over as UTF-8 bytes, the same text', () => {
    const parts = new TextParts();
    for (const p of ['Cakupan ', '60,56%', ' – ', 'Kab. Boalemo\n']) parts.push(p);
    const joined = parts.finish();
    const out = parts.finish(10);
    expect(typeof joined).toBe('string');
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(out as Uint8Array).toString('utf8')).toBe(joined);
  });
});
