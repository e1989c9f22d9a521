// Rounding for output (review rv12 §1, §2): the workbook keeps every digit of a fraction (its number
// format shows the rounding, so it is rounded once, as md/html/table round it); every format rounds an
// exact decimal half up, whatever the float's binary error. Expected values are worked out by hand.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const D = tmp();
let r1 = '';
let r2 = '';
let may = '';
let june = '';
let targets = '';
beforeAll(() => {
  // 1,234,495 / 10,000,000 = 12.34495 %, 1,234,496 / 10,000,000 = 12.34496 %: both 12.34 % (the
  // third decimal is 4); a value stored rounded to 6 decimals (0.12345) showed 12.35 %.
  r1 = writeIn(D, 'r1.csv', 'period,unit,workforce,participants\n2024-06,a,10000000,1234495\n2024-06,b,10000000,1234496\n');
  // 5, 7, 17 of 20,000 = 0.025 %, 0.035 %, 0.085 % (exact halves at 2 decimals: up to 0.03, 0.04, 0.09);
  // 1 and 3 of 2,000,000 = 0.0000005 and 0.0000015 (halves at 6 decimals: 0.000001, 0.000002).
  r2 = writeIn(D, 'r2.csv', 'period,unit,workforce,participants\n2024-06,a,20000,5\n2024-06,b,20000,7\n2024-06,c,20000,17\n2024-06,d,2000000,1\n2024-06,e,2000000,3\n');
  // From 0 to 7 of 20,000: +0.035 points (+0.04 pp); from 0 to 1 of 3: +33.333… points.
  may = writeIn(D, '05.csv', 'period,unit,workforce,participants\n2024-05,a,20000,0\n2024-05,b,10000000,0\n2024-05,c,3,0\n');
  june = writeIn(D, '06.csv', 'period,unit,workforce,participants\n2024-06,a,20000,7\n2024-06,b,10000000,1234495\n2024-06,c,3,1\n');
  targets = writeIn(D, 'targets.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2024,1000000,10000000\nBali,2023-12,2024,1000000,30000000\n');
  writeIn(D, 'prov.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,80000000,1234495\n2024-06,Bali,80000000,1234496\n');
});

async function sheetColumn(file: string, header: string): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const heads = (ws.getRow(1).values as unknown[]).map((v) => String(v));
  const col = heads.indexOf(header);
  const key = heads.indexOf('unit') > 0 ? heads.indexOf('unit') : heads.indexOf('province');
  expect(col, `${header} in ${heads.join(',')}`).toBeGreaterThan(0);
  const out = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n > 1) out.set(String(row.getCell(key).value), row.getCell(col).value as number);
  });
  return out;
}

describe('xlsx: fractions stored with every digit (rv12 §1)', () => {
  it('coverage: 0.1234495 and 0.1234496 and the total 0.12344955, not 0.12345', async () => {
    const out = join(D, 'r1.xlsx');
    expect((await run(['coverage', r1, '--by', 'unit', '-q', '-o', out])).code).toBe(0);
    const cov = await sheetColumn(out, 'coverage');
    expect(cov.get('a')).toBe(0.1234495);
    expect(cov.get('b')).toBe(0.1234496);
    expect(cov.get('Total')).toBeCloseTo(0.12344955, 15);
    // and md shows what a spreadsheet shows under 0.00%: 12.34 % for all three
    const md = await run(['coverage', r1, '--by', 'unit', '-q', '-f', 'md']);
    expect(md.stdout.match(/12\.3\d%/g)).toEqual(['12.34%', '12.34%', '12.34%']);
  });

  it('achievement and target coverage keep their digits', async () => {
    const out = join(D, 't.xlsx');
    const r = await run(['coverage', join(D, 'prov.csv'), '--targets', targets, '-q', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const ach = await sheetColumn(out, 'achievement');
    expect(ach.get('Gorontalo')).toBe(0.1234495); // 1,234,495 of 10,000,000
    expect(ach.get('Bali')).toBeCloseTo(1234496 / 30000000, 16); // 0.041149866…
    const tc = await sheetColumn(out, 'target coverage');
    expect(tc.get('Gorontalo')).toBe(0.125); // 10,000,000 of 80,000,000
    expect(tc.get('Bali')).toBe(0.375);
  });

  it('a change in points: 0.035 and 100/3 stored, not rounded to 6 decimals', async () => {
    const out = join(D, 'pp.xlsx');
    expect((await run(['coverage', may, june, '--by', 'unit', '-q', '-o', out])).code).toBe(0);
    const pp = await sheetColumn(out, 'coverage change');
    expect(pp.get('a')).toBe(0.035);
    expect(pp.get('b')).toBe(12.34495);
    expect(pp.get('c')).toBeCloseTo(100 / 3, 12); // not 33.333333
  });
});

describe('exact halves round up in every format (rv12 §2)', () => {
  it('md, html, table in en and id: 0.025 %, 0.035 %, 0.085 % show 0.03, 0.04, 0.09', async () => {
    for (const [format, lang, mark] of [['md', 'en', '.'], ['md', 'id', ','], ['html', 'en', '.'], ['table', 'id', ',']] as const) {
      const r = await run(['coverage', r2, '--by', 'unit', '-q', '-f', format, '--lang', lang]);
      expect(r.code).toBe(0);
      for (const shown of ['0.03%', '0.04%', '0.09%']) expect(r.stdout, `${format} ${lang} ${shown}`).toContain(shown.replace('.', mark));
      expect(r.stdout).not.toContain(`0${mark}08%`);
    }
  });

  it('csv: 6 decimals, halves up (0.0000005 → 0.000001, 0.0000015 → 0.000002)', async () => {
    const rows = csvRows((await run(['coverage', r2, '--by', 'unit', '-q', '-f', 'csv'])).stdout);
    expect(rows.map((r) => r['coverage'])).toEqual(['0.00025', '0.00035', '0.00085', '0.000001', '0.000002', '0.000008']);
  });

  it('a change of 0.035 points shows +0.04 pp (md) and 0.035 (csv)', async () => {
    const md = await run(['coverage', may, june, '--by', 'unit', '-q', '-f', 'md']);
    expect(md.stdout).toMatch(/\| a \|.*\| \+0\.04 pp \|/);
    const rows = csvRows((await run(['coverage', may, june, '--by', 'unit', '-q', '-f', 'csv'])).stdout);
    expect(rows[0]!['coverage_change_pp']).toBe('0.035');
  });

  it('breakdown share: 2,536,875 / 50,000,000 = 0.0507375 → 0.050738; 896,425 / 50,000,000 = 0.0179285 → 0.017929', async () => {
    const rows = csvRows((await run(['breakdown', '--year', '2024', '-q', '-f', 'csv'])).stdout);
    const share = (name: string): string | undefined => rows.find((r) => r['province'] === name)?.['share'];
    expect(rows.find((r) => r['province'] === 'Sumatera Utara')?.['target']).toBe('2536875');
    expect(share('Sumatera Utara')).toBe('0.050738');
    expect(share('Sumatera Barat')).toBe('0.017929');
  });
});
