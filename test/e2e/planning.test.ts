// Issue "one allocation spec, one coverage spec": what a user asks for is what is computed. Each test
// here failed on the code before the planning core was rebuilt (7e45704).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const write = writeIn;
const detail = (text: string): Record<string, string>[] => csvRows(text).filter((x) => x['level'] === 'detail');

describe('a matrix follows the one rule: basis, mode and bounds apply to the cells', () => {
  // Two provinces x two segments, workforce and participants per cell.
  const cells = [
    'province,segment,workforce,participants',
    'Gorontalo,PU,100000,90000',
    'Gorontalo,BPU,300000,60000',
    'Aceh,PU,400000,200000',
    'Aceh,BPU,800000,100000',
  ].join('\n');

  it('--basis workforce --mode level: cells are capped at their own workforce, weighted by it', async () => {
    const f = write(tmp(), 'cells.csv', cells + '\n');
    const r = await run(['breakdown', '--target', '1000000', '--input', f, '--by', 'province,segment', '--basis', 'workforce', '--mode', 'level', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = detail(r.stdout);
    expect(rows).toHaveLength(4);
    for (const x of rows) {
      expect(Number(x['target'])).toBeLessThanOrEqual(Number(x['denominator']));
      expect(Number(x['target'])).toBeGreaterThanOrEqual(Number(x['participants']));
      expect(x['weight']).toBe(x['denominator']);
    }
    expect(rows.reduce((a, x) => a + Number(x['target']), 0)).toBe(1_000_000);
  });

  it('column totals are split by the rule too (here: the segments workforce), not by today', async () => {
    const f = write(tmp(), 'cells.csv', cells + '\n');
    const r = await run(['breakdown', '--target', '1000000', '--input', f, '--by', 'province,segment', '--basis', 'workforce', '--mode', 'level', '--min', 'none', '--max', 'none', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    // PU workforce 500,000 and BPU 1,100,000: 1,000,000 split 5:11 → 312,500 and 687,500.
    expect(doc.meta.explain.columnTotals).toEqual({ PU: 312_500, BPU: 687_500 });
  });
});

describe('margins', () => {
  it('row and column totals given: the total is their sum, no --target needed', async () => {
    const dir = tmp();
    const rows = write(dir, 'rows.csv', 'province,total\nGorontalo,300000\nAceh,700000\n');
    const f = write(dir, 'cells.csv', 'province,segment,participants\nGorontalo,PU,90000\nGorontalo,BPU,60000\nAceh,PU,200000\nAceh,BPU,100000\n');
    const r = await run(['breakdown', '--input', f, '--by', 'province,segment', '--row-totals', rows, '--column-totals', 'PU=600000,BPU=400000', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals.target).toBe(1_000_000);
  });

  it('--target that disagrees with the margins is refused', async () => {
    const dir = tmp();
    const rows = write(dir, 'rows.csv', 'province,total\nGorontalo,300000\nAceh,700000\n');
    const f = write(dir, 'cells.csv', 'province,segment,participants\nGorontalo,PU,90000\nGorontalo,BPU,60000\nAceh,PU,200000\nAceh,BPU,100000\n');
    const r = await run(['breakdown', '--target', '999999', '--input', f, '--by', 'province,segment', '--row-totals', rows, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/1,000,000|1000000/);
  });

  it('--by province,regency uses --row-totals for the provinces', async () => {
    const dir = tmp();
    const f = write(dir, 'reg.csv', 'province,regency,workforce,participants\nGorontalo,Kota Gorontalo,1000,500\nGorontalo,Kabupaten Boalemo,1000,400\nSulawesi Utara,Kota Manado,3000,1000\n');
    const rows = write(dir, 'rows.csv', 'province,total\nGorontalo,1200\nSulawesi Utara,1300\n');
    const r = await run(['breakdown', '--input', f, '--by', 'province,regency', '--row-totals', rows, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const subs = csvRows(r.stdout).filter((x) => x['level'] === 'subtotal');
    expect(subs.map((x) => [x['province'], x['target']])).toEqual([
      ['Gorontalo', '1200'],
      ['Sulawesi Utara', '1300'],
    ]);
  });

  it('impossible column totals name the column, its need, its total and the way out', async () => {
    const r = await run(['breakdown', '--year', '2026', '--by', 'province,segment', '--column-totals', 'PU=45000000,BPU=16000000,JAKON=1000000,PMI=8000000', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/JAKON/);
    expect(r.stderr).toMatch(/1,000,000|1000000/);
    expect(r.stderr).toMatch(/hint: .*(--min|JAKON)/);
    expect(r.stderr).not.toMatch(/column 3/);
  });
});

describe('breakdown --months feeds coverage --targets as milestones', () => {
  it('the December target is not summed over the months', async () => {
    const dir = tmp();
    const months = join(dir, 'm.csv');
    expect((await run(['breakdown', '--year', '2024', '--months', '-o', months])).code).toBe(0);
    const one = detail((await run(['breakdown', '--year', '2024', '-f', 'csv'])).stdout).find((x) => x['province'] === 'Gorontalo')!;
    const r = await run(['coverage', '--targets', months, '--period', '2023-12', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = detail(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(g['target']).toBe(one['target']);
  });
});

describe('a flag and the same key in jamsostek.json mean the same', () => {
  it('coverage --year 2024 --denominator potential_workers', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ denominator: 'potential_workers' }));
    const flag = detail((await run(['coverage', '--year', '2024', '--denominator', 'potential_workers', '-f', 'csv'])).stdout);
    const conf = detail((await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd: dir })).stdout);
    expect(conf.find((x) => x['province'] === 'Gorontalo')!['target']).toBe(flag.find((x) => x['province'] === 'Gorontalo')!['target']);
  });
});

describe('defaults that used to fail', () => {
  it('--min 0 in a matrix works like any lower bound', async () => {
    const r = await run(['breakdown', '--year', '2026', '--by', 'province,segment', '--min', '0', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('--by segment on the bundled data: four segments, with a note on the basis', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = detail(r.stdout);
    expect(rows.map((x) => x['segment'])).toEqual(['PU', 'BPU', 'JAKON', 'PMI']);
    expect(rows.reduce((a, x) => a + Number(x['target']), 0)).toBe(50_000_000);
    expect(r.stderr).toMatch(/note: .*per segment/);
  });

  it('ties go to the larger weight, then the row first in input order; rows keep input order', async () => {
    const f = write(tmp(), 't.csv', 'province,participants\nSulawesi Utara,10\nGorontalo,10\nAceh,10\n');
    const r = await run(['breakdown', '--target', '31', '--input', f, '--basis', 'equal', '--mode', 'level', '--min', 'none', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(detail(r.stdout).map((x) => [x['province'], x['target']])).toEqual([
      ['Sulawesi Utara', '11'],
      ['Gorontalo', '10'],
      ['Aceh', '10'],
    ]);
  });

  it('coverage keeps the input order unless --sort says otherwise', async () => {
    const f = write(tmp(), 'o.csv', 'province,workforce,participants\nSulawesi Utara,100,10\nGorontalo,100,20\nAceh,100,30\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(detail(r.stdout).map((x) => x['province'])).toEqual(['Sulawesi Utara', 'Gorontalo', 'Aceh']);
  });

  it('--fail-below 0.3 is refused as a likely slip for 30 %; 0.3% is accepted', async () => {
    const r = await run(['coverage', '--fail-below', '0.3', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fail-below 0\.3/);
    expect(r.stderr).toMatch(/0\.3%/);
    expect((await run(['coverage', '--fail-below', '0.3%', '-f', 'csv'])).code).toBe(0);
  });
});
