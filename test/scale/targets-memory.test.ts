// Issue 20, on the targets' path: a --targets file with a target for every key costs about what the keys
// cost, not a row object, a joined key and a map entry per target several times over. 400,000 branches
// of one province (bench/targets.js makes the same files) reported `--by province,kantor`, with and
// without their yearly targets: the peak RSS with them at most TARGETS_RATIO times the peak without,
// and the report with them has every branch's target. Run with `npm run test:scale`; bench/README.md,
// "A target for every key", has the times.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetFiles } from '../../bench/targets.js';
import { ROOT } from '../e2e/helpers.js';

const DIR = join(ROOT, 'test', 'out', 'scale');
const BIN = join(ROOT, 'bin', 'jamsostek.js');
const MiB = 1024 * 1024;
/**
 * The goal. Measured 1.33× (190 against 143 MiB) on the shared 2-core machine at a load average
 * of about 20; main at 7728014 in this test 6.43× (1,103 against 172 MiB, and 1,105 against 142 run again).
 */
const TARGETS_RATIO = 1.5;

/** `jamsostek coverage …` in a child process: its peak RSS in bytes (resourceUsage().maxRSS at exit). */
function coverage(args: string[]): { rss: number; code: number | null; stderr: string } {
  const wrapper = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n')); process.argv.splice(1, 0, 'jamsostek'); await import(${JSON.stringify('file://' + BIN)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper, 'coverage', ...args], { encoding: 'utf8', maxBuffer: 64 * MiB, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C' } });
  const m = /MAXRSS (\d+)/.exec(r.stderr);
  return { rss: Number(m?.[1] ?? NaN) * 1024, code: r.status, stderr: r.stderr };
}

describe('a target for every key', () => {
  it('400,000 branches with their yearly targets: at most 1.5× the peak memory of the report without them', async () => {
    mkdirSync(DIR, { recursive: true });
    const n = 400_000;
    const { data, targets } = await targetFiles(n, DIR);
    const without = join(DIR, 'targets-without.csv');
    const withT = join(DIR, 'targets-with.csv');
    const run = (): { base: ReturnType<typeof coverage>; with: ReturnType<typeof coverage> } => ({
      base: coverage([data, '--by', 'province,kantor', '-f', 'csv', '-o', without, '-q']),
      with: coverage([data, '--by', 'province,kantor', '--targets', targets, '-f', 'csv', '-o', withT, '-q']),
    });
    let r = run();
    expect(r.base.code, r.base.stderr).toBe(0);
    expect(r.with.code, r.with.stderr).toBe(0);
    // A peak depends on when V8's full collections fall (input-memory.test.ts): over the bound, the pair
    // runs once more and the lower ratio counts; both are printed.
    if (r.with.rss / r.base.rss > TARGETS_RATIO) {
      const again = run();
      console.log(`targets: ${(r.with.rss / MiB).toFixed(0)} against ${(r.base.rss / MiB).toFixed(0)} MiB over the bound, run again: ${(again.with.rss / MiB).toFixed(0)} against ${(again.base.rss / MiB).toFixed(0)} MiB`);
      if (again.with.rss / again.base.rss < r.with.rss / r.base.rss) r = again;
    }
    console.log(`targets: ${(r.base.rss / MiB).toFixed(0)} MiB without, ${(r.with.rss / MiB).toFixed(0)} MiB with a target for each of ${n.toLocaleString('en')} branches (${(r.with.rss / r.base.rss).toFixed(2)}×)`);
    expect(r.with.rss / r.base.rss).toBeLessThanOrEqual(TARGETS_RATIO);
    // The same rows, and the same participants and denominators, in both reports; every branch has its target.
    const a = readFileSync(without, 'utf8').trim().split('\n');
    const b = readFileSync(withT, 'utf8').trim().split('\n');
    expect(b).toHaveLength(a.length);
    const head = b[0]!.split(',');
    const at = (name: string): number => head.indexOf(name);
    const targetsRead = readFileSync(targets, 'utf8').trim().split('\n').slice(1);
    let total = 0;
    for (const line of targetsRead) total += Number(line.split(',')[3]);
    const last = b[b.length - 1]!.split(',');
    expect(last[at('level')]).toBe('total');
    expect(Number(last[at('target')])).toBe(total);
    const first = b[1]!.split(',');
    expect(first[at('target')]).toBe(targetsRead[0]!.split(',')[3]);
    expect(b.filter((l) => l.endsWith(',detail'))).toHaveLength(n);
  }, 600_000);
});
