// npm run bench: start-up, allocation and coverage benchmarks, printed as Markdown tables.
// Timings are measured here, never asserted in tests. See bench/README.md for the latest figures.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allocate } from '../dist/core/allocation/apportion.js';
import { allocateMatrix } from '../dist/core/allocation/biproportional.js';
import { regionalSection } from './regional.js';
import { extractSection } from './extract.js';
import { outputSection } from './output.js';
import { xlsxSection } from './xlsx.js';
import { parquetSection } from './parquet.js';
import { targetsSection } from './targets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'jamsostek.js');
mkdirSync(OUT, { recursive: true });
const only = process.argv[2]; // startup | allocation | regional | extract | output | xlsx | parquet | targets
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const results = { machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`, date: new Date().toISOString().slice(0, 10) };
console.log(`# jamsostek benchmarks\n\nMachine: ${results.machine}\n`);

function timeCommand(cmd, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    spawnSync(cmd, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/**
 * Wall time, peak RSS and CPU time (user + system, every thread; ms) of a child process (GNU time when
 * present). On a machine shared with other jobs the CPU time moves far less than the wall time.
 */
function measure(cmd, args) {
  const gnuTime = existsSync('/usr/bin/time');
  const t = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const [kb, user, sys] = gnuTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, mb: kb / 1024, cpu: (user + sys) * 1000, stdout: r.stdout };
}

/** DuckDB, the comparison: the dev dependency, else installed into bench/.duckdb/ on first use. Its path, or undefined. */
function ensureDuckDb() {
  const dev = join(ROOT, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js');
  if (existsSync(dev)) return dev;
  const duckDir = join(ROOT, 'bench', '.duckdb');
  const duckMain = join(duckDir, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js');
  if (!existsSync(duckMain)) {
    // The dev dependency is absent (an install without dev dependencies): DuckDB, the comparison only,
    // is installed here on first use.
    mkdirSync(duckDir, { recursive: true });
    writeFileSync(join(duckDir, 'package.json'), '{"private":true}\n');
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '@duckdb/node-api@1.5.6-r.1'], { cwd: duckDir, stdio: 'inherit' });
    } catch {
      console.log('(DuckDB could not be installed; its column is left empty)');
    }
  }
  return existsSync(duckMain) ? duckMain : undefined;
}

if (!only || only === 'startup') {
  const runs = 21;
  const base = timeCommand(process.execPath, ['-e', '0'], runs);
  const help = timeCommand(process.execPath, [BIN, '--help'], runs);
  const bd = timeCommand(process.execPath, [BIN, 'breakdown', '--year', '2024', '-f', 'csv'], runs);
  results.startup = { nodeMs: base, helpMs: help, breakdownMs: bd };
  console.log('## Start-up (median of 21 runs, side by side)\n');
  console.log('| command | time | ratio to `node -e 0` | goal |\n|---|---:|---:|---:|');
  console.log(`| \`node -e 0\` | ${fmt(base)} | 1.00 | |`);
  console.log(`| \`jamsostek --help\` | ${fmt(help)} | ${(help / base).toFixed(2)} | ≤ 1.5 |`);
  console.log(`| \`jamsostek breakdown --year 2024\` | ${fmt(bd)} | ${(bd / base).toFixed(2)} | ≤ 2.5 |\n`);
}

if (!only || only === 'allocation') {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const timeIt = (f, reps = 5) => {
    const ts = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      f();
      ts.push(performance.now() - t);
    }
    return median(ts);
  };
  results.allocation = [];
  console.log('## Allocation (in-process, median of 5)\n');
  console.log('| units | total | webster | hamilton | webster with bounds |\n|---:|---:|---:|---:|---:|');
  for (const n of [38, 514, 100000]) {
    const weights = Array.from({ length: n }, () => BigInt(1 + Math.floor(rnd() * 1e7)));
    for (const total of [10n ** 6n, 10n ** 12n]) {
      const lower = weights.map((w) => (w * total) / (BigInt(n) * 20_000_000n));
      const upper = weights.map((w, i) => lower[i] + (w * total) / BigInt(n) / 500_000n + 1n);
      const web = timeIt(() => allocate({ total, weights, method: 'webster' }));
      const ham = timeIt(() => allocate({ total, weights, method: 'hamilton' }));
      let bounded = NaN;
      const sumLo = lower.reduce((a, b) => a + b, 0n);
      const sumHi = upper.reduce((a, b) => a + b, 0n);
      if (sumLo <= total && total <= sumHi) bounded = timeIt(() => allocate({ total, weights, lower, upper, method: 'webster' }));
      results.allocation.push({ n, total: String(total), webster: web, hamilton: ham, bounded });
      console.log(`| ${n.toLocaleString('en-US')} | 10^${String(total).length - 1} | ${fmt(web)} | ${fmt(ham)} | ${Number.isNaN(bounded) ? '–' : fmt(bounded)} |`);
    }
  }
  for (const [R, C] of [[38, 4], [514, 4]]) {
    for (const total of [70_000_000n, 10n ** 12n]) {
      const weights = Array.from({ length: R }, () => Array.from({ length: C }, () => BigInt(1 + Math.floor(rnd() * 1e6))));
      const rowTotals = allocate({ total, weights: weights.map((r) => r.reduce((a, b) => a + b, 0n)), method: 'webster' }).values;
      const columnTotals = allocate({ total, weights: Array.from({ length: C }, () => BigInt(1 + Math.floor(rnd() * 1e6))), method: 'webster' }).values;
      let info;
      const ms = timeIt(() => (info = allocateMatrix({ weights, rowTotals, columnTotals, method: 'webster' })), 3);
      results.allocation.push({ matrix: `${R}x${C}`, total: String(total), ms, transfers: info.transfers, scalings: info.scalings });
      console.log(`| matrix ${R} × ${C} | ${total === 70_000_000n ? '7·10^7' : '10^12'} | ${fmt(ms)} (${info.transfers} transfers, ${info.scalings} divisor updates) | | |`);
    }
  }
  const cli = measure(process.execPath, [BIN, 'breakdown', '--year', '2026', '--by', 'province,segment', '-f', 'csv']);
  console.log(`\n\`jamsostek breakdown --year 2026 --by province,segment\` end to end: ${fmt(cli.ms)}\n`);
}

if (!only || only === 'regional') {
  results.regional = await regionalSection({ ROOT, OUT, BIN, duckMain: ensureDuckDb(), measure, fmt });
}

if (!only || only === 'extract') {
  results.extract = await extractSection({ ROOT, OUT, BIN, duckMain: ensureDuckDb(), measure, fmt });
}

if (!only || only === 'output') {
  results.output = await outputSection({ ROOT, OUT, BIN, duckMain: ensureDuckDb(), measure, fmt });
}

if (!only || only === 'xlsx') {
  results.xlsx = await xlsxSection({ ROOT, OUT, BIN, measure, fmt });
}

if (!only || only === 'parquet') {
  results.parquet = await parquetSection({ OUT, BIN, duckMain: ensureDuckDb(), fmt });
}

if (!only || only === 'targets') {
  results.targets = await targetsSection({ OUT, BIN, measure, fmt });
}

writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
