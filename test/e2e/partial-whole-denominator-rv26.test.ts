// rv26 F2: a province reported by some of its regencies, divided by the whole province's denominator
// (the bundled employed figures per province). Target coverage was left empty for it and the Total with
// the warning "the denominator only for its regencies and cities reported", which is false: the target and
// the denominator are both the whole province's, so target ÷ denominator is of one scope. It is blanked
// only where the denominator is the reported regencies' own. Expected figures by hand in the test.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// 2 of Gorontalo's 6 regencies and cities, no denominator column: divided by the bundled Gorontalo
// employed (631,521).
const twoOfSix = writeIn(dir, 'gorontalo.csv', 'period,province,regency,participants\n2024-09,Gorontalo,Kota Gorontalo,58885\n2024-09,Gorontalo,Kabupaten Boalemo,32118\n');
// The same two with their own denominators: those of the regencies reported only.
const ownDen = writeIn(dir, 'gorontalo-den.csv', 'period,province,regency,potential_workers,participants\n2024-09,Gorontalo,Kota Gorontalo,110000,58885\n2024-09,Gorontalo,Kabupaten Boalemo,90000,32118\n');
const FALSE_WORDS = 'the denominator only for its regencies and cities reported';

describe('rv26 F2: target coverage of a province reported in part, over the whole province denominator', () => {
  it('is kept: target ÷ the whole province denominator, for Gorontalo and the Total (main: empty, with a false warning)', async () => {
    const r = await run(['coverage', twoOfSix, '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain(FALSE_WORDS);
    // The warning that is true stays: the data is taken whole, its target the whole province's. Not also
    // "reported only in part", which contradicted it (rv28 R14): the others count as no participants.
    expect(r.stderr).toContain("divided by the whole province's employed (data/baseline.csv): the others count as having no participants: Gorontalo (2 of 6 regencies and cities)");
    expect(r.stderr).not.toContain('reported only in part');
    for (const name of ['Gorontalo', 'Total']) {
      const row = csvRows(r.stdout).find((x) => x.province === name)!;
      // By hand: participants 58,885 + 32,118 = 91,003; the denominator is Gorontalo's bundled 631,521.
      expect(row.participants).toBe('91003');
      expect(row.denominator).toBe('631521');
      const target = Number(row.target);
      expect(target).toBeGreaterThan(0);
      // The CSV writes six decimals without trailing zeros.
      expect(row.target_coverage).toBe(String(Number((target / 631521).toFixed(6))));
    }
  });

  it("is still left empty where the denominator is the reported regencies' own (control)", async () => {
    const r = await run(['coverage', ownDen, '--year', '2024', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(FALSE_WORDS);
    const row = csvRows(r.stdout).find((x) => x.province === 'Gorontalo')!;
    expect(row.denominator).toBe('200000');
    expect(row.target_coverage).toBe('');
  });
});
