// The planner's cycle from an input without a month: `breakdown --input units.csv --target N --year Y`
// leaves the plan's `period` (its baseline month) empty, and `coverage --targets` refused that plan
// ("the period is empty"). An empty baseline month now reads as none: the targets are December Y's, the
// status compares with December, and the warning says why there is no milestone.
// The figures by hand: gap mode closes the same share of each uncovered gap, 300 of 600 + 1,500 = 1/7:
// Gorontalo 400 + 600/7 = 485.7 → 486, Aceh 500 + 1,500/7 = 714.3 → 714 (Webster; the two add up to 1,200).
// In June 450 and 560 are covered: gaps 36 and 154, six months left: 6 and 25.7 → 26 a month.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const units = join(dir, 'units.csv');
const june = join(dir, 'june.csv');
writeFileSync(units, 'province,workforce,participants\nGorontalo,1000,400\nAceh,2000,500\n');
writeFileSync(june, 'province,period,workforce,participants\nGorontalo,2024-06,1000,450\nAceh,2024-06,2000,560\n');

describe('targets planned on an input without a month', () => {
  it('read as targets for December of their year, without a baseline month, and said', async () => {
    const plan = join(dir, 'plan.csv');
    const b = await run(['breakdown', '--input', units, '--target', '1200', '--year', '2024', '-f', 'csv', '-o', plan]);
    expect(b.code, b.stderr).toBe(0);
    const lines = readFileSync(plan, 'utf8').trim().split('\n');
    expect(lines[1]).toMatch(/^75,Gorontalo,,2024,/);
    const r = await run(['coverage', june, '--targets', plan, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const head = rows[0]!;
    const col = (row: string[], name: string): string => row[head.indexOf(name)]!;
    const gorontalo = rows.find((x) => x[1] === 'Gorontalo')!;
    const aceh = rows.find((x) => x[1] === 'Aceh')!;
    const total = rows.find((x) => x[1] === 'Total')!;
    expect([col(gorontalo, 'target'), col(gorontalo, 'gap'), col(gorontalo, 'run_rate'), col(gorontalo, 'milestone')]).toEqual(['486', '36', '6', '']);
    expect([col(aceh, 'target'), col(aceh, 'gap'), col(aceh, 'run_rate')]).toEqual(['714', '154', '26']);
    expect([col(total, 'target'), col(total, 'gap')]).toEqual(['1200', '190']);
    expect(r.stderr).toContain('warning: 2 of 2 rows with a target have no milestone for 2024-06 (the targets give no baseline month, the period their participants are of, to start the path from): their status compares with the December target only');
  });

  it('a targets file that gives the baseline month on some rows only is refused (its rows overlap)', async () => {
    const mixed = join(dir, 'mixed.csv');
    writeFileSync(mixed, 'province,period,target\nGorontalo,,500\nGorontalo,2024-01,500\nAceh,,700\n');
    const r = await run(['coverage', june, '--targets', mixed, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('overlap with');
  });

  it('an empty period in a report input is still an error', async () => {
    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, 'province,period,workforce,participants\nGorontalo,,1000,450\nAceh,2024-06,2000,560\n');
    const r = await run(['coverage', blank, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the period is empty');
  });
});
