// jamsostek coverage — coverage-gap reports from regional files, month by month, at any size.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { computeCoverage, type CoverageMetrics } from '../core/coverage.js';
import { phaseMilestones } from '../core/phasing.js';
import { periodMonth, periodYear, type Period } from '../core/types.js';
import { InputError, ThresholdBreach, usage } from '../errors.js';
import { BASELINE_PERIOD, loadBaseline, meltSegments } from '../io/bundled.js';
import { aggregateExtracts, looksLikeExtract } from '../io/extract.js';
import { detectDelimiter } from '../io/read-input.js';
import { canonicalColumn, DENOMINATOR_COLUMNS, loadDataset, type DataRecord, type LoadedSource, type LoadOptions } from '../io/records.js';
import type { Io } from '../io/terminal.js';
import { COMMANDS } from './index.js';
import { formatHuman } from '../render/format.js';
import { keysTitle } from '../render/labels.js';
import type { Column, Report, Row, Value } from '../render/model.js';
import { buildBreakdown } from './breakdown.js';
import { groupRecords, keyColumns, keyValue, naturalOrder, parseBy, requireKeys, type Group } from './grouping.js';
import { addInputOptions, addOutputOptions, emitReport, expandInputs, inputOptions, loadConfig, outputOptions, parseFraction, parsePositiveInt, pick, type RawOptions } from './shared.js';

export const COVERAGE_EXAMPLES = `
Examples:
  # Coverage of the bundled baseline against the 2024 targets
  $ jamsostek coverage --year 2024

  # Gorontalo on the potential-workers base used in regional reporting
  $ jamsostek coverage --denominator potential_workers --fields province,participants,coverage | grep Gorontalo

  # A month of regional files (any mix of ',' and ';' files, Indonesian numbers), targets from breakdown
  $ jamsostek coverage 'data/2024-06/*.csv' --targets targets-2024.csv --format xlsx -o out/2024-06.xlsx

  # Fail a monthly job when any province is below 40 % coverage (the report is still written)
  $ jamsostek coverage data/2024-06/*.csv --year 2024 --fail-below 40 -f csv -o out/2024-06.csv

  # A per-participant extract of millions of rows, workforce from the bundled baseline
  $ jamsostek coverage --extract peserta-2024-06.csv --by province --year 2024
`;

export function registerCoverage(program: Command, io: () => Io): void {
  const cmd = program
    .command('coverage')
    .description(COMMANDS['coverage']!.description)
    .argument('[files...]', 'CSV/JSON files or glob patterns, - for stdin (default: the bundled baseline)')
    .option('--by <columns>', 'group by province (default), kanwil, regency, segment, sector or any column; combine with commas')
    .option('--denominator <column>', 'the coverage base: employed, potential_workers, workforce or another column')
    .option('--targets <file>', 'targets to compare with: a breakdown output (CSV/JSON) or any file with key columns and target')
    .option('--year <yyyy>', 'compute targets for this year with the breakdown defaults')
    .option('--scenario <name>', 'target scenario for --year (plan, roadmap, rkat)')
    .option('--period <yyyy-mm>', 'the month to report (default: the latest in the input)')
    .option('--previous <files...>', 'files of the previous month, for month-on-month change')
    .option('--sort <key>', 'sort rows by gap, coverage, achievement, name or any column (default: natural order)')
    .option('--top <n>', 'keep the first n rows after sorting')
    .option('--at-risk-margin <fraction>', "how far below the month's milestone counts as at-risk (default 0.05)")
    .option('--fail-below <percent>', 'exit 1 (after writing the report) when coverage or achievement is below this percentage')
    .addOption(new Option('--fail-on <measure>', 'what --fail-below checks').choices(['coverage', 'achievement']))
    .addOption(new Option('--fail-scope <scope>', 'any row, or only the grand total').choices(['any', 'total']))
    .option('--extract', 'the files are per-employer or per-participant extracts: sum rows per key (automatic when an id column is present)')
    .option('--workforce <file>', 'denominators for an extract (default: the bundled baseline)')
    .option('--config <file>', 'read defaults from this JSON file (default: ./jamsostek.json)');
  addInputOptions(cmd);
  addOutputOptions(cmd);
  cmd.addHelpText('after', COVERAGE_EXAMPLES);
  cmd.action(async (files: string[], opts: RawOptions) => runCoverage(files, opts, io()));
}

interface Loaded {
  records: DataRecord[];
  sources: LoadedSource[];
  bundled: boolean;
  extract: boolean;
  rowsRead?: number;
}

function peekHeader(path: string): string[] {
  if (path === '-') return [];
  let fd: number | undefined;
  try {
    // Only a regular file can be read twice: a FIFO would block here, and lose what the peek read.
    if (!statSync(path).isFile()) return [];
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
    const first = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
    if (first.trimStart().startsWith('[') || first.trimStart().startsWith('{')) return [];
    const d = detectDelimiter(first).delimiter;
    return d ? first.split(d).map((h) => h.replace(/^"|"$/g, '')) : [];
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function progressBar(io: Io): LoadOptions['onProgress'] {
  if (!io.stderr.isTTY) return undefined;
  const start = Date.now();
  let shown = false;
  let last = 0;
  return (bytes, total) => {
    const now = Date.now();
    if (now - start < 500 || now - last < 100) return;
    last = now;
    shown = true;
    const width = 30;
    const frac = total ? Math.min(1, bytes / total) : 0;
    const filled = Math.round(frac * width);
    io.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${total ? Math.round(frac * 100) + '%' : ''} ${(bytes / 1048576).toFixed(0)} MiB`);
    if (total && bytes >= total && shown) io.stderr.write('\r' + ' '.repeat(width + 20) + '\r');
  };
}

async function loadInputs(files: string[], load: LoadOptions, extractFlag: boolean, io: Io): Promise<Loaded> {
  if (files.length === 0) {
    const ds = await loadBaseline({ numericColumns: load.numericColumns });
    return { records: ds.records, sources: ds.sources, bundled: true, extract: false };
  }
  const extract = extractFlag || files.some((f) => looksLikeExtract(peekHeader(f)));
  if (extract) {
    const res = await aggregateExtracts(files, { ...load, onProgress: progressBar(io) });
    return { records: res.records, sources: res.sources, bundled: false, extract: true, rowsRead: res.rowsRead };
  }
  const ds = await loadDataset(files, { ...load, required: [{ column: 'participants', why: 'active participants' }] });
  return { records: ds.records, sources: ds.sources, bundled: false, extract: false };
}

function latest(periods: Iterable<string | undefined>): string | undefined {
  let p: string | undefined;
  for (const x of periods) if (x && (!p || x > p)) p = x;
  return p;
}

const div = (a: number | undefined | null, b: number | undefined | null): number | null =>
  a === undefined || a === null || b === undefined || b === null || b === 0 ? null : a / b;

interface TargetInfo {
  /** Target and baseline (participants at the targets' baseline month) per --by group key. */
  byKey: Map<string, { target: number; baseline?: number }>;
  source: string;
  baselinePeriod?: string;
  year?: number;
}

/** The same key groupRecords gives a group with these key values. */
function groupKey(keys: Record<string, string>, by: readonly string[]): string {
  return by.map((c) => keys[c] ?? '').join('\u0000');
}

async function targetsFromFile(path: string, by: string[], load: LoadOptions, io: Io): Promise<TargetInfo> {
  const files = await expandInputs([path], io);
  const ds = await loadDataset(files, {
    ...load,
    required: [{ column: 'target', why: 'the targets to compare with' }],
    allowOverCoverage: true,
    numericColumns: [],
    numericOnly: ['target', 'participants'],
  });
  // A breakdown output carries a `level` column: keep its detail rows only.
  const records = ds.records.filter((r) => !r.text['level'] || r.text['level'] === 'detail');
  requireKeys(records, by);
  const map = new Map<string, { target: number; baseline?: number }>();
  for (const g of groupRecords(records, by)) {
    map.set(g.key, { target: g.values['target']!, baseline: g.values['participants'] });
  }
  return { byKey: map, source: ds.sources.map((s) => `${s.name} (sha256 ${s.sha256.slice(0, 12)}…)`).join(', '), baselinePeriod: latest(records.map((r) => r.period)) };
}

async function targetsFromYear(year: string, by: string[], cli: RawOptions, config: RawOptions, io: Io): Promise<TargetInfo> {
  const supported = by.every((c) => ['province', 'kanwil', 'segment', 'province_code'].includes(c));
  if (!supported) throw usage(`--year computes targets per province, kanwil or segment; for --by ${by.join(',')} pass --targets <file>`);
  const needSeg = by.includes('segment');
  const quiet: Io = { ...io, stderr: { write: () => true } };
  const { report } = await buildBreakdown({ year, scenario: cli['scenario'], by: needSeg ? 'province,segment' : 'province' }, config, quiet);
  const map = new Map<string, { target: number; baseline?: number }>();
  const rows = report.rows.filter((r) => (r.level ?? 'detail') === 'detail');
  for (const r of rows) {
    const keys: Record<string, string> = {};
    for (const c of by) {
      if (c === 'kanwil') {
        keys[c] = (await import('../io/areas.js')).provinceRegistry().byNameOrAlias(String(r.values['province']))!.kanwil;
      } else keys[c] = String(r.values[c]);
    }
    const k = groupKey(keys, by);
    const prev = map.get(k) ?? { target: 0, baseline: 0 };
    map.set(k, { target: prev.target + Number(r.values['target']), baseline: (prev.baseline ?? 0) + Number(r.values['participants']) });
  }
  return { byKey: map, source: `breakdown --year ${year} (${String(report.meta['targetSource'])}, ${String(report.meta['methodName'])}, ${String(report.meta['mode'])} mode)`, baselinePeriod: String(report.meta['baselinePeriod']), year: Number(year) };
}

function coverageColumns(by: string[], denominator: string | undefined, hasPrevious: boolean): Column[] {
  const keyCols = keyColumns(by);
  const denLabel: Record<string, { en: string; id: string }> = {
    employed: { en: 'workforce (employed)', id: 'tenaga kerja (bekerja)' },
    potential_workers: { en: 'workforce (potential)', id: 'tenaga kerja (potensi)' },
    workforce: { en: 'workforce', id: 'tenaga kerja' },
  };
  return [
    ...keyCols,
    { key: 'denominator', label: (denominator && denLabel[denominator]) || { en: denominator ?? 'workforce', id: denominator ?? 'tenaga kerja' }, kind: 'int' },
    { key: 'participants', label: { en: 'participants', id: 'peserta aktif' }, kind: 'int' },
    { key: 'coverage', label: { en: 'coverage', id: 'cakupan' }, kind: 'pct' },
    { key: 'uncovered', label: { en: 'uncovered', id: 'belum terlindungi' }, kind: 'int' },
    { key: 'target', label: { en: 'target', id: 'target' }, kind: 'int' },
    { key: 'target_coverage', label: { en: 'target coverage', id: 'cakupan target' }, kind: 'pct' },
    { key: 'gap', label: { en: 'gap to target', id: 'selisih ke target' }, kind: 'signed-int' },
    { key: 'achievement', label: { en: 'achievement', id: 'capaian' }, kind: 'pct' },
    { key: 'milestone', label: { en: 'milestone this month', id: 'tonggak bulan ini' }, kind: 'int' },
    { key: 'run_rate', label: { en: 'needed per month', id: 'kebutuhan per bulan' }, kind: 'int' },
    { key: 'status', label: { en: 'status', id: 'status' }, kind: 'status' },
    ...(hasPrevious
      ? [
          { key: 'change', label: { en: 'change (month)', id: 'perubahan (bulan)' }, kind: 'signed-int' as const },
          { key: 'coverage_change_pp', label: { en: 'coverage change', id: 'perubahan cakupan' }, kind: 'points' as const },
        ]
      : []),
  ];
}

function metricsValues(m: CoverageMetrics, targetCoverage: number | null): Record<string, Value> {
  return {
    denominator: m.denominator,
    participants: m.participants,
    coverage: m.coverage,
    uncovered: m.uncovered,
    target: m.target,
    target_coverage: targetCoverage,
    gap: m.gap,
    achievement: m.achievement,
    milestone: m.milestone,
    run_rate: m.runRate,
    status: m.status,
    change: m.change,
    coverage_change_pp: m.coverageChangePoints,
  };
}

export async function runCoverage(files: string[], cli: RawOptions, io: Io): Promise<void> {
  const config = await loadConfig(cli['config'] as string | undefined, io);
  const out = outputOptions(cli, config, io);
  const by = parseBy(pick(cli, config, 'by'), ['province']);
  const load: LoadOptions = inputOptions(cli, config, io);
  const denomRaw = pick<string>(cli, config, 'denominator');
  const numericColumns = denomRaw && !(DENOMINATOR_COLUMNS as readonly string[]).includes(canonicalColumn(denomRaw)) ? [denomRaw] : [];
  const margin = parseFraction(pick(cli, config, 'atRiskMargin'), '--at-risk-margin') ?? 0.05;
  if (margin >= 1) throw usage('--at-risk-margin is a fraction below 1, e.g. 0.05');
  const failBelowRaw = pick<string | number>(cli, config, 'failBelow');
  let failBelow: number | undefined;
  if (failBelowRaw !== undefined) {
    const s = String(failBelowRaw).trim().replace(/%$/, '');
    if (!/^\d+(\.\d+)?$/.test(s)) throw usage(`--fail-below expects a percentage such as 40 or 40%, got "${failBelowRaw}"`);
    failBelow = Number(s) / 100;
  }
  const failOn = pick<'coverage' | 'achievement'>(cli, config, 'failOn') ?? 'coverage';
  const failScope = pick<'any' | 'total'>(cli, config, 'failScope') ?? 'any';
  const top = parsePositiveInt(pick(cli, config, 'top'), '--top');
  const yearOpt = pick<string>(cli, config, 'year');
  const targetsOpt = pick<string>(cli, config, 'targets');
  if (cli['year'] !== undefined && cli['targets'] !== undefined) throw usage('pass either --targets or --year, not both');

  const inputs = await expandInputs(files, io);
  const loaded = await loadInputs(inputs, { ...load, numericColumns }, Boolean(pick(cli, config, 'extract')), io);
  let records = by.includes('segment') ? meltSegments(loaded.records) : loaded.records;

  // Periods: the month reported, and the one before it if the input has it.
  const periods = [...new Set(records.map((r) => r.period).filter((p): p is string => !!p))].sort();
  const periodOpt = pick<string>(cli, config, 'period');
  if (periodOpt && !/^\d{4}-\d{2}$/.test(periodOpt)) throw usage(`--period expects YYYY-MM, got "${periodOpt}"`);
  const period: Period | undefined = periodOpt ?? periods[periods.length - 1] ?? (loaded.bundled ? BASELINE_PERIOD : undefined);
  if (periodOpt && periods.length && !periods.includes(periodOpt)) throw new InputError({ message: `no rows for period ${periodOpt} in the input`, hint: `periods in the input: ${periods.join(', ')}` });
  let previousRecords: DataRecord[] = [];
  const prevFiles = (cli['previous'] as string[] | undefined) ?? [];
  if (prevFiles.length) {
    const prevInputs = await expandInputs(prevFiles, io);
    const prev = await loadInputs(prevInputs, { ...load, numericColumns }, Boolean(pick(cli, config, 'extract')), io);
    previousRecords = by.includes('segment') ? meltSegments(prev.records) : prev.records;
    loaded.sources.push(...prev.sources);
  } else if (period) {
    const earlier = periods.filter((p) => p < period);
    const prevPeriod = earlier[earlier.length - 1];
    if (prevPeriod) previousRecords = records.filter((r) => r.period === prevPeriod);
  }
  records = records.filter((r) => !r.period || r.period === period);
  if (records.length === 0) throw new InputError({ message: `no rows for period ${period}` });
  requireKeys(records, by);

  // Denominators: from the input, or for extracts from --workforce / the bundled baseline.
  // Wide segment columns (participants_pu …) were melted into segment rows: their denominators stay on
  // the area rows, and show on the area subtotals.
  const melted = by.includes('segment') && loaded.records.some((r) => !r.segment);
  const areaRecords = melted ? loaded.records.filter((r) => !r.period || r.period === period) : [];
  let denominator = denomRaw
    ? canonicalColumn(denomRaw)
    : DENOMINATOR_COLUMNS.find((d) => records.some((r) => r.values[d] !== undefined) || areaRecords.some((r) => r.values[d] !== undefined));
  let denomSource = 'input';
  const groups = groupRecords(records, by).sort(naturalOrder(by));
  if (loaded.extract && (!denominator || !records.some((r) => r.values[denominator!] !== undefined))) {
    const wfPath = pick<string>(cli, config, 'workforce');
    const wf = wfPath ? await loadDataset(await expandInputs([wfPath], io), { ...load, allowOverCoverage: true }) : await loadBaseline();
    const wfRecords = wf.records.filter((r) => !r.period || r.period === latest(wf.records.map((x) => x.period)));
    denominator = denominator ?? DENOMINATOR_COLUMNS.find((d) => wfRecords.some((r) => r.values[d] !== undefined));
    const usableBy = by.filter((c) => c !== 'segment' && c !== 'period');
    if (denominator && usableBy.length) {
      const wfGroups = new Map(groupRecords(wfRecords, usableBy).map((g) => [g.key, g.values[denominator!]]));
      for (const g of groups) {
        const v = wfGroups.get(usableBy.map((c) => g.keys[c]).join('\u0000'));
        if (v !== undefined) g.values[denominator] = v;
      }
      denomSource = wfPath ? wfPath : `data/baseline.csv (${BASELINE_PERIOD})`;
    }
  }
  if (denomRaw && !groups.some((g) => g.values[denominator!] !== undefined)) {
    throw usage(`--denominator ${denomRaw}: the input has no column "${denominator}"`, `denominators found: ${DENOMINATOR_COLUMNS.filter((d) => records.some((r) => r.values[d] !== undefined)).join(', ') || 'none'}`);
  }

  // Targets.
  let targets: TargetInfo | undefined;
  if (targetsOpt && cli['year'] === undefined) targets = await targetsFromFile(targetsOpt, by, load, io);
  else if (yearOpt) targets = await targetsFromYear(String(yearOpt), by, cli, config, io);
  // Targets are for December. Without --year: the December of the reporting month's year, or the next
  // one when the targets' baseline is already that December (a 2023-12 baseline aims at 2024-12).
  const targetYear =
    targets?.year ??
    (period
      ? Math.max(periodYear(period), targets?.baselinePeriod ? periodYear(targets.baselinePeriod) + (periodMonth(targets.baselinePeriod) === 12 ? 1 : 0) : 0)
      : undefined);
  const monthsLeft = period && targetYear !== undefined ? Math.max(0, (targetYear - periodYear(period)) * 12 + 12 - periodMonth(period)) : undefined;

  // Milestones: phased evenly from the targets' baseline month to December, as breakdown --months does.
  const milestoneOf = new Map<string, number>();
  if (targets && targets.baselinePeriod && period && targetYear !== undefined) {
    const base = targets.baselinePeriod;
    const totalMonths = (targetYear - periodYear(base)) * 12 + 12 - periodMonth(base);
    const elapsed = (periodYear(period) - periodYear(base)) * 12 + periodMonth(period) - periodMonth(base);
    const keys = [...targets.byKey.entries()].filter(([, t]) => t.baseline !== undefined && t.target >= t.baseline!);
    if (totalMonths > 0 && elapsed >= 0 && elapsed <= totalMonths && keys.length) {
      const phased = phaseMilestones({
        baseline: keys.map(([, t]) => BigInt(Math.round(t.baseline!))),
        targets: keys.map(([, t]) => BigInt(Math.round(t.target))),
        weights: new Array<number>(totalMonths).fill(1),
        method: 'webster',
      });
      keys.forEach(([k, t], i) => milestoneOf.set(k, elapsed === 0 ? t.baseline! : Number(phased.units[i]![elapsed - 1]!)));
    }
  }

  const prevGroups = new Map(groupRecords(previousRecords.filter((r) => by.every((c) => keyValue(r, c) !== undefined)), by).map((g) => [g.key, g]));
  const hasPrevious = prevGroups.size > 0;
  const rowFor = (g: Group): { values: Record<string, Value>; metrics: CoverageMetrics } => {
    const t = targets?.byKey.get(g.key);
    const den = denominator ? g.values[denominator] : undefined;
    const prev = prevGroups.get(g.key);
    const m = computeCoverage(
      {
        denominator: den,
        participants: g.values['participants'] ?? 0,
        target: t?.target,
        milestone: milestoneOf.get(g.key),
        monthsLeft: t ? monthsLeft : undefined,
        previousParticipants: prev?.values['participants'],
        previousDenominator: prev && denominator ? prev.values[denominator] : undefined,
      },
      margin,
    );
    const keys: Record<string, Value> = {};
    for (const c of by) {
      if (c === 'province') {
        keys['province_code'] = g.records[0]?.province?.kemendagri ?? null;
        keys['province'] = g.keys[c]!;
      } else keys[c] = g.keys[c]!;
    }
    return { values: { ...keys, ...metricsValues(m, div(t?.target, den)) }, metrics: m };
  };
  if (!groups.some((g) => g.values['participants'] !== undefined)) {
    throw new InputError({ message: 'the input has no participants column', hint: 'accepted names: participants, peserta_aktif, peserta, jumlah_peserta' });
  }

  let detail = groups.map((g) => ({ group: g, ...rowFor(g) }));
  // Sorting.
  const sortKey = pick<string>(cli, config, 'sort');
  if (sortKey) {
    const k = sortKey === 'name' ? (by[0] === 'province' ? 'province' : by[0]!) : sortKey === 'run-rate' ? 'run_rate' : canonicalColumn(sortKey);
    const cols = coverageColumns(by, denominator, hasPrevious);
    if (!cols.some((c) => c.key === k)) throw usage(`--sort ${sortKey}: no such column`, `sort keys: gap, coverage, achievement, name, ${cols.map((c) => c.key).join(', ')}`);
    // Worst first: largest gap, lowest coverage and achievement; names A–Z.
    const desc = k === 'gap' || k === 'run_rate' || k === 'uncovered';
    detail = [...detail].sort((a, b) => {
      const x = a.values[k];
      const y = b.values[k];
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'id');
      return desc ? -c : c;
    });
  }
  const allDetail = detail;
  if (top !== undefined) detail = detail.slice(0, top);

  // Subtotals per first key when grouping by two or more columns, then the grand total.
  const sumGroup = (members: Group[], label: Record<string, Value>): { values: Record<string, Value>; metrics: CoverageMetrics } => {
    const merged: Group = {
      key: '',
      keys: {},
      values: {},
      missing: new Set(),
      records: [],
    };
    const cols = new Set(members.flatMap((g) => Object.keys(g.values)));
    for (const c of cols) if (members.every((g) => g.values[c] !== undefined)) merged.values[c] = members.reduce((a, g) => a + g.values[c]!, 0);
    const withTargets = members.map((g) => targets?.byKey.get(g.key));
    const target = targets && withTargets.every((t) => t) ? withTargets.reduce((a, t) => a + t!.target, 0) : undefined;
    const ms = members.map((g) => milestoneOf.get(g.key));
    const milestone = ms.every((x) => x !== undefined) && ms.length ? ms.reduce((a, b) => a! + b!, 0) : undefined;
    const prevs = members.map((g) => prevGroups.get(g.key));
    const prevP = hasPrevious && prevs.every((p) => p?.values['participants'] !== undefined) ? prevs.reduce((a, p) => a + p!.values['participants']!, 0) : undefined;
    const prevD = hasPrevious && denominator && prevs.every((p) => p?.values[denominator!] !== undefined) ? prevs.reduce((a, p) => a + p!.values[denominator!]!, 0) : undefined;
    let den = denominator ? merged.values[denominator] : undefined;
    if (den === undefined && denominator && melted && by[0] !== 'segment') {
      // A subtotal over whole areas (or the grand total): the areas' own denominators.
      const areas = [...new Set(members.map((g) => g.keys[by[0]!]!))];
      const areaDen = new Map(groupRecords(areaRecords, [by[0]!]).map((g) => [g.keys[by[0]!]!, g.values[denominator!]]));
      const values = areas.map((a) => areaDen.get(a));
      if (values.every((v) => v !== undefined)) den = values.reduce((a, b) => a! + b!, 0);
    }
    const m = computeCoverage(
      { denominator: den, participants: merged.values['participants'] ?? 0, target, milestone, monthsLeft: target !== undefined ? monthsLeft : undefined, previousParticipants: prevP, previousDenominator: prevD },
      margin,
    );
    return { values: { ...label, ...metricsValues(m, div(target, den)) }, metrics: m };
  };
  const rows: Row[] = [];
  const detailGroups = detail.map((d) => d.group);
  if (by.length >= 2 && !sortKey) {
    const first = by[0]!;
    const seen = new Map<string, Group[]>();
    for (const g of detailGroups) {
      const k = g.keys[first]!;
      if (!seen.has(k)) seen.set(k, []);
      seen.get(k)!.push(g);
    }
    let i = 0;
    for (const [k, members] of seen) {
      for (const _ of members) rows.push({ values: detail[i++]!.values });
      const label: Record<string, Value> = first === 'province' ? { province_code: members[0]!.records[0]?.province?.kemendagri ?? null, province: k } : { [first]: k };
      label[by[1]!] = 'Total';
      rows.push({ level: 'subtotal', values: sumGroup(members, label).values });
    }
  } else {
    for (const d of detail) rows.push({ values: d.values });
  }
  // The grand total covers every group, also when --top shows only some of them.
  const total = sumGroup(groups, { [by[0] === 'province' ? 'province' : by[0]!]: 'Total' });

  const meta: Record<string, unknown> = {
    command: 'coverage',
    period: period ?? null,
    previousPeriod: hasPrevious ? (latest(previousRecords.map((r) => r.period)) ?? 'previous files') : null,
    denominator: denominator ?? null,
    denominatorSource: denominator ? denomSource : null,
    by,
    targets: targets?.source ?? null,
    targetYear: targets ? targetYear : null,
    targetsBaselinePeriod: targets?.baselinePeriod ?? null,
    monthsLeft: monthsLeft ?? null,
    atRiskMargin: margin,
    extract: loaded.extract,
    rowsRead: loaded.rowsRead ?? null,
    inputs: loaded.sources.map((s) => ({ name: s.name, sha256: s.sha256, bytes: s.bytes, rows: s.rows, format: s.format, delimiter: s.delimiter ?? null, numberLocale: s.numberLocale, encoding: s.encoding })),
    codeSystem: loaded.bundled ? 'kemendagri' : (pick<string>(cli, config, 'codeSystem') ?? 'auto'),
  };
  if (!denominator) io.stderr.write('note: the input has no denominator column (workforce, employed, potential_workers): coverage is not shown\n');
  else if (melted && groups.some((g) => g.values[denominator!] === undefined)) io.stderr.write(`note: ${denominator} is known per ${by[0]}, not per segment: segment rows show no coverage; the ${by[0]} subtotals do\n`);
  if (targets) {
    const missing = groups.filter((g) => !targets!.byKey.has(g.key));
    if (missing.length) io.stderr.write(`warning: no target for ${missing.length} row(s): ${missing.slice(0, 5).map((g) => Object.values(g.keys).join(' / ')).join(', ')}${missing.length > 5 ? ', …' : ''}\n`);
  }
  const report: Report = {
    kind: 'coverage',
    title: { en: `Coverage${period ? ` ${period}` : ''} by ${keysTitle(by, 'en')}`, id: `Cakupan${period ? ` ${period}` : ''} per ${keysTitle(by, 'id')}` },
    columns: coverageColumns(by, denominator, hasPrevious),
    rows,
    totals: total.values,
    meta,
    chart: { label: by[0] === 'province' ? 'province' : by[0]!, value: 'coverage', target: 'target_coverage', second: targets ? 'gap' : undefined },
    humanColumns: targets
      ? undefined
      : [...coverageColumns(by, denominator, hasPrevious).filter((c) => c.kind === 'text').map((c) => c.key), 'denominator', 'participants', 'coverage', 'uncovered', ...(hasPrevious ? ['change', 'coverage_change_pp'] : [])],
  };
  await emitReport(report, out, io, [...inputs, ...prevFiles]);

  // After the report is written: the threshold check for monthly jobs.
  if (failBelow !== undefined) {
    const measure = failOn === 'coverage' ? 'coverage' : 'achievement';
    // Every group is checked, also those that --top leaves out of the report.
    const candidates =
      failScope === 'total'
        ? [{ label: 'Total', v: total.values[measure] }]
        : allDetail.map((d) => ({ label: by.map((c) => String(d.values[c] ?? '')).join(' / '), v: d.values[measure] }));
    if (candidates.every((c) => c.v === null || c.v === undefined)) throw usage(`--fail-on ${measure}: the report has no ${measure} values${measure === 'achievement' ? ' (pass --targets or --year)' : ' (no denominator)'}`);
    const breached = candidates.filter((c) => typeof c.v === 'number' && c.v < failBelow!);
    if (breached.length) {
      throw new ThresholdBreach({
        message: `${measure} below ${formatHuman(failBelow, 'pct', 'en')} for ${breached.length} of ${candidates.length}: ${breached
          .slice(0, 10)
          .map((b) => `${b.label} ${formatHuman(b.v as number, 'pct', 'en')}`)
          .join(', ')}${breached.length > 10 ? ', …' : ''}`,
        hint: 'the report was written; exit code 1 signals the breach',
      });
    }
  }
}
