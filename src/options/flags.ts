// Every flag, once: its name, help, argument, parser, config-file key and completion words. This one
// table drives commander (the command line), jamsostek.json (the same keys, parsed by the same
// parsers) and the shell completion scripts, so a flag and its config key can never mean different
// things. Commands name the flags they take; nothing below options/ sees a raw flag value.

import { METHOD_NAMES, type MethodName } from '../core/allocation/methods.js';
import type { Basis, Bound, Mode } from '../core/allocation/spec.js';
import type { Rational } from '../core/allocation/exact.js';
import { KNOWN_DIMS } from '../core/columns.js';
import type { Period } from '../core/calendar.js';
import { FORMATS } from '../render/output-formats.js';
import * as p from './parse.js';

export { FORMATS, type Format } from '../render/output-formats.js';

export interface ParseContext {
  readonly numberLocale?: 'id' | 'en' | 'auto';
}

export interface FlagDef<T> {
  /** Long name, kebab-case (--number-locale). */
  readonly name: string;
  readonly short?: string;
  /** Argument placeholder; absent for a switch. */
  readonly arg?: string;
  readonly help: string;
  /** Allowed values, shown in help and offered by completion. */
  readonly choices?: readonly string[];
  /**
   * What completion offers for the argument when there are no choices: file names, or these words
   * (the usual values; others are allowed). Nothing when absent: the value is typed.
   */
  readonly complete?: 'file' | readonly string[];
  /** May the flag be given more than once (each value kept)? */
  readonly repeatable?: boolean;
  /** Not allowed in jamsostek.json (e.g. output paths), with the reason in English and Indonesian. */
  readonly configRefused?: { readonly en: string; readonly id: string };
  /** Takes a fraction (a share, a percentage): a JSON number such as 0.95 in the config file is read as written. */
  readonly fraction?: true;
  readonly parse: (raw: string, flag: string, ctx: ParseContext) => T;
}

/** The keys `--by` knows by name (any column is allowed too); the month is --period's, not a key. */
const BY_WORDS = [...KNOWN_DIMS.keys()].filter((k) => k !== 'period');

const flag = <T>(d: FlagDef<T>): FlagDef<T> => d;
const many = <T>(d: FlagDef<T>): FlagDef<T> & { readonly repeatable: true } => ({ ...d, repeatable: true });
const sw = (name: string, help: string): FlagDef<boolean> => ({ name, help, parse: () => true });
const choice = <const C extends string>(name: string, arg: string, help: string, choices: readonly C[], short?: string): FlagDef<C> =>
  flag({ name, short, arg, help, choices, parse: p.oneOf(choices) });

export const FLAGS = {
  // Output
  format: choice('format', '<format>', 'output format (default: table on a terminal, csv when piped; with -o, from the extension)', FORMATS, 'f'),
  output: many<string>({
    name: 'output',
    short: 'o',
    arg: '<file>',
    help: 'write the report to a file (atomically); - is stdout; repeat for several formats (-o a.xlsx -o a.csv)',
    complete: 'file',
    repeatable: true,
    configRefused: { en: 'a config file in the working folder must not decide where reports are written', id: 'berkas konfigurasi di folder kerja tidak boleh menentukan ke mana laporan ditulis' },
    parse: p.text,
  }),
  lang: choice('lang', '<lang>', 'labels and number display in human formats and messages (default: from LANG)', ['id', 'en'] as const),
  color: choice('color', '<when>', 'colour in the terminal table', ['auto', 'always', 'never'] as const),
  fields: flag({ name: 'fields', arg: '<list>', help: 'columns to output, in this order (comma-separated keys)', parse: p.fields }),
  csvDialect: choice('csv-dialect', '<dialect>', "csv flavour: rfc4180 (',' '.' LF) or excel-id (';' ',' CRLF BOM)", ['rfc4180', 'excel-id'] as const),
  chart: sw('chart', 'add a bar per row to the terminal table'),
  wide: sw('wide', 'show every column in the terminal table, however wide'),
  quiet: { ...sw('quiet', 'hush notes and chatter on stderr; errors and the warnings that change what a number means (an area missing, a target year deduced, a target interpolated or below a later published figure, targets for some rows only) still print; the report files keep both'), short: 'q' },
  // Input
  numberLocale: choice('number-locale', '<locale>', 'how numbers are written: id (256.129), en (256,129) or auto (deduced per file from its counts)', ['id', 'en', 'auto'] as const),
  codeSystem: choice('code-system', '<system>', 'province code system of the input files, and of the codes the report writes', ['kemendagri', 'bps'] as const),
  delimiter: flag({ name: 'delimiter', arg: '<char>', help: "CSV delimiter (default: from the header line; '\\t' for TAB)", parse: p.delimiter }),
  encoding: choice('encoding', '<encoding>', 'input encoding (default: UTF-8, or UTF-16 by its BOM or zero bytes)', ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const),
  sheet: flag({ name: 'sheet', arg: '<name>', help: 'the sheet of every xlsx file (default: the first visible sheet; a hidden one only when named); a --targets or --workforce workbook without it is read as without --sheet, with a note', parse: p.text }),
  headerRow: flag({ name: 'header-row', arg: '<n>', help: 'the line (CSV) or row (xlsx) of the header of every file, when a title comes first (xlsx: found by its column names)', parse: (raw, f, ctx) => p.positiveInt(raw, f, ctx.numberLocale, '2') }),
  maxErrors: flag({ name: 'max-errors', arg: '<n>', help: 'list at most this many problems (default 50)', parse: (raw, f, ctx) => p.positiveInt(raw, f, ctx.numberLocale, '50') }),
  allowOverCoverage: sw('allow-over-coverage', 'accept rows where participants exceed the denominator'),
  config: flag({ name: 'config', arg: '<file>', help: 'read defaults from this JSON file (default: ./jamsostek.json)', complete: 'file', configRefused: { en: 'it names the config file itself', id: 'opsi ini menunjuk berkas konfigurasi itu sendiri' }, parse: p.text }),
  // Breakdown
  year: flag<number>({ name: 'year', arg: '<yyyy>', help: 'the national target for this year from data/targets.csv (years between known ones are interpolated)', parse: p.year }),
  target: flag<bigint>({ name: 'target', arg: '<n>', help: 'split this total instead (e.g. 70000000)', parse: (raw, f, ctx) => p.wholeNumber(raw, f, ctx.numberLocale) }),
  series: flag({ name: 'series', arg: '<file>', help: 'a target series file (scenario,year,target[,from]) instead of data/targets.csv; `from` = a revision in force from that month', complete: 'file', parse: p.text }),
  asOf: flag<Period>({ name: 'as-of', arg: '<yyyy-mm>', help: 'the month whose target revisions are in force (breakdown: default the latest revision; coverage: the month reported)', parse: p.period }),
  scenario: flag({ name: 'scenario', arg: '<name>', help: 'target series in data/targets.csv: plan (50 M in 2024, 70 M in 2026), roadmap or rkat', choices: ['plan', 'roadmap', 'rkat'], parse: p.text }),
  input: flag({ name: 'input', arg: '<file>', help: 'units to split over (CSV/JSON/xlsx; default: the bundled province baseline)', complete: 'file', parse: p.text }),
  by: flag<string[]>({ name: 'by', arg: '<columns>', help: 'the key: province (default), kanwil, regency, segment, sector or any column; two nested columns (province,regency) or two crossed ones (province,segment)', complete: BY_WORDS, parse: p.columns }),
  basis: flag<Basis>({ name: 'basis', arg: '<basis>', help: 'weights: workforce, uncovered, participants, equal or a numeric column', choices: ['workforce', 'uncovered', 'participants', 'equal'], parse: p.basis }),
  denominator: flag({ name: 'denominator', arg: '<column>', help: 'the workforce base: employed, potential_workers, workforce or another column', choices: ['employed', 'potential_workers', 'workforce'], parse: (raw, f) => p.denominatorColumn(raw, f) }),
  mode: flag<Mode>({ name: 'mode', arg: '<mode>', help: 'gap: today plus a share of the increase by the basis (by default the uncovered gap: every unit closes the same share of it); level: proportional to the basis', choices: ['gap', 'level'], parse: p.mode }),
  min: flag<Bound>({ name: 'min', arg: '<n|column|none>', help: 'lower bound on each target (default: today’s participants)', parse: (raw, f, ctx) => p.bound(raw, f, ctx.numberLocale) }),
  max: flag<Bound>({ name: 'max', arg: '<n|column|none>', help: 'upper bound on each target (default: the denominator)', parse: (raw, f, ctx) => p.bound(raw, f, ctx.numberLocale) }),
  maxCoverage: flag<Rational>({ name: 'max-coverage', arg: '<share>', help: 'upper bound as a share of the denominator, e.g. 0.95 or 95%', fraction: true, parse: (raw, f, ctx) => p.exactShare(raw, f, raw.includes(',') ? ctx.numberLocale : undefined) }),
  method: flag<MethodName>({ name: 'method', arg: '<name>', help: `rounding: ${p.METHOD_LIST}`, choices: METHOD_NAMES, parse: p.method }),
  columnTotals: flag<p.MarginSpec>({ name: 'column-totals', arg: '<PU=…,BPU=…|file>', help: 'matrix column totals, inline or a key,total file', complete: 'file', parse: (raw, f, ctx) => p.margins(() => ctx.numberLocale)(raw, f) }),
  rowTotals: flag<p.MarginSpec>({ name: 'row-totals', arg: '<key=…|file>', help: 'row totals of a matrix, or the first level of nested keys (inline or a key,total file)', complete: 'file', parse: (raw, f, ctx) => p.margins(() => ctx.numberLocale)(raw, f) }),
  months: sw('months', 'monthly milestones from the baseline month to December of the year'),
  phasing: flag({ name: 'phasing', arg: '<even|file>', help: 'how the year is phased: even (default) or a month,weight profile file', complete: 'file', parse: p.phasing }),
  explain: sw('explain', 'print the method, the divisors, the units held at a bound and any ties'),
  compare: many<p.CompareAxis>({
    name: 'compare',
    arg: '<[field=]values>',
    help: `rules side by side: methods (webster,hamilton) or field=values, e.g. mode=gap,level (fields: ${p.COMPARE_FIELDS.join(', ')}); repeat for a grid`,
    repeatable: true,
    parse: (raw, f, ctx) => p.comparison(raw, f, undefined, () => ctx.numberLocale),
  }),
  compareScenario: flag<p.CompareAxis>({ name: 'compare-scenario', arg: '<names>', help: 'put target series side by side, e.g. plan,rkat (the same as --compare scenario=plan,rkat)', parse: (raw, f, ctx) => p.comparison(raw, f, 'scenario', () => ctx.numberLocale) }),
  // Coverage
  targets: flag({ name: 'targets', arg: '<file>', help: 'targets to compare with: a breakdown output (CSV/JSON/xlsx, also --months) or any file with key columns and target', complete: 'file', parse: p.text }),
  period: flag<Period>({ name: 'period', arg: '<yyyy-mm>', help: 'the month to report (default: the latest in the input; for template, this month)', parse: p.period }),
  previous: many<string>({ name: 'previous', arg: '<file>', help: 'a file (or glob) of the previous month, for the change; repeat for several', complete: 'file', repeatable: true, parse: p.text }),
  sort: flag({ name: 'sort', arg: '<key>', help: 'sort rows by gap, coverage, achievement, name or any column (default: input order)', choices: ['gap', 'coverage', 'achievement', 'name', 'run-rate'], parse: p.sortKey }),
  top: flag({ name: 'top', arg: '<n>', help: 'keep the first n rows after sorting (the total and --fail-below still cover every row)', parse: (raw, f, ctx) => p.positiveInt(raw, f, ctx.numberLocale, '10') }),
  atRiskMargin: flag({ name: 'at-risk-margin', arg: '<share>', help: "how far below the month's milestone counts as at-risk (default 0.05)", fraction: true, parse: (raw, f, ctx) => p.share(raw, f, raw.includes(',') ? ctx.numberLocale : undefined) }),
  failBelow: flag({ name: 'fail-below', arg: '<percent>', help: 'exit 1 (after writing the report) when coverage or achievement is below this percentage, e.g. 40', fraction: true, parse: (raw, f, ctx) => p.percent(raw, f, raw.includes(',') ? ctx.numberLocale : undefined) }),
  failOn: choice('fail-on', '<measure>', 'what --fail-below checks', ['coverage', 'achievement'] as const),
  failScope: choice('fail-scope', '<scope>', 'any row, or only the grand total', ['any', 'total'] as const),
  expect: many<p.ExpectInput>({ name: 'expect', arg: '<scope|file>', help: 'who must report: kanwil:NAME, province:NAME (its regencies, with --by regency), national, or a file of keys; one missing is an error (exit 3)', complete: 'file', repeatable: true, parse: p.expect }),
  compareTargets: many<string>({ name: 'compare-targets', arg: '<file>', help: 'another plan\'s targets beside --targets (or --year): target, gap and status under each, and the difference; repeatable', complete: 'file', repeatable: true, parse: p.text }),
  paceWindow: flag({ name: 'pace-window', arg: '<months>', help: 'the months the actual pace is measured over (default 3)', parse: (raw, f, ctx) => p.positiveInt(raw, f, ctx.numberLocale, '3') }),
  trend: sw('trend', 'the trend view: each area with its participants month by month, its pace and where it lands in December'),
  extract: sw('extract', 'the files are per-participant or per-employer extracts: add rows up per key (automatic with an id column)'),
  workforce: flag({ name: 'workforce', arg: '<file>', help: 'denominators for an extract (default: the bundled baseline)', complete: 'file', parse: p.text }),
  // Template and reference lists
  province: flag({ name: 'province', arg: '<name>', help: 'one province: its regencies and cities', parse: p.text }),
  segments: sw('segments', 'a participants column per segment (PU, BPU, JAKON, PMI), the workforce once per row'),
  sectors: flag<string[]>({ name: 'sectors', arg: '<list>', help: 'one row per sector, e.g. Pertanian,Pendidikan', parse: p.fields }),
  regencies: sw('regencies', 'list the 514 regencies and cities instead (both code systems)'),
} as const;

export type FlagKey = keyof typeof FLAGS;
type ValueOf<K extends FlagKey> = (typeof FLAGS)[K] extends FlagDef<infer T> ? T : never;

/** The typed options of a command that takes the flags K (each undefined when not given). */
export type Options<K extends FlagKey> = {
  readonly [P in K]?: (typeof FLAGS)[P] extends { readonly repeatable: true } ? ValueOf<P>[] : ValueOf<P>;
};

/** Flags every command that reads data takes. */
export const INPUT_FLAGS = ['numberLocale', 'codeSystem', 'delimiter', 'encoding', 'sheet', 'headerRow', 'maxErrors', 'allowOverCoverage', 'config'] as const satisfies readonly FlagKey[];
/** Flags every command that writes a report takes. */
export const OUTPUT_FLAGS = ['format', 'output', 'lang', 'color', 'fields', 'csvDialect', 'chart', 'wide', 'quiet', 'config'] as const satisfies readonly FlagKey[];

/** `numberLocale` → `--number-locale`. */
export function flagName(key: FlagKey): string {
  return `--${FLAGS[key].name}`;
}
