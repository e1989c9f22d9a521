// README, "A key per row is the limit": a report of more keys than Node.js's heap holds stops with
// "JavaScript heap out of memory" (exit 134) and writes nothing; the advice it gives (more heap through
// NODE_OPTIONS) then makes the same run work, and leaves no temporary file beside the output.
// 200,000 branches, one row each, under a 16 MiB heap (they need about 30 MiB since the Table keeps its
// rows as columns; as objects they needed about 110 MiB). Run by `npm run test:scale`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, tmp } from '../e2e/helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const N = 200_000;
const PROVINCES = ['Aceh', 'Bali', 'Papua', 'Jawa Barat', 'Gorontalo'];

describe('a report of more keys than the heap holds', () => {
  it('stops with exit 134 and writes nothing; more heap makes the same run work', () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    const lines = ['province,kantor,period,workforce,participants'];
    let workforce = 0;
    let participants = 0;
    for (let i = 0; i < N; i++) {
      lines.push(`${PROVINCES[i % 5]},K${String(i).padStart(7, '0')},2024-06,${2000 + (i % 997)},${700 + (i % 613)}`);
      workforce += 2000 + (i % 997);
      participants += 700 + (i % 613);
    }
    const input = join(dir, 'branches.csv');
    writeFileSync(input, lines.join('\n') + '\n');
    const out = join(dir, 'out', 'report.csv');
    const args = ['coverage', input, '--code-system', 'kemendagri', '--by', 'province,kantor', '-o', out];

    const small = spawnCli(args, { env: { NODE_OPTIONS: '--max-old-space-size=16' } });
    expect(small.code).toBe(134);
    expect(small.stderr).toMatch(/JavaScript heap out of memory/);
    expect(existsSync(out)).toBe(false);

    const big = spawnCli(args, { env: { NODE_OPTIONS: '--max-old-space-size=1024' } });
    expect(big.code, big.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.csv']); // no temporary file left over
    // The Total, added up here: every branch once.
    const total = readFileSync(out, 'utf8').trimEnd().split('\n').at(-1)!.split(',');
    expect(total).toContain(String(participants));
    expect(total).toContain(String(workforce));

    // The plan keeps no row object per key (CoverageResult.rowList) and the Table none per row
    // (core/row-columns.ts): the same 200,000 branches fit in a 64 MiB heap (the plan's rows held as
    // objects needed about 160 MiB, the Table's rows as objects about 110 MiB: exit 134).
    rmSync(out);
    const fits = spawnCli(args, { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(fits.code, fits.stderr).toBe(0);
    const again = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(again).toHaveLength(N + 5 + 1 + 1); // a row a branch, a subtotal a province, the header, the Total
    expect(again.at(-1)!.split(',')).toContain(String(participants));
  }, 180_000);
});
