// rv18 F6: a revision (in force from 2025-10) that lowers 2025 (65 M → 61.5 M) and raises 2026 (70 M →
// 75 M). Under a rule whose unit split is not proportional to the total, a province's December 2025
// target of the 61.5 M plan lies below its 2025-09 milestone on the first stage (Riau's 1,159,653 under
// --mode level --basis workforce --max-coverage 0.5), so the revision's path cannot pass each unit
// through it: it runs through the national total alone, as on 183975e, and the note says so. Main
// refused breakdown (exit 3, blaming the revised target) and drew coverage's milestones evenly under a
// note that said they passed through 61.5 M. Expected totals by hand below.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const series = writeIn(dir, 'ser3.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2025,65000000,\nplan,2025,61500000,2025-10\nplan,2026,70000000,\nplan,2026,75000000,2025-10\n');
// Stage 1 (the plan in force to 2025-09): 50,000,000 in 2024-12 to 65,000,000 in 2025-12, evenly:
// 2025-09 at 50 M + 15 M × 9/12 = 61,250,000. The revision from there through 61,500,000 in 2025-12:
// 2025-10 61,250,000 + 250,000/3 = 61,333,333; 2025-11 + 250,000 × 2/3 = 61,416,667 (rounded); then
// to 75,000,000 in 2026-12.
const TOTALS: Record<string, number> = { '2024-12': 50000000, '2025-09': 61250000, '2025-10': 61333333, '2025-11': 61416667, '2025-12': 61500000, '2026-12': 75000000 };
const FALSE_CLAIM = "each unit through its target of that year's breakdown under the same rule (breakdown --year 2024, --year 2025)";

describe('rv18 F6: breakdown --months of a revision that lowers a year on the way', () => {
  for (const rule of [['--mode', 'level'], ['--mode', 'level', '--basis', 'workforce', '--max-coverage', '0.5'], ['--mode', 'level', '--basis', 'equal'], ['--basis', 'equal']]) {
    it(`${rule.join(' ')}: exit 0, the national path through 61,250,000 and 61,500,000, every unit non-decreasing`, async () => {
      const r = await run(['breakdown', '--year', '2026', '--months', '--series', series, ...rule, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      const rows = csvRows(r.stdout).filter((x) => x.level === 'detail');
      const sum = (p: string): number => rows.filter((x) => x.period === p).reduce((a, x) => a + Number(x.milestone), 0);
      for (const [p, v] of Object.entries(TOTALS)) expect(sum(p), p).toBe(v);
      const byUnit = new Map<string, number[]>();
      for (const x of rows) byUnit.set(x.province!, [...(byUnit.get(x.province!) ?? []), Number(x.milestone)]);
      expect(byUnit.size).toBe(38);
      for (const [u, v] of byUnit) for (let k = 1; k < v.length; k++) expect(v[k]! >= v[k - 1]!, `${u} month ${k}`).toBe(true);
      expect(r.stderr).not.toContain(FALSE_CLAIM);
      expect(r.stderr).toContain("each unit passes through its target of that year's breakdown under the same rule in 2024-12 (breakdown --year 2024), but in 2025-12 only the total does");
    });
  }
});

describe('rv18 F6: coverage --year 2026 with the same series, in 2025-11', () => {
  const rule = ['--mode', 'level', '--basis', 'workforce', '--max-coverage', '0.5'];
  // The 38 provinces of the bundled baseline, 1,000 participants more each.
  const base = readFileSync('data/baseline.csv', 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
  const data = writeIn(dir, 'reg2511.csv', 'period,province,participants\n' + base.map((c) => `2025-11,${c[2]},${Number(c[6]) + 1000}`).join('\n') + '\n');

  it('the Total milestone is on the revision path (61,416,667), as breakdown draws it, and no note contradicts it', async () => {
    const r = await run(['coverage', data, '--year', '2026', '--series', series, ...rule, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.find((x) => x.level === 'total')!.milestone).toBe(String(TOTALS['2025-11']));
    expect(r.stderr).not.toContain('run evenly');
    expect(r.stderr).not.toContain(FALSE_CLAIM);
    expect(r.stderr).toContain('but in 2025-12 only the total does');
    // Each province's milestone is breakdown --months' of 2025-11.
    const b = await run(['breakdown', '--year', '2026', '--months', '--series', series, ...rule, '-f', 'csv']);
    const nov = new Map(csvRows(b.stdout).filter((x) => x.period === '2025-11' && x.level === 'detail').map((x) => [x.province!, x.milestone!]));
    const details = rows.filter((x) => x.level === 'detail');
    expect(details.length).toBe(38);
    for (const x of details) expect(x.milestone, x.province).toBe(nov.get(x.province!));
  });

  it('a path that cannot be drawn (targets below today under --min none): the even line is warned, and no note says the path passes through the Decembers', async () => {
    const r = await run(['coverage', data, '--year', '2026', '--min', 'none', '--mode', 'level', '--basis', 'equal', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the milestones run evenly from 2023-12 to December 2026');
    expect(r.stderr).not.toContain("passes through the series' own Decembers");
  });

  it('in Indonesian too', async () => {
    const r = await run(['coverage', data, '--year', '2026', '--series', series, ...rule, '-f', 'csv', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('tetapi pada 2025-12 hanya totalnya');
    expect(r.stderr).not.toContain('berjalan rata');
  });
});
