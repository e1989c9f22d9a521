// What the caller asks of the extract engine, and what it gets back.
//
// The engine is the fast path of the general loader (decode → CSV scanner → typed rows → Table →
// aggregate 'sum'). It never words an error: for any file with any problem it answers `ok: false`, and
// the caller re-reads that file through the general path, which reports the problems with their places.
// So the engine may refuse more than the general path does (a refusal only costs time), but it must never
// accept a file the general path refuses, and what it accepts it must sum exactly as the general path does.
//
// The caller hands a file to the engine only when its checks are all per cell or per key, that is when:
// the file is UTF-8 (a BOM skipped through `dataStart`); every column is a key, a whole count (counts of
// people: participants), the participant id, the period, a regional file's coverage column (`coverage`),
// or an ignored column with a name; and there is
// no `level` column (the tool's own outputs), no wide segment columns (participants_pu…), no denominator
// beside the counts (participants above it is a per-row check) and no column without a name. After a
// scan it resolves each distinct key text once, and falls back when a key does not resolve.
//
// What the engine checks, as the general path does (src/io/csv-rows.ts, typed-rows.ts, core/numbers.ts):
// invalid UTF-8; control characters in any field; field counts; unclosed quotes, quotes inside unquoted
// fields, characters after a closing quote; fields over 2^20 characters; blank keys and periods; counts
// that are not whole and non-negative in the file's locale (`1.000` is 1000 or 1 until a cell decides;
// `12,0` is 12 in Indonesian); sums beyond 2^53; a participant id (trimmed) twice in one month (periods
// are compared as the months they name, so ` 2024-06` and `2024-6` are one; see periodHash). A record
// of empty fields is a blank line. Where it is stricter, it answers ok: false: white space other than
// spaces around a count, an id that begins or ends with a non-ASCII character, a record of blank but not
// empty fields, a record over 4 MiB.

export type NumberLocale = 'id' | 'en';

export interface ExtractPlan {
  /** A regular file, UTF-8 (the caller has ruled out UTF-16 and chosen no other encoding). */
  readonly path: string;
  /** The delimiter byte: `,` `;` TAB or `|`. */
  readonly delimiter: number;
  /** Byte offset of the first data record (after a BOM and the header). */
  readonly dataStart: number;
  /** The line number of the record at `dataStart`. */
  readonly firstDataLine: number;
  /** Fields in the header; a record with any other count is a problem. */
  readonly fieldCount: number;
  /** Fields whose text forms the group key, in the order of `keys` in the result. */
  readonly keyFields: readonly number[];
  /** Fields summed as whole counts; none → every row counts as one. */
  readonly countFields: readonly number[];
  /** The participant id: the same id twice in one period is a problem. */
  readonly idField?: number;
  /** The period of the duplicate-id check (and `periods` in the result). */
  readonly periodField?: number;
  /** Forced by --number-locale; undefined = deduce from the counts. */
  readonly locale?: NumberLocale;
  /**
   * Key fields that are not part of the group key (a regional file's sector when the report is not by
   * sector): their distinct texts come back in `fieldTexts`, and they count for `uniqueRows`.
   */
  readonly valueFields?: readonly number[];
  /**
   * A regional file: no two records may have the same texts in all key and value fields (the tuple is
   * hashed, 64 bits, into an IdSet; two equal hashes are a refusal — the general path then compares the
   * texts themselves).
   */
  readonly uniqueRows?: boolean;
  /**
   * Per record, count `a` must not exceed count `b` (indexes into countFields: participants and a
   * denominator of the same row), in the file's locale.
   */
  readonly atMost?: readonly (readonly [number, number])[];
  /**
   * A regional file's coverage column (`61,5%`, `61.5`, `0,615`): each cell read in both number locales
   * exactly as the general path reads a percentage (core/numbers.ts readCell; like a count, a cell valid
   * in one locale only decides the file's), a blank cell skipped, and compared with `participants` ÷
   * each count of `dens` of its record (indexes into countFields; typed-rows.ts coverageDisagreement).
   * A record that disagrees in the locale the file turns out to be in, and any cell the engine does not
   * read exactly (a sign, a non-ASCII space, more than 15 digits), is ok: false: the general path words
   * the warning with its places.
   */
  readonly coverage?: { readonly field: number; readonly participants?: number; readonly dens: readonly number[] };
  /**
   * Give up (ok: false) when, after 65,536 records, there are more groups than this share of the records:
   * a key of its own on most rows is cheaper in memory on the general path (the engine keeps about 200
   * bytes a group on its way to the loader). With uniqueRows and no valueFields every record is a group:
   * such a range whose first read shows 131,072 records or more gives up then (RangeScanner.expect).
   */
  readonly maxGroupShare?: number;
  /**
   * Give up (ok: false) at the first text of a key or value field that names a total row (total-rows.ts
   * totalKind: "Jumlah", "Total", "Jumlah Kabupaten"): the loader reads a regional file with total rows
   * through the general path, which leaves them out and checks them against their rows; found at the end
   * of the scan instead, such a file was scanned whole for nothing (0.4 s of 1.75 s on a million rows).
   */
  readonly totalLabels?: boolean;
  /**
   * Threads that scan byte ranges of the file, this one included (the others are worker threads);
   * default 2 for files of 64 MiB and more on 2+ cores, else 1.
   */
  readonly workers?: number;
}

export interface ExtractGroup {
  /** Raw cell texts of the key fields, unquoted, `""` unescaped, not trimmed. */
  readonly keys: string[];
  /** One sum per count field, in the file's locale. */
  readonly sums: number[];
  readonly rows: number;
  /** The line of the group's first record. */
  readonly firstLine: number;
}

export type ExtractScan =
  | {
      readonly ok: true;
      /** In the order of their first record. */
      readonly groups: ExtractGroup[];
      /** Data records (blank lines not counted). */
      readonly rows: number;
      /** Blank lines skipped. */
      readonly blankLines: number;
      /** The file's size (all of it, header included) and its sha256 (hex). */
      readonly bytes: number;
      readonly sha256: string;
      /** The decided (or forced) locale; undefined when no count decided it (all plain digits). */
      readonly locale: NumberLocale | undefined;
      /** The distinct texts of the period field (when there is one). */
      readonly periods?: string[];
      /** The distinct texts of each value field (`valueFields`), by field index. */
      readonly fieldTexts?: ReadonlyMap<number, string[]>;
      /** Byte ranges the file was scanned in, in parallel (1 when scanned in one pass). */
      readonly ranges: number;
      /**
       * With an id field: each range's set of (month, participant id) words (IdSet tables; no id is in
       * two of them). The loader keeps them to find a participant in two files of one load.
       */
      readonly idSets?: readonly { readonly table: Int32Array; readonly count: number }[];
      /** With an id field: the forms its ids are written in (tables.ts ID_PADDED…), as bits. */
      readonly idForms?: number;
    }
  | { readonly ok: false; readonly reason: string };

/** Knobs for tests and the benchmark; callers leave them alone. */
export interface ExtractTuning {
  /** Bytes per read (default 64 KiB). */
  readonly chunkBytes?: number;
  /**
   * Nominal split offsets (absolute, ascending) instead of equal ranges; each range starts at the
   * first record start the engine speculates after its offset.
   */
  readonly splits?: readonly number[];
  /** Scan the ranges one after the other in this thread (same splitting and merging, no workers). */
  readonly inline?: boolean;
  /** Told the bytes of the file read so far (hashed, in order), for a progress bar. */
  readonly onProgress?: (bytes: number, total: number) => void;
}

export const DELIMITER_BYTES: readonly number[] = [0x2c, 0x3b, 0x09, 0x7c];

/** Throws on a plan the caller got wrong (a bug, not a data problem). */
export function checkPlan(plan: ExtractPlan): void {
  const fieldOk = (f: number | undefined): boolean => f === undefined || (Number.isInteger(f) && f >= 0 && f < plan.fieldCount);
  if (!DELIMITER_BYTES.includes(plan.delimiter)) throw new RangeError(`extract plan: delimiter byte ${plan.delimiter} is not , ; TAB or |`);
  if (!Number.isInteger(plan.fieldCount) || plan.fieldCount < 1) throw new RangeError('extract plan: fieldCount must be a positive integer');
  if (!Number.isInteger(plan.dataStart) || plan.dataStart < 0) throw new RangeError('extract plan: dataStart must be a byte offset');
  if (!Number.isInteger(plan.firstDataLine) || plan.firstDataLine < 1) throw new RangeError('extract plan: firstDataLine must be a line number');
  const used = [...plan.keyFields, ...plan.countFields, ...(plan.idField === undefined ? [] : [plan.idField])];
  if (!used.every(fieldOk) || !fieldOk(plan.periodField)) throw new RangeError('extract plan: a field index is outside the header');
  if (new Set(plan.keyFields).size !== plan.keyFields.length) throw new RangeError('extract plan: a key field is listed twice');
  if (new Set(plan.countFields).size !== plan.countFields.length) throw new RangeError('extract plan: a count field is listed twice');
  if (plan.countFields.some((f) => plan.keyFields.includes(f) || f === plan.idField)) throw new RangeError('extract plan: a count field is also a key or the id');
  if (!(plan.valueFields ?? []).every(fieldOk) || (plan.valueFields ?? []).some((f) => plan.keyFields.includes(f) || plan.countFields.includes(f) || f === plan.idField || f === plan.periodField)) throw new RangeError('extract plan: a value field is outside the header, or has another role');
  if ((plan.atMost ?? []).some(([a, b]) => !(a >= 0 && a < plan.countFields.length && b >= 0 && b < plan.countFields.length && a !== b))) throw new RangeError('extract plan: atMost names counts outside countFields');
  const cov = plan.coverage;
  if (cov && (!fieldOk(cov.field) || [...used, ...(plan.valueFields ?? []), plan.periodField].includes(cov.field) || [...(cov.participants === undefined ? [] : [cov.participants]), ...cov.dens].some((j) => !(Number.isInteger(j) && j >= 0 && j < plan.countFields.length)))) throw new RangeError('extract plan: the coverage field has another role, or names counts outside countFields');
  if (plan.workers !== undefined && (!Number.isInteger(plan.workers) || plan.workers < 1)) throw new RangeError('extract plan: workers must be a positive integer');
}
