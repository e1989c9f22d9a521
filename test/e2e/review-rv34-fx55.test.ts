// rv34 R5, R8, R9 (fx55). Figures by hand from data/baseline.csv (Sakernas employed 2023-08: Banten
// 5,520,000, Jawa Tengah 19,990,000, DI Yogyakarta 2,140,000) and from the files written here.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);
const total = (out: string): Record<string, string> => csvRows(out).find((x) => x['level'] === 'total' || x['province'] === 'Total' || x['kanwil'] === 'Total')!;
const row = (out: string, dim: string, name: string): Record<string, string> => csvRows(out).find((x) => x[dim] === name)!;
const notes = (out: string): { code?: string; en?: string }[] => (JSON.parse(out) as { meta: { notes: { code?: string; en?: string }[] } }).meta.notes;

describe('R5: one office file with a kanwil column, another without', () => {
  // Banten's office exports period,kanwil,province; Jawa Tengah & DIY's period,province.
  const files = (): string[] => [
    w('bkw1.csv', 'period,kanwil,province,participants\n2026-01,Banten,Banten,2963181\n'),
    w('bkw2.csv', 'period,kanwil,province,participants\n2026-02,Banten,Banten,2978971\n'),
    w('jt1.csv', 'period,province,participants\n2026-01,Jawa Tengah,4444796\n2026-01,DI Yogyakarta,629073\n'),
    w('jt2.csv', 'period,province,participants\n2026-02,Jawa Tengah,4468480\n2026-02,DI Yogyakarta,632426\n'),
  ];

  it("the second file's rows and the Total get their coverage_change_pp (main: blank, under a warning that it is computed)", async () => {
    const r = await run(['coverage', ...files(), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Jawa Tengah 4,468,480 − 4,444,796 = 23,684 over 19,990,000; DIY 632,426 − 629,073 = 3,353 over 2,140,000;
    // Total 15,790 + 23,684 + 3,353 = 42,827 over 27,650,000 (in percentage points).
    expect(Number(row(r.stdout, 'province', 'Jawa Tengah')['coverage_change_pp'])).toBeCloseTo((23_684 / 19_990_000) * 100, 5);
    expect(Number(row(r.stdout, 'province', 'DI Yogyakarta')['coverage_change_pp'])).toBeCloseTo((3_353 / 2_140_000) * 100, 5);
    expect(Number(row(r.stdout, 'province', 'Banten')['coverage_change_pp'])).toBeCloseTo((15_790 / 5_520_000) * 100, 5);
    expect(total(r.stdout)['change']).toBe('42827');
    expect(Number(total(r.stdout)['coverage_change_pp'])).toBeCloseTo((42_827 / 27_650_000) * 100, 5);
    // Said: the Kanwil of the files without one is their province's.
    expect(r.stderr).toContain("jt1.csv, ");
    expect(r.stderr).toMatch(/jt1\.csv, .*jt2\.csv give no kanwil \(regional office\) for 4 rows, where .*bkw1\.csv, .*bkw2\.csv give one: each such row takes its province's/);
  });

  it('the same figures as --by kanwil,province, in either order of the files; said in meta.notes and in Indonesian', async () => {
    const [b1, b2, j1, j2] = files();
    const byKanwil = await run(['coverage', b1!, b2!, j1!, j2!, '--by', 'kanwil,province', '-f', 'csv', '--quiet']);
    const reversed = await run(['coverage', j1!, j2!, b1!, b2!, '-f', 'csv', '--quiet']);
    expect(reversed.code, reversed.stderr).toBe(0);
    expect(total(reversed.stdout)['coverage_change_pp']).toBe(csvRows(byKanwil.stdout).find((x) => x['kanwil'] === 'Total')!['coverage_change_pp']);
    expect(row(reversed.stdout, 'province', 'Jawa Tengah')['coverage_change_pp']).toBe(row(byKanwil.stdout, 'province', 'Jawa Tengah')['coverage_change_pp']);
    const j = await run(['coverage', b1!, b2!, j1!, j2!, '-f', 'json', '--quiet']);
    expect(notes(j.stdout).filter((n) => n.code === 'kanwil-derived').length).toBe(1);
    const id = await run(['coverage', b1!, b2!, j1!, j2!, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('tidak memuat kanwil (kantor wilayah) untuk 4 baris');
  });

  it('files that all give a kanwil column, or none does: nothing said', async () => {
    const [b1, b2] = files();
    const r = await run(['coverage', b1!, b2!, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('give no kanwil');
    expect(r.stderr).not.toContain('gives no kanwil');
  });
});

describe('R8: breakdown --target over some of a province\'s regencies', () => {
  // examples/gorontalo-regencies.csv without Kabupaten Pohuwato (an office late in the baseline month).
  const five = 'period,province,regency,potential_workers,participants\n2023-12,Gorontalo,Kab. Boalemo,42810,24166\n2023-12,Gorontalo,Kab. Gorontalo,121605,70421\n2023-12,Gorontalo,Kab. Bone Bolango,52337,31245\n2023-12,Gorontalo,Kab. Gorontalo Utara,40712,21860\n2023-12,Gorontalo,Kota Gorontalo,120210,80454\n';

  it('5 of 6: warned on stderr under --quiet, naming the one without rows, with the way out (main: nothing on stderr)', async () => {
    const f = w('g5.csv', five);
    const r = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', f, '--by', 'regency', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // The whole 287,599 goes to the 5 (that is what was asked): the warning says so.
    expect(total(r.stdout)['target']).toBe('287599');
    expect(r.stderr).toContain('warning: the target 287,599 is split over the input\'s areas only (Gorontalo: 5 of 6 regencies and cities): the 1 without rows (Kabupaten Pohuwato) gets none of it');
    expect(r.stderr).toContain("give the missing areas' rows");
    // The check it names refuses the same input while Pohuwato is missing (exit 3).
    expect(r.stderr).toContain(`(a job checks who reported first: jamsostek validate ${f} --by regency --expect province:Gorontalo, exit 3 while one is missing)`);
    const v = await run(['validate', f, '--by', 'regency', '--expect', 'province:Gorontalo', '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('Kabupaten Pohuwato');
    const j = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', f, '--by', 'regency', '-f', 'json', '--quiet']);
    const n = notes(j.stdout).find((x) => x.code === 'split-in-part');
    expect(n?.en).toContain('Kabupaten Pohuwato');
    const id = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', f, '--by', 'regency', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('target 287.599 dibagi hanya atas wilayah dalam input (Gorontalo: 5 dari 6 kabupaten/kota)');
  });

  it('all 6 regencies: nothing said', async () => {
    const r = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('split over the input');
  });
});

describe("R9: the Total's target of a plan, read with --targets or planned with --year, marked alike", () => {
  // Eleven Kanwil rows of May 2026 (participants by hand); Banuspa's and Sulama's targets are planned on
  // estimated baseline figures, the Total's 70,000,000 is the national target given.
  const input = 'period,kanwil,participants\n2026-05,Sumbagut,3000000\n2026-05,Sumbarriau,2700000\n2026-05,Sumbagsel,2900000\n2026-05,DKI Jakarta,8000000\n2026-05,Jawa Barat,5500000\n2026-05,Jawa Tengah & DIY,5000000\n2026-05,Jawa Timur,5100000\n2026-05,Banten,2900000\n2026-05,Banuspa,2900000\n2026-05,Kalimantan,3900000\n2026-05,Sulama,3400000\n';

  it("breakdown's own file: the Total's target is not marked, as with --year (main: marked with --targets only)", async () => {
    const f = w('kw-in.csv', input);
    const t = `${dir}/kw-targets.csv`;
    const b = await run(['breakdown', '--year', '2026', '--by', 'kanwil', '-f', 'csv', '-o', t, '--quiet']);
    expect(b.code, b.stderr).toBe(0);
    const viaFile = await run(['coverage', f, '--by', 'kanwil', '--targets', t, '-f', 'csv', '--quiet']);
    const viaYear = await run(['coverage', f, '--by', 'kanwil', '--year', '2026', '-f', 'csv', '--quiet']);
    expect(viaFile.code, viaFile.stderr).toBe(0);
    const tf = csvRows(viaFile.stdout).find((x) => x['kanwil'] === 'Total')!;
    const ty = csvRows(viaYear.stdout).find((x) => x['kanwil'] === 'Total')!;
    expect(tf['target']).toBe('70000000');
    expect(ty['target']).toBe('70000000');
    expect(tf['estimated']!.split(',')).not.toContain('target');
    expect(ty['estimated']!.split(',')).not.toContain('target');
    // breakdown's JSON (its "totals" object) reads back the same.
    const tj = `${dir}/kw-targets.json`;
    await run(['breakdown', '--year', '2026', '--by', 'kanwil', '-f', 'json', '-o', tj, '--quiet']);
    const viaJson = await run(['coverage', f, '--by', 'kanwil', '--targets', tj, '-f', 'csv', '--quiet']);
    expect(viaJson.code, viaJson.stderr).toBe(0);
    expect(csvRows(viaJson.stdout).find((x) => x['kanwil'] === 'Total')!['estimated']!.split(',')).not.toContain('target');
    // A Kanwil's own target planned on estimates stays marked.
    expect(csvRows(viaFile.stdout).find((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)')!['estimated']!.split(',')).toContain('target');
  });

  it('a targets file without a Total row of its own: the Total is a sum with estimated parts, marked', async () => {
    const f = w('kw-in2.csv', input);
    const t = `${dir}/kw-targets2.csv`;
    await run(['breakdown', '--year', '2026', '--by', 'kanwil', '-f', 'csv', '-o', t, '--quiet']);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(t, readFileSync(t, 'utf8').split('\n').filter((l) => !l.startsWith('Total,')).join('\n'));
    const r = await run(['coverage', f, '--by', 'kanwil', '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const tr = csvRows(r.stdout).find((x) => x['kanwil'] === 'Total')!;
    expect(tr['target']).toBe('70000000');
    expect(tr['estimated']!.split(',')).toContain('target');
  });
});
