// The parts of a workbook around its sheets (ECMA-376 part 1): which sheets there are (names, hidden or
// not, where their XML is), the date system, which cell styles show dates, and the shared strings table.
// The small parts are read whole; the shared strings are read as a stream into a compact table (all the
// texts in one UTF-8 buffer with their offsets, about one byte a character and four an entry, rather
// than a JavaScript string each), since a sheet of a million distinct texts has a table of as many.

import { decodeEntities, TAG, textOf, unescapeXlsx, XmlTokenizer, type XmlHandler } from './xml.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  readonly name: string;
  /** The sheet's part, or undefined when its relationship is missing (a chart sheet has another kind). */
  readonly path: string | undefined;
  readonly state: SheetState;
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetInfo[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  readonly date1904: boolean;
  readonly sharedStrings: string | undefined;
  readonly styles: string | undefined;
}

/** Each tag of a small part, in order: a start tag with its attributes, or an end tag (attrs undefined). */
export function eachTag(xml: string, cb: (name: string, attrs: Map<string, string> | undefined) => void): void {
  const text = xml.includes('<!--') ? xml.replace(/<!--[\s\S]*?-->/g, '') : xml;
  const TAGS = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  for (const m of text.matchAll(TAGS)) {
    const name = m[2]!.slice(m[2]!.indexOf(':') + 1);
    if (m[1]) {
      cb(name, undefined);
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of m[3]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const full = a[1]!;
      const local = full.slice(full.indexOf(':') + 1);
      // An unprefixed attribute wins over a prefixed one of the same local name.
      if (!attrs.has(local) || !full.includes(':')) attrs.set(local, decodeEntities(a[2] ?? a[3]!));
    }
    cb(name, attrs);
    if (m[4]) cb(name, undefined);
  }
}

/** Relationship id → part path, and the parts by relationship type (the last word of the type URI). */
export function relationships(xml: string, base: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  eachTag(xml, (name, a) => {
    if (name !== 'Relationship' || !a) return;
    const target = a.get('Target');
    if (target === undefined || a.get('TargetMode') === 'External') return;
    const path = resolvePart(base, target);
    const id = a.get('Id');
    if (id !== undefined) byId.set(id, path);
    const type = a.get('Type')?.split('/').pop();
    if (type !== undefined && !byType.has(type)) byType.set(type, path);
  });
  return { byId, byType };
}

/** A relationship target as a part name: relative to the folder of the part that refers to it, or absolute. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function workbookInfo(workbookXml: string, rels: ReturnType<typeof relationships>, base: string): WorkbookInfo {
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  eachTag(workbookXml, (name, a) => {
    if (!a) return;
    if (name === 'workbookPr') {
      const v = a.get('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet') {
      const sheetName = a.get('name');
      if (sheetName === undefined) return;
      const state = a.get('state');
      const rid = a.get('id');
      sheets.push({ name: unescapeXlsx(sheetName), path: rid === undefined ? undefined : rels.byId.get(rid), state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
    }
  });
  return { sheets, date1904, sharedStrings: rels.byType.get('sharedStrings') ?? `${base}sharedStrings.xml`, styles: rels.byType.get('styles') ?? `${base}styles.xml` };
}

// ── dates: which cell styles show a number as a date ──

/**
 * Built-in number formats that show dates or times (ECMA-376 part 1, §18.8.30: 14–22, 45–47; and the
 * East Asian and Thai locale formats 27–36, 50–58, 71–81 that Excel writes by id).
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);
const DATE_TOKENS = new Set(['s', 'ss', 'm', 'mm', 'h', 'hh', 'am', 'pm', 'a', 'p', 'd', 'dd', 'ddd', 'dddd', 'aaa', 'aaaa', 'aaaaa', 'mmm', 'mmmm', 'mmmmm', 'y', 'yy', 'yyyy', 'e', 'ee', 'eeee']);

/**
 * Whether a number format code shows a date or a time: in some section, every token is a date or time
 * token once quoted text, escaped characters, colours, conditions and locales are set aside.
 *
 * @example isDateFormatCode('dd/mm/yyyy;@') → true; isDateFormatCode('#,##0') → false; isDateFormatCode('0.00%') → false
 */
export function isDateFormatCode(code: string): boolean {
  const cleaned = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ');
  return cleaned.split(';').some((section) => {
    const s = section
      .replace(/"[^"]*"/g, ' ')
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
      .replace(/\[([smhd]{1,2})\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '');
    const tokens = s.split(/[^a-z0#?%]+/).filter(Boolean);
    return tokens.length > 0 && tokens.every((t) => DATE_TOKENS.has(t));
  });
}

/** For each cell style (index into cellXfs), whether it shows a date. */
export function dateStyles(stylesXml: string): Uint8Array {
  const formats = new Map<number, string>();
  const base: (number | undefined)[] = [];
  const cell: { fmt: number | undefined; xfId: number | undefined }[] = [];
  let where: 'cellXfs' | 'cellStyleXfs' | undefined;
  eachTag(stylesXml, (name, a) => {
    if (name === 'cellXfs' || name === 'cellStyleXfs') {
      where = a ? name : undefined;
      return;
    }
    if (!a) return;
    if (name === 'numFmt') {
      const id = Number(a.get('numFmtId'));
      const code = a.get('formatCode');
      if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
    } else if (name === 'xf' && where) {
      const f = a.get('numFmtId');
      const fmt = f === undefined ? undefined : Number(f);
      if (where === 'cellStyleXfs') base.push(fmt);
      else {
        const x = a.get('xfId');
        cell.push({ fmt, xfId: x === undefined ? undefined : Number(x) });
      }
    }
  });
  const out = new Uint8Array(cell.length);
  cell.forEach((xf, i) => {
    const fmt = xf.fmt ?? (xf.xfId !== undefined ? base[xf.xfId] : undefined);
    if (fmt === undefined || !Number.isInteger(fmt)) return;
    const code = formats.get(fmt);
    // A workbook may redefine a built-in id with its own code (ids under 164); the code then decides.
    out[i] = (code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(fmt)) ? 1 : 0;
  });
  return out;
}

// ── shared strings ──

/** The most text a shared strings table may hold (it is kept in memory while the sheet is read). */
export const MAX_SHARED_TEXT = 2 ** 30;

export class SharedStringsTooLarge extends Error {
  constructor() {
    super('the shared strings table is too large');
  }
}

/** The shared strings, compact: UTF-8 bytes and offsets; a small cache of the texts last looked up. */
export class SharedStrings {
  private bytes: Buffer;
  private used = 0;
  private starts = new Uint32Array(1024);
  count = 0;

  /**
   * `xmlBytes`: the size of sharedStrings.xml, an upper bound of its text: the buffer is allocated once
   * at that size (a buffer that grows by doubling would, at its last step, need the old and the new at once).
   */
  constructor(xmlBytes = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(Math.max(1 << 10, Math.min(xmlBytes, MAX_SHARED_TEXT)));
  }
  private readonly cacheKey = new Int32Array(4096).fill(-1);
  private readonly cacheText: string[] = new Array<string>(4096);

  /** The text of entry i, or undefined when the table has no such entry. */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const slot = i & 4095;
    if (this.cacheKey[slot] === i) return this.cacheText[slot];
    const text = this.bytes.toString('utf8', this.starts[i], i + 1 < this.count ? this.starts[i + 1] : this.used);
    this.cacheKey[slot] = i;
    this.cacheText[slot] = text;
    return text;
  }

  /** Start a new entry. */
  begin(): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.used;
  }

  /** Append raw bytes (already text: no entities) to the current entry. */
  appendBytes(b: Buffer, start: number, end: number): void {
    this.room(end - start);
    b.copy(this.bytes, this.used, start, end);
    this.used += end - start;
  }

  appendText(s: string): void {
    const n = Buffer.byteLength(s);
    this.room(n);
    this.used += this.bytes.write(s, this.used, 'utf8');
  }

  /** The current entry as text (to unescape `_xHHHH_`), and replace it. */
  rewriteCurrent(f: (s: string) => string): void {
    const start = this.starts[this.count - 1]!;
    const s = this.bytes.toString('utf8', start, this.used);
    this.used = start;
    this.appendText(f(s));
  }

  currentHas(word: string): boolean {
    return this.bytes.subarray(this.starts[this.count - 1]!, this.used).includes(word);
  }

  /** Give back the spare room of the offsets once the table is complete (the text buffer is kept: copying it would need both at once). */
  trim(): void {
    if (this.starts.length > this.count * 1.25 + 1024) this.starts = this.starts.slice(0, this.count);
  }

  private room(n: number): void {
    const need = this.used + n;
    if (need <= this.bytes.length) return;
    if (need > MAX_SHARED_TEXT) throw new SharedStringsTooLarge();
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const grown = Buffer.allocUnsafe(Math.min(size, MAX_SHARED_TEXT));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }
}

/** A streaming parser of sharedStrings.xml into a SharedStrings table. */
export function sharedStringsParser(table: SharedStrings): XmlTokenizer {
  let inItem = false;
  let phonetic = 0;
  const h: XmlHandler = {
    wantText: false,
    open(tag) {
      if (tag === TAG.si) {
        inItem = true;
        phonetic = 0;
        table.begin();
      } else if (tag === TAG.rPh) phonetic++;
      else if (tag === TAG.t && inItem && phonetic === 0) h.wantText = true;
    },
    close(tag) {
      if (tag === TAG.t) h.wantText = false;
      else if (tag === TAG.rPh) phonetic = Math.max(0, phonetic - 1);
      else if (tag === TAG.si && inItem) {
        inItem = false;
        if (table.currentHas('_x')) table.rewriteCurrent(unescapeXlsx);
      }
    },
    text(b, start, end, cdata) {
      if (!cdata && hasByte(b, 0x26, start, end)) table.appendText(textOf(b, start, end, false));
      else table.appendBytes(b, start, end);
    },
  };
  return new XmlTokenizer(h);
}

/** Whether `byte` occurs in b[start, end). */
export function hasByte(b: Uint8Array, byte: number, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (b[k] === byte) return true;
  return false;
}
