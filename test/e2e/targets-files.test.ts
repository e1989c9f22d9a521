// How targets files are read (review of a planner's year, helper fx2): targets per Kanwil on a report by
// province, every breakdown output read back from xlsx in both languages, a month-by-month file of a
// revised series, and the baseline month of a month-by-month file. Every test here failed on main at
// cc61ed7. The figures are computed by hand from the inputs below.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

// The five Kalimantan provinces: employed, participants in 2023-12 (the bundled baseline's) and a fixed
// gain a month.
const KAL = [
  { name: 'Kalimantan Barat', code: '61', employed: 2_780_000, base: 729_270, gain: 10_000 },
  { name: 'Kalimantan Tengah', code: '62', employed: 1_349_880, base: 686_023, gain: 3_000 },
  { name: 'Kalimantan Selatan', code: '63', employed: 2_128_454, base: 634_862, gain: 8_000 },
  { name: 'Kalimantan Timur', code: '64', employed: 1_847_295, base: 1_323_233, gain: 2_000 },
  { name: 'Kalimantan Utara', code: '65', employed: 372_270, base: 245_948, gain: 1_000 },
];
const month = (m: number): string => `2024-${String(m).padStart(2, '0')}`;
const participants = (p: (typeof KAL)[number], m: number): number => p.base + p.gain * m;

/** One file per month, January to `last`, of the provinces kept (in `dir/kal/`). */
function kalimantan(last: number, keep: (p: (typeof KAL)[number]) => boolean = () => true): string {
  const dir = tmp();
  mkdirSync(join(dir, 'kal'));
  for (let m = 1; m <= last; m++) {
    const lines = ['period,province,employed,participants', ...KAL.filter(keep).map((p) => `${month(m)},${p.name},${p.employed},${participants(p, m)}`)];
    writeFileSync(join(dir, 'kal', `${month(m)}.csv`), lines.join('\n') + '\n');
  }
  return dir;
}
// The monthly files as the pattern a planner types in their folder (kal/*.csv, run there: the `dir` of
// runIn). An absolute pattern under the system's temporary folder costs the glob a listing of that whole
// folder on every run (tinyglobby crawls from the common root of the working folder and the pattern):
// 0.1 s a run on a machine whose /tmp holds 12,000 entries.
const inputs = (_dir: string): string => join('kal', '*.csv');
const runIn = (dir: string, args: string[]): ReturnType<typeof run> => run(args, { cwd: dir });
const rowsOf = (text: string): Record<string, string>[] => csvRows(text);
const totalOf = (text: string): Record<string, string> => rowsOf(text).find((r) => r['level'] === 'total')!;
const rowOf = (text: string, name: string): Record<string, string> => rowsOf(text).find((r) => r['province'] === name)!;
const write = writeIn;
const SERIES = join(ROOT, 'examples', 'series-2024-revised.csv');

describe('targets per Kanwil on a report by province', () => {
  // Kalimantan's 2024 target; Sumbagut's is another Kanwil's, which this report must leave out.
  const kanwilTargets = (dir: string): string => write(dir, 'tkan.csv', 'kanwil,year,target\nKalimantan,2024,4043587\nSumbagut,2024,3283485\n');
  // The five provinces in June: 3,619,336 in 2023-12 + 6 × 24,000 = 3,763,336.
  const june = KAL.reduce((a, p) => a + participants(p, 6), 0);

  it('the Total compares the Kalimantan target, not the sum of every Kanwil of the file', async () => {
    const dir = kalimantan(6);
    const r = await runIn(dir, ['coverage', inputs(dir), '--targets', kanwilTargets(dir), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const t = totalOf(r.stdout);
    expect(june).toBe(3_763_336);
    expect(Number(t['target'])).toBe(4_043_587);
    expect(Number(t['gap'])).toBe(4_043_587 - june); // 280,251
    expect(Number(t['achievement'])).toBeCloseTo(june / 4_043_587, 6); // 0.930692
    expect(Number(t['run_rate'])).toBe(Math.ceil((4_043_587 - june) / 6)); // 46,709
    // No province row has a target of its own; the warning names the targets' grain.
    expect(rowsOf(r.stdout).filter((x) => x['level'] === 'detail' && x['target'] !== '')).toEqual([]);
    expect(r.stderr).toMatch(/targets are given per regional office[^\n]*--by kanwil shows each/);
    expect(r.stderr).not.toMatch(/given per :|--by {2}/);
    // The same with --expect kanwil:Kalimantan.
    const e = await runIn(dir, ['coverage', inputs(dir), '--targets', kanwilTargets(dir), '--expect', 'kanwil:Kalimantan', '-f', 'csv']);
    expect(e.code, e.stderr).toBe(0);
    expect(Number(totalOf(e.stdout)['target'])).toBe(4_043_587);
  });

  it('with participants and a baseline month in the targets: the milestone and status of the Kanwil path', async () => {
    const dir = kalimantan(6);
    // 3,619,335 in 2023-12 to 4,043,587: an increase of 424,252, half of it by June = 212,126.
    const f = write(dir, 'tkan.csv', 'kanwil,period,year,participants,target\nKalimantan,2023-12,2024,3619335,4043587\nSumbagut,2023-12,2024,2640884,3283485\n');
    const r = await runIn(dir, ['coverage', inputs(dir), '--targets', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const t = totalOf(r.stdout);
    const milestone = 3_619_335 + 424_252 / 2;
    expect(Number(t['milestone'])).toBe(milestone); // 3,831,461
    // Below the milestone by 68,125, within 5 % of it: at risk.
    expect(june < milestone && june >= milestone * 0.95).toBe(true);
    expect(t['status']).toBe('at-risk');
    // The tool's own breakdown by Kanwil gives the same Total as its Kalimantan row.
    const kan = join(dir, 'kan.csv');
    expect((await run(['breakdown', '--year', '2024', '--by', 'kanwil', '-o', kan])).code).toBe(0);
    const kalRow = rowsOf(readFileSync(kan, 'utf8')).find((x) => x['kanwil'] === 'Kalimantan')!;
    const b = await runIn(dir, ['coverage', inputs(dir), '--targets', kan, '-f', 'csv']);
    expect(b.code, b.stderr).toBe(0);
    expect(totalOf(b.stdout)['target']).toBe(kalRow['target']);
    expect(Number(totalOf(b.stdout)['target'])).not.toBe(50_000_000);
  });

  it('a Kanwil reported in part is compared with its whole target, and warned', async () => {
    const dir = kalimantan(6, (p) => p.name !== 'Kalimantan Utara');
    const r = await runIn(dir, ['coverage', inputs(dir), '--targets', kanwilTargets(dir), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(totalOf(r.stdout)['target'])).toBe(4_043_587);
    expect(r.stderr).toMatch(/warning: reported only in part, against a target for the whole regional office[^\n]*: Kalimantan \(4 of 5 provinces\)/);
  });

  it('targets per province on a report by regency: the province of the regencies only', async () => {
    const dir = tmp();
    const f = write(dir, 't.csv', 'province,year,target\nGorontalo,2024,300000\nAceh,2024,700000\n');
    const r = await run(['coverage', join(ROOT, 'examples', 'gorontalo-regencies.csv'), '--by', 'regency', '--targets', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(totalOf(r.stdout)['target'])).toBe(300_000);
    expect(r.stderr).toMatch(/targets are given per province: a report by regency/);
  });
});

describe("every breakdown output reads back from the tool's own xlsx, in English and Indonesian", () => {
  const variants: { name: string; breakdown: string[]; coverage: (dir: string) => string[] }[] = [
    { name: 'plain', breakdown: ['--year', '2024'], coverage: (d) => [inputs(d), '--period', '2024-08'] },
    { name: 'months', breakdown: ['--year', '2024', '--months'], coverage: (d) => [inputs(d), '--period', '2024-08'] },
    { name: 'revised', breakdown: ['--series', SERIES, '--year', '2024'], coverage: (d) => [inputs(d), '--period', '2024-08'] },
    { name: 'revised-months', breakdown: ['--series', SERIES, '--year', '2024', '--months'], coverage: (d) => [inputs(d), '--period', '2024-05'] },
    { name: 'kanwil', breakdown: ['--year', '2024', '--by', 'kanwil'], coverage: (d) => [inputs(d), '--period', '2024-08', '--by', 'kanwil'] },
    { name: 'province-segment', breakdown: ['--year', '2024', '--by', 'province,segment'], coverage: (d) => [join(d, 'seg.csv'), '--by', 'province,segment'] },
  ];
  for (const v of variants) {
    it(`${v.name}: the same report as from its csv`, async () => {
      const dir = kalimantan(8);
      write(dir, 'seg.csv', 'period,province,employed,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n2024-06,Kalimantan Utara,372270,251000,140000,61000,49400,600\n2024-06,Kalimantan Timur,1847295,1335000,884000,214500,233660,2840\n');
      const csv = join(dir, `${v.name}.csv`);
      expect((await run(['breakdown', ...v.breakdown, '-o', csv])).code).toBe(0);
      const want = await runIn(dir, ['coverage', ...v.coverage(dir), '--targets', csv, '-f', 'csv']);
      expect(want.code, want.stderr).toBe(0);
      expect(rowsOf(want.stdout).some((x) => x['target'] !== '')).toBe(true);
      for (const lang of ['en', 'id']) {
        const xlsx = join(dir, `${v.name}.${lang}.xlsx`);
        expect((await run(['breakdown', ...v.breakdown, '--lang', lang, '-o', xlsx])).code).toBe(0);
        const got = await runIn(dir, ['coverage', ...v.coverage(dir), '--targets', xlsx, '-f', 'csv']);
        expect(got.code, `${lang}: ${got.stderr}`).toBe(0);
        expect(got.stdout, lang).toBe(want.stdout);
        // The workbook's own notes: its sheet read (of two or three, rv13 F6), and its total row placed at its cell
        // (breakdown!Q40) where the CSV's is at its line (:40); the rest is the same.
        expect(got.stderr, lang).toMatch(new RegExp(`^note: ${xlsx.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: read sheet "(breakdown|milestones)" \\(of [23]\\); choose another with --sheet$`, 'm'));
        const same = (text: string): string => text.split('\n').filter((l) => !/^note: \S+: read sheet |^note: total rows left out /.test(l)).join('\n');
        // Its total rows agree with its rows: not said (a note on every run of a plan read back hid the others).
        expect(got.stderr + want.stderr).not.toMatch(/^note: total rows left out /m);
        // A revision's note names the file without its digest (rv26 F4).
        expect(same(got.stderr).replace(/\S+\.xlsx \(sha256 \w+…\)/g, 'FILE').replaceAll(xlsx, 'FILE'), lang).toBe(same(want.stderr).replace(/\S+\.csv \(sha256 \w+…\)/g, 'FILE').replaceAll(csv, 'FILE'));
      }
    });
  }

  it('a revised breakdown in xlsx keeps its milestone before revision: August is on the revised path', async () => {
    const dir = kalimantan(8);
    const csv = join(dir, 'rev.csv');
    expect((await run(['breakdown', '--series', SERIES, '--year', '2024', '-o', csv])).code).toBe(0);
    const plan = rowsOf(readFileSync(csv, 'utf8')).find((x) => x['province'] === 'Kalimantan Barat')!;
    for (const lang of ['en', 'id']) {
      const xlsx = join(dir, `rev.${lang}.xlsx`);
      expect((await run(['breakdown', '--series', SERIES, '--year', '2024', '--lang', lang, '-o', xlsx])).code).toBe(0);
      const r = await runIn(dir, ['coverage', inputs(dir), '--period', '2024-08', '--targets', xlsx, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      // From June's 818,806 to 948,786 over July–December: two sixths of 129,980 by August.
      const start = Number(plan['from_milestone']);
      const target = Number(plan['target']);
      expect([start, target]).toEqual([818_806, 948_786]);
      const barat = rowOf(r.stdout, 'Kalimantan Barat');
      expect(Number(barat['milestone'])).toBe(Math.round(start + ((target - start) * 2) / 6)); // 862,133
      expect(r.stderr).not.toMatch(/no milestone/);
    }
  });
});

describe('a breakdown --months file of a revised series', () => {
  it('compares May with the original target and August with the revision', async () => {
    const dir = kalimantan(8);
    const months = join(dir, 'revm.csv');
    const plain = join(dir, 'plain.csv');
    expect((await run(['breakdown', '--series', SERIES, '--year', '2024', '--months', '-o', months])).code).toBe(0);
    expect((await run(['breakdown', '--year', '2024', '-o', plain])).code).toBe(0);
    const file = rowsOf(readFileSync(months, 'utf8')).filter((x) => x['province'] === 'Kalimantan Barat');
    // The file says which target is in force each month.
    expect(file.map((x) => [x['period'], x['from'], x['target']])).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((m) => [month(m), '', '908341']),
      ...[7, 8, 9, 10, 11, 12].map((m) => [month(m), '2024-07', '948786']),
    ]);
    const original = Number(rowsOf(readFileSync(plain, 'utf8')).find((x) => x['province'] === 'Kalimantan Barat')!['target']);
    expect(original).toBe(908_341);

    const may = await runIn(dir, ['coverage', inputs(dir), '--period', '2024-05', '--targets', months, '-f', 'csv']);
    expect(may.code, may.stderr).toBe(0);
    const b = rowOf(may.stdout, 'Kalimantan Barat');
    const p = 729_270 + 5 * 10_000; // 779,270
    expect(Number(b['target'])).toBe(908_341);
    expect(Number(b['gap'])).toBe(908_341 - p); // 129,071
    expect(Number(b['achievement'])).toBeCloseTo(p / 908_341, 6); // 0.857905
    expect(Number(b['run_rate'])).toBe(Math.ceil((908_341 - p) / 7)); // 18,439

    const aug = await runIn(dir, ['coverage', inputs(dir), '--period', '2024-08', '--targets', months, '-f', 'json']);
    expect(aug.code, aug.stderr).toBe(0);
    const j = JSON.parse(aug.stdout);
    expect(j.meta.revision).toMatchObject({ from: '2024-07', total: 52_000_000, before: 50_000_000 });
    expect(j.rows.find((x: Record<string, unknown>) => x['province'] === 'Kalimantan Barat').target).toBe(948_786);

    // --as-of that picks the revision for May: the file has no May on the revised path; refused.
    const asOf = await runIn(dir, ['coverage', inputs(dir), '--period', '2024-05', '--as-of', '2024-07', '--targets', months, '-f', 'csv']);
    expect(asOf.code).toBe(3);
    expect(asOf.stderr).toMatch(/gives 2024-05 under the original target; --as-of 2024-07 asks for the revision from 2024-07/);
    expect(asOf.stdout).toBe('');
  });
});

describe('the baseline month of a month-by-month targets file', () => {
  it('is the month before its first month (its baseline column), in meta and in html', async () => {
    const dir = kalimantan(6);
    const months = join(dir, 'months.csv');
    expect((await run(['breakdown', '--year', '2024', '--months', '-o', months])).code).toBe(0);
    const json = join(dir, 'o.json');
    const html = join(dir, 'o.html');
    const r = await runIn(dir, ['coverage', inputs(dir), '--targets', months, '-o', json, '-o', html]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).meta.targetsBaselinePeriod).toBe('2023-12');
    expect(readFileSync(html, 'utf8')).toMatch(/baseline month of the targets<\/dt><dd[^>]*>2023-12</);
  });
});
