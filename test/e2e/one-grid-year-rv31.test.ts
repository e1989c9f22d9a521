// rv31 V7: coverage --year planned every report per province (× segment) and added the cells up, while
// breakdown --year plans on the grid of its --by: `breakdown --year 2026 --by kanwil,segment` handed Sulama
// PU 3,210,192 and the monthly `coverage --year 2026 --by kanwil,segment` compared with 3,185,569 (by kanwil
// 5,567,656 vs 5,567,655; Sulawesi Selatan in kanwil,province 2,054,682 vs 2,054,681). Now coverage --year
// plans on breakdown --by's grid for the same --by: the targets and the milestones are breakdown's, row
// for row. --by segment of whole Kanwils takes their rows of breakdown --by kanwil,segment (the lead,
// after fx47: its first version summed the provinces' cells, PU 3,185,569 again); of a Kanwil in part,
// the province × segment cells of its provinces; the targets' source says which. Failed on main at 5ba02b9.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// Sulama's June 2026 by province × segment (the office's file; no kanwil column: derived).
const SULAMA = [
  ['Sulawesi Utara', 355498, 177749, 47400, 11850],
  ['Sulawesi Tengah', 356838, 178419, 47578, 11895],
  ['Sulawesi Selatan', 645182, 322591, 86024, 21507],
  ['Sulawesi Tenggara', 200821, 100410, 26776, 6694],
  ['Gorontalo', 155983, 77991, 20798, 5199],
  ['Sulawesi Barat', 42726, 21363, 5697, 1424],
  ['Maluku', 93056, 46528, 12408, 3102],
  ['Maluku Utara', 108823, 54412, 14510, 3627],
] as const;
const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
const file = (): string => {
  const lines = ['period,province,segment,participants'];
  for (const [p, ...v] of SULAMA) SEGMENTS.forEach((s, i) => lines.push(`2026-06,${p},${s},${v[i]}`));
  return writeIn(tmp(), 'sulama-seg-2026-06.csv', `${lines.join('\n')}\n`);
};
const PROVINCES = new Set<string>(SULAMA.map((r) => r[0]));
const SULAMA_KANWIL = 'Sulawesi Maluku (Sulama)';

/** The detail rows' target and milestone by their keys (a label per key column of the grain). */
const detailOf = (text: string): Record<string, string>[] => csvRows(text).filter((r) => r['level'] === 'detail');
const byKeys = (rows: Record<string, string>[], keys: readonly string[], value: string): Map<string, string> => new Map(rows.map((r) => [keys.map((k) => r[k]).join('|'), r[value]!]));
/** Breakdown's rows for Sulama's areas (its plan is national). */
const ours = (m: Map<string, string>, keys: readonly string[]): Map<string, string> =>
  new Map([...m].filter(([k]) => k.split('|').every((x, i) => (keys[i] === 'province' ? PROVINCES.has(x) : keys[i] === 'kanwil' ? x === SULAMA_KANWIL : true))));

describe('coverage --year plans on breakdown --by\'s grid (rv31 V7)', () => {
  const input = file();
  for (const by of ['kanwil', 'kanwil,segment', 'kanwil,province', 'province', 'province,segment', 'segment,kanwil']) {
    it(`--by ${by}: the targets are breakdown --year 2026 --by ${by}'s, row for row`, async () => {
      const keys = by.split(',');
      const cov = await run(['coverage', input, '--by', by, '--year', '2026', '-f', 'csv']);
      expect(cov.code, cov.stderr).toBe(0);
      const bd = await run(['breakdown', '--year', '2026', '--by', by, '-f', 'csv']);
      expect(bd.code, bd.stderr).toBe(0);
      const mine = byKeys(detailOf(cov.stdout), keys, 'target');
      expect(mine.size).toBe((keys.includes('segment') ? 4 : 1) * (keys.includes('province') ? 8 : 1));
      expect(mine).toEqual(ours(byKeys(detailOf(bd.stdout), keys, 'target'), keys));
    });
  }
  it('--by kanwil,segment: the June milestones are breakdown --months\' (PU 2,956,232, not 2,935,877)', async () => {
    const keys = ['kanwil', 'segment'];
    const cov = await run(['coverage', input, '--by', 'kanwil,segment', '--year', '2026', '-f', 'csv']);
    const months = await run(['breakdown', '--year', '2026', '--by', 'kanwil,segment', '--months', '-f', 'csv']);
    expect(months.code, months.stderr).toBe(0);
    const june = detailOf(months.stdout).filter((r) => r['period'] === '2026-06');
    const mine = byKeys(detailOf(cov.stdout), keys, 'milestone');
    expect(mine).toEqual(ours(byKeys(june, keys, 'milestone'), keys));
    expect(mine.get(`${SULAMA_KANWIL}|PU`)).toBe('2956232');
  });
  it('by hand: Sulama by kanwil 5,567,656, the Kanwil\'s own share of the national increase', async () => {
    // Gap mode on the bundled baseline by Kanwil: DKI Jakarta held (weight 0); Sulama's uncovered
    // 11,710,085 − 3,124,726 = 8,585,359 of the 101,406,671 the others' weights add up to, the increase
    // 70,000,000 − 41,145,132 = 28,854,868: 28,854,868 × 8,585,359 / 101,406,671 = 2,442,930.02 → 2,442,930;
    // 3,124,726 + 2,442,930 = 5,567,656 (the province plan added up gave 5,567,655).
    const cov = await run(['coverage', input, '--by', 'kanwil', '--year', '2026', '-f', 'csv']);
    expect(cov.code, cov.stderr).toBe(0);
    expect(byKeys(detailOf(cov.stdout), ['kanwil'], 'target').get(SULAMA_KANWIL)).toBe('5567656');
    // kanwil,segment: PU 3,210,192 (breakdown's), not 3,185,569.
    const seg = await run(['coverage', input, '--by', 'kanwil,segment', '--year', '2026', '-f', 'csv']);
    expect(byKeys(detailOf(seg.stdout), ['kanwil', 'segment'], 'target').get(`${SULAMA_KANWIL}|PU`)).toBe('3210192');
  });
  it('a Kanwil reported in part (Gorontalo and Maluku): its provinces\' targets (breakdown --by province\'s), with a warning', async () => {
    const two = writeIn(tmp(), 'two.csv', 'period,province,participants\n2026-06,Gorontalo,259971\n2026-06,Maluku,155094\n');
    const cov = await run(['coverage', two, '--by', 'kanwil', '--year', '2026', '-f', 'csv']);
    expect(cov.code, cov.stderr).toBe(0);
    const bd = await run(['breakdown', '--year', '2026', '-f', 'csv']);
    const t = byKeys(detailOf(bd.stdout), ['province'], 'target');
    expect(Number(byKeys(detailOf(cov.stdout), ['kanwil'], 'target').get(SULAMA_KANWIL))).toBe(Number(t.get('Gorontalo')) + Number(t.get('Maluku')));
    expect(cov.stderr).toContain("warning: --year: the report has only part of Sulawesi Maluku (Sulama) (2 of 8 provinces): its targets are breakdown --year --by province's for the provinces reported, added up (like for like), not breakdown --by kanwil's figures for the whole regional office");
  });
  it('--by segment of a whole Kanwil: the Kanwil\'s row of breakdown --by kanwil,segment (PU 3,210,192, June milestone 2,956,232), as its office was handed', async () => {
    const cov = await run(['coverage', input, '--by', 'segment', '--year', '2026', '-f', 'json']);
    expect(cov.code, cov.stderr).toBe(0);
    const json = JSON.parse(cov.stdout) as { meta: { targets: string }; rows: { segment: string; target: number; milestone: number; level: string }[] };
    expect(json.meta.targets).toMatch(/^breakdown --year 2026 --by kanwil,segment /);
    const bd = await run(['breakdown', '--year', '2026', '--by', 'kanwil,segment', '-f', 'csv']);
    const ofSulama = new Map(detailOf(bd.stdout).filter((r) => r['kanwil'] === SULAMA_KANWIL).map((r) => [r['segment']!, Number(r['target'])]));
    expect(new Map(json.rows.filter((r) => r.level === 'detail').map((r) => [r.segment, r.target]))).toEqual(ofSulama);
    expect(json.rows.find((r) => r.segment === 'PU')).toMatchObject({ target: 3210192, milestone: 2956232 });
  });

  it('--by segment of a Kanwil in part (Gorontalo and Maluku): the province × segment cells of its provinces', async () => {
    const two = writeIn(tmp(), 'two.csv', `period,province,segment,participants\n${SULAMA.filter((r) => r[0] === 'Gorontalo' || r[0] === 'Maluku').flatMap(([p, ...v]) => SEGMENTS.map((s, i) => `2026-06,${p},${s},${v[i]}`)).join('\n')}\n`);
    const cov = await run(['coverage', two, '--by', 'segment', '--year', '2026', '-f', 'json']);
    expect(cov.code, cov.stderr).toBe(0);
    const json = JSON.parse(cov.stdout) as { meta: { targets: string }; rows: { segment: string; target: number; level: string }[] };
    expect(json.meta.targets).toMatch(/^breakdown --year 2026 --by province,segment /);
    const bd = await run(['breakdown', '--year', '2026', '--by', 'province,segment', '-f', 'csv']);
    const sums = new Map<string, number>();
    for (const r of csvRows(bd.stdout)) if (r['level'] === 'detail' && (r['province'] === 'Gorontalo' || r['province'] === 'Maluku')) sums.set(r['segment']!, (sums.get(r['segment']!) ?? 0) + Number(r['target']));
    expect(new Map(json.rows.filter((r) => r.level === 'detail').map((r) => [r.segment, r.target]))).toEqual(sums);
  });
});
