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
