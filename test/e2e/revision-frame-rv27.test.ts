// rv27 F4, F8: the revision a --targets file holds, read by coverage.
// F4: `breakdown --year 2026 --months` under examples/series-2024-revised.csv (2024 revised from 50 M to
// 52 M from 2024-07) passes 52,000,000 in 2024-12, but its file had no `from` column: coverage --targets of
// it said nothing of the revision, and refused --as-of ("no revision to pick"). Failed on main at 985ebb1.
// F8: the --year 2024 --months file of that series read for 2024-05 said nothing of the revision from
// 2024-07 it holds, not in force yet. Failed on main at 985ebb1.
// Figures by hand: the bundled baseline's 38 provinces have 41,145,132 participants in 2023-12; Sulawesi
// Utara 578,610, its target 637,236 under the original 50 M and 650,478 under the revised 52 M.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp } from './helpers.js';

const SERIES = join(ROOT, 'examples', 'series-2024-revised.csv');
const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const june = readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-06.csv'), 'utf8');
const row = (stdout: string, province: string): Record<string, string> => csvRows(stdout).find((x) => x['province'] === province)!;

beforeAll(async () => {
  writeFileSync(join(dir, 'jul.csv'), june.replace(/^2024-06/gm, '2024-07'));
  writeFileSync(join(dir, 'may.csv'), readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-05.csv'), 'utf8'));
  for (const [year, file] of [['2026', 't26.csv'], ['2024', 'tm.csv']] as const) {
    const r = await run(['breakdown', '--series', SERIES, '--year', year, '--months', '-q', '-o', join(dir, file)]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('rv27 F4: a multi-year months file says the revision of a December on the way, and coverage reads it', () => {
  it('breakdown --year 2026 --months writes `from`: empty to June 2024, 2024-07 from July on; the target 70,000,000 throughout', () => {
    const rows = csvRows(readFileSync(join(dir, 't26.csv'), 'utf8'));
    const total = rows.filter((x) => x['province'] === 'Total');
    expect(total).toHaveLength(36); // 2024-01 … 2026-12
    for (const x of total) {
      expect(x['from'], x['period']).toBe(x['period']! < '2024-07' ? '' : '2024-07');
      expect(x['target'], x['period']).toBe('70000000');
    }
    // By hand: June 2024 41,145,132 + (50,000,000 − 41,145,132) × 6/12 = 45,572,566 (the original path,
    // kept); July 45,572,566 + (52,000,000 − 45,572,566) / 6 = 46,643,805 (the revision's); December 2024
    // 52,000,000; December 2025 (52,000,000 + 70,000,000) / 2 = 61,000,000.
    const at = (p: string): number => Number(total.find((x) => x['period'] === p)!['milestone']);
    expect([at('2024-06'), at('2024-07'), at('2024-12'), at('2025-12')]).toEqual([45_572_566, 46_643_805, 52_000_000, 61_000_000]);
    // Every month of 2024 as breakdown --year 2024 --months writes it: the milestone and the revision.
    const y24 = csvRows(readFileSync(join(dir, 'tm.csv'), 'utf8'));
    for (const x of y24) {
      const same = rows.find((y) => y['period'] === x['period'] && y['province'] === x['province'])!;
      expect([same['milestone'], same['from']], `${x['period']} ${x['province']}`).toEqual([x['milestone'], x['from']]);
    }
  });

  it('coverage --targets of it for July 2024 says the revision and the Decembers it passes, in both languages and in JSON', async () => {
    const r = await run(['coverage', 'jul.csv', '--targets', 't26.csv', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: the 2026 targets of t26.csv as of 2024-07 add up to 70,000,000, unchanged; its milestones from 2024-07 are on the path redrawn under a revision from 2024-07 of a December on the way, through 52,000,000 in 2024-12 and 61,000,000 in 2025-12');
    // Sulawesi Utara in July: 607,923 + (650,478 − 607,923) / 6 = 615,015.5 (the tool apportions the
    // national month: within 1), the milestone of the 2024 file's July; the target is 2026's.
    const sulut = row(r.stdout, 'Sulawesi Utara');
    expect(Math.abs(Number(sulut['milestone']) - 615_015.5)).toBeLessThanOrEqual(1);
    const y24 = await run(['coverage', 'jul.csv', '--targets', 'tm.csv', '-f', 'csv'], { cwd: dir });
    expect(sulut['milestone']).toBe(row(y24.stdout, 'Sulawesi Utara')['milestone']);
    const id = await run(['coverage', 'jul.csv', '--targets', 't26.csv', '-f', 'json', '--lang', 'id'], { cwd: dir });
    expect(id.code, id.stderr).toBe(0);
    expect(id.stderr).toContain('target 2026 di t26.csv per 2024-07 berjumlah 70.000.000, tidak berubah; tonggaknya sejak 2024-07 berada pada jalur yang digambar ulang menurut revisi mulai 2024-07 atas Desember di tengah jalan, melalui 52.000.000 pada 2024-12 dan 61.000.000 pada 2025-12');
    const j = JSON.parse(id.stdout);
    expect(j.meta.notes.map((n: { code: string }) => n.code)).toContain('revision');
    expect(j.meta.revision).toMatchObject({ from: '2024-07', total: 70_000_000, before: 70_000_000, fileFrom: '2024-07' });
  });

  it('--as-of on it: the revision the file holds for July is taken; one that would pick the path before it is refused, naming the way out', async () => {
    const same = await run(['coverage', 'jul.csv', '--targets', 't26.csv', '--as-of', '2024-07', '-f', 'csv'], { cwd: dir });
    expect(same.code, same.stderr).toBe(0); // main: exit 2, "--as-of would have no effect"
    const before = await run(['coverage', 'jul.csv', '--targets', 't26.csv', '--as-of', '2024-06', '-f', 'csv'], { cwd: dir });
    expect(before.code).toBe(3);
    expect(before.stdout).toBe('');
    expect(before.stderr).toContain('the month-by-month file gives 2024-07 under the revision from 2024-07; --as-of 2024-06 asks for the original target, whose milestones for 2024-07 are not in the file');
    expect(before.stderr).toContain('write the month-by-month file as of 2024-06 (breakdown … --months --as-of 2024-06)');
    // The way out, taken: the file as of 2024-06 has no revision, and passes 50,000,000 in 2024-12.
    const asOf = await run(['breakdown', '--series', SERIES, '--year', '2026', '--months', '--as-of', '2024-06', '-q', '-f', 'csv']);
    expect(asOf.code, asOf.stderr).toBe(0);
    const t = csvRows(asOf.stdout).filter((x) => x['province'] === 'Total');
    expect(Object.keys(t[0]!)).not.toContain('from');
    expect(t.find((x) => x['period'] === '2024-12')!['milestone']).toBe('50000000');
  });
});

describe('rv27 F8: a revision the targets file holds, not in force in the month reported, is said', () => {
  it('the --year 2024 --months file read for May 2024: the original target, and the revision from July named', async () => {
    const r = await run(['coverage', 'may.csv', '--targets', 'tm.csv', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const said = 'tm.csv holds a revision from 2024-07 (its targets add up to 52,000,000), not in force in 2024-05: 2024-05 compares with the targets in force then, and the file\'s months from 2024-07 with the revision (the file holds one path: --as-of cannot apply it to 2024-05)';
    expect(r.stderr).toContain(`note: ${said}`);
    const j = JSON.parse(r.stdout);
    expect(j.meta.notes.find((n: { code: string }) => n.code === 'revision-later')).toMatchObject({ en: said, kind: 'note' });
    // May compares with the original: Sulawesi Utara's 637,236.
    expect(j.rows.find((x: Record<string, unknown>) => x['province'] === 'Sulawesi Utara').target).toBe(637_236);
    const id = await run(['coverage', 'may.csv', '--targets', 'tm.csv', '-f', 'csv', '--lang', 'id'], { cwd: dir });
    expect(id.stderr).toContain('tm.csv memuat revisi mulai 2024-07 (targetnya berjumlah 52.000.000), yang belum berlaku pada 2024-05');
    // In force from July: that note no more (the revision note instead).
    const jul = await run(['coverage', 'jul.csv', '--targets', 'tm.csv', '-f', 'csv'], { cwd: dir });
    expect(jul.stderr).not.toContain('holds a revision');
    expect(jul.stderr).toContain('revised from 2024-07 (was 50,000,000)');
  });

  it('the --year 2026 --months file read for May 2024: its path redrawn from July, not in force yet', async () => {
    const r = await run(['coverage', 'may.csv', '--targets', 't26.csv', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: the milestones of t26.csv from 2024-07 are on a path redrawn under a revision from 2024-07 of a December on the way, not in force in 2024-05: 2024-05 compares with the path before it (the file holds one path)');
  });

  it('a yearly file holding the original and the revision, read for May: the note names --as-of, which applies it', async () => {
    // Each province twice: its original 2024 target, and the revised one from 2024-07 (from_milestone:
    // its milestone of 2024-06 on the original path); written from the two breakdowns.
    const plain = csvRows((await run(['breakdown', '--year', '2024', '-q', '-f', 'csv'])).stdout).filter((x) => x['level'] === 'detail');
    const revised = csvRows((await run(['breakdown', '--series', SERIES, '--year', '2024', '-q', '-f', 'csv'])).stdout).filter((x) => x['level'] === 'detail');
    const lines = ['province,period,year,from,from_milestone,participants,target'];
    for (const x of revised) {
      const o = plain.find((y) => y['province'] === x['province'])!;
      lines.push(`${o['province']},${o['period']},2024,,0,${o['participants']},${o['target']}`);
      lines.push(`${x['province']},${x['period']},2024,2024-07,${x['from_milestone']},${x['participants']},${x['target']}`);
    }
    writeFileSync(join(dir, 'both.csv'), `${lines.join('\n')}\n`);
    const r = await run(['coverage', 'may.csv', '--targets', 'both.csv', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: both.csv holds a revision from 2024-07 (its targets add up to 52,000,000), not in force in 2024-05: the report compares with the targets in force then (--as-of 2024-07 applies it)');
    expect(row(r.stdout, 'Sulawesi Utara')['target']).toBe('637236');
    const asOf = await run(['coverage', 'may.csv', '--targets', 'both.csv', '--as-of', '2024-07', '-f', 'csv'], { cwd: dir });
    expect(asOf.code, asOf.stderr).toBe(0);
    expect(row(asOf.stdout, 'Sulawesi Utara')['target']).toBe('650478');
    expect(asOf.stderr).not.toContain('holds a revision');
  });
});
