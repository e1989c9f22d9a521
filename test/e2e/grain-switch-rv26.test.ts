// rv26 F7: a branch that sends its regencies' rows one month and its province's rows the next (or the
// other way round) has reported: its regencies are inside the province row. The files of both months in
// one run called them "did not report" (exit 3 under --expect, "wait for their files"; without it a false
// "the report and its totals leave them out" and a blank change), while --previous with the same files
// compared them right. Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The 7 other provinces of Sulawesi Maluku (Sulama), by province, both months.
const others = (period: string, bump: number): string =>
  'period,province,participants\n' +
  [
    ['Sulawesi Utara', 599440],
    ['Sulawesi Tengah', 596428],
    ['Sulawesi Selatan', 1093359],
    ['Sulawesi Tenggara', 346331],
    ['Sulawesi Barat', 72385],
    ['Maluku', 154625],
    ['Maluku Utara', 180842],
  ]
    .map(([p, v]) => `${period},${p},${(v as number) + bump}`)
    .join('\n') +
  '\n';
// Gorontalo by regency and city: 58,885 + 32,118 + 120,000 = 211,003.
const byRegency = (period: string): string => `period,province,regency,participants\n${period},Gorontalo,Kota Gorontalo,58885\n${period},Gorontalo,Kabupaten Boalemo,32118\n${period},Gorontalo,Kabupaten Gorontalo,120000\n`;
// Gorontalo by its province row.
const byProvince = (period: string, n: number): string => `period,province,participants\n${period},Gorontalo,${n}\n`;

// August by regency, September by province (212,503: +1,500 on August's 211,003).
const down = [writeIn(dir, 'aug-others.csv', others('2024-08', 0)), writeIn(dir, 'aug-gorontalo.csv', byRegency('2024-08')), writeIn(dir, 'sep-others.csv', others('2024-09', 100)), writeIn(dir, 'sep-gorontalo.csv', byProvince('2024-09', 212503))];
// August by province (209,903), September by regency (211,003: +1,100).
const up = [writeIn(dir, 'up-aug-others.csv', others('2024-08', 0)), writeIn(dir, 'up-aug-gorontalo.csv', byProvince('2024-08', 209903)), writeIn(dir, 'up-sep-others.csv', others('2024-09', 100)), writeIn(dir, 'up-sep-gorontalo.csv', byRegency('2024-09'))];

const row = (stdout: string, name: string): Record<string, string> => csvRows(stdout).find((x) => x.province === name)!;

describe('rv26 F7: a branch that switches between regency rows and its province row has reported', () => {
  it('by regency in August, by province in September: --expect passes (main: exit 3, "wait for their files"); Gorontalo +1,500, the Total +2,200', async () => {
    const r = await run(['coverage', ...down, '--expect', 'kanwil:Sulama', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: Gorontalo 212,503 − (58,885 + 32,118 + 120,000) = 1,500; each of the 7 others +100: Total 1,500 + 700.
    expect(row(r.stdout, 'Gorontalo').change).toBe('1500');
    expect(row(r.stdout, 'Total').change).toBe('2200');
    // The pace over the one month known is the change.
    expect(row(r.stdout, 'Gorontalo').pace).toBe('1500');
    expect(r.stderr).toContain('note: Gorontalo: rows by regency/city in only one of 2024-08 and 2024-09; its change from 2024-08 compares the two months without the regency/city split');
  });

  it('and without --expect: no "left out of the totals" warning, no like-for-like narrowing (main: Gorontalo blank, Total +700)', async () => {
    const r = await run(['coverage', ...down, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('has no rows for');
    expect(r.stderr).not.toContain('like for like');
    expect(row(r.stdout, 'Gorontalo').change).toBe('1500');
    expect(row(r.stdout, 'Total').change).toBe('2200');
    const id = await run(['coverage', ...down, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('Gorontalo: baris per kabupaten/kota hanya pada salah satu dari 2024-08 dan 2024-09; perubahannya dari 2024-08 membandingkan kedua bulan tanpa rincian kabupaten/kota');
  });

  it('by province in August, by regency in September: --expect passes (main: exit 3, "4 part(s) … did not report"); Gorontalo +1,100', async () => {
    const r = await run(['coverage', ...up, '--expect', 'kanwil:Sulama', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 211,003 − 209,903 = 1,100; Total 1,100 + 700 = 1,800.
    expect(row(r.stdout, 'Gorontalo').change).toBe('1100');
    expect(row(r.stdout, 'Total').change).toBe('1800');
  });

  it('a regency late while the branch keeps reporting by regency is still named (control)', async () => {
    const late = writeIn(dir, 'sep-gorontalo-late.csv', 'period,province,regency,participants\n2024-09,Gorontalo,Kabupaten Boalemo,32200\n2024-09,Gorontalo,Kabupaten Gorontalo,120300\n');
    const r = await run(['coverage', down[0]!, down[1]!, down[2]!, late, '--expect', 'kanwil:Sulama', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Gorontalo / Kota Gorontalo (last seen 2024-08)');
  });
});
