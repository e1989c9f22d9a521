// npm run bench -- extract: the extract engine beside DuckDB (1 and 2 threads) and mawk, on the same
// generated files in the same run, province × segment sums. Each tool runs as its own process under GNU
// time (wall, peak RSS); every figure is the median of BENCH_RUNS runs (default 3), the tools taking
// turns so that a busy machine slows them all alike.
//
// BENCH_EXTRACT_ROWS=500000,5000000 limits the sizes (default 500 k, 5 M and 20 M);
// BENCH_EXTRACT_VARIANTS=plain limits the variants (plain, quoted, id).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const DUCK_SCRIPT = (duckMain) => `import { DuckDBInstance } from ${JSON.stringify(duckMain)};
// node duck-extract.mjs FILE THREADS VARIANT: province × segment × period sums, the total on stdout.
const [file, threads, variant] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const con = await db.connect();
const sql = variant === 'id'
  ? "select province, segment, period, sum(cast(replace(participants, '.', '') as BIGINT)) as n from read_csv('" + file + "', header = true, delim = ';', quote = '\\"', columns = {'employer_id': 'BIGINT', 'province': 'VARCHAR', 'segment': 'VARCHAR', 'period': 'VARCHAR', 'participants': 'VARCHAR'}) group by all"
  : "select province, segment, period, count(*) as n from read_csv('" + file + "', header = true, delim = ',', quote = '\\"', columns = {'participant_id': 'BIGINT', 'province': 'VARCHAR', 'segment': 'VARCHAR', 'period': 'VARCHAR'}) group by all";
const rows = (await con.runAndReadAll(sql)).getRows();
console.log(String(rows.reduce((s, r) => s + BigInt(r[3]), 0n)));
`;

// The same work as `coverage --extract` on a file with participant ids: the sums, and the check that no
// (period, participant_id) comes twice. Two passes over the file (faster than a temporary table here).
const DUCK_DUP_SCRIPT = (duckMain) => `import { DuckDBInstance } from ${JSON.stringify(duckMain)};
const [file, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const con = await db.connect();
const src = "read_csv('" + file + "', header = true, delim = ',', quote = '\\"', columns = {'participant_id': 'BIGINT', 'province': 'VARCHAR', 'segment': 'VARCHAR', 'period': 'VARCHAR'})";
const rows = (await con.runAndReadAll("select province, segment, period, count(*) as n from " + src + " group by all")).getRows();
const dups = (await con.runAndReadAll("select count(*) from (select period, participant_id from " + src + " group by all having count(*) > 1)")).getRows();
if (Number(dups[0][0]) !== 0) throw new Error('duplicate ids');
console.log(String(rows.reduce((s, r) => s + BigInt(r[3]), 0n)));
`;

// mawk has no CSV quoting: quotes are stripped from the keys (the generated files have no delimiter
// inside a quoted field, so this is the same grouping).
const MAWK = {
  plain: ['-F,', 'NR > 1 { k = $2; if (k ~ /"/) gsub(/"/, "", k); c[k "," $3 "," $4]++ } END { for (k in c) t += c[k]; print t }'],
  quoted: ['-F,', 'NR > 1 { c[$2 "," $3 "," $4]++ } END { for (k in c) t += c[k]; print t }'],
  id: ['-F;', 'NR > 1 { v = $5; gsub(/\\./, "", v); s[$2 ";" $3 ";" $4] += v } END { for (k in s) t += s[k]; printf "%.0f\\n", t }'],
};

function hasMawk() {
  return spawnSync('mawk', ['-W', 'version'], { stdio: 'ignore' }).status === 0;
}

export async function extractSection({ ROOT, OUT, BIN, duckMain, measure, fmt }) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const sizes = (process.env.BENCH_EXTRACT_ROWS ?? '500000,5000000,20000000').split(',').map(Number);
  const variants = (process.env.BENCH_EXTRACT_VARIANTS ?? 'plain,quoted,id').split(',');
  const engine = join(ROOT, 'bench', 'extract-scan.js');
  const mawk = hasMawk();
  const duckScript = join(OUT, 'duck-extract.mjs');
  const duckDupScript = join(OUT, 'duck-extract-ids.mjs');
  if (duckMain) writeFileSync(duckScript, DUCK_SCRIPT(duckMain));
  if (duckMain) writeFileSync(duckDupScript, DUCK_DUP_SCRIPT(duckMain));
  if (!mawk) console.log('(mawk is not installed — `apt-get install -y mawk` — its column is left empty)\n');
  const results = [];
  const rate = (n, ms) => `${((n / ms) * 1e3 / 1e6).toFixed(1)} M/s`;
  const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

  console.log(`## Extracts: province × segment sums (median of ${runs} runs, tools side by side)\n`);
  console.log('Engine = `bench/extract-scan.js` calling `scanExtract` (2 workers from 64 MiB up). Ratios are engine ÷ tool: below 1 is faster.\n');
  console.log('The last four columns: the whole `coverage --extract --by province,segment -f csv` (on the plain files, which have participant ids, so it also checks that no id comes twice in a period), and DuckDB with 2 threads doing the same work (the sums, and a `group by period, participant_id having count(*) > 1`).\n');
  console.log('| variant | rows | file | engine | rows/s | peak RSS | engine, 1 thread | DuckDB 1 thr | DuckDB 2 thr | mawk | ÷ DuckDB 2 | ÷ mawk | `coverage --extract` | its peak RSS | DuckDB 2 thr, ids checked | ÷ that |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const variant of variants) {
    for (const n of sizes) {
      const file = join(OUT, `extract-${variant}-${n}.csv`);
      if (!existsSync(file)) await generate(n, file, variant);
      const tools = {
        engine: [process.execPath, [engine, file]],
        engine1: [process.execPath, [engine, file, '--workers', '1']],
        duck1: duckMain ? [process.execPath, [duckScript, file, '1', variant]] : null,
        duck2: duckMain ? [process.execPath, [duckScript, file, '2', variant]] : null,
        mawk: mawk ? ['mawk', [MAWK[variant][0], MAWK[variant][1], file]] : null,
        // The whole command (plain files: they have participant ids, so it also checks for duplicates),
        // beside DuckDB doing the same work.
        coverage: variant === 'plain' ? [process.execPath, [BIN, 'coverage', '--extract', file, '--by', 'province,segment', '-f', 'csv']] : null,
        duckIds: variant === 'plain' && duckMain ? [process.execPath, [duckDupScript, file, '2']] : null,
      };
      const times = {};
      const rss = {};
      const totals = {};
      for (let r = 0; r < runs; r++) {
        for (const [name, tool] of Object.entries(tools)) {
          if (!tool) continue;
          const m = measure(tool[0], tool[1]);
          (times[name] ??= []).push(m.ms);
          (rss[name] ??= []).push(m.mb);
          const out = m.stdout.trim();
          totals[name] = name.startsWith('engine') ? JSON.parse(out).total : name === 'coverage' ? null : Number(out.split('\n').pop());
        }
      }
      // Every tool must have counted the same thing.
      const distinct = new Set(Object.values(totals).filter((t) => t !== null));
      if (distinct.size !== 1) throw new Error(`extract bench: the tools disagree on ${file}: ${JSON.stringify(totals)}`);
      const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
      const mem = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, median(v)]));
      const row = { variant, rows: n, bytes: statSync(file).size, ms: med, rssMiB: mem };
      results.push(row);
      const f = (k) => (med[k] === undefined ? '–' : fmt(med[k]));
      console.log(
        `| ${variant} | ${n.toLocaleString('en-US')} | ${(row.bytes / 2 ** 20).toFixed(0)} MiB | ${f('engine')} | ${rate(n, med.engine)} | ${mem.engine.toFixed(0)} MiB | ${f('engine1')} | ${f('duck1')} | ${f('duck2')} | ${f('mawk')} | ${ratio(med.engine, med.duck2)} | ${ratio(med.engine, med.mawk)} | ${f('coverage')} | ${mem.coverage === undefined ? '–' : `${mem.coverage.toFixed(0)} MiB`} | ${f('duckIds')} | ${ratio(med.coverage, med.duckIds)} |`,
      );
    }
  }
  console.log();

  // Flat memory: the engine's peak RSS on a small and on the largest plain file.
  if (variants.includes('plain')) {
    const small = join(OUT, 'extract-plain-300000.csv');
    if (!existsSync(small)) await generate(300_000, small, 'plain');
    const largest = join(OUT, `extract-plain-${Math.max(...sizes)}.csv`);
    const at = (file, extra = []) => median(Array.from({ length: runs }, () => measure(process.execPath, [engine, file, ...extra]).mb));
    const smallMb = at(small);
    const largeMb = at(largest);
    console.log(`Engine peak RSS: ${smallMb.toFixed(0)} MiB at 300,000 rows, ${largeMb.toFixed(0)} MiB at ${Math.max(...sizes).toLocaleString('en-US')} rows (${(largeMb / smallMb).toFixed(2)}×; goal ≤ 1.2×).`);
    // The duplicate-participant check keeps a hash of every (period, id): memory grows with the ids.
    const ids = median(Array.from({ length: runs }, () => measure(process.execPath, [engine, largest, '--ids']).ms));
    const idsMb = at(largest, ['--ids']);
    const n = Math.max(...sizes);
    console.log(`With the duplicate-id check at ${n.toLocaleString('en-US')} rows: ${fmt(ids)}, ${idsMb.toFixed(0)} MiB peak (${(((idsMb - largeMb) * 2 ** 20) / n).toFixed(1)} bytes per participant id above the run without it).\n`);
    results.push({ rss: { smallMb, largeMb, idsMs: ids, idsMb } });
  }
  return results;
}
