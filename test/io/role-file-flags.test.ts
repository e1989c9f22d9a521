// Review rv25 F14 (main at 1ff05be): --header-row and --delimiter, needed by an office's data file (a title
// line above the header; ';'), were applied to the tool's own --targets file too, and the errors blamed
// that file ('column "583638" appears twice … keep one of them'; "the header line does not split on ';'").
// The rule now is --sheet's: a file given by another flag whose own first line is a header the load can
// use is read as without the flags, with a note naming it; otherwise the flags apply, and a problem in
// that file says that they were given for the data files. The inputs are those of /tmp/rv25; expected
// figures are read from the files by hand (the targets' own cells, the office's own cells).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp } from '../e2e/helpers.js';
import { englishLeft } from '../support/english.js';

const DIR = tmp();
const cli = (args: string[]) => run(args, { cwd: DIR });
const file = (name: string, content: string): string => (writeFileSync(join(DIR, name), content), name);
const SULAMA = readFileSync(join(ROOT, 'examples/sulama-2024/2024-06.csv'), 'utf8');

/** A CSV's rows as objects, parsed here (a plain split: these files quote nothing). */
const plain = (text: string, d = ','): Record<string, string>[] => {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const names = head!.split(d);
  return lines.map((l) => Object.fromEntries(l.split(d).map((v, i) => [names[i]!, v])));
};

beforeAll(async () => {
  file('titled.csv', `REKAP JUNI 2024\n${SULAMA}`);
  file('plain.csv', SULAMA);
  file('semi.csv', SULAMA.replaceAll(',', ';'));
  for (const f of ['t24.csv', 't24.xlsx', 't24.json']) {
    const r = await cli(['breakdown', '--year', '2024', '-o', f, '-q']);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('rv25 F14: a breakdown output as --targets beside a titled or ;-separated office file', () => {
  it.each(['t24.csv', 't24.xlsx', 't24.json'])('--header-row 2 for the office file, --targets %s read by its own header (main: exit 3 for the CSV and the workbook, errors blamed on them)', async (targets) => {
    const r = await cli(['coverage', 'titled.csv', '--header-row', '2', '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // The same report as the office file without its title line.
    const twin = await cli(['coverage', 'plain.csv', '--targets', targets, '-f', 'csv']);
    expect(twin.code, twin.stderr).toBe(0);
    expect(r.stdout).toBe(twin.stdout);
    // Gorontalo: participants 256,129 (the office's cell), target 288,908 (the breakdown's cell).
    const office = plain(SULAMA).find((x) => x['province'] === 'Gorontalo')!;
    const planned = plain(readFileSync(join(DIR, 't24.csv'), 'utf8')).find((x) => x['province'] === 'Gorontalo')!;
    const row = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect([row['participants'], row['target']]).toEqual([office['participants'], planned['target']]);
    expect(row['target']).toBe('288908');
    if (targets === 't24.json') expect(r.stderr).not.toContain('read without');
    else expect(r.stderr).toContain(`note: ${targets} (--targets): read without --header-row 2, given for the data files: its own header is on line 1\n`);
  });

  it('--delimiter ; for the office file, --targets t24.csv read on its own , (main: "the header line does not split on \';\'")', async () => {
    const r = await cli(['coverage', 'semi.csv', '--delimiter', ';', '--targets', 't24.csv', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const twin = await cli(['coverage', 'plain.csv', '--targets', 't24.csv', '-f', 'csv']);
    expect(r.stdout).toBe(twin.stdout);
    expect(r.stderr).toContain("note: t24.csv (--targets): read without --delimiter ';', given for the data files: its own header is on line 1, split on ','\n");
  });

  it('both flags, in the JSON report and in Indonesian', async () => {
    file('titled-semi.csv', `REKAP JUNI 2024\n${SULAMA.replaceAll(',', ';')}`);
    const r = await cli(['coverage', 'titled-semi.csv', '--header-row', '2', '--delimiter', ';', '--targets', 't24.csv', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const words = "t24.csv (--targets): read without --header-row 2 & --delimiter ';', given for the data files: its own header is on line 1, split on ','";
    expect(r.stderr).toContain(`note: ${words}\n`);
    const notes = (JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en);
    expect(notes).toContain(words);
    const id = await cli(['coverage', 'titled-semi.csv', '--header-row', '2', '--delimiter', ';', '--targets', 't24.csv', '-f', 'csv', '--lang', 'id']);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stderr).toContain("note: t24.csv (--targets): dibaca tanpa --header-row 2 dan --delimiter ';', yang diberikan untuk berkas data: judul kolomnya sendiri ada di baris 1, terpisah oleh ','\n");
    expect(englishLeft(id.stderr.split('\n').filter((l) => l.includes('t24.csv')).join('\n'))).toEqual([]);
  });
});

describe('rv25 F14: a role file with a title line of its own takes the flags, and a problem says they were applied', () => {
  // The office's potential workers by province, under a title line as its data file has.
  const WF = ['TENAGA KERJA 2024', 'province,potential_workers', 'Gorontalo,800000', 'Maluku,1000000'];
  const DATA = ['REKAP JUNI 2024', 'period,province,participants', '2024-06,Gorontalo,256129', '2024-06,Maluku,180000'];

  it('--workforce with a title line of its own: --header-row 2 applies to it, no note', async () => {
    file('data-t.csv', DATA.join('\n') + '\n');
    file('wf-t.csv', WF.join('\n') + '\n');
    const r = await cli(['coverage', 'data-t.csv', '--header-row', '2', '--workforce', 'wf-t.csv', '-f', 'csv', '--fields', 'province,denominator,coverage']);
    expect(r.code, r.stderr).toBe(0);
    // 256,129 / 800,000 = 0.320161; 180,000 / 1,000,000 = 0.18; Total 436,129 / 1,800,000 = 0.242294.
    expect(csvRows(r.stdout).map((x) => [x['province'], x['denominator'], x['coverage']])).toEqual([
      ['Gorontalo', '800000', '0.320161'],
      ['Maluku', '1000000', '0.18'],
      ['Total', '1800000', '0.242294'],
    ]);
    expect(r.stderr).not.toContain('read without');
  });

  it('--workforce with two title lines under --header-row 2: refused, and the note says the flag was given for the data files', async () => {
    file('wf-tt.csv', ['TENAGA KERJA', '2024', ...WF.slice(1)].join('\n') + '\n');
    const r = await cli(['coverage', 'data-t.csv', '--header-row', '2', '--workforce', 'wf-tt.csv', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    const note = lines.findIndex((l) => l.startsWith('wf-tt.csv: note: --header-row 2, given for the data files, was applied to this --workforce file too'));
    const error = lines.findIndex((l) => l.startsWith('wf-tt.csv:') && l.includes('error:'));
    expect(note, r.stderr).toBeGreaterThanOrEqual(0);
    expect(error).toBeGreaterThan(note);
    const id = await cli(['coverage', 'data-t.csv', '--header-row', '2', '--workforce', 'wf-tt.csv', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('wf-tt.csv: note: --header-row 2, yang diberikan untuk berkas data, juga diterapkan pada berkas --workforce ini');
    expect(englishLeft(id.stderr)).toEqual([]);
  });

  it('a targets CSV whose first line is not a usable header: the error follows the note (the flag was applied)', async () => {
    file('data-tt.csv', ['REKAP', ...DATA].join('\n') + '\n');
    file('tt.csv', 'Target 2024\nprovince,sasaran\nGorontalo,300000\n');
    const r = await cli(['coverage', 'data-tt.csv', '--header-row', '3', '--targets', 'tt.csv', '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('tt.csv: note: --header-row 3, given for the data files, was applied to this --targets file too: its first line is not a header with the columns --targets needs');
  });
});
