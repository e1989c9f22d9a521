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

describe('the Indonesian HTML of a late office with targets (review rv8)', () => {
  it('says the scope, the year source and like for like in Indonesian', async () => {
    const may = join(dir, 'may.csv');
    const june = join(dir, 'june.csv');
    writeFileSync(may, 'period,province,workforce,participants\n2024-05,Gorontalo,1000,500\n2024-05,Maluku,1000,400\n2024-05,Sulawesi Utara,1000,300\n');
    writeFileSync(june, 'period,province,workforce,participants\n2024-06,Gorontalo,1000,520\n2024-06,Maluku,1000,410\n');
    const t = join(dir, 'plain.csv');
    writeFileSync(t, 'province,target\nGorontalo,600\nMaluku,500\nSulawesi Utara,400\n');
    const html = join(dir, 'late.html');
    const r = await run(['coverage', may, june, '--targets', t, '--year', '2024', '--lang', 'id', '-o', html]);
    expect(r.code, r.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(html, 'utf8').replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(/\b(both|missing|added|flag)\b/);
    expect(text).not.toMatch(/\b\d+ of \d+ provinces\b/);
  });
});
