// Review rv27 leftovers: a blank or 0 in a denominator column the run does not divide by (F7); the month
// of a title above a --workforce or --targets workbook's header (F6); the yearly-targets hint of the
// milestones note; the scope named by the note of a revision below the path.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A workbook of one sheet "data", its rows as listed (a title, a blank row, the header, the data). */
async function workbook(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  const f = join(dir, name);
  writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
  return f;
}

// Gorontalo's employed blank, Aceh's 0: the other measure of the file, not the run's denominator.
const TWO = 'province,participants,workforce,employed\nGorontalo,256129,422900,\nAceh,583638,1560528,0\n';

describe('rv27 F7: a blank or 0 in a denominator column the run does not divide by is not refused', () => {
  it('coverage divides by workforce: the blank and the 0 of employed are read as no figure, validate lists the column as unused', async () => {
    const f = writeIn(dir, 'two.csv', TWO);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('leave the row out');
    // By hand: (256,129 + 583,638) / (422,900 + 1,560,528) = 839,767 / 1,983,428 = 0.423392…
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1983428', participants: '839767', coverage: '0.423392' });
    const v = await run(['validate', f, '-f', 'csv']);
    expect(v.code, v.stderr).toBe(0);
    expect(csvRows(v.stdout)[0]).toMatchObject({ status: 'ok', unused_columns: 'employed' });
    const b = await run(['breakdown', '--input', f, '--target', '900000', '-f', 'csv', '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(csvRows(b.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1983428', target: '900000' });
  });

  it('the column the run divides by is still refused at its cell (--denominator employed)', async () => {
    const f = writeIn(dir, 'two-e.csv', TWO);
    const r = await run(['coverage', f, '--denominator', 'employed']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:25: error: field "employed" is empty`);
    expect(r.stderr).toContain(`${f}:3:21: error: field "employed": Aceh's employed is 0`);
    expect(r.stdout).toBe('');
    // A column the rule reads (--basis employed) is read too: refused likewise.
    const b = await run(['breakdown', '--input', f, '--target', '900000', '--basis', 'employed']);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain(`${f}:2:25: error: field "employed" is empty`);
  });

  it('--denominator potential_workers: a blank and a 0 of workforce are not refused', async () => {
    const f = writeIn(dir, 'pw.csv', 'province,participants,workforce,potential_workers\nGorontalo,256129,,422900\nAceh,583638,0,1560528\n');
    const r = await run(['coverage', f, '--denominator', 'potential_workers', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1983428', participants: '839767' });
  });

  it("--workforce gives the denominators: the file's own workforce column, blank and 0, is not refused", async () => {
    const f = writeIn(dir, 'own.csv', 'province,participants,workforce\nGorontalo,256129,\nAceh,583638,0\n');
    const wf = writeIn(dir, 'wf.csv', 'province,employed\nGorontalo,631521\nAceh,2450000\n');
    const r = await run(['coverage', f, '--denominator', 'employed', '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 839,767 / (631,521 + 2,450,000) = 839,767 / 3,081,521 = 0.272517…
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '3081521', participants: '839767', coverage: '0.272517' });
  });
});

describe('rv27 F6: a month (or a targets year) written above a workbook header is said not read, as the file\'s flag takes its month', () => {
  const above = (f: string, row: string): string => `note: ${f}: sheet "data": header found at row 3; the rows above it are not read: 1 (${JSON.stringify(row)})`;
  const counts = 'period,province,participants\n2024-06,Gorontalo,256129\n2024-06,Aceh,583638\n';

  it('the main input: a title naming a month ("Data per Juni 2024") is said not to be the file\'s month', async () => {
    const f = await workbook('in.xlsx', [['Data per Juni 2024'], [], ['province', 'workforce', 'participants'], ['Gorontalo', 422900, 256129]]);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${above(f, 'Data per Juni 2024')}; a month written there is not taken as the file's: add a period column or pass --period\n`);
    // With --period: one note, in JSON meta.notes as on stderr (it was there twice, the first saying "pass --period").
    const j = await run(['coverage', f, '--period', '2024-06', '-f', 'json']);
    const notes = (JSON.parse(j.stdout) as { meta: { notes: { en: string; code?: string }[] } }).meta.notes.filter((n) => n.code === 'rows-above-header');
    expect(notes.map((n) => n.en)).toEqual([`${f}: sheet "data": header found at row 3; the rows above it are not read: 1 ("Data per Juni 2024"); a month written there is not read: the rows are of the month --period gives`]);
  });

  it('--header-row: the rows set aside are not listed, but one naming a month is, and said not read', async () => {
    const f = await workbook('hr.xlsx', [['Laporan Kepesertaan'], ['Periode', '2024-06'], ['province', 'workforce', 'participants'], ['Gorontalo', 422900, 256129]]);
    const r = await run(['coverage', f, '--header-row', '3', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${f}: sheet "data": the rows above the header (row 3, --header-row) are not read, among them 2 ("Periode | 2024-06"); a month written there is not taken as the file's: add a period column or pass --period\n`);
    expect(r.stderr).not.toContain('Laporan Kepesertaan');
    const plain = await workbook('hr-plain.xlsx', [['Laporan Kepesertaan'], [], ['province', 'workforce', 'participants'], ['Gorontalo', 422900, 256129]]);
    expect((await run(['coverage', plain, '--header-row', '3', '-f', 'csv'])).stderr).not.toContain('not read');
    // A CSV's title lines likewise; with a period column, each row's month is its own.
    const c = writeIn(dir, 'hr.csv', 'Laporan Kepesertaan\nData per Juni 2024\nprovince,workforce,participants\nGorontalo,422900,256129\n');
    const rc = await run(['coverage', c, '--header-row', '3', '-f', 'csv']);
    expect(rc.code, rc.stderr).toBe(0);
    expect(rc.stderr).toContain(`note: ${c}: the lines above the header (line 3, --header-row) are not read, among them 2 ("Data per Juni 2024"); a month written there is not taken as the file's: add a period column or pass --period\n`);
    const p = writeIn(dir, 'hr-p.csv', 'Data per Juni 2024\nperiod,province,workforce,participants\n2024-06,Gorontalo,422900,256129\n');
    expect((await run(['coverage', p, '--header-row', '2', '-f', 'csv'])).stderr).toContain(`note: ${p}: the lines above the header (line 2, --header-row) are not read, among them 1 ("Data per Juni 2024"); a month written there is not read: each row's month is its period column's\n`);
  });

  it('--workforce: the figures without a period column stand for any month (--period is not theirs); with one, each row\'s month is its own', async () => {
    const c = writeIn(dir, 'counts.csv', counts);
    const wf = await workbook('wf.xlsx', [['Periode', '2024-06'], [], ['province', 'employed'], ['Gorontalo', 631521], ['Aceh', 2450000]]);
    const r = await run(['coverage', c, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${above(wf, 'Periode | 2024-06')}; a month written there is not taken as the figures': without a period column they stand for any month reported; add one to date them\n`);
    expect(r.stderr).not.toContain('pass --period');
    const t = await workbook('wf-t.xlsx', [['Data per Juni 2024'], [], ['province', 'employed'], ['Gorontalo', 631521], ['Aceh', 2450000]]);
    expect((await run(['coverage', c, '--workforce', t, '-f', 'csv'])).stderr).toContain(`${above(t, 'Data per Juni 2024')}; a month written there is not taken as the figures'`);
    const dated = await workbook('wf-d.xlsx', [['Periode', '2024-06'], [], ['period', 'province', 'employed'], ['2023-08', 'Gorontalo', 631521], ['2023-08', 'Aceh', 2450000]]);
    expect((await run(['coverage', c, '--workforce', dated, '-f', 'csv'])).stderr).toContain(`${above(dated, 'Periode | 2024-06')}; a month written there is not read: each row's month is its period column's\n`);
  });

  it('--targets: a year or month of the title is not the targets\' year, which comes from a year column, --year or the input\'s month', async () => {
    const c = writeIn(dir, 'counts-t.csv', counts);
    const tg = await workbook('tg.xlsx', [['Target per Desember 2024'], [], ['province', 'target'], ['Gorontalo', 300000], ['Aceh', 700000]]);
    const r = await run(['coverage', c, '--targets', tg, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${above(tg, 'Target per Desember 2024')}; a year or month written there is not read: the targets' year comes from a year column, --year or the input's month\n`);
    const y = await workbook('tg-y.xlsx', [['Target Tahun 2024'], [], ['province', 'year', 'target'], ['Gorontalo', 2024, 300000], ['Aceh', 2024, 700000]]);
    expect((await run(['coverage', c, '--targets', y, '-f', 'csv'])).stderr).toContain(`${above(y, 'Target Tahun 2024')}; a year or month written there is not read: each row's year is its year column's\n`);
  });
});

describe('the way out of a yearly file\'s path without Decembers is named only where it exists', () => {
  const OWN = (year: number): string => `breakdown --series FILE --year ${year} --months -o OUT (with --input and --by for a plan of some areas), --series FILE holding the plan's totals for 2023 and ${year} (years between two rows are interpolated), writes the path through that series' Decembers, and coverage --targets OUT reads it`;
  const yearly = (year: number): string => `province,period,year,target,participants\nGorontalo,2023-12,${year},400000,250000\nAceh,2023-12,${year},1300000,583638\n`;

  it('2027, a year data/targets.csv has no target for: not "breakdown --year 2027" nor "--year 2027" (both refuse it), but a series with the year; following it works', async () => {
    const c = writeIn(dir, 'c2606.csv', 'period,province,participants\n2026-06,Gorontalo,300000\n2026-06,Aceh,700000\n');
    const t = writeIn(dir, 'y2027.csv', yearly(2027));
    const r = await run(['coverage', c, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no target for December 2024 or December 2025 or December 2026 on the way');
    expect(r.stderr).toContain(`a yearly file cannot carry them, and data/targets.csv has no plan target for 2027 (breakdown --year 2027 and coverage --year 2027 refuse it): ${OWN(2027)}`);
    expect(r.stderr).not.toContain('or use --year');
    // The advice of main (f6a88ac), followed: both refuse the year.
    expect((await run(['coverage', c, '--year', '2027', '-f', 'csv'])).stderr).toContain('no plan target for 2027');
    // This one, followed: a path through the series' Decembers, no even path left.
    const s = writeIn(dir, 's2027.csv', 'scenario,year,target\nplan,2023,41560000\nplan,2027,80000000\n');
    const m = join(dir, 'm2027.csv');
    const b = await run(['breakdown', '--series', s, '--year', '2027', '--months', '-o', m, '-q']);
    expect(b.code, b.stderr).toBe(0);
    const f = await run(['coverage', c, '--targets', m, '-f', 'csv']);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stderr).not.toContain('the milestones run evenly');
  });

  it('2026, a year the series has: the hint names the series\' total it plans, and coverage --year 2026 works', async () => {
    const c = writeIn(dir, 'c2406.csv', 'period,province,participants\n2024-06,Gorontalo,260000\n2024-06,Aceh,600000\n');
    const t = writeIn(dir, 'y2026.csv', yearly(2026));
    const r = await run(['coverage', c, '--targets', t, '-f', 'csv']);
    expect(r.stderr).toContain(`a yearly file cannot carry them: where its targets are rows of the national plan of data/targets.csv for 2026 (plan: 70,000,000), breakdown --year 2026 --months -o FILE plans that through the series' Decembers on the way, and coverage --targets FILE reads it (or use coverage --year 2026); for another total, ${OWN(2026)}`);
    expect((await run(['coverage', c, '--year', '2026', '-f', 'csv', '-q'])).code).toBe(0);
  });

  it('a plan of regencies: no breakdown --year (which plans provinces) is offered', async () => {
    const c = writeIn(dir, 'rc.csv', 'period,province,regency,workforce,participants\n2024-06,Gorontalo,Kabupaten Boalemo,60000,22000\n2024-06,Gorontalo,Kota Gorontalo,100000,55000\n');
    const t = writeIn(dir, 'rt.csv', 'province,regency,period,year,target,participants\nGorontalo,Kabupaten Boalemo,2023-12,2026,40000,20000\nGorontalo,Kota Gorontalo,2023-12,2026,80000,50000\n');
    const r = await run(['coverage', c, '--by', 'regency', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no target for December 2024 or December 2025 on the way');
    expect(r.stderr).toContain(`a yearly file cannot carry them: ${OWN(2026)}`);
    expect(r.stderr).not.toContain('breakdown --year');
    // Followed: the plan's own totals by year, over its regencies; the months file leaves no even path.
    const s = writeIn(dir, 's-reg.csv', 'scenario,year,target\nplan,2023,70000\nplan,2026,120000\n');
    const input = writeIn(dir, 'rin.csv', 'period,province,regency,workforce,participants\n2023-12,Gorontalo,Kabupaten Boalemo,60000,20000\n2023-12,Gorontalo,Kota Gorontalo,100000,50000\n');
    const m = join(dir, 'm-reg.csv');
    expect((await run(['breakdown', '--input', input, '--by', 'regency', '--series', s, '--year', '2026', '--months', '-o', m, '-q'])).code).toBe(0);
    const f = await run(['coverage', c, '--by', 'regency', '--targets', m, '-f', 'csv']);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stderr).not.toContain('the milestones run evenly');
  });
});

describe('a revision below the path (refuseUndrawablePath, rv26 F9) names the plan\'s scope, not its first province', () => {
  it('coverage --year of the Sulama report under a national cut: "Indonesia: 38 provinces", as meta.scopeText names a national scope, not Aceh (outside the report)', async () => {
    const june = readFileSync('examples/sulama-2024/2024-06.csv', 'utf8');
    const oct = writeIn(dir, 'sulama-2024-10.csv', june.replace(/^2024-06/gm, '2024-10'));
    // 50,000,000 for 2024, cut to 44,000,000 from 2024-10.
    const down = writeIn(dir, 'down.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2024,44000000,2024-10\nplan,2026,70000000,\n');
    const r = await run(['coverage', oct, '--year', '2024', '--series', down, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // By hand: the path of the 38 provinces stands at 41,145,132 + (50,000,000 − 41,145,132) × 9/12 =
    // 41,145,132 + 6,641,151 = 47,786,283 in September 2024, above the revised 44,000,000.
    expect(r.stderr).toContain('error: the revised target for Indonesia: 38 provinces (44,000,000) is below its milestone of 2024-09 (47,786,283; the path up to the revision stays)');
    expect(r.stderr).not.toContain('Aceh');
    // The national scope is named so in a report's meta.scopeText: the bundled year's own report.
    const ok = await run(['breakdown', '--year', '2024', '-f', 'json', '-q']);
    expect((JSON.parse(ok.stdout) as { meta: { scopeText: { en: string } } }).meta.scopeText.en).toBe('Indonesia: 38 provinces');
  });
});
