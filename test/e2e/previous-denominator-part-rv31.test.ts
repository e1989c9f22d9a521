// rv31 V9: one file of a --previous glob gave `employed` where the others give `potential_workers`: that
// province's and the Total's coverage_change_pp were empty, nothing said. Now a warning names the file and
// its rows, and the Total's coverage_change_pp is like for like over the rows with potential_workers in
// both months (the change in participants stays over all). Failed on main at 5ba02b9.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

describe('--previous with one file on another denominator (rv31 V9)', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'prev'));
  const cur = writeIn(dir, 'cur.csv', 'period,province,potential_workers,participants\n2026-06,Sulawesi Utara,780666,592497\n2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n');
  writeIn(dir, 'prev/a.csv', 'period,province,potential_workers,participants\n2026-05,Gorontalo,422934,259331\n2026-05,Maluku,485724,155250\n');
  const b = writeIn(dir, 'prev/b.csv', 'period,province,employed,participants\n2026-05,Sulawesi Utara,1300000,590182\n');

  it("names the file and its row; the Total's pp is over the other two", async () => {
    const r = await run(['coverage', cur, '--previous', `${dir}/prev/*.csv`, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const sulut = rows.find((x) => x['province'] === 'Sulawesi Utara')!;
    expect([sulut['change'], sulut['coverage_change_pp']]).toEqual(['2315', '']); // 592,497 − 590,182
    const total = rows.find((x) => x['level'] === 'total')!;
    // Change over all three: (592,497 + 259,971 + 155,094) − (590,182 + 259,331 + 155,250) = 1,007,562 − 1,004,763.
    expect(total['change']).toBe('2799');
    // pp over Gorontalo and Maluku, whose potential workers are the same both months (422,934 + 485,724 =
    // 908,658): (259,971 + 155,094 − 259,331 − 155,250) / 908,658 × 100 = 484 / 9,086.58 = 0.053265.
    expect(Number(total['coverage_change_pp'])).toBeCloseTo(0.053265, 6);
    // A warning, kept under --quiet: it changes what the Total's figure is over.
    expect(r.stderr).toContain(`warning: ${b} (2026-05) gives employed, not potential_workers, for 1 of 3 rows (Sulawesi Utara): no coverage of that month for it on this report's base, so its coverage_change_pp is empty; the Total's and any subtotal's is over the 2 rows with potential_workers in both months (like for like)`);
  });

  it('by province and regency, the file of sectors: each regency named once, in the order of its first row', async () => {
    const by = tmp();
    const now = writeIn(by, 'cur.csv', 'period,province,regency,sector,potential_workers,participants\n' + ['Boalemo', 'Pohuwato', 'Kota Gorontalo'].flatMap((r, i) => ['Pertanian', 'Industri'].map((s, j) => `2026-06,Gorontalo,${r},${s},${1000 + i},${100 + j}`)).join('\n') + '\n');
    writeIn(by, 'a.csv', 'period,province,regency,sector,potential_workers,participants\n2026-05,Gorontalo,Kota Gorontalo,Pertanian,1002,99\n2026-05,Gorontalo,Kota Gorontalo,Industri,1002,98\n');
    const lacking = writeIn(by, 'b.csv', 'period,province,regency,sector,participants\n2026-05,Gorontalo,Pohuwato,Industri,97\n2026-05,Gorontalo,Boalemo,Pertanian,96\n2026-05,Gorontalo,Pohuwato,Pertanian,95\n2026-05,Gorontalo,Boalemo,Industri,94\n');
    const r = await run(['coverage', now, '--previous', join(by, 'a.csv'), '--previous', lacking, '--by', 'province,regency', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: ${lacking} (2026-05) has no potential_workers figures, for 2 of 3 rows (Gorontalo / Kabupaten Pohuwato, Gorontalo / Kabupaten Boalemo): no coverage of that month for them`);
  });

  it('the whole month on employed keeps the R11 note and an empty Total', async () => {
    const only = writeIn(dir, 'prev-emp.csv', 'period,province,employed,participants\n2026-05,Sulawesi Utara,1300000,590182\n2026-05,Gorontalo,700000,259331\n2026-05,Maluku,800000,155250\n');
    const r = await run(['coverage', cur, '--previous', only, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['coverage_change_pp']).toBe('');
    expect(r.stderr).toContain('gives employed, not potential_workers: no coverage of that month on this report\'s base');
    expect(r.stderr).not.toContain('rows with potential_workers in both months');
  });
});
