// npm run bench -- regional: ordinary regional files through `coverage`, beside DuckDB (1 and 2 threads)
// and mawk adding the same columns up by province × month, in the same run; and the memory of every
// input path at 100,000 rows and at full size (issue 20: peak RSS flat, at most 1.3× from 100 k rows,
// and at most 250 MiB). Each tool runs as its own process under GNU time (wall, peak RSS); figures are
// medians of BENCH_RUNS runs (default 3), the tools taking turns.
//
// The inputs (bench/generate.js, generateRegional): a regional CSV (province_code, regency, sector,
// month, workforce, participants; every key once), the same with a branch column of its own on every
// row (reported `--by province,kantor`: one key per row), and the same rows as a JSON array.
// `coverage FILE` reads a CSV of 4 MiB and more through the byte-level engine; `bench/load-general.js`
// reads it through the general path (decode, CSV scanner, typed rows), for the ratio of each.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { generateRegional } from './generate.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const DUCK = (duckMain) => `import { DuckDBInstance } from ${JSON.stringify(duckMain)};
const db = await DuckDBInstance.create(':memory:', { threads: process.argv[3] });
const con = await db.connect();
const r = await con.runAndReadAll("select province_code, period, sum(workforce), sum(participants) from read_csv('" + process.argv[2] + "', header = true, delim = ',', quote = '\\"', columns = {'province_code': 'VARCHAR', 'regency': 'VARCHAR', 'sector': 'VARCHAR', 'period': 'VARCHAR', 'workforce': 'BIGINT', 'participants': 'BIGINT'}) group by all");
console.log(r.getRows().length);
`;

export async function regionalSection({ ROOT, OUT, BIN, duckMain, measure, fmt }) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const small = 100_000;
  const sizes = (process.env.BENCH_REGIONAL_ROWS ?? '100000,1000000').split(',').map(Number);
  const jsonRows = Number(process.env.BENCH_JSON_ROWS ?? 1_500_000);
  const duckScript = join(OUT, 'duck-regional.mjs');
  if (duckMain) writeFileSync(duckScript, DUCK(duckMain));
  const general = join(ROOT, 'bench', 'load-general.js');
  const mawk = spawnSync('mawk', ['-W', 'version'], { stdio: 'ignore' }).status === 0;
  const file = async (n, opts, ext) => {
    const f = join(OUT, `regional-${n}${opts.kantor ? '-kantor' : ''}.${ext}`);
    if (!existsSync(f)) await generateRegional(n, f, opts);
    return f;
  };
  const coverage = (f, by) => [process.execPath, [BIN, 'coverage', f, '--code-system', 'kemendagri', '--by', by, '-f', 'csv']];
  const results = [];
  const take = (tools) => {
    const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
    const rss = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
    const cpu = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
    for (let i = 0; i < runs; i++) {
      for (const [k, t] of Object.entries(tools)) {
        if (!t) continue;
        const m = measure(t[0], t[1]);
        times[k].push(m.ms);
        rss[k].push(m.mb);
        cpu[k].push(m.cpu);
      }
    }
    return Object.fromEntries(Object.keys(tools).map((k) => [k, tools[k] ? { ms: median(times[k]), mb: Math.max(...rss[k]), cpu: median(cpu[k]) } : null]));
  };

  // Only the first table (the ratios), for a quick run: BENCH_REGIONAL_ONLY=ratios.
  const ratiosOnly = process.env.BENCH_REGIONAL_ONLY === 'ratios';
  const load = () => loadavg().map((x) => x.toFixed(1)).join(', ');
  console.log(`## Regional files (median of ${runs} runs, tools side by side)\n`);
  console.log(`Load average (1, 5, 15 min) before: ${load()}.\n`);
  console.log('`coverage` = `jamsostek coverage FILE --code-system kemendagri --by province -f csv` (the byte-level engine: the file is over 4 MiB); general = the same file through the general path (`bench/load-general.js`: decode, CSV scanner, typed rows, the groups). DuckDB and mawk only add the columns up by province × month; jamsostek also resolves and checks every key and row and writes the report. Ratios are jamsostek ÷ tool.\n');
  console.log('| rows | file | `coverage` | peak RSS | general | its peak RSS | DuckDB 1 thr | DuckDB 2 thr | mawk | `coverage` ÷ DuckDB 2 | general ÷ DuckDB 2 | ÷ mawk |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const f = await file(n, {}, 'csv');
    const r = take({
      ours: coverage(f, 'province'),
      general: [process.execPath, [general, f]],
      duck1: duckMain ? [process.execPath, [duckScript, f, '1']] : null,
      duck2: duckMain ? [process.execPath, [duckScript, f, '2']] : null,
      awk: mawk ? ['mawk', ['-F,', 'NR > 1 { w[$1 "," $4] += $5; p[$1 "," $4] += $6 } END { for (k in w) n++; print n }', f]] : null,
    });
    const ratio = (a, b) => (a && b ? `${(a.ms / b.ms).toFixed(2)}×` : '–');
    results.push({ input: 'csv', rows: n, ...r });
    console.log(`| ${n.toLocaleString('en-US')} | ${(statSync(f).size / 2 ** 20).toFixed(0)} MiB | ${fmt(r.ours.ms)} | ${r.ours.mb.toFixed(0)} MiB | ${fmt(r.general.ms)} | ${r.general.mb.toFixed(0)} MiB | ${r.duck1 ? fmt(r.duck1.ms) : '–'} | ${r.duck2 ? fmt(r.duck2.ms) : '–'} | ${r.awk ? fmt(r.awk.ms) : '–'} | ${ratio(r.ours, r.duck2)} | ${ratio(r.general, r.duck2)} | ${ratio(r.ours, r.awk)} |`);
  }
  console.log();
  // The same runs in CPU time (user + system of every thread): on a shared machine the wall time is
  // mostly the other jobs'.
  const cpuRows = results.filter((r) => r.input === 'csv');
  if (cpuRows.length && Number.isFinite(cpuRows[0].ours.cpu)) {
    const cratio = (a, b) => (a && b && b.cpu > 0 ? `${(a.cpu / b.cpu).toFixed(2)}×` : '–');
    console.log('The same runs in CPU time (user + system, every thread; medians):\n');
    console.log('| rows | `coverage` | general | DuckDB 1 thr | DuckDB 2 thr | mawk | `coverage` ÷ DuckDB 2 | general ÷ DuckDB 2 |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of cpuRows) console.log(`| ${r.rows.toLocaleString('en-US')} | ${fmt(r.ours.cpu)} | ${fmt(r.general.cpu)} | ${r.duck1 ? fmt(r.duck1.cpu) : '–'} | ${r.duck2 ? fmt(r.duck2.cpu) : '–'} | ${r.awk ? fmt(r.awk.cpu) : '–'} | ${cratio(r.ours, r.duck2)} | ${cratio(r.general, r.duck2)} |`);
    console.log();
  }
  console.log(`Load average (1, 5, 15 min) after: ${load()}.\n`);
  if (ratiosOnly) return results;

  // Memory of each input path: 100 k rows and the full size, peak RSS of the whole command.
  console.log('Peak memory of the whole command, at 100,000 rows and at full size (goal: at most 1.3× and 250 MiB):\n');
  console.log('| input | command | rows | time | peak RSS | at 100 k rows | ratio |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const big = sizes[sizes.length - 1];
  const cases = [
    ['regional CSV (engine)', (n) => file(n, {}, 'csv'), 'province', big],
    ['regional CSV, one key per row', (n) => file(n, { kantor: true }, 'csv'), 'province,kantor', big],
    ['JSON array', (n) => file(n, { json: true }, 'json'), 'province', jsonRows],
  ];
  for (const [name, make, by, n] of cases) {
    const a = take({ x: coverage(await make(small), by) }).x;
    const b = take({ x: coverage(await make(n), by) }).x;
    results.push({ input: name, rows: n, small: a, full: b });
    console.log(`| ${name} | \`--by ${by}\` | ${n.toLocaleString('en-US')} | ${fmt(b.ms)} | ${b.mb.toFixed(0)} MiB | ${a.mb.toFixed(0)} MiB | ${(b.mb / a.mb).toFixed(2)}× |`);
  }
  for (const [name, n] of [['regional CSV, general path', big]]) {
    const a = take({ x: [process.execPath, [general, await file(small, {}, 'csv')]] }).x;
    const b = take({ x: [process.execPath, [general, await file(n, {}, 'csv')]] }).x;
    results.push({ input: name, rows: n, small: a, full: b });
    console.log(`| ${name} | loadTable | ${n.toLocaleString('en-US')} | ${fmt(b.ms)} | ${b.mb.toFixed(0)} MiB | ${a.mb.toFixed(0)} MiB | ${(b.mb / a.mb).toFixed(2)}× |`);
  }
  console.log();

  // Many keys: the time of a report must grow with its keys, not with their square (two plan steps
  // once looked through every row for every row: 23 s for 32,000 branches with a target each).
  const keyCounts = (process.env.BENCH_KEYS ?? '5000,40000').split(',').map(Number);
  console.log('Many keys: branches (`kantor`) in 5 provinces, each with a target (`--targets`, `--by province,kantor`), and the same branches over 3 months (`--by kantor,province`: a subtotal per branch, each with its pace and projection), and a breakdown of branches into two units each (`--by kantor,unit --compare webster,dhondt`). Time should grow with the keys (ratio ≈ the keys\' ratio):\n');
  console.log('| case | ' + keyCounts.map((k) => `${k.toLocaleString('en-US')} keys`).join(' | ') + ' | time ratio | keys ratio |');
  console.log('|---|' + keyCounts.map(() => '---:|').join('') + '---:|---:|');
  const provinces = ['Aceh', 'Bali', 'Gorontalo', 'Papua', 'Banten'];
  const keyCases = [
    ['targets per branch', (k) => {
      const data = join(OUT, `keys-${k}.csv`);
      const targets = join(OUT, `keys-${k}-targets.csv`);
      if (!existsSync(targets)) {
        const rows = ['province,kantor,period,workforce,participants'];
        const t = ['province,kantor,target,year'];
        for (let i = 0; i < k; i++) {
          rows.push(`${provinces[i % 5]},K${i},2024-06,${2000 + i},${700 + i}`);
          t.push(`${provinces[i % 5]},K${i},${900 + i},2024`);
        }
        writeFileSync(data, rows.join('\n') + '\n');
        writeFileSync(targets, t.join('\n') + '\n');
      }
      return [process.execPath, [BIN, 'coverage', data, '--by', 'province,kantor', '--targets', targets, '-f', 'csv', '--quiet']];
    }],
    ['3 months, a subtotal per branch', (k) => {
      const data = join(OUT, `keys-${k}-months.csv`);
      if (!existsSync(data)) {
        const rows = ['kantor,province,period,workforce,participants'];
        for (const m of ['2024-04', '2024-05', '2024-06']) for (let i = 0; i < k; i++) rows.push(`K${i},${provinces[i % 5]},${m},${2000 + i},${700 + i + (m === '2024-06' ? 30 : 0)}`);
        writeFileSync(data, rows.join('\n') + '\n');
      }
      return [process.execPath, [BIN, 'coverage', data, '--by', 'kantor,province', '-f', 'csv', '--quiet']];
    }],
    ['breakdown of branches into units, with --compare', (k) => {
      // Two units a branch, equal in pairs (a tie, and a note, in every branch); the target adds a
      // tenth of what each pair lacks.
      const data = join(OUT, `keys-${k}-units.csv`);
      if (!existsSync(data)) {
        const rows = ['kantor,unit,period,workforce,participants'];
        for (let i = 0; i < k / 2; i++) for (const u of [0, 1]) rows.push(`K${i},U${2 * i + u},2024-06,${4000 + (i % 97)},${1000 + (i % 89)}`);
        writeFileSync(data, rows.join('\n') + '\n');
      }
      let target = 0;
      for (let i = 0; i < k / 2; i++) target += 2 * (1000 + (i % 89)) + Math.round((2 * (3000 + (i % 97) - (i % 89))) / 10);
      return [process.execPath, [BIN, 'breakdown', '--input', data, '--by', 'kantor,unit', '--target', String(target), '--year', '2024', '--compare', 'webster,dhondt', '-f', 'csv', '--quiet']];
    }],
  ];
  for (const [name, make] of keyCases) {
    const times = keyCounts.map((k) => take({ x: make(k) }).x);
    results.push({ input: `many keys: ${name}`, keys: keyCounts, times });
    const first = times[0];
    const last = times[times.length - 1];
    console.log(`| ${name} | ${times.map((t) => fmt(t.ms)).join(' | ')} | ${(last.ms / first.ms).toFixed(1)} | ${(keyCounts[keyCounts.length - 1] / keyCounts[0]).toFixed(0)} |`);
  }
  console.log();
  return results;
}
