// rv24 G5: data piped or redirected into `coverage` (or `breakdown`) without `-` was ignored: the national
// bundled report came out, exit 0, and under -q nothing was said. Now refused (exit 2) when standard input
// holds data; a terminal, /dev/null, an empty file or an idle pipe (cron, CI) run as before. Real
// processes: only fd 0 of a process shows what the shell gave it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tmp } from './helpers.js';

const GOR = 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259626\n';
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C' };

function withStdinFile(path: string, args: string[]) {
  const fd = openSync(path, 'r');
  try {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: [fd, 'pipe', 'pipe'], env: ENV, encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

function throughShellPipe(dir: string, args: string[]) {
  const cmd = `cat gor.csv | "${process.execPath}" "${BIN}" ${args.join(' ')}`;
  return spawnSync('/bin/sh', ['-c', cmd], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: ENV, encoding: 'utf8' });
}

const lines = (s: string): number => s.split('\n').filter((l) => l !== '').length;

describe('data on standard input without - (rv24 G5)', () => {
  it('`cat file | coverage -q` is refused with exit 2, naming - (was: the bundled report, exit 0, silent)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gor.csv'), GOR);
    const r = throughShellPipe(dir, ['coverage', '-q', '-f', 'csv']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: data on standard input: pass - to read it');
    expect(r.stderr).toContain('`… | jamsostek coverage -`');
    // and with - it is read: Gorontalo and the total, 259,626 / 422,934
    const ok = throughShellPipe(dir, ['coverage', '-', '-q', '-f', 'csv']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Gorontalo,422934,259626,0.613869');
  });

  it('`coverage -q < file` is refused too, in Indonesian with --lang id', () => {
    const dir = tmp();
    const f = join(dir, 'gor.csv');
    writeFileSync(f, GOR);
    const r = withStdinFile(f, ['coverage', '-q', '-f', 'csv', '--lang', 'id']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ada data pada masukan standar: berikan - untuk membacanya');
  });

  it('breakdown without --input says --input -', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gor.csv'), GOR);
    const r = throughShellPipe(dir, ['breakdown', '--year', '2024', '-q', '-f', 'csv']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('pass --input - to read it');
  });

  it('a flag that reads standard input (--targets -) takes the piped data: no refusal', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gor.csv'), GOR);
    const r = throughShellPipe(dir, ['coverage', '--year', '2024', '--targets', '-', '-q', '-f', 'csv']);
    expect(r.stderr).not.toContain('data on standard input');
  });

  it('/dev/null and an empty file: the bundled report as before (38 provinces, the total and the header)', () => {
    const empty = join(tmp(), 'empty.csv');
    writeFileSync(empty, '');
    for (const path of ['/dev/null', empty]) {
      const r = withStdinFile(path, ['coverage', '-q', '-f', 'csv']);
      expect(r.status, r.stderr).toBe(0);
      expect(lines(r.stdout)).toBe(40);
    }
  });

  it('a pipe left open and empty (a CI runner, a test harness) never blocks the run', async () => {
    const child = spawn(process.execPath, [BIN, 'coverage', '-q', '-f', 'csv'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: ENV });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 15_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(lines(out)).toBe(40);
  }, 20_000);
});

describe('a closed standard output, as the README says (rv24 G11)', () => {
  it('is exit 4 with a hint, and the README says so (it said a closed stdout could not be told from /dev/null)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain('A closed stdout (`>&-`) is exit 4 too, with the hint to redirect it to a file or pass `-o <file>`.');
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" breakdown --year 2024 -q >&-`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: ENV, encoding: 'utf8' });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('hint: standard output is closed (>&-): redirect it to a file, or pass -o <file>');
  });
});
