// A late office below the report's grain (a regency under its province, a province under its Kanwil),
// --expect kanwil:NAME by kanwil, and a month given both in the input and in --previous (review of a
// planner's year, defects A, B and C). Every test here but the regression guards failed on main at
// cc61ed7. The expected figures are computed by hand in the tests, never by the tool's functions.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const write = writeIn;
const rowOf = (text: string, level: string): Record<string, string> => csvRows(text).find((x) => x['level'] === level)!;

/** The bundled Gorontalo example (six regencies, May and June 2024) without Kota Gorontalo's June row. */
function gorontaloLate(dir: string): string {
  const lines = readFileSync('examples/2024-06/gorontalo.csv', 'utf8').split(/\r?\n/);
  return write(dir, 'glate.csv', lines.filter((l) => !l.startsWith('2024-06;Gorontalo;Kota Gorontalo')).join('\n'));
}

// The figures of examples/2024-06/gorontalo.csv, copied by hand (participants; potential workers).
const MAY_FIVE = 24_166 + 70_421 + 27_983 + 31_245 + 21_860; // without Kota Gorontalo (80,454): 175,675
const JUNE_FIVE = 24_410 + 71_650 + 28_001 + 31_990 + 21_702; // 177,753
const DEN_FIVE = 42_810 + 121_605 + 45_260 + 52_337 + 40_712; // 302,724 in both months

/**
 * Five Kalimantan provinces, January to June 2024, each growing by its own amount a month; Kalimantan
 * Utara's June row left out. `files`: one file a month, as a folder of monthly reports is.
 */
const KAL: readonly [string, number, number, number][] = [
  // province, employed, January participants, growth a month
  ['Kalimantan Barat', 2_780_000, 739_270, 10_000],
  ['Kalimantan Tengah', 1_349_880, 689_023, 3_000],
  ['Kalimantan Selatan', 2_128_454, 642_862, 8_000],
  ['Kalimantan Timur', 1_847_295, 1_325_233, 2_000],
  ['Kalimantan Utara', 372_270, 246_948, 1_000],
];
function kalimantan(dir: string, withoutInJune = 'Kalimantan Utara'): string {
  for (let m = 1; m <= 6; m++) {
    const rows = KAL.filter(([p]) => !(m === 6 && p === withoutInJune)).map(([p, e, jan, step]) => `2024-0${m},${p},${e},${jan + (m - 1) * step}`);
    write(dir, `2024-0${m}.csv`, ['period,province,employed,participants', ...rows].join('\n') + '\n');
  }
  write(dir, 'targets.csv', 'kanwil,year,target\nKalimantan,2024,4043587\n');
  return join(dir, '2024-0*.csv');
}

describe('A: a regency late under its province is named, and the change and pace are like for like', () => {
  it('Gorontalo without Kota Gorontalo in June: change +2,078 (not −78,376), +0.6864 pp, projected 190,221 (not 0)', async () => {
    const f = gorontaloLate(tmp());
    const r = await run(['coverage', f, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const change = JUNE_FIVE - MAY_FIVE; // 2,078
    expect(change).toBe(2_078);
    for (const level of ['detail', 'total']) {
      const x = rowOf(r.stdout, level);
      expect(Number(x['participants'])).toBe(JUNE_FIVE);
      expect(Number(x['change'])).toBe(change);
      // The same five regencies' denominators in both months: the points are the change over them.
      expect(Number(x['coverage_change_pp'])).toBeCloseTo((change / DEN_FIVE) * 100, 5); // 0.686434
      // May and June known: the pace is June − May, and December is 6 months on.
      expect(Number(x['pace'])).toBe(change);
      expect(Number(x['projected'])).toBe(JUNE_FIVE + 6 * change); // 190,221
    }
    // Named (also under --quiet), with the month it was last seen; no projection floored at 0.
    expect(r.stderr).toContain('warning: 2024-06 has no rows for Gorontalo / Kota Gorontalo (last seen 2024-05)');
    expect(r.stderr).toMatch(/like for like: the 5 parts \(province × regency\/city\) reported in both months; not reported now: Gorontalo \/ Kota Gorontalo/);
    expect(r.stderr).not.toMatch(/below zero/);
  });

  it('--expect province:Gorontalo: exit 3 naming Kota Gorontalo and the month it was last seen, nothing written', async () => {
    const dir = tmp();
    const f = gorontaloLate(dir);
    const out = join(dir, 'report.csv');
    const r = await run(['coverage', f, '--expect', 'province:Gorontalo', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Gorontalo / Kota Gorontalo (last seen 2024-05)');
    expect(r.stderr).toMatch(/did not report for 2024-06/);
    expect(existsSync(out)).toBe(false);
    const id = await run(['coverage', f, '--expect', 'province:Gorontalo', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('Gorontalo / Kota Gorontalo (terakhir 2024-05)');
  });

  it('every regency reported (regression guard: worked on main): no warning, the change is the whole province’s', async () => {
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--expect', 'province:Gorontalo', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const may = MAY_FIVE + 80_454;
    const june = JUNE_FIVE + 81_873;
    expect(Number(rowOf(r.stdout, 'total')['change'])).toBe(june - may);
    expect(r.stderr).not.toMatch(/like for like|has no rows for/);
  });

  it('by Kanwil, Kalimantan Utara late in June: change +23,000, pace +23,000, projected 3,649,388', async () => {
    const dir = tmp();
    const glob = kalimantan(dir);
    const r = await run(['coverage', glob, '--by', 'kanwil', '--targets', join(dir, 'targets.csv'), '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // The four provinces reported in June, by hand: June, May and March (the pace window's start).
    const june = 789_270 + 704_023 + 682_862 + 1_335_233; // 3,511,388
    const may = 779_270 + 701_023 + 674_862 + 1_333_233; // 3,488,388
    const march = 759_270 + 695_023 + 658_862 + 1_329_233; // 3,442,388
    const den = 2_780_000 + 1_349_880 + 2_128_454 + 1_847_295;
    for (const level of ['detail', 'total']) {
      const x = rowOf(r.stdout, level);
      expect(Number(x['participants'])).toBe(june);
      expect(Number(x['change'])).toBe(june - may); // +23,000, not −227,948
      expect(Number(x['coverage_change_pp'])).toBeCloseTo(((june - may) / den) * 100, 5);
      expect(Number(x['pace'])).toBe((june - march) / 3); // +23,000, not −59,983
      expect(Number(x['projected'])).toBe(june + 6 * ((june - march) / 3)); // 3,649,388, not 3,151,492
    }
    expect(r.stderr).toContain('2024-06 has no rows for Kalimantan / Kalimantan Utara (last seen 2024-05)');
  });

  it('by province (regression guard: worked on main): the Total change is like for like, --expect exits 3', async () => {
    const dir = tmp();
    const glob = kalimantan(dir);
    const r = await run(['coverage', glob, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(rowOf(r.stdout, 'total')['change'])).toBe(23_000);
    expect(r.stderr).toContain('2024-06 has no rows for Kalimantan Utara (last seen 2024-05)');
    const e = await run(['coverage', glob, '--expect', 'kanwil:Kalimantan']);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain('Kalimantan Utara (last seen 2024-05)');
  });

  it('a segment missing in June under its province (--by province): named, and the change is over the others', async () => {
    const dir = tmp();
    const may = write(dir, 'may.csv', 'period,province,segment,participants\n2024-05,Kalimantan Utara,PU,139000\n2024-05,Kalimantan Utara,BPU,61000\n2024-05,Kalimantan Utara,PMI,600\n');
    const june = write(dir, 'june.csv', 'period,province,segment,participants\n2024-06,Kalimantan Utara,PU,140000\n2024-06,Kalimantan Utara,BPU,61500\n');
    const r = await run(['coverage', june, '--previous', may, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(rowOf(r.stdout, 'total')['change'])).toBe(140_000 - 139_000 + (61_500 - 61_000)); // +1,500, not +900
    expect(r.stderr).toContain('2024-06 has no rows for Kalimantan Utara / PMI (last seen 2024-05)');
  });
});

describe('B: --expect kanwil:NAME by kanwil needs every province of the office', () => {
  it('Kalimantan Utara did not report in June: exit 3, named with the month it was last seen', async () => {
    const dir = tmp();
    const glob = kalimantan(dir);
    const out = join(dir, 'report.csv');
    const r = await run(['coverage', glob, '--by', 'kanwil', '--targets', join(dir, 'targets.csv'), '--expect', 'kanwil:Kalimantan', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 of the 5 expected province units did not report for 2024-06: Kalimantan Utara (last seen 2024-05)');
    expect(existsSync(out)).toBe(false);
  });

  it('a province of the office never in the input: exit 3, "not seen in the input"', async () => {
    const dir = tmp();
    const f = write(dir, 'four.csv', 'period,province,participants\n2024-06,Kalimantan Barat,789270\n2024-06,Kalimantan Tengah,704023\n2024-06,Kalimantan Selatan,682862\n2024-06,Kalimantan Timur,1335233\n');
    const r = await run(['coverage', f, '--by', 'kanwil', '--expect', 'kanwil:Kalimantan']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Kalimantan Utara (not seen in the input)');
    // All five: a job passes.
    const all = write(dir, 'five.csv', `${readFileSync(f, 'utf8')}2024-06,Kalimantan Utara,251948\n`);
    const ok = await run(['coverage', all, '--by', 'kanwil', '--expect', 'kanwil:Kalimantan', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(Number(rowOf(ok.stdout, 'total')['participants'])).toBe(789_270 + 704_023 + 682_862 + 1_335_233 + 251_948);
  });
});

describe('C: a month given both in the input and in --previous is refused', () => {
  const months = (dir: string): string => {
    write(dir, '2024-05.csv', 'period,province,employed,participants\n2024-05,Kalimantan Barat,2780000,779270\n2024-05,Kalimantan Tengah,1349880,701023\n');
    write(dir, '2024-06.csv', 'period,province,employed,participants\n2024-06,Kalimantan Barat,2780000,789270\n2024-06,Kalimantan Tengah,1349880,704023\n');
    return join(dir, '2024-0*.csv');
  };

  it('different figures: exit 3 naming both places, with a hint; nothing written', async () => {
    const dir = tmp();
    const glob = months(dir);
    const alt = write(tmp(), 'may-alt.csv', 'period,province,employed,participants\n2024-05,Kalimantan Barat,2780000,700000\n2024-05,Kalimantan Tengah,1349880,701023\n');
    const out = join(dir, 'report.csv');
    const r = await run(['coverage', glob, '--previous', alt, '--trend', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/error: 2024-05 is given twice: in the input \(.*2024-05\.csv:2\) and in --previous \(.*may-alt\.csv:2\)/);
    expect(r.stderr).toMatch(/hint: give each month once/);
    expect(existsSync(out)).toBe(false);
    const id = await run(['coverage', glob, '--previous', alt, '--lang', 'id']);
    expect(id.stderr).toMatch(/2024-05 diberikan dua kali/);
  });

  it('the same figures: refused too (each fact once), as the same month twice in the input is', async () => {
    const dir = tmp();
    const glob = months(dir);
    const copy = write(tmp(), 'may-copy.csv', readFileSync(join(dir, '2024-05.csv'), 'utf8'));
    const r = await run(['coverage', glob, '--previous', copy, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/2024-05 is given twice/);
    // Given once, from either place: the same change, +10,000 and +3,000.
    const once = await run(['coverage', join(dir, '2024-06.csv'), '--previous', copy, '-f', 'csv']);
    expect(once.code, once.stderr).toBe(0);
    expect(Number(rowOf(once.stdout, 'total')['change'])).toBe(10_000 + 3_000);
    const folder = await run(['coverage', glob, '-f', 'csv']);
    expect(Number(rowOf(folder.stdout, 'total')['change'])).toBe(10_000 + 3_000);
  });

  it('the files of --previous are listed in meta.inputs', async () => {
    const dir = tmp();
    months(dir);
    const r = await run(['coverage', join(dir, '2024-06.csv'), '--previous', join(dir, '2024-05.csv'), '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const names = (JSON.parse(r.stdout).meta.inputs as { name: string }[]).map((x) => x.name);
    expect(names.some((n) => n.endsWith('2024-06.csv'))).toBe(true);
    expect(names.some((n) => n.endsWith('2024-05.csv'))).toBe(true);
  });
});
