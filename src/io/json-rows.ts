// Streaming JSON rows: text chunks in, one sink call per row out, with the place of every value.
//
// Why our own: `JSON.parse` and jsonc-parser's `parseTree` need the whole text (a 200 MB array then
// needs gigabytes), and neither gives the line:column of a value. This is one iterative state machine
// over the chunks as they come: nothing is joined, a string grows only up to `maxStringLength`,
// nesting is an explicit stack bounded by `maxDepth` (100,000 `[` is an error, not a stack overflow),
// and members we do not need (`meta` but its `denominator`, `columns`, `totals` of the tool's own
// output, or an object given as a cell) are scanned for syntax but never built. `meta.denominator` says
// what the rows' `denominator` is, `meta.codeSystem` the code system of its province codes (RowSink.declare).
//
// Accepted shapes: `[ {row}, {row}, … ]`, or `{ …, "rows": [ {row}, … ], … }` (as `-f json` writes); or,
// as JSON lines (`lines`: .jsonl, .ndjson, or `-f jsonl`'s output), one row object after another.
// A row is an object of scalars (text, number, true, false, null). Line breaks are LF, CRLF or CR
// (as in the CSV scanner); columns count UTF-16 code units from 1.
//
// Errors: a syntax error is one diagnostic at its place and reading stops (the caller closes the
// source: we only stop asking for chunks). A problem of content (a nested value as a cell, a key twice
// in one row, an item that is not an object) is a diagnostic and reading goes on.

import { say, type Bilingual, type ProblemList } from '../errors.js';
import type { Cell, CellPlace, ReaderFacts, RowSink } from './row-sink.js';
import { emptyFile } from './words.js';

export interface JsonRowLimits {
  /** Deepest nesting of arrays and objects (the rows array of the tool's own output is at depth 2). */
  readonly maxDepth?: number;
  /** Longest key or text value kept, in UTF-16 code units. */
  readonly maxStringLength?: number;
  /** Most distinct keys over all rows (each is a column). */
  readonly maxColumns?: number;
}

/** A report's "meta"."shown" (`{"rows": 3, "of": 8}` when --top cut it), with its place. */
export interface JsonShown {
  readonly place: CellPlace;
  readonly rows: number;
  readonly of: number;
}

/** The top-level "totals" object of a file (`{"rows": […], "totals": {…}}`): its scalar members, with places. */
export interface JsonTotals {
  readonly place: CellPlace;
  readonly members: { readonly name: string; readonly value: Cell; readonly place: CellPlace }[];
}

export const DEFAULT_JSON_LIMITS: Required<JsonRowLimits> = { maxDepth: 64, maxStringLength: 1 << 20, maxColumns: 10_000 };

/**
 * Do the first bytes look like JSON lines: a whole object on the first line and another object after
 * it? (No JSON document does: one value per file.) A pretty-printed object starts with "{" alone.
 */
export function looksLikeJsonLines(first: Uint8Array): boolean {
  const text = Buffer.from(first.buffer, first.byteOffset, Math.min(first.byteLength, 1 << 16)).toString('utf8').replace(/^\uFEFF/, '');
  const nl = text.search(/\r\n?|\n/);
  if (nl < 0) return false;
  const line = text.slice(0, nl).trim();
  return line.length > 1 && line.startsWith('{') && line.endsWith('}') && text.slice(nl + 1).trimStart().startsWith('{');
}

/**
 * Read the rows of a JSON file from its decoded text chunks (BOM already stripped).
 * Problems go to `problems`; the promise rejects only when the sink or the source throws.
 *
 * @example
 * // chunks '[{"province": "Gorontalo", "par', 'ticipants": 256129}]' give
 * // sink.column('province', 0, {line 1, column 3}), sink.column('participants', 1, {line 1, column 28}),
 * // sink.row(['Gorontalo', 256129], 1, [{line 1, column 15}, {line 1, column 44}])
 */
export async function readJsonRows(
  chunks: AsyncIterable<string>,
  file: string,
  sink: RowSink,
  problems: ProblemList,
  limits?: JsonRowLimits,
  lines = false,
): Promise<ReaderFacts & { totals?: JsonTotals; shown?: JsonShown }> {
  const parser = new JsonRowParser(file, sink, problems, limits, lines);
  // Not `for await`: leaving that loop early would close the source, which belongs to the caller.
  const it = chunks[Symbol.asyncIterator]();
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    parser.push(next.value);
    if (parser.stopped) return { format: 'json' };
  }
  parser.end();
  const shown = parser.shown && parser.shown.rows !== undefined && parser.shown.of !== undefined ? { place: parser.shown.place, rows: parser.shown.rows, of: parser.shown.of } : undefined;
  return { format: 'json', ...(parser.totals ? { totals: parser.totals } : {}), ...(shown ? { shown } : {}) };
}

// What the parser expects next, outside a token.
const E_VALUE = 0; // the top-level value, or a value after ':'
const E_VALUE_OR_CLOSE = 1; // after '['
const E_VALUE_AFTER_COMMA = 2; // after ',' in an array
const E_COMMA_OR_CLOSE_ARRAY = 3;
const E_KEY_OR_CLOSE = 4; // after '{'
const E_KEY = 5; // after ',' in an object
const E_COLON = 6;
const E_COMMA_OR_CLOSE_OBJECT = 7;
const E_END = 8; // after the top-level value

const EXPECTED: readonly { readonly en: string; readonly id: string }[] = [
  { en: 'a JSON value', id: 'nilai JSON' },
  { en: "a value or ']'", id: "nilai atau ']'" },
  { en: 'a value', id: 'nilai' },
  { en: "',' or ']'", id: "',' atau ']'" },
  { en: "a name in double quotes or '}'", id: "nama dalam tanda kutip ganda atau '}'" },
  { en: 'a name in double quotes', id: 'nama dalam tanda kutip ganda' },
  { en: "':'", id: "':'" },
  { en: "',' or '}'", id: "',' atau '}'" },
  { en: 'the end of the file', id: 'akhir berkas' },
];

// The token being read when a chunk ended inside it.
const M_NONE = 0;
const M_STRING = 1;
const M_NUMBER = 2;
const M_LITERAL = 3;

// Frames of the nesting stack: what an array or object is for.
const F_TOP_OBJECT = 0; // the top-level object, which holds "rows"
const F_ROWS = 1; // the array of rows
const F_ROW = 2; // one row
const F_SKIP_ARRAY = 3; // scanned, not built
const F_SKIP_OBJECT = 4;
const F_META = 5; // the tool's own output's "meta": only its "denominator" is read
const F_TOTALS = 6; // the value of "totals": the file's own totals, checked against its rows
const F_META_SHOWN = 7; // "meta"."shown": how many rows of how many a report shows (--top)
const F_META_SCOPE = 8; // "meta"."scope": the areas the tool's own output is of (its "kind", "name" and areas are read)
const F_META_SCOPE_AREAS = 9; // "meta"."scope"."provinces" or ."regencies": the names of its areas (rv32 W8)

// What a value that starts now is for.
const R_TOP = 0;
const R_ROWS = 1; // the value of "rows"
const R_ITEM = 2; // an item of the rows array
const R_FIELD = 3; // a cell of a row
const R_SKIP = 4;
const R_META = 5; // the value of the top-level "meta"
const R_META_DENOMINATOR = 6; // the value of "meta"."denominator"
const R_TOTALS = 7; // the value of "totals"
const R_TOTAL_FIELD = 8; // a member of the totals object
const R_META_SHOWN = 9; // the value of "meta"."shown"
const R_SHOWN_FIELD = 10; // "meta"."shown"."rows" or ."of"
const R_META_SCOPE = 11; // the value of "meta"."scope"
const R_META_SCOPE_AREAS = 12; // the value of "meta"."scope"."provinces" or ."regencies"

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const INTEGER_LITERAL = /^-?[0-9]+$/;
const MAX_NUMBER_LENGTH = 1000;
const LITERALS = ['true', 'false', 'null'] as const;
const LITERAL_VALUES: readonly Cell[] = [true, false, null];

// By character code (an array, not an object: the index comes from the data).
const ESCAPES: (string | undefined)[] = [];
for (const [code, decoded] of [[34, '"'], [92, '\\'], [47, '/'], [98, '\b'], [102, '\f'], [110, '\n'], [114, '\r'], [116, '\t']] as const) ESCAPES[code] = decoded;

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

function kindOf(c: number, lang: 'id' | 'en' = 'en'): string {
  const id = lang === 'id';
  if (c === 123) return id ? 'objek' : 'an object';
  if (c === 91) return id ? 'array' : 'an array';
  if (c === 34) return id ? 'teks' : 'text';
  if (c === 116 || c === 102) return id ? 'boolean' : 'a boolean';
  if (c === 110) return 'null';
  return id ? 'angka' : 'a number';
}

// Hints shared by several messages.
const EXAMPLE = { en: 'e.g. [{"province": "Gorontalo", "participants": 256129}]', id: 'mis. [{"province": "Gorontalo", "participants": 256129}]' };
const CUT_SHORT = { en: 'the file may be cut short', id: 'berkas mungkin terpotong' };
const ONE_ROW = { en: 'each item of the array is one row: {"name": value, …}', id: 'setiap elemen array adalah satu baris: {"nama": nilai, …}' };

function show(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 32 || c === 127 ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(ch);
}

/** The JSON-rows state machine; `readJsonRows` drives it. Exported for tests and the loader. */
export class JsonRowParser {
  stopped = false;

  private readonly maxDepth: number;
  private readonly maxStringLength: number;
  private readonly maxColumns: number;

  // Position: absolute offset of the current chunk's first character, the line, where it starts.
  private base = 0;
  private line = 1;
  private lineStart = 0;
  private prevCR = false;
  private sawContent = false;

  private expect = E_VALUE;
  private mode = M_NONE;
  private readonly stack: number[] = [];

  // The token in progress: its role, whether it is a key, where it starts.
  private tokRole = R_SKIP;
  private tokIsKey = false;
  private tokLine = 0;
  private tokCol = 0;
  // String state: text so far (only when kept), its length, escape state (0 none, 1 after '\',
  // 2..5 reading the 4 hex digits of \u), and where the escape started.
  private strKeep = false;
  private strText = '';
  private strLen = 0;
  private esc = 0;
  private escHex = 0;
  private escCol = 0;
  // Number and literal state.
  private numText = '';
  private litIndex = 0;
  private litPos = 0;

  // Columns: key → index, announced to the sink once.
  private readonly columns = new Map<string, number>();
  private columnCount = 0;
  // The row in progress; `seenInRow[k] === rowStamp` marks a key already given in this row.
  private cells: (Cell | undefined)[] = [];
  private places: (CellPlace | undefined)[] = [];
  /** The row's fields refused here (a nested value in a column the load reads): see RowSink.row. */
  private refused: number[] = [];
  private rowLine = 0;
  private rowStamp = 0;
  private readonly seenInRow: number[] = [];
  // Where each key was given in this row (for the message when a row gives it twice), as numbers: no
  // object per key and row.
  private readonly seenLine: number[] = [];
  private readonly seenColumn: number[] = [];
  private fieldKey = -1;
  private fieldName = '';
  // The keys of the last rows by position in the row (name, column), and this row's position.
  private readonly keyGuess: (string | undefined)[] = [];
  private readonly keyGuessIndex: number[] = [];
  private keyOrdinal = 0;
  // The rows array: its path for messages, how many items so far, where "rows" was first named.
  private rowsPath = '$';
  private itemIndex = 0;
  private rowsKeyPlace: CellPlace | undefined;
  private memberIsRows = false;
  private memberIsMeta = false;
  private metaKeyIsDenominator = false;
  // "meta"."codeSystem": the code system its province codes are written in (RowSink.declare).
  private metaDeclares: 'denominator' | 'codeSystem' | 'period' | 'scope' | 'scopeName' | 'scopeArea' | 'scopeAreas' | 'scopeOf' = 'denominator';
  // "meta"."scope" of the tool's own output, and its member "kind" (national, kanwil…: rv30 T2).
  private metaKeyIsScope = false;
  private scopeKeyIsKind = false;
  // Its member "provinces" or "regencies", an array of names (rv32 W8: Maluku's scope and Gorontalo's).
  private scopeKeyIsAreas = false;
  // "meta"."shown" of the tool's own report: its rows and of how many (a report cut by --top).
  private metaKeyIsShown = false;
  private shownKey: 'rows' | 'of' | undefined;
  shown: { place: CellPlace; rows?: number; of?: number } | undefined;
  private topPlace: CellPlace = { line: 1, column: 1 };
  // The top-level "totals" object (as `-f json` writes): its members, kept for the check of the rows.
  private memberIsTotals = false;
  private totalsKeyPlace: CellPlace | undefined;
  private totalName: string | undefined;
  totals: JsonTotals | undefined;

  constructor(
    private readonly file: string,
    private readonly sink: RowSink,
    private readonly problems: ProblemList,
    limits?: JsonRowLimits,
    /** JSON lines: a row object after another at the top level, no array around them. */
    private readonly lines = false,
  ) {
    this.maxDepth = limits?.maxDepth ?? DEFAULT_JSON_LIMITS.maxDepth;
    this.maxStringLength = limits?.maxStringLength ?? DEFAULT_JSON_LIMITS.maxStringLength;
    this.maxColumns = limits?.maxColumns ?? DEFAULT_JSON_LIMITS.maxColumns;
  }

  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n && !this.stopped) {
      switch (this.mode) {
        case M_STRING:
          i = this.string(chunk, i);
          break;
        case M_NUMBER:
          i = this.number(chunk, i, false);
          break;
        case M_LITERAL:
          i = this.literal(chunk, i);
          break;
        default:
          i = this.structure(chunk, i);
      }
    }
    this.base += n;
  }

  end(): void {
    if (this.stopped) return;
    if (this.mode === M_NUMBER) this.number('', 0, true);
    if (this.stopped) return;
    if (this.mode === M_STRING) {
      this.fatal(
        this.tokLine,
        this.tokCol,
        say({ message: 'the text starting here is never closed (the file ends inside it)', hint: 'a closing " is missing, or the file is cut short' }, { message: 'teks yang dimulai di sini tidak pernah ditutup (berkas berakhir di dalamnya)', hint: 'tanda " penutup tidak ada, atau berkas terpotong' }),
      );
      return;
    }
    if (this.mode === M_LITERAL) {
      const word = LITERALS[this.litIndex];
      this.fatalHere(this.base, say({ message: `the file ends inside '${word}'`, hint: CUT_SHORT.en }, { message: `berkas berakhir di tengah '${word}'`, hint: CUT_SHORT.id }));
      return;
    }
    if (!this.sawContent) {
      this.problems.add({ file: this.file, ...emptyFile() });
      this.stopped = true;
      return;
    }
    if (this.expect !== E_END && !(this.lines && this.stack.length === 0 && this.expect === E_VALUE)) {
      const wanted = EXPECTED[this.expect]!;
      this.fatalHere(this.base, say({ message: `the file ends where ${wanted.en} was expected`, hint: CUT_SHORT.en }, { message: `berkas berakhir di tempat yang seharusnya berisi ${wanted.id}`, hint: CUT_SHORT.id }));
    }
  }

  // ── structure: whitespace, brackets, commas, colons, and the start of every token ──

  private structure(s: string, i: number): number {
    const n = s.length;
    while (i < n) {
      const c = s.charCodeAt(i);
      // Whitespace, and the line count (line breaks occur nowhere else in valid JSON).
      if (c === 32 || c === 9) {
        this.prevCR = false;
        i++;
        continue;
      }
      if (c === 10) {
        if (!this.prevCR) this.line++;
        this.prevCR = false;
        this.lineStart = this.base + i + 1;
        i++;
        continue;
      }
      if (c === 13) {
        this.line++;
        this.prevCR = true;
        this.lineStart = this.base + i + 1;
        i++;
        continue;
      }
      this.prevCR = false;
      this.sawContent = true;
      const e = this.expect;
      if (e === E_COMMA_OR_CLOSE_ARRAY || e === E_COMMA_OR_CLOSE_OBJECT) {
        if (c === 44) {
          this.expect = e === E_COMMA_OR_CLOSE_ARRAY ? E_VALUE_AFTER_COMMA : E_KEY;
          i++;
          continue;
        }
        if ((c === 93 && e === E_COMMA_OR_CLOSE_ARRAY) || (c === 125 && e === E_COMMA_OR_CLOSE_OBJECT)) {
          this.close();
          i++;
          continue;
        }
        this.unexpected(s, i);
        return n;
      }
      if (e === E_KEY_OR_CLOSE || e === E_KEY) {
        if (c === 34) {
          // Rows mostly repeat the keys of the row before, in the same order: match that name in
          // place, without building the string or hashing it.
          const guess = this.stack[this.stack.length - 1] === F_ROW ? this.keyGuess[this.keyOrdinal] : undefined;
          if (guess !== undefined && s.charCodeAt(i + 1 + guess.length) === 34 && sameAt(s, i + 1, guess)) {
            this.useKey(this.keyGuessIndex[this.keyOrdinal]!, guess, this.line, this.base + i - this.lineStart + 1);
            this.expect = E_COLON;
            i += guess.length + 2;
            continue;
          }
          this.startString(i, true);
          return i + 1;
        }
        if (c === 125 && e === E_KEY_OR_CLOSE) {
          this.close();
          i++;
          continue;
        }
        this.unexpected(s, i, c === 125 ? { en: "JSON allows no comma before '}'", id: "JSON tidak mengizinkan koma sebelum '}'" } : c === 39 ? { en: 'JSON names are written in double quotes', id: 'nama dalam JSON ditulis dalam tanda kutip ganda' } : undefined);
        return n;
      }
      if (e === E_COLON) {
        if (c === 58) {
          this.expect = E_VALUE;
          i++;
          continue;
        }
        this.unexpected(s, i);
        return n;
      }
      if (e === E_END) {
        const ch = show(s[i]!);
        this.fatalHere(
          this.base + i,
          say(
            { message: `unexpected ${ch} after the end of the JSON value`, hint: 'a file holds one JSON value: one array of rows, or one object with "rows"; JSON lines (one row object a line) are read from a .jsonl or .ndjson file' },
            { message: `karakter ${ch} tidak terduga setelah akhir nilai JSON`, hint: 'satu berkas memuat satu nilai JSON: satu array baris, atau satu objek dengan "rows"; JSON lines (satu objek baris data per baris) dibaca dari berkas .jsonl atau .ndjson' },
          ),
        );
        return n;
      }
      // A value is expected.
      if (c === 93 && e === E_VALUE_OR_CLOSE) {
        this.close();
        i++;
        continue;
      }
      const role = this.role();
      if (c === 123 || c === 91) {
        this.open(c, role, i);
        if (this.stopped) return n;
        i++;
        continue;
      }
      if (c === 34 || c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) {
        if (!this.scalarAllowed(role, c, i)) return n;
        if (c === 34) {
          this.startString(i, false);
          return i + 1;
        }
        this.tokLine = this.line;
        this.tokCol = this.base + i - this.lineStart + 1;
        if (c === 116 || c === 102 || c === 110) {
          this.mode = M_LITERAL;
          this.litIndex = c === 116 ? 0 : c === 102 ? 1 : 2;
          this.litPos = 1;
          return i + 1;
        }
        // Whole numbers of up to 15 digits (counts, mostly) are read in place; all else in number().
        let j = c === 45 ? i + 1 : i;
        const first = j;
        let v = 0;
        for (; j < n; j++) {
          const d = s.charCodeAt(j) - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }
        const digits = j - first;
        if (j < n && digits > 0 && digits <= 15 && !isNumberChar(s.charCodeAt(j)) && !(digits > 1 && s.charCodeAt(first) === 48)) {
          if (this.tokRole === R_FIELD) this.setCell(c === 45 ? -v : v, { line: this.tokLine, column: this.tokCol });
          else if (this.tokRole === R_TOTAL_FIELD) this.totalValue(c === 45 ? -v : v, { line: this.tokLine, column: this.tokCol });
          else if (this.tokRole === R_SHOWN_FIELD && this.shown && this.shownKey !== undefined && c !== 45) this.shown[this.shownKey] = v;
          else if (this.tokRole === R_META_DENOMINATOR && (this.metaDeclares === 'scopeAreas' || this.metaDeclares === 'scopeOf') && c !== 45) this.sink.declare?.(this.metaDeclares, String(v), { line: this.tokLine, column: this.tokCol });
          this.afterValue();
          i = j;
          continue;
        }
        this.mode = M_NUMBER;
        this.numText = '';
        return i;
      }
      this.unexpected(
        s,
        i,
        c === 93 && e === E_VALUE_AFTER_COMMA
          ? { en: "JSON allows no comma before ']'", id: "JSON tidak mengizinkan koma sebelum ']'" }
          : c === 39
            ? { en: 'JSON text is written in double quotes', id: 'teks dalam JSON ditulis dalam tanda kutip ganda' }
            : c === 47
              ? { en: 'JSON allows no comments', id: 'JSON tidak mengizinkan komentar' }
              : undefined,
      );
      return n;
    }
    return n;
  }

  /** What a value starting now is for, from the innermost open array or object. */
  private role(): number {
    const depth = this.stack.length;
    if (depth === 0) return this.lines ? R_ITEM : R_TOP;
    const top = this.stack[depth - 1]!;
    if (top === F_ROWS) return R_ITEM;
    if (top === F_ROW) return this.fieldKey >= 0 ? R_FIELD : R_SKIP;
    if (top === F_TOP_OBJECT) return this.memberIsRows ? R_ROWS : this.memberIsMeta ? R_META : this.memberIsTotals ? R_TOTALS : R_SKIP;
    if (top === F_META) return this.metaKeyIsDenominator ? R_META_DENOMINATOR : this.metaKeyIsShown ? R_META_SHOWN : this.metaKeyIsScope ? R_META_SCOPE : R_SKIP;
    if (top === F_META_SCOPE) return this.scopeKeyIsKind ? R_META_DENOMINATOR : this.scopeKeyIsAreas ? R_META_SCOPE_AREAS : R_SKIP;
    if (top === F_META_SCOPE_AREAS) return R_META_DENOMINATOR;
    if (top === F_META_SHOWN) return this.shownKey !== undefined ? R_SHOWN_FIELD : R_SKIP;
    if (top === F_TOTALS) return this.totalName !== undefined ? R_TOTAL_FIELD : R_SKIP;
    return R_SKIP;
  }

  private place(i: number): CellPlace {
    return { line: this.line, column: this.base + i - this.lineStart + 1 };
  }

  private open(c: number, role: number, i: number): void {
    if (this.stack.length >= this.maxDepth) {
      const max = this.maxDepth;
      this.fatalHere(this.base + i, say({ message: `JSON nested deeper than ${max} levels`, hint: 'a row is one flat object inside one array' }, { message: `JSON bersarang lebih dari ${max} tingkat`, hint: 'satu baris adalah satu objek datar di dalam satu array' }));
      return;
    }
    const at = this.place(i);
    const found = kindOf(c);
    const foundId = kindOf(c, 'id');
    let frame = c === 123 ? F_SKIP_OBJECT : F_SKIP_ARRAY;
    switch (role) {
      case R_TOP:
        this.topPlace = at;
        if (c === 123) frame = F_TOP_OBJECT;
        else {
          frame = F_ROWS;
          this.startRows('$');
        }
        break;
      case R_ROWS:
        if (c === 91) {
          frame = F_ROWS;
          this.startRows('$.rows');
        } else this.addAt(at, say(`"rows": expected an array of rows, found ${found}`, `"rows": seharusnya array baris, bukan ${foundId}`));
        break;
      case R_META:
        if (c === 123) frame = F_META;
        break;
      case R_META_SCOPE:
        if (c === 123) frame = F_META_SCOPE;
        break;
      case R_META_SCOPE_AREAS:
        if (c === 91) {
          frame = F_META_SCOPE_AREAS;
          this.metaDeclares = 'scopeArea';
        }
        break;
      case R_META_SHOWN:
        if (c === 123) {
          frame = F_META_SHOWN;
          this.shown = { place: at };
        }
        break;
      case R_ITEM:
        if (c === 123) {
          frame = F_ROW;
          this.startRow(at.line);
        } else this.addAt(at, this.notARow(found, foundId));
        break;
      case R_TOTALS:
        if (c === 123) {
          frame = F_TOTALS;
          this.totals = { place: this.totalsKeyPlace!, members: [] };
        } else this.addAt(at, say({ message: `"totals": expected an object of column totals, found ${found}`, hint: 'e.g. "totals": {"participants": 256129}; or leave "totals" out' }, { message: `"totals": seharusnya objek berisi total kolom, bukan ${foundId}`, hint: 'mis. "totals": {"participants": 256129}; atau hilangkan "totals"' }));
        break;
      case R_TOTAL_FIELD:
        this.addAt(at, say(`"totals": field "${this.totalName}": expected a number, text or null, found ${found}`, `"totals": kolom "${this.totalName}": seharusnya angka, teks atau null, bukan ${foundId}`));
        break;
      case R_FIELD:
        // A nested value in a column the load does not read is no problem (Parquet reads only the columns
        // it uses): the value is scanned, never built, and the column is not read (issue 20, F2).
        if (this.fieldKey >= 0 && this.sink.reads?.(this.fieldKey) === false) break;
        if (this.fieldKey >= 0) this.refused.push(this.fieldKey);
        this.addAt(
          at,
          say(
            { message: `field "${this.fieldName}": expected text, a number, true, false or null, found ${found}`, hint: 'a row is one flat object; nested values cannot be read as cells' },
            { message: `kolom "${this.fieldName}": seharusnya teks, angka, true, false atau null, bukan ${foundId}`, hint: 'satu baris adalah satu objek datar; nilai bersarang tidak dapat dibaca sebagai sel' },
          ),
        );
        break;
    }
    this.stack.push(frame);
    this.expect = c === 123 ? E_KEY_OR_CLOSE : E_VALUE_OR_CLOSE;
  }

  private close(): void {
    const frame = this.stack.pop()!;
    if (frame === F_ROW) this.endRow();
    else if (frame === F_ROWS) this.itemIndex = 0;
    else if (frame === F_TOP_OBJECT && this.rowsKeyPlace === undefined) {
      this.addAt(
        this.topPlace,
        say(
          { message: 'expected an array of rows, or an object with a "rows" array; this object has no "rows"', hint: EXAMPLE.en },
          { message: 'seharusnya array baris, atau objek dengan array "rows"; objek ini tidak memiliki "rows"', hint: EXAMPLE.id },
        ),
      );
    }
    this.afterValue();
  }

  /** After a complete value: what may follow depends on the innermost open array or object. */
  private afterValue(): void {
    const depth = this.stack.length;
    if (depth === 0) {
      if (this.lines) {
        // The next line's row.
        this.itemIndex++;
        this.expect = E_VALUE;
      } else this.expect = E_END;
      return;
    }
    const top = this.stack[depth - 1]!;
    if (top === F_ROWS) this.itemIndex++;
    this.expect = top === F_ROWS || top === F_SKIP_ARRAY || top === F_META_SCOPE_AREAS ? E_COMMA_OR_CLOSE_ARRAY : E_COMMA_OR_CLOSE_OBJECT;
    if (top === F_ROW) this.fieldKey = -1;
    else if (top === F_TOP_OBJECT) this.memberIsRows = this.memberIsMeta = this.memberIsTotals = false;
    else if (top === F_META) this.metaKeyIsDenominator = this.metaKeyIsShown = this.metaKeyIsScope = false;
    else if (top === F_META_SCOPE) this.scopeKeyIsKind = this.scopeKeyIsAreas = false;
    else if (top === F_META_SHOWN) this.shownKey = undefined;
    else if (top === F_TOTALS) this.totalName = undefined;
  }

  /** Check a scalar against its role before reading it; false when reading stops. */
  private scalarAllowed(role: number, c: number, i: number): boolean {
    if (role === R_TOP) {
      this.fatalHere(
        this.base + i,
        say(
          { message: `expected an array of rows, or an object with a "rows" array, found ${kindOf(c)}`, hint: EXAMPLE.en },
          { message: `seharusnya array baris, atau objek dengan array "rows", bukan ${kindOf(c, 'id')}`, hint: EXAMPLE.id },
        ),
      );
      return false;
    }
    if (role === R_ROWS) this.addAt(this.place(i), say(`"rows": expected an array of rows, found ${kindOf(c)}`, `"rows": seharusnya array baris, bukan ${kindOf(c, 'id')}`));
    else if (role === R_ITEM) this.addAt(this.place(i), this.notARow(kindOf(c), kindOf(c, 'id')));
    // "totals": null (as -f json writes when there are none) says there are none.
    else if (role === R_TOTALS && c !== 110) this.addAt(this.place(i), say({ message: `"totals": expected an object of column totals, found ${kindOf(c)}`, hint: 'e.g. "totals": {"participants": 256129}; or leave "totals" out' }, { message: `"totals": seharusnya objek berisi total kolom, bukan ${kindOf(c, 'id')}`, hint: 'mis. "totals": {"participants": 256129}; atau hilangkan "totals"' }));
    // The token is still read (to find where it ends), as a skipped value.
    this.tokRole = role === R_FIELD || role === R_META_DENOMINATOR || role === R_TOTAL_FIELD || role === R_SHOWN_FIELD ? role : R_SKIP;
    return true;
  }

  // ── strings ──

  private startString(i: number, isKey: boolean): void {
    this.mode = M_STRING;
    this.tokIsKey = isKey;
    this.tokLine = this.line;
    this.tokCol = this.base + i - this.lineStart + 1;
    const top = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
    if (isKey) this.strKeep = top === F_ROW || top === F_TOP_OBJECT || top === F_META || top === F_TOTALS || top === F_META_SHOWN || top === F_META_SCOPE;
    else this.strKeep = this.tokRole === R_FIELD || this.tokRole === R_META_DENOMINATOR || this.tokRole === R_TOTAL_FIELD;
    this.strText = '';
    this.strLen = 0;
    this.esc = 0;
  }

  private string(s: string, i: number): number {
    const n = s.length;
    let from = i;
    while (i < n) {
      if (this.esc !== 0) {
        const c = s.charCodeAt(i);
        if (this.esc === 1) {
          if (c === 117) {
            this.esc = 2;
            this.escHex = 0;
          } else {
            const decoded = ESCAPES[c];
            if (decoded === undefined) {
              const esc = JSON.stringify('\\' + s[i]);
              this.fatal(
                this.line,
                this.escCol,
                say(
                  { message: `invalid escape ${esc} in text`, hint: 'a backslash starts \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX; write a literal backslash as \\\\' },
                  { message: `escape ${esc} tidak sah di dalam teks`, hint: 'garis miring terbalik mengawali \\" \\\\ \\/ \\b \\f \\n \\r \\t atau \\uXXXX; tulis garis miring terbalik biasa sebagai \\\\' },
                ),
              );
              return n;
            }
            this.esc = 0;
            if (this.strKeep) this.append(decoded);
          }
        } else {
          const h = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
          if (h < 0) {
            this.fatal(
              this.line,
              this.escCol,
              say({ message: 'invalid \\u escape in text: four hexadecimal digits expected', hint: 'e.g. \\u00e9 for é' }, { message: 'escape \\u tidak sah di dalam teks: seharusnya empat digit heksadesimal', hint: 'mis. \\u00e9 untuk é' }),
            );
            return n;
          }
          this.escHex = this.escHex * 16 + h;
          if (++this.esc === 6) {
            this.esc = 0;
            // Code units one by one: a surrogate pair (\uD83D\uDE00) joins by itself in the string.
            if (this.strKeep) this.append(String.fromCharCode(this.escHex));
          }
        }
        i++;
        from = i;
        if (this.stopped) return n;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 34) {
        if (this.strKeep && i > from) this.append(s.slice(from, i));
        if (this.stopped) return n;
        this.mode = M_NONE;
        this.endString();
        return i + 1;
      }
      if (c === 92) {
        if (this.strKeep && i > from) this.append(s.slice(from, i));
        if (this.stopped) return n;
        this.esc = 1;
        this.escCol = this.base + i - this.lineStart + 1;
        i++;
        from = i;
        continue;
      }
      if (c < 32) {
        const ch = show(s[i]!);
        const lineBreak = c === 10 || c === 13;
        this.fatalHere(
          this.base + i,
          say(
            { message: `control character ${ch} inside text`, hint: lineBreak ? 'a line break inside JSON text is written \\n; or a closing " is missing' : 'write it as an escape, e.g. \\t or \\u0000' },
            { message: `karakter kendali ${ch} di dalam teks`, hint: lineBreak ? 'ganti baris di dalam teks JSON ditulis \\n; atau tanda " penutup tidak ada' : 'tulis sebagai escape, mis. \\t atau \\u0000' },
          ),
        );
        return n;
      }
      i++;
    }
    if (this.strKeep && i > from) this.append(s.slice(from, i));
    return n;
  }

  private append(part: string): void {
    this.strLen += part.length;
    if (this.strLen > this.maxStringLength) {
      const max = this.maxStringLength;
      this.fatal(
        this.tokLine,
        this.tokCol,
        say(
          { message: `${this.tokIsKey ? 'a name' : 'a text value'} longer than ${max} characters`, hint: 'check that the quotes of the file are balanced' },
          { message: `${this.tokIsKey ? 'nama' : 'nilai teks'} lebih panjang dari ${max} karakter`, hint: 'periksa apakah tanda kutip di berkas berpasangan' },
        ),
      );
      return;
    }
    this.strText = this.strText.length === 0 ? part : this.strText + part;
  }

  /** A member of the top-level object given twice ("rows", "totals"): said at the second, naming the first. */
  private twice(name: string, first: CellPlace, at: CellPlace, hint: { en: string; id: string }): void {
    const { line, column } = first;
    this.addAt(
      at,
      say(
        { message: `"${name}" appears twice in the object (first at line ${line}, column ${column})`, hint: hint.en },
        { message: `"${name}" muncul dua kali dalam objek (pertama di baris ${line}, kolom ${column})`, hint: hint.id },
      ),
    );
  }

  private endString(): void {
    const at: CellPlace = { line: this.tokLine, column: this.tokCol };
    if (this.tokIsKey) {
      this.expect = E_COLON;
      const top = this.stack[this.stack.length - 1]!;
      if (top === F_ROW) this.key(this.strText, at);
      else if (top === F_META) {
        this.metaKeyIsDenominator = this.strText === 'denominator' || this.strText === 'codeSystem' || this.strText === 'period';
        this.metaDeclares = this.strText === 'codeSystem' || this.strText === 'period' ? this.strText : 'denominator';
        this.metaKeyIsShown = this.strText === 'shown';
        this.metaKeyIsScope = this.strText === 'scope';
      } else if (top === F_META_SCOPE) {
        // and its "name" (the Kanwil or province: rv31 V5, targets of another Kanwil's).
        // and its counts "areas" of "of" (a scope in part whose areas an older file does not name).
        this.scopeKeyIsKind = this.strText === 'kind' || this.strText === 'name' || this.strText === 'areas' || this.strText === 'of';
        this.scopeKeyIsAreas = this.strText === 'provinces' || this.strText === 'regencies';
        if (this.scopeKeyIsKind) this.metaDeclares = this.strText === 'kind' ? 'scope' : this.strText === 'name' ? 'scopeName' : this.strText === 'areas' ? 'scopeAreas' : 'scopeOf';
      } else if (top === F_META_SHOWN) this.shownKey = this.strText === 'rows' || this.strText === 'of' ? this.strText : undefined;
      else if (top === F_TOP_OBJECT) {
        this.memberIsMeta = this.strText === 'meta';
        if (this.strText === 'rows') {
          if (this.rowsKeyPlace !== undefined) {
            this.twice('rows', this.rowsKeyPlace, at, { en: 'one file holds one array of rows', id: 'satu berkas memuat satu array baris' });
            this.memberIsRows = false;
          } else {
            this.rowsKeyPlace = at;
            this.memberIsRows = true;
          }
        } else if (this.strText === 'totals' && !this.lines) {
          if (this.totalsKeyPlace !== undefined) {
            this.twice('totals', this.totalsKeyPlace, at, { en: 'keep one of them', id: 'pertahankan salah satunya' });
          } else {
            this.totalsKeyPlace = at;
            this.memberIsTotals = true;
          }
        }
      } else if (top === F_TOTALS) {
        const name = this.strText;
        if (this.totals!.members.some((m) => m.name === name)) {
          this.addAt(at, say({ message: `"totals": field "${name}" appears twice`, hint: 'keep one of them' }, { message: `"totals": kolom "${name}" muncul dua kali`, hint: 'pertahankan salah satunya' }));
          this.totalName = undefined;
        } else this.totalName = name;
      }
      this.strText = '';
      return;
    }
    if (this.tokRole === R_FIELD) this.setCell(this.strText, at);
    else if (this.tokRole === R_META_DENOMINATOR) this.sink.declare?.(this.metaDeclares, this.strText, at);
    else if (this.tokRole === R_TOTAL_FIELD) this.totalValue(this.strText, at);
    this.strText = '';
    this.afterValue();
  }

  // ── numbers and literals ──

  private number(s: string, i: number, atEnd: boolean): number {
    const n = s.length;
    const start = i;
    while (i < n && isNumberChar(s.charCodeAt(i))) i++;
    if (i > start) this.numText = this.numText.length === 0 ? s.slice(start, i) : this.numText + s.slice(start, i);
    if (this.numText.length > MAX_NUMBER_LENGTH) {
      this.fatal(this.tokLine, this.tokCol, say(`a number longer than ${MAX_NUMBER_LENGTH} characters`, `angka lebih panjang dari ${MAX_NUMBER_LENGTH} karakter`));
      return n;
    }
    if (i >= n && !atEnd) return n; // the number may go on in the next chunk
    this.mode = M_NONE;
    const text = this.numText;
    this.numText = '';
    if (!NUMBER.test(text)) {
      const shown = JSON.stringify(text);
      this.fatal(
        this.tokLine,
        this.tokCol,
        say(
          { message: `invalid number ${shown}`, hint: 'JSON numbers are written like 256129, -3, 0.6056 or 1e6: no grouping, no leading zeros, a dot for decimals' },
          { message: `angka ${shown} tidak sah`, hint: 'angka JSON ditulis seperti 256129, -3, 0.6056 atau 1e6: tanpa pemisah ribuan, tanpa nol di depan, titik untuk desimal' },
        ),
      );
      return n;
    }
    if (this.tokRole === R_SHOWN_FIELD && this.shown && this.shownKey !== undefined) {
      const v = Number(text);
      if (Number.isSafeInteger(v) && v >= 0) this.shown[this.shownKey] = v;
    } else if (this.tokRole === R_FIELD || this.tokRole === R_TOTAL_FIELD) {
      const at: CellPlace = { line: this.tokLine, column: this.tokCol };
      const put = (v: Cell): void => (this.tokRole === R_FIELD ? this.setCell(v, at) : this.totalValue(v, at));
      const value = Number(text);
      const name = this.tokRole === R_FIELD ? this.fieldName : `totals.${this.totalName}`;
      if (!Number.isFinite(value)) {
        this.addAt(at, say(`field "${name}": the number ${text} is out of range`, `kolom "${name}": angka ${text} di luar jangkauan`));
      } else if (!Number.isSafeInteger(value) && Number.isInteger(value) && INTEGER_LITERAL.test(text)) {
        // Beyond 2^53 the number would be rounded: pass the digits, so the typed layer refuses exactly them.
        put(text);
      } else {
        put(value);
      }
    }
    this.afterValue();
    return i;
  }

  private literal(s: string, i: number): number {
    const word = LITERALS[this.litIndex]!;
    const n = s.length;
    while (i < n && this.litPos < word.length) {
      if (s.charCodeAt(i) !== word.charCodeAt(this.litPos)) {
        const ch = show(s[i]!);
        this.fatalHere(
          this.base + i,
          say(
            { message: `unexpected ${ch} in '${word}'`, hint: 'JSON knows true, false and null; text is written in double quotes' },
            { message: `karakter ${ch} tidak terduga di dalam '${word}'`, hint: 'JSON mengenal true, false dan null; teks ditulis dalam tanda kutip ganda' },
          ),
        );
        return n;
      }
      this.litPos++;
      i++;
    }
    if (this.litPos < word.length) return n;
    this.mode = M_NONE;
    if (this.tokRole === R_FIELD) this.setCell(LITERAL_VALUES[this.litIndex]!, { line: this.tokLine, column: this.tokCol });
    else if (this.tokRole === R_TOTAL_FIELD) this.totalValue(LITERAL_VALUES[this.litIndex]!, { line: this.tokLine, column: this.tokCol });
    this.afterValue();
    return i;
  }

  // ── rows ──

  private startRows(path: string): void {
    this.rowsPath = path;
    this.itemIndex = 0;
  }

  private startRow(line: number): void {
    this.cells = [];
    this.places = [];
    if (this.refused.length) this.refused = [];
    this.rowLine = line;
    this.rowStamp++;
    this.fieldKey = -1;
    this.keyOrdinal = 0;
  }

  private key(name: string, at: CellPlace): void {
    let k = this.columns.get(name);
    if (k === undefined) {
      if (this.columnCount >= this.maxColumns) {
        const max = this.maxColumns;
        this.fatal(
          at.line,
          at.column,
          say(
            { message: `more than ${max} different names in the rows`, hint: 'each name is a column; check that the rows are flat objects with the same names' },
            { message: `lebih dari ${max} nama berbeda di baris-baris`, hint: 'setiap nama adalah satu kolom; periksa apakah baris berupa objek datar dengan nama yang sama' },
          ),
        );
        return;
      }
      k = this.columnCount++;
      this.columns.set(name, k);
      this.sink.column(name, k, at);
    }
    // Remembered for the next row's key at this position, when its raw text is the name itself (up to
    // maxColumns positions: a row repeating one key a million times must not grow these arrays).
    let plain = this.keyOrdinal < this.maxColumns;
    for (let i = 0; i < name.length && plain; i++) {
      const c = name.charCodeAt(i);
      plain = c >= 32 && c !== 34 && c !== 92;
    }
    if (this.keyOrdinal < this.maxColumns) {
      this.keyGuess[this.keyOrdinal] = plain ? name : undefined;
      this.keyGuessIndex[this.keyOrdinal] = k;
    }
    this.useKey(k, name, at.line, at.column);
  }

  private useKey(k: number, name: string, line: number, column: number): void {
    this.keyOrdinal++;
    this.fieldName = name;
    if (this.seenInRow[k] === this.rowStamp) {
      const first = { line: this.seenLine[k]!, column: this.seenColumn[k]! };
      this.addAt(
        { line, column },
        say(
          { message: `field "${name}" appears twice in one row (first at line ${first.line}, column ${first.column})`, hint: 'keep one of them' },
          { message: `kolom "${name}" muncul dua kali dalam satu baris (pertama di baris ${first.line}, kolom ${first.column})`, hint: 'pertahankan salah satunya' },
        ),
      );
      this.fieldKey = -1;
      return;
    }
    this.seenInRow[k] = this.rowStamp;
    this.seenLine[k] = line;
    this.seenColumn[k] = column;
    this.fieldKey = k;
  }

  private setCell(value: Cell, at: CellPlace): void {
    const k = this.fieldKey;
    const cells = this.cells;
    const places = this.places;
    while (cells.length < k) {
      cells.push(undefined);
      places.push(undefined);
    }
    cells[k] = value;
    places[k] = at;
  }

  private totalValue(value: Cell, at: CellPlace): void {
    this.totals!.members.push({ name: this.totalName!, value, place: at });
  }

  private endRow(): void {
    const cells = this.cells;
    const places = this.places;
    while (cells.length < this.columnCount) {
      cells.push(undefined);
      places.push(undefined);
    }
    this.sink.row(cells, this.rowLine, places, undefined, this.refused.length ? this.refused : undefined);
  }

  // ── problems ──

  private addAt(at: CellPlace, text: Bilingual): void {
    this.problems.add({ file: this.file, line: at.line, column: at.column, ...text });
  }

  /** An item of the rows array that is not an object. */
  private notARow(found: string, foundId: string): Bilingual {
    if (this.lines) {
      return say(
        { message: `expected an object (one row) on this line, found ${found}`, hint: 'a JSON lines file (.jsonl, .ndjson) holds one row object a line: {"name": value, …}; an array of rows belongs in a .json file' },
        { message: `seharusnya objek (satu baris data) di baris ini, bukan ${foundId}`, hint: 'berkas JSON lines (.jsonl, .ndjson) memuat satu objek baris data per baris: {"nama": nilai, …}; array baris data ditaruh di berkas .json' },
      );
    }
    const where = `${this.rowsPath}[${this.itemIndex}]`;
    return say({ message: `${where}: expected an object (one row), found ${found}`, hint: ONE_ROW.en }, { message: `${where}: seharusnya objek (satu baris), bukan ${foundId}`, hint: ONE_ROW.id });
  }

  private unexpected(s: string, i: number, hint?: { en: string; id: string }): void {
    const ch = show(s[i]!);
    const wanted = EXPECTED[this.expect]!;
    this.fatalHere(this.base + i, say({ message: `unexpected ${ch}, expected ${wanted.en}`, hint: hint?.en }, { message: `karakter ${ch} tidak terduga, seharusnya ${wanted.id}`, hint: hint?.id }));
  }

  /** A syntax error at an absolute offset on the current line: one diagnostic, and reading stops. */
  private fatalHere(offset: number, text: Bilingual): void {
    this.fatal(this.line, offset - this.lineStart + 1, text);
  }

  private fatal(line: number, column: number, text: Bilingual): void {
    this.problems.add({ file: this.file, line, column, ...text });
    this.stopped = true;
    this.mode = M_NONE;
  }
}

/** Does `s` hold `word` at `at`? (startsWith with a position was the slowest line of the reader.) */
function sameAt(s: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}
