// Issue 20: what a renderer makes for a row dies young. A coverage report of a million keys written as
// xlsx peaked 1.43× its peak at 100,000 keys where CSV grew 1.31×: the row number of each <row r="…">
// was made by String(r), and V8 keeps the text of the numbers it converts in a number-to-string cache
// until a later number takes the slot, so a million row numbers, each new, outlived the young
// generation and piled up in the old one (22 MiB of garbage at a million rows, freed only by a full
// collection). The column widths (xlsx) and the grouped counts (HTML, the table) made their digits the
// same way. Measured here without timing or RSS: the bytes that scavenges move into the old space
// (v8.GCProfiler) while 300,000 rows of distinct counts are rendered, each format in a process of its
// own (a clean heap, the built renderers). Main at 985ebb1: xlsx 10.4 MiB, HTML 5.4, CSV and JSON lines
// 0.4; now xlsx 0.9, HTML 0.6, CSV and JSON lines 0.4.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/helpers.js';

const ROWS = 300_000;

// One text cell the same in every row, two counts new in every row; nothing kept but what is written.
const child = (format: string): string => `
import v8 from 'node:v8';
const { stream } = await import(${JSON.stringify(`file://${ROOT}/dist/render/index.js`)});
const { rowSource } = await import(${JSON.stringify(`file://${ROOT}/dist/report/model.js`)});
const n = ${ROWS};
const column = (key, kind) => ({ key, label: { en: key, id: key }, kind });
const report = {
  kind: 'coverage',
  title: { en: 'Coverage', id: 'Cakupan' },
  columns: [column('unit', 'text'), column('participants', 'int'), column('target', 'int')],
  rows: rowSource(n, function* () {
    for (let i = 0; i < n; i++) yield { values: { unit: 'unit', participants: 1000 + i, target: 5000 + 3 * i } };
  }),
  meta: { command: 'coverage' },
};
const profiler = new v8.GCProfiler();
profiler.start();
const s = await stream(${JSON.stringify(format)}, report, { lang: 'en', color: false, chart: false, csvDialect: 'rfc4180' });
let size = 0;
for (const c of s.chunks) size += c.length;
const { statistics } = profiler.stop();
const old = (x) => x.heapSpaceStatistics.find((y) => y.spaceName === 'old_space').spaceUsedSize;
let promoted = 0;
for (const g of statistics) if (g.gcType === 'Scavenge') promoted += old(g.afterGC) - old(g.beforeGC);
process.stdout.write(JSON.stringify({ promoted, size }));
`;

describe('a renderer keeps nothing per row past the young generation', () => {
  it.each(['xlsx', 'html', 'csv', 'jsonl'])(`%s, ${ROWS.toLocaleString('en-US')} rows: under 2 MiB moved to the old space by scavenges`, (format) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', child(format)], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { promoted, size } = JSON.parse(r.stdout) as { promoted: number; size: number };
    expect(size).toBeGreaterThan(0);
    expect(promoted / 2 ** 20, `${format}: MiB promoted`).toBeLessThan(2);
  });
});
