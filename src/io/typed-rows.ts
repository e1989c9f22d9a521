// Raw rows → typed rows: every check of the input contract, for every kind of file, in one place.
//
// The columns of a file get their roles once (core/columns.ts: a key, a measure, a segment part, a
// percentage, a participant id, the tool's `level`, or ignored), and each row is read role by role:
//   cells      control characters, the tool's own subtotal/total rows (`level`), values in unnamed columns
//   keys       through their domain (blank keys refused); a total row ("Jumlah") is recognised here
//   ids        a participant id (an extract): never empty, never twice in one month (id-ledger.ts)
//   numbers    through the file's LocalePolicy (deduced, never guessed): a cell that reads differently in
//              the two locales while the file is undecided is kept in both readings
//   the row    wide segment columns add up to the row's participants; participants not above a
//              denominator of the same row (unless allowed)
// and then added to its group (fold.ts): nothing per row is kept. Per file: duplicate or unnamed
// columns, required columns, a key first seen after the first row (JSON), the locale, total rows.
//
// Problems are coded data (words.ts), at the place of the cell.

import { SEGMENTS } from '../core/domain.js';
import { type Problem, type ProblemList } from '../errors.js';
import type { KeyKind, MeasureKind } from '../core/table.js';
import { aliasesOf, canonicalColumn, GENERIC_DENOMINATOR, normaliseHeader, roleOf, type ColumnRole, type ColumnWants } from '../core/columns.js';
import type { Note } from '../core/facts.js';
import { countFault, LocalePolicy, readCell, reasonInIndonesian, underForced, wholeOfNoise, type CellKind, type CellRef, type NumberLocale } from '../core/numbers.js';
import { ESTIMATED_FIGURES, parseEstimatedCell } from '../core/estimates.js';
import { overCoverageException, type OverCoverageException } from './exceptions.js';
import { MAX_SUGGESTED, normaliseName, provinceRegistry, type Province } from './areas.js';
import { regencyRegistry } from './regencies.js';
import { boundedDistance } from '../core/suggest.js';
import { PROVINCE_SPLITS } from '../core/splits.js';
import type { FileFold } from './fold.js';
import { KeyLabels } from './key-labels.js';
import type { IdLedger } from './id-ledger.js';
import type { CountRows } from './count-rows.js';
import { ID_NUMBER, idTextForm } from './extract/tables.js';
import type { KeyDomains, Resolved } from './key-domains.js';
import { CONTROL, hasControl, type Cell, type CellPlace, type RowSink } from './row-sink.js';
import { totalKind } from './total-rows.js';
import { RECENT, recentSlot } from './key-sets.js';
import { inputProblem, type ExtractKind, type InputProblem } from './words.js';
import type { Diagnostic } from '../errors.js';
import { CoverageColumn } from './coverage-scale.js';

const DENOMINATORS = ['workforce', 'employed', 'potential_workers'];
/** Problems with how a file's numbers read: its over-coverage checks would be follow-ons of them. */
const NUMBER_FORMAT: ReadonlySet<string> = new Set(['count-three-decimals', 'mixed-locales', 'mixed-locales-id', 'undecided-locale', 'forced-three-decimals', 'forced-locale-cell']);
/** Values of a status column named in its warning (the rows of the others are counted together). */
const STATUS_VALUES = 5;
/** Words of a column name that say a participant's status (English and Indonesian). */
const STATUS_WORDS = new Set(['status', 'sts', 'active', 'inactive', 'aktif', 'nonaktif', 'keaktifan', 'isactive', 'is_active']);

/** Does a column's name say a status (`status`, `status_kepesertaan`, `is_active`, `flag_aktif`)? */
export function saysStatus(name: string): boolean {
  return normaliseHeader(name)
    .split('_')
    .some((w) => STATUS_WORDS.has(w) || w.startsWith('status'));
}
/** Words of a column name that say a date by themselves (`aktif_sampai`, `valid_to`, `tmt`). */
const DATE_WORDS = new Set(['date', 'tgl', 'tanggal', 'dt', 'tmt', 'waktu', 'time', 'timestamp', 'valid', 'effective', 'berlaku']);
/** Words that say the end of a membership (with a date word, or alone: `end`, `tgl_keluar`, `tanggal_berhenti`). */
const END_WORDS = new Set(['end', 'ended', 'ends', 'enddate', 'berhenti', 'keluar', 'selesai', 'berakhir', 'akhir', 'expiry', 'expired', 'exit', 'nonaktif', 'terminated', 'termination', 'to']);
/** Words that say an end date by themselves (`aktif_sampai`, `active_until`). */
const END_ALONE = new Set(['until', 'sampai', 'hingga', 'enddate', 'expiry']);
/** Words that say the start of a membership (`start_date`, `tgl_mulai`, `tanggal_daftar`, `valid_from`). */
const START_WORDS = new Set(['start', 'started', 'starts', 'startdate', 'mulai', 'masuk', 'awal', 'begin', 'daftar', 'registered', 'registration', 'join', 'joined', 'from', 'sejak', 'since']);
const START_ALONE = new Set(['since', 'sejak', 'startdate', 'tmt']);

/**
 * Does a column's name say when a membership starts or ends (`start_date`, `end_date`, `tgl_keluar`,
 * `tanggal_berhenti`, `valid_to`, `aktif_sampai`)? A word such as `awal`/`akhir` needs a date word beside
 * it (`saldo_akhir` is a balance), unless it is the whole name (`start`, `end`).
 */
export function membershipDate(name: string): 'start' | 'end' | undefined {
  const words = normaliseHeader(name).split('_');
  const dated = words.length === 1 || words.some((w) => DATE_WORDS.has(w));
  if (words.some((w) => END_ALONE.has(w)) || (dated && words.some((w) => END_WORDS.has(w) && (w !== 'to' || words.length > 1)))) return 'end';
  if (words.some((w) => START_ALONE.has(w)) || (dated && words.some((w) => START_WORDS.has(w) && (w !== 'from' || words.length > 1)))) return 'start';
  return undefined;
}

/** Column names that engines give a count they were not told to name (DuckDB, Spark, BigQuery), and short ones. */
const COUNT_LIKE = /^(count|count_star|count_\*|count_1|count_all|cnt|n|f0|jumlah|total|total_peserta|jml|jml_peserta|num)$/;

/**
 * Labels kept per dimension the load adds up over, from a source that cannot be read again (its first
 * spellings, for messages): a branch per row of a million-row standard input would otherwise keep a
 * million (+120 MB, measured).
 */
const UNKEPT_LABELS = 65536;
/** The key of a column the engine did not group by: never a real key (control characters are refused). */
export const DROPPED = '\u0000';

/** The dimensions and measures shared by all files of one load (dims grow as files bring new ones). */
/** The keys of a subtotal row that leave it a grand total: its month, year or revision only (a months file's Total rows). */
const GRAND_SCOPE = new Set(['period', 'year', 'from']);

export class TableShape {
  readonly dims: { name: string; kind: KeyKind; labels: KeyLabels }[] = [];
  constructor(readonly measures: readonly { name: string; kind: MeasureKind }[]) {}

  dim(name: string, kind: KeyKind): number {
    let i = this.dims.findIndex((d) => d.name === name);
    if (i < 0) {
      i = this.dims.length;
      this.dims.push({ name, kind, labels: new KeyLabels() });
    }
    return i;
  }

  measure(name: string): number {
    return this.measures.findIndex((m) => m.name === name);
  }
}

/** A row as read a second time (load.ts confirms suspects on the rows themselves): its full keys. */
export interface TappedRow {
  readonly keys: readonly (string | null)[];
  readonly line: number;
  readonly id?: string;
  readonly idColumn?: number;
  readonly period?: string;
  /** The row's measures (null: not given), when asked for (`tapValues`): as the fold would add them. */
  readonly values?: readonly (number | null)[];
}

export interface TypedRowsOptions {
  readonly file: string;
  readonly src: number;
  readonly wants: ColumnWants;
  readonly rule: 'refuse' | 'sum';
  readonly forcedLocale?: NumberLocale;
  readonly allowOverCoverage: boolean;
  /** Derive a kanwil key from the province when the file has no kanwil column. */
  readonly deriveKanwil: boolean;
  /** Name a cell for messages (xlsx: Sheet!B7). */
  readonly place: (line: number, column?: number) => Pick<Diagnostic, 'file' | 'line' | 'column'>;
  /** CSV and xlsx announce all columns before the first row; JSON announces them as they come. */
  readonly columnsUpFront: boolean;
  readonly required: readonly { column: string; why: string; whyId: string }[];
  /** --header-row, which applies to every CSV and workbook of the run: a missing column's hint names it. */
  readonly headerRow?: number;
  /** Where the rows go (the load's groups); absent when rows are read a second time (`tap`). */
  readonly fold?: FileFold;
  /** The participant ids of the load. */
  readonly ids?: IdLedger;
  /** The rows of the load's counts files (count-rows.ts): a key twice in one file is refused. */
  readonly countRows?: CountRows;

  /** Can the source be read again (a regular file)? Else the checks keep places (see key-sets.ts). */
  readonly rereadable?: boolean;
  /** Rows read a second time go here instead of the fold, with their full keys. */
  readonly tap?: (row: TappedRow) => void;
  /** Give the tapped rows their measures too (io/overflow-row.ts). */
  readonly tapValues?: boolean;

}

interface Col {
  readonly name: string;
  readonly canonical: string;
  readonly role: ColumnRole;
  readonly place: CellPlace;
  /** Index into the shape (dim or measure), or −1. */
  readonly target: number;
  /** Data rows seen before this column was announced (JSON). */
  readonly firstRow: number;
}

/** How a file's columns are read, made once its columns are known (and again when JSON brings one). */
interface Plan {
  readonly cols: number;
  readonly level: number;
  readonly unnamed: readonly number[];
  readonly provinceCode: number;
  readonly provinceName: number;
  readonly regencyCode: number;
  readonly regencyName: number;
  /** Other keys: column, dimension, its domain. */
  readonly keys: readonly { readonly col: number; readonly dim: number; readonly name: string; readonly kind: KeyKind; readonly resolve: (raw: string) => Resolved }[];
  readonly participantId: number;
  /** The employer id column (an employer extract), or −1. */
  readonly employerId: number;
  /** Rows compared by their whole text (an employer extract, counts read as an extract): TypedRows.wholeRows. */
  readonly wholeRows: boolean;
  /** The columns in the order of their names (the whole-row text). */
  readonly rowOrder: readonly number[];
  /** Counts: `rowOrder` split into the key cells' columns and the counts' (numbers). */
  readonly keyOrder: readonly number[];
  readonly countOrder: readonly number[];
  readonly numbers: readonly { readonly col: number; readonly role: 'measure' | 'part' | 'percent'; readonly kind: 'count' | 'number' | 'percent'; readonly measure: number; readonly segment?: string }[];
  readonly participants: number;
  readonly hasParticipantsColumn: boolean;
  readonly participantsColumn: number;
  readonly denominators: readonly { readonly name: string; readonly measure: number }[];
  /**
   * The measures of the file's denominator columns the run does not read (ColumnWants.divides): a blank
   * there is no figure, a 0 is not refused, and neither is compared with participants (rv27 F7).
   */
  readonly spare: ReadonlySet<number>;
  readonly parts: boolean;
  readonly kanwil: boolean;
  /** The kanwil column among `keys` (checked against each row's province), or −1. */
  readonly kanwilKey: number;
  readonly period: number;
  /** The row's `estimated` column (which of its figures are estimates; core/estimates.ts), or −1. */
  readonly estimated: number;
}

/**
 * TypedRows.quickRow on or off, and the rows it has read (tests compare the two ways on the same files,
 * and check that the quick one was taken).
 */
export const QUICK_ROWS = { on: true, read: 0 };

/**
 * How TypedRows.quickRow reads a file's ordinary rows: made once its columns are known, for files whose
 * columns are keys and measures only (no level, status, id, estimate, segment part or percentage column).
 */
interface QuickPlan {
  /** Has the file a province (a regency) column? */
  readonly province: boolean;
  readonly regency: boolean;
  /** The measure columns, and the measure of each. */
  readonly numberCols: Int32Array;
  readonly numberMeasures: Int32Array;
  /** Are participants compared with each denominator (the measures of `denominators`)? */
  readonly over: boolean;
  readonly denominators: Int32Array;
  /** TypedRows.segmentDenominators applies (the rule refuses repeated rows and there are denominators). */
  readonly segments: boolean;
  /** A row without participants counts one (an extract without a count column). */
  readonly oneParticipant: boolean;
}

/** At most this many spare-column problems kept per file (TypedRows.spareGaps): more than --max-errors lists. */
const SPARE_GAPS = 1000;

/** A row let through by a documented exception (data/exceptions.csv): participants above a denominator. */
export interface ExceptedRow {
  readonly line: number;
  /** The place's column of the row's participants (an xlsx note names that cell). */
  readonly column?: number;
  readonly exception: OverCoverageException;
  readonly measure: string;
  readonly participants: number;
  readonly denominator: number;
}

/** A total row: left out of the groups, checked against them when the file ends. */
export interface TotalRow {
  readonly line: number;
  readonly label: string;
  readonly kind: 'grand' | 'sub';
  /** The row's other keys (not empty, not a total label), by dimension. */
  readonly scope: ReadonlyMap<number, string>;
  readonly values: readonly (number | null)[];
  /** Where the row's total label is (its place's column: an xlsx sheet column names the cell). */
  readonly column: number;
  /** Per measure, the place's column of the row's cell of it (an xlsx refusal names that cell). */
  readonly columns?: readonly (number | undefined)[];
  /** Set when the file ends: whether it could be checked (a grand total whose keys the groups keep). */
  checked?: boolean;
  /** The tool's own row (its `level` column): 'total' totals every row, 'subtotal' the rows of its scope. */
  readonly own?: 'total' | 'subtotal';
  /** A Kanwil's row with its province cell blank (kanwilTotal): the province column's name and that cell's column. */
  readonly blankProvince?: { readonly field: string; readonly column: number | undefined };
  /** A wide file's segment columns (participants_pu …) on the row: each checked against its rows' segment (rv31 V2); null: blank. */
  readonly parts?: readonly { readonly segment: string; readonly name: string; readonly value: number | null; readonly column: number | undefined }[];
  /**
   * A subtotal whose words name a regional office or a province ("Total Kanwil Sulawesi Maluku", "Jumlah
   * Provinsi Gorontalo"): the rows it totals are those whose key in `dim` (the province) is one of `keys`,
   * and it is checked against them as a grand total is (rv28 R10).
   */
  readonly within?: {
    readonly dim: number;
    readonly keys: ReadonlySet<string>;
    readonly area: string;
    /**
     * A province's bare name that begins other provinces' names ("Jumlah Maluku": Maluku and Maluku Utara;
     * "Jumlah Papua": the provinces formed from Papua): the group a recap may mean by it. The total is
     * checked against the province's rows, or against this group's when it matches them; matching neither, it is
     * left out unchecked (rv30 T4).
     */
    readonly group?: ReadonlySet<string>;
  };
}

/** A check of a row that waits for the file's locale (a cell of it reads differently in the two). */
interface Deferred {
  readonly kind: 'segments' | 'over' | 'coverage';
  readonly line: number;
  readonly column: number | undefined;
  /** segments: the sum of the segment columns; over, coverage: participants (Indonesian, English reading). */
  readonly a: readonly [number, number];
  /** segments: participants; over: the denominator; coverage: unused. */
  readonly b: readonly [number, number];
  readonly measure?: string;
  /** coverage: the row's denominators, each in both readings (0 when the row has none). */
  readonly dens?: readonly (readonly [number, number])[];
  /** coverage: the stated coverage as a fraction and as written, in both readings. */
  readonly stated?: readonly [readonly [number, number], readonly [number, number]];
  /** coverage: the cell had a `%`. */
  readonly signed?: boolean;
}

/** A province's or Kanwil's own row refused for 0 participants: its keys, the problem and its words (TypedRows). */
export interface ZeroParticipants {
  readonly keys: readonly (string | null)[];
  readonly raw: Extract<InputProblem, { code: 'zero-area-participants' }>;
  readonly place: Pick<Problem, 'file' | 'line' | 'column'>;
  readonly problem: Problem;
}

export class TypedRows implements RowSink {
  readonly cols: Col[] = [];
  readonly policy: LocalePolicy;
  rowsRead = 0;
  blankLines = 0;
  /** The forms the file's participant ids are written in (extract/tables.ts ID_NUMBER…), as bits. */
  idForms = 0;
  readonly totals: TotalRow[] = [];
  /**
   * The tool's own grand Total rows that give a target (level total, or a subtotal split by month or year
   * only: a months file's Total of each month): 'estimated' when one of them marks its target an estimate,
   * else 'given' (a breakdown's Total target is the total it was given, never marked); undefined: none.
   * coverage --targets marks its Total's target as the file's own Total row does (rv34 R9).
   */
  totalTarget: 'given' | 'estimated' | undefined;
  /**
   * Province or Kanwil rows refused for 0 participants, with their keys: the load words them again with
   * the area's figure of the month before when its files have it (load.ts).
   */
  readonly zeroParticipants: ZeroParticipants[] = [];
  /** Rows whose participants exceed a denominator, let through by a documented exception (said in a note). */
  readonly excepted: ExceptedRow[] = [];
  /** Rows whose own coverage column disagrees with participants ÷ denominator (said in a warning). */
  /** Counts read as the whole number of their float rounding noise (500.00000000000006 as 500): how many, and the first (said in a note). */
  noise?: { cells: number; first: { readonly line: number; readonly column: number | undefined; readonly stored: number; readonly whole: number } } | undefined;

  private noisy(stored: number, whole: number, line: number, column: number | undefined): void {
    if (this.noise) this.noise.cells++;
    else this.noise = { cells: 1, first: { line, column, stored, whole } };
  }

  /** The file's own coverage column against the counts, its scale decided once (rv35 D10). */
  readonly coverage = new CoverageColumn();
  /**
   * What a denominator column the run may not divide by (Plan.spare) would have been refused for — a
   * blank, a 0 on an area's own row, participants above its 0 — by column, each at its cell (up to
   * SPARE_GAPS): the run's denominator is chosen over all its files (and --previous, --workforce) only
   * after they are read, and the files whose spare column it is are refused then (app/read.ts
   * refuseSpareGaps; rv29 S1), as they were before rv27 F7.
   */
  get spareGaps(): readonly { readonly measure: string; readonly problem: Problem }[] {
    // A column blank on every row of the file is a column the file does not give (an export that writes
    // all its columns): not refused at its cells (rv30 T1); the run reads the file as without it (the
    // note "gives employed, not potential_workers"). A blank or 0 among figures stays refused (rv29 S1).
    return this.gaps.filter((g) => this.filled[this.shape.measure(g.measure)] === 1);
  }
  private readonly gaps: { readonly measure: string; readonly problem: Problem }[] = [];
  private spareGap(measure: number, p: InputProblem, line: number, column?: number): void {
    if (this.gaps.length < SPARE_GAPS) this.gaps.push({ measure: this.shape.measures[measure]!.name, problem: inputProblem(p, this.o.place(line, column)) });
  }
  private plan: Plan | undefined;
  private contradictionReported = false;
  private checkedRequired = false;
  private levelSkipped: number | undefined;
  private levelIsData = false;
  private firstLine: number | undefined;
  private readonly byCanonical = new Map<string, number>();
  /** While a group of an extract's rows is read at once (the fast path): how many rows it stands for. */
  private groupRows: number | undefined;
  private firstPending: { at: CellRef; id: number; en: number } | undefined;
  private readonly deferred: Deferred[] = [];
  // Per-row buffers, reused.
  private keys: (string | null)[] = [];
  private readonly vals: Float64Array;
  private readonly have: Uint8Array;
  /** By measure: 1 once a cell of its column in the file holds a figure (spareGaps). */
  private readonly filled: Uint8Array;
  private readonly delta: Float64Array;
  private readonly resolved: (Resolved | undefined | null)[] = [];
  private readonly partsId: number[] = [];
  private readonly partsDelta: number[] = [];
  private readonly partsSeg: string[] = [];
  private readonly partsCol: number[] = [];
  // The dimensions a row's province, regency, kanwil and segment keys go to: looked up (and made) the first
  // time a row has one, as before, then kept (dimensions are only ever appended to the shape).
  private provinceDim: number | undefined;
  private regencyDim: number | undefined;
  private kanwilDim: number | undefined;
  private segmentDim: number | undefined;
  /**
   * o.fold and o.columnsUpFront, read for every row: fields of the class, one shape, where the options
   * objects of the load's many readers (data files, targets, inputs) have many and made every row's read
   * of them the engine's generic property lookup.
   */
  private readonly fold: FileFold | undefined;
  private readonly columnsUpFront: boolean;

  constructor(
    private readonly shape: TableShape,
    private readonly domains: KeyDomains,
    private readonly problems: ProblemList,
    private readonly o: TypedRowsOptions,
  ) {
    this.policy = new LocalePolicy(o.forcedLocale);
    this.fold = o.fold;
    this.columnsUpFront = o.columnsUpFront;
    const nm = shape.measures.length;
    this.vals = new Float64Array(nm);
    this.have = new Uint8Array(nm);
    this.filled = new Uint8Array(nm);
    this.delta = new Float64Array(nm);
  }

  private fail(p: InputProblem, line: number, column?: number): void {
    if (NUMBER_FORMAT.has(p.code)) this.numberFormatTrouble = true;
    this.problems.add(inputProblem(p, this.o.place(line, column)));
  }

  /**
   * Participants above the denominator, said when the file ends: a file whose numbers cannot be read
   * (`"2,000"` among Indonesian counts, two number formats) would otherwise say "500 exceed 2" with the
   * very reading it refuses. Such a file's over-coverage is left unsaid; the row is refused all the same.
   */
  private readonly overFails: { readonly p: InputProblem; readonly line: number; readonly column?: number }[] = [];
  private numberFormatTrouble = false;
  private over(p: InputProblem, line: number, column?: number): void {
    this.overFails.push({ p, line, column });
  }

  /**
   * The name of the area whose own row this is — a regency, a province, a Kanwil — when the row is not split
   * further (by segment, sector or another key; a period does not split it) in a regional file; else
   * undefined. Such a row's denominator is the area's workforce, which is never 0 (rv21 I, rv23 F7).
   */
  /** The --targets file's target column (−1: none; −2: not looked for yet). */
  private targetCol = -2;

  private ownArea(plan: Plan, keys: readonly (string | null)[], province: Resolved | undefined, regency: Resolved | undefined, years = false): string | undefined {
    if (this.o.rule !== 'refuse') return undefined;
    for (let k = 0; k < plan.keys.length; k++) {
      const { dim, name } = plan.keys[k]!;
      // (`years`: a targets file's year and from are its months, as period is.)
      if (name !== 'period' && name !== 'kanwil' && !(years && (name === 'year' || name === 'from')) && keys[dim] !== null && keys[dim] !== undefined && keys[dim] !== '') return undefined;
    }
    if (regency && 'key' in regency) return regency.label;
    if (province && 'key' in province) return this.domains.province(province.key)?.name ?? province.label;
    // A Kanwil's own row (a file by Kanwil, no province): an aggregate of provinces, whose 0 is as wrong as
    // a province's (rv23 F9).
    if (plan.kanwilKey >= 0) {
      const k = keys[plan.keys[plan.kanwilKey]!.dim];
      const r = this.resolved[plan.kanwilKey];
      if (k !== null && k !== undefined && k !== '' && k !== DROPPED && r && 'key' in r) return r.label;
    }
    return undefined;
  }

  /**
   * A long file's segment rows, by the area they split (the row's keys but its segment): the first
   * denominator of the first row, whether every other row has the same, their lines. An area whose
   * segment rows (three or more) all carry one denominator carries the area's own figure on each: added up, coverage is
   * over 4 times its workforce (rv28 R15: the `template --segments` file filled with each regency's
   * workforce, 60 % shown as 15 %). Checked when the file ends (segmentDenominatorsRepeated).
   */
  private readonly segmentUnits = new Map<string, { value: number; delta: number; same: boolean; rows: number; lines: number[]; area: string }>();
  private segmentKey = -2;
  private segmentMeasure: { readonly name: string; readonly measure: number } | undefined;

  private segmentDenominators(plan: Plan, keys: readonly (string | null)[], province: Resolved | undefined, regency: Resolved | undefined, line: number, places: readonly (CellPlace | undefined)[]): void {
    if (this.segmentKey === -2) this.segmentKey = plan.keys.find((k) => k.name === 'segment')?.dim ?? -1;
    const sd = this.segmentKey;
    if (sd < 0 || keys[sd] === null || keys[sd] === undefined || keys[sd] === '') return;
    // The first denominator the row gives (workforce, employed, potential workers: a file has one, mostly).
    const d = plan.denominators.find((x) => this.have[x.measure] !== 0);
    if (!d) return;
    this.segmentMeasure ??= d;
    if (d !== this.segmentMeasure) return;
    const value = this.vals[d.measure]!;
    const delta = this.delta[d.measure]!;
    let unit = '';
    for (let k = 0; k < keys.length; k++) if (k !== sd) unit += `${keys[k] ?? ''}\u0000`;
    const col = plan.numbers.find((n) => n.role === 'measure' && n.measure === d.measure)?.col;
    const at = col !== undefined ? (places[col]?.line ?? line) : line;
    const u = this.segmentUnits.get(unit);
    if (!u) {
      const area = regency && 'key' in regency ? regency.label : province && 'key' in province ? (this.domains.province(province.key)?.name ?? province.label) : keys.filter((k, i) => i !== sd && k).join(' / ');
      this.segmentUnits.set(unit, { value, delta, same: true, rows: 1, lines: [at], area });
      return;
    }
    u.rows++;
    if (u.same && (u.value !== value || u.delta !== delta)) u.same = false;
    if (u.same && u.lines.length < 4) u.lines.push(at);
  }

  /** Areas whose segment rows all carry the same denominator (segmentDenominators): refused at the first. */
  private segmentDenominatorsRepeated(plan: Plan): void {
    let first: { value: number; delta: number; rows: number; lines: number[]; area: string } | undefined;
    let repeated = 0;
    let split = 0;
    for (const u of this.segmentUnits.values()) {
      // Three rows or more: two segments of equal size happen in small test files and tiny areas; three
      // or four never do, and the template filled in had four (rv28 R15).
      if (u.rows < 3) continue;
      split++;
      if (!u.same || (u.value === 0 && u.delta === 0)) continue;
      repeated++;
      first ??= u;
    }
    const d = this.segmentMeasure;
    if (!first || !d) return;
    const col = plan.numbers.find((n) => n.role === 'measure' && n.measure === d.measure)?.col;
    const value = this.policy.locale === 'en' ? first.value + first.delta : first.value;
    this.fail({ code: 'segment-denominator-repeated', field: col !== undefined ? this.cols[col]!.name : d.name, measure: d.name, value, area: first.area, rows: first.rows, lines: first.lines, more: repeated - 1, of: split }, first.lines[0]!);
  }

  /**
   * A regency not found in the row's province, found in a province formed out of it by a 2022 split
   * (core/splits.ts): the problem that says so, with the row's month; else undefined.
   */
  private movedBySplit(plan: Plan, cells: readonly (Cell | undefined)[], keys: readonly (string | null)[], province: string): InputProblem | undefined {
    const split = PROVINCE_SPLITS.find((s) => s.province === province);
    if (!split) return undefined;
    const code = plan.regencyCode >= 0 ? text(cells[plan.regencyCode]) : '';
    const name = plan.regencyName >= 0 ? text(cells[plan.regencyName]) : '';
    for (const formed of split.formed) {
      const r = this.domains.resolveRegency(code, name, formed);
      if (!('key' in r)) continue;
      const period = plan.period >= 0 ? keys[plan.period] : undefined;
      const other = name === '' ? this.domains.regencyInOtherSystem(code, province) : undefined;
      return {
        ...(other ? { other: { code: code.trim(), ...other } } : {}),
        code: 'regency-across-split',
        regency: r.label,
        old: this.domains.province(province)?.name ?? province,
        today: this.domains.province(formed)?.name ?? formed,
        law: split.law,
        from: split.from,
        ...(period !== null && period !== undefined && period !== '' && period !== DROPPED ? { period } : {}),
      };
    }
    return undefined;
  }

  /** The column named `denominator` (the tool's own reports'), read as a denominator; or undefined. */
  private generic: number | undefined;
  /** The first column named as a denominator (workforce, employed, potential_workers, --denominator's). */
  private namedDenominator: number | undefined;
  /** What the file says its `denominator` column is (a json report's `meta.denominator`). */
  private declared: { readonly measure: string; readonly name: string; readonly line: number; readonly column: number } | undefined;
  /** Both a `denominator` column and a named one (refused): no row is compared with either (issue 20, F6). */
  private ambiguousDenominator = false;
  /** A report's detail row without a denominator was refused (once for the file). */
  private reportDenominatorBlank = false;

  /** The header a denominator measure is read from, when it is not the measure's name (a report's "denominator"). */
  private denominatorColumn(measure: string): string | undefined {
    const g = this.generic === undefined ? undefined : this.cols[this.generic];
    return g && g.role.kind === 'measure' && g.role.measure === measure && g.name !== measure ? g.name : undefined;
  }

  column(name: string, index: number, place: CellPlace): void {
    if (CONTROL.test(name)) this.fail({ code: 'control-in-header', char: codePoint(name), index }, place.line, place.column);
    let canonical = canonicalColumn(name);
    let role: ColumnRole = canonical === '' ? { kind: 'ignored' } : roleOf(canonical, this.o.wants);
    let ambiguous = false;
    if (canonical === GENERIC_DENOMINATOR && role.kind === 'measure' && role.measure !== GENERIC_DENOMINATOR) {
      // A report's `denominator` column: the denominator its file declares, else the run's (said in a note).
      if (this.declared) role = { ...role, measure: this.declared.measure };
      canonical = role.measure;
      if (this.generic === undefined) this.generic = index;
      ambiguous = this.namedDenominator !== undefined;
      if (ambiguous) this.fail({ code: 'denominator-ambiguous', generic: name, named: this.cols[this.namedDenominator!]!.name }, place.line, place.column);
    } else if (canonical !== '' && this.isDenominatorName(canonical)) {
      this.namedDenominator ??= index;
      ambiguous = this.generic !== undefined;
      if (ambiguous) this.fail({ code: 'denominator-ambiguous', generic: this.cols[this.generic!]!.name, named: name }, place.line, place.column);
    }
    if (ambiguous) this.ambiguousDenominator = true;
    const before = canonical === '' || ambiguous ? undefined : this.byCanonical.get(canonical);
    if (before !== undefined) {
      const other = this.cols[before]!;
      const same = normaliseHeader(other.name) === normaliseHeader(name);
      this.fail(same ? { code: 'column-twice', name, first: before, second: index } : { code: 'columns-same-meaning', first: other.name, firstIndex: before, second: name, secondIndex: index, canonical }, place.line, place.column);
    }
    if (canonical !== '') this.byCanonical.set(canonical, index);
    let target = -1;
    if (role.kind === 'dim') target = this.shape.dim(role.dim, role.keyKind);
    else if (role.kind === 'measure') target = this.shape.measure(role.measure);
    if (role.kind === 'segment-part') this.shape.dim('segment', 'segment');
    this.cols[index] = { name, canonical, role, place, target, firstRow: this.rowsRead };
    this.plan = undefined;
  }

  private isDenominatorName(canonical: string): boolean {
    return DENOMINATORS.includes(canonical) || canonical === this.o.wants.denominator?.measure || canonical === this.declared?.measure;
  }

  /**
   * The file says what its `denominator` column is (a json report's `meta.denominator`, before its rows):
   * that column is then read as this measure, whatever the run's denominator.
   */
  declare(what: 'denominator', value: string, place: CellPlace): void {
    const wanted = this.o.wants.denominator;
    if (!wanted || what !== 'denominator' || this.declared) return;
    const measure = canonicalColumn(value);
    if (measure === '' || measure === GENERIC_DENOMINATOR) return;
    const generic = this.generic !== undefined ? this.cols[this.generic] : undefined;
    if (!(DENOMINATORS.includes(measure) || measure === wanted.measure) || this.shape.measure(measure) < 0 || (wanted.given && measure !== wanted.measure)) {
      this.fail({ code: 'declared-denominator', declared: value, run: wanted.given ? wanted.measure : undefined }, place.line, place.column);
      return;
    }
    if (generic && generic.role.kind === 'measure' && generic.role.measure !== measure) {
      // The rows came first and were read as the run's denominator: too late to read them as another.
      this.fail({ code: 'declared-after-rows', declared: value, column: generic.name, read: generic.role.measure }, place.line, place.column);
      return;
    }
    this.declared = { measure, name: value, line: place.line, column: place.column };
  }

  /** A note when the file's `denominator` column was read as the run's denominator (the file did not say which). */
  denominatorNote(file: string): Note | undefined {
    if (this.generic === undefined || this.declared) return undefined;
    const c = this.cols[this.generic]!;
    const wanted = this.o.wants.denominator!;
    return { code: 'denominator-column', file, column: c.name, measure: c.role.kind === 'measure' ? c.role.measure : wanted.measure, given: wanted.given };
  }

  /** The segments the file has no segment column of (participants_pu …), in SEGMENTS' order. */
  private partsMissing(): string[] {
    return SEGMENTS.filter((g) => !this.cols.some((c) => c?.role.kind === 'segment-part' && c.role.segment === g));
  }

  /** Check the columns once they are known (CSV/xlsx: at the first row; JSON: at the end). */
  private checkColumns(): void {
    if (this.checkedRequired) return;
    this.checkedRequired = true;
    const line = this.cols[0]?.place.line ?? 1;
    for (const req of this.o.required) {
      const present = this.cols.some((c) => c.canonical === req.column || (req.column === 'province' && c.canonical === 'province_code'));
      if (present) continue;
      // A wide file's four segment columns (participants_pu … _pmi) are its participants, added up (rv31 V6);
      // some of them are not: the hint names the others.
      const missing = req.column === 'participants' && this.cols.some((c) => c.role.kind === 'segment-part') ? this.partsMissing() : undefined;
      if (missing?.length === 0) continue;
      // Never an id column (rv35 D5: renaming participant_id to participants would count every id).
      const close = missing ? undefined : suggestColumn(req.column, this.cols.filter((c) => c.role.kind !== 'id').map((c) => c.name));
      this.fail({ code: 'missing-column', column: req.column, why: { en: req.why, id: req.whyId }, close, accepted: [req.column, ...aliasesOf(req.column)].join(', '), ...(this.o.headerRow !== undefined ? { headerRow: this.o.headerRow } : {}), ...(missing ? { partsMissing: missing } : {}) }, line);
    }
    if (this.cols.some((c) => c.role.kind === 'segment-part') && this.cols.some((c) => c.canonical === 'segment')) this.fail({ code: 'two-segment-layouts' }, line);
    // An employer extract counts people only through a participants column: a row is an employer.
    const employer = this.employerColumn();
    const counts = this.cols.some((c) => (c.role.kind === 'measure' && c.role.measure === 'participants') || c.role.kind === 'segment-part');
    if (employer && !counts && this.shape.measure('participants') >= 0) this.fail({ code: 'employer-without-count', column: employer.name }, line);
    // An extract's rows are added up per key: a denominator on them would be added up with them (a
    // province's workforce repeated on each participant's row, 3 × 600,000). Extracts have none of their
    // own; the denominator comes from --workforce (or the bundled baseline).
    if (this.o.rule === 'sum') {
      const kind = this.hasParticipantId() ? 'participant' : employer ? 'employer' : 'counts';
      for (const c of this.cols) {
        if (c && c.role.kind === 'measure' && this.isDenominatorName(c.role.measure)) this.fail({ code: 'extract-denominator', column: c.name, kind }, c.place.line, c.place.column);
      }
      this.checkExtractColumns(line);
    }
  }

  /**
   * What a row of an extract is, from its columns, where the columns leave a doubt (rv17 F2–F4, F6): a
   * count column beside a participant id (an employer's headcount from a join, added up once per
   * participant), no id and no count column but columns not read (a count or an id under another name,
   * which would make each row one participant, unchecked), membership spells (a start and an end date:
   * every spell would count, ended or not yet begun). Each is refused: the tool cannot tell which reading
   * is meant, and each wrong one gives a plausible number.
   */
  private checkExtractColumns(line: number): void {
    const id = this.cols.find((c) => c && c.role.kind === 'id' && c.role.id === 'participant_id');
    const count = this.cols.find((c) => c && ((c.role.kind === 'measure' && c.role.measure === 'participants') || c.role.kind === 'segment-part'));
    if (id && count) this.fail({ code: 'participant-extract-count', id: id.name, column: count.name }, count.place.line, count.place.column);
    const unread = this.cols.filter((c) => c && c.canonical !== '' && c.role.kind === 'ignored');
    if (!id && !count && !this.employerColumn() && unread.length) {
      const countLike = unread.find((c) => COUNT_LIKE.test(normaliseHeader(c.name)));
      this.fail({ code: 'extract-row-unknown', columns: unread.map((c) => c.name), ...(countLike ? { countLike: countLike.name } : {}) }, line, (countLike ?? unread[0]!).place.column);
    }
    const start = unread.find((c) => membershipDate(c.name) === 'start');
    const end = unread.find((c) => membershipDate(c.name) === 'end');
    // A file with a period column is a month's snapshot (a row per participant per month): its dates say
    // something of each participant (registered, a contract's end), not which months a row counts in; the
    // end date gets the status warning (statusColumns), not a refusal (rv18 F5).
    const period = this.cols.some((c) => c && c.role.kind === 'dim' && (c.role.keyKind === 'period' || c.role.keyKind === 'month'));
    if (start && end && !period) this.fail({ code: 'membership-spells', start: start.name, end: end.name }, end.place.line, end.place.column);
  }

  /**
   * What the rows of this file are (a regional file's, or an extract's kind: words.ts ExtractKind):
   * files of different kinds are not added up in one load (load.ts).
   */
  get kind(): 'regional' | ExtractKind {
    if (this.o.rule === 'refuse') return 'regional';
    if (this.hasParticipantId()) return 'participant';
    if (this.employerColumn()) return 'employer';
    return this.cols.some((c) => c && ((c.role.kind === 'measure' && c.role.measure === 'participants') || c.role.kind === 'segment-part')) ? 'counts' : 'rows';
  }

  /**
   * Are the rows compared by their whole text (the same row twice is refused)? An employer extract's and
   * counts' (rv17 F5): neither can hold the same row twice (an employer's rows differ in some column; a
   * GROUP BY has each key once). Such files are read row by row, never by the fast paths.
   */
  get wholeRows(): boolean {
    const k = this.kind;
    return k === 'employer' || k === 'counts';
  }

  /** Does the file have a participant id column (a per-participant extract)? */
  private hasParticipantId(): boolean {
    return this.cols.some((c) => c && c.role.kind === 'id' && c.role.id === 'participant_id');
  }

  /**
   * The employer id column of an employer extract (its rows are employers), also when a report is by it
   * (--by npp); none in a per-participant extract, where an employer column is only a column of the row.
   */
  private employerColumn(): Col | undefined {
    return this.hasParticipantId() ? undefined : this.cols.find((c) => c && c.canonical === 'employer_id');
  }

  /** Named columns that are neither keys nor measures (a hint names them when rows collide). */
  get ignoredColumns(): string[] {
    const participant = this.hasParticipantId();
    return this.cols.filter((c) => c && c.canonical !== '' && (c.role.kind === 'ignored' || (participant && c.role.kind === 'id' && c.role.id === 'employer_id'))).map((c) => c.name);
  }

  /**
   * An extract's columns whose name says a participant's status (status, aktif, is_active…) or the end of
   * a membership (tgl_keluar, end_date): not read, so every row counts, inactive or not. Their values are tallied for a warning (statusNotes).
   */
  get statusColumns(): number[] {
    if (this.o.rule !== 'sum') return [];
    const out: number[] = [];
    this.cols.forEach((c, i) => {
      // (A column that says when a membership ends, too: `tgl_keluar`, `end_date`, rv17 F3.)
      if (c && c.role.kind === 'ignored' && c.canonical !== '' && (saysStatus(c.name) || membershipDate(c.name) === 'end')) out.push(i);
    });
    return out;
  }

  /** Per status column: rows by value, the first STATUS_VALUES values; the rows of the others. */
  private status: { readonly col: number; readonly values: Map<string, number>; other: number }[] | undefined;

  private tallyStatus(cells: readonly (Cell | undefined)[]): void {
    const rows = this.groupRows ?? 1;
    for (const s of this.status!) {
      const v = cells[s.col];
      const t = v === null || v === undefined ? '' : String(v).trim();
      const n = s.values.get(t);
      if (n !== undefined) s.values.set(t, n + rows);
      else if (s.values.size < STATUS_VALUES) s.values.set(t, rows);
      else s.other += rows;
    }
  }

  /** A warning for each status column of an extract (kept by --quiet: it changes what the count means). */
  statusNotes(file: string): Note[] {
    return (this.status ?? []).map((s) => ({ code: 'status-column', file, column: this.cols[s.col]!.name, values: [...s.values].map(([value, rows]) => ({ value, rows })), otherRows: s.other, perParticipant: this.hasParticipantId() }));
  }

  /** The first period cell written as a date, and the first on the 1st of a month (rv17 F11). */
  private dates: { example: string; month: string; firstDay?: { example: string; month: string } } | undefined;
  /** The first period cell written with a month's name ("Juni 2026", "Jun-26": rv31 V8). */
  private periodNamed: { example: string; month: string } | undefined;

  private periodDate(raw: string, month: string, date: 'first' | 'other' | 'name'): void {
    if (date === 'name') {
      if (!this.o.tap) this.periodNamed ??= { example: raw.trim(), month };
      return;
    }
    if (this.o.tap || (this.dates && (this.dates.firstDay || date !== 'first'))) return;
    this.dates ??= { example: raw.trim(), month };
    if (date === 'first') this.dates.firstDay ??= { example: raw.trim(), month };
  }

  /**
   * Notes on what the file's rows were taken to be: an extract without participant ids (every row one
   * participant, none checked for repeats: rv17 F6), period cells that are dates (each taken as its
   * month: rv17 F11).
   */
  shapeNotes(file: string): Note[] {
    const out: Note[] = [];
    if (this.kind === 'rows') out.push({ code: 'no-participant-id', file });
    const d = this.dates;
    if (d) out.push({ code: 'period-dates', file, example: d.example, month: d.month, ...(d.firstDay ? { firstDay: d.firstDay } : {}) });
    if (this.periodNamed) out.push({ code: 'period-names', file, example: this.periodNamed.example, month: this.periodNamed.month });
    return out;
  }

  /** The participant id column's name, if the file has one. */
  get idColumn(): string | undefined {
    return this.cols.find((c) => c && c.role.kind === 'id' && c.role.id === 'participant_id')?.name;
  }

  /** Does the load read column `index` (its role is not `ignored`: see RowSink.reads)? */
  reads(index: number): boolean {
    const c = this.cols[index];
    return c === undefined || c.canonical === '' || c.role.kind !== 'ignored';
  }

  get rule(): 'refuse' | 'sum' {
    return this.o.rule;
  }

  blank(): void {
    this.blankLines++;
  }

  private compile(): Plan {
    const cols = this.cols;
    let level = -1;
    const unnamed: number[] = [];
    let provinceCode = -1;
    let provinceName = -1;
    let regencyCode = -1;
    let regencyName = -1;
    let participantId = -1;
    let employerId = -1;
    let estimated = -1;
    const keys: Plan['keys'][number][] = [];
    const numbers: Plan['numbers'][number][] = [];
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      if (!c) continue;
      const role = c.role;
      if (c.canonical === '') unnamed.push(i);
      if (role.kind === 'level' && level < 0) level = i;
      else if (role.kind === 'estimated') estimated = i;
      else if (role.kind === 'dim') {
        if (role.keyKind === 'province') {
          if (role.part === 'code') provinceCode = i;
          else provinceName = i;
        } else if (role.keyKind === 'regency') {
          if (role.part === 'code') regencyCode = i;
          else regencyName = i;
        } else keys.push({ col: i, dim: c.target, name: role.dim, kind: role.keyKind, resolve: this.domains.resolver(role.dim, role.keyKind) });
      } else if (role.kind === 'id') {
        if (role.id === 'participant_id') participantId = i;
      } else if (role.kind === 'measure') numbers.push({ col: i, role: 'measure', kind: role.measureKind === 'count' ? 'count' : 'number', measure: c.target });
      else if (role.kind === 'segment-part') numbers.push({ col: i, role: 'part', kind: 'count', measure: -1, segment: role.segment });
      else if (role.kind === 'percent') numbers.push({ col: i, role: 'percent', kind: 'percent', measure: -1 });
    }
    // The employer of an employer extract (a key too, when the report is by it); in a participant extract
    // an employer column is not read.
    const employer = this.employerColumn();
    if (employer) employerId = cols.indexOf(employer);
    const status = this.statusColumns;
    if (status.length && !this.o.tap) this.status ??= status.map((col) => ({ col, values: new Map<string, number>(), other: 0 }));
    const participants = this.shape.measure('participants');
    const participantsColumn = cols.findIndex((c) => c?.canonical === 'participants');
    const rowOrder = cols.map((c, i) => [c ? normaliseHeader(c.canonical || c.name) : '', i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])).map(([, i]) => i);
    const plan: Plan = {
      cols: cols.length,
      level,
      unnamed,
      provinceCode,
      provinceName,
      regencyCode,
      regencyName,
      keys,
      participantId,
      employerId,
      wholeRows: this.wholeRows,
      rowOrder,
      // An employer extract's employer first: the load names it from the key's text (CountRows.key).
      keyOrder: rowOrder.filter((i) => !numbers.some((n) => n.col === i)).sort((a, b) => (a === employerId ? -1 : b === employerId ? 1 : 0)),
      countOrder: rowOrder.filter((i) => numbers.some((n) => n.col === i)),
      numbers,
      participants,
      hasParticipantsColumn: participantsColumn >= 0,
      participantsColumn,
      denominators: DENOMINATORS.map((name) => ({ name, measure: this.shape.measure(name) })).filter((d) => d.measure >= 0),
      spare: this.spareDenominators(),
      parts: numbers.some((n) => n.role === 'part'),
      kanwil: this.o.deriveKanwil && !cols.some((x) => x?.canonical === 'kanwil'),
      kanwilKey: keys.findIndex((k) => k.name === 'kanwil'),
      period: this.shape.dims.findIndex((d) => d.name === 'period'),
      estimated,
    };
    this.plan = plan;
    this.quick = this.quickOf(plan);
    return plan;
  }

  /**
   * The file's denominator columns the run does not read: not the one it divides by (named, or else the
   * first of DENOMINATORS the file has, as chooseDenominator takes it), nor one its rule reads.
   */
  private spareDenominators(): Set<number> {
    const w = this.o.wants;
    const present = DENOMINATORS.filter((name) => this.cols.some((c) => c?.role.kind === 'measure' && c.role.measure === name));
    const read = new Set([...(w.divides ?? present.slice(0, 1)), ...(w.uses ?? [])]);
    const out = new Set<number>();
    for (const name of present) if (!read.has(name)) out.add(this.shape.measure(name));
    return out;
  }

  /**
   * The rows of an extract that share every key text, added up already (src/io/fast-extract.ts): one
   * row whose counts are the sums, and which stands for `rows` rows. The participant id was checked by
   * the engine, so its cell is not read.
   */
  group(cells: readonly string[], line: number, rows: number, dropped?: ReadonlySet<number>): void {
    this.groupRows = rows;
    this.dropped = dropped;
    try {
      this.row(cells, line, []);
    } finally {
      this.groupRows = undefined;
      this.dropped = undefined;
    }
    this.rowsRead += rows - 1;
  }

  /**
   * Do the texts of key column `col` resolve to keys, none a total row's, no two to the same key? (The
   * fast path asks it of a column the engine did not group by.)
   */
  distinctKeys(col: number, texts: readonly string[]): boolean {
    const c = this.cols[col];
    if (!c || c.role.kind !== 'dim' || c.role.keyKind === 'province' || c.role.keyKind === 'regency') return false;
    const resolve = this.domains.resolver(c.role.dim, c.role.keyKind);
    const keys = new Set<string>();
    for (const t of texts) {
      const r = resolve(t);
      if (!('key' in r) || r.total || keys.has(r.key)) return false;
      keys.add(r.key);
    }
    return true;
  }

  /** In a group (the fast path): key columns the engine did not group by (their cells are empty). */
  private dropped: ReadonlySet<number> | undefined;
  /** A group (the fast path) whose keys are a total row's: the file must be read row by row. */
  totalInGroup = false;

  row(cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], clean?: boolean, refused?: readonly number[]): void {
    if (this.firstLine === undefined) this.firstLine = line;
    this.rowsRead++;
    if (this.columnsUpFront && !this.checkedRequired) this.checkColumns();
    const plan = this.plan ?? this.compile();
    const quick = this.quick;
    if (quick !== undefined && (refused === undefined || refused.length === 0) && this.groupRows === undefined && this.quickRow(quick, plan, cells, line, places, clean === true)) return;
    this.anyRow(plan, cells, line, places, clean, refused);
  }

  /**
   * An ordinary row by the file's quick plan (QuickPlan): true when it was read and added; false, having
   * changed nothing the general path would not do again, when it needs the general path (anything but
   * known keys and plain whole numbers with participants below every denominator).
   */
  private quickRow(q: QuickPlan, plan: Plan, cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], clean: boolean): boolean {
    if (!clean) {
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i];
        if (typeof v === 'string' && hasControl(v)) return false;
      }
    }
    const keys = this.keys;
    const nd = this.shape.dims.length;
    if (keys.length !== nd) keys.length = nd;
    for (let d = 0; d < nd; d++) keys[d] = null;
    const resolved = this.resolved;
    const pk = plan.keys;
    for (let k = 0; k < pk.length; k++) {
      const key = pk[k]!;
      const v = cells[key.col];
      if (typeof v !== 'string') return false;
      const r = key.resolve(v);
      if (r.total !== undefined || r.date !== undefined || !('key' in r)) return false;
      resolved[k] = r;
      keys[key.dim] = r.key;
    }
    let provinceKey: string | undefined;
    let province: Resolved | undefined;
    if (q.province) {
      province = this.domains.resolveProvince(plan.provinceCode >= 0 ? text(cells[plan.provinceCode]) : '', plan.provinceName >= 0 ? text(cells[plan.provinceName]) : '');
      if (province.total !== undefined || !('key' in province)) return false;
      provinceKey = province.key;
    }
    let regency: (Resolved & { province?: string }) | undefined;
    if (q.regency) {
      regency = this.domains.resolveRegency(plan.regencyCode >= 0 ? text(cells[plan.regencyCode]) : '', plan.regencyName >= 0 ? text(cells[plan.regencyName]) : '', provinceKey);
      if (regency.total !== undefined || !('key' in regency)) return false;
      if (province === undefined) provinceKey = regency.province;
    }
    // Numbers: plain digits (or a JSON or workbook number that is a whole count), none 0.
    const vals = this.vals;
    const have = this.have;
    const delta = this.delta;
    for (let m = 0; m < have.length; m++) have[m] = 0;
    const cols = q.numberCols;
    const measures = q.numberMeasures;
    for (let x = 0; x < cols.length; x++) {
      const v = cells[cols[x]!];
      let n: number;
      if (typeof v === 'string') n = plainDigits(v);
      else if (typeof v === 'number' && Number.isSafeInteger(v)) n = v;
      else return false;
      if (n <= 0) return false;
      const m = measures[x]!;
      vals[m] = n;
      delta[m] = 0;
      have[m] = 1;
    }
    // Participants above a denominator of the row: the general path words it (or lets an exception through).
    const p = plan.participants;
    if (q.over && have[p] !== 0) {
      const dens = q.denominators;
      for (let x = 0; x < dens.length; x++) {
        const d = dens[x]!;
        if (have[d] !== 0 && vals[p]! > vals[d]!) return false;
      }
    }
    // The row is read: from here on as the general path does it, in its order.
    for (let k = 0; k < pk.length; k++) this.remember(pk[k]!.dim, keys[pk[k]!.dim]!, (resolved[k] as { label: string }).label);
    if (regency !== undefined && 'key' in regency) {
      const d = (this.regencyDim ??= this.shape.dim('regency', 'regency'));
      if (d >= keys.length) keys.length = d + 1;
      keys[d] = regency.key;
      this.remember(d, regency.key, regency.label);
    }
    if (provinceKey !== undefined) this.placeProvince(keys, provinceKey, plan.kanwil);
    for (let x = 0; x < measures.length; x++) this.filled[measures[x]!] = 1;
    // (Not called for a file without a segment column, once that is known: segmentKey -1.)
    if (q.segments && this.segmentKey !== -1) this.segmentDenominators(plan, keys, province, regency, line, places);
    if (q.oneParticipant && have[p] === 0) {
      vals[p] = 1;
      have[p] = 1;
    }
    const fold = this.fold!;
    const repeats = fold.repeatedRows;
    const g = fold.add(keys, vals, have, delta, line, true, undefined);
    if (g < 0) this.overflow(-1 - g, line);
    else if (fold.repeatedRows !== repeats) this.named(plan);
    QUICK_ROWS.read++;
    return true;
  }

  /** Which files read their ordinary rows by quickRow, and how (made with the plan); undefined: none. */
  private quick: QuickPlan | undefined;

  private quickOf(plan: Plan): QuickPlan | undefined {
    const w = this.o.wants;
    if (!QUICK_ROWS.on || !this.fold || this.o.tap || this.status || plan.level >= 0 || plan.unnamed.length || plan.wholeRows || plan.participantId >= 0 || plan.estimated >= 0 || plan.parts || plan.kanwilKey >= 0 || w.optionalDims !== undefined || w.blankDims !== undefined) return undefined;
    // (A denominator the run does not divide by reads as any other while its cells hold figures above 0.)
    if (plan.numbers.some((n) => n.role !== 'measure')) return undefined;
    const p = plan.participants;
    return {
      province: plan.provinceCode >= 0 || plan.provinceName >= 0,
      regency: plan.regencyCode >= 0 || plan.regencyName >= 0,
      numberCols: Int32Array.from(plan.numbers, (n) => n.col),
      numberMeasures: Int32Array.from(plan.numbers, (n) => n.measure),
      over: p >= 0 && !this.o.allowOverCoverage && !this.ambiguousDenominator,
      denominators: Int32Array.from(plan.denominators, (d) => d.measure),
      segments: this.o.rule === 'refuse' && plan.denominators.length > 0,
      oneParticipant: this.o.rule === 'sum' && p >= 0 && !plan.hasParticipantsColumn,
    };
  }

  private anyRow(plan: Plan, cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], clean?: boolean, refused?: readonly number[]): void {
    // Cells the reader refused (and said) are bad already: the row is refused, and they get no second
    // problem below (one bad cell, one problem: issue 20, F5).
    const said = refused !== undefined && refused.length > 0 ? refused : undefined;
    let ok = true;
    // Cells: control characters anywhere (unless the reader found none in the text the row came from),
    // the tool's own level rows, values without a column name.
    if (clean !== true) {
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i];
        if (typeof v === 'string' && hasControl(v)) {
          ok = false;
          this.fail({ code: 'control-in-field', char: codePoint(v), field: this.cols[i]?.name ?? String(i + 1) }, places[i]?.line ?? line, places[i]?.column);
        }
      }
    }
    if (plan.level >= 0 && !this.levelIsData) {
      const v = cells[plan.level];
      const lv = typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
      if (lv === 'subtotal' || lv === 'total') {
        this.levelSkipped ??= line;
        // The tool's own total (every row of the file) and subtotals: checked against the rows, as a
        // user's "Total" row is (a report cut by --top keeps the total of every row: issue 20, F1).
        this.ownTotalRow(plan, cells, line, places, lv === 'total' ? 'total' : 'subtotal');
        return;
      }
      if (lv !== '' && lv !== 'detail') {
        if (this.levelSkipped !== undefined) {
          ok = false;
          this.fail({ code: 'level-after-tool-rows', field: this.cols[plan.level]!.name, value: lv, firstLine: this.levelSkipped }, places[plan.level]?.line ?? line, places[plan.level]?.column);
        }
        this.levelIsData = true;
      }
    }
    for (const i of plan.unnamed) {
      const v = cells[i];
      if (v !== null && v !== undefined && String(v).trim() !== '') {
        ok = false;
        this.fail({ code: 'unnamed-column', index: i, value: String(v).trim() }, places[i]?.line ?? line, places[i]?.column);
      }
    }
    if (!ok) return;
    if (this.status) this.tallyStatus(cells);

    // Keys: resolved first, so that a total row is known before its blank key cells are refused.
    const nd = this.shape.dims.length;
    const keys = this.keys;
    if (keys.length !== nd) keys.length = nd;
    for (let d = 0; d < nd; d++) keys[d] = null;
    const resolved = this.resolved;
    let total: { label: string; kind: 'grand' | 'sub'; col: number; blankProvince?: number } | undefined;
    for (let k = 0; k < plan.keys.length; k++) {
      const { col, dim, resolve } = plan.keys[k]!;
      if (this.dropped?.has(col)) {
        // Not grouped by (the engine checked and will report its texts): present, but no key.
        keys[dim] = DROPPED;
        resolved[k] = null;
        continue;
      }
      if (said?.includes(col)) {
        resolved[k] = null;
        continue;
      }
      const v = cells[col];
      if (v === undefined) {
        resolved[k] = undefined;
        continue;
      }
      const raw = typeof v === 'string' ? v : v === null ? '' : String(v);
      // An optional key left empty is its own value '' ("none": the original target, not a revision),
      // never a wildcard that would make it overlap the rows that have one.
      if (this.o.wants.optionalDims !== undefined && raw.trim() === '' && this.o.wants.optionalDims.includes(plan.keys[k]!.name)) {
        keys[dim] = '';
        resolved[k] = null;
        continue;
      }
      if (this.o.wants.blankDims !== undefined && raw.trim() === '' && this.o.wants.blankDims.includes(plan.keys[k]!.name)) {
        resolved[k] = null;
        continue;
      }
      const r = resolve(raw);
      resolved[k] = r;
      if (r.total && !total) total = { label: String(v).trim(), kind: r.total, col };
      if ('key' in r) {
        keys[dim] = r.key;
        if (r.date !== undefined && dim === plan.period) this.periodDate(raw, r.key, r.date);
      }
    }
    let province: Resolved | undefined;
    // A province or regency cell the reader refused: not looked up (its problem is said).
    const placeSaid = said !== undefined && (said.includes(plan.provinceCode) || said.includes(plan.provinceName) || said.includes(plan.regencyCode) || said.includes(plan.regencyName));
    if (!placeSaid && (plan.provinceCode >= 0 || plan.provinceName >= 0)) {
      // (cells[-1] is a slow lookup of a property named "-1": a column the file lacks is read as '' here.)
      province = this.domains.resolveProvince(plan.provinceCode >= 0 ? text(cells[plan.provinceCode]) : '', plan.provinceName >= 0 ? text(cells[plan.provinceName]) : '');
      if (province.total && !total) total = labelled(cells, plan.provinceName, plan.provinceCode, province.total);
    }
    let regency: (Resolved & { province?: string }) | undefined;
    if (!placeSaid && (plan.regencyCode >= 0 || plan.regencyName >= 0)) {
      regency = this.domains.resolveRegency(plan.regencyCode >= 0 ? text(cells[plan.regencyCode]) : '', plan.regencyName >= 0 ? text(cells[plan.regencyName]) : '', province && 'key' in province ? province.key : undefined);
      if (regency.total && !total) total = labelled(cells, plan.regencyName, plan.regencyCode, regency.total);
    }
    // A Kanwil's row with its province cell blank (and no regency), in a file of kanwil and province
    // columns: the Kanwil's total row, as a pivot table writes it; checked against its provinces' rows as
    // "Total Kanwil Sulawesi Maluku" is (rv31 V13), never "the province is empty".
    if (!total && province && !('key' in province) && (!regency || !('key' in regency)) && plan.provinceName + plan.provinceCode > -2 && text(cells[plan.provinceName]).trim() === '' && text(cells[plan.provinceCode]).trim() === '') total = this.kanwilTotal(plan, cells, resolved);
    // A row with a participant id is one person, never a total: its key is refused as unknown below.
    if (total && plan.participantId >= 0) total = undefined;
    if (total && this.groupRows !== undefined) {
      this.totalInGroup = true;
      return;
    }
    // (A total row with a refused cell is not checked: the file is refused for that cell.)
    if (total) return said ? undefined : this.totalRow(plan, cells, line, places, total, province, regency);
    for (let k = 0; k < plan.keys.length; k++) {
      const { col } = plan.keys[k]!;
      const r = resolved[k];
      if (r === null) continue;
      if (r === undefined) {
        ok = false;
        this.fail({ code: 'row-lacks-key', field: this.cols[col]!.name }, (places[col]?.line ?? line), places[col]?.column);
      } else if (!('key' in r)) {
        ok = false;
        this.problems.add({ ...this.o.place((places[col]?.line ?? line), places[col]?.column), code: 'bad-key', message: r.message, hint: r.hint, id: r.id });
      } else this.remember(plan.keys[k]!.dim, r.key, r.label);
    }

    // An employer extract: an employer may have several rows (by regency, by segment), but the same row
    // twice, every cell alike, is a repeated export that would count its participants twice, and the
    // employer's key twice with other counts (a corrected row added below the old one) would be added up.
    // Counts per key read as an extract (no id), likewise: a GROUP BY writes each key once (rv17 F5,
    // rv35 D2). The rows are kept compactly, their keys compared across the files by the load
    // (count-rows.ts); the cells are taken in the order of their column names, so that two files with the
    // columns in another order (a CSV and a Parquet export of one query) compare row for row.
    if (plan.wholeRows && this.groupRows === undefined && !this.o.tap && this.o.countRows) {
      if (!this.countsRow(plan, cells, places, line)) ok = false;
    }

    // The participant id.
    let participantId: string | undefined;
    if (plan.participantId >= 0 && this.groupRows === undefined && !said?.includes(plan.participantId)) {
      const v = cells[plan.participantId];
      const t = v === null || v === undefined ? '' : String(v).trim();
      if (t === '') {
        ok = false;
        this.fail({ code: 'empty-participant-id' }, (places[plan.participantId]?.line ?? line), places[plan.participantId]?.column);
      } else {
        participantId = t;
        const n = t.length;
        this.idForms |= typeof v === 'number' ? ID_NUMBER : idTextForm(t.charCodeAt(0), n > 1 ? t.charCodeAt(1) : 0, n > 1 ? t.charCodeAt(n - 2) : 0, t.charCodeAt(n - 1), n);
      }
    }

    // Numbers: measures, segment parts and (checked only) percentages.
    const vals = this.vals;
    const have = this.have;
    const delta = this.delta;
    for (let m = 0; m < have.length; m++) have[m] = 0;
    const partsId = this.partsId;
    const partsDelta = this.partsDelta;
    let parts = 0;
    let pendingRow = false;
    let pendingParts = false;
    let statedCoverage: number | undefined;
    let statedFraction = 0;
    /** The stated coverage in the English reading, when it differs (a pending percentage cell). */
    let statedEn: readonly [number, number] | undefined;
    let statedAt: { line: number; column: number | undefined } | undefined;
    let statedSigned = false;
    const numbers = plan.numbers;
    for (let x = 0; x < numbers.length; x++) {
      const n = numbers[x]!;
      const i = n.col;
      if (said?.includes(i)) continue;
      const v = cells[i];
      let id: number;
      let en: number;
      // Plain digits first (most cells of most files): never blank, the same in both locales.
      if (typeof v === 'string' && (id = plainDigits(v)) >= 0) en = id;
      else if (v === undefined || v === null || (typeof v === 'string' && isBlank(v))) {
        if (n.role === 'percent') continue;
        // A denominator the run does not divide by: no figure, not an error (rv27 F7).
        if (n.role === 'measure' && plan.spare.has(n.measure)) {
          this.spareGap(n.measure, { code: 'blank-count', field: this.cols[i]!.name, absent: v === undefined, area: this.ownArea(plan, keys, province, regency) }, places[i]?.line ?? line, places[i]?.column);
          continue;
        }
        // A wide row's participants left blank: its segment columns are its participants, added up below (rv31 V6).
        if (n.role === 'measure' && n.measure === plan.participants && this.partsMissing().length === 0) continue;
        ok = false;
        // The tool's own report (its `level` column) whose rows have no denominator: one grouped finer
        // than its denominator is known (province × segment, the denominator per province; issue 20, F2).
        if (n.role === 'measure' && plan.level >= 0 && !this.levelIsData && plan.denominators.some((d) => d.measure === n.measure)) {
          if (!this.reportDenominatorBlank) {
            this.reportDenominatorBlank = true;
            this.fail({ code: 'report-denominator-blank', field: this.cols[i]!.name }, (places[i]?.line ?? line), places[i]?.column);
          }
          continue;
        }
        // A denominator left blank on an area's own row: its figure is wanted, never a 0 (refused below).
        const area = n.role === 'measure' && plan.denominators.some((d) => d.measure === n.measure) ? this.ownArea(plan, keys, province, regency) : undefined;
        this.fail({ code: 'blank-count', field: this.cols[i]!.name, absent: v === undefined, area }, (places[i]?.line ?? line), places[i]?.column);
        continue;
      } else if (typeof v === 'boolean') {
        ok = false;
        this.fail({ code: 'boolean-number', field: this.cols[i]!.name, value: v }, (places[i]?.line ?? line), places[i]?.column);
        continue;
      } else if (typeof v === 'number') {
        if (n.kind === 'count' && (!Number.isSafeInteger(v) || v < 0)) {
          // A workbook's or a JSON file's number within a float's rounding noise of a whole one is it (said in a note).
          const whole = wholeOfNoise(v);
          if (whole === undefined) {
            ok = false;
            this.fail({ code: 'bad-count', field: this.cols[i]!.name, shown: String(v), fault: countFault(v)! }, (places[i]?.line ?? line), places[i]?.column);
            continue;
          }
          this.noisy(v, whole, places[i]?.line ?? line, places[i]?.column);
          id = en = whole;
        } else id = en = v;
      } else {
        const reading = readCell(v, n.kind);
        if (reading.problem) {
          ok = false;
          const problem: InputProblem = reading.fault ? { code: 'bad-count', field: this.cols[i]!.name, shown: v.trim(), fault: reading.fault } : { code: 'bad-number', field: this.cols[i]!.name, raw: v.trim(), reason: reading.problem, reasonId: reasonInIndonesian(reading.problem) ?? reading.problem, locale: this.policy.locale };
          this.fail(problem, places[i]?.line ?? line, places[i]?.column);
          continue;
        }
        if (reading.noise !== undefined) this.noisy(reading.noise, (reading.id ?? reading.en)!, places[i]?.line ?? line, places[i]?.column);
        if (reading.id !== undefined && reading.id === reading.en) id = en = reading.id;
        else {
          const ref = (): CellRef => ({ line: (places[i]?.line ?? line), column: places[i]?.column ?? 1, raw: v.trim() });
          const got = this.policy.take(reading, ref);
          if (got === 'contradiction' || got === 'other-grouping') {
            this.refuseReading(got, ref(), n.kind);
            ok = false;
            continue;
          }
          if (got === 'pending') {
            id = reading.id!;
            en = reading.en!;
            if (n.role !== 'percent') {
              pendingRow = true;
              this.firstPending ??= { at: ref(), id, en };
            }
          } else id = en = got;
        }
      }
      if (n.role === 'percent') {
        // A coverage column as written: "57,02%" is read as 0.5702, 57.02 (no sign) as a percentage,
        // an Excel percent cell as its fraction. Compared below with participants ÷ the denominator.
        statedCoverage = id > 1 ? id / 100 : id;
        statedFraction = id;
        statedEn = en !== id ? [en > 1 ? en / 100 : en, en] : undefined;
        statedAt = { line: places[i]?.line ?? line, column: places[i]?.column };
        statedSigned = typeof v === 'string' && v.includes('%');
      } else if (n.role === 'measure') {
        vals[n.measure] = id;
        delta[n.measure] = en - id;
        have[n.measure] = en === id ? 1 : 2;
        this.filled[n.measure] = 1;
      } else if (n.role === 'part') {
        partsId[parts] = id;
        partsDelta[parts] = en - id;
        if (en !== id) pendingParts = true;
        this.partsSeg[parts] = n.segment!;
        this.partsCol[parts++] = i;
      }
    }

    // The province, from its code and/or name; the regency within it (or giving it, when the file has
    // no province column).
    let provinceKey: string | undefined;
    if (province) {
      if ('key' in province) provinceKey = province.key;
      else {
        ok = false;
        this.problems.add({ ...this.o.place((places[plan.provinceName >= 0 ? plan.provinceName : plan.provinceCode]?.line ?? line), places[plan.provinceName >= 0 ? plan.provinceName : plan.provinceCode]?.column), code: 'bad-key', message: province.message, hint: province.hint, id: province.id });
      }
    }
    // The regency is checked whatever else the row lacks (a bad number beside an unknown regency: both
    // are said at once), unless its province is unknown: then it cannot be looked up, and would only
    // repeat that problem.
    if (regency && !(province && !('key' in province))) {
      if (!('key' in regency)) {
        ok = false;
        // A regency of a province formed by a split, under the old province's name: said so, not
        // "unknown" (rv23 F3: Kabupaten Merauke in Papua of 2022-03).
        const moved = province && 'key' in province ? this.movedBySplit(plan, cells, keys, province.key) : undefined;
        if (moved) this.fail(moved, places[plan.regencyName >= 0 ? plan.regencyName : plan.regencyCode]?.line ?? line, places[plan.regencyName >= 0 ? plan.regencyName : plan.regencyCode]?.column);
        else this.problems.add({ ...this.o.place((places[plan.regencyName >= 0 ? plan.regencyName : plan.regencyCode]?.line ?? line), places[plan.regencyName >= 0 ? plan.regencyName : plan.regencyCode]?.column), code: 'bad-key', message: regency.message, hint: regency.hint, id: regency.id });
      } else {
        const d = (this.regencyDim ??= this.shape.dim('regency', 'regency'));
        if (d >= keys.length) keys.length = d + 1;
        keys[d] = regency.key;
        this.remember(d, regency.key, regency.label);
        if (provinceKey === undefined && province === undefined) provinceKey = regency.province;
      }
    }
    if (provinceKey !== undefined) {
      const p = this.placeProvince(keys, provinceKey, plan.kanwil);
      if (!plan.kanwil && plan.kanwilKey >= 0) {
        // A kanwil column that contradicts the province: refused, as a code and a name that disagree.
        const { col, dim } = plan.keys[plan.kanwilKey]!;
        const wrong = keys[dim] && keys[dim] !== DROPPED ? this.domains.kanwilMismatch(keys[dim]!, p) : undefined;
        if (wrong) {
          ok = false;
          this.problems.add({ ...this.o.place(places[col]?.line ?? line, places[col]?.column), code: 'bad-key', ...wrong });
        }
      }
    }
    if (!ok || said) return;

    if (this.o.tap) {
      let values: (number | null)[] | undefined;
      if (this.o.tapValues) {
        const have = this.have;
        values = Array.from(have, (h, m) => (h === 0 ? null : this.vals[m]!));
        // A row of an extract with no count column counts one participant (as below).
        const p = plan.participants;
        if (this.o.rule === 'sum' && p >= 0 && have[p] === 0 && !plan.hasParticipantsColumn && !parts) values[p] = this.groupRows ?? 1;
      }
      this.o.tap({ keys: keys.slice(), line, id: participantId, idColumn: plan.participantId >= 0 ? places[plan.participantId]?.column : undefined, period: plan.period >= 0 ? (keys[plan.period] ?? undefined) : undefined, ...(values ? { values } : {}) });
      return;
    }

    // Wide segment columns must add up to the row's participants.
    const p = plan.participants;
    // The participants cell left blank beside the parts: their sum is the participants (fx46), and a
    // problem with it is the parts' (rv33 X3: a 0 was pointed at the blank cell).
    const partsOnly = parts > 0 && p >= 0 && have[p] === 0;
    if (parts) {
      let sumId = 0;
      let sumDelta = 0;
      for (let k = 0; k < parts; k++) {
        sumId += partsId[k]!;
        sumDelta += partsDelta[k]!;
      }
      if (p >= 0 && have[p] !== 0) {
        const col = this.partsCol[0]!;
        if (pendingRow) this.deferred.push({ kind: 'segments', line: (places[col]?.line ?? line), column: places[col]?.column, a: [sumId, sumId + sumDelta], b: [vals[p]!, vals[p]! + delta[p]!] });
        else if (vals[p] !== sumId) return this.fail({ code: 'segments-sum', sum: sumId, participants: vals[p]! }, (places[col]?.line ?? line), places[col]?.column);
      }
      if (p >= 0) {
        vals[p] = sumId;
        delta[p] = sumDelta;
        have[p] = pendingParts ? 2 : 1;
      }
    }
    // Which of the row's figures are estimates (core/estimates.ts).
    let estimated: Set<string> | undefined;
    if (plan.estimated >= 0) {
      const text = cells[plan.estimated];
      const t = text === null || text === undefined ? '' : String(text);
      if (t.trim() !== '') {
        const e = this.estimatedOf(t, places[plan.estimated]?.line ?? line, places[plan.estimated]?.column);
        if (e === null) return;
        estimated = e;
      }
    }
    // An area's own row (a province, a regency: not split by segment, sector…) with a denominator of 0:
    // no area of Indonesia has no workforce; a 0 there is a figure not filled in (an export that writes
    // blanks as 0), and the report would give the area no coverage and a Total without its workforce (rv21
    // I). Refused, as a blank cell is; before participants above it, whose hint (--allow-over-coverage)
    // would lead to this refusal (rv23 F7).
    // (The area is looked up only for a 0: this runs on every row.)
    let zeroAreaSpare: number[] | undefined;
    for (const d of plan.denominators) {
      if (have[d.measure] !== 1 || vals[d.measure] !== 0) continue;
      const area = this.ownArea(plan, keys, province, regency);
      if (area === undefined) break;
      const col = plan.numbers.find((n) => n.role === 'measure' && n.measure === d.measure)?.col;
      if (plan.spare.has(d.measure)) {
        (zeroAreaSpare ??= []).push(d.measure);
        this.spareGap(d.measure, { code: 'zero-area-denominator', field: col !== undefined ? this.cols[col]!.name : d.name, measure: d.name, area }, col !== undefined ? (places[col]?.line ?? line) : line, col !== undefined ? places[col]?.column : undefined);
        continue;
      }
      return this.fail({ code: 'zero-area-denominator', field: col !== undefined ? this.cols[col]!.name : d.name, measure: d.name, area }, col !== undefined ? (places[col]?.line ?? line) : line, col !== undefined ? places[col]?.column : undefined);
    }
    // A province's or a Kanwil's own row with 0 participants: no province has no active participants; a 0
    // there is a blank an export wrote as 0, which would take the province out of the Total and make its
    // change a fall of 100 % (rv28 R21: a Kanwil's +21,000 shown as -137,094, --expect satisfied). Refused
    // as its 0 denominator is. A regency's or a finer row's 0 may be real (a new regency, the PMI of an
    // inland one): read, and a fall to 0 is warned by coverage (the core's `fell-to-zero`). The same for a
    // wide row (participants_pu … participants_pmi, what `template --segments` writes) whose participants
    // and parts are all 0 (rv30 T3); one part of 0 (a real 0 PMI) is read.
    if (p >= 0 && have[p] === 1 && vals[p] === 0 && delta[p] === 0 && !(regency && 'key' in regency)) {
      const area = this.ownArea(plan, keys, province, regency);
      if (area !== undefined) {
        const col = plan.participantsColumn >= 0 && !partsOnly ? plan.participantsColumn : parts ? this.partsCol[0]! : -1;
        const period = plan.period >= 0 ? (keys[plan.period] ?? undefined) : undefined;
        const raw = { code: 'zero-area-participants' as const, field: col >= 0 ? this.cols[col]!.name : 'participants', area, ...(period ? { period } : {}) };
        const place = this.o.place(col >= 0 ? (places[col]?.line ?? line) : line, col >= 0 ? places[col]?.column : undefined);
        const problem = inputProblem(raw, place);
        this.zeroParticipants.push({ keys: keys.slice(), raw, place, problem });
        this.problems.add(problem);
        return;
      }
    }
    // A province's or a Kanwil's own target of 0 in a --targets file (rv31 V10): no plan sets a province
    // no target, and a 0 below its participants is a blank an export wrote as 0, which would make it
    // "achieved" and take its whole target out of the Total's (Sulawesi Barat: Total target −258,161).
    // Refused as its 0 participants are. A finer row's 0 (a regency's, a segment's, a sector's) is read:
    // `breakdown` itself writes a segment of 0 where a province has none (Papua Tengah's JAKON and PMI);
    // coverage warns of such rows where participants are above it (the core's `zero-targets`).
    if (this.targetCol === -2) this.targetCol = plan.numbers.find((n) => n.role === 'measure' && this.cols[n.col]!.canonical === 'target')?.col ?? -1;
    if (this.targetCol >= 0) {
      const t = plan.numbers.find((n) => n.col === this.targetCol)!.measure;
      if (have[t] === 1 && vals[t] === 0 && delta[t] === 0 && !(regency && 'key' in regency)) {
        const area = this.ownArea(plan, keys, province, regency, true);
        if (area !== undefined) return this.fail({ code: 'zero-area-target', field: this.cols[this.targetCol]!.name, area }, places[this.targetCol]?.line ?? line, places[this.targetCol]?.column);
      }
    }
    if (this.o.rule === 'refuse' && !parts && plan.denominators.length) this.segmentDenominators(plan, keys, province, regency, line, places);
    // Participants above a denominator of the same row: refused, unless the row says one of the two is
    // an estimate, or the province has a documented exception (data/exceptions.csv).
    if (p >= 0 && have[p] !== 0 && !this.o.allowOverCoverage && this.groupRows === undefined && !this.ambiguousDenominator) {
      const denominators = plan.denominators;
      for (let x = 0; x < denominators.length; x++) {
        const d = denominators[x]!;
        if (have[d.measure] === 0) continue;
        // (A 0 the run does not divide by is a blank written as 0, as above.)
        if (estimated?.has(d.name) || estimated?.has('participants')) continue;
        const col = plan.participantsColumn >= 0 ? plan.participantsColumn : 0;
        if (vals[d.measure] === 0 && plan.spare.has(d.measure)) {
          if (vals[p]! > 0 && !zeroAreaSpare?.includes(d.measure) && !overCoverageException(provinceKey, d.name)) this.spareGap(d.measure, { code: 'over-coverage', participants: vals[p]!, measure: d.name, denominator: 0, column: this.denominatorColumn(d.name) }, places[col]?.line ?? line, places[col]?.column);
          continue;
        }
        // The two readings (Indonesian, English) of participants and of the denominator.
        const p0 = vals[p]!;
        const p1 = vals[p]! + delta[p]!;
        const d0 = vals[d.measure]!;
        const d1 = vals[d.measure]! + delta[d.measure]!;
        const exception = overCoverageException(provinceKey, d.name);
        if (exception) {
          if (p0 > d0 || p1 > d1) this.excepted.push({ line: places[col]?.line ?? line, column: places[col]?.column, exception, measure: d.name, participants: Math.max(p0, p1), denominator: p0 > d0 ? d0 : d1 });
          continue;
        }
        if (pendingRow && p0 > d0 !== p1 > d1) this.deferred.push({ kind: 'over', line: (places[col]?.line ?? line), column: places[col]?.column, a: [p0, p1], b: [d0, d1], measure: d.name });
        else if (p0 > d0) return this.over({ code: 'over-coverage', participants: p0, measure: d.name, denominator: d0, column: this.denominatorColumn(d.name) }, (places[col]?.line ?? line), places[col]?.column);
      }
    }
    // The file's own coverage column against participants ÷ a denominator of the row (within half a
    // percentage point of one of them): a mistyped count shows here. Said in a warning, not refused: the
    // report computes coverage from the counts.
    // A row whose numbers wait for the file's locale (a round "250.000" reads as a whole number both
    // ways) is checked when the file ends, in the locale found (rv21 A).
    if (statedCoverage !== undefined && statedAt && p >= 0 && have[p] !== 0 && this.groupRows === undefined) {
      const dens = plan.denominators.filter((d) => have[d.measure] !== 0);
      if (have[p] === 2 || statedEn !== undefined || dens.some((d) => have[d.measure] === 2)) {
        this.deferred.push({
          kind: 'coverage',
          line: statedAt.line,
          column: statedAt.column,
          a: [vals[p]!, vals[p]! + delta[p]!],
          b: [0, 0],
          dens: dens.map((d) => [vals[d.measure]!, vals[d.measure]! + delta[d.measure]!] as const),
          stated: [[statedCoverage, statedFraction], statedEn ?? [statedCoverage, statedFraction]],
          signed: statedSigned,
        });
      } else this.coverage.check(statedAt.line, statedAt.column, vals[p]!, dens.map((d) => vals[d.measure]!), statedFraction, statedSigned);
    }
    // A participant id twice in one month, in this file or another of the load.
    if (participantId !== undefined) this.o.ids?.add(participantId, plan.period >= 0 ? (keys[plan.period] ?? undefined) : undefined, this.o.src, (places[plan.participantId]?.line ?? line), places[plan.participantId]?.column, this.o.rereadable ?? false);
    // A row of an extract with no count column counts one participant.
    if (this.o.rule === 'sum' && p >= 0 && have[p] === 0 && !plan.hasParticipantsColumn && !parts) {
      vals[p] = this.groupRows ?? 1;
      have[p] = 1;
    }
    const fold = this.fold;
    if (!fold) return;
    const est = estimated?.size ? this.shape.measures.filter((m) => estimated!.has(m.name)).map((m) => m.name) : undefined;
    const repeats = fold.repeatedRows;
    const g = fold.add(keys, vals, have, delta, line, this.groupRows === undefined, est);
    if (g < 0) return this.overflow(-1 - g, line);
    if (fold.repeatedRows !== repeats) this.named(plan);
    if (parts) {
      const segDim = (this.segmentDim ??= this.shape.dim('segment', 'segment'));
      for (let k = 0; k < parts; k++) {
        const seg = this.partsSeg[k]!;
        this.remember(segDim, seg, seg);
        // A segment row's participants are an estimate when the row's participants or that segment's column are.
        const segEst = estimated?.has('participants') || estimated?.has(`participants_${seg.toLowerCase()}`) ? ['participants'] : undefined;
        const c = fold.addChild(g, segDim, seg, p, partsId[k]!, partsDelta[k] !== 0 ? partsDelta[k] : undefined, line, segEst);
        if (c < 0) return this.overflow(p, line);
      }
    }
  }

  private overflow(m: number, line: number): void {
    this.fail({ code: 'sum-overflow', measure: this.shape.measures[m]!.name, extract: this.o.rule === 'sum' }, line);
  }

  /** A total row: its numbers are read (and count for the locale), its keys make its scope; not added. */
  private totalRow(plan: Plan, cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], total: { label: string; kind: 'grand' | 'sub'; col: number; blankProvince?: number }, province: Resolved | undefined, regency: (Resolved & { province?: string }) | undefined): void {
    const scope = new Map<number, string>();
    for (const k of plan.keys) {
      const r = k.resolve(text(cells[k.col]));
      if ('key' in r && !r.total) scope.set(k.dim, r.key);
    }
    if (province && 'key' in province) scope.set(this.shape.dim('province', 'province'), province.key);
    if (regency && 'key' in regency && !regency.total) scope.set(this.shape.dim('regency', 'regency'), regency.key);
    const parts: NonNullable<TotalRow['parts']>[number][] = [];
    const values = this.totalValues(plan, cells, line, places, parts);
    const within = total.kind === 'sub' ? this.areaNamed(plan, total.label) : undefined;
    const bp = total.blankProvince;
    const blankProvince = bp !== undefined ? { blankProvince: { field: this.cols[bp]!.name, column: places[bp]?.column } } : {};
    this.totals.push({ line, label: total.label, kind: total.kind, scope, values, column: places[total.col]?.column ?? 1, columns: this.measureColumns(plan, places), ...(within ? { within } : {}), ...(parts.length ? { parts } : {}), ...blankProvince });
  }

  /**
   * The provinces a subtotal's words name, in a file of province (or regency) rows: a regional office by
   * its name or alias ("Total Kanwil Sulawesi Maluku", "Jumlah Sulama"), or a province ("Jumlah Provinsi
   * Gorontalo"). Else undefined: the subtotal is left out unchecked, as before.
   */
  private areaNamed(plan: Plan, label: string): TotalRow['within'] {
    if (plan.provinceCode < 0 && plan.provinceName < 0 && plan.regencyCode < 0 && plan.regencyName < 0) return undefined;
    const words = label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9()]+/g, ' ')
      .trim()
      .replace(/^(sub ?total|total|jumlah)\s+/, '');
    const named = /^(provinsi|prov)\s+/.test(words);
    const rest = words.replace(/^(kantor wilayah|kanwil|wilayah|provinsi|prov)\s+/, '').trim();
    if (rest === '') return undefined;
    // "Jumlah Kabupaten" / "Jumlah Kota" in a regency table (BPS lists the kabupaten, their subtotal, the
    // kota, theirs): the rows of that type, checked as the grand "Jumlah" is (left unchecked, a mistyped
    // kabupaten row passed where "Jumlah" alone caught it).
    const type = /^(kabupaten|kab)$/.test(rest) ? 'kabupaten' : rest === 'kota' ? 'kota' : undefined;
    if (type) return plan.regencyCode >= 0 || plan.regencyName >= 0 ? { dim: this.shape.dim('regency', 'regency'), keys: regencyRegistry().ofType(type), area: type === 'kota' ? 'Kota' : 'Kabupaten' } : undefined;
    const dim = this.shape.dim('province', 'province');
    const kanwil = this.domains.kanwilNamed(rest);
    if (kanwil !== undefined) {
      const keys = new Set(provinceRegistry().provinces.filter((p) => p.kanwil === kanwil).map((p) => p.kemendagri));
      return { dim, keys, area: kanwil };
    }
    const p = provinceRegistry().byNameOrAlias(rest);
    if (!p) return undefined;
    // Among regency rows, "Jumlah Gorontalo" may total Kabupaten or Kota Gorontalo: a province's bare name
    // that is also one of its regencies' is taken only after "Provinsi".
    const regencies = plan.regencyCode >= 0 || plan.regencyName >= 0;
    if (regencies && !named && regencyRegistry().inProvince(p.kemendagri).some((r) => normaliseName(r.name.replace(/^(kabupaten|kab\.?|kota)\s+/i, '')) === normaliseName(rest))) return undefined;
    const spaced = (n: string): string => n.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const prefix = `${spaced(p.name)} `;
    const group = named ? [] : provinceRegistry().provinces.filter((q) => q.kemendagri !== p.kemendagri && spaced(q.name).startsWith(prefix));
    return { dim, keys: new Set([p.kemendagri]), area: p.name, ...(group.length ? { group: new Set([p.kemendagri, ...group.map((q) => q.kemendagri)]) } : {}) };
  }

  /**
   * The tool's own `level` total or subtotal row, as a total row: the total's scope is every row of the
   * file; a subtotal's is its key cells that name a key (a subtotal whose keys cannot all be read, or
   * that names none, is left out unchecked, as before).
   */
  private ownTotalRow(plan: Plan, cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], level: 'total' | 'subtotal'): void {
    const scope = new Map<number, string>();
    const labels: string[] = [];
    if (level === 'subtotal') {
      for (const k of plan.keys) {
        const raw = text(cells[k.col]);
        if (raw.trim() === '') continue;
        const r = k.resolve(raw);
        if (r.total) continue;
        if (!('key' in r)) return;
        scope.set(k.dim, r.key);
        labels.push(r.label);
      }
      const pc = plan.provinceCode >= 0 ? text(cells[plan.provinceCode]) : '';
      const pn = plan.provinceName >= 0 ? text(cells[plan.provinceName]) : '';
      let province: string | undefined;
      if (pc.trim() !== '' || pn.trim() !== '') {
        const r = this.domains.resolveProvince(pc, pn);
        if (!r.total) {
          if (!('key' in r)) return;
          province = r.key;
          scope.set(this.shape.dim('province', 'province'), r.key);
          labels.push(r.label);
        }
      }
      const rc = plan.regencyCode >= 0 ? text(cells[plan.regencyCode]) : '';
      const rn = plan.regencyName >= 0 ? text(cells[plan.regencyName]) : '';
      if (rc.trim() !== '' || rn.trim() !== '') {
        const r = this.domains.resolveRegency(rc, rn, province);
        if (!r.total) {
          if (!('key' in r)) return;
          scope.set(this.shape.dim('regency', 'regency'), r.key);
          labels.push(r.label);
        }
      }
      if (scope.size === 0) return;
    }
    const values = this.totalValues(plan, cells, line, places);
    const tm = this.shape.measure('target');
    if (tm >= 0 && values[tm] !== null && values[tm] !== undefined && [...scope.keys()].every((d) => GRAND_SCOPE.has(this.shape.dims[d]!.name))) {
      const text = plan.estimated >= 0 ? String(cells[plan.estimated] ?? '') : '';
      const marked = text.trim() !== '' && (this.estimatedOf(text, places[plan.estimated]?.line ?? line, places[plan.estimated]?.column)?.has('target') ?? false);
      this.totalTarget = marked || this.totalTarget === 'estimated' ? 'estimated' : 'given';
    }
    const label = level === 'total' ? 'total' : labels.join(', ');
    this.totals.push({ line, label, kind: 'grand', scope, values, column: places[plan.level]?.column ?? 1, columns: this.measureColumns(plan, places), own: level });
  }

  /** A row's Kanwil cell as a total row's label (kanwilTotal's caller: its province is blank), if it names one. */
  private kanwilTotal(plan: Plan, cells: readonly (Cell | undefined)[], resolved: readonly (Resolved | null | undefined)[]): { label: string; kind: 'sub'; col: number; blankProvince: number } | undefined {
    const k = plan.keys.findIndex((x) => x.kind === 'kanwil');
    const r = k >= 0 ? resolved[k] : undefined;
    if (!r || !('key' in r)) return undefined;
    const label = text(cells[plan.keys[k]!.col]).trim();
    return this.areaNamed(plan, label) ? { label, kind: 'sub', col: plan.keys[k]!.col, blankProvince: plan.provinceName >= 0 ? plan.provinceName : plan.provinceCode } : undefined;
  }

  /** Per measure, the column of the row's cell of it (its place), for a total row's refusal. */
  private measureColumns(plan: Plan, places: readonly (CellPlace | undefined)[]): (number | undefined)[] {
    const out = new Array<number | undefined>(this.shape.measures.length).fill(undefined);
    for (const n of plan.numbers) if (n.role === 'measure') out[n.measure] = places[n.col]?.column;
    return out;
  }

  /**
   * A total row's measures, read as its file's cells are (a cell that reads two ways is left blank); and,
   * given `parts`, its segment columns (a wide file's participants_pu …), blank ones as null.
   */
  private totalValues(plan: Plan, cells: readonly (Cell | undefined)[], line: number, places: readonly (CellPlace | undefined)[], parts?: NonNullable<TotalRow['parts']>[number][]): (number | null)[] {
    const values = new Array<number | null>(this.shape.measures.length).fill(null);
    for (const n of plan.numbers) {
      if (n.role !== 'measure' && !(parts && n.role === 'part')) continue;
      const part = n.role === 'part' ? { segment: n.segment!, name: this.cols[n.col]!.name, value: null as number | null, column: places[n.col]?.column } : undefined;
      if (part) parts!.push(part);
      const v = cells[n.col];
      if (part) {
        if (typeof v === 'number') part.value = wholeOfNoise(v) ?? v;
        else if (typeof v === 'string' && !isBlank(v)) {
          const r = readCell(v, 'count');
          // A part that cannot be read, or reads two ways, is left blank (not compared, said).
          if (!r.problem && r.id !== undefined && r.id === r.en) part.value = r.id;
        }
        continue;
      }
      // A stored count with a formula's rounding noise is its whole number, as a data row's is (rv35 D7).
      if (typeof v === 'number') values[n.measure] = n.kind === 'count' ? (wholeOfNoise(v) ?? v) : v;
      else if (typeof v === 'string' && !isBlank(v)) {
        const r = readCell(v, n.kind);
        if (r.problem) {
          const problem: InputProblem = r.fault ? { code: 'bad-count', field: this.cols[n.col]!.name, shown: v.trim(), fault: r.fault } : { code: 'bad-number', field: this.cols[n.col]!.name, raw: v.trim(), reason: r.problem, reasonId: reasonInIndonesian(r.problem) ?? r.problem, locale: this.policy.locale };
          this.fail(problem, places[n.col]?.line ?? line, places[n.col]?.column);
          continue;
        }
        if (r.id !== undefined && r.id === r.en) values[n.measure] = r.id;
        else {
          const ref = (): CellRef => ({ line: places[n.col]?.line ?? line, column: places[n.col]?.column ?? 1, raw: v.trim() });
          const got = this.policy.take(r, ref);
          if (got === 'contradiction' || got === 'other-grouping') this.refuseReading(got, ref(), n.kind);
          else if (got !== 'pending') values[n.measure] = got;
          // A total whose numbers read two ways is left unchecked.
        }
      }
    }
    return values;
  }

  /**
   * The figures an `estimated` cell names, as column names of this file; null (after reporting it) when
   * it names something that is not a figure of the file.
   */
  private estimatedOf(text: string, line: number, column: number | undefined): Set<string> | null {
    const figures = new Map<string, boolean>(); // canonical name → is a denominator
    for (const c of this.cols) {
      if (!c) continue;
      const k = c.role.kind;
      // Any column of the file that is not a key, an id or the tool's own bookkeeping can be named.
      if (k !== 'dim' && k !== 'id' && k !== 'level' && k !== 'estimated' && c.canonical !== '') figures.set(c.canonical, DENOMINATORS.includes(c.canonical) || c === this.cols[this.generic ?? -1]);
      if (k === 'segment-part') figures.set('participants', false); // the sum of the segment columns
    }
    const out = new Set<string>();
    for (const n of parseEstimatedCell(text)) {
      if (n === 'all') for (const f of figures.keys()) out.add(f);
      else if (n === 'denominator') {
        for (const [f, isDen] of figures) if (isDen) out.add(f);
      } else if (figures.has(n)) out.add(n);
      else if ((ESTIMATED_FIGURES as readonly string[]).includes(n)) continue; // a report's own words, read back (status, milestone)
      else {
        this.fail({ code: 'not-a-figure', name: n, figures: [...figures.keys()].join(', ') }, line, column);
        return null;
      }
    }
    return out;
  }

  /**
   * A row of standard input that repeats an earlier one (fold.ts placedDuplicates): its keys get labels
   * as this row writes them where they have none (a column the load adds up over, past UNKEPT_LABELS
   * distinct texts), so that the message says the key as the file writes it, never case-folded.
   */
  private named(plan: Plan): void {
    const keys = this.keys;
    for (let k = 0; k < plan.keys.length; k++) {
      const r = this.resolved[k];
      const key = keys[plan.keys[k]!.dim];
      if (!r || !('key' in r) || key === null || key === undefined) continue;
      const labels = this.shape.dims[plan.keys[k]!.dim]!.labels;
      if (!labels.has(key)) labels.set(key, r.label);
    }
  }

  /**
   * Per dimension, RECENT slots of keys for which remember() does nothing (their label is in the
   * dimension's labels, which never lose one, or the load adds the dimension up): a key found in its
   * slot costs no lookup in the labels (a Map lookup a key and row was a tenth of a million-row read).
   */
  private readonly recent: (string | undefined)[] = [];

  /** Per dimension the key remember() last saw (rows repeat most keys of the row before): no slot to find. */
  private readonly lastKey: (string | undefined)[] = [];

  /**
   * The row's province key in its dimension, and its Kanwil's where the load derives the kanwil (quick
   * rows and the general path alike); the province, for the checks that follow.
   */
  private placeProvince(keys: (string | null)[], provinceKey: string, kanwil: boolean): Province {
    const d = (this.provinceDim ??= this.shape.dim('province', 'province'));
    if (d >= keys.length) keys.length = d + 1;
    keys[d] = provinceKey;
    const p = this.domains.province(provinceKey)!;
    this.remember(d, provinceKey, p.name);
    if (kanwil) {
      const kd = (this.kanwilDim ??= this.shape.dim('kanwil', 'kanwil'));
      if (kd >= keys.length) keys.length = kd + 1;
      keys[kd] = p.kanwil;
      this.remember(kd, p.kanwil, p.kanwil);
    }
    return p;
  }

  /**
   * A counts file's or an employer extract's row into the load's CountRows: false (refused) when the file
   * had its key before (rv35 D2; the same row twice, rv17 F5). The key's cells (an employer's besides) are
   * named in the message, the counts placed at their first column.
   */
  private countsRow(plan: Plan, cells: readonly (Cell | undefined)[], places: readonly (CellPlace | undefined)[], line: number): boolean {
    const text = (order: readonly number[]): string => {
      let t = '';
      for (let x = 0; x < order.length; x++) {
        const v = cells[order[x]!];
        t += (x ? '\u0001' : '') + (v === null || v === undefined ? '' : String(v).trim());
      }
      return t;
    };
    const store = this.o.countRows!;
    const counts = text(plan.countOrder);
    const hit = store.add(this.o.src, line, text(plan.keyOrder), counts);
    if (hit === undefined) return true;
    const at = this.o.place(store.line(hit.first));
    const first = at.line === undefined ? (at.file ?? '') : `line ${store.line(hit.first)}`;
    const e = plan.employerId >= 0 ? cells[plan.employerId] : undefined;
    const employer = plan.employerId < 0 ? undefined : e === null || e === undefined ? '' : String(e).trim();
    if (hit.sameCounts) {
      this.fail(employer !== undefined ? { code: 'employer-row-twice', employer, first, sameFile: true } : { code: 'counts-row-twice', first, sameFile: true }, line);
      return false;
    }
    const named = (c: number): string => this.cols[c]?.name ?? '';
    const keys = plan.keyOrder.filter((c) => c !== plan.employerId).sort((a, b) => a - b).map((c) => String(cells[c] ?? '').trim()).join(' / ');
    // The counts in file order (the texts are in the order of the column names).
    const byCol = (t: string): Map<number, string> => new Map(t.split('\u0001').map((v, x) => [plan.countOrder[x]!, v] as const));
    const was = byCol(store.counts(hit.first));
    const now = byCol(counts);
    const countCols = [...plan.countOrder].sort((a, b) => a - b);
    const say = (m: Map<number, string>): string => countCols.map((c) => `${named(c)} ${m.get(c) ?? ''}`).join(', ');
    const col = countCols[0];
    this.fail({ code: 'counts-key-twice', keys, first, was: say(was), now: say(now), ...(employer !== undefined ? { employer } : {}) }, (col !== undefined ? places[col]?.line : undefined) ?? line, col !== undefined ? places[col]?.column : undefined);
    return false;
  }

  private remember(dim: number, key: string, label: string): void {
    // (`typeof … === 'string'` first: a comparison that never meets the arrays' undefined is compiled for
    // strings, not as the engine's generic one, a call a comparison.)
    const last = this.lastKey[dim];
    if (typeof last === 'string' && last === key) return;
    const at = dim * RECENT + recentSlot(key);
    const recent = this.recent[at];
    if (typeof recent === 'string' && recent === key) {
      this.lastKey[dim] = key;
      return;
    }
    // A dimension the load adds up over has no keys in the Table, so no labels either — but from a source
    // that cannot be read again (standard input), up to UNKEPT_LABELS of them: its repeated rows are
    // named from what was kept as it was read, and a key is said as the file first wrote it, as a file
    // read again says it (confirm.ts). (Past that, see `named` below.)
    const labels = this.shape.dims[dim]!.labels;
    if (!this.fold || this.fold.keeps(dim)) {
      if (!labels.has(key)) labels.set(key, label);
    } else if (this.o.rereadable === false && labels.size < UNKEPT_LABELS && !labels.has(key)) labels.set(key, label);
    while (this.recent.length <= at) this.recent.push(undefined);
    this.recent[at] = key;
    while (this.lastKey.length <= dim) this.lastKey.push(undefined);
    this.lastKey[dim] = key;
  }

  /** A cell's place as messages write it: file:line:column, or a workbook's file:Sheet!C2. */
  private placeText(line: number, column: number): string {
    const p = this.o.place(line, column);
    return p.line === undefined ? (p.file ?? '') : `${p.file ?? ''}:${p.line}:${p.column ?? column}`;
  }

  /**
   * A cell the file's locale refuses. Under a forced locale (--number-locale, numberLocale in the
   * config), one error for the cell, under that locale: what it reads as there and why that is refused,
   * what it is in the other (rv21 D, J). Deduced, the file mixes formats: the first cell of each named.
   */
  private refuseReading(got: 'contradiction' | 'other-grouping', at: CellRef, kind: CellKind): void {
    const forced = this.policy.forced;
    if (!forced) return this.reportContradiction(at);
    const raw = at.raw;
    if (got === 'other-grouping') {
      const r = readCell(raw, kind);
      const other = forced === 'id' ? 'en' : 'id';
      return this.fail({ code: 'forced-three-decimals', raw, locale: forced, value: (forced === 'id' ? r.id : r.en)!, grouped: (other === 'id' ? r.id : r.en)! }, at.line, at.column);
    }
    const u = underForced(raw, kind, forced);
    this.fail({ code: 'forced-locale-cell', raw, locale: forced, percent: kind === 'percent', ...(u.value !== undefined ? { value: u.value } : {}), reason: u.reason, reasonId: reasonInIndonesian(u.reason) ?? u.reason, ...(u.otherValue !== undefined ? { otherValue: u.otherValue } : {}) }, at.line, at.column);
  }

  private reportContradiction(at: CellRef): void {
    if (this.contradictionReported) return;
    this.contradictionReported = true;
    const id = this.policy.idOnly ?? at;
    const en = this.policy.enOnly ?? at;
    const idAt = this.placeText(id.line, id.column);
    this.fail({ code: 'mixed-locales', en: en.raw, id: id.raw, idAt }, en.line, en.column);
    this.fail({ code: 'mixed-locales-id', id: id.raw }, id.line, id.column);
  }

  /** After the last row: JSON column checks, the locale, checks that waited for it, total rows. */
  finish(): NumberLocale | null {
    this.checkColumns();
    if (this.plan && this.segmentUnits.size) this.segmentDenominatorsRepeated(this.plan);
    for (const c of this.cols) {
      if (c && c.firstRow > 0 && (c.role.kind === 'measure' || c.role.kind === 'dim' || c.role.kind === 'segment-part')) this.fail({ code: 'key-from-later-row', field: c.name, firstLine: c.place.line }, this.firstLine ?? 1);
    }
    const loc = this.policy.locale;
    const three = this.policy.threeDecimals();
    if (three) {
      const by = three.decidedBy;
      this.fail({ code: 'count-three-decimals', raw: three.at.raw, value: three.value, grouped: three.grouped, locale: three.locale, by: by.raw, byAt: this.placeText(by.line, by.column) }, three.at.line, three.at.column);
    }
    if (this.firstPending && !loc) {
      const p = this.firstPending;
      // A file that mixes formats was told so already: "cannot tell the format" would contradict it.
      if (!this.numberFormatTrouble) this.fail({ code: 'undecided-locale', raw: p.at.raw, asId: p.id, asEn: p.en }, p.at.line, p.at.column);
    } else if (this.fold) {
      const bad = this.fold.settle(loc);
      if (bad < 0) this.overflow(-1 - bad, this.firstPending?.at.line ?? this.firstLine ?? 1);
    }
    if (loc) {
      const lane = loc === 'id' ? 0 : 1;
      this.coverage.deferring();
      for (const d of this.deferred) {
        if (d.kind === 'segments' && d.a[lane] !== d.b[lane]) this.fail({ code: 'segments-sum', sum: d.a[lane]!, participants: d.b[lane]! }, d.line, d.column);
        if (d.kind === 'over' && d.a[lane]! > d.b[lane]!) this.over({ code: 'over-coverage', participants: d.a[lane]!, measure: d.measure!, denominator: d.b[lane]!, column: this.denominatorColumn(d.measure!) }, d.line, d.column);
        if (d.kind === 'coverage') this.coverage.check(d.line, d.column, d.a[lane]!, d.dens!.map((x) => x[lane]!), d.stated![lane]![1], d.signed ?? false);
      }
    }
    if (!this.numberFormatTrouble) for (const f of this.overFails) this.fail(f.p, f.line, f.column);
    return this.policy.locale ?? null;
  }
}

/** A cell of plain digits (most cells of most files), or -1: the same in both locales, no pattern needed. */
function plainDigits(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Which of a code and a name column holds a total row's label. */
function labelled(cells: readonly (Cell | undefined)[], name: number, code: number, kind: 'grand' | 'sub'): { label: string; kind: 'grand' | 'sub'; col: number } {
  const col = name >= 0 && totalKind(text(cells[name])) ? name : code;
  return { label: text(cells[col]).trim(), kind, col };
}

function text(v: Cell | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
}

function isBlank(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 160 && c !== 0x3000 && !(c >= 0x2000 && c <= 0x200a) && c !== 0xfeff && c !== 10 && c !== 13) return v.trim() === '';
  }
  return true;
}

function codePoint(v: string): string {
  const ch = CONTROL.exec(v)![0].charCodeAt(0);
  return `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The header closest to one of a column's accepted names, for "did you mean". */
export function suggestColumn(wanted: string, present: readonly string[]): string | undefined {
  const names = [wanted, ...aliasesOf(wanted)];
  let best: { name: string; d: number } | undefined;
  for (const p of present) {
    if (p.length > MAX_SUGGESTED) continue;
    const n = normaliseHeader(p);
    for (const a of names) {
      const d = boundedDistance(n, a, 3);
      if (!best || d < best.d) best = { name: p, d };
    }
  }
  return best && best.d <= 3 ? best.name : undefined;
}
