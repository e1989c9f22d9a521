// What each command reads, as load schemas, and the reading itself: the user's files, or the bundled
// baseline (which then says its month). validate reads with coverage's schema, so the two accept and
// refuse exactly the same files.

import { latestPeriod } from '../core/calendar.js';
import { canonicalColumn } from '../core/columns.js';
import { DENOMINATORS } from '../core/domain.js';
import type { Note } from '../core/facts.js';
import type { MeasureKind, SourceFacts, Table } from '../core/table.js';
import { hasMeasure, keysOf, measureIndex } from '../core/table.js';
import { baselineFacts, baselinePeriod, loadBaseline } from '../io/bundled.js';
import { expandInputs, lockFilesWords } from '../io/inputs.js';
import { refuseOutputsAmongInputs } from '../io/output.js';
import { stdinHoldsData } from '../io/stdin-data.js';
import { loadTable, spareGapsOf, type LoadedTable, type LoadOptions, type LoadSchema } from '../io/load.js';
import type { Io } from '../io/terminal.js';
import { InputError, ProblemList, usage } from '../errors.js';
import { FLAGS, flagName, type FlagKey } from '../options/flags.js';
import { byColumns, requireBundledKeys, requireColumns, whereOf, type NamedColumn } from '../options/keys.js';
import type { Session } from './session.js';
import { sourceNotes } from '../report/common.js';

/**
 * A load schema and the columns the user named for it (--by, --basis, --min, --max): each is checked
 * against the columns read, before any work, and refused (exit 2) naming the flag.
 */
export interface ReadSchema extends LoadSchema {
  readonly named: readonly NamedColumn[];
}

/**
 * What a column named `denominator` (the tool's own csv, tsv and json reports') is read as: the run's
 * denominator, --denominator's or the default's (the first of DENOMINATORS, as chooseDenominator takes
 * it); none when the run compares several.
 */
function genericDenominator(denominator?: string | readonly string[]): LoadSchema['denominator'] {
  if (typeof denominator === 'object') {
    if (denominator.length > 1) return undefined;
    denominator = denominator[0];
  }
  return denominator !== undefined ? { measure: canonicalColumn(denominator), given: true } : { measure: DENOMINATORS[0], given: false };
}

/** The denominators the run divides by, when named: a blank or 0 in another denominator column is not refused (rv27 F7). */
function divides(denominator?: string | readonly string[]): Pick<LoadSchema, 'divides'> {
  if (denominator === undefined) return {};
  return { divides: (typeof denominator === 'string' ? [denominator] : denominator).map(canonicalColumn) };
}

/**
 * Once the run's denominator is chosen (over all its files, --previous's and --workforce's), the cells of
 * that column a file's load let through as a column the run may not divide by — a blank, a 0 on an area's
 * own row, participants above a 0 — are refused at their cells, as any file's are when --denominator names
 * the column (rv29 S1): a --previous file whose first denominator column is employed while the month
 * reported has only potential_workers, a glob's files with other columns, a --workforce file.
 */
export function refuseSpareGaps(denominator: string | undefined, tables: readonly (Table | undefined)[], maxErrors: number): void {
  if (denominator === undefined) return;
  const list = new ProblemList(maxErrors);
  for (const t of tables) if (t) for (const p of spareGapsOf(t, denominator)) list.add(p);
  if (list.size) throw new InputError(list.list());
}

function measures(extra: readonly [string, MeasureKind][], denominator?: string | readonly string[]): Map<string, MeasureKind> {
  const m = new Map<string, MeasureKind>([['participants', 'count']]);
  for (const d of DENOMINATORS) m.set(d, 'count');
  for (const d of typeof denominator === 'string' ? [denominator] : (denominator ?? [])) m.set(canonicalColumn(d), 'count');
  for (const [k, v] of extra) if (!m.has(k)) m.set(k, v);
  return m;
}

/** breakdown: the units, their participants and denominators (one, or each of --compare's), and the columns the rule names. */
export function breakdownSchema(grain: readonly string[], ruleColumns: readonly NamedColumn[], denominator?: string | readonly string[], needsParticipants = false): ReadSchema {
  return {
    named: [...byColumns(undefined, grain), ...ruleColumns],
    // Today's participants: the gap (mode gap, basis uncovered) and the floor (--min today) start from
    // them; a file without them is refused rather than planned from 0 (a coverage % is not a count).
    ...(needsParticipants ? { required: [{ column: 'participants', why: "today's active participants (the gap and the floor --min start from them; --mode level with --min none does without)", whyId: 'peserta aktif saat ini (selisih dan batas bawah --min dihitung darinya; --mode level dengan --min none tidak memerlukannya)' }] } : {}),
    dims: grain,
    measures: measures(ruleColumns.map((c) => [canonicalColumn(c.column), 'number'] as [string, MeasureKind]), denominator),
    denominator: genericDenominator(denominator),
    ...divides(denominator),
    uses: ruleColumns.map((c) => c.column),
    rule: 'refuse',
    segmentParts: true,
    percents: true,
    deriveKanwil: grain.includes('kanwil'),
    period: false,
  };
}

/** coverage and validate: participants (a row of an extract counts one) and the denominators. */
export function coverageSchema(grain: readonly string[], denominator: string | undefined, extract: boolean): ReadSchema {
  return {
    named: byColumns(undefined, grain),
    dims: grain,
    measures: measures([], denominator),
    denominator: genericDenominator(denominator),
    ...divides(denominator),
    required: [{ column: 'participants', why: 'active participants', whyId: 'peserta aktif', regional: true }],
    rule: extract ? 'sum' : 'auto',
    segmentParts: true,
    percents: true,
    deriveKanwil: grain.includes('kanwil'),
  };
}

/**
 * Per source of `table`, the denominator columns it gives that the run does not divide by (`used`: the
 * input's denominator, or none when it comes from elsewhere): validate's unused_columns (rv25 M5); `also`:
 * other measures not read (a --workforce file's participants, fx44).
 */
export function unusedDenominators(table: Table, used: string | undefined, also: readonly string[] = []): string[][] {
  const out = table.sources.map((): string[] => []);
  const names = [...DENOMINATORS, ...also];
  const other = names.filter((m) => m !== used && hasMeasure(table, m)).map((m) => [m, measureIndex(table, m)] as const);
  if (!other.length) return out;
  for (const r of table.rows) {
    for (const [m, i] of other) if (r.values[i] !== null && r.values[i] !== undefined && !out[r.src]!.includes(m)) out[r.src]!.push(m);
  }
  return out.map((ms) => names.filter((m) => ms.includes(m)));
}

/**
 * The named columns of each file that the run does not read, in a note (a status column of an extract
 * has its own warning, with its values: the loader's `status-column`).
 */
function unusedColumns(table: LoadedTable): Note[] {
  const out: Note[] = [];
  for (const s of table.sources) {
    const status = new Set((s.notes ?? []).flatMap((n) => (n.code === 'status-column' ? [n.column] : [])));
    const columns = s.ignoredColumns.filter((c) => !status.has(c));
    if (columns.length) out.push({ code: 'unused-columns', file: s.name, columns });
  }
  return out;
}

/**
 * What the readers decided about the files given by another flag (--targets, --workforce, --expect,
 * margins…: the sheet of a workbook, a total row left out): the data files' notes are the report's own
 * (its sources); these reach it through the session, as every note of the run does.
 */
/**
 * The notes of the files other flags name (--targets, --workforce …): the sheet read, the columns not
 * read. Not their total rows that agree with their rows (every `breakdown` output has one): that
 * changes nothing in the report, and said on every run it hid the notes that do.
 */
export const flagFileNotes = (sources: readonly SourceFacts[]): Note[] => sourceNotes(sources.filter((s) => s.role !== undefined)).filter((n) => n.code !== 'total-rows' || n.parts !== undefined || n.rows.some((r) => !r.checked || r.notCompared?.length));

export interface Read {
  readonly table: LoadedTable;
  /** The files read, as given (for the protection of inputs from -o). */
  readonly inputs: readonly string[];
  /** The latest month of the data, if it has months. */
  readonly period?: string;
  readonly bundled: boolean;
}

/**
 * Data piped or redirected in while no file was named (rv24 G5): the bundled report would come out in
 * its place, exit 0, and under -q silently. Refused rather than read: whether a pipe holds data can only
 * be seen when its bytes are already there (stdin-data.ts), so reading it would make the same command
 * line report the piped file or the national baseline by timing; with `-` it is always read. A run whose
 * standard input is a terminal, /dev/null, empty or an idle pipe is unchanged.
 */
async function refuseUnreadStdin(io: Io, own: string | undefined, instead?: { readonly file: string; readonly setting: { readonly en: string; readonly id: string } }): Promise<void> {
  if (!(await stdinHoldsData(io.stdin))) return;
  const coverage = own?.startsWith('jamsostek coverage') === true;
  const validate = own?.startsWith('jamsostek validate') === true;
  const how = coverage || validate ? `\`… | ${own!.split(' ').slice(0, 2).join(' ')} -\`` : '`… | jamsostek breakdown --input -`';
  const pass = coverage || validate ? '-' : '--input -';
  // Without a file named, the config's "input" (or --input) is read in its place (dataFiles, hx5).
  const what = instead ? { en: `of ${instead.file}, ${instead.setting.en}`, id: `dari ${instead.file}, ${instead.setting.id}` } : { en: 'of the bundled baseline', id: 'dari baseline bawaan' };
  const rest = instead ? { en: `to read ${instead.file}, give it no input: < /dev/null`, id: `untuk membaca ${instead.file}, jangan beri masukan: < /dev/null` } : { en: 'to report the bundled baseline, give it no input: < /dev/null', id: 'untuk melaporkan baseline bawaan, jangan beri masukan: < /dev/null' };
  const verb = validate ? { en: 'the check would be', id: 'yang diperiksa' } : { en: 'the report would be', id: 'laporannya' };
  throw usage(
    { message: `data on standard input: pass ${pass} to read it (without a file ${verb.en} ${what.en})`, hint: `${how}; ${rest.en}` },
    { message: `ada data pada masukan standar: berikan ${pass} untuk membacanya (tanpa berkas, ${verb.id} ${what.id})`, hint: `${how}; ${rest.id}` },
  );
}

/** A value of a flag that takes a file, as parsed: a path, a list of them, or a form with a file in it. */
function namesStdin(v: unknown): boolean {
  if (v === '-') return true;
  if (Array.isArray(v)) return v.some(namesStdin);
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'file' && (v as { path?: unknown }).path === '-';
}

/**
 * The flags of the run that read standard input (`--targets -`, `--input -`, `--expect -` …): the flags
 * that take a file, not -o (standard output), --config (never read from stdin) nor a value such as
 * `--delimiter -`.
 */
function stdinFlags(o: Readonly<Record<string, unknown>>): FlagKey[] {
  const out: FlagKey[] = [];
  for (const [k, v] of Object.entries(o)) {
    const f = (FLAGS as Readonly<Record<string, { readonly complete?: unknown }>>)[k];
    if (k === 'output' || k === 'config' || f?.complete !== 'file') continue;
    if (namesStdin(v)) out.push(k as FlagKey);
  }
  return out;
}

/** Whether a flag of the run reads standard input: then what is piped in is theirs. */
export function stdinNamed(o: Readonly<Record<string, unknown>>): boolean {
  return stdinFlags(o).length > 0;
}

/**
 * Standard input is read once (rv21 H4): `-` named twice among the data files and every flag that takes a
 * file (`coverage - --input -`, `breakdown --input - --series -`, `coverage - --expect -`) is refused before
 * anything is read (exit 2), naming both; the second reader would find it drained ("the file is empty",
 * exit 3) or, read from a terminal, wait.
 */
export function stdinOnce(files: readonly string[], o: Readonly<Record<string, unknown>>): void {
  const readers = [...files.filter((f) => f === '-').map(() => ({ en: 'the data file -', id: 'berkas data -' })), ...stdinFlags(o).map((k) => ({ en: `${flagName(k)} -`, id: `${flagName(k)} -` }))];
  if (readers.length < 2) return;
  const list = (lang: 'en' | 'id'): string => readers.map((r) => r[lang]).join(lang === 'en' ? ' and ' : ' dan ');
  throw usage(
    { message: `standard input (-) can be read only once: ${list('en')} both name it`, hint: 'save all but one of them to a file and name that file instead' },
    { message: `masukan standar (-) hanya dapat dibaca sekali: ${list('id')} sama-sama menyebutnya`, hint: 'simpan yang lain ke berkas dan sebutkan berkas itu' },
  );
}

/**
 * The data of coverage and validate when no file is named: --input, or an office's "input" in
 * jamsostek.json (its own baseline, which breakdown splits and coverage --year plans on), rather than the
 * bundled national baseline, which a run in the office's folder would report in its place without a word
 * (hx5). Said in a note naming where it came from; with a file named, the files are the data.
 */
export async function dataFiles(files: readonly string[], input: string | undefined, setting: { readonly en: string; readonly id: string }, session: Session, command: 'coverage' | 'validate', stdinTaken: boolean): Promise<readonly string[]> {
  if (files.length || input === undefined) return files;
  // Data piped in is refused as it is without the "input" (rv24 G5): read in its place, it would be left aside.
  if (input !== '-' && !stdinTaken) await refuseUnreadStdin(session.io, `jamsostek ${command} FILE…`, { file: input, setting });
  const [verb, verbId] = command === 'coverage' ? ['reporting', 'melaporkan'] : ['checking', 'memeriksa'];
  const [tail, tailId] = command === 'coverage' ? [', not the bundled baseline', ', bukan data dasar bawaan'] : ['', ''];
  session.note({ en: `no file given: ${verb} ${input}, ${setting.en}${tail}`, id: `tidak ada berkas yang diberikan: ${verbId} ${input}, ${setting.id}${tailId}` });
  return [input];
}

/**
 * The user's files (globs expanded), or the bundled baseline when there are none. `own`: how the command
 * takes files of one's own, for the note on the bundled data (`--input`; coverage: its file arguments).
 */
export async function readData(patterns: readonly string[], schema: ReadSchema, load: LoadOptions, io: Io, session: Session, own?: string, stdinTaken = false): Promise<Read> {
  if (!patterns.length) {
    if (!stdinTaken) await refuseUnreadStdin(io, own);
    requireBundledKeys(schema.named);
    const table = await loadBaseline(schema, load);
    requireColumns(schema.named, [table], whereOf(table, true));
    const period = baselinePeriod(table);
    session.bundledBaseline(period, baselineFacts(), own);
    return { table, inputs: [], period, bundled: true };
  }
  if (patterns.some((p) => p.trim() === '')) {
    throw usage({ message: 'a file name is empty', hint: 'an unset shell variable? name each file, or - for standard input' }, { message: 'sebuah nama berkas kosong', hint: 'variabel shell belum diisi? sebutkan setiap berkas, atau - untuk masukan standar' });
  }
  const inputs = await expandInputs(patterns, io, (locks) => session.caution(lockFilesWords(locks)));
  refuseOutputsAmongInputs(session.out.output ?? [], inputs, io);
  const table = await loadTable(inputs, schema, load);
  requireColumns(schema.named, [table], whereOf(table, false));
  session.notes(sourceNotes(table.sources));
  session.notes(unusedColumns(table));
  return { table, inputs, period: latestPeriod(keysOf(table, 'period')), bundled: false };
}
