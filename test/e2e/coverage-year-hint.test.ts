// A year with no target in the series: coverage was told "pass --target <n> to use any total" (breakdown's
// way), a flag coverage does not have (rv25 F7). Its hint now says what works for coverage, and following
// it works; breakdown keeps --target.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hintOf = (stderr: string): string => stderr.split('\n').find((l) => l.trimStart().startsWith('hint:')) ?? '';

describe('no target for the year: a hint true for the command (rv25 F7)', () => {
  it('coverage --year 2027: plan it with breakdown --target and read it with --targets, and that works', async () => {
    const r = await run(['coverage', '--year', '2027', '-f', 'csv']);
    expect(r.code).toBe(3);
    const hint = hintOf(r.stderr);
    expect(hint).not.toContain('--target <n>');
    expect(hint).toContain('jamsostek breakdown --target N --year 2027 -o targets.csv and give --targets targets.csv (without --year)');
    expect(hint).toContain('--series FILE with a row plan,2027,<target>');
    // Following it:
    const targets = join(dir, 'targets.csv');
    const b = await run(['breakdown', '--target', '80000000', '--year', '2027', '-o', targets]);
    expect(b.code, b.stderr).toBe(0);
    const c = await run(['coverage', '--targets', targets, '-f', 'csv']);
    expect(c.code, c.stderr).toBe(0);
    const total = csvRows(c.stdout).find((x) => x.province === 'Total')!;
    expect(total.target).toBe('80000000');
    // …or a series with the year's row.
    const series = writeIn(dir, 'series.csv', 'scenario,year,target\nplan,2027,80000000\n');
    const s = await run(['coverage', '--year', '2027', '--series', series, '-f', 'csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(csvRows(s.stdout).find((x) => x.province === 'Total')!.target).toBe('80000000');
  });

  it('in Indonesian', async () => {
    const r = await run(['coverage', '--year', '2030', '--lang', 'id']);
    expect(r.code).toBe(3);
    const hint = hintOf(r.stderr);
    expect(hint).not.toContain('--target <n>');
    expect(hint).toContain('rencanakan total itu dengan jamsostek breakdown --target N --year 2030 -o targets.csv lalu berikan --targets targets.csv');
  });

  it('coverage with its own --series: add the row to that file', async () => {
    const series = writeIn(dir, 'own.csv', 'scenario,year,target\nplan,2024,50000000\nplan,2027,80000000\n');
    const r = await run(['coverage', '--year', '2028', '--series', series]);
    expect(r.code).toBe(3);
    expect(hintOf(r.stderr)).toContain(`add a row plan,2028,<target> to ${series}`);
  });

  it('breakdown keeps --target, which it has', async () => {
    const r = await run(['breakdown', '--year', '2027']);
    expect(r.code).toBe(3);
    expect(hintOf(r.stderr)).toContain('pass --target <n> to use any total');
    const ok = await run(['breakdown', '--year', '2027', '--target', '80000000', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
