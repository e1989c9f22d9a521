// Nothing lost, nothing overwritten, nothing hangs (issue 14): what the CLI does with stdout failures,
// symlinks, devices, FIFOs, folders, inputs named as outputs, signals and closed pipes. The built CLI
// is spawned where only a process shows it (its own stdout and stderr, signals, FIFOs it blocks on);
// the rest runs in-process (runIn), on the same code.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, exitStatus, ROOT, run as runIn, spawnCli as run } from '../e2e/helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-safety-'));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const GOOD = join(ROOT, 'test/fixtures/good/provinces-2024-06.csv');
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C' };

/** Does process `pid` hold `path` open (Linux: /proc/<pid>/fd)? */
function holds(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** The command line of process `pid` ('' once it is gone). */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Wait until `condition` holds, looking again every 10 ms: no event tells a test that another process
 * reached a state. Fails at once if the process being waited on ends first (`exited`).
 */
async function until(condition: () => boolean, exited: Promise<number>): Promise<void> {
  let ended: number | undefined;
  void exited.then((status) => (ended = status));
  while (!condition()) {
    if (ended !== undefined) throw new Error(`the process ended (status ${ended}) before the state the test waits for`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Run the CLI through bash, for redirections the test runner cannot set up by itself. */
function sh(script: string, args: string[] = []): { stdout: string; stderr: string; status: number } {
  // stdin 'ignore': on a socket (Node's pipes are socket pairs) bash would read ~/.bashrc as if run by rshd.
  const r = spawnSync('bash', ['-c', script, 'sh', process.execPath, BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout: r.stdout, stderr: r.stderr, status: exitStatus(r.status, r.signal) };
}

describe('writes to stdout are checked', () => {
  it('> /dev/full exits 4 and says so', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'coverage', '--year', '2024', '-f', 'csv'], { cwd: ROOT, env: ENV, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(4);
      expect(r.stderr).toContain('<stdout>: error: cannot write (ENOSPC)');
    } finally {
      closeSync(full);
    }
  });

  it('validate > /dev/full exits 4 too (its lines are the report)', () => {
    const r = sh('"$1" "$2" validate "$3" > /dev/full', [GOOD]);
    expect(r.status).toBe(4);
  });

  it('appending the report to an input file (>> input) is refused with exit 4, the input untouched', () => {
    const dir = tmp();
    const f = join(dir, 'in.csv');
    copyFileSync(GOOD, f);
    const r = sh('"$1" "$2" coverage "$3" -f csv >> "$3"', [f]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('standard output is the input file');
    expect(readFileSync(f, 'utf8')).toBe(readFileSync(GOOD, 'utf8'));
  });
});

describe('-o writes through what it names', () => {
  it('a symlink stays a symlink; the file it points to is replaced', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'report.csv');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.csv');
    symlinkSync(join('real', 'report.csv'), link);
    const r = await runIn(['coverage', '--year', '2024', '-o', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('real', 'report.csv'));
    expect(readFileSync(target, 'utf8')).toMatch(/^province_code,province,/);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['report.csv']);
  });

  it('a dangling symlink creates the file it points to', async () => {
    const dir = tmp();
    const link = join(dir, 'link.csv');
    symlinkSync('new.csv', link);
    expect((await runIn(['coverage', '--year', '2024', '-o', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'new.csv'), 'utf8')).toMatch(/^province_code,/);
  });

  it('a replaced file keeps its permissions', async () => {
    const dir = tmp();
    const out = join(dir, 'private.csv');
    writeFileSync(out, 'old', { mode: 0o600 });
    expect((await runIn(['coverage', '--year', '2024', '-o', out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('a link to this process\'s stdout (like /dev/stdout) writes to stdout and stays a link', () => {
    const dir = tmp();
    const link = join(dir, 'stdout.csv');
    symlinkSync('/proc/self/fd/1', link);
    const r = run(['coverage', '--year', '2024', '-o', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^province_code,province,/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('-o /dev/stdout (through a link to it) goes down the pipe, and a closed pipe stays quiet', () => {
    // A link in a scratch folder, so that a writer that renames over links damages nothing real.
    const link = join(tmp(), 'out.csv');
    symlinkSync('/dev/stdout', link);
    const r = sh('"$1" "$2" breakdown --year 2024 --months -f csv -o "$3" | head -1; echo "status ${PIPESTATUS[0]}"', [link]);
    expect(r.stdout).toMatch(/^period,year,province_code,province,/);
    expect(r.stdout).toContain('status 0');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it.runIf(isRoot)('a character device is written in place, never renamed over (a private /dev/null)', async () => {
    const dir = tmp();
    const dev = join(dir, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    const r = await runIn(['coverage', '--year', '2024', '-o', dev]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it.runIf(isRoot)('a full character device (like /dev/full) exits 4', async () => {
    const dir = tmp();
    const dev = join(dir, 'full');
    expect(spawnSync('mknod', [dev, 'c', '1', '7']).status).toBe(0);
    const r = await runIn(['coverage', '--year', '2024', '-o', dev]);
    expect(r.code).toBe(4);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is written in place: the reader gets the whole report, the FIFO stays', async () => {
    const dir = tmp();
    const fifo = join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'coverage', '--year', '2024', '-f', 'csv', '-o', fifo], { cwd: ROOT, env: ENV });
    const exited = new Promise<number>((res) => child.on('exit', (c, s) => res(exitStatus(c, s))));
    const reader = spawnSync('cat', [fifo], { encoding: 'utf8', timeout: 20_000 });
    expect(await exited).toBe(0);
    expect(reader.stdout).toBe((await runIn(['coverage', '--year', '2024', '-f', 'csv'])).stdout);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.fifo']);
  });

  it('a folder is refused with exit 4, and nothing is left in it', async () => {
    const dir = tmp();
    const folder = join(dir, 'out');
    mkdirSync(folder);
    for (const target of [folder, `${folder}/`]) {
      const r = await runIn(['coverage', '--year', '2024', '-o', target]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/(is|names) a folder, not a file/);
    }
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('-o never overwrites a file the run reads', () => {
  const copy = (dir: string, name: string, text: string): string => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const refused = async (args: string[], file: string, cwd?: string): Promise<void> => {
    const before = readFileSync(file, 'utf8');
    const r = await runIn([...args, '-o', file], { cwd });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain('is also an input');
    expect(readFileSync(file, 'utf8')).toBe(before);
  };

  it('--targets', async () => {
    const dir = tmp();
    const t = copy(dir, 'targets.csv', readFileSync(join(ROOT, 'test/fixtures/good/targets.csv'), 'utf8'));
    await refused(['coverage', GOOD, '--targets', t], t);
  });

  it('--previous', async () => {
    const dir = tmp();
    const prev = copy(dir, 'prev.csv', readFileSync(join(ROOT, 'test/fixtures/good/provinces-2024-05.csv'), 'utf8'));
    await refused(['coverage', GOOD, '--previous', prev], prev);
  });

  it('--workforce', async () => {
    const dir = tmp();
    const lines = ['participant_id,province,period'];
    for (let i = 0; i < 20; i++) lines.push(`${i},Gorontalo,2024-06`);
    const extract = copy(dir, 'extract.csv', lines.join('\n') + '\n');
    const wf = copy(dir, 'wf.csv', 'province,workforce\nGorontalo,1000\n');
    await refused(['coverage', extract, '--workforce', wf], wf);
  });

  it('--row-totals and --column-totals', async () => {
    const dir = tmp();
    const one = JSON.parse((await runIn(['breakdown', '--year', '2024', '-f', 'json'])).stdout) as { rows: { province: string; target: number }[] };
    const rows = copy(dir, 'rows.csv', 'province,total\n' + one.rows.map((x) => `${x.province},${x.target}`).join('\n') + '\n');
    const cols = copy(dir, 'cols.csv', 'segment,total\nPU,30000000\nBPU,11000000\nJAKON,8400000\nPMI,600000\n');
    const args = ['breakdown', '--year', '2024', '--by', 'province,segment', '--row-totals', rows, '--column-totals', cols, '-f', 'csv'];
    await refused(args, rows);
    await refused(args, cols);
  });

  it('--phasing', async () => {
    const dir = tmp();
    const profile = copy(dir, 'profile.csv', 'month,weight\n' + Array.from({ length: 12 }, (_, i) => `${i + 1},1`).join('\n') + '\n');
    await refused(['breakdown', '--year', '2024', '--months', '--phasing', profile, '-f', 'csv'], profile);
  });

  it('the config file, given with --config or found in the working folder', async () => {
    const dir = tmp();
    const config = copy(dir, 'jamsostek.json', '{ "lang": "en" }\n');
    await refused(['coverage', '--year', '2024', '-f', 'json', '--config', config], config);
    await refused(['coverage', '--year', '2024', '-f', 'json'], config, dir);
    // template writes CSV or xlsx only: -o jamsostek.json is refused for its name (exit 2) before the
    // check of inputs; a config file named .csv shows that check.
    const template = await runIn(['template', '-o', config], { cwd: dir });
    expect(template.code, template.stderr).toBe(2);
    expect(readFileSync(config, 'utf8')).toBe('{ "lang": "en" }\n');
    const csvNamed = copy(dir, 'defaults.csv', '{ "lang": "en" }\n');
    await refused(['template', '--config', csvNamed], csvNamed, dir);
  });

  it('a data input reached through a hard link', async () => {
    const dir = tmp();
    const f = copy(dir, 'in.csv', readFileSync(GOOD, 'utf8'));
    const other = join(dir, 'other-name.csv');
    spawnSync('ln', [f, other]);
    const before = readFileSync(f, 'utf8');
    const r = await runIn(['coverage', f, '-o', other]);
    expect(r.code).toBe(4);
    expect(readFileSync(f, 'utf8')).toBe(before);
  });
});

describe('inputs: globs and FIFOs', () => {
  it('a glob that matches nothing is an input error (3), like a missing file', async () => {
    const dir = tmp();
    const glob = await runIn(['coverage', join(dir, '*.csv')]);
    const missing = await runIn(['coverage', join(dir, 'missing.csv')]);
    expect(missing.code).toBe(3);
    expect(glob.code).toBe(3);
    expect(glob.stderr).toContain('no file matches');
    expect((await runIn(['validate', join(dir, '*.csv')])).code).toBe(3);
  });

  it.each(['coverage', 'validate'])('%s reads a FIFO to the end once its writer closes it', async (cmd) => {
    // The writer runs in a child: opening a FIFO for writing waits for the reader.
    const dir = tmp();
    const path = join(dir, 'in.csv');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    const writer = spawn('bash', ['-c', 'cat "$0" > "$1"', GOOD, path]);
    const child = spawn(process.execPath, [BIN, cmd, path, ...(cmd === 'coverage' ? ['-f', 'csv'] : [])], { cwd: ROOT, env: ENV });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    const status = await new Promise<number>((res) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('exit', (c, s) => {
        clearTimeout(timer);
        res(exitStatus(c, s));
      });
    });
    writer.kill('SIGKILL');
    expect(status).toBe(0);
    expect(stdout).toMatch(cmd === 'coverage' ? /Gorontalo/ : /in\.csv,,,ok,.*,3,0,,detail/);
  });

  describe.each(['coverage', 'validate'])('%s blocked on a FIFO ends on a signal', (cmd) => {
    it.each([
      ['no writer', 'SIGINT', 130],
      ['no writer', 'SIGTERM', 143],
      ['a writer that stops', 'SIGINT', 130],
      ['a writer that stops', 'SIGTERM', 143],
    ] as const)('%s, %s: status %i', async (state, sig, expected) => {
      const header = 'province,period,workforce,participants\nGorontalo,2024-06,1000,210\n';
      const dir = tmp();
      const path = join(dir, 'in.csv');
      expect(spawnSync('mkfifo', [path]).status).toBe(0);
      const cli = spawn(process.execPath, [BIN, cmd, path], { cwd: ROOT, env: ENV });
      const exited = new Promise<number>((res) => cli.on('exit', (c, s) => res(exitStatus(c, s))));
      let writer: ReturnType<typeof spawn> | undefined;
      // Signalled once it is blocked: it holds the FIFO open (and, with a writer, the writer has sent
      // its lines and sleeps) — a state, not a guess of how long start-up takes.
      await until(() => holds(cli.pid!, path), exited);
      if (state === 'a writer that stops') {
        // The writer opens the FIFO (meeting the reader), sends a header and a row, then stays silent.
        writer = spawn('bash', ['-c', 'printf "%s" "$0" > "$1".src; exec 3>"$1"; cat "$1".src >&3; exec sleep 60', header, path]);
        await until(() => commandOf(writer!.pid!).startsWith('sleep'), exited);
      }
      cli.kill(sig);
      const timer = setTimeout(() => cli.kill('SIGKILL'), 10_000);
      const status = await exited;
      clearTimeout(timer);
      writer?.kill('SIGKILL');
      expect(status).toBe(expected);
    });
  });
});

describe('exit codes survive a closed stderr (2>&1 | head)', () => {
  // stderr is a pipe whose reader is closed before the CLI starts (perl makes the pipe, closes its
  // read end, then runs the CLI), so every write to stderr fails with EPIPE.
  it.each([
    [['coverage', 'missing.csv'], 3],
    [['breakdown', '--year', 'abc'], 2],
    [['coverage', '--bogus-flag'], 2],
  ])('%j exits %i, not 1', (args, code) => {
    const closed = 'pipe(my $r, my $w) or die; close $r; open(STDERR, ">&", $w) or die; close $w; exec @ARGV or die';
    const r = spawnSync('perl', ['-e', closed, process.execPath, BIN, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'inherit'] });
    expect(exitStatus(r.status, r.signal)).toBe(code);
  });
});

describe('no test hook in the shipped code', () => {
  it('dist/ does not mention JAMSOSTEK_TEST_*', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else files.push(join(d, e.name));
      }
    };
    walk(join(ROOT, 'dist'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain('JAMSOSTEK_TEST');
  });

  it('a writer cannot be held by the environment', () => {
    // Held for a billion milliseconds (11 days), the run would outlast the test's time-out.
    const dir = tmp();
    const out = join(dir, 'r.csv');
    const r = run(['breakdown', '--year', '2024', '-o', out], { env: { JAMSOSTEK_TEST_HOLD_TEMP_MS: '1000000000' } });
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
