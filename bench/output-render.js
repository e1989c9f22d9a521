// One output written by the CLI's own path (render/index.ts stream() → io/output.ts writeOutputs, the
// temporary file and the rename), in a process of its own so that its peak RSS is the output's:
//
//   node bench/output-render.js FORMAT ROWS lazy|array OUT [--report-rss]
//
// --report-rss prints "maxRSS <KiB>" (process.resourceUsage) on stdout at the end (test/scale uses it).
// `lazy` gives the rows as a RowSource made on demand (what a producer of a big report gives); `array`
// builds the million Row objects first, as the report builders do today, to show what they cost.
// The rows are those of test/render/fixtures.ts bigReport: a unit name, four numbers, a totals row.
import { stream } from '../dist/render/index.js';
import { writeOutputs } from '../dist/io/output.js';
import { rowSource } from '../dist/report/model.js';

const [format, rowsArg, mode, out] = process.argv.slice(2);
const n = Number(rowsArg);

function row(i) {
  const p = 1000 + ((i * 7919) % 50_000);
  const t = p + ((i * 104_729) % 5_000) - 1_000;
  return { values: { unit: `unit ${String(i + 1).padStart(7, '0')}`, participants: p, target: t, coverage: p / (p + 40_000), gap: t - p } };
}

let participants = 0;
let target = 0;
for (let i = 0; i < n; i++) {
  const v = row(i).values;
  participants += v.participants;
  target += v.target;
}
const rows =
  mode === 'array'
    ? Array.from({ length: n }, (_, i) => row(i))
    : rowSource(n, function* () {
        for (let i = 0; i < n; i++) yield row(i);
      });
const report = {
  kind: 'coverage',
  title: { en: `Coverage of ${n} units`, id: `Cakupan ${n} unit` },
  columns: [
    { key: 'unit', label: { en: 'unit', id: 'unit' }, kind: 'text' },
    { key: 'participants', label: { en: 'participants', id: 'peserta' }, kind: 'int' },
    { key: 'target', label: { en: 'target', id: 'target' }, kind: 'int' },
    { key: 'coverage', label: { en: 'coverage', id: 'cakupan' }, kind: 'pct' },
    { key: 'gap', label: { en: 'gap', id: 'selisih' }, kind: 'signed-int' },
  ],
  rows,
  totals: { unit: 'Total', participants, target, coverage: null, gap: target - participants },
  meta: { command: 'coverage', units: n },
  chart: { label: 'unit', value: 'coverage', second: 'gap' },
};
const ctx = { lang: 'en', color: false, chart: false, csvDialect: 'rfc4180' };
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date() };
const s = await stream(format, report, ctx);
await writeOutputs([{ target: out, data: s.chunks }], io, { protect: [] });
if (process.argv.includes('--report-rss')) process.stdout.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
