// Every key of the meta the commands really write has words in both languages: the HTML "About this
// report" and the xlsx meta sheet said `target rows`, `revision`, `rule`, `like for like`, `shown` in an
// Indonesian report, and labelled a scope's name as `file: Gorontalo`. Found by a review. The fixtures'
// meta is checked in test/render/formats.test.ts; this walks the commands' own.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metaLines } from '../../src/render/meta.js';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const targets = join(dir, 'targets.csv');
writeFileSync(targets, 'province,year,target,from\nGorontalo,2024,290000,\nGorontalo,2024,300000,2024-05\n');

const runs: readonly (readonly string[])[] = [
  ['coverage', 'examples/2024-06/gorontalo.csv'],
  ['coverage', 'examples/2024-06/gorontalo.csv', '--year', '2024'],
  ['coverage', 'examples/2024-06/gorontalo.csv', '--targets', targets, '--by', 'province'],
  ['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--top', '2', '--sort', 'coverage'],
  ['coverage', 'examples/sulama-2024/2024-04.csv', 'examples/sulama-2024/2024-05.csv', 'examples/sulama-2024/2024-06.csv', '--year', '2024', '--trend'],
  ['coverage', '--year', '2024', '--by', 'kanwil'],
  ['breakdown', '--year', '2024'],
  ['breakdown', '--year', '2024', '--by', 'province,segment'],
  ['breakdown', '--year', '2024', '--compare', 'webster,hamilton'],
  ['breakdown', '--year', '2024', '--months'],
];

describe('the meta of every command has Indonesian words', () => {
  it.each(runs.map((r) => [r.join(' '), r] as const))('%s', async (_name, args) => {
    const r = await run([...args, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const meta = (JSON.parse(r.stdout) as { meta: Record<string, unknown> }).meta;
    const unknown = metaLines(meta, 'id').filter((l) => !l.known);
    expect(unknown.map((l) => l.path.join('.'))).toEqual([]);
  });
});
