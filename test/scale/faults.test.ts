// Faults, by spawning processes: killed mid-write, interrupted, a full disk, two jobs at once. The
// exact moment "temporary file complete, not yet renamed" is reached through the test-only entry
// point test/support/held-writer.mjs (the shipped CLI has no hook); the CLI itself is killed at random
// moments by `npm run faults`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitStatus, ROOT, run as runIn, spawnCli as run } from '../e2e/helpers.js';

const HELD = join(ROOT, 'test', 'support', 'held-writer.mjs');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-faults-'));
const temps = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Start the held writer; `held` resolves once every temporary file is complete. */
function startHeld(holdMs: number, pairs: string[]) {
  const child = spawn(process.execPath, [HELD, String(holdMs), ...pairs], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const held = new Promise<void>((res, rej) => {
    child.stdout.on('data', (d) => {
      stdout += String(d);
      if (stdout.includes('held\n')) res();
    });
    child.on('exit', () => rej(new Error(`the writer ended before holding; stderr: ${stderr}`)));
  });
  const exited = new Promise<number>((res) => child.on('exit', (code, signal) => res(exitStatus(code, signal))));
  return { child, held, exited, output: () => stdout, errors: () => stderr };
}

/** A real report in each format, rendered by the CLI (in-process: no process needed), for the writer to write. */
async function rendered(dir: string, ext: string): Promise<string> {
  const file = join(dir, `source.${ext}`);
  expect((await runIn(['breakdown', '--year', '2026', '--by', 'province,segment', '-o', file])).code).toBe(0);
  return file;
}

describe.each(['csv', 'xlsx', 'html'])('killed while writing report.%s', (ext) => {
  it('leaves the old file, and the next run removes the stray temporary file', async () => {
    const dir = tmp();
    const source = await rendered(tmp(), ext);
    const out = join(dir, `report.${ext}`);
    writeFileSync(out, 'old report');
    const h = startHeld(10_000, [`${out}=${source}`]);
    await h.held;
    h.child.kill('SIGKILL');
    expect(await h.exited).toBe(137);
    expect(readFileSync(out, 'utf8')).toBe('old report');
    expect(temps(dir)).toHaveLength(1); // SIGKILL cannot be caught: the temporary file stays…
    const next = await runIn(['breakdown', '--year', '2026', '--by', 'province,segment', '-o', out]);
    expect(next.code).toBe(0);
    expect(temps(dir)).toEqual([]); // …until the next run sweeps it
    // A complete new report (xlsx files carry a creation time, so compare the size, not the bytes).
    expect(readFileSync(out).length).toBeGreaterThan(readFileSync(source).length * 0.9);
    if (ext !== 'xlsx') expect(readFileSync(out).equals(readFileSync(source))).toBe(true);
  });
});

describe('interrupted while holding complete temporary files', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s removes every temporary file and ends with status %i; the old files are intact', async (sig, status) => {
    const dir = tmp();
    const source = await rendered(tmp(), 'csv');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'old a');
    const h = startHeld(10_000, [`${a}=${source}`, `${b}=${source}`]);
    await h.held;
    expect(temps(dir)).toHaveLength(2);
    h.child.kill(sig);
    expect(await h.exited).toBe(status);
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(a, 'utf8')).toBe('old a');
    expect(existsSync(b)).toBe(false);
  });
});

describe('two writers of the same output', () => {
  it('never interleave: the file is one complete report', async () => {
    const dir = tmp();
    const out = join(dir, 'report.csv');
    const one = join(dir, 'one.src');
    const two = join(dir, 'two.src');
    writeFileSync(one, 'one\n'.repeat(50_000));
    writeFileSync(two, 'two\n'.repeat(60_000));
    const a = startHeld(300, [`${out}=${one}`]);
    const b = startHeld(300, [`${out}=${two}`]);
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    expect([readFileSync(one, 'utf8'), readFileSync(two, 'utf8')]).toContain(readFileSync(out, 'utf8'));
    expect(temps(dir)).toEqual([]);
  });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Mount a tiny tmpfs (root only; CI runs as root on these machines) for the duration of `body`. */
function withTinyDisk(body: (mnt: string) => void): void {
  const mnt = join(tmp(), 'tiny');
  mkdirSync(mnt);
  expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', mnt]).status).toBe(0);
  try {
    body(mnt);
  } finally {
    spawnSync('umount', [mnt]);
  }
}

describe('a full disk', () => {
  it.runIf(isRoot)('-o: exits 4 with the old file intact and no temporary file', () => {
    withTinyDisk((mnt) => {
      const out = join(mnt, 'report.csv');
      writeFileSync(out, 'old report');
      const r = run(['breakdown', '--year', '2026', '--months', '-o', out]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/cannot write \(ENOSPC\); the previous file was left unchanged/);
      expect(readFileSync(out, 'utf8')).toBe('old report');
      expect(temps(mnt)).toEqual([]);
    });
  });

  it.runIf(isRoot)('> file: a report cut by the full disk exits 4, not 0', () => {
    withTinyDisk((mnt) => {
      const r = spawnSync('bash', ['-c', `"$0" "$1" breakdown --year 2026 --months -f csv > "$2"`, process.execPath, join(ROOT, 'bin', 'jamsostek.js'), join(mnt, 'out.csv')], { encoding: 'utf8' });
      expect(r.status).toBe(4);
      expect(r.stderr).toContain('<stdout>: error: cannot write (ENOSPC); the report on standard output is incomplete');
    });
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
