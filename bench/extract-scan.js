// The extract engine on one file, as the loader will call it: province × segment × period sums (and
// the participants column when there is one). Prints one line: rows, groups, total, ranges, locale.
// Usage: node bench/extract-scan.js FILE [--workers N] [--ids]
//   --ids  also check participant ids (the same id twice in one period)
import { Buffer } from 'node:buffer';
import { openSync, readSync, closeSync } from 'node:fs';
import { scanExtract } from '../dist/io/extract/index.js';

const args = process.argv.slice(2);
const path = args[0];
const workers = args.includes('--workers') ? Number(args[args.indexOf('--workers') + 1]) : undefined;

// The header: what the general loader will have read before it hands the file to the engine.
const fd = openSync(path, 'r');
const head = Buffer.alloc(4096);
const got = readSync(fd, head, 0, head.length, 0);
closeSync(fd);
const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
const lf = head.subarray(0, got).indexOf(10);
const header = head.toString('utf8', bom, lf).replace(/\r$/, '');
const delimiter = header.includes(';') ? ';' : ',';
const names = header.split(delimiter);
const at = (name) => names.indexOf(name);
const count = at('participants');
const plan = {
  path,
  delimiter: delimiter.charCodeAt(0),
  dataStart: lf + 1,
  firstDataLine: 2,
  fieldCount: names.length,
  keyFields: [at('province'), at('segment'), at('period')],
  countFields: count >= 0 ? [count] : [],
  ...(args.includes('--ids') ? { idField: 0, periodField: at('period') } : {}),
  ...(workers ? { workers } : {}),
};
const scan = await scanExtract(plan);
if (!scan.ok) {
  console.error(`extract-scan: the engine refused ${path}: ${scan.reason}`);
  process.exit(3);
}
const total = scan.groups.reduce((s, g) => s + (count >= 0 ? g.sums[0] : g.rows), 0);
console.log(JSON.stringify({ rows: scan.rows, groups: scan.groups.length, total, ranges: scan.ranges, locale: scan.locale ?? null }));
