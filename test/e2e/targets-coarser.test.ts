// Targets for a coarser area than the report's rows, after the review of helper fx2's work (rv4): Kanwil
// targets on a report by segment or sector, Kanwil × segment targets, a plan per Kanwil beside a plan
// per province (--compare-targets), a revised months file with --as-of and an earlier month, the
// baseline month of a trimmed months file, and a Kanwil's target that is the sum of its reported
// provinces'. Every test here failed on main at 63ec299. The figures are computed by hand from the
// inputs written below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

const write = writeIn;
const rowsOf = (text: string): Record<string, string>[] => csvRows(text);
const totalOf = (text: string): Record<string, string> => rowsOf(text).find((r) => r['level'] === 'total')!;
const KAL = ['Kalimantan Barat', 'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara'];
// The 2024 province targets of the national breakdown (breakdown --year 2024), and their Kanwils' sums.
const PROVINCE_TARGET = new Map([
  ['Kalimantan Barat', 908_341],
  ['Kalimantan Tengah', 743_991],
  ['Kalimantan Selatan', 765_283],
  ['Kalimantan Timur', 1_368_994],
  ['Kalimantan Utara', 256_978],
  ['Aceh', 746_609],
]);
const KALIMANTAN = 908_341 + 743_991 + 765_283 + 1_368_994 + 256_978; // 4,043,587
const SUMBAGUT = 3_283_485;

/** The five Kalimantan provinces in June 2024, PU 700,000 and BPU 80,000 each. */
const bySegment = (dir: string): string => write(dir, 'kseg.csv', ['period,province,segment,participants', ...KAL.flatMap((p) => [`2024-06,${p},PU,700000`, `2024-06,${p},BPU,80000`])].join('\n') + '\n');

describe('Kanwil targets on a report whose rows hold no area (by segment, by sector)', () => {
  it('--by segment with targets per Kanwil: the Total is Kalimantan’s target and milestone, not every Kanwil’s', async () => {
    const dir = tmp();
    // 3,619,335 in 2023-12 to 4,043,587: an increase of 424,252, half of it by June = 212,126.
    const t = write(dir, 'tk.csv', `kanwil,period,year,participants,target\nKalimantan,2023-12,2024,3619335,${KALIMANTAN}\nSumbagut,2023-12,2024,2640884,${SUMBAGUT}\nJawa Barat,2023-12,2024,9000000,10000000\n`);
    const r = await run(['coverage', bySegment(dir), '--by', 'segment', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = totalOf(r.stdout);
    expect(KALIMANTAN).toBe(4_043_587);
    expect(Number(total['target'])).toBe(4_043_587);
    expect(Number(total['milestone'])).toBe(3_619_335 + 424_252 / 2); // 3,831,461
    // 5 × 780,000 = 3,900,000: above the milestone, below the target.
    expect(Number(total['participants'])).toBe(3_900_000);
    expect(total['status']).toBe('on-track');
    expect(r.stderr).toMatch(/targets are given per regional office: a report by segment shows them only in the Total[^\n]*--by kanwil shows each/);
  });

  it('--by segment with Kanwil × segment targets: each segment row has Kalimantan’s segment target', async () => {
    const dir = tmp();
    const t = write(dir, 'tks.csv', 'kanwil,segment,year,target\nKalimantan,PU,2024,2518228\nKalimantan,BPU,2024,777000\nSumbagut,PU,2024,1854577\nSumbagut,BPU,2024,766275\n');
    const r = await run(['coverage', bySegment(dir), '--by', 'segment', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(Number(rows.find((x) => x['segment'] === 'PU')!['target'])).toBe(2_518_228);
    expect(Number(rows.find((x) => x['segment'] === 'BPU')!['target'])).toBe(777_000);
    expect(Number(totalOf(r.stdout)['target'])).toBe(2_518_228 + 777_000); // 3,295,228
    expect(r.stderr).toMatch(/targets: 2 of the 4 in \S*tks\.csv/);
    expect(r.stderr).toContain('(3,295,228)');
    // With May too (PU 690,000 and BPU 79,000 a province): the projection of each segment against its target.
    const two = write(dir, 'kseg2.csv', readFileSync(join(dir, 'kseg.csv'), 'utf8') + KAL.flatMap((p) => [`2024-05,${p},PU,690000`, `2024-05,${p},BPU,79000`]).join('\n') + '\n');
    const tr = await run(['coverage', two, '--by', 'segment', '--targets', t, '--trend', '-f', 'csv']);
    expect(tr.code, tr.stderr).toBe(0);
    const story = rowsOf(tr.stdout).map((x) => [x['segment'], x['projected'], x['projected_status']]);
    // PU: 3,500,000 + 6 × 50,000 = 3,800,000 ≥ 2,518,228; BPU: 400,000 + 6 × 5,000 = 430,000 < 777,000.
    expect(story).toEqual([
      ['PU', '3800000', 'will-achieve'],
      ['BPU', '430000', 'will-miss'],
      ['Total', '4230000', 'will-achieve'],
    ]);
  });

  it('--by province,segment with Kanwil × segment targets: said as given per regional office × segment', async () => {
    const dir = tmp();
    const t = write(dir, 'tks.csv', 'kanwil,segment,year,target\nKalimantan,PU,2024,2518228\nKalimantan,BPU,2024,777000\nSumbagut,PU,2024,1854577\nSumbagut,BPU,2024,766275\n');
    const r = await run(['coverage', bySegment(dir), '--by', 'province,segment', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(totalOf(r.stdout)['target'])).toBe(3_295_228);
    expect(r.stderr).toContain('targets are given per regional office × segment: a report by province × segment shows them only in the Total (their sum), on no other row; --by kanwil,segment shows each');
    expect(r.stderr).not.toContain('given per segment');
    // The view the warning names shows them.
    const k = await run(['coverage', bySegment(dir), '--by', 'kanwil,segment', '--targets', t, '-f', 'csv']);
    expect(k.code, k.stderr).toBe(0);
    const pu = rowsOf(k.stdout).find((x) => x['segment'] === 'PU' && x['level'] === 'detail')!;
    expect(Number(pu['target'])).toBe(2_518_228);
  });

  it('--by sector with Kanwil targets and two of Kalimantan’s five provinces: its target, warned as reported in part', async () => {
    const dir = tmp();
    const data = write(dir, 'ksec.csv', 'period,province,sector,participants\n2024-06,Kalimantan Barat,A,700\n2024-06,Kalimantan Barat,B,80\n2024-06,Kalimantan Tengah,A,700\n2024-06,Kalimantan Tengah,B,80\n');
    const t = write(dir, 'kt.csv', 'kanwil,year,target\nKalimantan,2024,1000\nSumbagut,2024,2000\nJawa Barat,2024,5000\n');
    const r = await run(['coverage', data, '--by', 'sector', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = totalOf(r.stdout);
    expect(Number(total['target'])).toBe(1000);
    expect(Number(total['gap'])).toBe(1000 - 1560);
    expect(r.stderr).toContain('reported only in part, against a target for the whole regional office: Kalimantan (2 of 5 provinces)');
  });

  it('--by sector of regencies with province targets: Gorontalo’s target, its 2 of 6 regencies taken whole', async () => {
    const dir = tmp();
    const data = write(dir, 'rs.csv', 'period,regency,sector,participants\n2024-06,Kota Gorontalo,A,100\n2024-06,Kab. Pohuwato,A,50\n');
    const t = write(dir, 'pt.csv', 'province,year,target\nGorontalo,2024,300000\nSulawesi Utara,2024,900000\n');
    const r = await run(['coverage', data, '--by', 'sector', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(totalOf(r.stdout)['target'])).toBe(300_000);
    // Gorontalo: Kota Gorontalo and the regencies of Gorontalo, Boalemo, Pohuwato, Bone Bolango and Gorontalo Utara.
    // Counts without a denominator of their own are taken whole (rv28 R14): the others have no
    // participants, against the whole province's target and denominator, not "reported only in part".
    expect(r.stderr).toContain('the others count as having no participants: Gorontalo (2 of 6 regencies and cities)');
    expect(r.stderr).not.toContain('reported only in part');
  });
});

describe('--compare-targets with a plan coarser than the report’s rows', () => {
  const provinces = (dir: string, names: readonly string[]): string =>
    write(dir, 'bp.csv', ['province,year,target', ...names.map((p) => `${p},2024,${PROVINCE_TARGET.get(p)}`)].join('\n') + '\n');
  const kanwils = (dir: string): string => write(dir, 'bk.csv', `kanwil,year,target\nKalimantan,2024,${KALIMANTAN}\nSumbagut,2024,${SUMBAGUT}\n`);
  const data = (dir: string, names: readonly string[]): string =>
    write(dir, 'kd.csv', ['period,province,potential_workers,participants', ...names.map((p) => `2024-06,${p},1000,${p === 'Aceh' ? 300 : 100}`)].join('\n') + '\n');

  it('a Kanwil (Sumbagut) reported in part: the difference of the Total is left blank, and said', async () => {
    const dir = tmp();
    const names = [...KAL, 'Aceh'];
    const r = await run(['coverage', data(dir, names), '--targets', provinces(dir, names), '--compare-targets', kanwils(dir), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = totalOf(r.stdout);
    expect(Number(total['target_bp'])).toBe(KALIMANTAN + 746_609); // 4,790,196
    expect(Number(total['target_bk'])).toBe(KALIMANTAN + SUMBAGUT); // 7,327,072: all of Sumbagut against Aceh alone
    expect(total['diff_bk']).toBe('');
    expect(total['diff_pct_bk']).toBe('');
    expect(r.stderr).toContain('bk.csv gives targets for whole areas this report has only in part, so the difference (diff_bk) of the subtotals and the Total is left blank');
    expect(r.stderr).not.toContain('over the 0 rows');
  });

  it('every Kanwil reported whole: the difference of the Total stands (0: the Kanwil target is its provinces’ sum)', async () => {
    const dir = tmp();
    const r = await run(['coverage', data(dir, KAL), '--targets', provinces(dir, KAL), '--compare-targets', kanwils(dir), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = totalOf(r.stdout);
    expect(Number(total['target_bk'])).toBe(4_043_587);
    expect(Number(total['diff_bk'])).toBe(0);
  });

  it('a province plan on a regency report, with 2 of Gorontalo’s 6 regencies: blank, not 300,000 − 300', async () => {
    const dir = tmp();
    const d = write(dir, 'rg.csv', 'period,regency,potential_workers,participants\n2024-06,Kota Gorontalo,1000,100\n2024-06,Kab. Pohuwato,1000,50\n');
    const rt = write(dir, 'rt.csv', 'regency,year,target\nKota Gorontalo,2024,200\nKab. Pohuwato,2024,100\n');
    const pt = write(dir, 'pt.csv', 'province,year,target\nGorontalo,2024,300000\n');
    const r = await run(['coverage', d, '--by', 'regency', '--targets', rt, '--compare-targets', pt, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = totalOf(r.stdout);
    expect(Number(total['target_rt'])).toBe(300);
    expect(Number(total['target_pt'])).toBe(300_000);
    expect(total['diff_pt']).toBe('');
    expect(r.stderr).toContain('pt.csv gives targets for whole areas this report has only in part');
  });
});

describe('a breakdown --months file of a revised series, --as-of and an earlier month', () => {
  // Gorontalo in the months file: 2024-05 under the original target (milestone 269,787), 2024-07 on
  // under the revision from 2024-07 (target 296,312; August's milestone 280,449).
  const months = async (dir: string): Promise<string> => {
    const f = join(dir, 'bm.csv');
    expect((await run(['breakdown', '--series', join(ROOT, 'examples', 'series-2024-revised.csv'), '--year', '2024', '--months', '-o', f])).code).toBe(0);
    const g = rowsOf(readFileSync(f, 'utf8')).filter((x) => x['province'] === 'Gorontalo');
    expect(g.filter((x) => ['2024-05', '2024-08'].includes(x['period']!)).map((x) => [x['period'], x['from'], x['milestone'], x['target']])).toEqual([
      ['2024-05', '', '269787', '288908'],
      ['2024-08', '2024-07', '280449', '296312'],
    ]);
    return f;
  };
  const gorontalo = (dir: string, name: string, ms: readonly string[]): string => write(dir, name, ['period,province,potential_workers,participants', ...ms.map((m) => `${m},Gorontalo,422934,270000`)].join('\n') + '\n');

  it('August with --previous May and --as-of 2024-08: August against the revision (May is on the path it kept)', async () => {
    const dir = tmp();
    const bm = await months(dir);
    const r = await run(['coverage', gorontalo(dir, 'g08.csv', ['2024-08']), '--previous', gorontalo(dir, 'g05.csv', ['2024-05']), '--targets', bm, '--as-of', '2024-08', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = totalOf(r.stdout);
    expect(Number(total['target'])).toBe(296_312);
    expect(Number(total['milestone'])).toBe(280_449);
    // 270,000 is below 280,449 and at least 280,449 × 0.95 = 266,426.55: at risk.
    expect(total['status']).toBe('at-risk');
  });

  it('April to August in one file, with and without --trend', async () => {
    const dir = tmp();
    const bm = await months(dir);
    const gm = gorontalo(dir, 'gm.csv', ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
    for (const extra of [[], ['--trend']]) {
      const r = await run(['coverage', gm, '--targets', bm, '--as-of', '2024-08', ...extra, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(Number(totalOf(r.stdout)['target'])).toBe(296_312);
    }
    // The chart's milestone path, April to December: the original path's April to June (which the
    // revision kept), then the revision's, as the file gives them.
    const html = join(dir, 'o.html');
    expect((await run(['coverage', gm, '--targets', bm, '--as-of', '2024-08', '-o', html])).code).toBe(0);
    const path = rowsOf(readFileSync(bm, 'utf8')).filter((x) => x['province'] === 'Gorontalo' && x['period']! >= '2024-04').map((x) => x['milestone']);
    expect(path.slice(0, 3)).toEqual(['267055', '269787', '272518']);
    expect(readFileSync(html, 'utf8')).toContain(`milestones" data-values="${path.join(' ')}"`);
  });
});

describe('the baseline month of a trimmed month-by-month file', () => {
  it('a file cut to May … August: its baseline column is December’s, so the baseline month is unknown (null), not April', async () => {
    const dir = tmp();
    const full = join(dir, 'bm.csv');
    expect((await run(['breakdown', '--year', '2024', '--months', '-o', full])).code).toBe(0);
    const lines = readFileSync(full, 'utf8').trimEnd().split('\n');
    const keep = (from: string, to: string): string => write(dir, `bm-${from}.csv`, [lines[0], ...lines.filter((l) => l.slice(0, 7) >= from && l.slice(0, 7) <= to)].join('\n') + '\n');
    // Gorontalo's rows: baseline 256,129 (2023-12); May's milestone 269,787 = 5 of 12 steps to 288,908.
    const g = write(dir, 'g.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,270000\n');
    const meta = async (f: string): Promise<unknown> => {
      const r = await run(['coverage', g, '--targets', f, '-f', 'json', '-q']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).meta.targetsBaselinePeriod;
    };
    expect(await meta(keep('2024-05', '2024-08'))).toBeNull();
    // Cut at the end only: its first month is still one step from the baseline.
    expect(await meta(keep('2024-01', '2024-06'))).toBe('2023-12');
    expect(await meta(full)).toBe('2023-12');
  });
});

describe('a Kanwil’s target that is the sum of its reported provinces’ targets', () => {
  const data = (dir: string): string => write(dir, 'est6.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,271000\n2024-06,Maluku,500000,202000\n');

  it('province targets --by kanwil (and --year 2024): like for like, not "reported only in part"', async () => {
    const dir = tmp();
    // Gorontalo 288,908 and Maluku 216,912 in the national 2024 breakdown.
    const t = write(dir, 'bp.csv', 'province,year,target\nGorontalo,2024,288908\nMaluku,2024,216912\nAceh,2024,746609\n');
    for (const targets of [['--targets', t], ['--year', '2024']]) {
      const r = await run(['coverage', data(dir), '--by', 'kanwil', ...targets, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(Number(totalOf(r.stdout)['target'])).toBe(288_908 + 216_912); // 505,820
      expect(r.stderr).not.toContain('reported only in part');
    }
  });

  it('a target for the whole Kanwil against 2 of its provinces is still warned', async () => {
    const dir = tmp();
    const t = write(dir, 'bk.csv', 'kanwil,year,target\nSulama,2024,3874403\n');
    const r = await run(['coverage', data(dir), '--by', 'kanwil', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(totalOf(r.stdout)['target'])).toBe(3_874_403);
    expect(r.stderr).toMatch(/reported only in part, against a target for the whole regional office: Sulawesi Maluku \(Sulama\) \(2 of 8 provinces\)/);
  });
});
