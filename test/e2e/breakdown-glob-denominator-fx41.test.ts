// fx41 (fx39's note): breakdown --input 'months/*.csv' whose files of the latest month have no denominator
// column in common took the first column any file has (employed, Aceh's only), where coverage takes the one
// every file of the month gives (potential_workers), or refuses (rv29 S2, app/denominator.ts). Breakdown
// now follows the same rule. Expected figures by hand in the comments.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const folder = (name: string, files: Record<string, string>): string => {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return join(d, '*.csv');
};
const may = 'period,province,participants,employed\n2026-05,Aceh,600000,2400000\n2026-05,Bali,900000,2500000\n';
// June: Aceh's file gives employed and potential_workers, Bali's potential_workers only: in common, potential_workers.
const common = folder('common', { 'a.csv': may, 'b.csv': 'period,province,participants,employed,potential_workers\n2026-06,Aceh,610000,2400000,1000000\n', 'c.csv': 'period,province,participants,potential_workers\n2026-06,Bali,910000,1500000\n' });
// June: Aceh's potential_workers, Bali's employed: none in common.
const none = folder('none', { 'a.csv': may, 'b.csv': 'period,province,participants,potential_workers\n2026-06,Aceh,610000,1000000\n', 'c.csv': 'period,province,participants,employed\n2026-06,Bali,910000,2500000\n' });

describe("fx41: breakdown of a glob's months takes the denominator every file of the latest month gives", () => {
  it('the one in common: potential_workers, said (main: employed, Bali without a denominator, weighted by participants)', async () => {
    const r = await run(['breakdown', '--input', common, '--by', 'province', '--target', '2000000', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Uncovered: Aceh 1,000,000 − 610,000 = 390,000; Bali 1,500,000 − 910,000 = 590,000; 980,000 in all.
    // The increase 2,000,000 − 1,520,000 = 480,000: Aceh 390/980 × 480,000 = 191,020.4 → 191,020; Bali 288,980.
    const rows = csvRows(r.stdout);
    const aceh = rows.find((x) => x.province === 'Aceh')!;
    const bali = rows.find((x) => x.province === 'Bali')!;
    expect([aceh.denominator, aceh.target, bali.denominator, bali.target]).toEqual(['1000000', '801020', '1500000', '1198980']);
    expect(rows.find((x) => x.province === 'Total')!.denominator).toBe('2500000');
    expect(r.stderr).toContain('is on potential_workers (the default, the first of workforce, employed, potential_workers that every file of 2026-06, the month reported, gives:');
    expect(r.stderr).toContain('employed is not used (--denominator employed to report on it)');
    // coverage of the same files divides by the same column.
    const c = await run(['coverage', common, '--by', 'province', '-f', 'csv', '-q']);
    expect(csvRows(c.stdout).find((x) => x.province === 'Total')!.denominator).toBe('2500000');
  });

  it('--max-coverage bounds both provinces on it (main: Bali without a bound, "employed is not known per province")', async () => {
    const r = await run(['breakdown', '--input', common, '--by', 'province', '--target', '2000000', '--basis', 'participants', '--max-coverage', '0.95', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 0.95 × 1,000,000 = 950,000; 0.95 × 1,500,000 = 1,425,000.
    const rows = csvRows(r.stdout);
    expect([rows.find((x) => x.province === 'Aceh')!.max, rows.find((x) => x.province === 'Bali')!.max]).toEqual(['950000', '1425000']);
    expect(r.stderr).not.toContain('no upper bound');
  });

  it('none in common: refused, each file named with its columns, as coverage refuses', async () => {
    const r = await run(['breakdown', '--input', none, '--by', 'province', '--target', '2000000', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: the files of 2026-06, the month reported, give no denominator column in common \(\S*b\.csv potential_workers; \S*c\.csv employed\)/);
    expect(r.stderr).toContain('--denominator employed or --denominator potential_workers');
    const named = await run(['breakdown', '--input', none, '--by', 'province', '--target', '2000000', '--basis', 'participants', '--denominator', 'employed', '-f', 'csv', '-q']);
    expect(named.code, named.stderr).toBe(0);
  });
});
