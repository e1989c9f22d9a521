// Reports built in the test, as the commands build them: every renderer draws only a Report, so these
// are what the render tests draw. The JSON files hold what the commands computed for the README's
// examples (Gorontalo's six regencies, and the 2024 national target by province × segment); the
// cross-tab, the notes and the big report are built here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderContext } from '../../src/render/context.js';
import type { Format } from '../../src/render/index.js';
import { rowSource, selectColumns, type AnyReport, type Column, type CrossTab, type Lang, type Report, type Row, type Value } from '../../src/report/model.js';

const HERE = dirname(fileURLToPath(import.meta.url));

interface Stored {
  kind: string;
  title: { en: string; id: string };
  meta: Record<string, unknown>;
  columns: Column[];
  rows: Row[];
  totals: Record<string, Value>;
}

const load = (name: string): Stored => JSON.parse(readFileSync(join(HERE, 'fixtures', name), 'utf8')) as Stored;

export const ctx = (lang: Lang, extra: Partial<RenderContext> = {}): RenderContext => ({ lang, color: false, chart: false, csvDialect: 'rfc4180', ...extra });

/** What the command does before rendering: human formats get the report's chosen columns. */
export function forFormat(report: Report, format: Format): Report {
  const human = format === 'table' || format === 'md' || format === 'html';
  return human && report.humanColumns ? selectColumns(report, report.humanColumns) : report;
}

/** breakdown --target 287599 --input examples/gorontalo-regencies.csv --by regency */
export function breakdownReport(): Report {
  const s = load('breakdown-gorontalo.json');
  return {
    ...s,
    chart: { label: 'regency', value: 'coverage', target: 'target_coverage', second: 'increase' },
    humanColumns: ['regency', 'denominator', 'participants', 'coverage', 'target', 'increase', 'target_coverage', 'share', 'bound'],
  };
}

/** coverage examples/2024-06/gorontalo.csv --by regency --targets examples/targets-2024-gorontalo.csv */
export function coverageReport(options: { notes?: boolean } = {}): Report {
  const s = load('coverage-gorontalo.json');
  return {
    ...s,
    chart: { label: 'regency', value: 'coverage', target: 'target_coverage', second: 'gap' },
    ...(options.notes
      ? {
          notes: [
            {
              en: 'Kota Gorontalo: 12 participants counted in both PU and BPU were counted once.',
              id: 'Kota Gorontalo: 12 peserta yang tercatat di PU dan BPU dihitung sekali.',
              kind: 'note' as const,
            },
            { en: 'Targets are phased evenly from 2023-12 to 2024-12.', id: 'Target dibagi rata per bulan dari 2023-12 sampai 2024-12.', kind: 'note' as const },
          ],
        }
      : {}),
  };
}

/** The same coverage without --targets: the chart has no target line, and the target columns are left out. */
export function coverageWithoutTargets(): Report {
  const s = load('coverage-gorontalo.json');
  const gone = new Set(['target', 'target_coverage', 'gap', 'achievement', 'milestone', 'run_rate', 'status']);
  const strip = (v: Readonly<Record<string, Value>>): Record<string, Value> => Object.fromEntries(Object.entries(v).filter(([k]) => !gone.has(k)));
  return {
    ...s,
    meta: { ...s.meta, targets: null, targetYear: null, targetsBaselinePeriod: null },
    columns: s.columns.filter((c) => !gone.has(c.key)),
    rows: s.rows.map((r) => ({ ...r, values: strip(r.values) })),
    totals: strip(s.totals),
    // As the command sets it today: a target column is named even when there are no targets.
    chart: { label: 'regency', value: 'coverage', target: 'target_coverage' },
  };
}

export const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'] as const;

/** breakdown --year 2024 --by province,segment: 38 provinces × 4 segments, province subtotals, the cross-tab. */
export function matrixReport(): Report {
  const s = load('matrix-2024.json');
  const measures: Column[] = [
    { key: 'participants', label: { en: 'today', id: 'saat ini' }, kind: 'int' },
    { key: 'target', label: { en: 'target', id: 'target' }, kind: 'int' },
  ];
  const rows: CrossTab['rows'][number][] = [];
  const columnTotals = SEGMENTS.map(() => [0, 0]);
  let cells: number[][] = SEGMENTS.map(() => [0, 0]);
  for (const r of s.rows) {
    const v = r.values;
    if (r.level === 'subtotal') {
      rows.push({
        header: { province_code: v['province_code'] ?? null, province: v['province'] ?? null },
        cells: [...cells, [Number(v['participants']), Number(v['target'])]],
        level: 'detail',
      });
      cells = SEGMENTS.map(() => [0, 0]);
      continue;
    }
    const j = SEGMENTS.indexOf(v['segment'] as (typeof SEGMENTS)[number]);
    const today = Number(v['participants']);
    const target = Number(v['target']);
    cells[j] = [today, target];
    columnTotals[j] = [columnTotals[j]![0]! + today, columnTotals[j]![1]! + target];
  }
  rows.push({ header: { province_code: null, province: 'Total' }, cells: [...columnTotals, [Number(s.totals['participants']), Number(s.totals['target'])]], level: 'total' });
  const crosstab: CrossTab = {
    title: { en: 'Participants today and targets, province × segment', id: 'Peserta saat ini dan target, provinsi × segmen' },
    rowHeader: s.columns.filter((c) => c.key === 'province_code' || c.key === 'province'),
    across: [...SEGMENTS.map((k) => ({ key: k, label: { en: k, id: k } })), { key: 'total', label: { en: 'Total', id: 'Total' } }],
    measures,
    rows,
  };
  return {
    ...s,
    crosstab,
    humanColumns: ['province_code', 'province', 'segment', 'denominator', 'participants', 'coverage', 'target', 'increase', 'target_coverage', 'share', 'bound'],
    notes: [
      {
        en: 'The denominator (employed) is known per province, not per segment: coverage is shown on the province rows only.',
        id: 'Penyebut (penduduk bekerja) hanya diketahui per provinsi, bukan per segmen: cakupan hanya ditampilkan di baris provinsi.',
        kind: 'note',
      },
    ],
  };
}

/** Unit i of the big report (the same on every call). */
export function bigRow(i: number): Row {
  const p = 1000 + ((i * 7919) % 50_000);
  const t = p + ((i * 104_729) % 5_000) - 1_000;
  return { values: { unit: `unit ${String(i + 1).padStart(7, '0')}`, participants: p, target: t, coverage: p / (p + 40_000), gap: t - p } };
}

/**
 * n units of five columns, a totals row, and a chart: the big-output test. `lazy`: the rows as a
 * RowSource made on demand (no array of n rows), as a producer of a big report gives them.
 */
export function bigReport(n: number): Report;
export function bigReport(n: number, lazy: true): AnyReport;
export function bigReport(n: number, lazy = false): AnyReport {
  let participants = 0;
  let target = 0;
  for (let i = 0; i < n; i++) {
    const v = bigRow(i).values;
    participants += v['participants'] as number;
    target += v['target'] as number;
  }
  const rows = lazy
    ? rowSource(n, function* () {
        for (let i = 0; i < n; i++) yield bigRow(i);
      })
    : Array.from({ length: n }, (_, i) => bigRow(i));
  return {
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
}
