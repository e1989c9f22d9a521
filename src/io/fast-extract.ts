// The fast path for large extracts: the byte-level engine (src/io/extract/) adds rows up per raw key
// text; here each distinct text is resolved once, through the same TypedRows as the general path. Used
// only where every check is per cell or per key (see the contract in extract/plan.ts); any doubt, any
// problem at all, and the caller reads the file through the general path, which words every problem
// with its place. So the two paths give the same Table, and the same errors, by construction (and the
// differential test checks it).

import { isUtf8 } from 'node:buffer';
import { canonicalColumn, isIdColumn } from '../core/columns.js';
import { DENOMINATORS } from '../core/domain.js';
import { ProblemList } from '../errors.js';
import { CsvScanner } from './csv-scanner.js';
import { detectDelimiter, sepLine } from './csv-rows.js';
import type { Encoding } from './row-sink.js';
import { sniffUtf16 } from './source.js';
import type { TypedRows } from './typed-rows.js';

export interface FastInput {
  readonly path: string;
  /** The first bytes of the file (the header must be in them). */
  readonly first: Buffer;
  readonly delimiter?: string;
  readonly encoding?: Encoding;
  readonly headerRow?: number;
  readonly forcedLocale?: 'id' | 'en';
  /**
   * The load's rule: sum (an extract, --extract), refuse (regional files), auto (an extract when the
   * header has an id column). A regional file's rows are added up by the keys the report keeps (`keeps`),
   * each row checked by the engine: no two rows with the same keys, participants not above a denominator.
   */
  readonly rule: 'sum' | 'refuse' | 'auto';
  /** Regional: does the load keep this dimension (else rows are added up over it)? */
  readonly keeps?: (dim: number) => boolean;
  readonly allowOverCoverage?: boolean;
  /** Regional: rows the load's groups took into a group they already had (two texts of one key). */
  readonly merged?: () => number;
  readonly onProgress?: (bytes: number, total: number) => void;
}

export interface FastResult {
  readonly typed: TypedRows;
  readonly delimiter: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly locale: 'id' | 'en' | null;
  /** The engine's sets of (month, participant id), for the check across the files of a load. */
  readonly idSets?: readonly { readonly table: Int32Array; readonly count: number }[];
}

/** The header line of the first bytes: its fields and where the data start; undefined when unsure. */
function header(first: Buffer, explicit: string | undefined): { fields: string[]; columns: number[]; delimiter: string; dataStart: number } | undefined {
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  let inQuotes = false;
  let end = -1;
  for (let i = bom; i < first.length; i++) {
    const b = first[i]!;
    if (b === 0x22) inQuotes = !inQuotes;
    else if (!inQuotes && (b === 0x0a || b === 0x0d)) {
      end = i;
      break;
    }
  }
  if (end < 0 || (first[end] === 0x0d && end + 1 >= first.length)) return undefined;
  const bytes = first.subarray(bom, end);
  if (!isUtf8(bytes)) return undefined;
  const text = bytes.toString('utf8');
  // Excel's "sep=;" line above the header: the general reader skips it.
  if (sepLine(text, true)) return undefined;
  const delimiter = explicit ?? detectDelimiter(text);
  if (!delimiter || ![',', ';', '\t', '|'].includes(delimiter)) return undefined;
  let fields: string[] | undefined;
  let columns: number[] = [];
  let bad = false;
  const scanner = new CsvScanner(delimiter, {
    onRecord: (f, _line, c) => {
      fields ??= f;
      columns = c;
    },
    onError: () => (bad = true),
  });
  scanner.push(text + '\n');
  scanner.end();
  if (bad || !fields) return undefined;
  const dataStart = end + (first[end] === 0x0d && first[end + 1] === 0x0a ? 2 : 1);
  return { fields, columns, delimiter, dataStart };
}

/**
 * Read an extract through the engine, or answer undefined (read it through the general path).
 * `typed` is a fresh TypedRows in 'sum' mode with its own ProblemList: any problem there means fall back.
 */
export async function tryFastExtract(input: FastInput, make: (rule: 'refuse' | 'sum') => TypedRows, problems: ProblemList): Promise<FastResult | undefined> {
  if (input.encoding !== undefined && input.encoding !== 'utf-8') return undefined;
  const f = input.first;
  if ((f[0] === 0xff && f[1] === 0xfe) || (f[0] === 0xfe && f[1] === 0xff) || sniffUtf16(f)) return undefined;
  if (input.headerRow !== undefined && input.headerRow !== 1) return undefined;
  const h = header(f, input.delimiter);
  if (!h) return undefined;
  const extract = input.rule === 'sum' || (input.rule === 'auto' && h.fields.some((name) => isIdColumn(canonicalColumn(name))));
  const regional = !extract;
  const typed = make(extract ? 'sum' : 'refuse');
  h.fields.forEach((name, i) => typed.column(name, i, { line: 1, column: h.columns[i] ?? 1 }));
  if (problems.size) return undefined;
  const cols = typed.cols;
  // Only layouts whose checks are all per cell, per key, or (regional) the engine's per-row checks.
  const keyFields: number[] = [];
  const valueFields: number[] = [];
  const countFields: number[] = [];
  const countOf = new Map<string, number>();
  let idField: number | undefined;
  let periodField: number | undefined;
  // A regional file's coverage column: read and compared with the counts by the engine (plan.coverage).
  let coverageField: number | undefined;
  // An employer extract (an employer id, no participant id), and counts read as an extract, are left to
  // the general path: it compares every row's text with the others' (the same row twice is a repeated
  // export), which the engine does not; such files have thousands of rows, not millions. In a participant
  // extract an employer column is a column like another (not read, or a key with --by npp).
  if (extract && typed.wholeRows) return undefined;
  // A status column of an extract is grouped by too: its values are tallied for the warning (statusNotes).
  const status = new Set(typed.statusColumns);
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (!c) return undefined;
    const role = c.role;
    if (status.has(i)) keyFields.push(i);
    else if (role.kind === 'dim') {
      if (regional && !input.keeps!(c.target)) valueFields.push(i);
      else {
        keyFields.push(i);
        // (A regional file's period lets the duplicate-row check keep the months of one key together.)
        if (role.dim === 'period') periodField = i;
      }
    } else if (role.kind === 'measure' && role.measureKind === 'count' && (regional || role.measure === 'participants')) {
      countOf.set(role.measure, countFields.length);
      countFields.push(i);
    } else if (role.kind === 'percent' && regional && coverageField === undefined) coverageField = i;
    else if (role.kind === 'id' && !regional) {
      if (role.id === 'participant_id') idField = i;
    } else if (role.kind !== 'ignored' || c.canonical === '') return undefined;
  }
  const atMost: [number, number][] = [];
  const p = countOf.get('participants');
  if (regional && p !== undefined && !input.allowOverCoverage) for (const d of ['workforce', 'employed', 'potential_workers']) if (countOf.has(d)) atMost.push([p, countOf.get(d)!]);
  // Compared as the general path compares a row: participants ÷ each denominator column the row has.
  const coverage = coverageField === undefined ? undefined : { field: coverageField, participants: p, dens: DENOMINATORS.flatMap((d) => (countOf.has(d) ? [countOf.get(d)!] : [])) };
  const { scanExtract } = await import('./extract/index.js');
  const scan = await scanExtract(
    {
      path: input.path,
      delimiter: h.delimiter.charCodeAt(0),
      dataStart: h.dataStart,
      firstDataLine: 2,
      fieldCount: h.fields.length,
      keyFields,
      countFields,
      idField,
      periodField,
      locale: input.forcedLocale,
      maxGroupShare: 0.25,
      ...(regional ? { valueFields, uniqueRows: true, atMost, totalLabels: true, ...(coverage ? { coverage } : {}) } : {}),
    },
    { onProgress: input.onProgress },
  );
  if (!scan.ok) return undefined;
  // The texts of the columns not grouped by: each must be a key, and two texts never one key (else two
  // rows the engine saw as different could be the same row: the general path compares the keys).
  for (const field of valueFields) if (!typed.distinctKeys(field, scan.fieldTexts?.get(field) ?? [])) return undefined;
  const dropped = new Set(valueFields);
  const groups = scan.groups;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    // Let each group go once it is in the load's groups (a key per row: as many groups as rows).
    (groups as (typeof g | undefined)[])[i] = undefined;
    const cells: string[] = new Array<string>(h.fields.length).fill('');
    keyFields.forEach((field, k) => (cells[field] = g.keys[k]!));
    countFields.forEach((field, k) => (cells[field] = String(g.sums[k]!)));
    typed.group(cells, g.firstLine, g.rows, regional ? dropped : undefined);
    if (problems.size || typed.totalInGroup) return undefined;
  }
  // Regional: two key texts of one key (`Gorontalo`, `GORONTALO`) put two of the engine's groups in one.
  if (regional && (input.merged?.() ?? 0) > 0) return undefined;
  typed.finish();
  if (problems.size) return undefined;
  typed.blankLines = scan.blankLines;
  typed.idForms = scan.idForms ?? 0;
  return { typed, delimiter: h.delimiter, sha256: scan.sha256, bytes: scan.bytes, locale: scan.locale ?? null, idSets: scan.idSets };
}
