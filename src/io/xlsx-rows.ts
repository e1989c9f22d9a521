// Excel rows: one sheet of an .xlsx workbook → header names and data rows for a RowSink, with the sheet
// row and column of every cell.
//
// The cells come from read-excel-file (the sibling of the write-excel-file we write reports with):
// numbers as numbers, text as written (`trim: false`: the typed layer trims), booleans, dates (numbers
// with a date format) as Date objects, formulas as their saved results. Two things it does not tell,
// and a silent answer would be a wrong number, so we look at the sheet's XML ourselves (fflate unzips
// just the workbook part and that one sheet):
//   - an error cell (#N/A, #DIV/0!, …) reads as an empty cell: we report each one, naming the cell;
//   - a formula without a saved result (written by a script, never opened in Excel) reads as empty too.
// The same XML gives the sheet names, so `--sheet` can be checked and the cell names are right.
//
// read-excel-file reads the whole workbook into memory (it does not stream): measured on Node 20, a
// 100,000-row sheet of six columns peaks at about 230 MiB RSS for the process, 300,000 rows at about
// 530 MiB, almost all of it in read-excel-file (the XML as strings, then every row). Our own pass
// over the XML adds little (it decodes the sheet only when it holds formulas or error values).
//
// Both libraries load on first use: start-up does not pay for them.

import { say, type Bilingual, type Problem, type ProblemList } from '../errors.js';
import type { Cell, CellPlace, ReaderFacts, RowSink } from './row-sink.js';

export interface XlsxReadOptions {
  /** The sheet to read, by name; the first sheet when absent. */
  readonly sheet?: string;
  /** The 1-based sheet row that holds the column names; found when absent. */
  readonly headerRow?: number;
  /** Whether a header cell names a column the tool knows (used to find the header row). */
  readonly isKnownColumn: (name: string) => boolean;
  /** Told the sheet's name before any column or row, so that the caller can name cells in its messages. */
  readonly onSheet?: (name: string) => void;
}

/** Rows searched for the header when `headerRow` is not given. */
export const HEADER_SEARCH_ROWS = 30;
/** Refuse a workbook whose XML parts would unpack to more than this (a zip bomb, or not a data file). */
const MAX_XML_BYTES = 2 ** 30;
const DAY_MS = 86_400_000;

/**
 * Read one sheet of an .xlsx workbook.
 *
 * @example
 * // Sheet "Data Juni": A1 "Laporan Juni", row 3 "province | participants", row 4 "Gorontalo | 256129"
 * await readXlsxRows(bytes, 'juni.xlsx', { sheet: 'Data Juni', isKnownColumn }, sink, problems)
 * // → sink.column('province', 0, {line 3, column 1}), sink.column('participants', 1, {line 3, column 2}),
 * //   sink.row(['Gorontalo', 256129], 4, [{line 4, column 1}, {line 4, column 2}])
 * // → { format: 'xlsx', sheet: 'Data Juni', headerRow: 3 }
 */
export async function readXlsxRows(bytes: Uint8Array, file: string, options: XlsxReadOptions, sink: RowSink, problems: ProblemList): Promise<ReaderFacts> {
  const facts: ReaderFacts = { format: 'xlsx' };
  const refuse = (text: Bilingual): ReaderFacts => {
    problems.add({ file, ...text });
    return facts;
  };
  // The reader's own words (a library's, or a missing part) stay as they are, inside the message.
  const saveAgain = { en: 'open it in Excel and save it again as .xlsx', id: 'buka di Excel lalu simpan ulang sebagai .xlsx' };
  const sheetUnreadable = (name: string, e: unknown): Bilingual =>
    say(
      { message: `sheet ${JSON.stringify(name)} cannot be read: ${(e as Error).message}`, hint: 'open the workbook in Excel and save it again as .xlsx' },
      { message: `lembar ${JSON.stringify(name)} tidak dapat dibaca: ${(e as Error).message}`, hint: 'buka buku kerja di Excel lalu simpan ulang sebagai .xlsx' },
    );
  if (bytes.length === 0) return refuse(say('the file is empty', 'berkas kosong'));
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
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

  const { unzipSync, strFromU8 } = await import('fflate');
  let workbook: Workbook;
  try {
    workbook = readWorkbook(unzipSync, strFromU8, bytes);
  } catch (e) {
    return refuse(say({ message: `the workbook cannot be read: ${(e as Error).message}`, hint: saveAgain.en }, { message: `buku kerja tidak dapat dibaca: ${(e as Error).message}`, hint: saveAgain.id }));
  }
  if (workbook.xmlBytes > MAX_XML_BYTES) {
    const mib = MAX_XML_BYTES / 2 ** 20;
    return refuse(say({ message: `the workbook unpacks to more than ${mib} MiB of XML`, hint: 'save the data sheet alone, or as CSV' }, { message: `buku kerja ini terurai menjadi lebih dari ${mib} MiB XML`, hint: 'simpan lembar data saja, atau sebagai CSV' }));
  }
  if (workbook.sheets.length === 0) return refuse(say('the workbook has no sheets', 'buku kerja tidak memiliki lembar'));

  let sheetIndex = 0;
  if (options.sheet !== undefined) {
    sheetIndex = workbook.sheets.findIndex((s) => s.name === options.sheet);
    // Excel itself treats sheet names without regard to case; so do we, when nothing matches exactly.
    if (sheetIndex < 0) sheetIndex = workbook.sheets.findIndex((s) => s.name.toLowerCase() === options.sheet!.toLowerCase());
    if (sheetIndex < 0) {
      const names = workbook.sheets.map((s) => JSON.stringify(s.name)).join(', ');
      const wanted = JSON.stringify(options.sheet);
      const example = shellWord(workbook.sheets[0]!.name);
      return refuse(say({ message: `no sheet named ${wanted}; the workbook's sheets: ${names}`, hint: `e.g. --sheet ${example}` }, { message: `tidak ada lembar bernama ${wanted}; lembar di buku kerja: ${names}`, hint: `mis. --sheet ${example}` }));
    }
  }
  const sheet = workbook.sheets[sheetIndex]!;
  options.onSheet?.(sheet.name);
  const at = (row: number, column: number): string => `${file}:${xlsxCellName(sheet.name, row, column)}`;

  // The cells read-excel-file cannot report: error values and formulas without a saved result.
  let flagged: Map<number, FlaggedCell>;
  try {
    flagged = sheet.path ? flaggedCells(unzipSync, strFromU8, bytes, sheet.path) : new Map();
  } catch (e) {
    return refuse(sheetUnreadable(sheet.name, e));
  }

  const { readSheet } = await import('read-excel-file/node');
  let data: unknown[][];
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data = (await readSheet(buffer, sheetIndex + 1, { trim: false })) as unknown[][];
  } catch (e) {
    return refuse(sheetUnreadable(sheet.name, e));
  }
  const withSheet: ReaderFacts = { format: 'xlsx', sheet: sheet.name };
  const lastRow = Math.max(data.length, lastFlaggedRow(flagged));
  if (lastRow === 0) {
    const names = workbook.sheets.map((s) => JSON.stringify(s.name)).join(', ');
    const several = workbook.sheets.length > 1;
    problems.add({
      file,
      ...say(
        { message: `sheet ${JSON.stringify(sheet.name)} is empty`, hint: several ? `the workbook's sheets: ${names}; choose one with --sheet` : undefined },
        { message: `lembar ${JSON.stringify(sheet.name)} kosong`, hint: several ? `lembar di buku kerja: ${names}; pilih salah satu dengan --sheet` : undefined },
      ),
    });
    return withSheet;
  }
  const width = Math.max(data[0]?.length ?? 0, lastFlaggedColumn(flagged));
  const cellAt = (row: number, column: number): unknown => data[row - 1]?.[column - 1] ?? null;
  const rowIsEmpty = (row: number): boolean => {
    const cells = data[row - 1];
    if (cells) for (const v of cells) if (v !== null && v !== undefined) return false;
    for (let c = 1; c <= width; c++) if (flagged.has(cellKey(row, c))) return false;
    return true;
  };

  // The header row: given, or the first (of the first 30) naming two known columns, or the first non-empty.
  let headerRow: number;
  if (options.headerRow !== undefined) {
    headerRow = options.headerRow;
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > lastRow || rowIsEmpty(headerRow)) {
      const beyond = headerRow > lastRow;
      const name = JSON.stringify(sheet.name);
      problems.add({
        file: at(Number.isInteger(headerRow) && headerRow >= 1 ? headerRow : 1, 1),
        ...say(
          { message: `row ${headerRow} of sheet ${name} is ${beyond ? `beyond its last row (${lastRow})` : 'empty'}: it cannot be the header row`, hint: 'give --header-row the sheet row (as Excel numbers it) that holds the column names' },
          { message: `baris ${headerRow} lembar ${name} ${beyond ? `melewati baris terakhirnya (${lastRow})` : 'kosong'}: tidak dapat menjadi baris judul`, hint: 'berikan ke --header-row nomor baris lembar (seperti penomoran Excel) yang memuat nama kolom' },
        ),
      });
      return withSheet;
    }
  } else {
    headerRow = findHeaderRow(lastRow, width, cellAt, rowIsEmpty, options.isKnownColumn);
  }
  const result: ReaderFacts = { format: 'xlsx', sheet: sheet.name, headerRow };

  // Columns: a named header cell is a column; an unnamed one with values below is an error; an unnamed
  // empty one (a spacer, or the trailing columns) is ignored.
  const columns: number[] = [];
  for (let c = 1; c <= width; c++) {
    const name = headerText(cellAt(headerRow, c));
    if (name !== '' || flagged.has(cellKey(headerRow, c))) {
      if (name !== '') {
        sink.column(name, columns.length, { line: headerRow, column: c });
        columns.push(c);
      }
      continue;
    }
    let firstValue = 0;
    for (let r = headerRow + 1; r <= lastRow && firstValue === 0; r++) {
      if (cellAt(r, c) !== null || flagged.has(cellKey(r, c))) firstValue = r;
    }
    if (firstValue > 0) {
      problems.add({
        file: at(headerRow, c),
        ...say(
          {
            message: `column ${columnLetters(c)} has values (first at ${columnLetters(c)}${firstValue}) but no name in the header row (row ${headerRow})`,
            hint: `write the column's name in ${columnLetters(c)}${headerRow}, or delete the column${options.headerRow === undefined ? '; or give the header row with --header-row' : ''}`,
          },
          {
            message: `kolom ${columnLetters(c)} berisi nilai (pertama di ${columnLetters(c)}${firstValue}) tetapi tidak bernama di baris judul (baris ${headerRow})`,
            hint: `tulis nama kolom itu di ${columnLetters(c)}${headerRow}, atau hapus kolomnya${options.headerRow === undefined ? '; atau tentukan baris judul dengan --header-row' : ''}`,
          },
        ),
      });
    }
  }

  for (let r = headerRow; r <= lastRow; r++) {
    // Flagged cells are reported in sheet order, the header row's included.
    for (let c = 1; c <= width; c++) {
      const f = flagged.get(cellKey(r, c));
      if (f) problems.add(flaggedDiagnostic(f, at(r, c)));
    }
    if (r === headerRow) continue;
    if (rowIsEmpty(r)) {
      sink.blank?.(r);
      continue;
    }
    const cells: Cell[] = new Array<Cell>(columns.length);
    const places: CellPlace[] = new Array<CellPlace>(columns.length);
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      const v = toCell(cellAt(r, c));
      if (v === undefined) {
        problems.add({ file: at(r, c), ...say({ message: 'a cell of a kind that cannot be read', hint: 'enter a number, a text or a date' }, { message: 'jenis sel ini tidak dapat dibaca', hint: 'isi dengan angka, teks atau tanggal' }) });
        cells[k] = null;
      } else cells[k] = v;
      places[k] = { line: r, column: c };
    }
    sink.row(cells, r, places);
  }
  return result;
}

export { xlsxCellName, columnLetters } from './cell-name.js';
import { columnLetters, xlsxCellName } from './cell-name.js';

// ── cells ──

/** A cell value as a raw cell: undefined when it is of no known kind. */
function toCell(v: unknown): Cell | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (v instanceof Date) return dateText(v);
  return undefined;
}

/**
 * A date cell as text: `2024-06-30`, or `2024-06-30T13:45:00` when it has a time of day. The Date
 * holds the cell's wall-clock time as UTC (read-excel-file's convention), so UTC fields are the ones shown.
 */
function dateText(d: Date): string | undefined {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return undefined;
  // Serial day fractions are floats: round to the second before deciding whether there is a time.
  const t = Math.round(ms / 1000) * 1000;
  const day = new Date(t).toISOString();
  return t % DAY_MS === 0 ? day.slice(0, 10) : day.slice(0, 19);
}

function headerText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateText(v) ?? '';
  return '';
}

function findHeaderRow(lastRow: number, width: number, cellAt: (r: number, c: number) => unknown, rowIsEmpty: (r: number) => boolean, isKnownColumn: (name: string) => boolean): number {
  const limit = Math.min(lastRow, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= limit; r++) {
    let known = 0;
    for (let c = 1; c <= width && known < 2; c++) {
      const name = headerText(cellAt(r, c));
      if (name !== '' && isKnownColumn(name)) known++;
    }
    if (known >= 2) return r;
  }
  for (let r = 1; r <= lastRow; r++) if (!rowIsEmpty(r)) return r;
  return 1;
}

// ── the workbook's XML: sheet names and paths, error cells, formulas without a result ──

type Unzip = typeof import('fflate').unzipSync;
type Text = typeof import('fflate').strFromU8;

interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly path: string | undefined }[];
  readonly xmlBytes: number;
}

interface FlaggedCell {
  readonly row: number;
  readonly column: number;
  /** The error value (`#N/A`), or null for a formula without a saved result. */
  readonly error: string | null;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function readWorkbook(unzipSync: Unzip, strFromU8: Text, bytes: Uint8Array): Workbook {
  let xmlBytes = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (f.name.endsWith('.xml') || f.name.endsWith('.rels')) xmlBytes += f.originalSize;
      return f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels';
    },
  });
  const wb = files['xl/workbook.xml'];
  if (!wb) throw new Error('it has no xl/workbook.xml part');
  const rels = files['xl/_rels/workbook.xml.rels'];
  // Relationship id → part path (targets are relative to xl/, or absolute from the package root).
  const targets = new Map<string, string>();
  if (rels) {
    for (const m of strFromU8(rels).matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
      const id = attribute(m[1]!, 'Id');
      const target = attribute(m[1]!, 'Target');
      if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: { name: string; path: string | undefined }[] = [];
  for (const m of strFromU8(wb).matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(m[1]!, 'name');
    if (name === undefined) continue;
    const rid = attribute(m[1]!, 'id', true);
    sheets.push({ name, path: rid === undefined ? undefined : targets.get(rid) });
  }
  return { sheets, xmlBytes };
}

/** An attribute of an XML start tag, entities decoded; `prefixed` matches `r:id` and the like. */
function attribute(attrs: string, name: string, prefixed = false): string | undefined {
  const m = new RegExp(`(?:^|\\s)${prefixed ? '[\\w.-]+:' : ''}${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return unescapeXlsx(decodeEntities(m[1] ?? m[2]!));
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return named === 'amp' ? '&' : named === 'lt' ? '<' : named === 'gt' ? '>' : named === 'quot' ? '"' : "'";
  });
}

/** Excel writes characters XML cannot hold as `_xHHHH_`. */
function unescapeXlsx(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

const CELL = /<((?:[\w.-]+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const ERROR_TYPE = /(?:^|\s)t\s*=\s*["']e["']/;
const REF = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const FORMULA = /<(?:[\w.-]+:)?f[\s>/]/;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)<|<(?:[\w.-]+:)?v(?:\s[^>]*)?\/>/;

/** Error cells and formulas without a saved result, by cellKey; the sheet XML is searched only when it has any. */
function flaggedCells(unzipSync: Unzip, strFromU8: Text, bytes: Uint8Array, path: string): Map<number, FlaggedCell> {
  const found = new Map<number, FlaggedCell>();
  const part = unzipSync(bytes, { filter: (f) => f.name === path })[path];
  if (!part) throw new Error(`its part ${path} is missing`);
  const raw = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  // Plain data sheets have neither: skip decoding and matching every cell.
  const candidates = ['t="e"', "t='e'", '<f>', '<f ', '<f/', ':f>', ':f '].some((p) => raw.includes(p));
  if (!candidates) return found;
  const xml = strFromU8(part);
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[2]!;
    const body = m[3] ?? '';
    const isError = ERROR_TYPE.test(attrs);
    if (!isError && !FORMULA.test(body)) continue;
    const value = VALUE.exec(body);
    if (!isError && value) continue;
    const ref = REF.exec(attrs);
    const place = ref ? parseCellRef(ref[1] ?? ref[2]!) : undefined;
    if (!place) continue;
    found.set(cellKey(place.row, place.column), { ...place, error: isError ? decodeEntities(value?.[1] ?? '#ERROR') : null });
  }
  return found;
}

function parseCellRef(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** One number per cell (Excel has at most 16,384 columns). */
function cellKey(row: number, column: number): number {
  return row * 16_384 + (column - 1);
}

function lastFlaggedRow(flagged: Map<number, FlaggedCell>): number {
  let last = 0;
  for (const f of flagged.values()) if (f.row > last) last = f.row;
  return last;
}

function lastFlaggedColumn(flagged: Map<number, FlaggedCell>): number {
  let last = 0;
  for (const f of flagged.values()) if (f.column > last) last = f.column;
  return last;
}

function flaggedDiagnostic(f: FlaggedCell, where: string): Problem {
  return f.error === null
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
          { message: `the cell holds the error value ${f.error}`, hint: 'correct the formula or the data it refers to, or clear the cell' },
          { message: `sel berisi nilai galat ${f.error}`, hint: 'perbaiki rumusnya atau data yang dirujuknya, atau kosongkan sel' },
        ),
      };
}

/** A sheet name as one shell word, for a hint. */
function shellWord(s: string): string {
  return /^[\w.-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
