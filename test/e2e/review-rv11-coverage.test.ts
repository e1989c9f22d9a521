// Review rv11 (issue 20's flag review): what a flag does is said or refused, never silent. The numbers
// expected here are computed by hand from the inputs below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// BPS codes: 91 is Papua Barat (Kemendagri 92), 94 is Papua (Kemendagri 91); 75 (Gorontalo) is 75 in both.
const BPS_CODES = `period,province_code,workforce,participants
2024-06,91,100,50
2024-06,94,200,60
2024-06,75,300,100
`;
const BPS_SEGMENTS = `period,province_code,segment,workforce,participants
2024-06,91,PU,1000,300
2024-06,91,BPU,1000,200
2024-06,94,PU,2000,600
2024-06,94,BPU,2000,400
2024-06,75,PU,3000,900
2024-06,75,BPU,3000,500
`;

describe('F1: --code-system bps writes the report in BPS codes, in every format', () => {
  it('csv, json and jsonl give each province the code it had in the input, and say the system', async () => {
    const f = writeIn(tmp(), 'codes.csv', BPS_CODES);
    const csv = await run(['coverage', f, '--code-system', 'bps', '-f', 'csv']);
    expect(csv.code).toBe(0);
    expect(csvRows(csv.stdout).map((r) => [r['province_code'], r['province']])).toEqual([
      ['91', 'Papua Barat'],
      ['94', 'Papua'],
      ['75', 'Gorontalo'],
      ['', 'Total'],
    ]);
    const json = JSON.parse((await run(['coverage', f, '--code-system', 'bps', '-f', 'json'])).stdout) as { meta: { codeSystem: string }; rows: { province_code: string; province: string }[]; columns: { key: string; label: string }[] };
    expect(json.meta.codeSystem).toBe('bps');
    expect(json.rows.map((r) => `${r.province_code} ${r.province}`)).toEqual(['91 Papua Barat', '94 Papua', '75 Gorontalo']);
    expect(json.columns.find((c) => c.key === 'province_code')?.label).toBe('code (BPS)');
    const jsonl = (await run(['coverage', f, '--code-system', 'bps', '-f', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { province_code: string | null });
    expect(jsonl.map((r) => r.province_code)).toEqual(['91', '94', '75', null]);
  });

  it('the table, Markdown and HTML label the code column with its system; xlsx reads back with the same flag', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'codes.csv', BPS_CODES);
    const table = await run(['coverage', f, '--code-system', 'bps', '-f', 'table']);
    expect(table.stdout).toMatch(/code \(BPS\)/);
    expect(table.stdout).toMatch(/│ 91 +│ Papua Barat/);
    const md = await run(['coverage', f, '--code-system', 'bps', '-f', 'md']);
    expect(md.stdout).toMatch(/\| 91 \| Papua Barat \|/);
    const out = join(dir, 'r.xlsx');
    expect((await run(['coverage', f, '--code-system', 'bps', '-o', out, '-o', join(dir, 'r.html')])).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/<td[^>]*>91<\/td><td[^>]*>Papua Barat</);
    // The workbook given back with the same flag: the same codes (before: 92 read as BPS Papua Barat Daya, refused).
    const back = await run(['coverage', out, '--code-system', 'bps', '-f', 'csv']);
    expect(back.code).toBe(0);
    expect(csvRows(back.stdout).map((r) => r['province_code'])).toEqual(['91', '94', '75', '']);
  });

  it('breakdown --input in BPS codes: the long list and the cross-tab in BPS codes', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'seg.csv', BPS_SEGMENTS);
    const csv = await run(['breakdown', '--input', f, '--code-system', 'bps', '--target', '5000', '--year', '2024', '-f', 'csv']);
    expect(csv.code).toBe(0);
    expect(csvRows(csv.stdout).map((r) => `${r['province_code']} ${r['province']}`)).toEqual(['91 Papua Barat', '94 Papua', '75 Gorontalo', ' Total']);
    const html = join(dir, 'b.html');
    expect((await run(['breakdown', '--input', f, '--code-system', 'bps', '--target', '5000', '--year', '2024', '--by', 'province,segment', '-o', html])).code).toBe(0);
    const text = readFileSync(html, 'utf8');
    const crosstab = text.slice(text.indexOf('class="crosstab"'));
    expect(crosstab).toMatch(/>91<\/t[hd]>/);
    expect(crosstab).not.toMatch(/>92<\/t[hd]>/);
  });

  it('--code-system kemendagri keeps Kemendagri codes, and the code column unlabelled', async () => {
    const f = writeIn(tmp(), 'k.csv', 'period,province_code,workforce,participants\n2024-06,92,100,50\n2024-06,75,300,100\n');
    const csv = await run(['coverage', f, '--code-system', 'kemendagri', '-f', 'csv']);
    expect(csv.code).toBe(0);
    expect((await run(['coverage', f, '--code-system', 'kemendagri', '-f', 'md'])).stdout).toMatch(/\| code \| province \|/);
    expect(csvRows(csv.stdout).map((r) => `${r['province_code']} ${r['province']}`)).toEqual(['92 Papua Barat', '75 Gorontalo', ' Total']);
  });
});

// Six rows: Gorontalo, Maluku and Bali, PU and BPU each; by province: Gorontalo 260,000 of 422,934,
// Maluku 300,000 of 800,000, Bali 1,200,000 of 2,300,000.
const REG = `period,province,segment,workforce,participants
2024-06,Gorontalo,PU,300000,150000
2024-06,Gorontalo,BPU,122934,110000
2024-06,Maluku,PU,500000,200000
2024-06,Maluku,BPU,300000,100000
2024-06,Bali,PU,1500000,900000
2024-06,Bali,BPU,800000,300000
`;

describe('F2: --sort by a figure of the targets', () => {
  it.each(['gap', 'achievement', 'run-rate', 'target'])('--sort %s without targets is refused (exit 2), as --at-risk-margin is', async (key) => {
    const f = writeIn(tmp(), 'reg.csv', REG);
    const r = await run(['coverage', f, '--sort', key, '--top', '2', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--sort would have no effect: .*this run has no targets/);
    expect(r.stderr).toMatch(/hint: add --targets FILE or --year/);
  });

  it('with targets for one row of three, the rows without a gap go last and the note counts them; no tie on empty values', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    // Maluku only: gap 320,000 − 300,000 = 20,000.
    const tg = writeIn(dir, 'tg.csv', 'province,target\nMaluku,320000\n');
    const r = await run(['coverage', f, '--targets', tg, '--sort', 'gap', '--top', '2', '-f', 'csv']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    expect(rows.map((x) => [x['province'], x['gap']])).toEqual([
      ['Maluku', '20000'],
      ['Gorontalo', ''],
    ]);
    expect(r.stderr).toMatch(/note: 2 of 3 rows have no gap to target to sort by: they are listed last, in input order/);
    expect(r.stderr).not.toMatch(/same gap to target/);
  });

  it('a sort by a figure no row has says so', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const tg = writeIn(dir, 'tg.csv', 'province,target\nMaluku,320000\n');
    const r = await run(['coverage', f, '--targets', tg, '--sort', 'milestone', '-f', 'csv']);
    expect(r.code).toBe(0);
    // Maluku's target has no milestone either (the targets file has no baseline month to start a path from).
    expect(r.stderr).toMatch(/note: no row has a milestone this month to sort by: the rows keep the input order/);
    expect(csvRows(r.stdout).map((x) => x['province'])).toEqual(['Gorontalo', 'Maluku', 'Bali', 'Total']);
  });
});

describe('F9: --period before the latest month of the input', () => {
  it('names the later months left out', async () => {
    const dir = tmp();
    const months = ['2024-03', '2024-04', '2024-05'].map((m, i) => `${m},Gorontalo,422934,${250000 + i * 1000}\n${m},Bali,2300000,${1200000 + i * 1000}\n`).join('');
    const f = writeIn(dir, 'm.csv', `period,province,workforce,participants\n${months}`);
    const r = await run(['coverage', f, '--period', '2024-03', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(csvRows(r.stdout).map((x) => x['participants'])).toEqual(['250000', '1200000', '1450000']);
    expect(r.stderr).toMatch(/note: --period 2024-03: the input's later months are left out of the report: 2 months, 2024-04 … 2024-05/);
    const one = await run(['coverage', f, '--period', '2024-04', '-f', 'csv']);
    expect(one.stderr).toMatch(/later months are left out of the report: 2024-05\n/);
    const json = JSON.parse((await run(['coverage', f, '--period', '2024-04', '-f', 'json', '-q'])).stdout) as { meta: { notes: string[] } };
    expect(JSON.stringify(json.meta.notes)).toMatch(/left out of the report: 2024-05/);
    expect((await run(['coverage', f, '--period', '2024-05', '-f', 'csv'])).stderr).not.toMatch(/later months/);
  });
});

describe('F6: --as-of with no revision to pick is refused, as a flag with no effect is', () => {
  it('breakdown and coverage --year on the bundled series (no revision for 2024)', async () => {
    for (const args of [
      ['breakdown', '--year', '2024', '--as-of', '2099-01', '-f', 'csv'],
      ['coverage', '--year', '2024', '--as-of', '2019-01', '-f', 'csv'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/error: --as-of would have no effect: the 2024 target of data\/targets\.csv \(plan\) has no revision to pick/);
    }
  });

  it('a --targets file without a `from` column', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const tg = writeIn(dir, 'tg.csv', 'province,target\nGorontalo,270000\nMaluku,320000\nBali,1300000\n');
    const r = await run(['coverage', f, '--targets', tg, '--as-of', '2024-03', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of would have no effect: the targets of .*tg\.csv have no revision to pick \(no row with a `from` month\)/);
  });

  it('a series with a revision: --as-of before it picks the original, after it the revision, each said', async () => {
    const before = await run(['breakdown', '--series', 'examples/series-2024-revised.csv', '--year', '2024', '--as-of', '2024-06', '-f', 'csv']);
    expect(before.code).toBe(0);
    expect(before.stderr).toMatch(/the 2024 target as of 2024-06: 50,000,000 \(the original\); a revision from 2024-07 is not in force yet/);
    const after = await run(['breakdown', '--series', 'examples/series-2024-revised.csv', '--year', '2024', '--as-of', '2099-01', '-f', 'csv']);
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/the 2024 target as of 2099-01: 52,000,000, revised from 2024-07/);
  });
});
