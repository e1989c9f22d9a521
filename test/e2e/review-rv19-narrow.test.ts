// Review rv19 F1: on an ordinary 80–120-column terminal the trend view and the compare views dropped
// their answer first (the rightmost columns: the projection, each plan's gap and status, the
// differences), and a trend's months newest first ("Trend 2024-06" showed January to March); under -q
// nothing said so. The answers now stay as the plain views' do (rv16 #3), a trend's older months go
// oldest first, and an answer that still cannot fit is named in a warning -q keeps. Every case here
// failed on main d7cf15e. Figures by hand in the comments (the README's Kanwil, January–June 2024).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/measure.js';
import { ROOT, run, tmp } from './helpers.js';

const SULAMA = join(ROOT, 'examples', 'sulama-2024', '*.csv');

/** The table's lines (borders and cells). */
const tableLines = (out: string): string[] => out.split('\n').filter((l) => /^[┌│├└]/.test(l));
const cellsOf = (line: string): string[] => line.split('│').slice(1, -1).map((c) => c.trim());

/** The headers as read: each column's header lines joined with a space. */
function headers(out: string): string[] {
  const lines = tableLines(out);
  const end = lines.findIndex((l) => l.startsWith('├'));
  const heads: string[][] = [];
  for (const l of lines.slice(1, end)) cellsOf(l).forEach((c, k) => (heads[k] ??= []).push(c));
  return heads.map((h) => h.filter((x) => x !== '').join(' '));
}

/** The cells of the row whose first shown cell is `name` (a row on one line). */
const row = (out: string, name: string): string[] => cellsOf(tableLines(out).find((l) => cellsOf(l)[0] === name)!);

const fits = (out: string, columns: number): void => {
  for (const l of tableLines(out)) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
};

describe('rv19 F1: coverage --trend on a narrow terminal keeps the month reported and where it lands in December', () => {
  const trend = (columns: number, ...extra: string[]) => run(['coverage', SULAMA, '--year', '2024', '--trend', ...extra], { tty: { columns } });

  it('80 columns under -q: the province, June, the projection, the target, the projected gap and status; nothing to warn of', async () => {
    const r = await trend(80, '-q');
    expect(r.code).toBe(0);
    fits(r.stdout, 80);
    // On main: code | province | 2024-01 | 2024-02 | 2024-03 | target.
    expect(headers(r.stdout)).toEqual(['province', '2024-06', 'projected December', 'target', 'projected gap', 'projected status']);
    // Gorontalo: 256,769 in January, 259,971 in June: a pace of 3,202 / 5 = 640.4 a month, so
    // 259,971 + 6 × 640.4 = 263,813 in December; the target 288,908 is 25,095 above it.
    expect(row(r.stdout, 'Gorontalo')).toEqual(['Gorontalo', '259,971', '263,813', '288,908', '+25,095', 'will miss']);
    // The Total: 592,497 + 594,730 + 1,075,304 + 334,701 + 259,971 + 71,210 + 155,094 + 181,372 = 3,264,879
    // in June; 3,874,402 − 3,405,033 = 469,369 short in December.
    expect(row(r.stdout, 'Total')).toEqual(['Total', '3,264,879', '3,405,033', '3,874,402*', '+469,369', 'will miss*']);
    expect(r.stderr).not.toMatch(/left out/);
  });

  it('80 columns without -q: the note lists the months left out, oldest first', async () => {
    const r = await trend(80);
    expect(r.stderr).toContain('note: 9 columns left out to fit 80 characters: 2024-01, 2024-02, 2024-03, 2024-04, 2024-05, needed per month, pace per month, change (month), code (--wide shows all');
    // On a terminal that shows a sparkline (UTF-8 locale, TERM not dumb) it is the first to go.
    const utf8 = await run(['coverage', SULAMA, '--year', '2024', '--trend'], { tty: { columns: 80 }, env: { LANG: 'C.UTF-8', TERM: 'xterm' } });
    expect(headers(utf8.stdout)).toEqual(['province', '2024-06', 'projected December', 'target', 'projected gap', 'projected status']);
    expect(utf8.stderr).toContain('note: 10 columns left out to fit 80 characters: trend (Jan–Jun 2024), 2024-01, 2024-02, 2024-03, 2024-04, 2024-05, needed per month');
  });

  it('100 and 120 columns: the measures come back before any older month', async () => {
    const at100 = await trend(100, '-q');
    fits(at100.stdout, 100);
    expect(headers(at100.stdout)).toEqual(['code', 'province', '2024-06', 'change (month)', 'projected December', 'target', 'projected gap', 'projected status']);
    const at120 = await trend(120, '-q');
    fits(at120.stdout, 120);
    expect(headers(at120.stdout)).toEqual(['code', 'province', '2024-06', 'change (month)', 'pace per month', 'needed per month', 'projected December', 'target', 'projected gap', 'projected status']);
    // Sulawesi Selatan: +12,037 a month; (1,325,793 − 1,075,304) / 6 = 41,748.2 → 41,749 needed a month.
    expect(row(at120.stdout, '73')).toEqual(['73', 'Sulawesi Selatan', '1,075,304', '+12,037', '+12,037', '41,749', '1,147,526', '1,325,793', '+178,267', 'will miss']);
  });

  it('150 columns: the three newest months stay, January to March go (on main: the newest went first)', async () => {
    const r = await trend(150, '-q');
    fits(r.stdout, 150);
    expect(headers(r.stdout)).toEqual(['code', 'province', '2024-04', '2024-05', '2024-06', 'change (month)', 'pace per month', 'needed per month', 'projected December', 'target', 'projected gap', 'projected status']);
  });

  it('--period 2024-03: the month reported is March, and it stays', async () => {
    const r = await trend(80, '-q', '--period', '2024-03');
    expect(headers(r.stdout)).toEqual(['province', '2024-03', 'projected December', 'target', 'projected gap', 'projected status']);
  });

  it('40 columns under -q: the target and the projected status stay; the answers left out are named in a warning, in both languages', async () => {
    const r = await trend(40, '-q');
    fits(r.stdout, 40);
    expect(headers(r.stdout)).toEqual(['province', 'target', 'projected status']);
    expect(r.stderr).toContain('warning: projected gap, 2024-06, projected December left out of the table: they do not fit 40 characters even with the names wrapped');
    // In Indonesian "akan meleset*" is three characters wider than "will miss*": the status goes too.
    const id = await trend(40, '-q', '--lang', 'id');
    fits(id.stdout, 40);
    expect(headers(id.stdout)).toEqual(['provinsi', 'target']);
    expect(id.stderr).toContain('warning: proyeksi selisih, 2024-06, proyeksi Desember, status proyeksi tidak ditampilkan di tabel: tidak muat dalam 40 karakter');
  });
});

describe('rv19 F1: coverage --compare-targets on a narrow terminal keeps each plan\'s gap and status and the difference', () => {
  const D = tmp();
  beforeAll(async () => {
    // The national 2024 breakdown in level mode, as a targets file (rv19's in/lvl24.csv).
    expect((await run(['breakdown', '--year', '2024', '--mode', 'level', '-q', '-o', join(D, 'lvl24.csv')])).code).toBe(0);
  });
  const compare = (columns: number, ...extra: string[]) => run(['coverage', SULAMA, '--year', '2024', '--compare-targets', 'lvl24.csv', ...extra], { cwd: D, tty: { columns } });

  it('120 columns: both plans\' target, gap and status and both differences (participants and coverage go)', async () => {
    const r = await compare(120, '-q');
    expect(r.code).toBe(0);
    fits(r.stdout, 120);
    // On main: code, province, participants, coverage, target, gap, status (plan 2024), target, gap (lvl24.csv).
    expect(headers(r.stdout)).toEqual(['province', 'target (plan 2024)', 'gap (plan 2024)', 'status (plan 2024)', 'target (lvl24.csv)', 'gap (lvl24.csv)', 'status (lvl24.csv)', 'lvl24.csv − plan 2024', 'lvl24.csv − plan 2024 (%)']);
    // Total: 3,765,456 − 3,874,402 = −108,946, −108,946 / 3,874,402 = −2.81 %; the gaps 3,874,402 − 3,264,879
    // = 609,523 and 3,765,456 − 3,264,879 = 500,577.
    expect(row(r.stdout, 'Total')).toEqual(['Total', '3,874,402*', '+609,523', 'behind*', '3,765,456*', '+500,577', 'behind*', '-108,946', '-2.81%']);
    expect(r.stderr).not.toMatch(/left out/);
  });

  it('100 columns under -q: only the difference in % goes, and the warning that -q keeps names it', async () => {
    const r = await compare(100, '-q');
    fits(r.stdout, 100);
    // On main: status (plan 2024) and everything of lvl24.csv but its target were gone, -q said nothing.
    expect(headers(r.stdout)).toEqual(['province', 'target (plan 2024)', 'gap (plan 2024)', 'status (plan 2024)', 'target (lvl24.csv)', 'gap (lvl24.csv)', 'status (lvl24.csv)', 'lvl24.csv − plan 2024']);
    expect(r.stderr).toContain('warning: lvl24.csv − plan 2024 (%) left out of the table: it does not fit 100 characters even with the names wrapped');
  });

  it('80 columns under -q: both statuses stay; the differences and the second gap are named in the warning, in both languages', async () => {
    const r = await compare(80, '-q');
    fits(r.stdout, 80);
    // On main: code | province | participants | target (plan 2024) | status (plan 2024) | target (lvl24.csv).
    expect(headers(r.stdout)).toEqual(['province', 'target (plan 2024)', 'gap (plan 2024)', 'status (plan 2024)', 'target (lvl24.csv)', 'status (lvl24.csv)']);
    // Gorontalo: 256,129 − 259,971 < 0, achieved under lvl24.csv; 288,908 − 259,971 = 28,937 short of plan 2024.
    expect(row(r.stdout, 'Gorontalo')).toEqual(['Gorontalo', '288,908', '+28,937', 'at risk', '256,129', 'achieved']);
    expect(r.stderr).toContain('warning: lvl24.csv − plan 2024 (%), lvl24.csv − plan 2024, gap (lvl24.csv) left out of the table: they do not fit 80 characters even with the names wrapped');
    const id = await compare(80, '-q', '--lang', 'id');
    expect(id.stderr).toContain('warning: lvl24.csv − plan 2024 (%), lvl24.csv − plan 2024, selisih (lvl24.csv) tidak ditampilkan di tabel: tidak muat dalam 80 karakter');
  });
});

describe('rv19 F1: breakdown --compare on a narrow terminal keeps the differences and "differs"', () => {
  const compare = (columns: number, ...extra: string[]) => run(['breakdown', '--year', '2024', '--compare', 'method=webster,hamilton', ...extra], { tty: { columns } });

  it('80 columns: both targets, both differences and "differs"; participants today and the code go', async () => {
    const r = await compare(80, '-q');
    expect(r.code).toBe(0);
    fits(r.stdout, 80);
    // On main: code | province | participants today | target (Webster …) | target (Hamilton …).
    expect(headers(r.stdout)).toEqual(['province', 'target (Webster / Sainte-Laguë)', 'target (Hamilton / largest remainder)', 'hamilton − webster', 'hamilton − webster (%)', 'differs']);
    // The two methods agree for Aceh: 746,609 both, a difference of 0.
    expect(row(r.stdout, 'Aceh')).toEqual(['Aceh', '746,609', '746,609', '0', '0.00%', '–']);
    expect(r.stderr).not.toMatch(/left out/);
    const notes = await compare(80);
    expect(notes.stderr).toContain('note: 2 columns left out to fit 80 characters: participants today, code (--wide shows all');
  });

  it('60 columns under -q: the difference stays; the % and "differs" are named in a warning, in both languages', async () => {
    const r = await compare(60, '-q');
    fits(r.stdout, 60);
    expect(headers(r.stdout)).toEqual(['province', 'target (Webster / Sainte-Laguë)', 'target (Hamilton / largest remainder)', 'hamilton − webster']);
    expect(r.stderr).toContain('warning: hamilton − webster (%), differs left out of the table: they do not fit 60 characters even with the names wrapped');
    const id = await compare(60, '-q', '--lang', 'id');
    expect(id.stderr).toContain('warning: hamilton − webster (%), berbeda tidak ditampilkan di tabel: tidak muat dalam 60 karakter');
  });
});

describe('the plain coverage view of several months keeps its projection on a narrow terminal (fx22 left it open)', () => {
  it('80 and 100 columns under -q: the projected December and its status stay; what goes is named', async () => {
    const r80 = await run(['coverage', SULAMA, '--year', '2024', '-q'], { tty: { columns: 80 } });
    expect(r80.code).toBe(0);
    fits(r80.stdout, 80);
    // Before: province | target | gap to target | achievement | status (the projection gone, nothing said).
    expect(headers(r80.stdout)).toEqual(['province', 'target', 'gap to target', 'status', 'projected December', 'projected status']);
    // Gorontalo as in the trend view above: 263,813 in December, will miss its 288,908. In June:
    // 256,129 (2023-12) + 32,779 × 6/12 = 272,518.5 is the milestone; 259,971 is 95.4 % of it, within the
    // 5 % margin: at risk; the gap 288,908 − 259,971 = 28,937.
    expect(row(r80.stdout, 'Gorontalo')).toEqual(['Gorontalo', '288,908', '+28,937', 'at risk', '263,813', 'will miss']);
    expect(r80.stderr).toContain('warning: achievement left out of the table');
    const r100 = await run(['coverage', SULAMA, '--year', '2024', '-q'], { tty: { columns: 100 } });
    expect(headers(r100.stdout)).toEqual(['province', 'target', 'gap to target', 'achievement', 'status', 'projected December', 'projected status']);
  });
});
