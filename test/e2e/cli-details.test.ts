// Small things people notice (issue 22): what shell completion offers (the bash script loaded into bash
// and asked, in a folder that holds a file, so offering file names would show), -q, and the same -o
// named twice.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

/** What bash completion offers for the words typed so far (the last one being completed). */
async function offered(words: string[]): Promise<string[]> {
  const script = (await run(['completion', 'bash'])).stdout;
  const dir = tmp();
  writeFileSync(join(dir, 'completion.bash'), script);
  writeFileSync(join(dir, 'juni-2024.csv'), 'province,participants\n');
  const probe = `source ./completion.bash
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_jamsostek
printf '%s\\n' "\${COMPREPLY[@]}"`;
  // stdin 'ignore': on a socket (Node's pipes are socket pairs) bash would read ~/.bashrc as if run by rshd.
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', probe], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('bash completion', () => {
  it('offers column names for --by, never file names', async () => {
    expect(await offered(['jamsostek', 'coverage', '--by', ''])).toEqual(['province', 'regency', 'segment', 'kanwil', 'sector']);
    expect(await offered(['jamsostek', 'breakdown', '--by', 're'])).toEqual(['regency']);
  });

  it('offers nothing for --fields, --year or --top (a value to type, not a file)', async () => {
    for (const flag of ['--fields', '--year', '--top']) expect(await offered(['jamsostek', 'coverage', flag, ''])).toEqual([]);
  });

  it('offers file names where a file is asked for, and the choices of a flag that has them', async () => {
    expect(await offered(['jamsostek', 'coverage', '-o', 'ju'])).toEqual(['juni-2024.csv']);
    expect(await offered(['jamsostek', 'coverage', '--targets', ''])).toContain('juni-2024.csv');
    expect(await offered(['jamsostek', 'coverage', 'ju'])).toEqual(['juni-2024.csv']);
    expect(await offered(['jamsostek', 'coverage', '--format', 'j'])).toEqual(['json', 'jsonl']);
    expect(await offered(['jamsostek', 'breakdown', '--method', 'h'])).toEqual(['hamilton', 'huntington-hill']);
  });

  it('offers -q beside --quiet', async () => {
    expect(await offered(['jamsostek', 'coverage', '-'])).toEqual(expect.arrayContaining(['-q', '--quiet', '-o', '-f']));
  });
});

describe('-q', () => {
  it('is --quiet: no notes on stderr, the same report on stdout', async () => {
    const loud = await run(['breakdown', '--year', '2024', '-f', 'csv']);
    const quiet = await run(['breakdown', '--year', '2024', '-f', 'csv', '-q']);
    expect(loud.stderr).toContain('note: using the bundled baseline');
    // rv19: a target below a figure published later changes what it means: --quiet keeps it.
    const kept = loud.stderr.split('\n').filter((l) => l.startsWith('warning:') && l.includes('is below the'));
    expect(kept).toHaveLength(4);
    expect(quiet).toEqual({ code: 0, stdout: loud.stdout, stderr: kept.join('\n') + '\n' });
  });
});

describe('the same output named twice', () => {
  it.each([
    ['a.csv', 'a.csv'],
    ['a.csv', './a.csv'],
    ['-', '/dev/stdout'],
  ])('-o %s -o %s is a usage error (exit 2), and nothing is written', async (a, b) => {
    const dir = tmp();
    const r = await run(['breakdown', '--year', '2024', '-q', '-f', 'csv', '-o', a, '-o', b], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: is the same output as .*; each output can be named once\n {2}hint: give each output its own path/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
  });
});
