// Review rv25 F9, second case (main at 1ff05be): a BPS-coded office file (--code-system bps) could not take
// a breakdown made without --code-system bps as --targets, even a JSON whose meta says "codeSystem":
// "kemendagri": the targets' codes were re-read as BPS and refused (6 Papua errors). A file the tool wrote
// says its own system (JSON meta.codeSystem; a workbook's code column labelled "code (BPS)"), and a
// --targets CSV (header province_code in both systems) is read by the names beside its codes; a note says
// which system. Expected targets are read from the breakdown's own cells here, by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from '../e2e/helpers.js';
import { englishLeft } from '../support/english.js';

const DIR = tmp();
const cli = (args: string[]) => run(args, { cwd: DIR });
const file = (name: string, content: string): string => (writeFileSync(join(DIR, name), content), name);

/** The target of a province in a breakdown CSV, by its name (a plain split: the name cells are unquoted). */
const targetOf = (csv: string, name: string): string => {
  const [head, ...lines] = readFileSync(join(DIR, csv), 'utf8').trim().split('\n');
  const names = head!.split(',');
  const row = lines.map((l) => l.split(',')).find((r) => r[names.indexOf('province')] === name)!;
  return row[names.indexOf('target')]!;
};

beforeAll(async () => {
  // The office's file in BPS codes: 91 is Papua Barat in BPS (Kemendagri 92), 75 Gorontalo in both.
  file('codes.csv', 'period,province_code,employed,participants\n2024-06,91,283175,128000\n2024-06,75,631521,260000\n');
  // The same rows in Kemendagri codes (Papua Barat is 92).
  file('kcodes.csv', 'period,province_code,employed,participants\n2024-06,92,283175,128000\n2024-06,75,631521,260000\n');
  for (const f of ['tk.csv', 'tk.json', 'tk.xlsx']) expect((await cli(['breakdown', '--year', '2025', '-q', '-o', f])).code).toBe(0);
  for (const f of ['tb.csv', 'tb.json', 'tb.xlsx']) expect((await cli(['breakdown', '--year', '2025', '--code-system', 'bps', '-q', '-o', f])).code).toBe(0);
});

describe('rv25 F9: a breakdown as --targets is read in the code system it was written in', () => {
  it.each([
    ['tk.json', 'as its meta.codeSystem says'],
    ['tk.csv', 'by the names beside them (91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya)'],
    ['tk.xlsx', 'by the names beside them (91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya)'],
  ])('a Kemendagri breakdown %s beside a BPS office file (main: exit 3, 6 Papua errors)', async (targets, how) => {
    const r = await cli(['coverage', 'codes.csv', '--code-system', 'bps', '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Papua Barat (BPS 91 in the office's file, 92 in the breakdown) gets the breakdown's Papua Barat target.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['province_code'], x['province'], x['target']])).toEqual([
      ['91', 'Papua Barat', targetOf('tk.csv', 'Papua Barat')],
      ['75', 'Gorontalo', targetOf('tk.csv', 'Gorontalo')],
      ['', 'Total', String(Number(targetOf('tk.csv', 'Papua Barat')) + Number(targetOf('tk.csv', 'Gorontalo')))],
    ]);
    expect(r.stderr).toContain(`note: ${targets}: its province codes are read as Kemendagri codes, ${how}; --code-system bps is for the data files\n`);
    const id = await cli(['coverage', 'codes.csv', '--code-system', 'bps', '--targets', targets, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain(`note: ${targets}: kode provinsinya dibaca sebagai kode Kemendagri, `);
    expect(englishLeft(id.stderr.split('\n').filter((l) => l.includes('kode provinsinya')).join('\n'))).toEqual([]);
  });

  it.each([
    ['tb.json', 'as its meta.codeSystem says'],
    ['tb.xlsx', 'as its code column\'s label "code (BPS)" says'],
    ['tb.csv', 'by the names beside them'],
  ])('a BPS breakdown %s beside a Kemendagri office file under --code-system kemendagri', async (targets, how) => {
    const r = await cli(['coverage', 'kcodes.csv', '--code-system', 'kemendagri', '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['province_code'], x['province'], x['target']])[0]).toEqual(['92', 'Papua Barat', targetOf('tb.csv', 'Papua Barat')]);
    expect(r.stderr).toContain(`note: ${targets}: its province codes are read as BPS codes, ${how}`);
  });

  it('a breakdown in the flag’s own system: no note', async () => {
    const r = await cli(['coverage', 'codes.csv', '--code-system', 'bps', '--targets', 'tb.csv', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('its province codes are read');
  });

  it('a --targets file whose codes are of both systems is refused, naming them', async () => {
    file('mixed.csv', 'province_code,province,target\n91,Papua,150000\n92,Papua Barat Daya,230000\n');
    file('b94.csv', 'period,province_code,employed,participants\n2024-06,94,283175,128000\n');
    const r = await cli(['coverage', 'b94.csv', '--code-system', 'bps', '--targets', 'mixed.csv', '--year', '2025', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('mixed.csv: error: province codes of both systems, read by the names beside them: Kemendagri 91 Papua; BPS 92 Papua Barat Daya');
  });

  it('a targets file of bare codes (no names) is still read in --code-system', async () => {
    file('bare.csv', 'province_code,target\n91,150000\n75,300000\n');
    const r = await cli(['coverage', 'codes.csv', '--code-system', 'bps', '--targets', 'bare.csv', '--year', '2025', '-f', 'csv', '--fields', 'province,target']);
    expect(r.code, r.stderr).toBe(0);
    // BPS 91 is Papua Barat: its target is the file's 150,000.
    expect(csvRows(r.stdout).map((x) => [x['province'], x['target']])).toEqual([['Papua Barat', '150000'], ['Gorontalo', '300000'], ['Total', '450000']]);
    expect(r.stderr).not.toContain('its province codes are read');
  });
});
