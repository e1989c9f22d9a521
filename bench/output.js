// npm run bench -- output: writing a big report (issue 20), each writer in a process of its own under
// GNU time (wall, peak RSS), the tools taking turns, medians of BENCH_RUNS runs (default 3).
//
// 1. The renderers and the atomic writer alone (bench/output-render.js: stream() → writeOutputs, a
//    temporary file and the rename): bigReport's rows (a unit name, four numbers, a totals row) at
//    100,000 and 1,000,000 rows in CSV, JSONL, HTML and xlsx, the rows made on demand (a RowSource, as a
//    producer of a big report gives them) and, for CSV, built as an array first (as the report builders
//    do today), beside mawk printing the same rows and DuckDB (2 threads) COPYing them to CSV.
// 2. The whole command: `coverage FILE --by province,kantor -o report.<fmt>` on a generated regional file
//    of one branch (kantor) per row, so that the report has as many rows as the file: what the reader,
//    the plan and the report builder hold is in this figure, not in (1).
//
// BENCH_OUTPUT_ROWS=100000,1000000 sets the sizes; BENCH_OUTPUT_FORMATS=csv,html,xlsx the formats.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVINCES } from './generate.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The rows of bench/output-render.js (and test/render/fixtures.ts bigRow), as mawk prints them.
const MAWK_ROWS = `BEGIN { OFS = ","; print "unit,participants,target,coverage,gap,level"; sp = 0; st = 0
  for (i = 0; i < n; i++) { p = 1000 + (i * 7919) % 50000; t = p + (i * 104729) % 5000 - 1000; sp += p; st += t
    printf "unit %07d,%d,%d,%.6f,%d,detail\\n", i + 1, p, t, p / (p + 40000), t - p }
  printf "Total,%d,%d,,%d,total\\n", sp, st, st - sp }`;

const DUCK_SCRIPT = (duckMain) => `import { DuckDBInstance } from ${JSON.stringify(duckMain)};
// node duck-output.mjs ROWS OUT THREADS: the same rows COPYed to CSV.
const [n, out, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const con = await db.connect();
await con.run("COPY (SELECT 'unit ' || lpad(CAST(i + 1 AS VARCHAR), 7, '0') AS unit, 1000 + (i * 7919) % 50000 AS participants, 1000 + (i * 7919) % 50000 + (i * 104729) % 5000 - 1000 AS target, round((1000 + (i * 7919) % 50000) / (1000 + (i * 7919) % 50000 + 40000.0), 6) AS coverage, (i * 104729) % 5000 - 1000 AS gap, 'detail' AS level FROM range(" + n + ") t(i) ORDER BY i) TO '" + out + "' (HEADER, DELIMITER ',')");
`;

/** A regional file of n branches, one row each, in one month: the report has n rows. */
function generateBranches(n, path) {
  const lines = ['province,kantor,period,workforce,participants'];
  for (let i = 0; i < n; i++) lines.push(`${PROVINCES[i % PROVINCES.length]},K${String(i).padStart(7, '0')},2024-06,${2000 + (i % 997)},${700 + (i % 613)}`);
  writeFileSync(path, lines.join('\n') + '\n');
}

export async function outputSection({ ROOT, OUT, BIN, duckMain, measure, fmt }) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const sizes = (process.env.BENCH_OUTPUT_ROWS ?? '100000,1000000').split(',').map(Number);
  const formats = (process.env.BENCH_OUTPUT_FORMATS ?? 'csv,jsonl,html,xlsx').split(',');
  const writer = join(ROOT, 'bench', 'output-render.js');
  const mawk = spawnSync('mawk', ['-W', 'version'], { stdio: 'ignore' }).status === 0;
  const duckScript = join(OUT, 'duck-output.mjs');
  if (duckMain) writeFileSync(duckScript, DUCK_SCRIPT(duckMain));
  const results = { render: [], command: [] };
  const best = (cmd, args) => {
    const ms = [];
    const mb = [];
    for (let i = 0; i < runs; i++) {
      const m = measure(cmd, args);
      ms.push(m.ms);
      mb.push(m.mb);
    }
    return { ms: median(ms), mb: median(mb) };
  };

  console.log('## Writing a big report (`npm run bench -- output`)\n');
  console.log('The renderers and the atomic writer alone (`bench/output-render.js`: rows made on demand unless "array", written to a temporary file and renamed), each in its own process; mawk prints the same CSV rows, DuckDB (2 threads) COPYs them to CSV. Ratios are jamsostek ÷ tool.\n');
  console.log('| rows | format | rows given | time | peak RSS | file | mawk | DuckDB 2 thr | ÷ mawk | ÷ DuckDB 2 |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    // mawk prints to a file through sh (measure() would keep its stdout in memory).
    const awkRun = mawk ? best('sh', ['-c', `mawk -v n=${n} '${MAWK_ROWS}' > ${join(OUT, `mawk-${n}.csv`)}`]) : null;
    const duck = duckMain ? best(process.execPath, [duckScript, String(n), join(OUT, `duck-${n}.csv`), '2']) : null;
    for (const format of formats) {
      for (const mode of format === 'csv' ? ['lazy', 'array'] : ['lazy']) {
        const file = join(OUT, `render-${n}.${format}`);
        const ours = best(process.execPath, [writer, format, String(n), mode, file]);
        const size = statSync(file).size / 2 ** 20;
        const text = format === 'csv';
        const ratio = (t) => (t && text ? `${(ours.ms / t.ms).toFixed(2)}×` : '–');
        results.render.push({ rows: n, format, mode, ms: ours.ms, mb: ours.mb, fileMiB: size, mawkMs: text ? (awkRun?.ms ?? null) : null, duck2Ms: text ? (duck?.ms ?? null) : null });
        console.log(
          `| ${n.toLocaleString('en-US')} | ${format} | ${mode === 'lazy' ? 'on demand' : 'array'} | ${fmt(ours.ms)} | ${ours.mb.toFixed(0)} MiB | ${size.toFixed(0)} MiB | ${text && awkRun ? fmt(awkRun.ms) : '–'} | ${text && duck ? fmt(duck.ms) : '–'} | ${ratio(awkRun)} | ${ratio(duck)} |`,
        );
      }
    }
  }
  console.log();

  console.log('The whole command on a regional file of one branch per row (`coverage FILE --by province,kantor -o report.<fmt>`): the reader, the plan and the report builder hold every row, so this peak is mostly theirs.\n');
  console.log('| rows | format | time | peak RSS |\n|---:|---|---:|---:|');
  for (const n of sizes) {
    const input = join(OUT, `branches-${n}.csv`);
    if (!existsSync(input)) generateBranches(n, input);
    for (const format of formats) {
      const out = join(OUT, `command-${n}.${format}`);
      const ours = best(process.execPath, [BIN, 'coverage', input, '--by', 'province,kantor', '--quiet', '-o', out]);
      results.command.push({ rows: n, format, ms: ours.ms, mb: ours.mb });
      console.log(`| ${n.toLocaleString('en-US')} | ${format} | ${fmt(ours.ms)} | ${ours.mb.toFixed(0)} MiB |`);
    }
  }
  console.log();
  return results;
}
