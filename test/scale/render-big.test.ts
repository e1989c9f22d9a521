// Big outputs (issue 20): a million-row report through every format made for many rows, written the
// way the CLI writes it (render/index.ts stream() into io/output.ts writeOutputs: a temporary file,
// then the rename), from rows made on demand (a RowSource), and checked on disk. A spread of a
// data-sized array (`Math.max(...items)`) overflows the call stack past about 125,000 elements on
// Node 20: the lint rule forbids spread arguments in src/, and this proves it for the renderers.
//
// Peak memory is measured in a process of its own (bench/output-render.js, the benchmark's writer):
// a million rows in CSV, HTML and xlsx stay under 250 MiB and within 1.3 × the peak at 100,000 rows,
// with and without a 32 MiB old-generation heap (the same rows held in an array run out of it: checked by hand).
// Memory, not time: nothing here fails because the machine is slow.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/io/output.js';
import type { Io } from '../../src/io/terminal.js';
import { MAX_CHART_BARS } from '../../src/render/html.js';
import { stream, type Format } from '../../src/render/index.js';
import type { AnyReport } from '../../src/report/model.js';
import { bigReport, ctx } from '../render/fixtures.js';
import { ROOT } from '../e2e/helpers.js';

const N = 1_000_000;
const SMALLER = 150_000;
const dir = mkdtempSync(join(tmpdir(), 'jamsostek-scale-'));
const io: Io = { stdout: process.stdout, stderr: process.stderr, env: {}, cwd: dir, now: () => new Date() };

async function write(format: Format, report: AnyReport, name: string): Promise<{ file: string; notes: readonly { code: string }[] }> {
  const s = await stream(format, report, ctx('en', format === 'table' ? { columns: 80 } : {}));
  await writeOutputs([{ target: name, data: s.chunks }], io, { protect: [] });
  return { file: join(dir, name), notes: s.notes };
}

/**
 * How often each needle occurs in a file read a block at a time (never the whole file as one string),
 * and the file's last 4,000 characters.
 */
async function countIn(file: string, needles: readonly string[]): Promise<{ counts: number[]; tail: string }> {
  const counts = needles.map(() => 0);
  const keep = needles.reduce((m, n) => Math.max(m, n.length), 1) - 1;
  let carry = '';
  let tail = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    needles.forEach((needle, k) => {
      // A match that ends inside the carried part was counted with the block before.
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) if (at + needle.length > carry.length) counts[k]!++;
    });
    carry = keep > 0 ? text.slice(-keep) : '';
    tail = (tail + (chunk as string)).slice(-4000);
  }
  return { counts, tail };
}

describe('a million rows, written as they are made', () => {
  const report = bigReport(N, true);

  it.each([
    ['csv', '\n', 'unit 1000000,'],
    ['tsv', '\n', 'unit 1000000\t'],
  ] as const)('%s: every row, the totals last', async (format, eol, last) => {
    const { file } = await write(format, report, `big.${format}`);
    const { counts, tail } = await countIn(file, [eol, last]);
    expect(counts[0]).toBe(N + 2);
    expect(counts[1]).toBe(1);
    expect(tail.endsWith('total\n')).toBe(true);
  }, 600_000);

  it('json: every row with its level, and the totals', async () => {
    const { file } = await write('json', report, 'big.json');
    const { counts, tail } = await countIn(file, ['"level": "detail"', '"totals": {\n    "unit": "Total"']);
    expect(counts).toEqual([N, 1]);
    expect(tail.endsWith('}\n')).toBe(true);
  }, 600_000);

  it('jsonl: one line a row', async () => {
    const { file } = await write('jsonl', report, 'big.jsonl');
    const { counts, tail } = await countIn(file, ['\n']);
    expect(counts[0]).toBe(N + 1);
    expect(JSON.parse(tail.slice(tail.lastIndexOf('\n', tail.length - 2) + 1))).toMatchObject({ unit: 'Total', level: 'total' });
  }, 600_000);

  it('html: every row in the table; the chart left out, saying so on the page and in a note', async () => {
    const { file, notes } = await write('html', report, 'big.html');
    const { counts, tail } = await countIn(file, ['<tr class="detail">', `Chart left out: 1,000,000 bars are more than the ${MAX_CHART_BARS} a chart can show readably`, 'class="bar-row"']);
    expect(counts).toEqual([N, 1, 0]);
    expect(tail.endsWith('</html>\n')).toBe(true);
    expect(notes.map((n) => n.code)).toEqual(['html-chart-omitted']);
  }, 600_000);

  it('xlsx: every row in the sheet, the totals last (the sheet XML inflated as it is read)', async () => {
    const { file } = await write('xlsx', report, 'big.xlsx');
    let rows = 0;
    let tail = '';
    const names: string[] = [];
    const decoder = new TextDecoder();
    await new Promise<void>((resolve, reject) => {
      const unzip = new Unzip((entry) => {
        names.push(entry.name);
        if (entry.name !== 'xl/worksheets/sheet1.xml') return;
        entry.ondata = (err, data, final) => {
          if (err) return reject(err);
          const text = tail + decoder.decode(data, { stream: !final });
          for (let at = text.indexOf('<row '); at >= 0; at = text.indexOf('<row ', at + 5)) if (at >= tail.length - 4) rows++;
          tail = text.slice(-4000);
        };
        entry.start();
      });
      unzip.register(UnzipInflate);
      const input = createReadStream(file);
      input.on('data', (chunk) => unzip.push(chunk as Uint8Array));
      input.on('end', () => {
        unzip.push(new Uint8Array(0), true);
        resolve();
      });
      input.on('error', reject);
    });
    expect(names).toContain('xl/styles.xml');
    expect(rows).toBe(N + 2);
    expect(tail).toContain('<t>Total</t>');
    expect(tail).toContain(`<row r="${N + 2}"`);
  }, 600_000);
});

describe(`${SMALLER.toLocaleString('en-US')} rows, past the spread limit`, () => {
  const report = bigReport(SMALLER);

  it('md and the terminal table: every row', async () => {
    for (const [format, needle] of [
      ['md', '\n| unit '],
      ['table', '\n│ unit '],
    ] as const) {
      const { file } = await write(format, report, `smaller.${format}`);
      expect((await countIn(file, [needle])).counts[0], format).toBe(SMALLER + 1);
    }
  }, 600_000);

  it('xlsx: read back by exceljs', async () => {
    const { file } = await write('xlsx', report, 'smaller.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(SMALLER + 2);
    expect(sheet.getRow(SMALLER + 1).getCell(1).value).toBe(`unit ${String(SMALLER).padStart(7, '0')}`);
    expect(sheet.getRow(SMALLER + 2).getCell(1).value).toBe('Total');
    expect(sheet.autoFilter).toBe(`A1:F${SMALLER + 1}`);
  }, 600_000);
});

describe('peak memory of a million-row output (its own process)', () => {
  const peak = (format: string, rows: number, heap: string[]): number => {
    const r = spawnSync(process.execPath, [...heap, join(ROOT, 'bench', 'output-render.js'), format, String(rows), 'lazy', join(dir, `peak-${rows}.${format}`), '--report-rss'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return Number(/maxRSS (\d+)/.exec(r.stdout)![1]) / 1024;
  };
  // With a small old generation (32 MiB), a writer that kept anything per row (1,000,000 rows × even
  // 30 B) would run out of it and fail; without it, the peak is what a user's run gets, V8's lazy
  // collection included (the xlsx writer once kept each block's row strings in a list until the block
  // was full: they outlived collections, and its peak grew 1.32× with no byte more of live data).
  it.each([
    ['csv', ['--max-old-space-size=32']],
    ['html', ['--max-old-space-size=32']],
    ['xlsx', ['--max-old-space-size=32']],
    ['csv', []],
    ['html', []],
    ['xlsx', []],
  ])('%s (node %j): at most 250 MiB, and within 1.3 × the peak at 100,000 rows', (format, heap) => {
    const big = peak(format, N, heap);
    expect(big, `${format}: ${big.toFixed(0)} MiB at 1,000,000 rows`).toBeLessThanOrEqual(250);
    // With V8's default flags the young generation's semi-spaces grow from 1 MiB up to 16 while a long
    // write allocates: about 27 MiB of growth that is not what the writer keeps. Once the writers left
    // less behind (2026-12-07: csv 98 → 70 MiB at 100,000 rows, 122 → 98 at a million), that fixed
    // growth made the ratio 1.39× with no byte more kept. The ratio is asserted with the young generation
    // fixed (csv 64 → 74 MiB, html 74 → 88, xlsx 72 → 80), as the input memory test does.
    // The same holds under a 32 MiB old generation: csv 71 → 91-93 MiB (1.28-1.31×, CI failed at 1.31 on
    // 2026-12-08) with the semi-spaces growing, 63 → 70 MiB (1.12×) with them fixed. The 250 MiB bound
    // above is still checked on the run with the flags as given.
    const flat = [...heap, '--max-semi-space-size=4'];
    const small = peak(format, 100_000, flat);
    const same = peak(format, N, flat);
    expect(same / small, `${format}: ${small.toFixed(0)} → ${same.toFixed(0)} MiB (node ${flat.join(' ')})`).toBeLessThanOrEqual(1.3);
  }, 900_000);
});
