// Review rv13 F6 (main at a5753f8): fx11 made --sheet and --header-row the data files' only, which fixed
// rv10 F3 (a data workbook whose sheet must be named, run with a breakdown's workbook as targets) but left
// a targets workbook's sheet unchoosable and a targets CSV with a title line unreadable. The rule now:
// --sheet applies to every workbook; a data workbook without the sheet is refused, a workbook given by
// another flag without it is read by its own rule (its first visible sheet) with a note; a --sheet no
// workbook has is refused. --header-row applies to every file. The sheet read of a workbook of several
// sheets is said for a --targets or --workforce workbook too. Inputs are written here (as in /tmp/rv13);
// the expected figures are counted by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from '../e2e/helpers.js';
import { englishLeft } from '../support/english.js';

const DIR = tmp();
const cli = (args: string[]) => run(args, { cwd: DIR });
const file = (name: string, content: string | Uint8Array): string => (writeFileSync(join(DIR, name), content), name);

async function workbook(name: string, sheets: [string, (string | number)[][]][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of sheets) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  return file(name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const NETS = ['province_code,province,period,workforce,participants', '51,Bali,2024-06,10000,5000', '52,Nusa Tenggara Barat,2024-06,10000,3000', '11,Aceh,2024-06,10000,4000', '12,Sumatera Utara,2024-06,10000,2000'];
const TARGETS: (string | number)[][] = [
  ['province_code', 'province', 'year', 'target'],
  ['51', 'Bali', 2024, 4900],
  ['52', 'Nusa Tenggara Barat', 2024, 3100],
  ['11', 'Aceh', 2024, 3500],
  ['12', 'Sumatera Utara', 2024, 2600],
];
// Targets less participants, by hand: 4900−5000, 3100−3000, 3500−4000, 2600−2000; Total 14,100−14,000.
const GAPS = [['Bali', '-100'], ['Nusa Tenggara Barat', '100'], ['Aceh', '-500'], ['Sumatera Utara', '600'], ['Total', '100']];
const gaps = (stdout: string): string[][] => csvRows(stdout).map((r) => [r['province']!, r['gap']!]);

beforeAll(async () => {
  file('nets.csv', NETS.join('\n') + '\n');
  file('nets-h.csv', ['Realisasi Juni', ...NETS].join('\n') + '\n');
  file('nets-tt.csv', ['Target provinsi 2024', ...TARGETS.map((r) => r.join(','))].join('\n') + '\n');
  file('d2.csv', 'province_code,province,workforce,participants\n51,Bali,10000,5000\n52,Nusa Tenggara Barat,10000,3000\n');
  // plans.xlsx: the plan (rkat) and its revision (revisi, 1.2 times).
  await workbook('plans.xlsx', [
    ['rkat', [['province_code', 'province', 'target'], ['51', 'Bali', 6000], ['52', 'Nusa Tenggara Barat', 4000]]],
    ['revisi', [['province_code', 'province', 'target'], ['51', 'Bali', 7200], ['52', 'Nusa Tenggara Barat', 4800]]],
  ]);
  // tw.xlsx: a cover sheet first, the targets second.
  await workbook('tw.xlsx', [['cover', [['Target 2024, disusun oleh Bidang Perencanaan']]], ['targets', TARGETS]]);
  // data.xlsx: May's and June's figures.
  await workbook('data.xlsx', [
    ['mei', [['province_code', 'province', 'workforce', 'participants'], ['51', 'Bali', 10000, 4500], ['52', 'Nusa Tenggara Barat', 10000, 2700]]],
    ['juni', [['province_code', 'province', 'workforce', 'participants'], ['51', 'Bali', 10000, 5000], ['52', 'Nusa Tenggara Barat', 10000, 3000]]],
  ]);
});

describe('rv13 F6: --sheet names the sheet of every workbook, --targets’ too', () => {
  it('--targets plans.xlsx --sheet revisi reads the revision (main: refused, "--sheet would have no effect")', async () => {
    const r = await cli(['coverage', 'd2.csv', '--targets', 'plans.xlsx', '--sheet', 'revisi', '--year', '2024', '-f', 'csv', '--fields', 'province,target']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['province'], x['target']])).toEqual([['Bali', '7200'], ['Nusa Tenggara Barat', '4800'], ['Total', '12000']]);
    expect(r.stderr).toContain('note: plans.xlsx: read sheet "revisi" (of 2)\n');
  });

  it('--targets tw.xlsx --sheet targets reads the targets sheet, not the cover (main: error at tw.xlsx:cover!A1)', async () => {
    const r = await cli(['coverage', 'nets.csv', '--targets', 'tw.xlsx', '--sheet', 'targets', '-f', 'csv', '--fields', 'province,gap']);
    expect(r.code, r.stderr).toBe(0);
    expect(gaps(r.stdout)).toEqual(GAPS);
  });

  it('a data workbook whose sheet is named, with a targets workbook without that sheet: read by its own rule, and said', async () => {
    const r = await cli(['coverage', 'data.xlsx', '--sheet', 'juni', '--targets', 'plans.xlsx', '--year', '2024', '-f', 'csv', '--fields', 'province,participants,target']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['province'], x['participants'], x['target']])).toEqual([['Bali', '5000', '6000'], ['Nusa Tenggara Barat', '3000', '4000'], ['Total', '8000', '10000']]);
    expect(r.stderr).toContain('note: data.xlsx: read sheet "juni" (of 2)\n');
    expect(r.stderr).toContain('note: plans.xlsx: no sheet named "juni" (--sheet): read its first visible sheet "rkat" (of 2)\n');
    const id = await cli(['coverage', 'data.xlsx', '--sheet', 'juni', '--targets', 'plans.xlsx', '--year', '2024', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('plans.xlsx: tidak ada lembar bernama "juni" (--sheet): membaca lembar terlihat pertamanya "rkat" (dari 2)');
    expect(englishLeft(id.stderr.split('\n').filter((l) => l.includes('plans.xlsx')).join('\n'))).toEqual([]);
  });

  it('a data workbook without the sheet is refused as before, though the targets workbook has it', async () => {
    const r = await cli(['coverage', 'data.xlsx', '--sheet', 'revisi', '--targets', 'plans.xlsx', '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('data.xlsx: error: no sheet named "revisi"; the workbook\'s sheets: "mei", "juni"');
  });

  it('a --sheet no workbook of the run has is refused, naming the sheets read (a slip is never a silent first sheet)', async () => {
    const r = await cli(['coverage', 'd2.csv', '--targets', 'plans.xlsx', '--sheet', 'revsi', '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --sheet would have no effect: no workbook of this run has a sheet named "revsi": read plans.xlsx (sheet "rkat")');
    expect(r.stderr).toContain('hint: check the sheet name, or leave out --sheet');
    const id = await cli(['coverage', 'd2.csv', '--targets', 'plans.xlsx', '--sheet', 'revsi', '--year', '2024', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('tidak ada buku kerja di proses ini yang memiliki lembar bernama "revsi": dibaca plans.xlsx (lembar "rkat")');
    expect(id.stderr).toContain('periksa nama lembarnya, atau hilangkan --sheet');
    expect(englishLeft(id.stderr)).toEqual([]);
  });

  it('rv10 F3 stays fixed: a data workbook whose sheet must be named runs with a breakdown workbook as targets', async () => {
    const made = await cli(['breakdown', '--year', '2024', '-o', 'targets.xlsx']);
    expect(made.code, made.stderr).toBe(0);
    await workbook('june.xlsx', [['notes', [['made by hand']]], ['data', [['period', 'province', 'workforce', 'participants'], ['2024-06', 'Gorontalo', 600000, 252345], ['2024-06', 'Maluku', 700000, 149876]]]]);
    file('june.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,600000,252345\n2024-06,Maluku,700000,149876\n');
    const r = await cli(['coverage', 'june.xlsx', '--sheet', 'data', '--targets', 'targets.xlsx', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const twin = await cli(['coverage', 'june.csv', '--targets', 'targets.xlsx', '-f', 'csv']);
    expect(r.stdout).toBe(twin.stdout);
    // breakdown's workbook has the sheets "breakdown" and "meta".
    expect(r.stderr).toContain('note: targets.xlsx: no sheet named "data" (--sheet): read its first visible sheet "breakdown" (of 2)\n');
  });
});

describe('rv13 F6: the sheet read of a --targets or --workforce workbook is said, on stderr and in the report', () => {
  it('without --sheet, a targets workbook of two sheets: the note names the sheet read (main: no note)', async () => {
    const r = await cli(['coverage', 'd2.csv', '--targets', 'plans.xlsx', '--year', '2024', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const words = 'plans.xlsx: read sheet "rkat" (of 2); choose another with --sheet';
    expect(r.stderr).toContain(`note: ${words}\n`);
    const notes = (JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en);
    expect(notes).toContain(words);
  });

  it('a --workforce workbook of two sheets: said too', async () => {
    file('counts.csv', 'province_code,province,participants\n51,Bali,5000\n52,Nusa Tenggara Barat,3000\n');
    await workbook('wf.xlsx', [
      ['workforce', [['province_code', 'province', 'workforce'], ['51', 'Bali', 10000], ['52', 'Nusa Tenggara Barat', 10000]]],
      ['notes', [['BPS Sakernas']]],
    ]);
    const r = await cli(['coverage', 'counts.csv', '--workforce', 'wf.xlsx', '-f', 'csv', '--fields', 'province,coverage']);
    expect(r.code, r.stderr).toBe(0);
    // 5,000 / 10,000 and 3,000 / 10,000; Total 8,000 / 20,000.
    expect(csvRows(r.stdout).map((x) => [x['province'], x['coverage']])).toEqual([['Bali', '0.5'], ['Nusa Tenggara Barat', '0.3'], ['Total', '0.4']]);
    expect(r.stderr).toContain('note: wf.xlsx: read sheet "workforce" (of 2); choose another with --sheet\n');
  });
});

describe('rv13 F6: --header-row is the header line of every file, the targets’ too', () => {
  it('--header-row 2 with a title line in the data and in the targets CSV (main: "cannot tell the delimiter")', async () => {
    const r = await cli(['coverage', 'nets-h.csv', '--header-row', '2', '--targets', 'nets-tt.csv', '-f', 'csv', '--fields', 'province,gap']);
    expect(r.code, r.stderr).toBe(0);
    expect(gaps(r.stdout)).toEqual(GAPS);
  });

  it('a targets CSV whose header is on line 1 while --header-row says 3: read by its own header, and said (rv25 F14; was refused)', async () => {
    file('titled.csv', 'Laporan Juni 2024\n\nperiod,province,workforce,participants\n2024-06,Gorontalo,600000,252345\n');
    file('t.csv', 'province,target\nGorontalo,300000\nMaluku,200000\n');
    const r = await cli(['coverage', 'titled.csv', '--header-row', '3', '--targets', 't.csv', '--year', '2024', '-f', 'csv', '--fields', 'province,gap']);
    expect(r.code, r.stderr).toBe(0);
    // 300,000 − 252,345.
    expect(gaps(r.stdout)).toEqual([['Gorontalo', '47655'], ['Total', '47655']]);
    expect(r.stderr).toContain('note: t.csv (--targets): read without --header-row 3, given for the data files: its own header is on line 1\n');
    const id = await cli(['coverage', 'titled.csv', '--header-row', '3', '--targets', 't.csv', '--year', '2024', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('note: t.csv (--targets): dibaca tanpa --header-row 3, yang diberikan untuk berkas data: judul kolomnya sendiri ada di baris 1\n');
    expect(englishLeft(id.stderr)).toEqual([]);
  });
});
