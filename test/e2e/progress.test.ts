// A progress bar on stderr for inputs that take more than a moment, only when stderr is a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { BIN, ROOT, spawnCli as run } from './helpers.js';

describe('progress bar', () => {
  it('is drawn on a terminal and never when stderr is a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jamsostek-progress-'));
    const file = join(dir, 'extract.csv');
    await generate(2_500_000, file);
    // `script` gives the command a pseudo-terminal.
    const tty = spawnSync('script', ['-qfec', `${process.execPath} ${BIN} coverage --extract ${file} -f csv -o ${join(dir, 'out.csv')}`, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'xterm' },
    });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\r\[#+ *\] \d+% \d+ MiB/);
    const piped = run(['coverage', '--extract', file, '-f', 'csv']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('[#');
    expect(piped.stderr).not.toContain('\r');
  });
});
