// jamsostek breakdown — split a national (or any parent) target into exact integer targets.

import { Option, type Command } from 'commander';
import { InfeasibleAllocationError } from '../core/apportion.js';
import { allocateMatrix, InfeasibleMatrixError } from '../core/biproportional.js';
import { computeBreakdown, InfeasibleBreakdownError, targetForYear, type BreakdownUnit, type Mode } from '../core/breakdown.js';
import { decimalToRational, type Rational } from '../core/exact.js';
import { resolveMethod, type DivisorMethodName, type MethodName } from '../core/methods.js';
import { monthsUntilDecember, phaseMilestones } from '../core/phasing.js';
import { InputError, usage } from '../errors.js';
import { BASELINE_PERIOD, loadBaseline, loadTargets, meltSegments } from '../io/bundled.js';
import { parseStandalone } from '../io/numbers.js';
import { readTable } from '../io/read-input.js';
import { canonicalColumn, DENOMINATOR_COLUMNS, loadDataset, type DataRecord, type Dataset, type LoadOptions, type LocaleOption } from '../io/records.js';
import type { Io } from '../io/terminal.js';
import { COMMANDS } from './index.js';
import { keysTitle } from '../render/labels.js';
import type { Column, Report, Row, Value } from '../render/model.js';
import { groupRecords, keyColumns, keyValue, naturalOrder, parseBy, requireKeys, type Group } from './grouping.js';
import { addInputOptions, addOutputOptions, emitReport, expandInputs, inputOptions, loadConfig, outputOptions, pick, type RawOptions } from './shared.js';

export const BREAKDOWN_EXAMPLES = `
Examples:
  # 2024 national target (50,000,000) over the 38 provinces, bundled baseline
  $ jamsostek breakdown --year 2024

  # 2026 (70,000,000), province x segment, both margins exact, to Excel
  $ jamsostek breakdown --year 2026 --by province,segment -o targets-2026.xlsx

  # A province target split over its regencies from your own file, with the reasoning
  $ jamsostek breakdown --target 300000 --input gorontalo-regencies.csv --by regency --explain

  # Monthly milestones for 2024, as CSV
  $ jamsostek breakdown --year 2024 --months -f csv > milestones-2024.csv

  # Proportional to the workforce, capped at 95 % coverage, largest-remainder rounding
  $ jamsostek breakdown --year 2026 --mode level --basis workforce --max-coverage 0.95 --method hamilton
`;

export function registerBreakdown(program: Command, io: () => Io): void {
  const cmd = program
    .command('breakdown')
    .description(COMMANDS['breakdown']!.description)
    .option('--year <yyyy>', 'take the national target for this year from data/targets.csv (years between known ones are interpolated)')
    .option('--target <n>', 'split this total instead (e.g. 70000000)')
    .option('--scenario <name>', 'target scenario in data/targets.csv: plan (50 M in 2024, 70 M in 2026), roadmap or rkat')
    .option('--input <file>', 'units to split over (CSV/JSON; default: the bundled province baseline)')
    .option('--by <columns>', 'unit key: province (default), regency, segment, sector, kanwil or any column; two nested columns (province,regency) split level by level, two independent ones (province,segment) make a matrix')
    .option('--basis <basis>', 'weights: workforce, uncovered, participants, equal or a numeric column')
    .option('--denominator <column>', 'the workforce base: employed, potential_workers, workforce or another column')
    .addOption(new Option('--mode <mode>', 'gap: same share of each uncovered gap; level: proportional to the basis').choices(['gap', 'level']))
    .option('--min <n|column|none>', 'lower bound on each target (default: current participants)')
    .option('--max <n|column|none>', 'upper bound on each target (default: the denominator)')
    .option('--max-coverage <fraction>', 'upper bound as a share of the denominator, e.g. 0.95')
    .option('--method <name>', 'rounding: webster (sainte-lague, default), hamilton (largest-remainder), dhondt (jefferson), huntington-hill, adams, dean')
    .option('--column-totals <spec|file>', 'matrix column totals: PU=…,BPU=…,JAKON=…,PMI=… or a key,total file')
    .option('--row-totals <file>', 'matrix row totals: a key,total file (default: split from the target)')
    .option('--months', 'monthly milestones from the baseline month to December of the year')
    .option('--phasing <even|file>', 'how the year is phased: even (default) or a month,weight profile file')
    .option('--explain', 'print the method, the divisor, the units held at a bound and any ties to stderr')
    .option('--config <file>', 'read defaults from this JSON file (default: ./jamsostek.json)');
  addInputOptions(cmd);
  addOutputOptions(cmd);
  cmd.addHelpText('after', BREAKDOWN_EXAMPLES);
  cmd.action(async (opts: RawOptions) => {
    await runBreakdown(opts, io());
  });
}

interface Ctx {
  cli: RawOptions;
  config: RawOptions;
  io: Io;
}

/** A whole number from a flag or a key,total file, in either locale but never a guessed one. */
function parseWhole(raw: string, locale: LocaleOption | undefined): { ok: true; value: bigint } | { ok: false; reason: string } {
  const r = parseStandalone(raw, locale);
  if (!r.ok) return r;
  if (!Number.isSafeInteger(r.value) || r.value < 0) return { ok: false, reason: 'not a whole non-negative number' };
  return { ok: true, value: BigInt(r.value) };
}

function parseTotal(raw: string, locale: LocaleOption | undefined): bigint {
  const r = parseWhole(raw, locale);
  if (!r.ok) throw usage(`--target expects a whole number such as 70000000, got "${raw}" (${r.reason})`);
  return r.value;
}

function methodOf(c: Ctx): MethodName {
  const raw = pick<string>(c.cli, c.config, 'method') ?? 'webster';
  const m = resolveMethod(raw);
  if (!m) throw usage(`unknown method "${raw}"`, 'methods: webster (sainte-lague), hamilton (largest-remainder), dhondt (jefferson), huntington-hill, adams, dean');
  return m;
}

const METHOD_LABEL: Record<MethodName, string> = {
  webster: 'Webster / Sainte-Laguë',
  hamilton: 'Hamilton / largest remainder',
  dhondt: "D'Hondt / Jefferson",
  adams: 'Adams',
  'huntington-hill': 'Huntington–Hill',
  dean: 'Dean',
};

export interface ResolvedTotal {
  total: bigint;
  year?: number;
  interpolated: boolean;
  source: string;
}

export function resolveTotal(cli: RawOptions, config: RawOptions): ResolvedTotal {
  const rawTarget = pick<string | number>(cli, config, 'target');
  const rawYear = pick<string | number>(cli, config, 'year');
  const scenario = pick<string>(cli, config, 'scenario') ?? 'plan';
  if (rawTarget !== undefined && cli['year'] !== undefined) throw usage('pass either --year or --target, not both');
  if (rawTarget !== undefined && cli['target'] !== undefined) {
    return { total: parseTotal(String(rawTarget), pick<LocaleOption>(cli, config, 'numberLocale')), interpolated: false, source: '--target' };
  }
  if (rawYear === undefined) throw usage('say which target to split: --year <yyyy> (from data/targets.csv) or --target <n>', 'e.g. jamsostek breakdown --year 2024');
  const year = Number(rawYear);
  if (!/^\d{4}$/.test(String(rawYear))) throw usage(`--year expects a year such as 2024, got "${rawYear}"`);
  const table = loadTargets(scenario);
  const t = targetForYear(table.points, year);
  if (!t) {
    const years = table.points.map((p) => p.year).sort();
    throw new InputError({ message: `no ${scenario} target for ${year}: data/targets.csv has ${years.join(', ')} (years between them are interpolated)`, hint: 'pass --target <n> to use any total' });
  }
  return {
    total: t.target,
    year,
    interpolated: t.interpolated,
    source: t.interpolated ? `data/targets.csv (${scenario}), interpolated between ${t.between![0]} and ${t.between![1]}` : `data/targets.csv (${scenario}: ${table.sources[year]})`,
  };
}

async function loadUnits(c: Ctx, numericColumns: string[], needsSegments: boolean): Promise<{ dataset: Dataset; records: DataRecord[]; bundled: boolean; inputs: string[] }> {
  const input = pick<string>(c.cli, c.config, 'input');
  const load: LoadOptions = { ...inputOptions(c.cli, c.config, c.io), numericColumns };
  if (!input) {
    const dataset = await loadBaseline({ numericColumns });
    return { dataset, records: needsSegments ? meltSegments(dataset.records) : dataset.records, bundled: true, inputs: [] };
  }
  const inputs = await expandInputs([input], c.io);
  const dataset = await loadDataset(inputs, load);
  return { dataset, records: needsSegments ? meltSegments(dataset.records) : dataset.records, bundled: false, inputs };
}

function latestPeriod(records: readonly DataRecord[]): string | undefined {
  let p: string | undefined;
  for (const r of records) if (r.period && (!p || r.period > p)) p = r.period;
  return p;
}

type Bound = number | null | undefined | { column: string };

function parseBoundOption(raw: unknown, flag: string): Bound {
  if (raw === undefined) return undefined;
  const s = String(raw).trim();
  if (s === 'none') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[A-Za-z_][\w .-]*$/.test(s)) return { column: canonicalColumn(s) };
  throw usage(`${flag} expects a number, a column name or "none", got "${s}"`);
}

function boundFor(b: Bound, g: Group, flag: string): number | null | undefined {
  if (b === undefined || b === null || typeof b === 'number') return b;
  const v = g.values[b.column];
  if (v === undefined) throw usage(`${flag} ${b.column}: the input has no numeric column "${b.column}" for ${Object.values(g.keys).join(' / ')}`);
  return v;
}

export async function runBreakdown(cli: RawOptions, io: Io): Promise<void> {
  const config = await loadConfig(cli['config'] as string | undefined, io);
  const out = outputOptions(cli, config, io);
  const { report, inputs } = await buildBreakdown(cli, config, io);
  await emitReport(report, out, io, inputs);
}

/** The breakdown as a report model (also used by `coverage --year` for targets computed on the fly). */
export async function buildBreakdown(cli: RawOptions, config: RawOptions, io: Io): Promise<{ report: Report; inputs: string[] }> {
  const c: Ctx = { cli, config, io };
  const total = resolveTotal(cli, config);
  const method = methodOf(c);
  const by = parseBy(pick(cli, config, 'by'), ['province']);
  if (by.length > 2) throw usage('--by takes one column, or two for a matrix (e.g. province,segment)');
  const basisRaw = pick<string>(cli, config, 'basis');
  const minOpt = parseBoundOption(pick(cli, config, 'min'), '--min');
  const maxOpt = parseBoundOption(pick(cli, config, 'max'), '--max');
  const maxCovRaw = pick<string | number>(cli, config, 'maxCoverage');
  let maxCoverage: Rational | undefined;
  if (maxCovRaw !== undefined) {
    const s = String(maxCovRaw).trim();
    maxCoverage = s.endsWith('%') ? decimalToRational(s.slice(0, -1)) : decimalToRational(s);
    if (maxCoverage && s.endsWith('%')) maxCoverage = { num: maxCoverage.num, den: maxCoverage.den * 100n };
    if (!maxCoverage || maxCoverage.num < 0n || maxCoverage.num > maxCoverage.den) throw usage(`--max-coverage expects a fraction between 0 and 1 (or a percentage), got "${s}"`);
  }
  const numericColumns = [basisRaw, pick<string>(cli, config, 'denominator')]
    .concat([minOpt, maxOpt].map((b) => (b && typeof b === 'object' ? b.column : undefined)))
    .filter((x): x is string => !!x && !['workforce', 'uncovered', 'participants', 'equal'].includes(x));
  const needsSegments = by.includes('segment');
  const { dataset, records: allRecords, bundled, inputs } = await loadUnits(c, numericColumns, needsSegments);

  // Use the latest period of the input as the baseline month.
  const period = latestPeriod(allRecords) ?? (bundled ? BASELINE_PERIOD : undefined);
  const records = allRecords.filter((r) => !r.period || r.period === period);
  requireKeys(records, by);

  // Denominator.
  const denomRaw = pick<string>(cli, config, 'denominator');
  // Denominators live on the province rows, before segment columns are melted into segment rows.
  const denomRecords = needsSegments ? dataset.records : records;
  const denominator = denomRaw ? canonicalColumn(denomRaw) : DENOMINATOR_COLUMNS.find((d) => denomRecords.some((r) => r.values[d] !== undefined));
  if (denomRaw && !records.some((r) => r.values[denominator!] !== undefined) && !(needsSegments && dataset.records.some((r) => r.values[denominator!] !== undefined))) {
    throw usage(`--denominator ${denomRaw}: the input has no column "${denominator}"`, `denominators in the input: ${DENOMINATOR_COLUMNS.filter((d) => dataset.records.some((r) => r.values[d] !== undefined)).join(', ') || 'none'}`);
  }
  const hasParticipants = records.some((r) => r.values['participants'] !== undefined);
  const modeRaw = pick<Mode>(cli, config, 'mode');
  if (modeRaw !== undefined && modeRaw !== 'gap' && modeRaw !== 'level') throw usage(`--mode: gap or level, not "${String(modeRaw)}"`);
  const mode: Mode = modeRaw ?? (hasParticipants && denominator ? 'gap' : 'level');
  if (mode === 'gap' && !hasParticipants) throw usage('--mode gap needs a participants column', 'use --mode level');
  const basis = basisRaw ? canonicalColumn(basisRaw) === 'workforce' ? 'workforce' : canonicalColumn(basisRaw) : mode === 'gap' ? (denominator ? 'uncovered' : 'equal') : denominator ? 'workforce' : hasParticipants ? 'participants' : 'equal';
  if ((basis === 'workforce' || basis === 'uncovered') && !denominator) throw usage(`--basis ${basis} needs a denominator column`, 'add a workforce column to the input, or choose --basis participants|equal|<column>');

  const phasing = pick<string>(cli, config, 'phasing');
  const wantMonths = Boolean(pick(cli, config, 'months')) || phasing !== undefined;
  const meta: Record<string, unknown> = {
    command: 'breakdown',
    total: Number(total.total),
    year: total.year ?? null,
    interpolated: total.interpolated,
    targetSource: total.source,
    method,
    methodName: METHOD_LABEL[method],
    mode,
    basis,
    denominator: denominator ?? null,
    by,
    baselinePeriod: period ?? null,
    inputs: dataset.sources.map((s) => ({ name: s.name, sha256: s.sha256, rows: s.rows, format: s.format, delimiter: s.delimiter ?? null, numberLocale: s.numberLocale, encoding: s.encoding })),
    codeSystem: bundled ? 'kemendagri' : (pick<string>(cli, config, 'codeSystem') ?? 'auto'),
    tieRule: 'equal claims go to the larger weight, then to the row first in input order',
  };
  if (total.interpolated) io.stderr.write(`note: the ${total.year} target is interpolated: ${total.source}\n`);

  const unitOf = (g: Group, label: string, den: number | undefined): BreakdownUnit => {
    const participants = g.values['participants'];
    let w: number;
    if (basis === 'equal') w = 1;
    else if (basis === 'workforce') w = den ?? 0;
    else if (basis === 'uncovered') w = Math.max(0, (den ?? 0) - (participants ?? 0));
    else if (basis === 'participants') w = participants ?? 0;
    else {
      const v = g.values[basis];
      if (v === undefined) throw usage(`--basis ${basis}: the input has no numeric column "${basis}" for ${label}`);
      w = v;
    }
    return {
      label,
      denominator: den,
      participants,
      basis: w,
      min: boundFor(minOpt, g, '--min'),
      max: boundFor(maxOpt, g, '--max'),
    };
  };

  let report: Report;
  try {
    const plan: Plan = { records, by, denominator, unitOf, total: total.total, mode, method, maxCoverage, meta, explain: Boolean(pick(cli, config, 'explain')) };
    if (by.length === 1) report = oneDimensional(plan, io);
    else if (isNested(records, by)) report = hierarchical(plan, io);
    else report = await matrix(c, dataset, plan);
    if (wantMonths) report = await monthly(c, report, by, total, period, method, phasing, meta);
  } catch (e) {
    if (e instanceof InfeasibleBreakdownError) throw new InputError({ message: e.message, hint: e.hint });
    if (e instanceof InfeasibleAllocationError || e instanceof InfeasibleMatrixError) throw new InputError({ message: e.message });
    throw e;
  }
  return { report, inputs };
}

function keyValues(g: Group, by: readonly string[]): Record<string, Value> {
  const v: Record<string, Value> = {};
  for (const k of by) {
    if (k === 'province') {
      v['province_code'] = g.records[0]?.province?.kemendagri ?? null;
      v['province'] = g.keys[k]!;
    } else v[k] = g.keys[k]!;
  }
  return v;
}

function denominatorLabel(den: string | undefined): { en: string; id: string } {
  const names: Record<string, { en: string; id: string }> = {
    employed: { en: 'workforce (employed)', id: 'tenaga kerja (bekerja)' },
    potential_workers: { en: 'workforce (potential)', id: 'tenaga kerja (potensi)' },
    workforce: { en: 'workforce', id: 'tenaga kerja' },
  };
  return (den && names[den]) || { en: den ?? 'workforce', id: den ?? 'tenaga kerja' };
}

const div = (a: number | undefined | null, b: number | undefined | null): number | null =>
  a === undefined || a === null || b === undefined || b === null || b === 0 ? null : a / b;

function breakdownColumns(by: readonly string[], den: string | undefined): Column[] {
  return [
    ...keyColumns(by),
    { key: 'period', label: { en: 'baseline month', id: 'bulan awal' }, kind: 'text' },
    { key: 'denominator', label: denominatorLabel(den), kind: 'int' },
    { key: 'participants', label: { en: 'participants today', id: 'peserta saat ini' }, kind: 'int' },
    { key: 'coverage', label: { en: 'coverage today', id: 'cakupan saat ini' }, kind: 'pct' },
    { key: 'weight', label: { en: 'weight', id: 'bobot' }, kind: 'number' },
    { key: 'min', label: { en: 'min', id: 'min' }, kind: 'int' },
    { key: 'max', label: { en: 'max', id: 'maks' }, kind: 'int' },
    { key: 'target', label: { en: 'target', id: 'target' }, kind: 'int' },
    { key: 'increase', label: { en: 'increase', id: 'kenaikan' }, kind: 'signed-int' },
    { key: 'target_coverage', label: { en: 'target coverage', id: 'cakupan target' }, kind: 'pct' },
    { key: 'share', label: { en: 'share', id: 'porsi' }, kind: 'pct' },
    { key: 'bound', label: { en: 'bound', id: 'batas' }, kind: 'text' },
  ];
}

/** What both shapes of breakdown (one key, or a matrix of two) work from. */
interface Plan {
  readonly records: DataRecord[];
  readonly by: string[];
  readonly denominator: string | undefined;
  readonly unitOf: (g: Group, label: string, den: number | undefined) => BreakdownUnit;
  readonly total: bigint;
  readonly mode: Mode;
  readonly method: MethodName;
  readonly maxCoverage: Rational | undefined;
  readonly meta: Record<string, unknown>;
  readonly explain: boolean;
}

/** Does every value of the second key sit under one value of the first (regencies in provinces)? */
function isNested(records: readonly DataRecord[], by: readonly string[]): boolean {
  const parentOf = new Map<string, string>();
  for (const r of records) {
    const child = keyValue(r, by[1]!)!;
    const parent = keyValue(r, by[0]!)!;
    const seen = parentOf.get(child);
    if (seen !== undefined && seen !== parent) return false;
    parentOf.set(child, parent);
  }
  return true;
}

/**
 * A hierarchy (e.g. --by province,regency): split the total over the parents, then each parent's
 * target over its own children. Children always add up to their parent.
 */
function hierarchical(plan: Plan, io: Io): Report {
  const [parentKey] = plan.by as [string, string];
  const parents = oneDimensional({ ...plan, by: [parentKey], explain: plan.explain }, io);
  const rows: Row[] = [];
  const childExplain: Record<string, unknown> = {};
  for (const parentRow of parents.rows) {
    const name = String(parentRow.values[parentKey]);
    const children = plan.records.filter((r) => keyValue(r, parentKey) === name);
    const meta: Record<string, unknown> = { ...plan.meta };
    const child = oneDimensional({ ...plan, records: children, total: BigInt(Number(parentRow.values['target'])), meta, explain: false }, io);
    childExplain[name] = meta['explain'];
    rows.push(...child.rows.map((r) => ({ values: { ...r.values, share: Number(r.values['target']) / Number(plan.total) } })));
    rows.push({ level: 'subtotal', values: { ...parentRow.values, [plan.by[1]!]: 'Total' } });
  }
  Object.assign(plan.meta, { hierarchy: plan.by, explainChildren: childExplain, units: rows.length - parents.rows.length });
  return {
    ...parents,
    title: { en: `Target breakdown by ${keysTitle(plan.by, 'en')}`, id: `Rincian target per ${keysTitle(plan.by, 'id')}` },
    columns: breakdownColumns(plan.by, plan.denominator),
    rows,
    humanColumns: [...keyColumns(plan.by).map((c) => c.key), 'denominator', 'participants', 'coverage', 'target', 'increase', 'target_coverage', 'share', 'bound'],
  };
}

function oneDimensional(plan: Plan, io: Io): Report {
  const { records, by, denominator, unitOf, total, mode, method, maxCoverage, meta, explain } = plan;
  const groups = groupRecords(records, by).sort(naturalOrder(by));
  const labels = groups.map((g) => by.map((k) => g.keys[k]).join(' / '));
  const units = groups.map((g, i) => unitOf(g, labels[i]!, denominator ? g.values[denominator] : undefined));
  const result = computeBreakdown({ total, units, mode, method, maxCoverage });
  const rows: Row[] = groups.map((g, i) => {
    const u = units[i]!;
    const r = result.rows[i]!;
    const target = Number(r.target);
    return {
      values: {
        ...keyValues(g, by),
        period: (meta['baselinePeriod'] as string | null) ?? null,
        denominator: u.denominator ?? null,
        participants: u.participants ?? null,
        coverage: div(u.participants, u.denominator),
        weight: u.basis,
        min: Number(r.min),
        max: r.max === null ? null : Number(r.max),
        target,
        increase: u.participants !== undefined ? target - u.participants : null,
        target_coverage: div(target, u.denominator),
        share: Number(r.target) / Number(total),
        bound: r.heldAtCurrent ? 'held' : r.bound,
      },
    };
  });
  const sum = (f: (u: BreakdownUnit) => number | undefined): number | null => (units.every((u) => f(u) !== undefined) ? units.reduce((a, u) => a + f(u)!, 0) : null);
  const den = sum((u) => u.denominator);
  const part = sum((u) => u.participants);
  const totals: Record<string, Value> = {
    [by[0] === 'province' ? 'province' : by[0]!]: 'Total',
    denominator: den,
    participants: part,
    coverage: div(part, den),
    weight: sum((u) => u.basis),
    min: result.rows.reduce((a, r) => a + Number(r.min), 0),
    max: result.rows.some((r) => r.max === null) ? null : result.rows.reduce((a, r) => a + Number(r.max), 0),
    target: Number(total),
    increase: part !== null ? Number(total) - part : null,
    target_coverage: div(Number(total), den),
    share: 1,
    bound: null,
  };
  const held = groups.filter((_, i) => result.rows[i]!.heldAtCurrent).map((_, i) => i);
  const explainInfo = {
    divisor: result.allocation.divisor ?? null,
    atMin: result.rows.map((r, i) => (r.bound === 'min' ? labels[i] : null)).filter(Boolean),
    atMax: result.rows.map((r, i) => (r.bound === 'max' ? labels[i] : null)).filter(Boolean),
    heldAtCurrent: groups.map((_, i) => (result.rows[i]!.heldAtCurrent ? labels[i] : null)).filter(Boolean),
    ties: result.ties.map((t) => ({ units: t.units.map((i) => labels[i]), winners: t.winners.map((i) => labels[i]) })),
  };
  Object.assign(meta, { units: groups.length, current: Number(result.current), increase: Number(result.increase), explain: explainInfo });
  if (held.length) io.stderr.write(`note: held at current participants (already above the denominator): ${explainInfo.heldAtCurrent.join(', ')}\n`);
  for (const t of explainInfo.ties) io.stderr.write(`warning: tie between ${t.units.join(', ')}; resolved in favour of ${t.winners.join(', ')} (larger weight, then input order)\n`);
  if (explain) writeExplain(io, meta, explainInfo, labels.length);
  return {
    kind: 'breakdown',
    title: { en: `Target breakdown by ${keysTitle(by, 'en')}`, id: `Rincian target per ${keysTitle(by, 'id')}` },
    columns: breakdownColumns(by, denominator),
    rows,
    totals,
    meta,
    chart: { label: by[0] === 'province' ? 'province' : by[0]!, value: 'coverage', target: 'target_coverage', second: 'increase' },
    humanColumns: [...keyColumns(by).map((c) => c.key), 'denominator', 'participants', 'coverage', 'target', 'increase', 'target_coverage', 'share', 'bound'],
  };
}

function fmt(n: number): string {
  return Number.isFinite(n) ? n.toPrecision(10).replace(/\.?0+$/, '') : '∞';
}

function writeExplain(io: Io, meta: Record<string, unknown>, info: { divisor: { low: number; high: number } | null; atMin: unknown[]; atMax: unknown[]; heldAtCurrent: unknown[]; ties: { units: unknown[]; winners: unknown[] }[] }, n: number): void {
  const lines = [
    `explain: method ${meta['methodName']} (${meta['method']}), mode ${meta['mode']}, basis ${meta['basis']}${meta['denominator'] ? `, denominator ${meta['denominator']}` : ''}`,
    `explain: total ${meta['total']} over ${n} units${meta['current'] !== undefined ? ` = current ${meta['current']} + increase ${meta['increase']}` : ''}`,
  ];
  if (info.divisor) {
    lines.push(`explain: divisor between ${fmt(info.divisor.low)} and ${fmt(info.divisor.high)} (any divisor in this interval gives this result; each unit's ${meta['mode'] === 'gap' ? 'increase' : 'target'} = its weight / divisor, rounded by the method, within its bounds)`);
  }
  lines.push(`explain: at their minimum: ${info.atMin.length ? info.atMin.join(', ') : 'none'}`);
  lines.push(`explain: at their maximum: ${info.atMax.length ? info.atMax.join(', ') : 'none'}`);
  if (info.heldAtCurrent.length) lines.push(`explain: held at current (above the denominator): ${info.heldAtCurrent.join(', ')}`);
  lines.push(`explain: ties: ${info.ties.length ? info.ties.map((t) => `${t.units.join(', ')} → ${t.winners.join(', ')}`).join('; ') : 'none'}`);
  io.stderr.write(lines.join('\n') + '\n');
}

async function readKeyTotals(path: string, c: Ctx, flag: string): Promise<Map<string, bigint>> {
  const table = await readTable(path, { ...inputOptions(c.cli, c.config, c.io) });
  const cols = table.header.map(canonicalColumn);
  const valueIdx = cols.findIndex((h) => h === 'total' || h === 'target');
  const levelIdx = cols.indexOf('level');
  if (valueIdx < 0) throw new InputError({ file: table.source.name, line: 1, message: `${flag}: expected a "total" (or "target") column`, hint: 'write key,total rows, e.g. PU,35000000' });
  const keyIdx = cols.findIndex((h, i) => i !== valueIdx && i !== levelIdx && h !== 'province_code');
  const map = new Map<string, bigint>();
  for (const row of table.rows) {
    if (levelIdx >= 0 && String(row.values[levelIdx]) !== 'detail') continue;
    const key = String(row.values[keyIdx] ?? '').trim();
    const raw = row.values[valueIdx];
    const v = parseWhole(String(raw ?? ''), pick<LocaleOption>(c.cli, c.config, 'numberLocale'));
    if (!v.ok) throw new InputError({ file: table.source.name, line: row.line, column: row.columns[valueIdx], message: `${flag}: "${String(raw)}" is ${v.reason}` });
    map.set(key.toLowerCase(), v.value);
  }
  return map;
}

async function columnTotalsFrom(raw: string, c: Ctx, keys: string[]): Promise<bigint[]> {
  let map: Map<string, bigint>;
  if (/^[^=]+=[\d_.,]+(,[^=]+=[\d_.,]+)*$/.test(raw.trim())) {
    map = new Map();
    for (const part of raw.split(/,(?=[^=,]+=)/)) {
      const [k, v] = part.split('=');
      const n = parseWhole(String(v), pick<LocaleOption>(c.cli, c.config, 'numberLocale'));
      if (!n.ok) throw usage(`--column-totals: "${part}" is not key=number (${n.reason})`);
      map.set(k!.trim().toLowerCase(), n.value);
    }
  } else {
    const files = await expandInputs([raw], c.io);
    map = await readKeyTotals(files[0]!, c, '--column-totals');
  }
  return keys.map((k) => {
    const v = map.get(k.toLowerCase());
    if (v === undefined) throw usage(`--column-totals has no total for "${k}"`, `give one for each of: ${keys.join(', ')}`);
    return v;
  });
}

async function matrix(c: Ctx, dataset: Dataset, plan: Plan): Promise<Report> {
  const { records, by, denominator, unitOf, total, mode, method, maxCoverage, meta, explain } = plan;
  if (method === 'hamilton') throw usage('a matrix (two --by columns) needs a divisor method', 'use --method webster, dhondt, huntington-hill, adams or dean');
  const [rowKey, colKey] = by as [string, string];
  // Row units: the first key, with denominators from the unmelted records when segments were melted.
  const rowSource = colKey === 'segment' && !records.some((r) => r.values[denominator ?? ''] !== undefined) ? dataset.records.filter((r) => !r.period || r.period === meta['baselinePeriod']) : records;
  const rowGroups = groupRecords(rowSource.length ? rowSource : records, [rowKey]).sort(naturalOrder([rowKey]));
  const cells = groupRecords(records, by);
  const colGroups = groupRecords(records, [colKey]).sort(naturalOrder([colKey]));
  const colNames = colGroups.map((g) => g.keys[colKey]!);
  const rowNames = rowGroups.map((g) => g.keys[rowKey]!);

  // Row totals: from a file, or the one-dimensional breakdown of the target.
  let rowTotals: bigint[];
  const rowTotalsFile = pick<string>(c.cli, c.config, 'rowTotals');
  const rowUnits = rowGroups.map((g) => unitOf(g, g.keys[rowKey]!, denominator ? g.values[denominator] : undefined));
  if (rowTotalsFile) {
    const files = await expandInputs([rowTotalsFile], c.io);
    const map = await readKeyTotals(files[0]!, c, '--row-totals');
    rowTotals = rowNames.map((k) => {
      const v = map.get(k.toLowerCase());
      if (v === undefined) throw usage(`--row-totals has no total for "${k}"`);
      return v;
    });
    const s = rowTotals.reduce((a, b) => a + b, 0n);
    if (s !== total) throw new InputError({ message: `--row-totals add up to ${s} but the target is ${total}` });
  } else {
    rowTotals = computeBreakdown({ total, units: rowUnits, mode, method, maxCoverage }).rows.map((r) => r.target);
  }
  // Column totals: given, or split in proportion to today's column totals (never below them).
  const colCurrent = colGroups.map((g) => BigInt(Math.round(g.values['participants'] ?? 0)));
  const colRaw = pick<string>(c.cli, c.config, 'columnTotals');
  let columnTotals: bigint[];
  if (colRaw) {
    columnTotals = await columnTotalsFrom(colRaw, c, colNames);
    const s = columnTotals.reduce((a, b) => a + b, 0n);
    if (s !== total) throw new InputError({ message: `--column-totals add up to ${s} but the target is ${total}`, hint: 'the column totals must add up to the target exactly' });
  } else {
    columnTotals = computeBreakdown({
      total,
      units: colGroups.map((_, i) => ({ label: colNames[i]!, participants: Number(colCurrent[i]), basis: Number(colCurrent[i]) })),
      mode: 'level',
      method,
    }).rows.map((r) => r.target);
  }
  // Cells: weight and lower bound = today's participants in the cell.
  const cellOf = new Map(cells.map((g) => [`${g.keys[rowKey]}\u0000${g.keys[colKey]}`, g]));
  const minNone = c.cli['min'] === 'none' || c.config['min'] === 'none';
  const current = rowNames.map((r) => colNames.map((col) => BigInt(Math.round(cellOf.get(`${r}\u0000${col}`)?.values['participants'] ?? 0))));
  const res = allocateMatrix({
    weights: current,
    rowTotals,
    columnTotals,
    lower: minNone ? undefined : current,
    method: method as DivisorMethodName,
  });
  const rows: Row[] = [];
  rowGroups.forEach((rg, i) => {
    let rowTarget = 0;
    let rowCurrent = 0;
    colNames.forEach((col, j) => {
      const t = Number(res.values[i]![j]!);
      const cur = Number(current[i]![j]!);
      rowTarget += t;
      rowCurrent += cur;
      rows.push({
        values: {
          ...keyValues(rg, [rowKey]),
          [colKey]: col,
          period: (meta['baselinePeriod'] as string | null) ?? null,
          denominator: null,
          participants: cur,
          coverage: null,
          weight: cur,
          min: minNone ? 0 : cur,
          max: null,
          target: t,
          increase: t - cur,
          target_coverage: null,
          share: t / Number(total),
          bound: !minNone && t === cur ? 'min' : '',
        },
      });
    });
    const den = denominator ? rg.values[denominator] : undefined;
    rows.push({
      level: 'subtotal',
      values: {
        ...keyValues(rg, [rowKey]),
        [colKey]: 'Total',
        period: (meta['baselinePeriod'] as string | null) ?? null,
        denominator: den ?? null,
        participants: rowCurrent,
        coverage: div(rowCurrent, den),
        weight: null,
        min: null,
        max: null,
        target: rowTarget,
        increase: rowTarget - rowCurrent,
        target_coverage: div(rowTarget, den),
        share: rowTarget / Number(total),
        bound: null,
      },
    });
  });
  const curTotal = current.flat().reduce((a, b) => a + Number(b), 0);
  const denTotal = denominator && rowGroups.every((g) => g.values[denominator] !== undefined) ? rowGroups.reduce((a, g) => a + g.values[denominator]!, 0) : null;
  const explainInfo = {
    rowTotals: Object.fromEntries(rowNames.map((r, i) => [r, Number(rowTotals[i]!)])),
    columnTotals: Object.fromEntries(colNames.map((col, j) => [col, Number(columnTotals[j]!)])),
    columnDivisors: Object.fromEntries(colNames.map((col, j) => [col, res.columnDivisors[j]])),
    rowMultipliers: Object.fromEntries(rowNames.map((r, i) => [r, res.rowMultipliers[i]])),
    ties: res.ties.map((t) => `${rowNames[t.row]} / ${colNames[t.column]}`),
    transfers: res.transfers,
    scalings: res.scalings,
  };
  Object.assign(meta, { units: rows.length, current: curTotal, increase: Number(total) - curTotal, explain: explainInfo });
  if (explainInfo.ties.length) c.io.stderr.write(`warning: the matrix has tied cells (another answer with the same margins exists): ${explainInfo.ties.join(', ')}\n`);
  if (explain) {
    c.io.stderr.write(
      [
        `explain: biproportional ${meta['methodName']}: row totals (${rowKey}) and column totals (${colKey}) both met exactly`,
        `explain: column totals: ${colNames.map((col, j) => `${col} ${columnTotals[j]}`).join(', ')}${colRaw ? ' (given)' : ' (split from the target in proportion to today, never below today)'}`,
        `explain: row totals: ${rowTotalsFile ? 'given' : `split from the target by ${meta['mode']} mode over ${meta['basis']}`}`,
        `explain: column divisors: ${colNames.map((col, j) => `${col} ${fmt(res.columnDivisors[j]!)}`).join(', ')}`,
        `explain: cells start from today's participants and never go below them${minNone ? ' (--min none: they may)' : ''}; ${res.transfers} transfers, ${res.scalings} divisor updates`,
        `explain: ties: ${explainInfo.ties.length ? explainInfo.ties.join(', ') : 'none'}`,
      ].join('\n') + '\n',
    );
  }
  return {
    kind: 'breakdown',
    title: { en: `Target breakdown by ${keysTitle(by, 'en')}`, id: `Rincian target per ${keysTitle(by, 'id')}` },
    columns: breakdownColumns(by, denominator),
    rows,
    totals: {
      [rowKey === 'province' ? 'province' : rowKey]: 'Total',
      denominator: denTotal,
      participants: curTotal,
      coverage: div(curTotal, denTotal),
      weight: null,
      min: null,
      max: null,
      target: Number(total),
      increase: Number(total) - curTotal,
      target_coverage: div(Number(total), denTotal),
      share: 1,
      bound: null,
    },
    meta,
    humanColumns: [...keyColumns(by).map((c) => c.key), 'participants', 'target', 'increase', 'share', 'bound'],
  };
}

async function monthly(c: Ctx, report: Report, by: string[], total: ResolvedTotal, period: string | undefined, method: MethodName, phasing: string | undefined, meta: Record<string, unknown>): Promise<Report> {
  if (!period) throw usage('--months needs the baseline month: add a period column (YYYY-MM) to the input');
  const year = total.year ?? Number(period.slice(0, 4)) + 1;
  const months = monthsUntilDecember(period, year);
  if (months.length === 0) throw usage(`--months: the baseline ${period} is already at or after December ${year}`);
  const detail = report.rows.filter((r) => (r.level ?? 'detail') === 'detail');
  const baseline = detail.map((r) => BigInt(Math.round(Number(r.values['participants'] ?? 0))));
  const targets = detail.map((r) => BigInt(Number(r.values['target'])));
  let weights = months.map(() => 1);
  if (phasing && phasing !== 'even') weights = await readProfile(phasing, months, c);
  const below = detail.findIndex((_, i) => targets[i]! < baseline[i]!);
  if (below >= 0) throw new InputError({ message: `--months: the target of ${Object.values(detail[below]!.values).slice(0, 2).join(' ')} is below today, so its milestones cannot rise to it`, hint: 'milestones need targets at or above today (the default --min)' });
  const phased = phaseMilestones({ baseline, targets, weights, method });
  const keyCols = report.columns.filter((col) => col.kind === 'text' && col.key !== 'bound' && col.key !== 'period');
  const rows: Row[] = [];
  months.forEach((m, k) => {
    detail.forEach((r, i) => {
      const keys: Record<string, Value> = {};
      for (const col of keyCols) keys[col.key] = r.values[col.key] ?? null;
      const milestone = Number(phased.units[i]![k]!);
      rows.push({ values: { period: m, ...keys, baseline: Number(baseline[i]), milestone, target: Number(targets[i]), progress_needed: milestone - Number(baseline[i]) } });
    });
    rows.push({ level: 'subtotal', values: { period: m, [keyCols.find((col) => col.key !== 'province_code')?.key ?? 'province']: 'Total', baseline: Number(baseline.reduce((a, b) => a + b, 0n)), milestone: Number(phased.national[k]!), target: Number(total.total), progress_needed: Number(phased.national[k]! - baseline.reduce((a, b) => a + b, 0n)) } });
  });
  Object.assign(meta, { months: months.length, phasing: phasing ?? 'even', firstMonth: months[0], lastMonth: months[months.length - 1] });
  return {
    kind: 'milestones',
    title: { en: `Monthly milestones by ${keysTitle(by, 'en')}`, id: `Tonggak bulanan per ${keysTitle(by, 'id')}` },
    columns: [
      { key: 'period', label: { en: 'month', id: 'bulan' }, kind: 'text' },
      ...keyCols,
      { key: 'baseline', label: { en: `baseline ${period}`, id: `awal ${period}` }, kind: 'int' },
      { key: 'milestone', label: { en: 'milestone', id: 'tonggak' }, kind: 'int' },
      { key: 'target', label: { en: 'December target', id: 'target Desember' }, kind: 'int' },
      { key: 'progress_needed', label: { en: 'increase so far', id: 'kenaikan s.d. bulan ini' }, kind: 'signed-int' },
    ],
    rows,
    meta,
  };
}

async function readProfile(path: string, months: string[], c: Ctx): Promise<number[]> {
  const files = await expandInputs([path], c.io);
  const table = await readTable(files[0]!, inputOptions(c.cli, c.config, c.io));
  const cols = table.header.map(canonicalColumn);
  const mi = cols.findIndex((h) => h === 'month' || h === 'period' || h === 'bulan');
  const wi = cols.findIndex((h) => h === 'weight' || h === 'bobot' || h === 'share');
  if (mi < 0 || wi < 0) throw new InputError({ file: table.source.name, line: 1, message: 'a phasing profile needs the columns month and weight', hint: 'one row per calendar month (1–12) or per YYYY-MM' });
  const byMonth = new Map<string, number>();
  for (const row of table.rows) {
    const m = String(row.values[mi] ?? '').trim();
    const raw = row.values[wi];
    const parsed = typeof raw === 'number' ? { ok: true as const, value: raw } : parseStandalone(String(raw ?? ''), pick<LocaleOption>(c.cli, c.config, 'numberLocale'), { allowPercent: true });
    if (!parsed.ok || parsed.value < 0) {
      throw new InputError({ file: table.source.name, line: row.line, column: row.columns[wi], message: `weight "${String(raw)}" is not a non-negative number${parsed.ok ? '' : ` (${parsed.reason})`}` });
    }
    const key = /^\d{1,2}$/.test(m) ? String(Number(m)) : m;
    byMonth.set(key, parsed.value);
  }
  return months.map((m) => {
    const w = byMonth.get(m) ?? byMonth.get(String(Number(m.slice(5, 7))));
    if (w === undefined) throw new InputError({ file: table.source.name, message: `the phasing profile has no weight for ${m}` });
    return w;
  });
}
