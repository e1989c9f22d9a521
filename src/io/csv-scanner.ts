// A streaming RFC 4180 scanner that knows where every field starts.
//
// Why our own: every error must name file:line:column, all errors in a file are collected (not just
// the first), multi-megabyte extracts must stream with flat memory, and the per-row cost decides how
// fast a 5,000,000-row extract is read. csv-parse is the reference it is tested against
// (test/io/csv-differential.test.ts): on every generated input both give the same records, or both
// refuse it.
//
// Records end at CRLF, LF or CR. A field is either unquoted (no quote character in it) or wrapped in
// double quotes with "" for a literal quote; after the closing quote only a delimiter or a line end may
// follow. Empty lines are skipped and reported to onBlank.

import { say, type Bilingual } from '../errors.js';

export interface ScanError extends Bilingual {
  readonly line: number;
  readonly column: number;
  /** The scanner cannot continue after a fatal error (unclosed quote at end of input, size limits). */
  readonly fatal?: boolean;
}

export interface ScanHandlers {
  /** fields, the line the record starts on, and each field's 1-based character column. */
  onRecord(fields: string[], line: number, columns: number[]): void;
  onBlank?(line: number): void;
  onError(error: ScanError): void;
}

export interface ScanLimits {
  readonly maxFieldLength: number;
  readonly maxFields: number;
  readonly maxRecordLength: number;
  /**
   * Hand every record the same two arrays (refilled): for a handler that reads them during the call and
   * keeps nothing (the typed-row layer), a million rows then make no arrays at all.
   */
  readonly reuseArrays?: boolean;
  /**
   * false: every record is read character by character (the model the quick path of `scan` is tested
   * against, test/io/csv-quick.test.ts). Default true.
   */
  readonly quick?: boolean;
}

export const DEFAULT_LIMITS: ScanLimits = { maxFieldLength: 1 << 20, maxFields: 10_000, maxRecordLength: 4 << 20 };

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvScanner {
  private buffer = '';
  /** Line number (1-based) at the start of `buffer`, and the column offset of its first character. */
  private line = 1;
  private lineStartOffset = 0;
  private stopped = false;
  private readonly delim: number;
  private fields: string[] = [];
  private readonly columns: number[] = [];

  constructor(
    delimiter: string,
    private readonly handlers: ScanHandlers,
    private readonly limits: ScanLimits = DEFAULT_LIMITS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`invalid delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter.charCodeAt(0);
  }

  get failed(): boolean {
    return this.stopped;
  }

  push(chunk: string): void {
    if (this.stopped) return;
    const joinTo = this.buffer.length === 0 ? 0 : chunk.indexOf('\n') + 1;
    if (joinTo === 0 || joinTo === chunk.length) {
      this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
      this.scan(false, 0);
    } else {
      // The record cut at the end of the last chunk is finished with this chunk's first line, joined on
      // its own; the rest of the chunk is then scanned where it is. (Joined whole, the chunk would be
      // read through a cons string, about a fifth slower a character.) The scanner reads any cut of
      // the text alike (test/io/csv-differential.test.ts cuts it anywhere).
      this.buffer += chunk.slice(0, joinTo);
      this.scan(false, 0);
      if (this.stopped) return;
      if (this.buffer.length === 0) {
        this.buffer = chunk;
        this.scan(false, joinTo);
      } else {
        // A record still open (a quoted field across lines): joined as before.
        this.buffer += chunk.slice(joinTo);
        this.scan(false, 0);
      }
    }
    if (!this.stopped && this.buffer.length > this.limits.maxRecordLength) {
      const max = this.limits.maxRecordLength;
      this.fatal(this.line, 1, say({ message: `a record is longer than ${max} characters`, hint: 'check the quoting and the line endings of the file' }, { message: `sebuah rekaman lebih panjang dari ${max} karakter`, hint: 'periksa tanda kutip dan akhir baris di berkas' }));
    }
  }

  end(): void {
    if (this.stopped) return;
    this.scan(true, 0);
    this.buffer = '';
  }

  private fatal(line: number, column: number, text: Bilingual): void {
    this.handlers.onError({ line, column, ...text, fatal: true });
    this.stopped = true;
    this.buffer = '';
  }

  /** Scan complete records in the buffer from `start`; keep an incomplete tail unless `final`. */
  private scan(final: boolean, start: number): void {
    const s = this.buffer;
    const n = s.length;
    const d = this.delim;
    const { maxFieldLength, maxFields } = this.limits;
    let pos = start;
    let line = this.line;
    // Character index where the current line starts (may be before `start` for a continued line).
    let lineStart = start - this.lineStartOffset;
    // Where the current record began: an unfinished record is rescanned from here with the next chunk.
    let recordStart = start;
    let recordLine = line;
    let recordLineStart = lineStart;
    let incomplete = false;
    const reuse = this.limits.reuseArrays === true;
    // A new array of fields for each chunk, reused for its records: it is young while they are read, so
    // storing each record's new strings in it needs no entry in the collector's old-to-new set (a field
    // array kept for the whole file is old, and every store into it took the write barrier's slow path).
    if (reuse) this.fields = [];
    const quick = this.limits.quick !== false;
    let nextLf = -1;
    let nextCr = -1;
    // The next delimiter and the next quote at or after where they were last looked for (see quickRecord).
    let nextDelim = -1;
    let nextQuote = -1;
    const delimChar = String.fromCharCode(d);

    outer: while (pos < n) {
      recordStart = pos;
      recordLine = line;
      recordLineStart = lineStart;
      const c0 = s.charCodeAt(pos);
      if (c0 === LF || c0 === CR) {
        if (c0 === CR && pos + 1 >= n && !final) {
          incomplete = true; // might be the CR of a CRLF split across chunks
          break;
        }
        pos += c0 === CR && s.charCodeAt(pos + 1) === LF ? 2 : 1;
        this.handlers.onBlank?.(line);
        line++;
        lineStart = pos;
        continue;
      }
      // Reused arrays are written by index and cut to the record's length when it is handed on (emptying
      // them with `length = 0` would drop their storage, to be grown again for every record).
      const fields: string[] = reuse ? this.fields : [];
      const columns: number[] = reuse ? this.columns : [];
      // Most records are whole in the buffer, end with LF or CRLF, and have no quote but around a whole
      // field: they are cut at the delimiters, quotes and line end found by indexOf (a search of the
      // engine's, several times faster than a test a character here). Anything else (a CR alone, a quote
      // inside a field or written twice, a quoted line break, text after a closing quote, a record too
      // long or too wide, the end of the buffer) and the record is read again below from its start,
      // character by character, which finds and words every problem as before.
      quick: {
        if (!quick) break quick;
        if (nextLf < pos) nextLf = nextOf(s, '\n', pos);
        const eol = nextLf;
        if (nextCr < pos) nextCr = nextOf(s, '\r', pos);
        if (eol >= n) {
          // The buffer's unfinished last record (no line end after it): kept for the next chunk without
          // the reading below, which would find only that (it could find no other problem in so few
          // characters: fewer than a field's or a record's limits). So the reading below is not first
          // run, at every chunk's end, after V8 compiled this without it (and compiles it again).
          if (!final && nextCr >= n && n - pos < maxFields && n - pos < maxFieldLength) {
            incomplete = true;
            break outer;
          }
          break quick;
        }
        let end = eol;
        if (nextCr < eol) {
          if (nextCr !== eol - 1) break quick;
          end = eol - 1;
        }
        let p = pos;
        let k = 0;
        for (;;) {
          if (k >= maxFields) break quick;
          columns[k] = p - lineStart + 1;
          if (p < end && s.charCodeAt(p) === QUOTE) {
            const q = s.indexOf('"', p + 1);
            if (q < 0 || q >= end || q - p - 1 > maxFieldLength) break quick;
            const after = q + 1;
            if (after !== end && s.charCodeAt(after) !== d) break quick;
            fields[k++] = s.slice(p + 1, q);
            p = after;
          } else {
            if (nextDelim < p) nextDelim = nextOf(s, delimChar, p);
            if (nextQuote < p) nextQuote = nextOf(s, '"', p);
            const e = nextDelim < end ? nextDelim : end;
            if (nextQuote < e || e - p > maxFieldLength) break quick;
            fields[k++] = s.slice(p, e);
            p = e;
          }
          if (p === end) break;
          p++; // the delimiter
        }
        cut(fields, columns, k);
        this.handlers.onRecord(fields, line, columns);
        pos = eol + 1;
        line++;
        lineStart = pos;
        continue outer;
      }
      let nf = 0;
      for (;;) {
        // At the start of a field.
        columns[nf] = pos - lineStart + 1;
        if (nf >= maxFields) {
          this.fatal(recordLine, 1, say({ message: `a record has more than ${maxFields} fields`, hint: 'check the delimiter (--delimiter)' }, { message: `sebuah rekaman memiliki lebih dari ${maxFields} kolom`, hint: 'periksa pemisahnya (--delimiter)' }));
          return;
        }
        let value: string;
        if (s.charCodeAt(pos) === QUOTE) {
          const fieldLine = line;
          const fieldCol = pos - lineStart + 1;
          let p = pos + 1;
          let parts = '';
          let from = p;
          for (;;) {
            const q = s.indexOf('"', p);
            if (q < 0) {
              if (!final) {
                incomplete = true;
                break outer;
              }
              const end = line + countLines(s, from, /[\r\n]$/.test(s) ? n - 1 : n);
              this.fatal(
                fieldLine,
                fieldCol,
                say(
                  { message: `quoted field starting here is never closed (reached the end of the input at line ${end})`, hint: 'a closing " is missing' },
                  { message: `kolom bertanda kutip yang dimulai di sini tidak pernah ditutup (input berakhir di baris ${end})`, hint: 'tanda " penutup tidak ada' },
                ),
              );
              return;
            }
            // Track line breaks inside the quoted text. Most quoted fields have none: where the next LF
            // and the next CR are is searched once and remembered, not per character.
            if (nextLf < p) nextLf = nextOf(s, '\n', p);
            if (nextCr < p) nextCr = nextOf(s, '\r', p);
            if (nextLf < q || nextCr < q) {
              for (let k = p; k < q; k++) {
                const ch = s.charCodeAt(k);
                if (ch === LF || (ch === CR && s.charCodeAt(k + 1) !== LF)) {
                  line++;
                  lineStart = k + 1;
                }
              }
            }
            if (q + 1 >= n && !final) {
              incomplete = true;
              break outer;
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              parts += s.slice(from, q + 1);
              p = q + 2;
              from = p;
              continue;
            }
            value = parts + s.slice(from, q);
            pos = q + 1;
            break;
          }
          if (value.length > maxFieldLength) {
            this.fatal(fieldLine, fieldCol, say(`a field is longer than ${maxFieldLength} characters`, `sebuah kolom lebih panjang dari ${maxFieldLength} karakter`));
            return;
          }
          const next = pos < n ? s.charCodeAt(pos) : -1;
          if (next !== d && next !== LF && next !== CR && next !== -1) {
            // Report only once the rest of the line is here (the record may be rescanned otherwise).
            const skip = skipLine(s, pos, line, lineStart);
            if (skip.pos < 0 && !final) {
              incomplete = true;
              break outer;
            }
            this.handlers.onError({
              line,
              column: pos - lineStart + 1,
              ...say(
                { message: `unexpected character ${JSON.stringify(s[pos])} after a closing quote`, hint: 'inside a quoted field a quote is written twice ("")' },
                { message: `karakter ${JSON.stringify(s[pos])} tidak terduga setelah tanda kutip penutup`, hint: 'di dalam kolom bertanda kutip, tanda kutip ditulis dua kali ("")' },
              ),
            });
            ({ pos, line, lineStart } = skip.pos < 0 ? { pos: n, line, lineStart } : skip);
            continue outer;
          }
        } else {
          let p = pos;
          while (p < n) {
            const ch = s.charCodeAt(p);
            if (ch === d || ch === LF || ch === CR) break;
            if (ch === QUOTE) {
              const skip = skipLine(s, p, line, lineStart);
              if (skip.pos < 0 && !final) {
                incomplete = true;
                break outer;
              }
              this.handlers.onError({
                line,
                column: p - lineStart + 1,
                ...say(
                  { message: 'a quote inside an unquoted field', hint: 'put the whole field in quotes and write the quote twice ("")' },
                  { message: 'tanda kutip di dalam kolom yang tidak bertanda kutip', hint: 'apit seluruh isi kolom dengan tanda kutip dan tulis tanda kutipnya dua kali ("")' },
                ),
              });
              ({ pos, line, lineStart } = skip.pos < 0 ? { pos: n, line, lineStart } : skip);
              continue outer;
            }
            p++;
          }
          if (p >= n && !final) {
            incomplete = true;
            break outer;
          }
          if (p - pos > maxFieldLength) {
            this.fatal(line, pos - lineStart + 1, say(`a field is longer than ${maxFieldLength} characters`, `sebuah kolom lebih panjang dari ${maxFieldLength} karakter`));
            return;
          }
          value = s.slice(pos, p);
          pos = p;
        }
        fields[nf++] = value;
        if (pos >= n) {
          // End of input without a final line break (only reached when final).
          cut(fields, columns, nf);
          this.handlers.onRecord(fields, recordLine, columns);
          break outer;
        }
        const ch = s.charCodeAt(pos);
        if (ch === d) {
          pos++;
          if (pos >= n) {
            if (!final) {
              incomplete = true;
              break outer;
            }
            columns[nf] = pos - lineStart + 1;
            fields[nf++] = '';
            cut(fields, columns, nf);
            this.handlers.onRecord(fields, recordLine, columns);
            break outer;
          }
          continue;
        }
        // A line end closes the record.
        if (ch === CR && pos + 1 >= n && !final) {
          incomplete = true;
          break outer;
        }
        pos += ch === CR && s.charCodeAt(pos + 1) === LF ? 2 : 1;
        cut(fields, columns, nf);
        this.handlers.onRecord(fields, recordLine, columns);
        line++;
        lineStart = pos;
        continue outer;
      }
    }
    if (incomplete) {
      pos = recordStart;
      line = recordLine;
      lineStart = recordLineStart;
    }
    // Keep the unfinished tail (rescanned with the next chunk).
    this.buffer = pos < n && !final ? s.slice(pos) : '';
    this.line = line;
    this.lineStartOffset = pos - lineStart;
  }
}

/** A record's fields and columns as long as the record (reused arrays may hold a longer one's). */
function cut(fields: string[], columns: number[], n: number): void {
  if (fields.length !== n) fields.length = n;
  if (columns.length !== n) columns.length = n;
}

/** The next position of `ch` from `from`, or the end of `s`. */
function nextOf(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 ? s.length : i;
}

function countLines(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch === LF || (ch === CR && s.charCodeAt(i + 1) !== LF)) k++;
  }
  return k;
}

/** Skip to the start of the next line; pos −1 when the buffer ends first. */
function skipLine(s: string, from: number, line: number, lineStart: number): { pos: number; line: number; lineStart: number } {
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === LF || ch === CR) {
      if (ch === CR && i + 1 >= s.length) return { pos: -1, line, lineStart }; // a CRLF may be split
      const next = ch === CR && s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return { pos: next, line: line + 1, lineStart: next };
    }
  }
  return { pos: -1, line, lineStart };
}
