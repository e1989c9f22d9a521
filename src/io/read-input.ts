// Reading input sources (files or stdin) into raw rows: decoding, delimiter detection, CSV and JSON.
// Nothing here knows what the columns mean; see records.ts for that.

import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { InputError, ProblemList, type Diagnostic } from '../errors.js';
import { CsvScanner, DEFAULT_LIMITS, type ScanLimits } from './csv-scanner.js';
import { openInput } from './open-input.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le';

export interface ReadOptions {
  readonly delimiter?: string;
  readonly encoding?: Encoding;
  readonly maxErrors?: number;
  readonly limits?: ScanLimits;
  /** Called with bytes read so far, for a progress bar. */
  readonly onProgress?: (bytes: number, total: number | undefined) => void;
  /** Standard input, injectable for tests. */
  readonly stdin?: NodeJS.ReadableStream;
}

export type Cell = string | number | boolean | null;

export interface RawRow {
  readonly line: number;
  readonly values: Cell[];
  /** 1-based character column of each value. */
  readonly columns: number[];
  /** For JSON: the line of each value (values of one object may span lines). */
  readonly lines?: number[];
}

export interface SourceInfo {
  /** The name used in messages: the path as given, or `<stdin>`. */
  readonly name: string;
  readonly format: 'csv' | 'json';
  readonly delimiter?: string;
  readonly encoding: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly blankLines: number[];
}

export interface RawTable {
  readonly source: SourceInfo;
  readonly header: string[];
  readonly headerColumns: number[];
  readonly rows: RawRow[];
}

const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];
const MAX_JSON_BYTES = 512 << 20;
const MAX_JSON_DEPTH = 64;

export const STDIN = '-';

export function displayName(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}

/** Pick the delimiter from the header line: the separator that clearly splits it most. */
export function detectDelimiter(headerLine: string): { delimiter?: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  for (const d of DELIMITERS) counts[d] = 0;
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch]! += 1;
  }
  const ranked = DELIMITERS.map((d) => [d, counts[d]!] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0) return { counts };
  if (second && second[1] === best[1]) return { counts };
  return { delimiter: best[0], counts };
}

function describeDelimiter(d: string): string {
  return d === '\t' ? 'TAB' : `'${d}'`;
}

/** Where the first invalid UTF-8 sequence starts, or −1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if ((c & 0xc0) !== 0x80) return i;
    }
    const b1 = bytes[i + 1]!;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

interface DecodedChunks {
  name: string;
  encoding: string;
  sha256: string;
  bytes: number;
}

/**
 * Stream a source as decoded text chunks. Invalid UTF-8 is an error with its line and column, never
 * replaced silently by U+FFFD.
 */
async function streamText(path: string, options: ReadOptions, onText: (text: string) => void): Promise<DecodedChunks> {
  const name = displayName(path);
  const input = await openInput(path, { cwd: process.cwd(), stdin: options.stdin });
  const total = input.size;
  const stream = input.stream;
  const hash = createHash('sha256');
  let bytes = 0;
  let decoder: TextDecoder | undefined;
  let encoding = options.encoding ?? 'utf-8';
  let linesSoFar = 1;
  let lastLineChars = 0;
  const track = (text: string): void => {
    let idx = text.lastIndexOf('\n');
    if (idx < 0) {
      lastLineChars += text.length;
      return;
    }
    lastLineChars = text.length - idx - 1;
    for (idx = text.indexOf('\n'); idx >= 0; idx = text.indexOf('\n', idx + 1)) linesSoFar++;
  };
  try {
    for await (const raw of stream as AsyncIterable<Buffer | string>) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      hash.update(chunk);
      if (!decoder) {
        if (chunk[0] === 0xff && chunk[1] === 0xfe) encoding = 'utf-16le';
        decoder = new TextDecoder(encoding, { fatal: true });
      }
      bytes += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const at = firstInvalidUtf8(chunk);
        const prefix = at > 0 ? new TextDecoder('utf-8').decode(chunk.subarray(0, at)) : '';
        track(prefix);
        throw new InputError({
          file: name,
          line: linesSoFar,
          column: lastLineChars + 1,
          message: `invalid ${encoding === 'utf-8' ? 'UTF-8' : encoding} (byte 0x${(chunk[Math.max(at, 0)] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${bytes - chunk.length + Math.max(at, 0)})`,
          hint: encoding === 'utf-8' ? 'the file looks like Windows-1252 (older Excel); rerun with --encoding windows-1252' : undefined,
        });
      }
      track(text);
      if (text) onText(text);
      options.onProgress?.(bytes, total);
    }
    if (decoder) {
      const rest = decoder.decode();
      if (rest) onText(rest);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof TypeError && /encoded data was not valid|invalid/i.test(e.message)) {
      throw new InputError({ file: name, line: linesSoFar, column: lastLineChars + 1, message: `the input ends inside a multi-byte ${encoding} character` });
    }
    throw new InputError({ file: name, message: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
  } finally {
    input.close();
  }
  return { name, encoding, sha256: hash.digest('hex'), bytes };
}

function isJsonPath(path: string, firstChar: string | undefined): boolean {
  if (/\.json$/i.test(path)) return true;
  if (/\.(csv|tsv|txt)$/i.test(path)) return false;
  return firstChar === '[' || firstChar === '{';
}

/**
 * Read one source completely into a RawTable. All scan errors in the file are collected (up to
 * maxErrors) and thrown together as one InputError.
 */
export async function readTable(path: string, options: ReadOptions = {}): Promise<RawTable> {
  const rows: RawRow[] = [];
  let header: { fields: string[]; columns: number[] } | undefined;
  const result = await streamDelimited(path, options, {
    onHeader: (fields, columns) => (header = { fields, columns }),
    onRow: (row) => rows.push(row),
  });
  if (result.json) return result.json;
  return { source: result.source, header: header!.fields, headerColumns: header!.columns, rows };
}

export interface StreamHandlers {
  onHeader(fields: string[], columns: number[]): void;
  onRow(row: RawRow): void;
}

/**
 * Stream a delimited source row by row (memory independent of the number of rows). JSON sources
 * are read whole and returned in `json` instead.
 */
export async function streamDelimited(
  path: string,
  options: ReadOptions,
  handlers: StreamHandlers,
): Promise<{ source: SourceInfo; json?: RawTable }> {
  const name = displayName(path);
  const maxErrors = options.maxErrors ?? 50;
  const errors = new ProblemList(maxErrors);
  const blankLines: number[] = [];
  let mode: 'undecided' | 'csv' | 'json' = 'undecided';
  let pending = '';
  let jsonText: string[] = [];
  let jsonBytes = 0;
  let scanner: CsvScanner | undefined;
  let delimiter: string | undefined;
  let headerSeen = false;
  let headerLength = 0;

  const addError = (d: Diagnostic): void => errors.add(d);

  const startCsv = (text: string): void => {
    const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
    if (options.delimiter) delimiter = options.delimiter;
    else {
      const found = detectDelimiter(firstLine);
      if (!found.delimiter) {
        const fieldsBy = DELIMITERS.map((d) => describeDelimiter(d)).join(', ');
        throw new InputError({
          file: name,
          line: 1,
          message: `cannot tell the delimiter (the header line does not split clearly on ${fieldsBy})`,
          hint: "pass --delimiter, e.g. --delimiter ';'",
        });
      }
      delimiter = found.delimiter;
    }
    scanner = new CsvScanner(
      delimiter,
      {
        onRecord: (fields, line, columns) => {
          if (!headerSeen) {
            headerSeen = true;
            headerLength = fields.length;
            handlers.onHeader(fields, columns);
            return;
          }
          if (fields.length !== headerLength) {
            // A trailing empty column in a data row only (a;b;) is still a ragged row.
            addError({
              file: name,
              line,
              message: `expected ${headerLength} fields, found ${fields.length}`,
              hint:
                fields.length < headerLength
                  ? `a ${describeDelimiter(delimiter!)} is missing, or the row was cut short`
                  : `a value contains an unquoted ${describeDelimiter(delimiter!)}; quote it`,
            });
            return;
          }
          if (fields[0]!.trim() === '' && fields.every((f) => f.trim() === '')) {
            blankLines.push(line);
            return;
          }
          handlers.onRow({ line, values: fields, columns });
        },
        onBlank: (line) => {
          if (headerSeen) blankLines.push(line);
        },
        onError: (e) => addError({ file: name, line: e.line, column: e.column, message: e.message, hint: e.hint }),
      },
      options.limits ?? DEFAULT_LIMITS,
    );
    scanner.push(text);
  };

  const decoded = await streamText(path, options, (text) => {
    if (mode === 'json') {
      jsonBytes += text.length;
      if (jsonBytes > MAX_JSON_BYTES) throw new InputError({ file: name, message: `JSON input larger than ${MAX_JSON_BYTES >> 20} MiB; use CSV for extracts` });
      jsonText.push(text);
      return;
    }
    if (mode === 'csv') {
      scanner!.push(text);
      return;
    }
    pending += text;
    const trimmed = pending.replace(/^\uFEFF/, '').trimStart();
    if (trimmed.length === 0) return;
    if (isJsonPath(path, trimmed[0])) {
      mode = 'json';
      jsonText = [pending.replace(/^\uFEFF/, '')];
      jsonBytes = pending.length;
      pending = '';
      return;
    }
    // Wait for the whole header line before deciding the delimiter.
    if (!/[\r\n]/.test(pending) && pending.length < (options.limits ?? DEFAULT_LIMITS).maxRecordLength) return;
    mode = 'csv';
    const text0 = pending.replace(/^\uFEFF/, '');
    pending = '';
    startCsv(text0);
  });
  if (mode === 'undecided') {
    const text0 = pending.replace(/^\uFEFF/, '');
    if (text0.trim() === '') throw new InputError({ file: name, message: 'the file is empty' });
    if (isJsonPath(path, text0.trimStart()[0])) {
      mode = 'json';
      jsonText = [text0];
    } else {
      mode = 'csv';
      startCsv(text0);
    }
  }
  const base = { name, encoding: decoded.encoding, sha256: decoded.sha256, bytes: decoded.bytes };
  if (mode === 'json') {
    const { parseJsonRows } = await import('./read-json.js');
    const table = parseJsonRows(jsonText.join(''), name, { maxErrors, maxDepth: MAX_JSON_DEPTH });
    const source: SourceInfo = { ...base, format: 'json', blankLines: [] };
    return { source, json: { ...table, source } };
  }
  scanner!.end();
  if (errors.size > 0) throw new InputError(errors.list());
  if (!headerSeen) throw new InputError({ file: name, message: 'the file is empty' });
  return { source: { ...base, format: 'csv', delimiter, blankLines } };
}
