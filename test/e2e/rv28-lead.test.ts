// Review rv28, the findings the lead fixed: R16 (a report of the month the targets start from).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('R16: the month the targets start from is on-track by construction, and said', () => {
  // Targets planned from June 2026: Gorontalo 250,000 participants then, target 300,000 for December.
  // June's milestone is 250,000 (the start of the path), so June's 250,000 is on-track; July's is
  // 250,000 + 50,000 × 1/6 = 258,333.3 → 258,333.
  const targets = writeIn(dir, 't.csv', 'province,period,year,participants,target\nGorontalo,2026-06,2026,250000,300000\n');
  const june = writeIn(dir, 'jun.csv', 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,250000\n');
  const july = writeIn(dir, 'jul.csv', 'period,province,potential_workers,participants\n2026-07,Gorontalo,422934,255000\n');

  it('June: milestone 250,000, on-track, and a note says why', async () => {
    const r = await run(['coverage', june, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect([g['milestone'], g['status']]).toEqual(['250000', 'on-track']);
    expect(r.stderr).toMatch(/note: 2026-06 is the month the targets of \S*t\.csv.* start from: each row's milestone for it is the participants the plan started from/);
  });

  it('July: milestone 258,333, at-risk (255,000 ≥ 258,333 × 0.95), no such note', async () => {
    const r = await run(['coverage', july, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect([g['milestone'], g['status']]).toEqual(['258333', 'at-risk']);
    expect(r.stderr).not.toContain('start from: each row');
  });
});
