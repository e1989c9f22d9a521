// A row exactly at the user's line: 571 of 1,000 is 57.1 %, not below --fail-below 57.1 (it failed the
// job, exit 1); 8,100 of a 10,000 target with --at-risk-margin 0.19 is at risk (10,000 × 0.81 = 8,100),
// not behind. Found by a review.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exactly on the line', () => {
  it('--fail-below 57.1 passes a row at 57.1 %', async () => {
    const f = join(dir, 'f.csv');
    writeFileSync(f, 'period,province,workforce,participants\n2024-06,Aceh,1000,571\n2024-06,Jambi,1000,600\n');
    for (const t of ['57.1', '57.1%']) {
      const r = await run(['coverage', f, '--fail-below', t, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
    }
    const below = await run(['coverage', f, '--fail-below', '57.2', '-f', 'csv']);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('coverage below 57.20% for 1 of 2: Aceh 57.10%');
  });
  it('--at-risk-margin 0.19 (or 19%) puts 8,100 of 10,000 at risk', async () => {
    const t = join(dir, 't.csv');
    const d = join(dir, 'd.csv');
    writeFileSync(t, 'province,year,target\nAceh,2024,10000\n');
    writeFileSync(d, 'period,province,workforce,participants\n2024-06,Aceh,20000,8100\n');
    for (const m of ['0.19', '19%']) {
      const r = await run(['coverage', d, '--targets', t, '--at-risk-margin', m, '-f', 'csv']);
      const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
      const status = rows[0]!.indexOf('status');
      expect(rows[1]![status], m).toBe('at-risk');
    }
  });
});

describe('a value below the threshold reads as below it', () => {
  it('99.995 % against 100 % is not shown as 100.00 %', async () => {
    const f = join(dir, 'near.csv');
    writeFileSync(f, 'period,province,workforce,participants\n2024-06,Aceh,200000,199990\n2024-06,Bengkulu,200000,199999\n2024-06,Bali,1000,571\n');
    const r = await run(['coverage', f, '--fail-below', '100', '-f', 'csv']);
    expect(r.code).toBe(1);
    // 199,990 / 200,000 = 99.995 %; 199,999 / 200,000 = 99.9995 %, cut (not rounded up) to 99.999 %.
    expect(r.stderr).toContain('error: coverage below 100.00% for 3 of 3: Aceh 99.995%, Bengkulu 99.999%, Bali 57.10%');
  });
});

describe('a threshold with many decimals', () => {
  it('is shown as typed, and exactly 57.1 % is not shown as 57.099 %', async () => {
    const f = join(dir, 'many.csv');
    writeFileSync(f, 'period,province,workforce,participants\n2024-06,Gorontalo,1000,571\n2024-06,Aceh,1000,900\n');
    const r = await run(['coverage', f, '--fail-below', '57.10000001', '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: coverage below 57.10000001% for 1 of 2: Gorontalo 57.10%');
  });
});
