// rv26 F9: a revision that cuts a year's target below what the path had reached. breakdown refused the
// series; coverage --year drew the revised target's path from the 2023-12 baseline instead (as if the
// revision had always been in force) and printed statuses from that third path, with no word. One rule
// for both commands now: refused alike (exit 3, the same words). Expected figures by hand in the comments.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// 50,000,000 for 2024, cut to 44,000,000 from 2024-10: below the path so far (the national path stands
// at 41,145,132 + 8,854,868 × 9/12 = 47,786,283 in September).
const DOWN = writeIn(dir, 'down.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2024,44000000,2024-10\nplan,2026,70000000,\n');
// A smaller cut, 48,500,000 from 2024-10: above the path so far, so it re-phases from September.
const DOWN2 = writeIn(dir, 'down2.csv', 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2024,48500000,2024-10\nplan,2026,70000000,\n');
const june = readFileSync('examples/sulama-2024/2024-06.csv', 'utf8');
const oct = writeIn(dir, 'sulama-2024-10.csv', june.replace(/^2024-06/gm, '2024-10'));
const sep = writeIn(dir, 'sulama-2024-09.csv', june.replace(/^2024-06/gm, '2024-09'));
const jan25 = writeIn(dir, 'sulama-2025-01.csv', june.replace(/^2024-06/gm, '2025-01'));

// The national cut is named as the plan's scope, with its figures (rv27: it named Aceh, the first province).
const REFUSAL = 'error: the revised target for Indonesia: 38 provinces (44,000,000) is below its milestone of 2024-09 (47,786,283; the path up to the revision stays)';
const HINT = 'hint: a revision from 2024-10 can lower the target only down to what the path had reached (47,786,283)';

describe('rv26 F9: a revision below the path is refused by coverage --year as by breakdown', () => {
  it('breakdown refuses the series (as before)', async () => {
    const r = await run(['breakdown', '--series', DOWN, '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(REFUSAL);
    expect(r.stderr).toContain(HINT);
  });

  it('coverage --year 2024 of October 2024: exit 3 with the same words, nothing on stdout (main: exit 0, Sulawesi Selatan on-track against a milestone drawn from the baseline)', async () => {
    const r = await run(['coverage', oct, '--year', '2024', '--series', DOWN, '-f', 'csv']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(REFUSAL);
    expect(r.stderr).toContain(HINT);
    const id = await run(['coverage', oct, '--year', '2024', '--series', DOWN, '-f', 'csv', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('target revisi untuk Indonesia: 38 provinsi (44.000.000) di bawah tonggaknya pada 2024-09 (47.786.283; jalur sampai revisi tetap)');
    expect(id.stderr).toContain('revisi mulai 2024-10 hanya dapat menurunkan target sampai capaian jalur (47.786.283)');
  });

  it('and a month before the revision under --as-of 2024-10 too (main: September phased from the baseline, on-track)', async () => {
    const r = await run(['coverage', sep, '--year', '2024', '--series', DOWN, '--as-of', '2024-10', '-f', 'csv']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.stderr).toContain(REFUSAL);
  });

  it('coverage --year 2025 of January 2025: the December on the way the path cannot pass is refused as breakdown refuses it, not warned as missing', async () => {
    const b = await run(['breakdown', '--series', DOWN, '--year', '2025', '-f', 'csv']);
    expect(b.code).toBe(3);
    const r = await run(['coverage', jan25, '--year', '2025', '--series', DOWN, '-f', 'csv']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.stdout).toBe('');
    // By hand: the national path is at 41,145,132 + 8,854,868 × 9/12 = 47,786,283 in September 2024, and
    // 2025's target (44 M + 70 M) / 2 = 57,000,000; December 2024's 44,000,000 is outside them.
    const line = 'error: the national target of 2024-12 (44000000) is not between 47786283 and 57000000: the path to December 2025 would fall';
    expect(b.stderr).toContain(line);
    expect(r.stderr).toContain(line);
    expect(r.stderr).not.toContain('no target for December 2024 on the way');
  });

  it('a cut that stays above the path still re-phases from the last milestone kept (control)', async () => {
    const r = await run(['coverage', oct, '--year', '2024', '--series', DOWN2, '-q', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = csvRows(r.stdout).find((x) => x.province === 'Gorontalo')!;
    // By hand: Gorontalo's September milestone on the original path is 256,129 + 32,779 × 9/12 = 280,713.25
    // (2023-12 participants 256,129; 2024 target 288,908); October runs a third of the way from it to the
    // revised target: 280,713.25 + (283,356 − 280,713.25) / 3 = 281,594.17 → 281,594.
    expect(g.target).toBe('283356');
    expect(g.milestone).toBe('281594');
  });
});
