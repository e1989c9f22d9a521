// npm run faults: the fault campaign of issue 14, repeated N times, with figures.
//
//   npm run faults              # N = 10 per case (FAULT_RUNS=50 npm run faults for more)
//
// 1. SIGKILL at a random moment while `breakdown … -o report.<fmt>` runs, for every format: the output
//    is afterwards the old file or the complete new report, never a part; a temporary file may stay
//    (SIGKILL cannot be caught) and the next run must sweep it.
// 2. Two writers of one output at once: both exit 0, the file is one of the two complete reports.
// 3. A full disk (a small tmpfs; root only): -o exits 0 with the complete report or 4 with the old file
//    intact and no temporary file; `> file` on the full disk exits 0 (complete) or 4, never 0 cut.
// 4. A closed stdout: `| head -c K` at a random K exits 0 quietly; `> /dev/full` exits 4; a closed
//    stderr (`2>&1 | true`) keeps the real exit code.
// Nothing here is asserted by `npm test` (it takes minutes); the script exits 1 if any run failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'jamsostek.js');
const N = Math.max(1, Number(process.env.FAULT_RUNS ?? process.argv[2] ?? 10));
const FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'md', 'html', 'xlsx', 'table'];
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C' };
const isRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(join(tmpdir(), 'jamsostek-faults-'));
const temps = (dir) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const rows = [];

function record(name, stats) {
  rows.push({ name, ...stats });
  console.error(`${name}: ${stats.runs} runs, ${stats.failures} failures${stats.note ? ` (${stats.note})` : ''}`);
}

const args = (year, fmt, out) => ['breakdown', '--year', String(year), '--by', 'province,segment', '--months', '-f', fmt, '-o', out];

function reference(year, fmt) {
  const out = join(scratch, `ref-${year}.${fmt}`);
  const r = spawnSync(process.execPath, [BIN, ...args(year, fmt, out)], { env: ENV });
  if (r.status !== 0) throw new Error(`reference run failed: ${r.stderr}`);
  return readFileSync(out);
}

/** Complete means: the reference bytes (every format is byte-identical between runs, xlsx included). */
function complete(buf, ref) {
  return buf.equals(ref);
}

function spawnCli(cliArgs) {
  const child = spawn(process.execPath, [BIN, ...cliArgs], { env: ENV, stdio: 'ignore' });
  const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return { child, exited };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves when a temporary file shows up in `dir` (or after `limitMs`, whichever comes first). */
function tempAppears(dir, limitMs) {
  return new Promise((res) => {
    const watcher = watch(dir, () => {
      if (temps(dir).length) done();
    });
    const timer = setTimeout(done, limitMs);
    function done() {
      clearTimeout(timer);
      watcher.close();
      res();
    }
  });
}

// How long a run takes here, so that kill moments cover all of it (start-up, compute, write, rename).
function timeRun(fmt) {
  const dir = mkdtempSync(join(scratch, 't-'));
  const t = Date.now();
  spawnSync(process.execPath, [BIN, ...args(2026, fmt, join(dir, `r.${fmt}`))], { env: ENV });
  return Date.now() - t;
}

async function killCampaign() {
  for (const fmt of FORMATS) {
    const ref = reference(2026, fmt);
    const span = Math.max(200, timeRun(fmt));
    const s = { runs: 0, failures: 0, killedBeforeExit: 0, oldKept: 0, newComplete: 0, partial: 0, killedInTempWindow: 0, strayAfterKill: 0, strayAfterNextRun: 0 };
    for (let i = 0; i < N; i++) {
      const dir = mkdtempSync(join(scratch, `kill-${fmt}-`));
      const out = join(dir, `report.${fmt}`);
      writeFileSync(out, 'old report');
      const { child, exited } = spawnCli(args(2026, fmt, out));
      // A third of the moments anywhere in the run, a third in its last part (rendering, writing), a
      // third within a few milliseconds of the temporary file appearing (writing, flushing, renaming).
      if (i % 3 === 0) await sleep(Math.random() * span);
      else if (i % 3 === 1) await sleep(span * (0.6 + Math.random() * 0.5));
      else await tempAppears(dir, span * 3).then(() => sleep(Math.random() * 4));
      child.kill('SIGKILL');
      const { signal } = await exited;
      s.runs++;
      if (signal === 'SIGKILL') s.killedBeforeExit++;
      const now = readFileSync(out);
      if (now.toString() === 'old report') s.oldKept++;
      else if (complete(now, ref, fmt)) s.newComplete++;
      else s.partial++;
      const left = temps(dir).length;
      s.strayAfterKill += left;
      if (left) s.killedInTempWindow++;
      // The next run sweeps what the killed one left.
      const next = spawnSync(process.execPath, [BIN, ...args(2026, fmt, out)], { env: ENV });
      const stray = temps(dir).length;
      s.strayAfterNextRun += stray;
      if (next.status !== 0 || stray > 0 || !complete(readFileSync(out), ref, fmt)) s.failures++;
      rmSync(dir, { recursive: true, force: true });
    }
    s.failures += s.partial;
    record(`SIGKILL while writing ${fmt}`, { ...s, note: `killed before exit ${s.killedBeforeExit} (${s.killedInTempWindow} while the temporary file existed), old kept ${s.oldKept}, new complete ${s.newComplete}` });
  }
}

async function concurrentCampaign() {
  const fmts = ['csv', 'xlsx'];
  for (const fmt of fmts) {
    const refs = [reference(2024, fmt), reference(2026, fmt)];
    const s = { runs: 0, failures: 0, partial: 0, strayAfterKill: 0, strayAfterNextRun: 0 };
    for (let i = 0; i < N; i++) {
      const dir = mkdtempSync(join(scratch, `pair-${fmt}-`));
      const out = join(dir, `report.${fmt}`);
      const a = spawnCli(args(2024, fmt, out));
      const b = spawnCli(args(2026, fmt, out));
      const [ra, rb] = await Promise.all([a.exited, b.exited]);
      s.runs++;
      const now = readFileSync(out);
      const whole = refs.some((r) => complete(now, r, fmt));
      if (!whole) s.partial++;
      const stray = temps(dir).length;
      s.strayAfterNextRun += stray;
      if (ra.code !== 0 || rb.code !== 0 || !whole || stray) s.failures++;
      rmSync(dir, { recursive: true, force: true });
    }
    record(`two concurrent writers (${fmt})`, s);
  }
}

function fullDiskCampaign() {
  if (!isRoot) {
    record('full disk', { runs: 0, failures: 0, note: 'skipped: mounting a tmpfs needs root' });
    return;
  }
  const mnt = join(scratch, 'tiny');
  mkdirSync(mnt);
  const s = { runs: 0, failures: 0, exit0Complete: 0, exit4OldKept: 0, partial: 0, strayAfterKill: 0, strayAfterNextRun: 0 };
  const so = { runs: 0, failures: 0, exit0Complete: 0, exit4: 0, partial: 0 };
  try {
    for (let i = 0; i < N; i++) {
      const fmt = FORMATS[i % FORMATS.length];
      const ref = reference(2026, fmt);
      // Between a quarter and twice the report's size: some runs fit, most do not.
      const kib = Math.max(4, Math.ceil(((0.25 + Math.random() * 1.75) * ref.length) / 1024));
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', mnt]).status !== 0) throw new Error('mount failed');
      try {
        const out = join(mnt, `report.${fmt}`);
        writeFileSync(out, 'old report');
        const r = spawnSync(process.execPath, [BIN, ...args(2026, fmt, out)], { env: ENV, encoding: 'utf8' });
        s.runs++;
        const now = readFileSync(out);
        const stray = temps(mnt).length;
        s.strayAfterNextRun += stray;
        if (r.status === 0 && complete(now, ref, fmt)) s.exit0Complete++;
        else if (r.status === 4 && now.toString() === 'old report') s.exit4OldKept++;
        else s.partial++;
        if (stray || !((r.status === 0 && complete(now, ref, fmt)) || (r.status === 4 && now.toString() === 'old report'))) s.failures++;
        rmSync(out, { force: true });
        // The same report to stdout, redirected into the full disk.
        if (fmt !== 'xlsx') {
          const file = join(mnt, `stdout.${fmt}`);
          const sh = spawnSync('bash', ['-c', `"$0" "$1" breakdown --year 2026 --by province,segment --months -f ${fmt} > "$2"`, process.execPath, BIN, file], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
          so.runs++;
          const got = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
          if (sh.status === 0 && complete(got, ref, fmt)) so.exit0Complete++;
          else if (sh.status === 4) so.exit4++;
          else {
            so.partial++;
            so.failures++;
          }
        }
      } finally {
        spawnSync('umount', [mnt]);
      }
    }
  } finally {
    rmSync(mnt, { recursive: true, force: true });
  }
  record('full disk, -o', { ...s, note: `exit 0 complete ${s.exit0Complete}, exit 4 old kept ${s.exit4OldKept}` });
  record('full disk, > file', { ...so, note: `exit 0 complete ${so.exit0Complete}, exit 4 ${so.exit4}` });
}

function closedStdoutCampaign() {
  const s = { runs: 0, failures: 0, note: '' };
  const bad = [];
  for (let i = 0; i < N; i++) {
    const k = Math.floor(Math.random() * 20000);
    const pipe = spawnSync('bash', ['-c', `"$0" "$1" breakdown --year 2026 --by province,segment --months -f csv | head -c ${k} > /dev/null; echo \${PIPESTATUS[0]}`, process.execPath, BIN], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const full = spawnSync('bash', ['-c', `"$0" "$1" coverage --year 2024 -f csv > /dev/full; echo $?`, process.execPath, BIN], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const stderrClosed = spawnSync('bash', ['-c', `st=$( { { sleep 0.2; "$0" "$1" coverage missing-${i}.csv; echo $? >&3; } 2>&1 | true; } 3>&1 ); echo $st`, process.execPath, BIN], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const got = [pipe.stdout.trim(), full.stdout.trim(), stderrClosed.stdout.trim()];
    s.runs += 3;
    if (got[0] !== '0') bad.push(`| head -c ${k}: ${got[0]}`);
    if (got[1] !== '4') bad.push(`> /dev/full: ${got[1]}`);
    if (got[2] !== '3') bad.push(`2>&1 | true: ${got[2]}`);
  }
  s.failures = bad.length;
  s.note = bad.length ? bad.slice(0, 5).join('; ') : '| head -c K → 0, > /dev/full → 4, closed stderr → 3';
  record('closed stdout / stderr', s);
}

const started = Date.now();
console.error(`fault campaign: N = ${N} per case, ${cpus().length} CPUs, Node ${process.version}, ${isRoot ? 'root' : 'not root'}`);
try {
  await killCampaign();
  await concurrentCampaign();
  fullDiskCampaign();
  closedStdoutCampaign();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const cell = (v) => (v === undefined ? '' : String(v));
console.log(`\n| case | runs | failures | partial files | stray temps after kill | stray temps after next run |\n|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.name} | ${r.runs} | ${r.failures} | ${cell(r.partial)} | ${cell(r.strayAfterKill)} | ${cell(r.strayAfterNextRun)} |`);
for (const r of rows) if (r.note) console.log(`- ${r.name}: ${r.note}`);
console.log(`\n${rows.reduce((a, r) => a + r.runs, 0)} runs, ${rows.reduce((a, r) => a + r.failures, 0)} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = rows.some((r) => r.failures > 0) ? 1 : 0;
