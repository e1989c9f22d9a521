// Review rv13 "December 0": targets without a year, for an input without a month.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const DATA = 'province_code,province,workforce,participants\n51,Bali,10000,5000\n52,Nusa Tenggara Barat,10000,3000\n';
const TARGETS = 'province_code,province,target\n51,Bali,6000\n52,Nusa Tenggara Barat,4000\n';

describe('rv13: no year and no month is a year not stated, never December 0', () => {
  it('warns (under --quiet too), meta.targetYear null and targetYearFrom unknown; the gaps are compared all the same', async () => {
    const dir = tmp();
    const d = writeIn(dir, 'd2.csv', DATA);
    const t = writeIn(dir, 'tny.csv', TARGETS);
    const r = await run(['coverage', d, '--targets', t, '-f', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/December 0/);
    expect(r.stderr).toContain(`warning: ${t} has no year and the input no month: its targets are compared as year-end targets of a year not stated (add a year column, or pass --year)`);
    const j = JSON.parse(r.stdout) as { meta: { targetYear: number | null; targetYearFrom: string | null }; rows: { province: string; gap: number }[] };
    expect(j.meta.targetYear).toBeNull();
    expect(j.meta.targetYearFrom).toBe('unknown');
    // Bali 6000 − 5000, NTB 4000 − 3000.
    expect(j.rows.map((x) => `${x.province} ${x.gap}`)).toEqual(['Bali 1000', 'Nusa Tenggara Barat 1000']);
  });

  it('with --year the year is the flag\'s; with a month in the input it is deduced from it', async () => {
    const dir = tmp();
    const t = writeIn(dir, 'tny.csv', TARGETS);
    const flag = await run(['coverage', writeIn(dir, 'd2.csv', DATA), '--targets', t, '--year', '2024', '-f', 'json', '-q']);
    expect((JSON.parse(flag.stdout) as { meta: { targetYear: number } }).meta.targetYear).toBe(2024);
    const dated = writeIn(dir, 'd3.csv', 'period,province_code,province,workforce,participants\n2024-06,51,Bali,10000,5000\n2024-06,52,Nusa Tenggara Barat,10000,3000\n');
    const r = await run(['coverage', dated, '--targets', t, '-f', 'csv']);
    expect(r.stderr).toContain(`${t} has no year: its targets are taken as December 2024 targets`);
    expect(csvRows(r.stdout)[0]!['gap']).toBe('1000');
  });
});
