// Big outputs: a million-row report through the formats made for many rows (CSV, TSV, JSON, JSONL) and
// HTML. A spread of a data-sized array (`Math.max(...items)`) overflows the call stack past about
// 125,000 elements on Node 20 (measured): HTML of 60,000 rows and more used to exit 70 (two spreads of
// two values a row). The lint rule (eslint.config.js) forbids spread arguments in src/; this proves it.
//
// Markdown, the terminal table and the workbook get 150,000 rows, past that limit, to keep the suite
// short: nobody reads a million rows in a terminal, and write-excel-file takes minutes on a million
// (144 s on the shared 2-core development machine). BIG_ROWS=1000000 runs them at full size.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Rendered } from '../../src/render/context.js';
import { render, type Format } from '../../src/render/index.js';
import { TextParts } from '../../src/render/text-parts.js';
import { MAX_CHART_BARS } from '../../src/render/html.js';
import { bigReport, ctx } from './fixtures.js';
import { text } from './golden.js';

const N = 1_000_000;
const SMALLER = Number(process.env.BIG_ROWS ?? 150_000);

/** How many times `needle` occurs in `hay` (no regex over 170 MB, no array of matches). */
function count(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

describe('a million rows', () => {
  const report = bigReport(N);
  const draw = (format: Format): Promise<Rendered> => render(format, report, ctx('en'));

  it.each([
    ['csv', 'unit 1000000,'],
    ['tsv', 'unit 1000000\t'],
  ] as const)('%s: every row, the totals last', async (format, last) => {
    const out = text((await draw(format)).output);
    expect(count(out, '\n')).toBe(N + 2);
    expect(out).toContain(last);
    expect(out.endsWith('total\n')).toBe(true);
  }, 120_000);

  it('json: every row with its level, and the totals', async () => {
    const out = text((await draw('json')).output);
    expect(count(out, '"level": "detail"')).toBe(N);
    expect(out).toContain('"totals": {\n    "unit": "Total"');
    expect(out.endsWith('}\n')).toBe(true);
  }, 120_000);

  it('jsonl: one line a row', async () => {
    const out = text((await draw('jsonl')).output);
    expect(count(out, '\n')).toBe(N + 1);
    expect(JSON.parse(out.slice(out.lastIndexOf('\n', out.length - 2) + 1))).toMatchObject({ unit: 'Total', level: 'total' });
  }, 120_000);


  it('html: every row in the table; the chart left out, saying so on the page and in a note', async () => {
    const r = await draw('html');
    const out = text(r.output);
    expect(count(out, '<tr class="detail">')).toBe(N);
    expect(out).toContain(`Chart left out: 1,000,000 bars are more than the ${MAX_CHART_BARS} a chart can show readably`);
    expect(out).not.toContain('class="bar-row"');
    expect(r.notes.map((n) => n.code)).toEqual(['html-chart-omitted']);
  }, 120_000);
});

describe(`${SMALLER.toLocaleString('en-US')} rows, past the spread limit`, () => {
  const report = bigReport(SMALLER);

  it('md and the terminal table: every row', async () => {
    // The header's first label is "unit" too.
    expect(count(text((await render('md', report, ctx('en'))).output), '\n| unit ')).toBe(SMALLER + 1);
    expect(count(text((await render('table', report, ctx('en', { columns: 80 }))).output), '\n│ unit ')).toBe(SMALLER + 1);
  }, 180_000);

  it('xlsx: read back', async () => {
    const out = await render('xlsx', report, ctx('en'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.output as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(SMALLER + 2);
    expect(sheet.getRow(SMALLER + 1).getCell(1).value).toBe(`unit ${String(SMALLER).padStart(7, '0')}`);
    expect(sheet.getRow(SMALLER + 2).getCell(1).value).toBe('Total');
  }, 300_000);
});

describe('text past the longest JavaScript string', () => {
  it('is handed over as UTF-8 bytes, the same text', () => {
    const parts = new TextParts();
    for (const p of ['Cakupan ', '60,56%', ' – ', 'Kab. Boalemo\n']) parts.push(p);
    const joined = parts.finish();
    const bytes = parts.finish(10);
    expect(typeof joined).toBe('string');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).toString('utf8')).toBe(joined);
  });
});
