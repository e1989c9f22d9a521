// fx44 item 4: every hint of the refusals about the targets' year and months, typed. Each test runs the
// command the hint names and checks that it does what the user had (a months file makes a months file).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, tmp, writeIn } from './helpers.js';

const cwd = tmp();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const SULAMA = join(ROOT, 'examples', 'sulama-2024');
const june = `period,province,potential_workers,participants
2024-06,Sulawesi Utara,780666,592497
2024-06,Gorontalo,422934,259971
`;
const hint = (stderr: string): string => /hint: (.*)/.exec(stderr)?.[1] ?? '';

describe('after the targets\' December', () => {
  it('a --months file is offered breakdown --months (was: a yearly file), and the command typed gives a months file that is read', async () => {
    expect((await run(['breakdown', '--year', '2024', '--months', '-o', 't24m.csv', '-q'], { cwd })).code).toBe(0);
    writeIn(cwd, 'feb.csv', june.replace(/2024-06/g, '2025-02'));
    const r = await run(['coverage', 'feb.csv', '--targets', 't24m.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    // feb.csv has no month of 2024: no --period offered (it would be "no rows for 2024-…").
    expect(hint(r.stderr)).toBe('give the targets for 2025 (breakdown --year 2025 --months … -o targets.csv)');
    const b = await run(['breakdown', '--year', '2025', '--months', '-o', 't25m.csv', '-q'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    const c = await run(['coverage', 'feb.csv', '--targets', 't25m.csv', '-f', 'csv', '-q'], { cwd });
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).not.toContain('yearly file cannot carry');
  });

  it('a yearly file is offered breakdown without --months; --period only with a month of the targets\' year the input has', async () => {
    expect((await run(['breakdown', '--year', '2024', '-o', 't24.csv', '-q'], { cwd })).code).toBe(0);
    writeIn(cwd, 'two.csv', june + june.split('\n').slice(1).join('\n').replace(/2024-06/g, '2025-02'));
    const r = await run(['coverage', 'two.csv', '--targets', 't24.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(hint(r.stderr)).toBe('give the targets for 2025 (breakdown --year 2025 … -o targets.csv), or --period 2024-06');
    expect((await run(['coverage', 'two.csv', '--targets', 't24.csv', '--period', '2024-06', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
  });

  it('--year is offered --year of the month reported (was: a breakdown file)', async () => {
    writeIn(cwd, 'feb2.csv', june.replace(/2024-06/g, '2025-02'));
    const r = await run(['coverage', 'feb2.csv', '--year', '2024', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(hint(r.stderr)).toBe('give the targets for 2025 (--year 2025)');
    expect((await run(['coverage', 'feb2.csv', '--year', '2025', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
  });
});

describe("before the targets' baseline", () => {
  it('names a command and a --period that work (was: "give the targets planned for that time")', async () => {
    const b = await run(['breakdown', '--target', '3500000', '--year', '2024', '--months', '--input', join(SULAMA, '2024-06.csv'), '-o', 'tjun.csv', '-q'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', join(SULAMA, '*.csv'), '--targets', 'tjun.csv', '--period', '2024-03', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(hint(r.stderr)).toBe('give targets planned from 2024-03 or earlier (breakdown … --months --input the file of 2024-03 -o targets.csv), or --period 2024-06, a month of the input from 2024-06 on');
    // Both ways, typed.
    expect((await run(['breakdown', '--target', '3500000', '--year', '2024', '--months', '--input', join(SULAMA, '2024-03.csv'), '-o', 'tmar.csv', '-q'], { cwd })).code).toBe(0);
    expect((await run(['coverage', join(SULAMA, '2024-03.csv'), '--targets', 'tmar.csv', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
    expect((await run(['coverage', join(SULAMA, '*.csv'), '--targets', 'tjun.csv', '--period', '2024-06', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
  });
});

describe('a --year the targets file has not', () => {
  it('names the year it has', async () => {
    expect((await run(['breakdown', '--year', '2024', '-o', 'ty.csv', '-q'], { cwd })).code).toBe(0);
    const r = await run(['coverage', join(SULAMA, '2024-06.csv'), '--targets', 'ty.csv', '--year', '2025', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(hint(r.stderr)).toBe('pass the year the file is for (--year 2024), or leave out --year');
    expect((await run(['coverage', join(SULAMA, '2024-06.csv'), '--targets', 'ty.csv', '--year', '2024', '-f', 'csv', '-q'], { cwd })).code).toBe(0);
  });
});
