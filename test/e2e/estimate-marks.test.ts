// Estimate marks in every report kind × every output format: the guard against the next report kind
// that forgets them (README: "Estimates are marked in every report"; "a total with an estimated part
// is an estimate"). Each kind is run once on small files of our own whose estimates are written here;
// which cells are marked is decided by hand below, and every format must agree: csv/tsv/json/jsonl
// list them in `estimated`, the table, Markdown and HTML put `*` after exactly those cells (and print
// the legend), the workbook shows the mark through the cells' format (numbers and statuses keep their
// values). The values of the marked cells are read from the csv of the same run.

import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run } from './helpers.js';

let dir = '';
const at = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jamsostek-marks-'));
  mkdirSync(at('m'));
  // Three months; Gorontalo's participants of June (the month reported) are an estimate.
  const month = (m: string, g: number, k: number, gEst = ''): string => `period,province,potential_workers,participants,estimated\n${m},Gorontalo,422934,${g},${gEst}\n${m},Maluku,485724,${k},\n`;
  writeFileSync(at('m/2024-04.csv'), month('2024-04', 250000, 150000));
  writeFileSync(at('m/2024-05.csv'), month('2024-05', 251000, 150500));
  writeFileSync(at('m/2024-06.csv'), month('2024-06', 252000, 151000, 'participants'));
  // Two plans: Maluku's target is an estimate in the first, Gorontalo's in the second.
  writeFileSync(at('t1.csv'), 'year,province,target,estimated\n2024,Gorontalo,300000,\n2024,Maluku,200000,target\n');
  writeFileSync(at('t2.csv'), 'year,province,target,estimated\n2024,Gorontalo,310000,target\n2024,Maluku,210000,\n');
  // Wide segment columns beside the participants: Gorontalo's BPU column is an estimate (its split,
  // not its participants, which are given); Sulawesi Utara's participants are one, so are its segments'.
  writeFileSync(at('w.csv'), 'period,province,potential_workers,participants,participants_pu,participants_bpu,estimated\n2024-06,Gorontalo,422934,242000,151000,91000,participants_bpu\n2024-06,Sulawesi Utara,780666,572500,401000,171500,participants\n');
  // Cells for a breakdown: Gorontalo PU's participants are an estimate.
  writeFileSync(at('seg.csv'), 'period,province,segment,employed,participants,estimated\n2024-06,Gorontalo,PU,300000,150000,participants\n2024-06,Gorontalo,BPU,330000,90000,\n2024-06,Maluku,PU,400000,100000,\n2024-06,Maluku,BPU,450000,55000,\n');
});

/** A row of the report: how the csv finds it (key columns) and the texts its human row shows. */
interface Check {
  /** Key columns of the csv row → their values ('' for empty). */
  readonly keys: Readonly<Record<string, string>>;
  /** The cells a person's row shows for those keys (without the province code). */
  readonly shown: readonly string[];
  /** Cells that name other rows: a human row with one of them is not this row (a subtotal vs the Total). */
  readonly not?: readonly string[];
  /** The marked columns, decided by hand. */
  readonly marked: readonly string[];
}

interface Kind {
  readonly name: string;
  readonly args: readonly string[];
  readonly checks: readonly Check[];
  /** A matrix: the cross-tab's rows, the cells marked given as the long list's csv lets us read them. */
  readonly crosstab?: (csv: readonly Record<string, string>[]) => readonly { shown: string; not?: readonly string[]; marked: readonly (string | number)[] }[];
}

const STATUS: Record<string, string> = { achieved: 'achieved', 'on-track': 'on track', 'at-risk': 'at risk', behind: 'behind', 'will-achieve': 'will achieve', 'will-miss': 'will miss' };
const PROVINCES = ['Gorontalo', 'Maluku', 'Sulawesi Utara'];

const KINDS: readonly Kind[] = [
  {
    name: 'coverage with targets, one month',
    args: ['coverage', 'm/2024-06.csv', '--targets', 't1.csv'],
    checks: [
      // A status reached on an estimate is one (in the workbook too: `behind*`).
      { keys: { province: 'Gorontalo' }, shown: ['Gorontalo'], marked: ['participants', 'status'] },
      { keys: { province: 'Maluku' }, shown: ['Maluku'], marked: ['target', 'status'] },
      { keys: { province: 'Total' }, shown: ['Total'], marked: ['participants', 'target', 'status'] },
    ],
  },
  {
    name: 'coverage with targets and three months',
    args: ['coverage', 'm/*.csv', '--targets', 't1.csv'],
    checks: [
      // Participants of June: an estimate; so are the status reached on them, the projection (its pace
      // ends on them) and its status.
      { keys: { province: 'Gorontalo' }, shown: ['Gorontalo'], marked: ['participants', 'status', 'projected', 'projected_status'] },
      // Maluku's target is an estimate: its status and projected status were reached on it.
      { keys: { province: 'Maluku' }, shown: ['Maluku'], marked: ['target', 'status', 'projected_status'] },
      { keys: { province: 'Total' }, shown: ['Total'], marked: ['participants', 'target', 'status', 'projected', 'projected_status'] },
    ],
  },
  {
    name: 'coverage --trend',
    args: ['coverage', 'm/*.csv', '--targets', 't1.csv', '--trend'],
    checks: [
      { keys: { province: 'Gorontalo' }, shown: ['Gorontalo'], marked: ['2024-06', 'projected', 'projected_status'] },
      { keys: { province: 'Maluku' }, shown: ['Maluku'], marked: ['target', 'projected_status'] },
      { keys: { province: 'Total' }, shown: ['Total'], marked: ['2024-06', 'projected', 'target', 'projected_status'] },
    ],
  },
  {
    name: 'coverage --compare-targets',
    args: ['coverage', 'm/2024-06.csv', '--targets', 't1.csv', '--compare-targets', 't2.csv'],
    checks: [
      { keys: { province: 'Gorontalo' }, shown: ['Gorontalo'], marked: ['participants', 'status_t1', 'target_t2', 'status_t2'] },
      { keys: { province: 'Maluku' }, shown: ['Maluku'], marked: ['target_t1', 'status_t1'] },
      { keys: { province: 'Total' }, shown: ['Total'], marked: ['participants', 'target_t1', 'status_t1', 'target_t2', 'status_t2'] },
    ],
  },
  {
    name: 'coverage of wide segment columns, by province',
    args: ['coverage', 'w.csv'],
    checks: [
      { keys: { province: 'Gorontalo' }, shown: ['Gorontalo'], marked: [] },
      { keys: { province: 'Sulawesi Utara' }, shown: ['Sulawesi Utara'], marked: ['participants'] },
      { keys: { province: 'Total' }, shown: ['Total'], marked: ['participants'] },
    ],
  },
  {
    name: 'coverage by province and segment',
    args: ['coverage', 'w.csv', '--by', 'province,segment'],
    checks: [
      { keys: { province: 'Gorontalo', segment: 'PU' }, shown: ['Gorontalo', 'PU'], marked: [] },
      { keys: { province: 'Gorontalo', segment: 'BPU' }, shown: ['Gorontalo', 'BPU'], marked: ['participants'] },
      { keys: { province: 'Gorontalo', segment: 'Total' }, shown: ['Gorontalo', 'Total'], marked: [] },
      { keys: { province: 'Sulawesi Utara', segment: 'PU' }, shown: ['Sulawesi Utara', 'PU'], marked: ['participants'] },
      { keys: { province: 'Sulawesi Utara', segment: 'Total' }, shown: ['Sulawesi Utara', 'Total'], marked: ['participants'] },
      { keys: { province: 'Total', segment: '' }, shown: ['Total'], not: PROVINCES, marked: ['participants'] },
    ],
  },
  {
    name: 'breakdown, flat',
    args: ['breakdown', '--input', 'seg.csv', '--target', '600000'],
    checks: [
      // Planned on an estimate: the target is one. The Total's target is the one given.
      { keys: { province: 'Gorontalo' }, shown: ['Gorontalo'], marked: ['participants', 'target'] },
      { keys: { province: 'Maluku' }, shown: ['Maluku'], marked: [] },
      { keys: { province: 'Total' }, shown: ['Total'], marked: ['participants'] },
    ],
  },
  {
    name: 'breakdown by province and segment (a matrix)',
    args: ['breakdown', '--input', 'seg.csv', '--target', '600000', '--by', 'province,segment'],
    checks: [
      { keys: { province: 'Gorontalo', segment: 'PU' }, shown: ['Gorontalo', 'PU'], marked: ['participants', 'target'] },
      // A cell's target is apportioned within its row's and its column's: Gorontalo's row target and the
      // PU column's were planned on Gorontalo's estimated PU participants, so Gorontalo / BPU's target and
      // Maluku / PU's are estimates too (their own figures are not).
      { keys: { province: 'Gorontalo', segment: 'BPU' }, shown: ['Gorontalo', 'BPU'], marked: ['target'] },
      { keys: { province: 'Maluku', segment: 'PU' }, shown: ['Maluku', 'PU'], marked: ['target'] },
      { keys: { province: 'Maluku', segment: 'BPU' }, shown: ['Maluku', 'BPU'], marked: [] },
      { keys: { province: 'Gorontalo', segment: 'Total' }, shown: ['Gorontalo', 'Total'], marked: ['participants', 'target'] },
      { keys: { province: 'Maluku', segment: 'Total' }, shown: ['Maluku', 'Total'], marked: [] },
      { keys: { province: 'Total', segment: '' }, shown: ['Total'], not: PROVINCES, marked: ['participants'] },
    ],
    // Across: PU (today, target), BPU (today, target), Total (today, target).
    crosstab: (csv) => {
      const row = (p: string, s: string): Record<string, string> => csv.find((r) => r['province'] === p && r['segment'] === s)!;
      const puTargets = Number(row('Gorontalo', 'PU')['target']) + Number(row('Maluku', 'PU')['target']);
      return [
        { shown: 'Gorontalo', marked: [150000, Number(row('Gorontalo', 'PU')['target']), Number(row('Gorontalo', 'BPU')['target']), 240000, Number(row('Gorontalo', 'Total')['target'])] },
        { shown: 'Maluku', marked: [Number(row('Maluku', 'PU')['target'])] },
        // The PU column total was split from the total (not given): planned on an estimate. The
        // Total's target is the one given.
        { shown: 'Total', not: PROVINCES, marked: [250000, puTargets, 395000] },
      ];
    },
  },
  {
    name: 'breakdown --months',
    args: ['breakdown', '--input', 'seg.csv', '--target', '600000', '--months', '--year', '2024'],
    checks: [
      { keys: { period: '2024-07', province: 'Gorontalo' }, shown: ['2024-07', 'Gorontalo'], marked: ['baseline', 'milestone', 'target'] },
      { keys: { period: '2024-07', province: 'Maluku' }, shown: ['2024-07', 'Maluku'], marked: [] },
      { keys: { period: '2024-07', province: 'Total' }, shown: ['2024-07', 'Total'], marked: ['baseline', 'milestone'] },
    ],
  },
];

const MACHINE = ['csv', 'tsv', 'json', 'jsonl'] as const;
const FILES = [...MACHINE, 'md', 'html', 'xlsx'] as const;

/** The csv row a check names. */
const csvRow = (rows: readonly Record<string, string>[], keys: Check['keys']): Record<string, string> => {
  const found = rows.filter((r) => Object.entries(keys).every(([k, v]) => (r[k] ?? '') === v));
  expect(found, JSON.stringify(keys)).toHaveLength(1);
  return found[0]!;
};

/** A cell as a person reads it: 252000 → 252,000; a status code → its words. */
const shownValue = (v: string): string => (STATUS[v] ?? (/^-?\d+$/.test(v) ? Number(v).toLocaleString('en-US') : v));

/** Of rows of cells (already unescaped), the one that shows every text of `shown` and none of `not`. */
function humanRow(rows: readonly string[][], shown: readonly string[], not: readonly string[] = [], where = ''): string[] {
  const clean = (c: string): string => c.replace(/\*$/, '');
  const found = rows.filter((cells) => shown.every((s) => cells.some((c) => clean(c) === s)) && !not.some((s) => cells.some((c) => clean(c) === s)));
  expect(found, `${where}: ${shown.join(' / ')}`).toHaveLength(1);
  return found[0]!;
}

/** The marked cells of a row, unmarked, sorted. */
const markedCells = (cells: readonly string[]): string[] => cells.filter((c) => c.endsWith('*') && c !== '*').map((c) => c.slice(0, -1)).sort();

const mdRows = (text: string): string[][] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.replace(/^\*\*(.*)\*\*$/, '$1').replace(/\\\*/g, '*').replace(/\\(.)/g, '$1')),
    );

const tableRows = (text: string): string[][] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.slice(1, -1).split('│').map((c) => c.trim()));

const unescapeHtml = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The body rows of HTML tables (header rows left out: a cross-tab's header says Total too). */
const htmlRows = (text: string): string[][] =>
  [...text.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescapeHtml(c[1]!).trim())).filter((cells) => cells.length > 0);

async function sheetRows(file: string, sheet?: string): Promise<{ values: string[]; marked: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0]!;
  const out: { values: string[]; marked: string[] }[] = [];
  ws.eachRow((row) => {
    const values: string[] = [];
    const marked: string[] = [];
    row.eachCell((c) => {
      const v = c.value === null || c.value === undefined ? '' : String(c.value);
      values.push(v);
      if (c.numFmt?.includes('"*"')) marked.push(v);
    });
    out.push({ values, marked: marked.sort() });
  });
  return out;
}

describe('every report kind marks its estimates in every format', () => {
  for (const kind of KINDS) {
    it(kind.name, async () => {
      const base = [...kind.args, '--quiet'];
      const out = Object.fromEntries(FILES.map((f) => [f, at(`${kind.name.replace(/\W+/g, '-')}.${f}`)]));
      const r = await run([...base, ...FILES.flatMap((f) => ['-o', out[f]!])], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const table = await run([...base, '-f', 'table'], { cwd: dir });
      expect(table.code, table.stderr).toBe(0);
      const read = (f: string): string => readFileSync(out[f]!, 'utf8');
      const csv = csvRows(read('csv'));
      const tsv = parse(read('tsv'), { columns: true, delimiter: '\t' }) as Record<string, string>[];
      const json = JSON.parse(read('json')) as { rows: Record<string, unknown>[]; subtotals?: Record<string, unknown>[]; totals?: Record<string, unknown> };
      const jsonAll = [...json.rows, ...(json.subtotals ?? []), ...(json.totals ? [json.totals] : [])].map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v === null ? '' : String(v)])));
      const jsonl = read('jsonl')
        .trim()
        .split('\n')
        .map((l) => Object.fromEntries(Object.entries(JSON.parse(l) as Record<string, unknown>).map(([k, v]) => [k, v === null ? '' : String(v)])));
      const md = read('md');
      const html = read('html');
      const xlsx = await sheetRows(out['xlsx']!);
      const mdList = mdRows(md.split('\n### ')[0]!);
      const htmlList = htmlRows(html.split('<table class="crosstab"')[0]!);
      const tableList = tableRows(table.stdout);
      for (const c of kind.checks) {
        const where = `${kind.name} ${c.shown.join(' / ')}`;
        const row = csvRow(csv, c.keys);
        // Machine formats: the `estimated` column lists exactly the columns decided above.
        for (const [name, rows] of [['csv', csv], ['tsv', tsv], ['json', jsonAll], ['jsonl', jsonl]] as const) expect(csvRow(rows, c.keys)['estimated'], `${name}: ${where}`).toBe(c.marked.join(','));
        // People's formats: a `*` after exactly those cells.
        const expected = c.marked.map((k) => shownValue(row[k]!)).sort();
        expect(markedCells(humanRow(mdList, c.shown, c.not, `md ${where}`)), `md: ${where}`).toEqual(expected);
        expect(markedCells(humanRow(htmlList, c.shown, c.not, `html ${where}`)), `html: ${where}`).toEqual(expected);
        expect(markedCells(humanRow(tableList, c.shown, c.not, `table ${where}`)), `table: ${where}`).toEqual(expected);
        // The workbook: the marked cells keep their values (numbers, the status words) and show the mark.
        const sheet = xlsx.find((x) => c.shown.every((s) => x.values.includes(s)) && !(c.not ?? []).some((s) => x.values.includes(s)));
        expect(sheet?.marked, `xlsx: ${where}`).toEqual(c.marked.map((k) => STATUS[row[k]!] ?? row[k]!).sort());
      }
      const anyMarked = kind.checks.some((c) => c.marked.length);
      expect(md.includes('\n\\* estimate: '), 'md legend').toBe(anyMarked);
      expect(html.includes('* estimate: '), 'html legend').toBe(anyMarked);
      expect(table.stdout.includes('\n* estimate: '), 'table legend').toBe(anyMarked);
      if (kind.crosstab) {
        const mdCross = mdRows(md.split('\n### ')[1]!);
        const htmlCross = htmlRows(html.split('<table class="crosstab"')[1]!.split('</table>')[0]!);
        const xlsxCross = await sheetRows(out['xlsx']!, 'crosstab');
        for (const c of kind.crosstab(csv)) {
          const where = `${kind.name} cross-tab ${c.shown}`;
          const expected = c.marked.map((v) => Number(v).toLocaleString('en-US')).sort();
          expect(markedCells(humanRow(mdCross, [c.shown], c.not, `md ${where}`)), `md: ${where}`).toEqual(expected);
          expect(markedCells(humanRow(htmlCross, [c.shown], c.not, `html ${where}`)), `html: ${where}`).toEqual(expected);
          // (The header rows say Total too: the row is the one with numbers.)
          const sheet = xlsxCross.find((x) => x.values.includes(c.shown) && x.values.some((v) => /^\d+$/.test(v)) && !(c.not ?? []).some((s) => x.values.includes(s)));
          expect(sheet?.marked, `xlsx: ${where}`).toEqual(c.marked.map(String).sort());
        }
      }
    }, 20_000);
  }
});

describe('wide segment columns', () => {
  // The participants column is required beside the segment columns, which must add up to it: the
  // participants are a figure of their own, marked as the file marks them. The bundled baseline is the
  // case in point: its participants are published, their split into segments is estimated
  // (data/README.md), and marking every province's participants for it would mark published figures.
  it('an estimated segment column marks its segment row, not the participants given beside it', async () => {
    writeFileSync(at('w-given.csv'), 'period,province,potential_workers,participants,participants_pu,participants_bpu,estimated\n2024-06,Gorontalo,422934,242000,151000,91000,participants_bpu\n2024-06,Sulawesi Utara,780666,572500,401000,171500,\n');
    const bySegment = csvRows((await run(['coverage', 'w-given.csv', '--by', 'province,segment', '-f', 'csv', '--quiet'], { cwd: dir })).stdout);
    expect(bySegment.map((r) => [r['province'], r['segment'], r['estimated']])).toEqual([
      ['Gorontalo', 'PU', ''],
      ['Gorontalo', 'BPU', 'participants'],
      ['Gorontalo', 'Total', ''],
      ['Sulawesi Utara', 'PU', ''],
      ['Sulawesi Utara', 'BPU', ''],
      ['Sulawesi Utara', 'Total', ''],
      ['Total', '', ''],
    ]);
  });
});

describe("a Kanwil's planned target is an estimate when a province's is", () => {
  const files = join(ROOT, 'examples', 'sulama-2024', '*.csv');
  const totalOf = (stdout: string): Record<string, string> => csvRows(stdout).find((x) => x['level'] === 'total')!;

  it('--year 2024 and --targets from breakdown --year 2024 agree on the Total of Sulawesi Maluku', async () => {
    // The bundled breakdown plans every province on estimated participants (data/baseline.csv), so each
    // target of the eight is an estimate, and their sum, the Kanwil's target, is one too.
    const year = await run(['coverage', files, '--year', '2024', '-f', 'csv', '--quiet']);
    expect(year.code).toBe(0);
    expect(totalOf(year.stdout)['target']).toBe('3874402');
    expect(totalOf(year.stdout)['estimated']).toBe('target,milestone,status,projected_status');
    const d = mkdtempSync(join(tmpdir(), 'jamsostek-marks-'));
    const t1 = join(d, 't1.csv');
    expect((await run(['breakdown', '--year', '2024', '-o', t1, '--quiet'])).code).toBe(0);
    const file = await run(['coverage', files, '--targets', t1, '-f', 'csv', '--quiet']);
    expect(file.code).toBe(0);
    expect(totalOf(file.stdout)['estimated']).toBe(totalOf(year.stdout)['estimated']);
  });

  it('the national Total of --year is the target given, no estimate', async () => {
    const r = await run(['coverage', '--year', '2024', '-f', 'csv', '--quiet']);
    expect(r.code).toBe(0);
    const total = totalOf(r.stdout);
    expect(total['target']).toBe('50000000');
    expect(total['estimated']!.split(',')).not.toContain('target');
  });
});
