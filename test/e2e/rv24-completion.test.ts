// rv24 G1: completion offered no files for coverage/validate in fish and zsh (their whole input), bash's
// `completion <TAB>` offered files (a dead arm), and zsh never offered a repeatable flag twice.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './helpers.js';

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore' }).status === 0;

async function folderWith(shell: string): Promise<string> {
  const dir = tmp();
  writeFileSync(join(dir, `completion.${shell}`), (await run(['completion', shell])).stdout);
  writeFileSync(join(dir, 'juni-2024.csv'), 'province,participants\n');
  return dir;
}

describe('completion scripts (rv24 G1)', () => {
  it('bash: `completion <TAB>` offers the shells, not files', async () => {
    const dir = await folderWith('bash');
    const probe = 'source ./completion.bash\nCOMP_WORDS=(jamsostek completion ""); COMP_CWORD=2\n_jamsostek\nprintf "%s\\n" "${COMPREPLY[@]}"';
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', probe], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['bash', 'zsh', 'fish']);
  });

  it.skipIf(!has('fish'))('fish: coverage and validate complete file names; breakdown (no file arguments) does not', async () => {
    const dir = await folderWith('fish');
    const ask = (line: string): string[] => {
      const r = spawnSync('fish', ['--no-config', '-c', `source completion.fish; complete -C "${line}"`], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: dir } });
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(ask('jamsostek coverage ')).toContain('juni-2024.csv');
    expect(ask('jamsostek validate ju')).toEqual(['juni-2024.csv']);
    expect(ask('jamsostek breakdown ')).not.toContain('juni-2024.csv');
  });

  it('zsh: the empty word under the cursor is kept, and repeatable flags are offered again', async () => {
    const script = (await run(['completion', 'zsh'])).stdout;
    expect(script).toContain('words=("${(@)words[2,-1]}")');
    expect(script).not.toContain('words=(${words[2,-1]})');
    expect(script).toContain("'*'{-o,--output}'[");
    expect(script).toContain("'*--previous[");
    expect(script).toContain("'(-f --format)'{-f,--format}'[");
    if (has('zsh')) expect(spawnSync('zsh', ['-n'], { input: script }).status).toBe(0);
  });
});

describe('breakdown --help names a file the package does not ship (rv24 G2)', () => {
  it('says that examples/ is in the source checkout', async () => {
    const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).not.toContain('examples');
    const help = (await run(['breakdown', '--help'])).stdout;
    expect(help).toContain('examples/gorontalo-regencies.csv');
    expect(help).toContain('(examples/gorontalo-regencies.csv is in the source checkout, not in the installed package)');
  });
});
