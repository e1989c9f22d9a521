// rv25 F8: a regency extract (120 participants of Kota Gorontalo) with a regency --workforce (Kota
// Gorontalo's 1,000 employed) got the warning "divided by the whole province's employed … the others
// count as having no participants": false, it is divided by the regency's own 1,000 (120 / 1,000 = 0.12).
// That warning is kept for a denominator that is the province's (a province row; or every regency of it:
// 1,000 + 5 × 500 = 3,500, 120 / 3,500 = 0.034286); the true warning names the regency the row is of.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ids = Array.from({ length: 120 }, (_, i) => `2024-06,P${String(i).padStart(5, '0')},Gorontalo,Kota Gorontalo`);
const extract = writeIn(dir, 'extr.csv', ['period,participant_id,province,regency', ...ids].join('\n') + '\n');
const wfr = writeIn(dir, 'wfr.csv', 'period,province,regency,employed\n2024-06,Gorontalo,Kota Gorontalo,1000\n');
const others = ['Kabupaten Boalemo', 'Kabupaten Gorontalo', 'Kabupaten Pohuwato', 'Kabupaten Bone Bolango', 'Kabupaten Gorontalo Utara'];
const wf6 = writeIn(dir, 'wf6.csv', ['period,province,regency,employed', '2024-06,Gorontalo,Kota Gorontalo,1000', ...others.map((r) => `2024-06,Gorontalo,${r},500`)].join('\n') + '\n');
const whole = "is divided by the whole province's employed";

describe("a regency extract over its regency's own workforce (rv25 F8)", () => {
  it('by province: no "whole province" warning; the true one names Kota Gorontalo (en, id)', async () => {
    const r = await run(['coverage', extract, '--workforce', wfr, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = csvRows(r.stdout).find((row) => row.province === 'Gorontalo')!;
    expect([g.denominator, g.participants, g.coverage]).toEqual(['1000', '120', '0.12']);
    expect(r.stderr).not.toContain(whole);
    expect(r.stderr).toContain(
      `warning: the employed figures (${wfr}) are given only in part, and are taken as the whole province's denominator where its participants all have one: Gorontalo (1 of 6 regencies and cities: its row is the coverage of Kota Gorontalo)`,
    );
    const id = await run(['coverage', extract, '--workforce', wfr, '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toContain('Gorontalo (1 dari 6 kabupaten/kota: barisnya adalah cakupan Kota Gorontalo)');
    expect(id.stderr).not.toContain('dibagi dengan penduduk bekerja seluruh provinsi');
  });
  it('by regency: no "whole province" warning (the Total is Kota Gorontalo\'s 1,000)', async () => {
    const r = await run(['coverage', extract, '--by', 'regency', '--workforce', wfr, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((row) => row.level === 'total')!.denominator).toBe('1000');
    expect(r.stderr).not.toContain(whole);
  });
  it('a workforce of every regency of Gorontalo is the whole province\'s: the warning stays (120 / 3,500)', async () => {
    const r = await run(['coverage', extract, '--workforce', wf6, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = csvRows(r.stdout).find((row) => row.province === 'Gorontalo')!;
    expect([g.denominator, g.coverage]).toEqual(['3500', '0.034286']);
    expect(r.stderr).toContain(`${whole} (${wf6}): the others count as having no participants: Gorontalo (1 of 6 regencies and cities)`);
  });
});
