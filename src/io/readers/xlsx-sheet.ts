// One worksheet's XML (ECMA-376 part 1, §18.3) as a stream of rows: each row's number and its cells
// (column and value), read from the bytes as they are inflated; nothing but the current row is held.
//
// A cell is `<c r="B7" t="…" s="…">` with its value in `<v>` (a number; an index into the shared strings
// for t="s"; TRUE/FALSE as 1/0 for t="b"; an error such as #N/A for t="e"; a formula's text result for
// t="str"; an ISO date for t="d") or in `<is><t>` (t="inlineStr"); `<f>` holds a formula. A number whose
// style shows a date is a date. What a cell cannot say as a value it says as a Flag: an error value, a
// formula without a saved result, or a value that cannot be read — the caller words them with the cell.

import type { Cell } from '../row-sink.js';
import type { SharedStrings } from './xlsx-parts.js';
import { decodeEntities, TAG, textOf, unescapeXlsx, XmlError, XmlTokenizer, type XmlHandler } from './xml.js';

export type Flag =
  | { readonly flag: 'error'; readonly value: string }
  | { readonly flag: 'no-result' }
  | { readonly flag: 'unreadable'; readonly why: 'type' | 'number' | 'boolean' | 'date' | 'string-index'; readonly detail: string };

export type RawValue = Cell | Flag;

export const isFlag = (v: RawValue): v is Flag => v !== null && typeof v === 'object';

/** Excel's limits: 1,048,576 rows and 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface SheetRowHandler {
  /**
   * A row of the sheet that has at least one cell element, in ascending row order. `columns` and
   * `values` (the first `count` entries, in ascending column order) are reused for the next row: copy
   * what is kept.
   */
  row(row: number, columns: readonly number[], values: readonly RawValue[], count: number, hidden: boolean): void;
  /** The sheet's hidden columns (`<col min max hidden="1">`, before the rows), as inclusive ranges. */
  hiddenColumns?(ranges: readonly (readonly [number, number])[]): void;
  /** The sheet has an autofilter (after the rows): its hidden rows are most likely filtered out. */
  filter?(): void;
}

const enum Kind {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
  Unknown,
}

const DAY_MS = 86_400_000;
/** Excel serial day 25,569 is 1970-01-01 in the 1900 system (which counts 1900-02-29); 1,462 days separate the systems. */
const UNIX_EPOCH_SERIAL = 25_569;
const SYSTEM_1904_OFFSET = 1_462;

/**
 * A date as text: `2024-06-30`, or `2024-06-30T13:45:00` when it has a time of day (to the second).
 * The milliseconds hold the wall-clock time as UTC.
 */
export function dateText(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  // Serial day fractions are floats: round to the second before deciding whether there is a time.
  const t = Math.round(ms / 1000) * 1000;
  const d = new Date(t);
  if (!Number.isFinite(d.getTime())) return undefined;
  const iso = d.toISOString();
  return t % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** An Excel serial date (days, with the time as a fraction) as wall-clock milliseconds. */
export function serialToMs(serial: number, date1904: boolean): number {
  return Math.floor((serial + (date1904 ? SYSTEM_1904_OFFSET : 0) - UNIX_EPOCH_SERIAL) * DAY_MS);
}

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** The number in b[start, end) (a `<v>`'s text), or NaN. Plain integers are read without a string. */
function parseNumber(b: Buffer, start: number, end: number): number {
  let k = start;
  let neg = false;
  if (b[k] === 0x2d) {
    neg = true;
    k++;
  }
  if (end - k > 0 && end - k <= 15) {
    let n = 0;
    let plain = true;
    for (let j = k; j < end; j++) {
      const d = b[j]! - 0x30;
      if (d < 0 || d > 9) {
        plain = false;
        break;
      }
      n = n * 10 + d;
    }
    if (plain) return neg ? -n : n;
  }
  const s = b.toString('latin1', start, end);
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** The text of b[start, end) when it is a whole number written as plain digits (an optional minus sign), else ''. */
function wholeDigits(b: Buffer, start: number, end: number): string {
  const s = b.toString('latin1', start, end).trim();
  return /^-?[0-9]{1,400}$/.test(s) ? s : '';
}

/** A t="d" value (ISO 8601) as a date text; a value without a zone is the wall-clock time written. */
function isoDateText(s: string): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(s);
  if (!m) return undefined;
  const zone = m[3] ?? 'Z';
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return dateText(ms);
}

export interface SheetReadOptions {
  readonly shared: SharedStrings;
  /** Per cell style index: 1 when the style shows a date. */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
}

/**
 * A tokenizer for one sheet's XML, calling `out.row` for every row. Throws XmlError for a sheet that
 * breaks the format's rules in a way that would make cells land in the wrong place (rows or cells out
 * of order, a cell in another row than its row element, beyond Excel's limits).
 */
export function sheetParser(o: SheetReadOptions, out: SheetRowHandler): XmlTokenizer {
  const columns: number[] = [];
  const values: RawValue[] = [];
  let count = 0;
  let inSheetData = false;
  let inRow = false;
  let rowHidden = false;
  let rowNum = 0;
  const hiddenCols: [number, number][] = [];
  let lastRow = 0;
  let lastColumn = 0;
  // The current cell.
  let inCell = false;
  let col = 0;
  let kind = Kind.Number;
  let style = 0;
  let typeText = '';
  let hasFormula = false;
  let vOpen = false;
  let vSeen = false;
  let vNum = NaN;
  let vText = '';
  let inInline = false;
  let inlineText = '';
  let inT = false;
  let phonetic = 0;

  // The attributes of the current tag that matter: r, t and s (unprefixed), as byte ranges (−1: absent).
  let rS = -1;
  let rE = -1;
  let tS = -1;
  let tE = -1;
  let sS = -1;
  let sE = -1;
  let hS = -1;
  let hE = -1;
  /** One pass over the attributes in b[start, end). */
  const readAttrs = (b: Buffer, start: number, end: number): void => {
    rS = tS = sS = hS = -1;
    let k = start;
    while (k < end) {
      let c = b[k]!;
      while (k < end && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) c = b[++k]!;
      const nameStart = k;
      while (k < end && c !== 0x3d && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) c = b[++k]!;
      const nameEnd = k;
      while (k < end && c !== 0x22 && c !== 0x27) c = b[++k]!;
      if (k >= end) return;
      const q = c;
      const vs = ++k;
      while (k < end && b[k] !== q) k++;
      if (nameEnd - nameStart === 1) {
        const n = b[nameStart];
        if (n === 0x72) {
          rS = vs;
          rE = k;
        } else if (n === 0x74) {
          tS = vs;
          tE = k;
        } else if (n === 0x73) {
          sS = vs;
          sE = k;
        }
      } else if (nameEnd - nameStart === 6 && b[nameStart] === 0x68 && b.toString('latin1', nameStart, nameEnd) === 'hidden') {
        hS = vs;
        hE = k;
      }
      k++;
    }
  };
  /** A whole number in b[start, end) (digits only), or −1. */
  const int = (b: Buffer, start: number, end: number): number => {
    if (end <= start || end - start > 9) return -1;
    let n = 0;
    for (let k = start; k < end; k++) {
      const d = b[k]! - 0x30;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  };

  const cellRef = { row: 0, column: 0 };
  const parseRef = (b: Buffer, start: number, end: number): boolean => {
    let k = start;
    let c = 0;
    while (k < end) {
      let ch = b[k]!;
      if (ch === 0x24) ch = b[++k]!; // $B$7
      if (ch >= 0x61 && ch <= 0x7a) ch -= 0x20;
      if (ch < 0x41 || ch > 0x5a) break;
      c = c * 26 + (ch - 0x40);
      k++;
    }
    if (b[k] === 0x24) k++;
    let r = 0;
    const digits = k;
    while (k < end && b[k]! >= 0x30 && b[k]! <= 0x39) r = r * 10 + (b[k++]! - 0x30);
    if (k !== end || c === 0 || k === digits) return false;
    cellRef.row = r;
    cellRef.column = c;
    return true;
  };

  const kindOf = (b: Buffer, start: number, end: number): Kind => {
    const n = end - start;
    const c0 = b[start];
    if (n === 1) return c0 === 0x6e ? Kind.Number : c0 === 0x73 ? Kind.Shared : c0 === 0x62 ? Kind.Bool : c0 === 0x65 ? Kind.Error : c0 === 0x64 ? Kind.Date : Kind.Unknown;
    if (n === 3 && c0 === 0x73 && b[start + 1] === 0x74 && b[start + 2] === 0x72) return Kind.Str;
    if (n === 9 && c0 === 0x69 && b.toString('latin1', start, end) === 'inlineStr') return Kind.Inline;
    return Kind.Unknown;
  };

  const damaged = (what: string): never => {
    throw new XmlError(what);
  };

  const finishCell = (): RawValue => {
    switch (kind) {
      case Kind.Number:
        if (!vSeen) return hasFormula && !vOpen ? { flag: 'no-result' } : null;
        if (!Number.isFinite(vNum)) return { flag: 'unreadable', why: 'number', detail: vText };
        if (o.dateStyles[style] === 1) {
          const t = dateText(serialToMs(vNum, o.date1904));
          return t ?? { flag: 'unreadable', why: 'date', detail: String(vNum) };
        }
        // Beyond 2^53 a number is rounded: a whole number written as digits is passed as its digits (as the
        // JSON reader does), so that the typed layer refuses the value as stored, not a rounded one.
        if (vText !== '' && !Number.isSafeInteger(vNum)) return vText;
        return vNum;
      case Kind.Shared: {
        if (!vSeen) return hasFormula && !vOpen ? { flag: 'no-result' } : { flag: 'unreadable', why: 'string-index', detail: '' };
        const s = Number.isInteger(vNum) ? o.shared.get(vNum) : undefined;
        if (s === undefined) return { flag: 'unreadable', why: 'string-index', detail: vText || String(vNum) };
        return s === '' ? null : s;
      }
      case Kind.Str:
        if (!vOpen) return hasFormula ? { flag: 'no-result' } : null;
        return vText === '' ? null : unescapeXlsx(vText);
      case Kind.Inline:
        return inlineText === '' ? null : unescapeXlsx(inlineText);
      case Kind.Bool:
        if (!vOpen && hasFormula) return { flag: 'no-result' };
        if (vText.trim() === '1' || vText.trim().toLowerCase() === 'true') return true;
        if (vText.trim() === '0' || vText.trim().toLowerCase() === 'false') return false;
        return { flag: 'unreadable', why: 'boolean', detail: vText };
      case Kind.Error:
        return { flag: 'error', value: vText.trim() || '#ERROR' };
      case Kind.Date: {
        if (!vSeen) return hasFormula && !vOpen ? { flag: 'no-result' } : null;
        const t = isoDateText(vText);
        return t ?? { flag: 'unreadable', why: 'date', detail: vText };
      }
      default:
        return { flag: 'unreadable', why: 'type', detail: typeText };
    }
  };

  /** Is the `hidden` attribute read by readAttrs true ("1" or "true")? */
  const isHidden = (b: Buffer): boolean => hS >= 0 && (hE - hS === 1 ? b[hS] === 0x31 : b.toString('latin1', hS, hE).trim() === 'true');

  const h: XmlHandler = {
    wantText: false,
    open(tag, b, as, ae, selfClosing) {
      if (!inSheetData) {
        if (tag === TAG.sheetData && !selfClosing) {
          inSheetData = true;
          if (hiddenCols.length) out.hiddenColumns?.(hiddenCols);
        } else if (tag === TAG.col) {
          // <col min="2" max="3" hidden="1"/>: before the rows (ECMA-376 §18.3.1.13); a few per sheet.
          readAttrs(b, as, ae);
          if (isHidden(b)) {
            const attrs = b.toString('latin1', as, ae);
            const min = Number(/(?:^|\s)min\s*=\s*["']\s*(\d{1,5})/.exec(attrs)?.[1] ?? NaN);
            const max = Number(/(?:^|\s)max\s*=\s*["']\s*(\d{1,5})/.exec(attrs)?.[1] ?? NaN);
            if (min >= 1 && max >= min && hiddenCols.length < 1000) hiddenCols.push([min, Math.min(max, MAX_COLUMNS)]);
          }
        } else if (tag === TAG.autoFilter) out.filter?.();
        return;
      }
      switch (tag) {
        case TAG.row: {
          readAttrs(b, as, ae);
          rowNum = rS >= 0 ? int(b, rS, rE) : lastRow + 1;
          if (rowNum < 1) damaged(`a row numbered ${JSON.stringify(b.toString('latin1', rS, Math.min(rE, rS + 20)))}`);
          if (rowNum <= lastRow) damaged(`row ${rowNum} comes after row ${lastRow}`);
          if (rowNum > MAX_ROWS) damaged(`a row numbered ${rowNum}, beyond Excel's ${MAX_ROWS.toLocaleString('en-US')} rows`);
          rowHidden = isHidden(b);
          inRow = true;
          count = 0;
          lastColumn = 0;
          return;
        }
        case TAG.c: {
          if (!inRow) damaged('a cell outside a row');
          readAttrs(b, as, ae);
          if (rS >= 0) {
            if (!parseRef(b, rS, rE)) damaged(`a cell named ${JSON.stringify(b.toString('latin1', rS, Math.min(rE, rS + 20)))}`);
            if (cellRef.row !== rowNum) damaged(`cell ${b.toString('latin1', rS, Math.min(rE, rS + 20))} inside row ${rowNum}`);
            col = cellRef.column;
          } else col = lastColumn + 1;
          if (col <= lastColumn) damaged(`in row ${rowNum}, a cell of column ${col} after one of column ${lastColumn}`);
          if (col > MAX_COLUMNS) damaged(`a cell in column ${col}, beyond Excel's ${MAX_COLUMNS.toLocaleString('en-US')} columns`);
          lastColumn = col;
          if (selfClosing) return; // no value: an empty (styled) cell
          inCell = true;
          if (tS >= 0) {
            kind = kindOf(b, tS, tE);
            typeText = kind === Kind.Unknown ? b.toString('utf8', tS, Math.min(tE, tS + 40)) : '';
          } else kind = Kind.Number;
          style = sS >= 0 ? Math.max(0, int(b, sS, sE)) : 0;
          hasFormula = false;
          vOpen = false;
          vSeen = false;
          vNum = NaN;
          vText = '';
          inInline = false;
          inlineText = '';
          return;
        }
        case TAG.v:
          if (!inCell) return;
          vOpen = true;
          if (!selfClosing) h.wantText = true;
          return;
        case TAG.f:
          if (inCell) hasFormula = true;
          return;
        case TAG.is:
          if (inCell) inInline = true;
          return;
        case TAG.rPh:
          phonetic++;
          return;
        case TAG.t:
          if (inInline && phonetic === 0 && !selfClosing) {
            inT = true;
            h.wantText = true;
          }
          return;
        default:
          return;
      }
    },
    close(tag) {
      switch (tag) {
        case TAG.v:
          h.wantText = false;
          return;
        case TAG.t:
          if (inT) {
            inT = false;
            h.wantText = false;
          }
          return;
        case TAG.rPh:
          phonetic = Math.max(0, phonetic - 1);
          return;
        case TAG.is:
          inInline = false;
          return;
        case TAG.c:
          if (!inCell) return;
          inCell = false;
          h.wantText = false;
          if (kind === Kind.Inline && !inlineText && !vSeen && hasFormula && !vOpen) {
            columns[count] = col;
            values[count++] = { flag: 'no-result' };
            return;
          }
          columns[count] = col;
          values[count++] = finishCell();
          return;
        case TAG.row:
          if (!inRow) return;
          inRow = false;
          lastRow = rowNum;
          out.row(rowNum, columns, values, count, rowHidden);
          return;
        case TAG.sheetData:
          inSheetData = false;
          return;
        default:
          return;
      }
    },
    end() {
      if (inSheetData) damaged('its XML ends before its rows do (the sheet is cut short)');
    },
    text(b, start, end, cdata) {
      if (inT) {
        inlineText += textOf(b, start, end, cdata);
        return;
      }
      // A <v>.
      if (kind === Kind.Number || kind === Kind.Shared) {
        if (vSeen) {
          vNum = NaN; // a value in pieces
          return;
        }
        vSeen = true;
        vNum = parseNumber(b, start, end);
        if (Number.isNaN(vNum)) vText = b.toString('utf8', start, Math.min(end, start + 100));
        else if (kind === Kind.Number && !Number.isSafeInteger(vNum) && Number.isInteger(vNum)) vText = wholeDigits(b, start, end);
        return;
      }
      vSeen = true;
      vText += cdata ? b.toString('utf8', start, end) : decodeEntities(b.toString('utf8', start, end));
    },
  };
  return new XmlTokenizer(h);
}

/** A merged range: rows r1..r2, columns c1..c2 (1-based, inclusive). */
export interface MergedRange {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** Parses `B7:B11` (or a single `B7`). */
export function parseRange(ref: string): MergedRange | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(ref);
  if (!m) return undefined;
  const col = (s: string): number => {
    let c = 0;
    for (const ch of s.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return c;
  };
  const c1 = col(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/**
 * The merged ranges of a sheet, from its XML as it streams by (they come after the rows, so the rows
 * cannot wait for them: the sheet is inflated once for them before it is read). Only `<mergeCell>`
 * tags are looked at, with a native byte search: cell texts cannot hold a `<`, so a match after `<`
 * (and an optional prefix) is a tag.
 */
const MAX_TAG = 1 << 20;

export class MergeFinder {
  readonly ranges: MergedRange[] = [];
  private tail: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): void {
    const c = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const b = this.tail.length ? Buffer.concat([this.tail, c]) : c;
    let from = 0;
    // Bytes kept for the next chunk: an unfinished tag, or the last few (a name cut in two).
    let unfinished = -1;
    for (;;) {
      const at = b.indexOf('mergeCell', from);
      if (at < 0) break;
      from = at + 9;
      // Back over a prefix to the '<'.
      let k = at - 1;
      while (k >= 0 && b[k] !== 0x3c && b[k] !== 0x3e && b[k] !== 0x20 && at - k < 40) k--;
      if (k < 0 || b[k] !== 0x3c || (k !== at - 1 && b[at - 1] !== 0x3a)) continue;
      const next = b[at + 9];
      const gt = next === undefined ? -1 : b.indexOf(0x3e, at);
      if (gt < 0) {
        unfinished = k;
        break;
      }
      if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x2f && next !== 0x3e) continue; // <mergeCells>
      const tag = b.toString('utf8', at + 9, gt);
      const ref = /(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
      const range = ref ? parseRange(decodeEntities(ref[1] ?? ref[2]!)) : undefined;
      if (range && (range.r2 > range.r1 || range.c2 > range.c1)) this.ranges.push(range);
      from = gt + 1;
    }
    const keep = unfinished >= 0 ? unfinished : Math.max(from, b.length - 48);
    if (b.length - keep > MAX_TAG) throw new XmlError('a mergeCell tag of more than 1 MiB');
    this.tail = Buffer.from(b.subarray(keep));
  }
}
