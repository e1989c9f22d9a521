// rv20: target revisions (a --series file's `from` column) and the Decembers a multi-year path passes
// through. Expected figures by hand in the comments; the bundled baseline's Sulawesi Utara has 578,610
// participants in 2023-12, the 38 provinces 41,145,132.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const REVISED_2024 = 'examples/series-2024-revised.csv'; // plan,2024,52000000,2024-07
// rv20's revd.csv: 2026 revised down from 70 M to 65.2 M from 2026-07; and an upward one, 72 M.
const down = writeIn(dir, 'revd.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2026,70000000,\nplan,2026,65200000,2026-07\n');
const up = writeIn(dir, 'rev.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2026,70000000,\nplan,2026,72000000,2026-07\n');
const june = readFileSync('examples/sulama-2024/2024-06.csv', 'utf8');
const sep2024 = writeIn(dir, 'sulama-2024-09.csv', june.replace(/^2024-06/gm, '2024-09'));
const dec2025 = writeIn(dir, 'sulama-2025-12.csv', june.replace(/^2024-06/gm, '2025-12'));
const detail = (rows: Record<string, string>[], period: string, province: string): Record<string, string> => rows.find((x) => x.period === period && x.province === province)!;

describe('rv20 F1: a multi-year path takes the revision of a December on the way', () => {
  // The 2026 path under the 2024 revision, run once for the two tests below.
  let path2026: Promise<Awaited<ReturnType<typeof run>>> | undefined;
  const the2026Path = async (): Promise<{ r: Awaited<ReturnType<typeof run>>; rows: Record<string, string>[] }> => {
    const r = await (path2026 ??= run(['breakdown', '--series', REVISED_2024, '--year', '2026', '--months', '-f', 'csv']));
    expect(r.code, r.stderr).toBe(0);
    return { r, rows: csvRows(r.stdout) };
  };

  it('breakdown --year 2026 --months passes 52,000,000 in 2024-12 and 61,000,000 in 2025-12', async () => {
    const { r, rows } = await the2026Path();
    // The 2026 target itself is not revised (70,000,000 every month), but its path is, from 2024-07: the
    // `from` column says so (rv27 F4; rv20 left it out, and coverage --targets of the file could not say it).
    expect(detail(rows, '2024-06', 'Total')).toMatchObject({ from: '', target: '70000000' });
    expect(detail(rows, '2024-07', 'Total')).toMatchObject({ from: '2024-07', target: '70000000' });
    // National, by hand: June 2024 41,145,132 + (50,000,000 − 41,145,132) × 6/12 = 45,572,566 (the
    // original 2024 path, kept up to the revision); September 45,572,566 + (52,000,000 − 45,572,566) ×
    // 3/6 = 48,786,283; December 2024 52,000,000 (in force from 2024-07; main: 50,000,000); December
    // 2025 (52,000,000 + 70,000,000) / 2 = 61,000,000 (main: 60,000,000); June 2025 52 M + 9 M × 6/12.
    const totals: Record<string, number> = { '2024-06': 45_572_566, '2024-09': 48_786_283, '2024-12': 52_000_000, '2025-06': 56_500_000, '2025-12': 61_000_000, '2026-12': 70_000_000 };
    for (const [p, v] of Object.entries(totals)) expect(Number(detail(rows, p, 'Total').milestone), p).toBe(v);
    // Sulawesi Utara: June 2024 578,610 + (637,236 − 578,610) × 6/12 = 607,923 exactly (637,236: its
    // target under the original 50 M); September 607,923 + (650,478 − 607,923) × 3/6 = 629,200.5 (650,478:
    // its target under the revised 52 M, breakdown --year 2024): the tool's milestone is apportioned
    // within the national month, so within ±1 of it (main: 578,610 + 58,626 × 9/12 = 622,579.5 → 622,579).
    expect(Number(detail(rows, '2024-06', 'Sulawesi Utara').milestone)).toBe(607_923);
    expect(Math.abs(Number(detail(rows, '2024-09', 'Sulawesi Utara').milestone) - 629_200.5)).toBeLessThanOrEqual(1);
    expect(Number(detail(rows, '2024-12', 'Sulawesi Utara').milestone)).toBe(650_478);
    expect(r.stderr).toContain("the path passes through the series' own Decembers (52,000,000 in 2024-12 under the revision from 2024-07, 61,000,000 in 2025-12 under the revision from 2024-07)");
  });

  it('its Decembers on the way are breakdown --year 2024 and --year 2025, and its 2024 breakdown --year 2024 --months, province by province', async () => {
    const { rows } = await the2026Path();
    // Each province's December 2024 and 2025 are its targets of breakdown --year 2024 and --year 2025.
    for (const y of ['2024', '2025']) {
      const b = await run(['breakdown', '--series', REVISED_2024, '--year', y, '-f', 'csv']);
      expect(b.code, b.stderr).toBe(0);
      const targets = csvRows(b.stdout).filter((x) => x.level === 'detail');
      expect(targets).toHaveLength(38);
      for (const t of targets) expect(detail(rows, `${y}-12`, t.province!).milestone, `${y} ${t.province}`).toBe(t.target);
    }
    // Every month of 2024, every province and the total: what breakdown --year 2024 --months draws under
    // the same series (the original path to June, the revision's from July).
    const b24 = await run(['breakdown', '--series', REVISED_2024, '--year', '2024', '--months', '-f', 'csv']);
    const y24 = csvRows(b24.stdout);
    expect(y24).toHaveLength(12 * 39);
    for (const x of y24) expect(detail(rows, x.period!, x.province!).milestone, `${x.period} ${x.province}`).toBe(x.milestone);
  });

  it('coverage in September 2024: --year 2026 gives Sulawesi Utara the milestone of --year 2024 (629,200.5 ± 1) and the same status, behind', async () => {
    const byYear = new Map<string, Record<string, string>>();
    for (const y of ['2024', '2026']) {
      const r = await run(['coverage', sep2024, '--year', y, '--series', REVISED_2024, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      byYear.set(y, csvRows(r.stdout).find((x) => x.province === 'Sulawesi Utara')!);
    }
    const [a, b] = [byYear.get('2024')!, byYear.get('2026')!];
    expect(Math.abs(Number(b.milestone) - 629_200.5)).toBeLessThanOrEqual(1);
    expect(b.milestone).toBe(a.milestone);
    // 592,497 participants < 0.95 × 629,200.5 = 597,740.5: behind (main, on 622,579: 0.95 × 622,579.5 =
    // 591,450.5 ≤ 592,497, at-risk).
    expect(b.participants).toBe('592497');
    expect([a.status, b.status]).toEqual(['behind', 'behind']);
  });
});

describe('rv20 F2: a revision from 2026-07 does not change the December-2025 target', () => {
  it('breakdown --year 2025 plans (50,000,000 + 70,000,000) / 2 = 60,000,000, as its --months and coverage --year 2025 do', async () => {
    const y = await run(['breakdown', '--series', down, '--year', '2025', '-f', 'csv']);
    expect(y.code, y.stderr).toBe(0);
    const yearly = csvRows(y.stdout);
    expect(yearly.find((x) => x.province === 'Total')!.target).toBe('60000000'); // main: 57,600,000
    expect(y.stderr).not.toContain('57,600,000');
    expect(y.stderr).not.toContain('revised from 2026-07');
    const m = await run(['breakdown', '--series', down, '--year', '2025', '--months', '-f', 'csv']);
    const dec = csvRows(m.stdout).filter((x) => x.period === '2025-12' && x.level === 'detail');
    expect(dec).toHaveLength(38);
    // The yearly file's targets are the December of the months file, province by province.
    for (const x of dec) expect(yearly.find((t) => t.province === x.province)!.target, x.province).toBe(x.milestone);
    // coverage --targets of that yearly file and coverage --year 2025 give December 2025 the same targets
    // (main: Sulama 4,517,839 by the file against 4,721,029 by --year).
    const out = writeIn(dir, 'f2-2025.csv', y.stdout);
    const byFile = await run(['coverage', dec2025, '--targets', out, '-f', 'csv']);
    const byYear = await run(['coverage', dec2025, '--year', '2025', '--series', down, '-f', 'csv']);
    expect(byFile.code, byFile.stderr).toBe(0);
    expect(byYear.code, byYear.stderr).toBe(0);
    const f = csvRows(byFile.stdout);
    const v = csvRows(byYear.stdout);
    expect(f.length).toBe(v.length);
    for (const x of v) expect(f.find((z) => z.province === x.province)?.target, x.province).toBe(x.target);
    expect(v.find((x) => x.province === 'Gorontalo')!.target).toBe(dec.find((x) => x.province === 'Gorontalo')!.milestone);
  });

  it('coverage --year 2025 in December 2025 announces no revision from 2026-07 (it never applies to 2025)', async () => {
    const r = await run(['coverage', dec2025, '--year', '2025', '--series', down, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Main: "the 2025 target as of 2025-12: 60,000,000 (the original); a revision from 2026-07 is not in
    // force yet (--as-of 2026-07 applies it)", while --as-of 2026-07 is refused for 2025 now.
    expect(r.stderr).not.toContain('2026-07');
    expect(r.stderr).toContain('the 2025 target is interpolated between 2024 and 2026');
    // Before 2026-07 the revision of 2026 itself is still announced to a 2026 report.
    const s = await run(['coverage', sep2024, '--year', '2026', '--series', down, '-f', 'csv']);
    expect(s.stderr).toContain('a revision from 2026-07 is not in force yet');
  });

  it('a --series revision of a year from after its December is refused (exit 3, file and line), not dropped', async () => {
    const late = writeIn(dir, 'late.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2024,52000000,2025-03\nplan,2026,70000000,\n');
    const r = await run(['breakdown', '--series', late, '--year', '2025']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('late.csv:4');
    expect(r.stderr).toContain('a revision of the 2024 target from 2025-03 starts after December 2024');
    const id = await run(['breakdown', '--series', late, '--year', '2025', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('revisi target 2024 mulai 2025-03 dimulai setelah Desember 2024');
  });
});

describe('rv20 F3: the note names the Decembers the path passes through', () => {
  for (const [name, series] of [['down to 65.2 M', down], ['up to 72 M', up]] as const) {
    it(`a 2026 revised ${name} from 2026-07: "60,000,000 in 2025-12", as the file passes`, async () => {
      const r = await run(['breakdown', '--series', series, '--year', '2026', '--months', '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      // December 2025, before the revision: (50,000,000 + 70,000,000) / 2 (main said 57,600,000 / 61,000,000).
      expect(detail(csvRows(r.stdout), '2025-12', 'Total').milestone).toBe('60000000');
      expect(r.stderr).toContain("the path passes through the series' own Decembers (50,000,000 in 2024-12, 60,000,000 in 2025-12)");
    });
  }

  it('in Indonesian, with the revision a December comes from', async () => {
    const r = await run(['breakdown', '--series', REVISED_2024, '--year', '2026', '--months', '-f', 'csv', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('52.000.000 pada 2024-12 dengan revisi mulai 2024-07');
  });
});

describe('rv20 F4: --by province,segment --months under --year 2026: each province adds up to its own path', () => {
  it('the province subtotals are --by province --months in all 1,368 province-months; each cell passes its 2024 and 2025 targets', async () => {
    const [ps, p, ps24] = await Promise.all([
      run(['breakdown', '--year', '2026', '--by', 'province,segment', '--months', '-f', 'csv']),
      run(['breakdown', '--year', '2026', '--months', '-f', 'csv', '-q']),
      run(['breakdown', '--year', '2024', '--by', 'province,segment', '-f', 'csv', '-q']),
    ]);
    expect(ps.code, ps.stderr).toBe(0);
    const cells = csvRows(ps.stdout);
    const own = new Map(csvRows(p.stdout).filter((x) => x.level === 'detail').map((x) => [`${x.period}|${x.province}`, x.milestone]));
    const subtotals = cells.filter((x) => x.level === 'subtotal' && x.province !== 'Total');
    expect(subtotals).toHaveLength(36 * 38);
    const off = subtotals.filter((x) => own.get(`${x.period}|${x.province}`) !== x.milestone).map((x) => `${x.period} ${x.province} ${x.milestone} vs ${own.get(`${x.period}|${x.province}`)}`);
    expect(off).toEqual([]); // main: 228, e.g. 2024-12 Kalimantan Barat 908,340 vs 908,341
    // The finding's Decembers: Kalimantan Barat and Papua in 2024-12 are their breakdown --year 2024
    // targets (908,341 and 169,648), Sulawesi Utara in 2025-12 its --year 2025 target (703,444); main gave
    // 908,340, 169,649 and 703,443 (their shares of the national 50,000,000 / 60,000,000, rounded apart).
    const sub = (period: string, province: string): string => subtotals.find((x) => x.period === period && x.province === province)!.milestone!;
    expect([sub('2024-12', 'Kalimantan Barat'), sub('2024-12', 'Papua'), sub('2025-12', 'Sulawesi Utara')]).toEqual(['908341', '169648', '703444']);
    // Each month's cells add up to the national path: 2024-12 50,000,000, 2025-12 (50 M + 70 M) / 2.
    const national = (period: string): number => cells.filter((x) => x.period === period && x.level === 'detail').reduce((a, x) => a + Number(x.milestone), 0);
    expect([national('2024-12'), national('2025-12'), national('2026-12')]).toEqual([50_000_000, 60_000_000, 70_000_000]);
    // Each cell in 2024-12 is its target of breakdown --year 2024 --by province,segment (so the note's
    // "each unit through its target of that year's breakdown" holds for the cells too).
    const y24 = csvRows(ps24.stdout).filter((x) => x.level === 'detail');
    expect(y24).toHaveLength(152);
    for (const t of y24) expect(cells.find((x) => x.period === '2024-12' && x.level === 'detail' && x.province === t.province && x.segment === t.segment)!.milestone, `${t.province} ${t.segment}`).toBe(t.target);
    expect(ps.stderr).toContain("each unit through its target of that year's breakdown under the same rule (breakdown --year 2024, --year 2025)");
  });
});
