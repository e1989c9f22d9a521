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

describe('rv34 R2: by segment, an area late (or new) in the wide layout', () => {
  const head = 'period,province,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n';
  const aceh1 = '2026-01,Aceh,2450000,657000,365000,159000,131000,2000\n';
  const aceh2 = '2026-02,Aceh,2450000,660500,367000,160000,131400,2100\n';
  const banten = (m: string): string => `${m},Banten,5000000,2963000,1700000,600000,600000,63000\n`;
  const late = [writeIn(dir, 'r2-late-01.csv', `${head}${aceh1}${banten('2026-01')}`), writeIn(dir, 'r2-late-02.csv', `${head}${aceh2}`)];
  const added = [writeIn(dir, 'r2-add-01.csv', `${head}${aceh1}`), writeIn(dir, 'r2-add-02.csv', `${head}${aceh2}${banten('2026-02')}`)];
  // By hand, Aceh alone both months: PU 367,000 − 365,000 = 2,000; BPU 1,000; JAKON 400; PMI 100; Total 3,500
  // (main: 3,500 − Banten's 2,963,000 = −2,959,500 late, +2,966,500 added); coverage_change_pp 3,500 / 2,450,000 × 100 = 0.142857.
  const segs = (stdout: string): string[] => csvRows(stdout).map((r) => `${r['segment']} ${r['change']}`);

  for (const [name, files] of [['late in February', late], ['new in February', added]] as const) {
    it(`Banten ${name}: the Total's change is the segments' sum`, async () => {
      const r = await run(['coverage', ...files, '--by', 'segment', '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(segs(r.stdout)).toEqual(['PU 2000', 'BPU 1000', 'JAKON 400', 'PMI 100', 'Total 3500']);
      expect(pick(total(r.stdout), ['change', 'coverage_change_pp', 'pace'])).toEqual(['3500', '0.142857', '3500']);
      expect(r.stderr).toContain('is like for like');
      // By province, segment and by province: the same Total.
      for (const by of ['province,segment', 'province']) {
        const o = await run(['coverage', ...files, '--by', by, '-f', 'csv', '-q']);
        expect(pick(total(o.stdout), ['change', 'coverage_change_pp']), by).toEqual(['3500', '0.142857']);
      }
    });
  }

  it('without a denominator column (the bundled employed figures): the same change, never Banten\'s 2,963,000 as a fall', async () => {
    const bare = (t: string): string => t.replace(/,(2450000|5000000),/g, ',').replace('potential_workers,', '');
    const files = [writeIn(dir, 'r2-bare-01.csv', bare(`${head}${aceh1}${banten('2026-01')}`)), writeIn(dir, 'r2-bare-02.csv', bare(`${head}${aceh2}`))];
    const r = await run(['coverage', ...files, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Aceh's employed in data/baseline.csv is 2,450,000 too: 3,500 / 2,450,000 × 100 = 0.142857 (main: −2,959,500).
    expect(pick(total(r.stdout), ['change', 'coverage_change_pp', 'pace'])).toEqual(['3500', '0.142857', '3500']);
  });

  it('--trend: the Total\'s change is its two months\' difference (657,000 → 660,500)', async () => {
    const r = await run(['coverage', ...late, '--by', 'segment', '--trend', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(pick(total(r.stdout), ['2026-01', '2026-02', 'change'])).toEqual(['657000', '660500', '3500']);
  });
});

describe('rv34 R3: a wide file whose export drops the PMI column one month', () => {
  const jan = writeIn(dir, 'r3-01.csv', 'period,province,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n2026-01,Aceh,2450000,657000,365000,159000,131000,2000\n2026-01,Sumatera Utara,7550000,2316000,1289000,547000,454000,26000\n');
  const feb = writeIn(dir, 'r3-02.csv', 'period,province,potential_workers,participants,participants_pu,participants_bpu,participants_jakon\n2026-02,Aceh,2450000,659000,367000,160000,132000\n2026-02,Sumatera Utara,7550000,2302000,1295000,550000,457000\n');
  // By hand, like for like without PMI: Aceh 659,000 − (657,000 − 2,000) = +4,000; Sumatera Utara 2,302,000 −
  // (2,316,000 − 26,000) = +12,000 (main: +2,000 and −14,000); Total +16,000. Projected December (10 months after
  // February, pace one month): Aceh 659,000 + 40,000 = 699,000; Sumatera Utara 2,302,000 + 120,000 = 2,422,000; Total
  // 2,961,000 + 160,000 = 3,121,000. pp: 4,000 / 2,450,000 = 0.163265; 12,000 / 7,550,000 = 0.15894; 16,000 / 10,000,000 = 0.16.
  const cols = ['province', 'change', 'coverage_change_pp', 'pace', 'projected'];
  const want = [
    ['Aceh', '4000', '0.163265', '4000', '699000'],
    ['Sumatera Utara', '12000', '0.15894', '12000', '2422000'],
    ['Total', '16000', '0.16', '16000', '3121000'],
  ];

  it('by province: change, pace and projection compare the three segments both months give, and say so', async () => {
    const r = await run(['coverage', jan, feb, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => pick(x, cols))).toEqual(want);
    expect(r.stderr).toContain('2026-02 has no rows for Aceh / PMI (last seen 2026-01), Sumatera Utara / PMI (last seen 2026-01)');
    expect(r.stderr).toContain('the change from 2026-01 is like for like');
  });

  it('--previous: the same figures', async () => {
    const r = await run(['coverage', feb, '--previous', jan, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => pick(x, ['province', 'change', 'coverage_change_pp']))).toEqual(want.map((w) => w.slice(0, 3)));
  });

  it('by segment: the segments\' changes and the same Total and projection as by province', async () => {
    const r = await run(['coverage', jan, feb, '--by', 'segment', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // PU 2,000 + 6,000 = 8,000; BPU 1,000 + 3,000 = 4,000; JAKON 1,000 + 3,000 = 4,000.
    expect(csvRows(r.stdout).map((x) => `${x['segment']} ${x['change']}`)).toEqual(['PU 8000', 'BPU 4000', 'JAKON 4000', 'Total 16000']);
    expect(pick(total(r.stdout), ['projected'])).toEqual(['3121000']);
  });
});

describe('rv34 R4, R6: a wide regency file with a regency in one month only', () => {
  const apr = `2026-04,Jawa Timur,Kabupaten Sidoarjo,700000,294000,140000,75000,44000,35000\n2026-04,Jawa Timur,Kabupaten Mojokerto,400000,165000,85000,41000,26000,13000\n`;
  const may = `2026-05,Jawa Timur,Kabupaten Sidoarjo,700000,295600,140800,75400,44300,35100\n2026-05,Jawa Timur,Kabupaten Mojokerto,400000,165700,85300,41200,26100,13100\n`;
  const sumenep = (m: string): string => `${m},Jawa Timur,Kabupaten Sumenep,394000,151800,70000,40000,30000,11800\n`;
  const later = [writeIn(dir, 'r4-04.csv', `${WIDE_REGENCY}${apr}`), writeIn(dir, 'r4-05.csv', `${WIDE_REGENCY}${may}${sumenep('2026-05')}`)];
  const earlier = [writeIn(dir, 'r4b-04.csv', `${WIDE_REGENCY}${apr}${sumenep('2026-04')}`), writeIn(dir, 'r4b-05.csv', `${WIDE_REGENCY}${may}`)];
  // By hand over Sidoarjo and Mojokerto: PU 800 + 300 = 1,100; BPU 400 + 200 = 600; JAKON 300 + 100 = 400; PMI 100 + 100 =
  // 200; Total 2,300; coverage_change_pp 2,300 / 1,100,000 × 100 = 0.209091.

  for (const [name, files] of [['Sumenep new in May', later], ['Sumenep late in May', earlier]] as const) {
    it(`${name}: by segment, province × segment and regency × segment exit 0 with the like-for-like Total`, async () => {
      for (const by of ['segment', 'province,segment', 'regency,segment']) {
        const r = await run(['coverage', ...files, '--by', by, '-f', 'csv']);
        expect(r.code, `${by}: ${r.stderr}`).toBe(0);
        expect(pick(total(r.stdout), ['change', 'coverage_change_pp']), by).toEqual(['2300', '0.209091']);
        expect(r.stderr).not.toContain('has no potential_workers figures');
      }
      const seg = await run(['coverage', ...files, '--by', 'segment', '-f', 'csv']);
      expect(csvRows(seg.stdout).map((x) => `${x['segment']} ${x['change']}`)).toEqual(['PU 1100', 'BPU 600', 'JAKON 400', 'PMI 200', 'Total 2300']);
    });
  }

  it('R6: by regency, no word that the file lacks potential_workers (every row has them)', async () => {
    for (const files of [later, [later[0]!, writeIn(dir, 'r6-05.csv', `${WIDE_REGENCY}${may}`)]]) {
      const r = await run(['coverage', ...files, '--by', 'regency', '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('has no potential_workers figures');
      expect(pick(total(r.stdout), ['change', 'coverage_change_pp'])).toEqual(['2300', '0.209091']);
    }
  });
});
