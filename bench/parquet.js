// npm run bench -- parquet: `coverage --extract` on a Parquet extract (written by DuckDB from the plain
// CSV extracts of bench/generate.js: participant_id, province, segment, period; DuckDB's defaults, snappy
// and row groups of 122,880 rows), beside DuckDB with 1 and 2 threads reading the same file and doing the
// same work: the sums per province × segment × period, and `group by period, participant_id having
// count(*) > 1`. Each run is its own process under GNU time; medians of BENCH_RUNS runs (default 3),
// taking turns. BENCH_PARQUET_ROWS=500000,5000000 (the default) sets the sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time, CPU time (user + system, all threads) and peak RSS of a child process, by GNU time. */
function measureCpu(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, mb: kb / 1024, stdout: r.stdout };
}

const DUCK = (duckMain) => `import { DuckDBInstance } from ${JSON.stringify(duckMain)};
// node duck-parquet.mjs FILE THREADS: the sums and the duplicate-id check; the total on stdout.
const [file, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const con = await db.connect();
const src = "read_parquet('" + file + "')";
const rows = (await con.runAndReadAll("select province, segment, period, count(*) as n from " + src + " group by all")).getRows();
const dups = (await con.runAndReadAll("select count(*) from (select period, participant_id from " + src + " group by all having count(*) > 1)")).getRows();
if (Number(dups[0][0]) !== 0) throw new Error('duplicate ids');
console.log(String(rows.reduce((s, r) => s + BigInt(r[3]), 0n)));
`;

const WRITE = (duckMain) => `import { DuckDBInstance } from ${JSON.stringify(duckMain)};
const [csv, parquet] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
await con.run("COPY (select * from read_csv('" + csv + "', header = true, columns = {'participant_id': 'BIGINT', 'province': 'VARCHAR', 'segment': 'VARCHAR', 'period': 'VARCHAR'})) TO '" + parquet + "' (FORMAT parquet)");
`;

export async function parquetSection({ OUT, BIN, duckMain, fmt }) {
  if (!duckMain) {
    console.log('## Parquet extracts\n\n(DuckDB is needed to write the files and as the comparison: `npm ci` installs it.)\n');
    return [];
  }
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const sizes = (process.env.BENCH_PARQUET_ROWS ?? '500000,5000000').split(',').map(Number);
  const duckScript = join(OUT, 'duck-parquet.mjs');
  const writeScript = join(OUT, 'duck-write-parquet.mjs');
  writeFileSync(duckScript, DUCK(duckMain));
  writeFileSync(writeScript, WRITE(duckMain));
  const results = [];
  console.log(`## Parquet extracts (median of ${runs} runs, side by side)\n`);
  console.log('`coverage FILE.parquet --extract --by province,segment -f csv` (the fast path: rows added up per key while the row groups are decoded, ids checked), beside DuckDB reading the same file and doing the same work (the sums, and the duplicate-id check). Ratios are jamsostek ÷ DuckDB: below 1 is faster.\n');
  console.log('CPU is user + system time of all the threads of the process (less affected than wall time by other jobs on a shared machine).\n');
  console.log('| rows | file | `coverage --extract` | its CPU | rows/s | peak RSS | DuckDB 1 thr | DuckDB 2 thr | its CPU | its peak RSS | ÷ DuckDB 2 (wall) | ÷ DuckDB 2 (CPU) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const csv = join(OUT, `extract-plain-${n}.csv`);
    const file = join(OUT, `extract-plain-${n}.parquet`);
    if (!existsSync(csv)) await generate(n, csv, 'plain');
    if (!existsSync(file)) measureCpu(process.execPath, [writeScript, csv, file]);
    const tools = {
      ours: [process.execPath, [BIN, 'coverage', file, '--extract', '--by', 'province,segment', '-f', 'csv']],
      duck1: [process.execPath, [duckScript, file, '1']],
      duck2: [process.execPath, [duckScript, file, '2']],
    };
    const times = {};
    const cpu = {};
    const rss = {};
    const totals = {};
    for (let r = 0; r < runs; r++) {
      for (const [name, [cmd, args]] of Object.entries(tools)) {
        const m = measureCpu(cmd, args);
        (times[name] ??= []).push(m.ms);
        (cpu[name] ??= []).push(m.cpuMs);
        (rss[name] ??= []).push(m.mb);
        totals[name] = name === 'ours' ? Number(m.stdout.trim().split('\n').find((l) => l.startsWith(',Total,')).split(',')[4]) : Number(m.stdout.trim());
      }
    }
    if (new Set(Object.values(totals)).size !== 1 || totals.ours !== n) throw new Error(`parquet bench: the tools disagree on ${file}: ${JSON.stringify(totals)}`);
    const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const mem = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, median(v)]));
    const cpuMed = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, median(v)]));
    results.push({ rows: n, bytes: statSync(file).size, ms: med, cpuMs: cpuMed, rssMiB: mem });
    console.log(
      `| ${n.toLocaleString('en-US')} | ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB | ${fmt(med.ours)} | ${fmt(cpuMed.ours)} | ${((n / med.ours) * 1e3 / 1e6).toFixed(1)} M/s | ${mem.ours.toFixed(0)} MiB | ${fmt(med.duck1)} | ${fmt(med.duck2)} | ${fmt(cpuMed.duck2)} | ${mem.duck2.toFixed(0)} MiB | ${(med.ours / med.duck2).toFixed(2)}× | ${(cpuMed.ours / cpuMed.duck2).toFixed(2)}× |`,
    );
  }
  if (results.length > 1) {
    const a = results[0];
    const b = results[results.length - 1];
    console.log(`\nPeak RSS of \`coverage --extract\`: ${a.rssMiB.ours.toFixed(0)} MiB at ${a.rows.toLocaleString('en-US')} rows, ${b.rssMiB.ours.toFixed(0)} MiB at ${b.rows.toLocaleString('en-US')} (the duplicate-id check keeps about 12 bytes per participant id; the rest is flat).`);
  }
  console.log();
  return results;
}
