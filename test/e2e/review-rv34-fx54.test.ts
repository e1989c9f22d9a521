// Review rv34 (fixed by fx54): the wide layout (`template --segments`: one denominator a row, participants_pu …
// participants_pmi beside it) treated a month's missing rows or segment columns unlike the long layout.
//   R1  a wide regency file with a regency (an office) missing kept its target in the Total: target, gap, run rate,
//       achievement and status of regencies that did not report (Jatim May 9,738,297 for 8,441,693).
//   R2  by segment, the Total's change counted a late (or new) area's whole participants as a fall (or a rise).
//   R3  a wide file whose export drops a segment column one month compared four segments with three, silently.
//   R4  a wide regency file with a regency in one month only, by segment: internal error, exit 70.
//   R6  "has no potential_workers figures, for 0 of 12 rows ()" of a wide file that has them on every row.
//   R7  R1's file by province: "taken whole per province" beside "holds only the regencies in the data".
// Every expected figure is computed by hand in the comments; the files are written here.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const total = (stdout: string): Record<string, string> => csvRows(stdout).find((r) => r['level'] === 'total')!;
const pick = (r: Record<string, string>, cols: readonly string[]): string[] => cols.map((c) => r[c] ?? '');

const WIDE_REGENCY = 'period,province,regency,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n';

describe('rv34 R1, R7: a wide regency file with a regency missing, against targets for every regency', () => {
  const targets = writeIn(dir, 'r1-targets.csv', 'province,regency,year,target\nJawa Timur,Kabupaten Sidoarjo,2026,350000\nJawa Timur,Kabupaten Mojokerto,2026,200000\nJawa Timur,Kabupaten Sumenep,2026,180000\n');
  // Sumenep's office is late: two of the three regencies report (2026-04, 8 months to December).
  const wide = writeIn(dir, 'r1-wide.csv', `${WIDE_REGENCY}2026-04,Jawa Timur,Kabupaten Sidoarjo,700000,294000,140000,75000,44000,35000\n2026-04,Jawa Timur,Kabupaten Mojokerto,400000,165000,85000,41000,26000,13000\n`);
  const plain = writeIn(dir, 'r1-plain.csv', 'period,province,regency,potential_workers,participants\n2026-04,Jawa Timur,Kabupaten Sidoarjo,700000,294000\n2026-04,Jawa Timur,Kabupaten Mojokerto,400000,165000\n');
  const cols = ['denominator', 'participants', 'target', 'target_coverage', 'gap', 'achievement', 'run_rate'];
  // By hand: target 350,000 + 200,000 = 550,000 (main: 730,000 with Sumenep's 180,000); target_coverage 550,000 /
  // 1,100,000 = 0.5; gap 550,000 − 459,000 = 91,000; achievement 459,000 / 550,000 = 0.834545; run rate 91,000 / 8 = 11,375.
  const want = ['1100000', '459000', '550000', '0.5', '91000', '0.834545', '11375'];

  it('the Total is the reporting regencies\' target, as the plain layout\'s', async () => {
    const r = await run(['coverage', wide, '--by', 'regency', '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(pick(total(r.stdout), cols)).toEqual(want);
    expect(r.stderr).toContain('targets: 2 of the 3 in');
    const p = await run(['coverage', plain, '--by', 'regency', '--targets', targets, '-f', 'csv']);
    expect(pick(total(p.stdout), cols)).toEqual(want);
  });

  it('by province and by Kanwil: the same figures, and one warning (the row holds only the regencies in the data)', async () => {
    for (const by of ['province', 'kanwil']) {
      const r = await run(['coverage', wide, '--by', by, '--targets', targets, '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(pick(total(r.stdout), cols)).toEqual(want);
      expect(r.stderr).toContain('holds only the regencies and cities in the data');
      expect(r.stderr).not.toContain('taken whole per');
    }
  });
});

describe('rv34 R6: a wide regency file with a regency in one month only', () => {
  const apr = `2026-04,Jawa Timur,Kabupaten Sidoarjo,700000,294000,140000,75000,44000,35000\n2026-04,Jawa Timur,Kabupaten Mojokerto,400000,165000,85000,41000,26000,13000\n`;
  const may = `2026-05,Jawa Timur,Kabupaten Sidoarjo,700000,295600,140800,75400,44300,35100\n2026-05,Jawa Timur,Kabupaten Mojokerto,400000,165700,85300,41200,26100,13100\n`;
  const sumenep = (m: string): string => `${m},Jawa Timur,Kabupaten Sumenep,394000,151800,70000,40000,30000,11800\n`;
  const later = [writeIn(dir, 'r4-04.csv', `${WIDE_REGENCY}${apr}`), writeIn(dir, 'r4-05.csv', `${WIDE_REGENCY}${may}${sumenep('2026-05')}`)];
  // By hand over Sidoarjo and Mojokerto: PU 800 + 300 = 1,100; BPU 400 + 200 = 600; JAKON 300 + 100 = 400; PMI 100 + 100 =
  // 200; Total 2,300; coverage_change_pp 2,300 / 1,100,000 × 100 = 0.209091.

  it('R6: by regency, no word that the file lacks potential_workers (every row has them)', async () => {
    for (const files of [later, [later[0]!, writeIn(dir, 'r6-05.csv', `${WIDE_REGENCY}${may}`)]]) {
      const r = await run(['coverage', ...files, '--by', 'regency', '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('has no potential_workers figures');
      expect(pick(total(r.stdout), ['change', 'coverage_change_pp'])).toEqual(['2300', '0.209091']);
    }
  });
});
