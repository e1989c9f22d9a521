// node bench/load-stages.js FILE: where the general path's time goes on a regional CSV (read by province,
// as bench/load-general.js reads it), in-process, best of BENCH_RUNS (default 4) so that a busy machine
// disturbs it less, as wall time and as CPU time (user + system of the process: on a machine shared with
// other jobs the wall time is mostly theirs, the CPU time much less so): (1) read, decode and scan, every row handed to a sink that does nothing; (2) the same
// with the typed rows (keys, numbers, every check) but no groups; (3) with the groups and the check of
// repeated rows (fold.ts: the file is the load's only one, so by its groups, no digest a row); (4) the whole load (and the sha256, the loader's wrappers). Run `npm run build` first. Issue 20's profile of the general reader.
import { createReadStream } from 'node:fs';
import { readCsvRows } from '../dist/io/csv-rows.js';
import { decodeText } from '../dist/io/source.js';
import { TableShape, TypedRows } from '../dist/io/typed-rows.js';
import { KeyDomains } from '../dist/io/key-domains.js';
import { ProblemList } from '../dist/errors.js';
import { LoadFold } from '../dist/io/fold.js';
import { loadTable } from '../dist/io/load.js';

const file = process.argv[2];
const runs = Number(process.env.BENCH_RUNS ?? 4);
const measures = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count'], ['potential_workers', 'count']]);
const wants = { dims: ['province'], measures, segmentParts: true, percents: true, periodKind: 'period' };
// As the CSV reader is given its text (readers/index.ts): the chunks, and which of them their bytes
// showed to hold no control character.
let cleanText;
const clean = (chunk) => chunk === cleanText;
async function text() {
  const it = createReadStream(file, { highWaterMark: 64 * 1024 })[Symbol.asyncIterator]();
  const first = (await it.next()).value;
  return decodeText(file, first, it, undefined, () => undefined, (t) => (cleanText = t));
}
const stages = {
  'read, decode, scan': async () => readCsvRows(await text(), file, { clean }, { column() {}, row() {}, blank() {} }, new ProblemList(50)),
  '+ typed rows': async () => {
    const shape = new TableShape([...measures].map(([name, kind]) => ({ name, kind })));
    const typed = new TypedRows(shape, new KeyDomains('kemendagri'), new ProblemList(50), { file, src: 0, wants, rule: 'refuse', allowOverCoverage: false, deriveKanwil: false, place: (line, column) => ({ file, line, column }), columnsUpFront: true, required: [] });
    await readCsvRows(await text(), file, { clean }, typed, new ProblemList(50));
    typed.finish();
  },
  // The typed rows into the load's groups and the repeated-row check (fold.ts), as loadTable does,
  // without the loader around them (the sha256, the byte tap, the reader registry, the wrappers).
  '+ groups and repeated rows (fold)': async () => {
    const shape = new TableShape([...measures].map(([name, kind]) => ({ name, kind })));
    const fold = new LoadFold(shape.dims, shape.measures, ['province']);
    const typed = new TypedRows(shape, new KeyDomains('kemendagri'), new ProblemList(50), { file, src: 0, wants, rule: 'refuse', allowOverCoverage: false, deriveKanwil: false, place: (line, column) => ({ file, line, column }), columnsUpFront: true, required: [], fold: fold.file(0, 'refuse', true, true), rereadable: true });
    await readCsvRows(await text(), file, { clean }, typed, new ProblemList(50));
    typed.finish();
    fold.repeatedRows();
  },
  '+ sha256, loader (loadTable)': () => loadTable([file], { dims: ['province'], measures, rule: 'auto', segmentParts: true, percents: true }, { maxErrors: 50, allowOverCoverage: false, codeSystem: 'kemendagri', fastExtract: 'never' }),
};
const best = new Map();
const bestCpu = new Map();
for (let i = 0; i < runs; i++) {
  for (const [name, run] of Object.entries(stages)) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const ms = performance.now() - t;
    const u = process.cpuUsage(c);
    best.set(name, Math.min(best.get(name) ?? Infinity, ms));
    bestCpu.set(name, Math.min(bestCpu.get(name) ?? Infinity, (u.user + u.system) / 1000));
  }
}
for (const [name, ms] of best) console.log(`${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms wall ${bestCpu.get(name).toFixed(0).padStart(6)} ms CPU`);
