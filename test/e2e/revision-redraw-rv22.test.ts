// rv22: the stages of a multi-year path under target revisions. Expected figures by hand in the
// comments; the bundled baseline's 38 provinces have 41,145,132 participants in 2023-12.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// rv22 S9: 2025 revised from 60 M to 63 M from 2024-05 (a month inside 2024, whose 50 M stays).
const S9 = writeIn(dir, 'S9.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2025,60000000,\nplan,2025,63000000,2024-05\nplan,2026,70000000,\n');
// rv22 S5: 2026 revised from 70 M to 74 M from 2024-09 (2024 stays 50 M; 2025 becomes (50 M + 74 M) / 2 = 62 M).
const S5 = writeIn(dir, 'S5.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2026,70000000,\nplan,2026,74000000,2024-09\n');
// rv22 S4: 2026 revised from 70 M to 74 M from 2025-03.
const S4 = writeIn(dir, 'S4.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2026,70000000,\nplan,2026,74000000,2025-03\n');
const june = readFileSync('examples/sulama-2024/2024-06.csv', 'utf8');
const sep2024 = writeIn(dir, 'sulama-2024-09.csv', june.replace(/^2024-06/gm, '2024-09'));
const REVISED_2024 = 'examples/series-2024-revised.csv'; // plan,2024,52000000,2024-07; 2026 70 M
const aug2024 = writeIn(dir, 'sulama-2024-08.csv', june.replace(/^2024-06/gm, '2024-08'));

const months = async (series: string, year: number): Promise<Record<string, string>[]> => {
  const r = await run(['breakdown', '--series', series, '--year', String(year), '--months', '-q', '-f', 'csv']);
  expect(r.code, r.stderr).toBe(0);
  return csvRows(r.stdout);
};
const milestone = (rows: Record<string, string>[], period: string, province: string): number => Number(rows.find((x) => x.period === period && x.province === province)!.milestone);
/** Every row of 2024 (38 provinces and the total) whose milestone differs between two paths. */
const differing2024 = (a: Record<string, string>[], b: Record<string, string>[]): string[] => {
  const out: string[] = [];
  const other = new Map(b.filter((x) => x.period!.startsWith('2024-')).map((x) => [`${x.period} ${x.province}`, x.milestone]));
  for (const x of a.filter((y) => y.period!.startsWith('2024-'))) if (other.get(`${x.period} ${x.province}`) !== x.milestone) out.push(`${x.period} ${x.province}: ${x.milestone} vs ${other.get(`${x.period} ${x.province}`)}`);
  return out;
};

describe('rv22 G1: a stage whose first December on the way keeps its target leaves the months up to it as they were', () => {
  it('2025 revised from 2024-05: --year 2026 draws 2024 as --year 2024 does (national 2024-05 44,834,660, 2024-08 47,048,377)', async () => {
    const [y2024, y2026] = await Promise.all([months(S9, 2024), months(S9, 2026)]);
    expect(y2024.filter((x) => x.period!.startsWith('2024-'))).toHaveLength(12 * 39);
    // By hand: the 2024 target is 50,000,000 in every stage, so 2024 is the straight line from
    // 41,145,132: 2024-05 = 41,145,132 + round(8,854,868 × 5/12 = 3,689,528.33) = 44,834,660 (main:
    // 44,834,661, the line restarted at April's 44,096,755: + round(5,903,245 × 1/8 = 737,905.625));
    // 2024-08 = 41,145,132 + round(8,854,868 × 8/12 = 5,903,245.33) = 47,048,377 (main: 47,048,378).
    for (const rows of [y2024, y2026]) {
      expect(milestone(rows, '2024-05', 'Total')).toBe(44_834_660);
      expect(milestone(rows, '2024-08', 'Total')).toBe(47_048_377);
      expect(milestone(rows, '2024-12', 'Total')).toBe(50_000_000);
    }
    // From 2025 on, the revised 63,000,000 (in force from 2024-05): June 2025 50 M + 13 M × 6/12, then
    // June 2026 63 M + 7 M × 6/12.
    expect(milestone(y2026, '2025-06', 'Total')).toBe(56_500_000);
    expect(milestone(y2026, '2025-12', 'Total')).toBe(63_000_000);
    expect(milestone(y2026, '2026-06', 'Total')).toBe(66_500_000);
    // Every province too (main: 38 of 456 province-months and 2 national months differed by 1).
    expect(differing2024(y2026, y2024)).toEqual([]);
  });

  it('and --year 2025 the same; coverage in August 2024 gives the Sulama milestones of --year 2024 under --year 2026', async () => {
    const y2024 = await months(S9, 2024);
    expect(differing2024(await months(S9, 2025), y2024)).toEqual([]);
    const cov = async (year: number): Promise<Record<string, string>[]> => {
      const r = await run(['coverage', aug2024, '--series', S9, '--year', String(year), '-q', '-f', 'csv']);
      expect([0, 1], r.stderr).toContain(r.code);
      return csvRows(r.stdout);
    };
    const [c2024, c2026] = await Promise.all([cov(2024), cov(2026)]);
    // main: Sulawesi Tengah 622,996 vs 622,995, Gorontalo 277,982 vs 277,981.
    const m = (rows: Record<string, string>[]): string[] => rows.map((x) => `${x.province} ${x.milestone}`);
    expect(m(c2026)).toEqual(m(c2024));
    expect(m(c2024)).toContain(`Sulawesi Tengah ${milestone(y2024, '2024-08', 'Sulawesi Tengah')}`);
  });

  it('2026 revised from 2024-09 (S5): --year 2026 keeps the 2024 months of --year 2024, province by province, and redraws 2025 to 62,000,000', async () => {
    const [y2024, y2026] = await Promise.all([months(S5, 2024), months(S5, 2026)]);
    // By hand: 2024-09 = 41,145,132 + round(8,854,868 × 9/12 = 6,641,151) = 47,786,283; December 2024
    // 50,000,000 (2024 is not revised); 2025 (50 M + 74 M) / 2 = 62,000,000, June 2025 50 M + 12 M × 6/12.
    expect(milestone(y2026, '2024-09', 'Total')).toBe(47_786_283);
    expect(milestone(y2026, '2024-12', 'Total')).toBe(50_000_000);
    expect(milestone(y2026, '2025-06', 'Total')).toBe(56_000_000);
    expect(milestone(y2026, '2025-12', 'Total')).toBe(62_000_000);
    expect(milestone(y2026, '2026-12', 'Total')).toBe(74_000_000);
    // main: 30 of 456 province-months of 2024 differed by 1 (the stage restarted at 2024-08).
    expect(differing2024(y2026, y2024)).toEqual([]);
  });
});

describe('rv22 G2: --as-of picks the revised Decembers on the way of a --year 2026 path', () => {
  it('breakdown --year 2026 --months --as-of 2024-06 (README series) draws the plan as it stood in June 2024', async () => {
    const r = await run(['breakdown', '--series', REVISED_2024, '--year', '2026', '--months', '--as-of', '2024-06', '-f', 'csv']);
    // main: exit 2, "--as-of would have no effect: the 2026 target of … has no revision to pick".
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    // By hand, as of 2024-06 the 2024 revision (from 2024-07) is not in force: December 2024 50,000,000,
    // December 2025 (50 M + 70 M) / 2 = 60,000,000; September 2024 41,145,132 + round(8,854,868 × 9/12 =
    // 6,641,151) = 47,786,283 (with the revision, 48,786,283 and 52,000,000 / 61,000,000).
    expect(milestone(rows, '2024-09', 'Total')).toBe(47_786_283);
    expect(milestone(rows, '2024-12', 'Total')).toBe(50_000_000);
    expect(milestone(rows, '2025-12', 'Total')).toBe(60_000_000);
    expect(milestone(rows, '2026-12', 'Total')).toBe(70_000_000);
    expect(r.stderr).toContain("the path passes through the series' own Decembers (50,000,000 in 2024-12, 60,000,000 in 2025-12)");
  });

  it('without --months the 2026 split is the same as of any month: still refused, with the true reason', async () => {
    const r = await run(['breakdown', '--series', REVISED_2024, '--year', '2026', '--as-of', '2024-06', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of would have no effect');
    expect(r.stdout).toBe('');
  });

  it('coverage of September 2024 --year 2026 --as-of 2024-06: Sulawesi Utara at the milestone of --year 2024 --as-of 2024-06, at-risk', async () => {
    const cov = async (year: string): Promise<Record<string, string>> => {
      const r = await run(['coverage', sep2024, '--year', year, '--series', REVISED_2024, '--as-of', '2024-06', '-f', 'csv']);
      // main refused --year 2026 (exit 2) with "--as-of would have no effect".
      expect(r.code, r.stderr).toBe(0);
      return csvRows(r.stdout).find((x) => x.province === 'Sulawesi Utara')!;
    };
    const [a, b] = [await cov('2024'), await cov('2026')];
    // By hand: 578,610 + (637,236 − 578,610) × 9/12 = 622,579.5 (637,236: its 2024 target under the
    // original 50 M, breakdown --year 2024 --as-of 2024-06), apportioned within the national month: ±1.
    expect(Math.abs(Number(b.milestone) - 622_579.5)).toBeLessThanOrEqual(1);
    expect(b.milestone).toBe(a.milestone);
    // 592,497 ≥ 0.95 × 622,579.5 = 591,450.5: at-risk (as of September, 629,200.5: behind).
    expect([a.status, b.status]).toEqual(['at-risk', 'at-risk']);
  });
});

describe('rv22 G3: the waypoints note names the --as-of its figures are as of', () => {
  it('--year 2026 --as-of 2025-02 (S4): "breakdown --year 2025 --as-of 2025-02", which gives the path\'s December 2025, province by province', async () => {
    const r = await run(['breakdown', '--series', S4, '--year', '2026', '--months', '--as-of', '2025-02', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: as of 2025-02 the 2026 revision (from 2025-03) is not in force, so 2025 = (50 M + 70 M) / 2
    // = 60,000,000 on the path; breakdown --year 2025 alone takes it: (50 M + 74 M) / 2 = 62,000,000.
    // 2024 has no revision: its command needs no --as-of.
    expect(r.stderr).toContain("Decembers (50,000,000 in 2024-12, 60,000,000 in 2025-12), each unit through its target of that year's breakdown under the same rule (breakdown --year 2024, --year 2025 --as-of 2025-02)");
    const path = csvRows(r.stdout);
    expect(milestone(path, '2025-12', 'Total')).toBe(60_000_000);
    const named = await run(['breakdown', '--series', S4, '--year', '2025', '--as-of', '2025-02', '-q', '-f', 'csv']);
    const plain = await run(['breakdown', '--series', S4, '--year', '2025', '-q', '-f', 'csv']);
    const targets = (out: string): Map<string, string> => new Map(csvRows(out).map((x) => [x.province!, x.target!]));
    const [a, b] = [targets(named.stdout), targets(plain.stdout)];
    expect(a.get('Total')).toBe('60000000');
    expect(b.get('Total')).toBe('62000000');
    // main named the plain command: Gorontalo 333,331 where the path passes 325,927.
    for (const x of path.filter((y) => y.period === '2025-12')) expect(a.get(x.province!), x.province).toBe(x.milestone);
  });

  it('coverage of June 2024 under --year 2026 (README series) names --as-of 2024-06 for 2024 and 2025, in both languages', async () => {
    const juneFile = writeIn(dir, 'sulama-2024-06.csv', june);
    const r = await run(['coverage', juneFile, '--year', '2026', '--series', REVISED_2024, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // As of June 2024 the 2024 revision (from 2024-07) is not in force: 50,000,000 and (50 M + 70 M) / 2 =
    // 60,000,000, where breakdown --year 2024 gives 52,000,000 and --year 2025 (52 M + 70 M) / 2 = 61,000,000.
    expect(r.stderr).toContain('(50,000,000 in 2024-12, 60,000,000 in 2025-12)');
    expect(r.stderr).toContain('(breakdown --year 2024 --as-of 2024-06, --year 2025 --as-of 2024-06)');
    const id = await run(['coverage', juneFile, '--year', '2026', '--series', REVISED_2024, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('(breakdown --year 2024 --as-of 2024-06, --year 2025 --as-of 2024-06)');
  });
});
