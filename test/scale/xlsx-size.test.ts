// Excel at any size (issue 20): a full sheet of 1,048,576 rows, and a sheet whose XML unpacks to more
// than 600 MiB (V8 cannot hold it as one string: the old reader failed with "Cannot create a string
// longer than 0x1fffffe8 characters" after 50–100 s), both read through the streaming reader from a file,
// every row in order with its sums, computed here from the generator's rows, not by the tool. The
// memory and time figures are in bench/ (`npm run bench -- xlsx`), not asserted here.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRegionalXlsx, regionalRows } from '../../bench/generate-xlsx.js';
import { ProblemList } from '../../src/errors.js';
import { fileSource } from '../../src/io/readers/byte-source.js';
import { readXlsxRows } from '../../src/io/readers/xlsx.js';
import { readZipDirectory } from '../../src/io/readers/zip.js';
import { run } from '../e2e/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KNOWN = new Set(['province_code', 'regency', 'sector', 'period', 'workforce', 'participants']);

async function readAll(path: string): Promise<{ rows: number; first: number; last: number; outOfOrder: number; participants: number; workforce: number; problems: number; headerRow?: number }> {
  const src = await fileSource(path);
  const problems = new ProblemList(10);
  const out = { rows: 0, first: 0, last: 0, outOfOrder: 0, participants: 0, workforce: 0, problems: 0, headerRow: undefined as number | undefined };
  let p = -1;
  let w = -1;
  try {
    const facts = await readXlsxRows(
      src,
      path,
      { isKnownColumn: (n) => KNOWN.has(n) },
      {
        column: (name, i) => {
          if (name === 'participants') p = i;
          if (name === 'workforce') w = i;
        },
        row: (cells, line) => {
          if (out.rows === 0) out.first = line;
          else if (line !== out.last + 1) out.outOfOrder++;
          out.rows++;
          out.last = line;
          out.participants += cells[p] as number;
          out.workforce += cells[w] as number;
        },
      },
      problems,
    );
    out.headerRow = facts.headerRow;
  } finally {
    await src.close();
  }
  out.problems = problems.size;
  return out;
}

function expected(n: number): { participants: number; workforce: number } {
  let participants = 0;
  let workforce = 0;
  for (const r of regionalRows(n)) {
    workforce += r[4];
    participants += r[5];
  }
  return { participants, workforce };
}

describe('xlsx at any size', () => {
  it('a full sheet: 1,048,576 rows (a title, a blank row, the header, 1,048,573 data rows), every row in order', async () => {
    const n = 1_048_576 - 3;
    const f = join(dir, 'full.xlsx');
    await generateRegionalXlsx(n, f);
    const r = await readAll(f);
    expect(r).toEqual({ rows: n, first: 4, last: 1_048_576, outOfOrder: 0, ...expected(n), problems: 0, headerRow: 3 });
  });

  it('a sheet whose XML unpacks to more than 600 MiB reads as a stream', async () => {
    const n = 540_000;
    const f = join(dir, 'wide.xlsx');
    await generateRegionalXlsx(n, f, { note: 900, level: 1 });
    const src = await fileSource(f);
    const sheet = (await readZipDirectory(src)).get('xl/worksheets/sheet1.xml')!;
    await src.close();
    expect(sheet.size).toBeGreaterThan(600 * 2 ** 20);
    expect(statSync(f).size).toBeLessThan(sheet.size / 20);
    const r = await readAll(f);
    expect(r).toEqual({ rows: n, first: 4, last: n + 3, outOfOrder: 0, ...expected(n), problems: 0, headerRow: 3 });
  });

  it('coverage on a 300,000-row workbook: the same report as on the same rows in CSV', async () => {
    const n = 300_000;
    const x = join(dir, 'regional-300k.xlsx');
    await generateRegionalXlsx(n, x);
    const c = join(dir, 'regional-300k.csv');
    const { writeFileSync } = await import('node:fs');
    let csv = 'province_code,regency,sector,period,workforce,participants\n';
    for (const [code, regency, sector, period, workforce, participants] of regionalRows(n)) csv += `${code},"${regency}",${sector},${period},${workforce},${participants}\n`;
    writeFileSync(c, csv);
    const fromXlsx = await run(['coverage', x, '--code-system', 'kemendagri', '--by', 'province', '-f', 'csv']);
    const fromCsv = await run(['coverage', c, '--code-system', 'kemendagri', '--by', 'province', '-f', 'csv']);
    expect(fromXlsx.code, fromXlsx.stderr).toBe(0);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    // The report is of the latest month: its participants, added up here.
    let december = 0;
    for (const r of regionalRows(n)) if (r[3] === '2024-12') december += r[5];
    const total = fromXlsx.stdout.trim().split('\n').find((l) => l.includes(',Total,'))!;
    expect(total.split(',')[3]).toBe(String(december));
  });
});
