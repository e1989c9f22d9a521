// node --expose-gc bench/load-heap.js FILE [--by province,kantor]: the load of a regional file as `coverage`
// reads it (the byte-level engine first when the file is large, as in a run), then what stays alive:
// the Table's rows, keys, values and labels (gc() twice, heapUsed). For issue 20's memory of a key per
// row. Run `npm run build` first.
import { loadTable } from '../dist/index.js';
import { coverageSchema } from '../dist/app/read.js';

const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
const by = process.argv[3] === '--by' ? process.argv[4].split(',') : ['province', 'kantor'];
const t = performance.now();
const table = await loadTable([process.argv[2]], coverageSchema(by, undefined, false), { maxErrors: 20, allowOverCoverage: false, codeSystem: 'kemendagri' });
const ms = performance.now() - t;
gc();
gc();
const m = process.memoryUsage();
const mib = (b) => (b / 2 ** 20).toFixed(1);
console.log(`rows ${table.rows.length}, load ${(ms / 1000).toFixed(2)} s, live heap after gc ${mib(m.heapUsed)} MiB (${(m.heapUsed / table.rows.length).toFixed(0)} B a row), rss ${mib(m.rss)} MiB; labels ${table.dims.map((d) => `${d.name} ${d.labels.size}`).join(', ')}`);
globalThis.table = table;
