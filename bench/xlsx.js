// npm run bench -- xlsx: workbooks of 100,000 to 1,048,573 data rows (a full sheet) read by the streaming
// reader alone and by the whole `coverage` command, beside the same rows as CSV through the same command,
// in the same run (DuckDB reads no .xlsx without an extension it would download, so the same rows as CSV
// are the comparison). Each run is its own process under GNU time (wall, peak RSS); medians of
// BENCH_RUNS runs (default 3), taking turns. BENCH_XLSX_ROWS=100000,300000 limits the sizes.
// The wide sheet (XML of more than 600 MiB) is read by the reader alone.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRegionalXlsx, regionalRows } from './generate-xlsx.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function writeCsv(n, path) {
  const lines = ['province_code,regency,sector,period,workforce,participants'];
  for (const [code, regency, sector, period, workforce, participants] of regionalRows(n)) lines.push(`${code},"${regency}",${sector},${period},${workforce},${participants}`);
  writeFileSync(path, lines.join('\n') + '\n');
}

export async function xlsxSection({ ROOT, OUT, BIN, measure, fmt }) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const sizes = (process.env.BENCH_XLSX_ROWS ?? '100000,300000,1048573').split(',').map(Number);
  const reader = join(ROOT, 'bench', 'xlsx-read.js');
  const results = [];
  console.log(`## xlsx input (median of ${runs} runs, side by side)\n`);
  console.log('A regional sheet (`bench/generate-xlsx.js`: a title, the header on row 3, province code, regency, sector, month, workforce, participants; shared and inline strings, styled counts). Reader = `bench/xlsx-read.js` (the streaming reader into a counting sink); the command = `coverage FILE --code-system kemendagri --by province -f csv`, on the workbook and on the same rows as CSV.\n');
  console.log('| rows | workbook | sheet XML | reader | reader peak RSS | `coverage` on xlsx | its peak RSS | `coverage` on CSV | its peak RSS | xlsx ÷ CSV |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const x = join(OUT, `regional-xlsx-${n}.xlsx`);
    const c = join(OUT, `regional-xlsx-${n}.csv`);
    if (!existsSync(x)) await generateRegionalXlsx(n, x);
    if (!existsSync(c)) writeCsv(n, c);
    const tools = {
      reader: [process.execPath, [reader, x]],
      xlsx: [process.execPath, [BIN, 'coverage', x, '--code-system', 'kemendagri', '--by', 'province', '-f', 'csv']],
      csv: [process.execPath, [BIN, 'coverage', c, '--code-system', 'kemendagri', '--by', 'province', '-f', 'csv']],
    };
    const times = {};
    const rss = {};
    const outs = {};
    for (let r = 0; r < runs; r++) {
      for (const [name, [cmd, args]] of Object.entries(tools)) {
        const m = measure(cmd, args);
        (times[name] ??= []).push(m.ms);
        (rss[name] ??= []).push(m.mb);
        outs[name] = m.stdout;
      }
    }
    const read = JSON.parse(outs.reader);
    if (read.rows !== n || read.problems !== 0) throw new Error(`xlsx bench: the reader read ${read.rows} rows (${read.problems} problems) of ${n}`);
    if (outs.xlsx !== outs.csv) throw new Error(`xlsx bench: coverage differs between ${x} and ${c}`);
    const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const mem = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, median(v)]));
    const { size: xml } = await sheetSize(x);
    results.push({ rows: n, bytes: statSync(x).size, xml, ms: med, rssMiB: mem });
    console.log(
      `| ${n.toLocaleString('en-US')} | ${(statSync(x).size / 2 ** 20).toFixed(1)} MiB | ${(xml / 2 ** 20).toFixed(0)} MiB | ${fmt(med.reader)} | ${mem.reader.toFixed(0)} MiB | ${fmt(med.xlsx)} | ${mem.xlsx.toFixed(0)} MiB | ${fmt(med.csv)} | ${mem.csv.toFixed(0)} MiB | ${(med.xlsx / med.csv).toFixed(2)}× |`,
    );
  }
  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && last !== first) {
    console.log(`\nReader peak RSS ${first.rssMiB.reader.toFixed(0)} MiB at ${first.rows.toLocaleString('en-US')} rows, ${last.rssMiB.reader.toFixed(0)} MiB at ${last.rows.toLocaleString('en-US')} (${(last.rssMiB.reader / first.rssMiB.reader).toFixed(2)}×; goal ≤ 1.3×).`);
  }
  // A sheet whose XML is more than 600 MiB (V8 cannot hold it as one string).
  const wide = join(OUT, 'regional-xlsx-wide.xlsx');
  if (!existsSync(wide)) await generateRegionalXlsx(540_000, wide, { note: 900, level: 1 });
  const w = Array.from({ length: runs }, () => measure(process.execPath, [reader, wide]));
  const { size: wideXml } = await sheetSize(wide);
  console.log(`The wide sheet (540,000 rows with a 900-character note each; ${(statSync(wide).size / 2 ** 20).toFixed(0)} MiB workbook, ${(wideXml / 2 ** 20).toFixed(0)} MiB of sheet XML): reader ${fmt(median(w.map((m) => m.ms)))}, ${median(w.map((m) => m.mb)).toFixed(0)} MiB peak RSS.\n`);
  results.push({ wide: { bytes: statSync(wide).size, xml: wideXml, ms: median(w.map((m) => m.ms)), rssMiB: median(w.map((m) => m.mb)) } });
  return results;
}

async function sheetSize(path) {
  const { fileSource } = await import('../dist/io/readers/byte-source.js');
  const { readZipDirectory } = await import('../dist/io/readers/zip.js');
  const src = await fileSource(path);
  try {
    return (await readZipDirectory(src)).get('xl/worksheets/sheet1.xml');
  } finally {
    await src.close();
  }
}
