// Faults, by spawning the built CLI: killed mid-write, interrupted, a full disk, two jobs at once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, spawnCli as run } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-faults-'));
const temps = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Start a run that holds its finished temporary file for a while, and resolve once the file exists. */
function startHeld(args: string[], dir: string, holdMs = 5000) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', JAMSOSTEK_TEST_HOLD_TEMP_MS: String(holdMs) } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  const tempReady = new Promise<void>((res, rej) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (temps(dir).length > 0) {
        clearInterval(poll);
        res();
      } else if (Date.now() - started > 20000) {
        clearInterval(poll);
        rej(new Error(`no temporary file appeared; stderr: ${stderr}`));
      }
    }, 10);
  });
  return { child, exited, tempReady, stderr: () => stderr };
}

describe.each(['csv', 'xlsx', 'html'])('killed while writing -o report.%s', (ext) => {
  it('leaves the old file, and the next run removes the stray temporary file', async () => {
    const dir = tmp();
    const out = join(dir, `report.${ext}`);
    writeFileSync(out, 'old report');
    const args = ['breakdown', '--year', '2026', '--by', 'province,segment', '-o', out];
    const h = startHeld(args, dir);
    await h.tempReady;
    h.child.kill('SIGKILL');
    const { signal } = await h.exited;
    expect(signal).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe('old report');
    expect(temps(dir)).toHaveLength(1); // SIGKILL cannot be caught: the temporary file stays…
    const next = run(args);
    expect(next.code).toBe(0);
    expect(temps(dir)).toEqual([]); // …until the next run sweeps it
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });
});

describe('interrupted', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the temporary file and exits %i, old file intact', async (sig, code) => {
    const dir = tmp();
    const out = join(dir, 'report.csv');
    writeFileSync(out, 'old report');
    const h = startHeld(['coverage', '--year', '2024', '-o', out], dir);
    await h.tempReady;
    h.child.kill(sig);
    const res = await h.exited;
    expect(res.code).toBe(code);
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('old report');
  });
});

describe('two jobs writing the same output', () => {
  it('never interleave: the file is one complete report', async () => {
    const dir = tmp();
    const out = join(dir, 'report.csv');
    const a = startHeld(['breakdown', '--year', '2024', '-o', out], dir, 300);
    const b = startHeld(['breakdown', '--year', '2026', '-o', out], dir, 300);
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const expected = [run(['breakdown', '--year', '2024', '-f', 'csv']).stdout, run(['breakdown', '--year', '2026', '-f', 'csv']).stdout];
    expect(expected).toContain(text);
    expect(temps(dir)).toEqual([]);
  });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('a full disk', () => {
  // Needs a tiny tmpfs, which only root can mount (CI runs as root on these machines).
  it.runIf(isRoot)('exits 4 with the old file intact and no temporary file', () => {
    const mnt = join(tmp(), 'tiny');
    mkdirSync(mnt);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', mnt]).status).toBe(0);
    try {
      const out = join(mnt, 'report.csv');
      writeFileSync(out, 'old report');
      const r = run(['breakdown', '--year', '2026', '--months', '-o', out]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/cannot write \(ENOSPC\); the previous file was left unchanged/);
      expect(readFileSync(out, 'utf8')).toBe('old report');
      expect(temps(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
    expect(existsSync(join(mnt, 'report.csv'))).toBe(false);
  });

  it('an unwritable folder exits 4 with the old file intact', () => {
    const dir = tmp();
    const out = join(dir, 'report.csv');
    writeFileSync(out, 'old report');
    spawnSync('chmod', ['555', dir]);
    try {
      // Root ignores folder permissions; then a path below a file stands in as "cannot create".
      const target = isRoot ? join(out, 'x.csv') : out;
      const r = run(['breakdown', '--year', '2024', '-o', target]);
      expect(r.code).toBe(4);
      expect(readFileSync(out, 'utf8')).toBe('old report');
    } finally {
      spawnSync('chmod', ['755', dir]);
    }
  });
});
