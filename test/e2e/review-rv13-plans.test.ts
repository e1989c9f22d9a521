// Review rv13 F11: --compare-targets with a plan whose targets are the run's own in every row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

describe('rv13 F11: a compared plan identical to the run\'s is said', () => {
  it('coverage --year 2024 --compare-targets (breakdown --year 2024\'s output): a note, every difference 0', async () => {
    const dir = tmp();
    const y24 = join(dir, 'y24.csv');
    expect((await run(['breakdown', '--year', '2024', '-o', y24, '-q'])).code).toBe(0);
    const r = await run(['coverage', '--year', '2024', '--compare-targets', y24, '-f', 'csv', '--fields', 'province,diff_y24']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).every((x) => x['diff_y24'] === '0')).toBe(true);
    expect(r.stderr).toContain(`note: ${y24} gives the same target as plan 2024 in every row (38 rows with a target): every difference is 0; is it the plan meant to be compared?`);
    const id = await run(['coverage', '--year', '2024', '--compare-targets', y24, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain(`note: ${y24} memberi target yang sama dengan plan 2024 di setiap baris (38 baris bertarget): semua selisih 0`);
  });

  it('a plan that differs in one row gets no such note', async () => {
    const dir = tmp();
    const y24 = join(dir, 'y24.csv');
    expect((await run(['breakdown', '--year', '2024', '-o', y24, '-q'])).code).toBe(0);
    // Without its total row (which would no longer add up): Aceh 1,000 above the plan.
    const lines = readFileSync(y24, 'utf8').split('\n').filter((l) => !l.endsWith(',total'));
    const header = lines[0]!.split(',');
    const t = header.indexOf('target');
    const cells = lines[1]!.split(',');
    cells[t] = String(Number(cells[t]) + 1000);
    lines[1] = cells.join(',');
    const other = writeIn(dir, 'other.csv', lines.join('\n'));
    const r = await run(['coverage', '--year', '2024', '--compare-targets', other, '-f', 'csv', '--fields', 'province,diff_other']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]!['diff_other']).toBe('1000');
    expect(r.stderr).not.toMatch(/gives the same target/);
  });
});
