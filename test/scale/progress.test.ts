// A progress bar on stderr for inputs that take more than a moment, only when stderr is a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { BIN, ROOT, spawnCli as run } from '../e2e/helpers.js';

describe('progress bar', () => {
  it('is drawn on a terminal and never when stderr is a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jamsostek-progress-'));
    const file = join(dir, 'extract.csv');
    await generate(1_200_000, file);
    // `script` gives the command a pseudo-terminal. The file comes in on stdin, which the general path
    // reads (a few seconds): a named file this size goes through the extract fast path, which may finish
    // before the bar's first half second on a fast machine.
    const tty = spawnSync('script', ['-qfec', `${process.execPath} ${BIN} coverage --extract - -f csv -o ${join(dir, 'out.csv')} < ${file}`, '/dev/null'], {
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
