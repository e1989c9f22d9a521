// CSV (and TSV, ';' and '|' files) → the RowSink. The delimiter is taken from the header line: the
// separator that clearly splits it most (or --delimiter). Lines above the header (a title line in an
// office export) are skipped with --header-row N.

import { InputError, say, type ProblemList } from '../errors.js';
import { CsvScanner, DEFAULT_LIMITS, type ScanLimits } from './csv-scanner.js';
import { CONTROL, type CellPlace, type ReaderFacts, type RowSink } from './row-sink.js';
import { titleDate } from './title-date.js';
import { emptyFile } from './words.js';
import type { Note } from '../core/facts.js';

const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

export function describeDelimiter(d: string): string {
  return d === '\t' ? 'TAB' : `'${d}'`;
}

/** The delimiter that clearly splits the header line most, outside quotes; undefined when none does. */
export function detectDelimiter(headerLine: string): string | undefined {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0 || (second && second[1] === best[1])) return undefined;
  return best[0];
}

export interface CsvReadOptions {
  readonly delimiter?: string;
  /** The line of the header (1-based); lines above it are skipped. */
  readonly headerRow?: number;
  readonly limits?: ScanLimits;
  /**
   * A file given by another flag (--targets, --workforce…) read under --header-row/--delimiter given for
   * the data files: when its own first line (after a "sep=" line), split on the delimiter found as without
   * the flags, is a header the load can use (`usable`), it is read as without them, and `onSetAside` is
   * told what was set aside (rv25 F14).
   */
  readonly ownHeader?: OwnHeader;
  /** Is this chunk of the text known to hold no control character (its bytes said so: source.ts decodeText)? */
  readonly clean?: (chunk: string) => boolean;
}

/** See CsvReadOptions.ownHeader (also the workbook reader's, by the first non-empty row). */
export interface OwnHeader {
  readonly usable: (names: readonly string[]) => boolean;
  readonly onSetAside: (what: { readonly line: number; readonly headerRow?: number; readonly delimiter?: string; readonly found?: string }) => void;
}

/** The fields of a header line split on `d` (quotes honoured, doubled quotes kept as one). */
export function splitHeaderLine(line: string, d: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (q && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else q = !q;
    } else if (ch === d && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The blank lines (nothing but spaces and tabs) at the start of `text`: how many, and the text after them;
 * undefined when more text is needed to tell (no line with something on it yet, or a CR that may be half
 * of a CRLF at the end).
 */
export function blankLinesAbove(text: string, final: boolean): { rest: string; skipped: number } | undefined {
  let pos = 0;
  let skipped = 0;
  for (;;) {
    let i = pos;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= text.length) return final ? { rest: text.slice(pos), skipped } : undefined;
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) return { rest: text.slice(pos), skipped };
    if (c === 13 && i + 1 >= text.length && !final) return undefined;
    pos = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    skipped++;
  }
}

/** Skip `n` lines of text (CRLF, LF or CR), returning what is left, or undefined if more text is needed. */
function skipLines(text: string, n: number, final: boolean): { rest: string; skipped: number } | undefined {
  let pos = 0;
  let skipped = 0;
  while (skipped < n) {
    const lf = text.indexOf('\n', pos);
    const cr = text.indexOf('\r', pos);
    const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    // At the end, a last line without its line end is a line too.
    if (at < 0 || (text.charCodeAt(at) === 13 && at + 1 >= text.length && !final)) return final ? { rest: '', skipped: skipped + (pos < text.length ? 1 : 0) } : undefined;
    pos = text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    skipped++;
  }
  return { rest: text.slice(pos), skipped };
}

/**
 * Excel's first line "sep=X" (X one of the delimiters read): the delimiter and the text after that line;
 * null when the first line is something else; undefined when more text is needed to tell.
 */
export function sepLine(text: string, final: boolean): { delimiter: string; rest: string } | null | undefined {
  const m = /^sep=(.)(\r\n|\n|\r|$)/i.exec(text);
  if (!m) return text.length < 6 && !final && /^(s(e(p(=.?)?)?)?)?$/i.test(text) ? undefined : null;
  if (!DELIMITERS.includes(m[1]!)) return null;
  if (m[2] === '' && !final) return text.length > 5 ? null : undefined;
  if (m[2] === '\r' && text.length === 6 && !final) return undefined;
  return { delimiter: m[1]!, rest: text.slice(m[0].length) };
}

/**
 * Is every field of a record blank (nothing but what trim() removes)? A field that starts with a printable
 * ASCII character is not, and needs no trim(): the first field of almost every row.
 */
export function allBlank(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const c = f.charCodeAt(0);
    if ((c > 32 && c < 127) || f.trim() !== '') return false;
  }
  return true;
}

/** The place of the record being handed on: its line, and the scanner's column of each field. */
interface RecordPlace {
  line: number;
  columns: readonly number[];
}

/**
 * Where cell i of the record being handed on is (read during the sink's call only). Its line and column
 * are own, enumerable getters, so that a copy (`{ ...place }`) or JSON holds the values.
 */
function cellPlace(record: RecordPlace, i: number): CellPlace {
  return Object.defineProperties({} as CellPlace, {
    line: { enumerable: true, get: () => record.line },
    column: { enumerable: true, get: () => record.columns[i] ?? 1 },
  });
}

export async function readCsvRows(text: AsyncIterable<string>, file: string, options: CsvReadOptions, sink: RowSink, problems: ProblemList): Promise<ReaderFacts & { readonly notes?: readonly Note[] }> {
  // The sink reads each record during the call and keeps nothing of it: the scanner may reuse its arrays.
  const limits: ScanLimits = { ...(options.limits ?? DEFAULT_LIMITS), reuseArrays: true };
  let pending = '';
  let scanner: CsvScanner | undefined;
  let delimiter: string | undefined;
  let headerFields = -1;
  let lineOffset = 0; // lines skipped above the header
  let sepDelimiter: string | undefined; // named by a "sep=;" first line
  let titleAbove: number | undefined; // the line of the first row of several fields under a header of one
  let sawAny = false;
  // Has any chunk so far held a control character? Tested on each chunk before the scanner sees it, so a
  // row handed on while it is false came from clean text only: the sink need not search its cells.
  let dirty = false;
  // One set of places, reused row after row (a sink reads them during the call only): each reads the
  // record's line and its cell's column from the scanner's array when asked, so a row costs no writes.
  const record: RecordPlace = { line: 0, columns: [] };
  const places: CellPlace[] = [];
  // The flags as applied to this file: a file given by another flag whose own first line is its header
  // sets them aside (options.ownHeader).
  let givenDelimiter = options.delimiter;
  let headerRow = options.headerRow;
  let ownChecked = options.ownHeader === undefined || (options.delimiter === undefined && (options.headerRow ?? 1) <= 1);

  const start = (body: string): void => {
    const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
    delimiter = givenDelimiter ?? sepDelimiter ?? detectDelimiter(firstLine);
    // --delimiter that does not split the header while another delimiter does (rv21 H14: every row was
    // then "expected 1 fields, found 2 / a value contains an unquoted ','").
    const found = givenDelimiter === undefined ? undefined : detectDelimiter(firstLine);
    // Not when the lines below hold the delimiter given: then the first line is a title above the header
    // (rv22 G4: a comma in a title line, `--delimiter ';'`, was told to pass --delimiter ','), and the
    // missing columns are said with the hint of --header-row.
    const below = body.slice(firstLine.length);
    if (givenDelimiter !== undefined && found !== undefined && found !== givenDelimiter && detectDelimiter(firstLine.replaceAll(found, '')) === undefined && !below.includes(givenDelimiter)) {
      const given = describeDelimiter(givenDelimiter);
      const other = describeDelimiter(found);
      throw new InputError({
        file,
        line: lineOffset + 1,
        ...say(
          { message: `--delimiter ${given}: the header line does not split on ${given}; it splits on ${other}`, hint: `leave out --delimiter (jamsostek finds it from the header line) or pass --delimiter ${found === '\t' ? "$'\\t'" : `'${found}'`}` },
          { message: `--delimiter ${given}: baris judul tidak terpisah oleh ${given}; baris itu terpisah oleh ${other}`, hint: `hapus --delimiter (jamsostek menentukannya dari baris judul) atau berikan --delimiter ${found === '\t' ? "$'\\t'" : `'${found}'`}` },
        ),
      });
    }
    // A file of one column (a list of the areas that must report) has no delimiter anywhere: read as
    // such. A delimiter on a later line only (a title line above the header) stays a question.
    // (At least a second line must be there to say so: a first block of one title line is no evidence.)
    const second = body.slice(firstLine.length).replace(/^(\r\n|\n|\r)/, '');
    if (!delimiter && second.trim() !== '' && !DELIMITERS.some((d) => body.includes(d))) delimiter = ',';
    if (!delimiter) {
      throw new InputError({
        file,
        line: lineOffset + 1,
        ...say(
          { message: `cannot tell the delimiter (the header line does not split clearly on ${DELIMITERS.map(describeDelimiter).join(', ')})`, hint: "pass --delimiter, e.g. --delimiter ';' (or --header-row N when a title line comes first)" },
          { message: `pemisah tidak dapat ditentukan (baris judul tidak terpisah dengan jelas oleh ${DELIMITERS.map(describeDelimiter).join(', ')})`, hint: "tentukan dengan --delimiter, mis. --delimiter ';' (atau --header-row N jika baris pertama berupa judul)" },
        ),
      });
    }
    const d = delimiter;
    scanner = new CsvScanner(
      d,
      {
        onRecord: (fields, line0, columns) => {
          const line = line0 + lineOffset;
          if (headerFields < 0) {
            headerFields = fields.length;
            // (A loop, not forEach with an arrow: a closure here that captured `line` or the arrays would make
            // every call of onRecord allocate a context for them, 100 bytes a row.)
            for (let i = 0; i < fields.length; i++) sink.column(fields[i]!, i, { line, column: columns[i] ?? 1 });
            return;
          }
          if (fields.length !== headerFields) {
            // A header of one field above rows of several: a title line read as the header (rv22 G4).
            titleAbove ??= headerFields === 1 && fields.length > 1 ? line : 0;
            const title = titleAbove > 0 ? titleAbove : undefined;
            problems.add({
              file,
              line,
              ...say(
                {
                  message: `expected ${headerFields} fields, found ${fields.length}`,
                  hint: title !== undefined ? `line ${lineOffset + 1}, read as the header, holds one field: if it is a title above the header, pass --header-row ${title}` : fields.length < headerFields ? `a ${describeDelimiter(d)} is missing, or the row was cut short` : `a value contains an unquoted ${describeDelimiter(d)}; quote it`,
                },
                {
                  message: `seharusnya ${headerFields} kolom, tetapi ada ${fields.length}`,
                  hint: title !== undefined ? `baris ${lineOffset + 1}, yang dibaca sebagai judul kolom, hanya berisi satu kolom: jika itu judul laporan di atas judul kolom, berikan --header-row ${title}` : fields.length < headerFields ? `ada pemisah ${describeDelimiter(d)} yang kurang, atau baris terpotong` : `sebuah nilai memuat ${describeDelimiter(d)} tanpa tanda kutip; apit nilai itu dengan tanda kutip`,
                },
              ),
            });
            return;
          }
          if (allBlank(fields)) {
            sink.blank?.(line);
            return;
          }
          for (let i = places.length; i < fields.length; i++) places.push(cellPlace(record, i));
          record.line = line;
          record.columns = columns;
          sink.row(fields, line, places, !dirty);
        },
        onBlank: (line) => {
          if (headerFields >= 0) sink.blank?.(line + lineOffset);
        },
        onError: (e) => problems.add({ file, line: e.line + lineOffset, column: e.column, message: e.message, hint: e.hint, id: e.id }),
      },
      limits,
    );
    scanner.push(body);
  };

  // Excel's "sep=;" first line names the delimiter (Excel writes it, and reads a file with it in any
  // locale): it is read as such and skipped, where it was taken for the header (rv16 8a). --delimiter,
  // when given, still decides; --header-row counts the file's lines, this one included.
  let sepChecked = false;
  let blanksChecked = false;
  let skipped = false;
  // The lines set aside above --header-row that name a date (the five first, and how many more): a month
  // written there is not read, and said (rv27 F6).
  const dated: { row: number; text: string }[] = [];
  let datedMore = 0;
  const datedLines = (text: string, first: number): void => {
    const lines = text.split(/\r\n|\n|\r/);
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i]!.trim();
      if (t === '' || !Object.keys(titleDate([{ text: t }], false)).length) continue;
      if (dated.length < 5) dated.push({ row: first + i, text: t.length > 200 ? t.slice(0, 200) : t });
      else datedMore++;
    }
  };
  const above = (final: boolean): boolean => {
    if (!sepChecked) {
      const s = sepLine(pending, final);
      if (s === undefined) return false;
      sepChecked = true;
      if (s) {
        sepDelimiter = s.delimiter;
        lineOffset = 1;
        pending = s.rest;
      }
    }
    // Blank lines above the header (an export that starts with a line break) are skipped, and the header
    // is read on its own line (fx58: `\n\nperiod,province,…` was "cannot tell the delimiter" at line 1).
    // Not under --header-row, which counts the file's lines, these included.
    if (!blanksChecked && options.headerRow === undefined) {
      const b = blankLinesAbove(pending, final);
      if (b === undefined) return false;
      lineOffset += b.skipped;
      pending = b.rest;
    }
    blanksChecked = true;
    if (!ownChecked) {
      const m = /\r\n|\n|\r/.exec(pending);
      if (!m && !final && pending.length < limits.maxRecordLength) return false;
      ownChecked = true;
      const line = m ? pending.slice(0, m.index) : pending;
      const found = sepDelimiter ?? detectDelimiter(line);
      if (found !== undefined && options.ownHeader!.usable(splitHeaderLine(line, found))) {
        const aside = { line: lineOffset + 1, ...(headerRow !== undefined && headerRow > lineOffset + 1 ? { headerRow } : {}), ...(givenDelimiter !== undefined && givenDelimiter !== found ? { delimiter: givenDelimiter, found } : {}) };
        headerRow = undefined;
        givenDelimiter = found;
        if (aside.headerRow !== undefined || aside.delimiter !== undefined) options.ownHeader!.onSetAside(aside);
      }
    }
    if (!skipped && headerRow && headerRow - 1 > lineOffset) {
      const s = skipLines(pending, headerRow - 1 - lineOffset, final);
      if (!s) return false;
      datedLines(pending.slice(0, pending.length - s.rest.length), lineOffset + 1);
      lineOffset += s.skipped;
      pending = s.rest;
    }
    skipped = true;
    return true;
  };
  for await (const chunk of text) {
    sawAny ||= chunk.length > 0;
    if (!dirty && options.clean?.(chunk) !== true && CONTROL.test(chunk)) dirty = true;
    if (scanner) {
      scanner.push(chunk);
      continue;
    }
    pending += chunk;
    if (!above(false)) continue;
    if (!/[\r\n]/.test(pending) && pending.length < limits.maxRecordLength) continue;
    // Blank so far (a file of line breaks): the delimiter is not asked of it; at the end it is empty.
    if (pending.trim() === '' && pending.length < limits.maxRecordLength) continue;
    start(pending);
    pending = '';
  }
  if (!scanner) {
    above(true);
    if (headerRow && headerRow > 1 && pending === '') {
      // rv21 H1: said "no header line (the file is blank)" of a file of 5 lines under --header-row 99.
      throw new InputError({
        file,
        ...say(
          { message: `--header-row ${headerRow}: the file has ${lineOffset} line${lineOffset === 1 ? '' : 's'}`, hint: 'give the line the header is on, counting from 1' },
          { message: `--header-row ${headerRow}: berkas hanya memiliki ${lineOffset} baris`, hint: 'berikan nomor baris tempat judul kolom berada, dihitung dari 1' },
        ),
      });
    }
    // Nothing but blank lines (a line break, white space) is an empty file, as no bytes are (rv35 D9).
    if (pending.trim() === '') throw new InputError({ file, ...emptyFile() });
    start(pending);
  }
  scanner!.end();
  if (headerFields < 0) throw new InputError({ file, ...emptyFile() });
  const notes: Note[] = dated.length ? [{ code: 'rows-above-header', file, header: lineOffset + 1, rows: dated, more: datedMore, ...titleDate(dated, false), given: true }] : [];
  return { format: 'csv', delimiter, ...(notes.length ? { notes } : {}) };
}
