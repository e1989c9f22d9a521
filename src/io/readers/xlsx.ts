// Excel rows: one sheet of an .xlsx workbook → header names and data rows for a RowSink, with the sheet
// row and column of every cell, streamed: the sheet's XML is inflated and scanned as it goes (zip.ts,
// xml.ts, xlsx-sheet.ts), so a full sheet of 1,048,576 rows reads in the memory of one row plus the
// shared strings (kept compact: xlsx-parts.ts). The workbook itself is read in ranges from the file.
//
// What a workbook says that a CSV cannot, and that a silent answer would get wrong:
//   - which sheet: the first *visible* sheet unless --sheet names one (a hidden sheet is often last
//     month's data); with several sheets, a note says which one was read, of how many, and which are hidden;
//   - error cells (#N/A, #DIV/0!, …) and formulas without a saved result (written by a script, never
//     opened in Excel): each is a problem naming the cell, never an empty cell;
//   - merged cells: a key written once over several rows (a province over its five regencies, as
//     Excel users do) is filled down from the merge's top cell, with a note naming the ranges; a merged
//     measure (one count over several rows) belongs to no single row and is refused with a hint.
//
// Merged ranges are listed after the rows in the sheet's XML, so the sheet is inflated once to find
// them (a native byte search, alongside the shared strings) before its rows are read.

import { say, type Bilingual, type Problem, type ProblemList } from '../../errors.js';
import { clipValue } from '../../core/clip.js';
import type { Note } from '../../core/facts.js';
import { canonicalColumn, COUNT_COLUMNS, isIdColumn, isKnownColumn, KNOWN_DIMS, roleOf, SEGMENT_COLUMNS, type ColumnWants } from '../../core/columns.js';
import { columnLetters, xlsxCellName } from '../../core/cell-name.js';
import type { Cell, CellPlace, ReaderFacts, RowSink } from '../row-sink.js';
import type { OwnHeader } from '../csv-rows.js';
import { bytesSource, randomAccess, type ByteSource } from './byte-source.js';
import { dateStyles, relationships, SharedStrings, sharedStringsParser, SharedStringsTooLarge, workbookInfo, type SheetInfo } from './xlsx-parts.js';
import { isFlag, MergeFinder, sheetParser, type Flag, type MergedRange, type RawValue, type SheetRowHandler } from './xlsx-sheet.js';
import { XmlError } from './xml.js';
import { titleDate } from '../title-date.js';
import { shellWord } from '../shell-word.js';
import { totalKind } from '../total-rows.js';
import { emptyFile } from '../words.js';
import { readEntry, readZipDirectory, streamEntry, ZipError, type ZipEntry } from './zip.js';

export { columnLetters, xlsxCellName } from '../../core/cell-name.js';

export type ColumnKind = 'key' | 'measure' | 'other';

export interface XlsxReadOptions {
  /** The sheet to read, by name; the first visible sheet when absent. */
  readonly sheet?: string;
  /** A workbook without the sheet `sheet` names is read as without it (its first visible sheet), with a note. */
  readonly sheetIfThere?: boolean;
  /** Other visible sheets with the same data header as the one read are refused, not left out (a data input; rv21 C). */
  readonly oneDataSheet?: boolean;
  /** The 1-based sheet row that holds the column names; found when absent. */
  readonly headerRow?: number;
  /** Whether a header cell names a column the tool knows (used to find the header row). */
  readonly isKnownColumn: (name: string) => boolean;
  /** Told the sheet's name before any column or row, so that the caller can name cells in its messages. */
  readonly onSheet?: (name: string) => void;
  /**
   * What a named column is, for merged cells: a key is filled down, a measure refused. By default the
   * tool's known key columns, ids, counts and percentages; the loader passes the roles of its load.
   */
  readonly columnKind?: (name: string) => ColumnKind;
  /** Told what the reader decided on the user's behalf (the sheet, filled merges), as notes. */
  readonly onNote?: (note: Note) => void;
  /**
   * A workbook given by another flag read under --header-row: when its first non-empty row, above that
   * row, is a header the load can use, it is the header (as without --header-row), said to `onSetAside`.
   */
  readonly ownHeader?: OwnHeader;
}

/** Rows searched for the header when `headerRow` is not given. */
export const HEADER_SEARCH_ROWS = 30;
/** The small parts (workbook, relationships, styles) are read whole, up to this size each. */
const MAX_SMALL_PART = 64 * 2 ** 20;

function defaultColumnKind(name: string): ColumnKind {
  const c = canonicalColumn(name);
  if (KNOWN_DIMS.has(c) || c === 'province_code' || c === 'regency_code' || isIdColumn(c)) return 'key';
  if (COUNT_COLUMNS.has(c) || SEGMENT_COLUMNS.has(c) || c === 'coverage' || c === 'weight') return 'measure';
  return 'other';
}

const saveAgain = { en: 'open it in Excel and save it again as .xlsx', id: 'buka di Excel lalu simpan ulang sebagai .xlsx' };

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}


const quoted = (s: string): string => JSON.stringify(clipValue(s));

/**
 * Read one sheet of an .xlsx workbook, from its bytes or from a file read in ranges.
 *
 * @example
 * // Sheet "Data Juni": A1 "Laporan Juni", row 3 "province | participants", row 4 "Gorontalo | 256129"
 * await readXlsxRows(bytes, 'juni.xlsx', { sheet: 'Data Juni', isKnownColumn }, sink, problems)
 * // → sink.column('province', 0, {line 3, column 1}), sink.column('participants', 1, {line 3, column 2}),
 * //   sink.row(['Gorontalo', 256129], 4, [{line 4, column 1}, {line 4, column 2}])
 * // → { format: 'xlsx', sheet: 'Data Juni', headerRow: 3 }
 */
export async function readXlsxRows(input: Uint8Array | ByteSource, file: string, options: XlsxReadOptions, sink: RowSink, problems: ProblemList): Promise<ReaderFacts> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const facts: ReaderFacts = { format: 'xlsx' };
  const refuse = (text: Bilingual): ReaderFacts => {
    problems.add({ file, ...text });
    return facts;
  };
  const cannotRead = (e: unknown): Bilingual => {
    const w: Bilingual = e instanceof ZipError ? e.words : say((e as Error).message, (e as Error).message);
    return say(
      { message: `the workbook cannot be read: ${w.message}`, hint: w.hint ?? saveAgain.en },
      { message: `buku kerja tidak dapat dibaca: ${w.id?.message ?? w.message}`, hint: w.id?.hint ?? w.hint ?? saveAgain.id },
    );
  };
  if (source.size === 0) return refuse(emptyFile());
  const head = await source.read(0, 8);
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
      return refuse(
        say(
          { message: 'this is an old-style Excel workbook (.xls) or a password-protected one, not an .xlsx workbook', hint: 'open it in Excel and save it as "Excel Workbook (.xlsx)" without a password' },
          { message: 'ini buku kerja Excel format lama (.xls) atau yang dilindungi kata sandi, bukan buku kerja .xlsx', hint: 'buka di Excel lalu simpan sebagai "Excel Workbook (.xlsx)" tanpa kata sandi' },
        ),
      );
    }
    return refuse(
      say(
        { message: 'this is not an .xlsx workbook (it is not a zip archive)', hint: 'save the sheet as "Excel Workbook (.xlsx)", or as CSV' },
        { message: 'ini bukan buku kerja .xlsx (bukan arsip zip)', hint: 'simpan lembar itu sebagai "Excel Workbook (.xlsx)", atau sebagai CSV' },
      ),
    );
  }

  // The workbook: its parts, its sheets.
  let entries: Map<string, ZipEntry>;
  let sheets: readonly SheetInfo[];
  let date1904: boolean;
  let sharedPath: string | undefined;
  let stylesPath: string | undefined;
  try {
    entries = await readZipDirectory(source);
    const text = async (path: string): Promise<string | undefined> => {
      const e = entries.get(path);
      return e ? Buffer.from(await readEntry(source, e, MAX_SMALL_PART)).toString('utf8') : undefined;
    };
    const rootRels = await text('_rels/.rels');
    const workbookPath = (rootRels && relationships(rootRels, '').byType.get('officeDocument')) || 'xl/workbook.xml';
    const workbookXml = await text(workbookPath);
    if (workbookXml === undefined) throw new Error(`it has no ${workbookPath} part`);
    const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
    const relsPath = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
    const info = workbookInfo(workbookXml, relationships((await text(relsPath)) ?? '', base), base);
    sheets = info.sheets;
    date1904 = info.date1904;
    sharedPath = info.sharedStrings;
    stylesPath = info.styles;
  } catch (e) {
    if (!(e instanceof ZipError) && !(e instanceof Error && e.constructor === Error)) throw e;
    return refuse(cannotRead(e));
  }
  if (sheets.length === 0) return refuse(say('the workbook has no sheets', 'buku kerja tidak memiliki lembar'));

  const listSheets = (lang: 'en' | 'id'): string => sheets.map((s) => `${quoted(s.name)}${s.state === 'visible' ? '' : lang === 'id' ? ' (tersembunyi)' : ' (hidden)'}`).join(', ');
  const firstVisible = sheets.findIndex((s) => s.state === 'visible');
  let sheetIndex = firstVisible >= 0 ? firstVisible : 0;
  /** --sheet named a sheet this workbook (given by another flag) lacks: it is read by its own rule. */
  let missing: string | undefined;
  if (options.sheet !== undefined) {
    sheetIndex = sheets.findIndex((s) => s.name === options.sheet);
    // Excel itself treats sheet names without regard to case; so do we, when nothing matches exactly.
    if (sheetIndex < 0) sheetIndex = sheets.findIndex((s) => s.name.toLowerCase() === options.sheet!.toLowerCase());
    if (sheetIndex < 0 && options.sheetIfThere) {
      missing = options.sheet;
      sheetIndex = firstVisible >= 0 ? firstVisible : 0;
    }
    if (sheetIndex < 0) {
      const wanted = quoted(options.sheet);
      const example = shellWord(sheets[firstVisible >= 0 ? firstVisible : 0]!.name);
      return refuse(say({ message: `no sheet named ${wanted}; the workbook's sheets: ${listSheets('en')}`, hint: `e.g. --sheet ${example}` }, { message: `tidak ada lembar bernama ${wanted}; lembar di buku kerja: ${listSheets('id')}`, hint: `mis. --sheet ${example}` }));
    }
  }
  const sheet = sheets[sheetIndex]!;
  options.onSheet?.(sheet.name);
  // With several sheets, or when --sheet's sheet is not in the workbook, a note names the sheet read.
  if (sheets.length > 1 || missing !== undefined) options.onNote?.({ code: 'sheet-read', file, sheet: sheet.name, sheets: sheets.length, hidden: sheets.filter((s) => s.state !== 'visible').map((s) => s.name), chosen: options.sheet !== undefined && missing === undefined, ...(missing !== undefined ? { missing } : {}) });
  const withSheet: ReaderFacts = { format: 'xlsx', sheet: sheet.name };
  const sheetUnreadable = (e: unknown): Bilingual => {
    const w: Bilingual = e instanceof ZipError ? e.words : say((e as Error).message, (e as Error).message);
    return say(
      { message: `sheet ${quoted(sheet.name)} cannot be read: ${w.message}`, hint: w.hint ?? 'open the workbook in Excel and save it again as .xlsx' },
      { message: `lembar ${quoted(sheet.name)} tidak dapat dibaca: ${w.id?.message ?? w.message}`, hint: w.id?.hint ?? w.hint ?? 'buka buku kerja di Excel lalu simpan ulang sebagai .xlsx' },
    );
  };
  const sheetEntry = sheet.path === undefined ? undefined : entries.get(sheet.path);
  if (!sheetEntry) {
    problems.add({ file, ...sheetUnreadable(new Error(sheet.path === undefined ? 'it is not a worksheet (a chart sheet, or its part is not named)' : `its part ${sheet.path} is missing`)) });
    return withSheet;
  }

  // Styles (which numbers are dates), shared strings and merged ranges; the last two stream, side by side.
  const sharedEntry = sharedPath === undefined ? undefined : entries.get(sharedPath);
  const shared = new SharedStrings(sharedEntry?.size);
  let styles: Uint8Array = new Uint8Array(0);
  const merges = new MergeFinder();
  try {
    const stylesEntry = stylesPath === undefined ? undefined : entries.get(stylesPath);
    if (stylesEntry) styles = dateStyles(Buffer.from(await readEntry(source, stylesEntry, MAX_SMALL_PART)).toString('utf8'));
    await Promise.all([
      sharedEntry
        ? (async () => {
            const parser = sharedStringsParser(shared);
            await streamEntry(source, sharedEntry, (c) => parser.push(c));
            parser.end();
            shared.trim();
          })()
        : Promise.resolve(),
      streamEntry(source, sheetEntry, (c) => merges.push(c)),
    ]);
  } catch (e) {
    if (e instanceof SharedStringsTooLarge) {
      return refuse(
        say(
          { message: `its shared strings table holds more than ${2 ** 30 / 2 ** 20} MiB of text`, hint: 'save the data sheet alone as CSV (File › Save As › CSV UTF-8)' },
          { message: `tabel teks bersamanya memuat lebih dari ${2 ** 30 / 2 ** 20} MiB teks`, hint: 'simpan lembar data saja sebagai CSV (File › Save As › CSV UTF-8)' },
        ),
      );
    }
    if (e instanceof ZipError || e instanceof XmlError) return refuse(cannotRead(e));
    throw e;
  }

  // Without --sheet, a workbook whose other visible sheets have the data columns too (one sheet per
  // province, Kanwil or month) would be read in part: refused, naming them (rv21 C). So is a first sheet
  // without them (notes) when another has them, naming that one.
  if (options.sheet === undefined && missing === undefined) {
    const visible = sheets.filter((s) => s.state === 'visible');
    if (visible.length > 1) {
      // Each visible sheet's data header, as the set of its known columns (undefined: none).
      const headers = new Map<string, string>();
      for (const s of visible) {
        const e = s.path === undefined ? undefined : entries.get(s.path);
        const h = e ? await dataHeader(source, e, { shared, dateStyles: styles, date1904 }, options.isKnownColumn) : undefined;
        if (h !== undefined) headers.set(s.name, h);
      }
      const others = [...headers.keys()].filter((n) => n !== sheet.name);
      // The sheets with the same data header as the sheet read (one per province, Kanwil or month).
      const own = headers.get(sheet.name);
      const withHeader = own === undefined ? [] : [...headers.keys()].filter((n) => headers.get(n) === own);
      const word = (): string => withHeader.map(quoted).join(', ');
      if (options.oneDataSheet && withHeader.length > 1) {
        return refuse(
          say(
            { message: `${withHeader.length} sheets have the same data columns: ${word()}; one sheet of a workbook is read, and the others would be left out`, hint: `read each with --sheet (e.g. --sheet ${shellWord(withHeader[0]!)}) in its own run, or put the rows on one sheet, or save each sheet as a CSV file and give them all` },
            { message: `${withHeader.length} lembar memiliki kolom data yang sama: ${word()}; hanya satu lembar buku kerja yang dibaca, dan yang lain akan tertinggal`, hint: `baca masing-masing dengan --sheet (mis. --sheet ${shellWord(withHeader[0]!)}) dalam proses tersendiri, atau satukan barisnya dalam satu lembar, atau simpan setiap lembar sebagai berkas CSV lalu berikan semuanya` },
          ),
        );
      }
      // Of several other sheets with known names, the one with participants is the data (a code list,
      // Kode | Provinsi, has two known names too: an office template's instructions + data + codes; rv23 F6).
      const data = others.length === 1 ? others : others.filter((n) => headers.get(n)!.split('\u0000').some((c) => c === 'participants' || c === 'participant_id' || SEGMENT_COLUMNS.has(c)));
      if (options.headerRow === undefined && own === undefined && data.length === 1) {
        return refuse(
          say(
            { message: `sheet ${quoted(sheet.name)}, the first, has no data columns (no row of its first ${HEADER_SEARCH_ROWS} with two known column names); sheet ${quoted(data[0]!)} has them`, hint: `pass --sheet ${shellWord(data[0]!)}` },
            { message: `lembar ${quoted(sheet.name)}, yang pertama, tidak memiliki kolom data (tidak ada baris di ${HEADER_SEARCH_ROWS} baris pertamanya dengan dua nama kolom yang dikenal); lembar ${quoted(data[0]!)} memilikinya`, hint: `berikan --sheet ${shellWord(data[0]!)}` },
          ),
        );
      }
    }
  }

  const rows = new SheetRows(file, sheet.name, options, sink, problems, merges.ranges);
  try {
    const parser = sheetParser({ shared, dateStyles: styles, date1904 }, rows);
    await streamEntry(source, sheetEntry, (c) => parser.push(c));
    parser.end();
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlError) {
      problems.add({ file, ...sheetUnreadable(e) });
      return withSheet;
    }
    throw e;
  }
  const headerRow = rows.finish(sheets.length > 1 ? listSheets : undefined);
  if (headerRow === undefined) return withSheet;
  if (rows.filled.length) options.onNote?.({ code: 'merged-filled', file, sheet: sheet.name, ranges: rows.filled });
  if (rows.above.length) options.onNote?.({ code: 'rows-above-header', file, sheet: sheet.name, header: headerRow, rows: rows.above.slice(0, 5), more: Math.max(0, rows.above.length - 5) + rows.aboveMore, ...titleDate(rows.above, rows.periodColumn()), ...(options.headerRow !== undefined ? { given: true as const } : {}) });
  // Hidden rows (filtered out, or hidden by hand) are data like the others and are counted: the file holds
  // them, and refusing would refuse every workbook saved with a filter on. But a planner who filtered the
  // sheet would not expect them in the totals, so the note says so; hidden columns that are read, too.
  // Hidden data rows change the totals from what the sheet shows: a warning (rv28 R19); hidden total rows only, a note.
  if (rows.hiddenData) options.onNote?.({ code: 'hidden-data-rows', file, sheet: sheet.name, rows: rows.hiddenData, of: rows.dataRows, first: rows.firstHiddenData, filter: rows.filtered });
  else if (rows.hiddenRows) options.onNote?.({ code: 'hidden-rows', file, sheet: sheet.name, rows: rows.hiddenRows, first: rows.firstHidden, filter: rows.filtered });
  const hiddenColumns = rows.hiddenColumnsRead();
  if (hiddenColumns.length) options.onNote?.({ code: 'hidden-columns', file, sheet: sheet.name, columns: hiddenColumns });
  return { format: 'xlsx', sheet: sheet.name, headerRow };
}

/** Stops the reading of a sheet once its first rows are known (hasDataHeader). */
class HeaderSearchDone extends Error {}

/**
 * A sheet's data header: the first row among its first HEADER_SEARCH_ROWS with two known column names,
 * as its known names in their standard form, sorted and joined (undefined: no such row).
 */
async function dataHeader(source: ByteSource, entry: ZipEntry, o: Parameters<typeof sheetParser>[0], isKnownColumn: (name: string) => boolean): Promise<string | undefined> {
  let found: string | undefined;
  const parser = sheetParser(o, {
    row(row, _columns, values, count) {
      if (row > HEADER_SEARCH_ROWS) throw new HeaderSearchDone();
      const known: string[] = [];
      for (let i = 0; i < count; i++) {
        const name = headerText(values[i]!);
        if (name !== '' && isKnownColumn(name)) known.push(canonicalColumn(name));
      }
      if (known.length >= 2) {
        found = known.sort().join('\u0000');
        throw new HeaderSearchDone();
      }
    },
  });
  try {
    await streamEntry(source, entry, (c) => parser.push(c));
    parser.end();
  } catch (e) {
    if (!(e instanceof HeaderSearchDone)) return undefined; // an unreadable sheet is said when it is the one read
  }
  return found;
}

// ── rows: the header, the columns, the data rows ──

interface BufferedRow {
  readonly row: number;
  readonly columns: number[];
  readonly values: RawValue[];
  readonly hidden: boolean;
}

interface Fill {
  readonly range: MergedRange;
  /** The named column index the merge fills. */
  readonly k: number;
  value: Cell;
}

/** Header and text of a header cell. */
function headerText(v: RawValue): string {
  if (v === null || isFlag(v)) return '';
  return typeof v === 'string' ? v : String(v);
}

class SheetRows implements SheetRowHandler {
  private phase: 'search' | 'data' = 'search';
  /** --header-row as applied to this sheet (set aside when its own first row is its header: XlsxReadOptions.ownHeader). */
  private given: number | undefined;
  private ownChecked = false;
  private readonly buffered: BufferedRow[] = [];
  private lastNonEmpty = 0;
  private headerRow: number | undefined;
  /** Sheet column → index of the named column, or −1. */
  private readonly named = new Map<number, number>();
  /** Named column index → sheet column. */
  private readonly columnOf: number[] = [];
  private readonly headerFlagged = new Set<number>();
  private readonly unnamedReported = new Set<number>();
  private width = 0;
  private names: readonly string[] = [];
  private lastEmitted = 0;
  private headerError = false;
  /** Merges of key columns to fill down, by their top row; the active ones by named column. */
  private readonly fillsByTop = new Map<number, Fill[]>();
  private readonly active: Fill[] = [];
  /** Merges over a measure column, refused (said once): their cells get no second problem (RowSink.row). */
  private readonly refusedMerges: MergedRange[] = [];
  /** The ranges filled down (for the note). */
  readonly filled: string[] = [];
  /**
   * Non-empty rows above the header found by its column names, not read: their row and text. Above a
   * header row given (--header-row), only those that name a date (the five first; `aboveMore` the others):
   * the rows were set aside by the user, but a month there is not read, and said (rv27 F6).
   */
  readonly above: { row: number; text: string }[] = [];
  aboveMore = 0;
  private skippedAbove(row: number, values: readonly RawValue[], count: number): void {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const t = headerText(values[i]!);
      if (t !== '') parts.push(t);
    }
    const text = parts.join(' | ');
    if (!Object.keys(titleDate([{ text }], false)).length) return;
    if (this.above.length < 5) this.above.push({ row, text });
    else this.aboveMore++;
  }

  /** The header names a period column (the rows' month is theirs, whatever is written above it). */
  periodColumn(): boolean {
    return this.names.some((n) => canonicalColumn(n) === 'period');
  }
  /** Data rows hidden in the workbook (hidden, or filtered out): how many, and the first (no list: memory stays flat). */
  hiddenRows = 0;
  firstHidden = 0;
  /** Of the rows read, those that are data (not a total row by their key), and the hidden ones among them (rv28 R19). */
  dataRows = 0;
  hiddenData = 0;
  firstHiddenData = 0;
  /** The sheet has an autofilter. */
  filtered = false;
  private hiddenRanges: readonly (readonly [number, number])[] = [];

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly o: XlsxReadOptions,
    private readonly sink: RowSink,
    private readonly problems: ProblemList,
    private readonly merges: readonly MergedRange[],
  ) {
    this.given = o.headerRow;
  }

  private at(row: number, column: number): string {
    return `${this.file}:${xlsxCellName(this.sheet, row, column)}`;
  }

  hiddenColumns(ranges: readonly (readonly [number, number])[]): void {
    this.hiddenRanges = ranges.map((r) => [r[0], r[1]] as const);
  }

  filter(): void {
    this.filtered = true;
  }

  /** The named columns hidden in the workbook whose values are read (keys and measures), as "C (participants)". */
  hiddenColumnsRead(names: (name: string) => ColumnKind = this.o.columnKind ?? defaultColumnKind): string[] {
    const out: string[] = [];
    for (const [c, k] of this.named) {
      if (!this.hiddenRanges.some(([lo, hi]) => c >= lo && c <= hi)) continue;
      const name = this.names[k]!;
      if (names(name) !== 'other') out.push(`${columnLetters(c)} (${clipValue(name)})`);
    }
    return out;
  }

  row(row: number, columns: readonly number[], values: readonly RawValue[], count: number, hidden = false): void {
    let empty = true;
    for (let i = 0; i < count; i++) {
      if (values[i] !== null) {
        empty = false;
        break;
      }
    }
    if (!empty) this.lastNonEmpty = row;
    if (this.phase === 'data') {
      if (!empty) this.dataRow(row, columns, values, count, hidden);
      return;
    }
    if (this.headerError) return;
    const given = this.given;
    if (given !== undefined && this.o.ownHeader && !this.ownChecked && !empty) {
      this.ownChecked = true;
      if (row < given) {
        const names: string[] = [];
        for (let i = 0; i < count; i++) names.push(headerText(values[i]!));
        if (this.o.ownHeader.usable(names.filter((n) => n !== ''))) {
          this.o.ownHeader.onSetAside({ line: row, headerRow: given });
          this.given = undefined;
          this.setHeader(row, columns, values, count);
          return;
        }
      }
    }
    if (given !== undefined) {
      if (row < given) {
        if (!empty) this.skippedAbove(row, values, count);
        return;
      }
      if (row === given && !empty) {
        this.setHeader(row, columns, values, count);
        return;
      }
      if (!empty) this.headerError = true; // the given row is empty: said in finish()
      return;
    }
    if (empty) return;
    if (row <= HEADER_SEARCH_ROWS) {
      let known = 0;
      for (let i = 0; i < count && known < 2; i++) {
        const name = headerText(values[i]!);
        if (name !== '' && this.o.isKnownColumn(name)) known++;
      }
      if (known >= 2) {
        // The rows above the header (a title block: "Provinsi | Gorontalo", "Periode | 2024-06") are not
        // read: said, with their text, so that a month written there is not lost without a word (rv21 E).
        for (const b of this.buffered) this.above.push({ row: b.row, text: b.values.map(headerText).filter((t) => t !== '').join(' | ') });
        this.buffered.length = 0;
        this.setHeader(row, columns, values, count);
        return;
      }
      this.buffered.push({ row, columns: columns.slice(0, count), values: values.slice(0, count), hidden });
      return;
    }
    // No header in the first rows: the first non-empty row is the header.
    if (this.fallbackHeader()) this.dataRow(row, columns, values, count, hidden);
    else this.setHeader(row, columns, values, count);
  }

  /** The first non-empty buffered row becomes the header; the rest are data. */
  private fallbackHeader(): boolean {
    const first = this.buffered.shift();
    if (!first) return false;
    this.setHeader(first.row, first.columns, first.values, first.columns.length);
    for (const b of this.buffered.splice(0)) this.dataRow(b.row, b.columns, b.values, b.columns.length, b.hidden);
    return true;
  }

  private setHeader(row: number, columns: readonly number[], values: readonly RawValue[], count: number): void {
    this.headerRow = row;
    this.lastEmitted = row;
    this.phase = 'data';
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const c = columns[i]!;
      const v = values[i]!;
      if (isFlag(v)) {
        this.headerFlagged.add(c);
        this.problems.add(flaggedProblem(v, this.at(row, c)));
        continue;
      }
      const name = headerText(v);
      if (name === '') continue;
      this.named.set(c, names.length);
      this.columnOf.push(c);
      this.sink.column(name, names.length, { line: row, column: c });
      names.push(name);
    }
    this.width = names.length;
    this.names = names;
    this.planMerges(row, names);
  }

  /** Merges below the header: key columns are filled down, measures refused. */
  private planMerges(headerRow: number, names: readonly string[]): void {
    const kind = this.o.columnKind ?? defaultColumnKind;
    const kinds = new Map<number, ColumnKind>();
    for (const [c, k] of this.named) kinds.set(c, kind(names[k]!));
    for (const m of this.merges) {
      if (m.r1 <= headerRow) continue;
      let measure: number | undefined;
      for (let c = m.c1; c <= m.c2 && measure === undefined; c++) if (kinds.get(c) === 'measure' && (c !== m.c1 || m.r2 > m.r1)) measure = c;
      const ref = `${columnLetters(m.c1)}${m.r1}:${columnLetters(m.c2)}${m.r2}`;
      if (measure !== undefined) {
        const name = names[this.named.get(measure)!]!;
        const rowsText = m.r2 > m.r1 ? `rows ${m.r1}–${m.r2}` : `columns ${columnLetters(m.c1)}–${columnLetters(m.c2)}`;
        const rowsId = m.r2 > m.r1 ? `baris ${m.r1}–${m.r2}` : `kolom ${columnLetters(m.c1)}–${columnLetters(m.c2)}`;
        this.problems.add({
          file: this.at(m.r1, m.c1),
          ...say(
            { message: `cells ${ref} are merged over ${rowsText}, in the measure column ${quoted(name)}: one number written over several cells belongs to none of them alone`, hint: `unmerge ${ref} (Home › Merge & Center › Unmerge Cells) and write each row's own number; merged key cells (province, regency…) are fine: they are filled down` },
            { message: `sel ${ref} digabung melintasi ${rowsId}, di kolom ukuran ${quoted(name)}: satu angka yang ditulis melintasi beberapa sel bukan milik salah satunya saja`, hint: `pisahkan ${ref} (Home › Merge & Center › Unmerge Cells) lalu tulis angka setiap baris; sel kunci yang digabung (provinsi, kabupaten…) tidak masalah: nilainya diisi ke bawah` },
          ),
        });
        this.refusedMerges.push(m);
        continue;
      }
      if (m.r2 > m.r1 && kinds.get(m.c1) === 'key') {
        const fill: Fill = { range: m, k: this.named.get(m.c1)!, value: null };
        const list = this.fillsByTop.get(m.r1);
        if (list) list.push(fill);
        else this.fillsByTop.set(m.r1, [fill]);
      }
    }
  }

  private dataRow(row: number, columns: readonly number[], values: readonly RawValue[], count: number, hidden: boolean): void {
    if (hidden && this.hiddenRows++ === 0) this.firstHidden = row;
    const cells: Cell[] = new Array<Cell>(this.width).fill(null);
    const places: CellPlace[] = new Array<CellPlace>(this.width);
    // Cells refused here, said once with their place (RowSink.row: no second problem for them).
    let refused: number[] | undefined;
    for (let i = 0; i < count; i++) {
      const c = columns[i]!;
      const v = values[i]!;
      if (v === null) continue;
      if (isFlag(v)) this.problems.add(flaggedProblem(v, this.at(row, c)));
      const k = this.named.get(c);
      if (k !== undefined) {
        if (!isFlag(v)) cells[k] = v;
        else (refused ??= []).push(k);
      } else if (!this.headerFlagged.has(c) && !this.unnamedReported.has(c)) {
        this.unnamedReported.add(c);
        this.unnamedColumn(c, row);
      }
    }
    for (let k = 0; k < this.width; k++) places[k] = { line: row, column: this.columnOf[k]! };
    // Merged key cells: the top row gives the value, the rows below take it where they are empty.
    const starting = this.fillsByTop.get(row);
    if (starting) {
      for (const f of starting) {
        f.value = cells[f.k] ?? null;
        if (f.value !== null) {
          this.active.push(f);
          this.filled.push(`${columnLetters(f.range.c1)}${f.range.r1}:${columnLetters(f.range.c2)}${f.range.r2}`);
        }
      }
      this.fillsByTop.delete(row);
    }
    if (this.active.length) {
      for (let j = this.active.length - 1; j >= 0; j--) {
        const f = this.active[j]!;
        if (row > f.range.r2) {
          this.active.splice(j, 1);
          continue;
        }
        if (row > f.range.r1 && cells[f.k] === null) {
          cells[f.k] = f.value;
          places[f.k] = { line: f.range.r1, column: f.range.c1 };
        }
      }
    }
    for (const m of this.refusedMerges) {
      if (row < m.r1 || row > m.r2) continue;
      for (let c = m.c1; c <= m.c2; c++) {
        const k = this.named.get(c);
        if (k !== undefined && !refused?.includes(k)) (refused ??= []).push(k);
      }
    }
    // A data row (no key cell names a total) hidden changes what the report adds up: counted apart (rv28 R19).
    if (!cells.some((c) => typeof c === 'string' && totalKind(c) !== undefined)) {
      this.dataRows++;
      if (hidden && this.hiddenData++ === 0) this.firstHiddenData = row;
    }
    for (let r = this.lastEmitted + 1; r < row; r++) this.sink.blank?.(r);
    this.lastEmitted = row;
    this.sink.row(cells, row, places, undefined, refused);
  }

  private unnamedColumn(c: number, firstValue: number): void {
    const h = this.headerRow!;
    const L = columnLetters(c);
    const given = this.given !== undefined;
    this.problems.add({
      file: this.at(h, c),
      ...say(
        { message: `column ${L} has values (first at ${L}${firstValue}) but no name in the header row (row ${h})`, hint: `write the column's name in ${L}${h}, or delete the column${given ? '' : '; or give the header row with --header-row'}` },
        { message: `kolom ${L} berisi nilai (pertama di ${L}${firstValue}) tetapi tidak bernama di baris judul (baris ${h})`, hint: `tulis nama kolom itu di ${L}${h}, atau hapus kolomnya${given ? '' : '; atau tentukan baris judul dengan --header-row'}` },
      ),
    });
  }

  /**
   * The end of the sheet: the header row, when it could not be decided while reading; problems for an
   * empty sheet or a header row that is empty or beyond the last row. Returns the header row, if any.
   */
  finish(listSheets: ((lang: 'en' | 'id') => string) | undefined): number | undefined {
    if (this.phase === 'search' && this.given === undefined) this.fallbackHeader();
    if (this.lastNonEmpty === 0) {
      const name = quoted(this.sheet);
      this.problems.add({
        file: this.file,
        ...say(
          { message: `sheet ${name} is empty`, hint: listSheets ? `the workbook's sheets: ${listSheets('en')}; choose one with --sheet` : undefined },
          { message: `lembar ${name} kosong`, hint: listSheets ? `lembar di buku kerja: ${listSheets('id')}; pilih salah satu dengan --sheet` : undefined },
        ),
      });
      return undefined;
    }
    if (this.phase === 'search') {
      const given = this.given!;
      const lastRow = this.lastNonEmpty;
      const beyond = given > lastRow;
      const name = quoted(this.sheet);
      this.problems.add({
        file: this.at(Number.isInteger(given) && given >= 1 ? Math.min(given, 1_048_576) : 1, 1),
        ...say(
          { message: `row ${given} of sheet ${name} is ${beyond ? `beyond its last row (${lastRow})` : 'empty'}: it cannot be the header row`, hint: 'give --header-row the sheet row (as Excel numbers it) that holds the column names' },
          { message: `baris ${given} lembar ${name} ${beyond ? `melewati baris terakhirnya (${lastRow})` : 'kosong'}: tidak dapat menjadi baris judul`, hint: 'berikan ke --header-row nomor baris lembar (seperti penomoran Excel) yang memuat nama kolom' },
        ),
      });
      return undefined;
    }
    return this.headerRow;
  }
}

function flaggedProblem(f: Flag, where: string): Problem {
  if (f.flag === 'unreadable') return unreadableProblem(f, where);
  return f.flag === 'no-result'
    ? {
        file: where,
        ...say(
          { message: 'a formula without a saved result (the cell would read as empty)', hint: 'open the workbook in Excel or LibreOffice and save it, so that formula results are stored; or paste the values' },
          { message: 'rumus tanpa hasil tersimpan (sel akan terbaca kosong)', hint: 'buka buku kerja di Excel atau LibreOffice lalu simpan, agar hasil rumus tersimpan; atau tempel nilainya saja' },
        ),
      }
    : {
        file: where,
        ...say(
          { message: `the cell holds the error value ${clipValue(f.value)}`, hint: 'correct the formula or the data it refers to, or clear the cell' },
          { message: `sel berisi nilai galat ${clipValue(f.value)}`, hint: 'perbaiki rumusnya atau data yang dirujuknya, atau kosongkan sel' },
        ),
      };
}

function unreadableProblem(f: Flag & { flag: 'unreadable' }, where: string): Problem {
  if (f.why === 'string-index') {
    return {
      file: where,
      ...say(
        { message: `the cell refers to shared text ${quoted(f.detail)}, which the workbook does not have`, hint: saveAgain.en },
        { message: `sel merujuk ke teks bersama ${quoted(f.detail)}, yang tidak ada di buku kerja`, hint: saveAgain.id },
      ),
    };
  }
  return { file: where, ...say({ message: 'a cell of a kind that cannot be read', hint: 'enter a number, a text or a date' }, { message: 'jenis sel ini tidak dapat dibaca', hint: 'isi dengan angka, teks atau tanggal' }) };
}

/**
 * An opened workbook (a file, read in ranges; or standard input, read whole) through readXlsxRows, for
 * the loader: key columns are filled down when merged and measures refused, by the roles of the load.
 */
export async function readXlsxInput(
  input: { readonly name: string; readonly file?: string },
  first: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  options: { readonly sheet?: string; readonly sheetIfThere?: boolean; readonly oneDataSheet?: boolean; readonly headerRow?: number; readonly ownHeader?: OwnHeader; readonly wants: ColumnWants; readonly onSheet: (name: string) => void },
  sink: RowSink,
  problems: ProblemList,
): Promise<{ facts: ReaderFacts; notes: Note[]; sha256: string; bytes: number }> {
  const opened = await randomAccess(input.name, input.file, first, rest);
  const notes: Note[] = [];
  try {
    const columnKind = (name: string): ColumnKind => {
      const role = roleOf(canonicalColumn(name), options.wants);
      return role.kind === 'dim' || role.kind === 'id' ? 'key' : role.kind === 'measure' || role.kind === 'segment-part' || role.kind === 'percent' ? 'measure' : 'other';
    };
    const facts = await readXlsxRows(opened.source, input.name, { sheet: options.sheet, sheetIfThere: options.sheetIfThere, oneDataSheet: options.oneDataSheet, headerRow: options.headerRow, ...(options.ownHeader ? { ownHeader: options.ownHeader } : {}), isKnownColumn, onSheet: options.onSheet, columnKind, onNote: (n) => notes.push(n) }, sink, problems);
    return { facts, notes, sha256: opened.sha256, bytes: opened.bytes };
  } finally {
    await opened.close();
  }
}
