// npm run bench -- targets: a report with a target for every key against the same report without one
// (issue 20: memory grows with the keys, not the rows, on every path). The inputs: BENCH_TARGETS_ROWS
// branches (default 400,000) of one province, `period,province,kantor,participants,potential_workers`,
// and their targets `province,kantor,year,target` (a yearly file: no baseline, so no milestones). Both runs
// are `coverage DATA --by province,kantor -f csv -o FILE -q`, the second with `--targets TARGETS`; each
// as its own process under GNU time (wall, CPU = user + system, peak RSS), BENCH_RUNS times (default 3),
// taking turns. Goal: the run with targets within ~1.5× the time and at most 1.5× the peak memory. A third
// run reads the previous month (`--previous`, two files of the same branches, one without potential_workers).
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { loadavg } from 'node:os';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A small deterministic generator (mulberry32), so that every run reads the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function write(file, lines) {
  const out = createWriteStream(file);
  let chunk = '';
  for (const line of lines) {
    chunk += line + '\n';
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The data and the targets files of n branches (made once, kept in bench/out/). */
export async function targetFiles(n, dir) {
  const data = join(dir, `targets-data-${n}.csv`);
  const targets = join(dir, `targets-targets-${n}.csv`);
  const name = (i) => `K${String(i).padStart(6, '0')}`;
  if (!existsSync(data)) {
    const r = random(20);
    await write(data, (function* () {
      yield 'period,province,kantor,participants,potential_workers';
      for (let i = 0; i < n; i++) yield `2026-06,Gorontalo,${name(i)},${50 + Math.floor(r() * 41)},${1000 + Math.floor(r() * 1001)}`;
    })());
  }
  if (!existsSync(targets)) {
    const r = random(26);
    await write(targets, (function* () {
      yield 'province,kantor,year,target';
      for (let i = 0; i < n; i++) yield `Gorontalo,${name(i)},2026,${100 + Math.floor(r() * 901)}`;
    })());
  }
  // The previous month (2026-05) of the same branches in two files, the second without potential_workers
  // (so that the like-for-like points of pointsBasis are made too): `coverage DATA --previous A --previous B`.
  const prevA = join(dir, `targets-previous-a-${n}.csv`);
  const prevB = join(dir, `targets-previous-b-${n}.csv`);
  if (!existsSync(prevA) || !existsSync(prevB)) {
    const r = random(27);
    const a = ['period,province,kantor,participants,potential_workers'];
    const b = ['period,province,kantor,participants'];
    for (let i = 0; i < n; i++) {
      const p = 40 + Math.floor(r() * 41);
      if (i < n / 2) a.push(`2026-05,Gorontalo,${name(i)},${p},${1000 + Math.floor(r() * 1001)}`);
      else b.push(`2026-05,Gorontalo,${name(i)},${p}`);
    }
    await write(prevA, a);
    await write(prevB, b);
  }
  return { data, targets, prevA, prevB };
}

export async function targetsSection({ OUT, BIN, measure, fmt }) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const n = Number(process.env.BENCH_TARGETS_ROWS ?? 400_000);
  const { data, targets, prevA, prevB } = await targetFiles(n, OUT);
  const base = [BIN, 'coverage', data, '--by', 'province,kantor', '-f', 'csv', '-q'];
  const tools = {
    'without targets': [...base, '-o', join(OUT, 'targets-without.csv')],
    'with --targets': [...base, '--targets', targets, '-o', join(OUT, 'targets-with.csv')],
    'with --previous': [...base, '--previous', prevA, '--previous', prevB, '-o', join(OUT, 'targets-previous.csv')],
  };
  const load = loadavg()[0];
  const got = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(tools)) got[k].push(measure(process.execPath, args));
  const summary = Object.fromEntries(Object.entries(got).map(([k, ms]) => [k, { ms: median(ms.map((m) => m.ms)), cpu: median(ms.map((m) => m.cpu)), mb: Math.max(...ms.map((m) => m.mb)), runs: ms.map((m) => ({ ms: Math.round(m.ms), cpu: Math.round(m.cpu), mb: Math.round(m.mb) })) }]));
  const w = summary['without targets'];
  const t = summary['with --targets'];
  console.log(`## A target for every key (${n.toLocaleString('en')} branches; median of ${runs} runs, peak RSS the highest; load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)})\n`);
  console.log('| run | wall | CPU | peak RSS | each run (wall / CPU / RSS) |\n|---|---:|---:|---:|---|');
  for (const [k, s] of Object.entries(summary)) console.log(`| ${k} | ${fmt(s.ms)} | ${fmt(s.cpu)} | ${s.mb.toFixed(0)} MiB | ${s.runs.map((r) => `${fmt(r.ms)} / ${fmt(r.cpu)} / ${r.mb} MiB`).join('; ')} |`);
  const pv = summary['with --previous'];
  console.log(`\nWith targets: ${(t.ms / w.ms).toFixed(2)}× the wall time, ${(t.cpu / w.cpu).toFixed(2)}× the CPU time, ${(t.mb / w.mb).toFixed(2)}× the peak memory (goal: ~1.5×, ≤ 1.5×).`);
  console.log(`With --previous: ${(pv.cpu / w.cpu).toFixed(2)}× the CPU time, ${pv.mb.toFixed(0)} MiB peak (goal: ≤ 250 MiB, and ≤ 1.3× the peak at 100,000 branches: BENCH_TARGETS_ROWS=100000).\n`);
  return { rows: n, runs, summary, ratio: { wall: t.ms / w.ms, cpu: t.cpu / w.cpu, rss: t.mb / w.mb, previousCpu: pv.cpu / w.cpu } };
}
