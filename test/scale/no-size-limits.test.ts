// Issue "one way in", moved here from test/e2e/one-way-in.test.ts unchanged: a file of 129,528 rows (more
// than the 100,000 rows a quick test may read; about 1.2 CPU-seconds) is read, with no size limit from the
// implementation. It failed on the code before the loader was rebuilt (7e45704).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn as write } from '../e2e/helpers.js';

describe('no size limits from the implementation', () => {
  it('a 514 regencies x 21 sectors x 12 months file (129,528 rows) is read', async () => {
    const dir = tmp();
    const regencies = csvRows(readFileSync(join(ROOT, 'data', 'regencies.csv'), 'utf8'));
    expect(regencies).toHaveLength(514);
    const lines = ['province_code,regency,sector,period,workforce,participants'];
    for (const r of regencies) for (let s = 0; s < 21; s++) for (let m = 1; m <= 12; m++) lines.push(`${r['province_code']},"${r['name']}",S${s},2024-${String(m).padStart(2, '0')},100,${40 + (m % 7)}`);
    const f = write(dir, 'big.csv', lines.join('\n') + '\n');
    const r = await run(['coverage', f, '--by', 'province', '--code-system', 'kemendagri', '-f', 'csv']);
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(total['participants']).toBe(String(514 * 21 * (40 + (12 % 7))));
  });
});
