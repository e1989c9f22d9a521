// Review rv30 (fixed by fx43):
//   T3  a province's 0 participants was refused in the long layout but read in the wide one (participants_pu …
//       participants_pmi, what `template --segments` writes): Total without the province, exit 0.
//   T1  last month's file with a potential_workers column blank on every row failed the report (a cell-by-cell
//       "field is empty"); a column blank on every row is a column the file does not give.
//   T4  a group total "Jumlah Maluku" (Maluku + Maluku Utara) was checked as the one province and refused.
//   T6  last month's JSON report by province × segment as --previous: the refusal's hint now says what to keep.
//   T7  a kanwil cell written as the tool titles the office ("Kanwil Sulawesi Maluku") was an unknown office.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rv30 T3: 0 participants of a province in the wide layout', () => {
  const head = 'province,period,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n';
  const july = writeIn(dir, 'w-2026-07.csv', `${head}Gorontalo,2026-07,422934,250000,150000,75000,20000,5000\nMaluku,2026-07,485724,158094,94856,47428,12648,3162\n`);
  const aug = writeIn(dir, 'w-2026-08.csv', `${head}Gorontalo,2026-08,422934,260000,156000,78000,20800,5200\nMaluku,2026-08,485724,0,0,0,0,0\n`);

  it('a province whose participants and parts are all 0 is refused at its cell, with the month before; nothing written', async () => {
    const out = join(dir, 'w-report.csv');
    const r = await run(['coverage', july, aug, '--quiet', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    // Line 3 of August, column 23 ("Maluku,2026-08,485724," is 22 characters).
    expect(r.stderr).toContain(`${aug}:3:23: error: field "participants": Maluku has 0 participants in 2026-08, 158,094 in 2026-07: no province or Kanwil has no active participants`);
    expect(existsSync(out)).toBe(false);
    expect((await run(['validate', aug])).code).toBe(3);
    const id = await run(['coverage', aug, '--lang', 'id']);
    expect(id.stderr).toContain(`${aug}:3:23: error: kolom "participants": Maluku memiliki 0 peserta pada 2026-08`);
  });

  it('one part of 0 (a real 0 PMI) is read', async () => {
    const f = writeIn(dir, 'w-pmi0.csv', `${head}Gorontalo,2026-08,422934,255000,156000,78000,21000,0\n`);
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 156,000 + 78,000 + 21,000 + 0 = 255,000.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')?.['participants']).toBe('255000');
  });
});

describe('rv30 T1: a denominator column blank on every row of last month\'s file', () => {
  const june = writeIn(dir, 'd-2024-06.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259971\n2024-06,Maluku,485724,155094\n');
  const mayBlank = writeIn(dir, 'd-2024-05.csv', 'period,province,employed,potential_workers,participants\n2024-05,Gorontalo,640000,,259331\n2024-05,Maluku,728586,,155250\n');

  it('is a column not given: the report, the change in participants, and the note that May gives employed', async () => {
    const r = await run(['coverage', june, '--previous', mayBlank, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: Gorontalo 259,971 - 259,331 = 640; Maluku 155,094 - 155,250 = -156; Total 484.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['province'], x['change'], x['coverage_change_pp']])).toEqual([
      ['Gorontalo', '640', ''],
      ['Maluku', '-156', ''],
      ['Total', '484', ''],
    ]);
    expect(r.stderr).toContain('gives employed, not potential_workers');
    // The same two months as a glob.
    const g = join(dir, 'g');
    mkdirSync(g);
    writeIn(g, '2024-05.csv', 'period,province,employed,potential_workers,participants\n2024-05,Gorontalo,640000,,259331\n2024-05,Maluku,728586,,155250\n');
    writeIn(g, '2024-06.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259971\n2024-06,Maluku,485724,155094\n');
    const gr = await run(['coverage', join(g, '*.csv'), '-f', 'csv', '-q']);
    expect(gr.code, gr.stderr).toBe(0);
    expect(csvRows(gr.stdout).find((x) => x['province'] === 'Total')?.['change']).toBe('484');
  });

  it('one blank or 0 among its figures stays refused at its cell (rv29 S1)', async () => {
    const oneBlank = writeIn(dir, 'd1-2024-05.csv', 'period,province,employed,potential_workers,participants\n2024-05,Gorontalo,640000,,259331\n2024-05,Maluku,728586,485724,155250\n');
    const r = await run(['coverage', june, '--previous', oneBlank, '-f', 'csv']);
    expect(r.code).toBe(3);
    // "2024-05,Gorontalo,640000," is 25 characters.
    expect(r.stderr).toContain(`${oneBlank}:2:26: error: field "potential_workers" is empty`);
    const zero = writeIn(dir, 'd0-2024-05.csv', 'period,province,employed,potential_workers,participants\n2024-05,Gorontalo,640000,0,259331\n2024-05,Maluku,728586,485724,155250\n');
    const z = await run(['coverage', june, '--previous', zero, '-f', 'csv']);
    expect(z.code).toBe(3);
    expect(z.stderr).toContain(`${zero}:2:26: error: field "potential_workers": Gorontalo's potential_workers is 0`);
  });
});

describe('rv30 T7: a kanwil cell with the word "Kanwil" or "Kantor Wilayah"', () => {
  it('is the office, in data and in targets; an unknown name stays refused', async () => {
    for (const name of ['Kanwil Sulawesi Maluku', 'Kanwil Sulama', 'Kanwil Sulawesi Maluku (Sulama)', 'Kantor Wilayah Sulama']) {
      const f = writeIn(dir, 'kw.csv', `period,kanwil,potential_workers,participants\n2026-06,${name},7301061,3264879\n`);
      const t = writeIn(dir, 'kwt.csv', `kanwil,target\n${name},5567655\n`);
      const r = await run(['coverage', f, '--by', 'kanwil', '--targets', t, '-f', 'csv', '-q']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      // By hand: 5,567,655 - 3,264,879 = 2,302,776.
      const row = csvRows(r.stdout)[0]!;
      expect([row['kanwil'], row['participants'], row['gap']]).toEqual(['Sulawesi Maluku (Sulama)', '3264879', '2302776']);
    }
    const bad = writeIn(dir, 'kwbad.csv', 'period,kanwil,potential_workers,participants\n2026-06,Kanwil Atlantis,7301061,3264879\n');
    const r = await run(['coverage', bad, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('unknown regional office "Kanwil Atlantis"');
  });
});

describe('rv30 T4: a total named like a province that begins other provinces\' names', () => {
  const head = 'period,province,potential_workers,participants\n';
  const rows = '2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n2026-06,Maluku Utara,424131,181372\n';

  it('"Jumlah Maluku" over Maluku and Maluku Utara is checked against that group: the report, the total left out', async () => {
    // By hand: 485,724 + 424,131 = 909,855; 155,094 + 181,372 = 336,466.
    const f = writeIn(dir, 'jm.csv', `${head}${rows}2026-06,Jumlah Maluku,909855,336466\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:5 "Jumlah Maluku" (agrees with its rows)`);
    // Total of the three provinces: 259,971 + 155,094 + 181,372 = 596,437.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')?.['participants']).toBe('596437');
  });

  it('the province\'s own total is checked too; matching neither, it is refused naming both sums (fx44)', async () => {
    const own = writeIn(dir, 'jm1.csv', `${head}${rows}2026-06,Jumlah Maluku,485724,155094\n`);
    const o = await run(['coverage', own, '-f', 'csv']);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toContain('"Jumlah Maluku" (agrees with its rows)');
    const neither = writeIn(dir, 'jm2.csv', `${head}${rows}2026-06,Jumlah Maluku,909855,336000\n`);
    const n = await run(['coverage', neither, '-f', 'csv']);
    // Maluku 155,094; Maluku and Maluku Utara 155,094 + 181,372 = 336,466: neither is 336,000.
    expect(n.code, n.stderr).toBe(3);
    expect(n.stderr).toContain(`${neither}:5:30: error: the total row "Jumlah Maluku" gives participants 336,000, but neither the 1 row(s) of Maluku add up to it (155,094) nor the 2 row(s) of Maluku and Maluku Utara, the group its name may mean (336,466)`);
  });

  it('a total that names one province ("Jumlah Provinsi Maluku", "Total Gorontalo") and disagrees is refused', async () => {
    const f = writeIn(dir, 'jm3.csv', `${head}${rows}2026-06,Jumlah Provinsi Maluku,909855,336466\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the total row "Jumlah Provinsi Maluku" gives participants 336,466, but the 1 row(s) it totals add up to 155,094');
    const g = writeIn(dir, 'jm4.csv', `${head}${rows}2026-06,Total Gorontalo,422934,250000\n`);
    expect((await run(['coverage', g, '-f', 'csv'])).code).toBe(3);
  });
});

describe('rv30 T6: last month\'s JSON report by province × segment as --previous', () => {
  it('is refused with a hint to keep the month\'s input (a report by province gives no change per segment)', async () => {
    const head = 'period,province,segment,participants\n';
    const june = writeIn(dir, 's-2026-06.csv', `${head}2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n`);
    const july = writeIn(dir, 's-2026-07.csv', `${head}2026-07,Gorontalo,PU,156083\n2026-07,Gorontalo,BPU,78091\n`);
    const rep = join(dir, 's-2026-06.json');
    expect((await run(['coverage', june, '--by', 'province,segment', '-o', rep, '-q'])).code).toBe(0);
    const r = await run(['coverage', july, '--by', 'province,segment', '--previous', rep, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("keep each month's input to be next month's --previous (a report by province can be --previous too, but gives no change per segment)");
    // The month's input as --previous: by hand PU 156,083 - 155,983 = 100, BPU 100.
    const ok = await run(['coverage', july, '--by', 'province,segment', '--previous', june, '-f', 'csv', '-q']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(csvRows(ok.stdout).filter((x) => x['level'] === 'detail').map((x) => [x['segment'], x['change']])).toEqual([
      ['PU', '100'],
      ['BPU', '100'],
    ]);
  });
});
