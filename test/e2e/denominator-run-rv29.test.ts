// rv29 S1, S2, S6, S8: the denominator a run divides by is chosen over all its files, and every file is
// held to it: a blank or 0 in that column of a --previous file (typed or from the config), of a file of
// a glob, of --input for --year, is refused at its cell (as before hx4); the files of one glob whose
// columns differ are reported on the month reported's; a --workforce file's second column is said; the
// previous month's note names that month's files only. Each failed on main at b6a0a01.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const month = (m: string): string => readFileSync(join(ROOT, 'examples', 'sulama-2024', `2024-${m}.csv`), 'utf8');

/**
 * A month's file with an employed column (1.5 × potential_workers, rounded down) before its
 * potential_workers; `only`: one of the two columns; Gorontalo's (5th row, line 6) potential_workers
 * written as `gorontalo` when given.
 */
function withEmployed(m: string, o: { only?: 'employed' | 'potential_workers'; gorontalo?: string } = {}): string {
  const [, ...rows] = month(m).trim().split('\n');
  const cols = o.only ? [o.only] : ['employed', 'potential_workers'];
  const out = [`period,province,${cols.join(',')},participants`];
  for (const r of rows) {
    const [period, province, pw, participants] = r.split(',');
    const v = new Map([['employed', String(Math.floor(Number(pw) * 1.5))], ['potential_workers', province === 'Gorontalo' && o.gorontalo !== undefined ? o.gorontalo : pw!]]);
    out.push(`${period},${province},${cols.map((c) => v.get(c)).join(',')},${participants}`);
  }
  return `${out.join('\n')}\n`;
}

function put(sub: string, files: Record<string, string>): string {
  const d = join(dir, sub);
  mkdirSync(d, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

const total = (stdout: string): Record<string, string> => csvRows(stdout).find((r) => r.province === 'Total')!;

// By hand (examples/sulama-2024): the 8 provinces' potential_workers 7,301,061; participants May
// 3,241,521, June 3,264,879: coverage 0.443979 and 0.447179, a change of 23,358 / 7,301,061 = +0.319926 pp.
// Gorontalo: potential_workers 422,934, employed 634,401. "2024-05,Gorontalo,634401," is 25 characters:
// its potential_workers is at column 26 of line 6.
const ZERO = 'may.csv:6:26: error: field "potential_workers": Gorontalo\'s potential_workers is 0';
const BLANK = 'may.csv:6:26: error: field "potential_workers" is empty';

describe('rv29 S1: a blank or 0 in the column the run divides by, in a file whose first denominator column is another', () => {
  it('--previous: refused at its cell, exit 3, nothing written (main: Total coverage_change_pp -2.41, exit 0)', async () => {
    const d = put('s1-prev', { 'june.csv': month('06'), 'may.csv': withEmployed('05', { gorontalo: '0' }), 'mayb.csv': withEmployed('05', { gorontalo: '' }) });
    const zero = await run(['coverage', 'june.csv', '--previous', 'may.csv', '-f', 'csv'], { cwd: d });
    expect(zero.code, zero.stdout).toBe(3);
    expect(zero.stdout).toBe('');
    expect(zero.stderr).toContain(ZERO);
    const blank = await run(['coverage', 'june.csv', '--previous', 'mayb.csv', '-f', 'csv'], { cwd: d });
    expect(blank.code, blank.stdout).toBe(3);
    expect(blank.stderr).toContain(BLANK.replace('may.csv', 'mayb.csv'));
    // The same file read whole: the Total's change is +0.319926 pp on potential_workers.
    const good = put('s1-good', { 'june.csv': month('06'), 'may.csv': withEmployed('05') });
    const ok = await run(['coverage', 'june.csv', '--previous', 'may.csv', '-f', 'csv'], { cwd: good });
    expect(ok.code, ok.stderr).toBe(0);
    expect(Number(total(ok.stdout).coverage_change_pp)).toBeCloseTo(0.319926, 6);
  });

  it('a config "previous": refused at its cell', async () => {
    const d = put('s1-cfg', { 'june.csv': month('06'), 'may.csv': withEmployed('05', { gorontalo: '0' }), 'jamsostek.json': JSON.stringify({ previous: ['may.csv'] }) });
    const r = await run(['coverage', 'june.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stdout).toBe(3);
    expect(r.stderr).toContain(ZERO);
  });

  it('a file of a glob (the month before beside the month reported): refused at its cell', async () => {
    const d = put('s1-glob', { 'june.csv': month('06'), 'may.csv': withEmployed('05', { gorontalo: '0' }) });
    const r = await run(['coverage', '*.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stdout).toBe(3);
    expect(r.stderr).toContain(ZERO);
  });

  it('--input of coverage --year (the units planned on, a glob): refused at its cell, as before hx4', async () => {
    const d = put('s1-year', { 'june.csv': month('06'), 'in/june.csv': month('06'), 'in/may.csv': withEmployed('05', { gorontalo: '0' }), 'series.csv': 'year,target\n2023,3200000\n2024,3500000\n' });
    const args = ['coverage', 'june.csv', '--year', '2024', '--series', 'series.csv', '--input', 'in/*.csv', '-f', 'csv'];
    const r = await run(args, { cwd: d });
    expect(r.code, r.stdout).toBe(3);
    expect(r.stderr).toContain(ZERO.replace('may.csv', 'in/may.csv'));
    // With May's figure given, the plan of 3,500,000 is made on potential_workers.
    writeFileSync(join(d, 'in', 'may.csv'), withEmployed('05'));
    const ok = await run(args, { cwd: d });
    expect(ok.code, ok.stderr).toBe(0);
    expect(Number(total(ok.stdout).target)).toBe(3500000);
  });

  it('a 0 in a column the run does not divide by is still let through (rv27 F7)', async () => {
    const d = put('s1-spare', { 'june.csv': withEmployed('06'), 'may.csv': withEmployed('05', { gorontalo: '0' }) });
    const r = await run(['coverage', 'june.csv', '--previous', 'may.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    // On employed: June 3,264,879 / 10,951,591 (= 7,301,061 × 1.5, each rounded down) = 0.298119.
    expect(Number(total(r.stdout).coverage)).toBeCloseTo(0.298119, 6);
  });
});

describe('rv29 S2: the files of one glob whose denominator columns differ', () => {
  it('June potential_workers only, May both: coverage on potential_workers, the change +0.319926 pp, said', async () => {
    const d = put('s2-both', { 'june.csv': month('06'), 'may.csv': withEmployed('05') });
    const r = await run(['coverage', '*.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const t = total(r.stdout);
    expect(Number(t.denominator)).toBe(7301061);
    expect(Number(t.coverage)).toBeCloseTo(0.447179, 6);
    expect(Number(t.coverage_change_pp)).toBeCloseTo(0.319926, 6);
    expect(r.stderr).toContain('note: coverage is on potential_workers (the default, the first of workforce, employed, potential_workers that every file of 2024-06, the month reported, gives: june.csv); employed is not used');
    expect(r.stderr).not.toContain('coverage is on employed');
    expect(r.stderr).not.toContain('has no denominator column');
  });

  it('June potential_workers only, May employed only: June on potential_workers, the change empty and said for May\'s file, as with --previous', async () => {
    const d = put('s2-emp', { 'june.csv': month('06'), 'may.csv': withEmployed('05', { only: 'employed' }) });
    const r = await run(['coverage', '*.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const t = total(r.stdout);
    expect(Number(t.coverage)).toBeCloseTo(0.447179, 6);
    expect(t.coverage_change_pp).toBe('');
    expect(r.stderr).toContain('note: 2024-05 (may.csv) gives employed, not potential_workers');
    expect(r.stderr).not.toContain('has no denominator column');
  });

  it('two files of the month reported with no column in common: refused, each file and its columns named', async () => {
    const [head, ...rows] = withEmployed('06', { only: 'employed' }).trim().split('\n');
    const [pHead, ...pRows] = month('06').trim().split('\n');
    const d = put('s2-none', { 'north.csv': `${head}\n${rows.slice(0, 4).join('\n')}\n`, 'south.csv': `${pHead}\n${pRows.slice(4).join('\n')}\n` });
    const r = await run(['coverage', '*.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stdout).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: the files of 2024-06, the month reported, give no denominator column in common (north.csv employed; south.csv potential_workers)');
    expect(r.stderr).toContain('--denominator employed or --denominator potential_workers');
    const named = await run(['coverage', '*.csv', '--denominator', 'potential_workers', '-f', 'csv'], { cwd: d });
    expect(named.code, named.stderr).toBe(0);
  });
});

describe('rv29 S6: a --workforce file with employed and potential_workers', () => {
  it('says coverage is on employed, the default, naming the file (en, id)', async () => {
    const [, ...rows] = month('06').trim().split('\n');
    const ext = `period,province,participants\n${rows.map((r) => { const c = r.split(','); return `${c[0]},${c[1]},${c[3]}`; }).join('\n')}\n`;
    const wf = withEmployed('06').trim().split('\n').map((l) => l.split(',').slice(1, 4).join(',')).join('\n');
    const d = put('s6', { 'ext.csv': ext, 'wf.csv': `${wf}\n` });
    const r = await run(['coverage', 'ext.csv', '--workforce', 'wf.csv', '-f', 'json'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.meta.denominator).toBe('employed');
    expect(j.meta.notes.map((n: { code: string }) => n.code)).toContain('denominator-default');
    expect(r.stderr).toContain('note: coverage is on employed (the default, the first of workforce, employed, potential_workers that --workforce wf.csv has); potential_workers is not used (--denominator potential_workers to report on it)');
    const id = await run(['coverage', 'ext.csv', '--workforce', 'wf.csv', '-f', 'csv', '--lang', 'id'], { cwd: d });
    expect(id.stderr).toContain('yang dimiliki --workforce wf.csv); potential_workers tidak dipakai');
    const chosen = await run(['coverage', 'ext.csv', '--workforce', 'wf.csv', '--denominator', 'potential_workers', '-f', 'csv'], { cwd: d });
    expect(chosen.stderr).not.toContain('not used');
  });
});

describe('rv29 S8: the previous month\'s note on another denominator', () => {
  it('names the files of that month only', async () => {
    const d = put('s8', { 'june.csv': month('06'), 'may.csv': withEmployed('05', { only: 'employed' }), 'apr.csv': withEmployed('04', { only: 'employed' }) });
    const r = await run(['coverage', 'june.csv', '--previous', 'may.csv', '--previous', 'apr.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: 2024-05 (may.csv) gives employed, not potential_workers');
  });
});

describe('rv29 S1, S2: --workforce given as a folder\'s files whose columns differ', () => {
  it('divides by the column every file gives, and refuses a 0 in it at its cell', async () => {
    const [, ...rows] = month('06').trim().split('\n');
    const ext = `period,province,participants\n${rows.map((r) => { const c = r.split(','); return `${c[0]},${c[1]},${c[3]}`; }).join('\n')}\n`;
    // north: the first four provinces with potential_workers only; south: the other four with both, one a 0.
    const wf = (o: { gorontalo?: string } = {}): Record<string, string> => {
      const both = withEmployed('06', o).trim().split('\n').map((l) => l.split(',').slice(1, 4).join(','));
      const pw = month('06').trim().split('\n').map((l) => l.split(',').slice(1, 3).join(','));
      return { 'wf/north.csv': `${pw.slice(0, 5).join('\n')}\n`, 'wf/south.csv': `${[both[0], ...both.slice(5)].join('\n')}\n` };
    };
    const d = put('wf-glob', { 'ext.csv': ext, ...wf() });
    const r = await run(['coverage', 'ext.csv', '--workforce', 'wf/*.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    // On potential_workers, every province's: 3,264,879 / 7,301,061 = 0.447179 (main: employed, half the rows without).
    expect(Number(total(r.stdout).coverage)).toBeCloseTo(0.447179, 6);
    const z = put('wf-glob-zero', { 'ext.csv': ext, ...wf({ gorontalo: '0' }) });
    const zero = await run(['coverage', 'ext.csv', '--workforce', 'wf/*.csv', '-f', 'csv'], { cwd: z });
    expect(zero.code, zero.stdout).toBe(3);
    // Gorontalo is south.csv's first row (line 2); "Gorontalo,634401," is 17 characters.
    expect(zero.stderr).toContain('wf/south.csv:2:18: error: field "potential_workers": Gorontalo\'s potential_workers is 0');
  });
});

describe('rv29 S1: breakdown --input of a folder\'s months', () => {
  it('refuses a 0 in the column it divides by in any of them, as before hx4', async () => {
    const d = put('bd-glob', { 'in/june.csv': month('06'), 'in/may.csv': withEmployed('05', { gorontalo: '0' }) });
    const r = await run(['breakdown', '--target', '3500000', '--input', 'in/*.csv', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stdout).toBe(3);
    expect(r.stderr).toContain(ZERO.replace('may.csv', 'in/may.csv'));
  });
});
