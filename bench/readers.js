// node bench/readers.js [json|xlsx]: the format readers on large generated files, each in its own child
// process (wall time and peak RSS from GNU time), side by side in the same run. Builds nothing: run
// `npm run build` first. Files go to bench/out/ and are reused.
//
// - json: a 150 MB array of ordinary rows, read by the streaming reader (src/io/json-rows.ts) and by
//   the whole text read into memory and given to JSON.parse (what the first version did, without its checks).
// - xlsx: a 100,000-row sheet written with write-excel-file, read by src/io/readers/xlsx.ts (bench/xlsx.js has
//   the sizes up to a full sheet, beside CSV).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import { PROVINCES } from './generate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const JSON_FILE = join(OUT, 'rows-150mb.json');
const XLSX_FILE = join(OUT, 'rows-100k.xlsx');
const JSON_BYTES = 150 * 1e6;
const XLSX_ROWS = 100_000;

/** Counts rows and sums one measure, so that no work can be optimized away. */
function countingSink() {
  const sink = { columns: 0, rows: 0, blank: 0, sum: 0, participants: -1 };
  return {
    sink,
    column(name, index) {
      sink.columns++;
      if (name === 'participants') sink.participants = index;
    },
    row(cells) {
      sink.rows++;
      const v = cells[sink.participants];
      if (typeof v === 'number') sink.sum += v;
    },
    blank() {
      sink.blank++;
    },
  };
}

async function generateJson(path) {
  const out = createWriteStream(path);
  let buf = '[\n';
  let bytes = 0;
  let seed = 99;
  for (let i = 0; bytes < JSON_BYTES; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const p = PROVINCES[seed % 38];
    const row = `${i ? ',\n' : ''}{"province": "${p}", "regency": "Kab. ${p} ${seed % 40}", "period": "2024-06", "workforce": ${1000 + (seed % 90000)}, "participants": ${seed % 1000}}`;
    buf += row;
    bytes += row.length;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf + '\n]\n');
  await new Promise((r) => out.end(r));
}

async function generateXlsx(path) {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const data = [['province', 'regency', 'period', 'workforce', 'participants'].map((value) => ({ value, fontWeight: 'bold' }))];
  let seed = 7;
  for (let i = 0; i < XLSX_ROWS; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const p = PROVINCES[seed % 38];
    data.push([
      { value: p, type: String },
      { value: `Kab. ${p} ${seed % 40}`, type: String },
      { value: '2024-06', type: String },
      { value: 1000 + (seed % 90000), type: Number },
      { value: seed % 1000, type: Number },
    ]);
  }
  writeFileSync(path, await writeXlsxFile(data).toBuffer());
}

// ── child modes ──

async function runJsonNew() {
  const { readJsonRows } = await import('../dist/io/json-rows.js');
  const { ProblemList } = await import('../dist/errors.js');
  const problems = new ProblemList(50);
  const s = countingSink();
  async function* chunks() {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const bytes of createReadStream(JSON_FILE)) yield decoder.decode(bytes, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  const t = performance.now();
  await readJsonRows(chunks(), JSON_FILE, s, problems);
  return { ms: performance.now() - t, rows: s.sink.rows, sum: s.sink.sum, problems: problems.size };
}

/** The baseline the streaming reader replaced: the whole text in memory, then JSON.parse (no checks). */
async function runJsonWhole() {
  const t = performance.now();
  const rows = JSON.parse(readFileSync(JSON_FILE, 'utf8'));
  let sum = 0;
  for (const r of rows) sum += Number(r.participants);
  return { ms: performance.now() - t, rows: rows.length, sum, problems: 0 };
}

async function runXlsx() {
  const { readXlsxRows } = await import('../dist/io/readers/xlsx.js');
  const { ProblemList } = await import('../dist/errors.js');
  const problems = new ProblemList(50);
  const s = countingSink();
  const t = performance.now();
  const bytes = readFileSync(XLSX_FILE);
  const facts = await readXlsxRows(bytes, XLSX_FILE, { isKnownColumn: (n) => ['province', 'participants', 'workforce'].includes(n) }, s, problems);
  return { ms: performance.now() - t, rows: s.sink.rows, sum: s.sink.sum, problems: problems.size, headerRow: facts.headerRow };
}

const mode = process.argv[2];
if (mode === '--child') {
  const which = process.argv[3];
  const r = which === 'json-new' ? await runJsonNew() : which === 'json-whole' ? await runJsonWhole() : await runXlsx();
  process.stdout.write(JSON.stringify(r));
} else {
  mkdirSync(OUT, { recursive: true });
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
  const child = (which) => {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, fileURLToPath(import.meta.url), '--child', which], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const wall = performance.now() - t;
    const rssMiB = Number(r.stderr.trim().split('\n').pop()) / 1024;
    if (r.status !== 0) return { which, failed: r.stderr.trim().split('\n').slice(-4).join(' | '), rssMiB, wall };
    return { which, ...JSON.parse(r.stdout), rssMiB, wall };
  };
  if (!mode || mode === 'json') {
    if (!existsSync(JSON_FILE)) await generateJson(JSON_FILE);
    const mb = statSync(JSON_FILE).size / 1e6;
    console.log(`## JSON rows: ${mb.toFixed(0)} MB array\n\n| reader | rows | read time | MB/s | peak RSS (process) |\n|---|---:|---:|---:|---:|`);
    for (const which of ['json-new', 'json-whole']) {
      const r = child(which);
      if (r.failed) console.log(`| ${which} | failed: ${r.failed} | | | ${r.rssMiB.toFixed(0)} MiB |`);
      else console.log(`| ${which} | ${r.rows} | ${(r.ms / 1000).toFixed(2)} s | ${(mb / (r.ms / 1000)).toFixed(0)} | ${r.rssMiB.toFixed(0)} MiB |`);
    }
    console.log('');
  }
  if (!mode || mode === 'xlsx') {
    if (!existsSync(XLSX_FILE)) await generateXlsx(XLSX_FILE);
    const mb = statSync(XLSX_FILE).size / 1e6;
    const r = child('xlsx');
    console.log(`## xlsx rows: ${XLSX_ROWS} rows, ${mb.toFixed(1)} MB workbook\n\n| reader | rows | read time | peak RSS (process) |\n|---|---:|---:|---:|`);
    if (r.failed) console.log(`| xlsx | failed: ${r.failed} | | ${r.rssMiB.toFixed(0)} MiB |`);
    else console.log(`| xlsx-rows | ${r.rows} | ${(r.ms / 1000).toFixed(2)} s | ${r.rssMiB.toFixed(0)} MiB |`);
  }
}
