// Review rv28: input checks that let a wrong file through with a plausible report.
//   R21  a province's row with 0 participants (a blank an export wrote as 0) passed --expect and turned a
//        Kanwil's change from +21,000 into -137,094.
//   R20  last month's own JSON report could not be --previous, though its meta.period says its month.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rv28 R21: 0 participants of a province or a Kanwil', () => {
  const head = 'period,province,potential_workers,participants\n';
  const july = writeIn(dir, 'z-2026-07.csv', `${head}2026-07,Gorontalo,422934,250000\n2026-07,Maluku,485724,158094\n2026-07,Maluku Utara,424131,184372\n`);
  const aug = writeIn(dir, 'z-2026-08.csv', `${head}2026-08,Gorontalo,422934,260000\n2026-08,Maluku,485724,0\n2026-08,Maluku Utara,424131,195372\n`);

  it('a province with 0 participants is refused (exit 3), at its cell, with its figure of the month before; nothing written', async () => {
    const out = join(dir, 'z-report.csv');
    const r = await run(['coverage', july, aug, '--quiet', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    // Line 3 of the August file, column 23 ("2026-08,Maluku,485724," is 22 characters).
    expect(r.stderr).toContain(`${aug}:3:23: error: field "participants": Maluku has 0 participants in 2026-08, 158,094 in 2026-07: no province or Kanwil has no active participants`);
    expect(r.stderr).toContain('hint: write its figure (an export that writes a blank as 0 gives no figure), or leave the row out');
    expect(existsSync(out)).toBe(false);
    // Alone (no earlier month in the run): the month only; in Indonesian too.
    const id = await run(['coverage', aug, '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain(`${aug}:3:23: error: kolom "participants": Maluku memiliki 0 peserta pada 2026-08: tidak ada provinsi atau kanwil tanpa peserta aktif`);
    // validate says the same.
    expect((await run(['validate', aug])).code).toBe(3);
    // Left out, the row is not reported, and --expect names it.
    const without = writeIn(dir, 'z-2026-08b.csv', `${head}2026-08,Gorontalo,422934,260000\n2026-08,Maluku Utara,424131,195372\n`);
    const e = await run(['coverage', without, '--expect', 'Gorontalo,Maluku,Maluku Utara', '-f', 'csv', '-q']);
    expect(e.stderr).toContain('Maluku');
  });

  it('a Kanwil\'s own row with 0 participants is refused alike', async () => {
    const k = writeIn(dir, 'k0.csv', 'period,kanwil,potential_workers,participants\n2026-06,Sulama,7301061,0\n');
    const r = await run(['coverage', k, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${k}:2:24: error: field "participants": Sulawesi Maluku (Sulama) has 0 participants in 2026-06`);
  });

  it('a regency with 0 participants is read; a fall to 0 from the month before is a warning kept under --quiet', async () => {
    const f = writeIn(dir, 'rz.csv', 'period,province,regency,workforce,participants\n2026-07,Gorontalo,Kab. Boalemo,42810,24000\n2026-07,Gorontalo,Kab. Pohuwato,45260,27000\n2026-08,Gorontalo,Kab. Boalemo,42810,0\n2026-08,Gorontalo,Kab. Pohuwato,45260,27100\n');
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 1 row has 0 participants in 2026-08 where 2026-07 had some (Kabupaten Boalemo, 24,000 in 2026-07): a fall of 100 % in a month');
    // By hand: Boalemo 0 - 24,000 = -24,000; Total 27,100 - 51,000 = -23,900.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['regency'], x['participants'], x['change']])).toEqual([
      ['Kabupaten Boalemo', '0', '-24000'],
      ['Kabupaten Pohuwato', '27100', '100'],
      ['Total', '27100', '-23900'],
    ]);
    const id = await run(['coverage', f, '--by', 'regency', '-f', 'json', '-q', '--lang', 'id']);
    expect(id.stderr).toContain('1 baris memiliki 0 peserta pada 2026-08 padahal 2026-07 ada (Kabupaten Boalemo, 24.000 pada 2026-07)');
    expect(JSON.stringify(JSON.parse(id.stdout).meta.notes)).toContain('fell-to-zero');
  });
});

describe('rv28 R20: last month\'s own JSON report as --previous', () => {
  const head = 'period,province,potential_workers,participants\n';
  const july = writeIn(dir, 'r-2026-07.csv', `${head}2026-07,Gorontalo,422934,250000\n2026-07,Maluku,485724,158094\n`);
  const aug = writeIn(dir, 'r-2026-08.csv', `${head}2026-08,Gorontalo,422934,253000\n2026-08,Maluku,485724,161094\n`);

  it('its month is read from meta.period: the change is over July\'s rows', async () => {
    const jj = join(dir, 'july.json');
    const jc = join(dir, 'july.csv');
    expect((await run(['coverage', july, '-o', jj, '-o', jc, '-q'])).code).toBe(0);
    const r = await run(['coverage', aug, '--previous', jj, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 253,000 - 250,000 = 3,000; 161,094 - 158,094 = 3,000; Total 6,000.
    // Coverage change: Gorontalo 3,000 / 422,934 = 0.709331 points, Maluku 3,000 / 485,724 = 0.617635, Total 6,000 / 908,658 = 0.660314.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['province'], x['change'], x['coverage_change_pp']])).toEqual([
      ['Gorontalo', '3000', '0.709331'],
      ['Maluku', '3000', '0.617635'],
      ['Total', '6000', '0.660314'],
    ]);
    // The same report given with the July source file.
    const src = await run(['coverage', aug, '--previous', july, '-f', 'csv', '-q']);
    expect(src.stdout).toBe(r.stdout);
    // Its CSV report says no month: refused, the hint naming the JSON report.
    const c = await run(['coverage', aug, '--previous', jc, '-f', 'csv', '-q']);
    expect(c.code).toBe(3);
    expect(c.stderr).toContain("of the tool's own reports, the JSON one says its month (meta.period): give that month's report.json");
  });
});
