// A small streaming XML tokenizer over UTF-8 bytes, enough for the parts of a workbook (SpreadsheetML is
// plain XML: no DTD, no entities but the five predefined ones and character references). It hands its
// handler start tags (name, where the attributes are, self-closing or not), end tags and, only when the
// handler asks for it, text; nothing is decoded unless the handler decodes it, which keeps a sheet of a
// million rows at a few nanoseconds a byte. Chunks may end anywhere: an unfinished token waits for the
// next chunk. Comments, processing instructions and a DOCTYPE are skipped; CDATA is text.
//
// Tag names are interned to small numbers (the ones the readers look at; any other name is OTHER), with
// any namespace prefix (`x:c`) dropped, as Excel and other writers may use one.

export const OTHER = 0;
export const TAG = {
  c: 1,
  v: 2,
  f: 3,
  t: 4,
  r: 5,
  is: 6,
  si: 7,
  row: 8,
  rPh: 9,
  sheetData: 10,
  mergeCell: 11,
  col: 12,
  autoFilter: 13,
} as const;

export interface XmlHandler {
  /** True while the handler wants the text between tags (inside a value). */
  wantText: boolean;
  open(tag: number, bytes: Buffer, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(tag: number): void;
  /** Raw text (entities not decoded; `cdata` when it came from a CDATA section and is literal). */
  text(bytes: Buffer, start: number, end: number, cdata: boolean): void;
  /** The end of the part (after the last token). */
  end?(): void;
}

/** Thrown for XML that is not well formed in a way the tokenizer notices. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** No single tag or text of a workbook part is longer than this (an Excel cell holds 32,767 characters). */
export const MAX_TOKEN = 32 * 2 ** 20;

function tagId(b: Uint8Array, start: number, end: number): number {
  // Drop a namespace prefix.
  for (let k = end - 1; k > start; k--) {
    if (b[k] === 0x3a) {
      start = k + 1;
      break;
    }
  }
  const n = end - start;
  const c0 = b[start];
  switch (n) {
    case 1:
      return c0 === 0x63 ? TAG.c : c0 === 0x76 ? TAG.v : c0 === 0x66 ? TAG.f : c0 === 0x74 ? TAG.t : c0 === 0x72 ? TAG.r : OTHER;
    case 2:
      if (c0 === 0x69 && b[start + 1] === 0x73) return TAG.is;
      if (c0 === 0x73 && b[start + 1] === 0x69) return TAG.si;
      return OTHER;
    case 3:
      if (c0 === 0x72 && b[start + 1] === 0x6f && b[start + 2] === 0x77) return TAG.row;
      if (c0 === 0x72 && b[start + 1] === 0x50 && b[start + 2] === 0x68) return TAG.rPh;
      if (c0 === 0x63 && b[start + 1] === 0x6f && b[start + 2] === 0x6c) return TAG.col;
      return OTHER;
    case 9:
      if (matches(b, start, 'sheetData')) return TAG.sheetData;
      if (matches(b, start, 'mergeCell')) return TAG.mergeCell;
      return OTHER;
    case 10:
      return matches(b, start, 'autoFilter') ? TAG.autoFilter : OTHER;
    default:
      return OTHER;
  }
}

/** The next `byte` from `from`, or −1: a short loop first (most values and tags are short), then native. */
function find(b: Buffer, byte: number, from: number): number {
  const stop = Math.min(b.length, from + 48);
  for (let k = from; k < stop; k++) if (b[k] === byte) return k;
  return stop === b.length ? -1 : b.indexOf(byte, stop);
}

function matches(b: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word.charCodeAt(k)) return false;
  return true;
}

const isNameEnd = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;

export class XmlTokenizer {
  private carry: Buffer | undefined;
  /** Chunks held while one long token spans them (joined once its end arrives). */
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(private readonly h: XmlHandler) {}

  push(chunk: Uint8Array): void {
    const c = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry === undefined) {
      this.scan(c);
      return;
    }
    // A long token (text, or a tag with long attributes): gather chunks until one has a tag boundary.
    if (this.carry.length + this.heldBytes > 1 << 16 && c.indexOf(0x3c) < 0 && c.indexOf(0x3e) < 0) {
      this.held.push(c);
      this.heldBytes += c.length;
      this.checkLength(this.carry.length + this.heldBytes);
      return;
    }
    const parts = [this.carry];
    for (const x of this.held) parts.push(x);
    parts.push(c);
    const all = Buffer.concat(parts);
    this.carry = undefined;
    this.held = [];
    this.heldBytes = 0;
    this.scan(all);
  }

  /** The end of the part: anything left unfinished is an error (the part is cut short). */
  end(): void {
    if (this.carry !== undefined) {
      const rest = Buffer.concat([this.carry, ...this.held]);
      this.carry = undefined;
      // Trailing text (white space after the root element) is fine; an unfinished tag is not.
      if (rest.indexOf(0x3c) >= 0) throw new XmlError('the XML ends inside a tag');
    }
    this.h.end?.();
  }

  private checkLength(n: number): void {
    if (n > MAX_TOKEN) throw new XmlError(`a single value or tag of more than ${MAX_TOKEN / 2 ** 20} MiB`);
  }

  private keep(b: Buffer, from: number): void {
    this.checkLength(b.length - from);
    this.carry = from === 0 ? b : b.subarray(from);
  }

  private scan(b: Buffer): void {
    const h = this.h;
    const n = b.length;
    let i = 0;
    while (i < n) {
      if (b[i] !== 0x3c) {
        const lt = find(b, 0x3c, i);
        if (lt < 0) {
          // Text without its end yet; only kept when the handler wants it.
          if (h.wantText) this.keep(b, i);
          return;
        }
        if (h.wantText) h.text(b, i, lt, false);
        i = lt;
        continue;
      }
      if (i + 1 >= n) return this.keep(b, i);
      const c1 = b[i + 1]!;
      if (c1 === 0x2f) {
        // </name>
        const gt = find(b, 0x3e, i + 2);
        if (gt < 0) return this.keep(b, i);
        let e = gt;
        while (e > i + 2 && (b[e - 1] === 0x20 || b[e - 1] === 0x09 || b[e - 1] === 0x0a || b[e - 1] === 0x0d)) e--;
        h.close(tagId(b, i + 2, e));
        i = gt + 1;
        continue;
      }
      if (c1 === 0x21) {
        // <!-- comment -->, <![CDATA[ text ]]>, <!DOCTYPE …>
        if (i + 3 >= n) return this.keep(b, i);
        if (b[i + 2] === 0x2d && b[i + 3] === 0x2d) {
          const close = b.indexOf('-->', i + 4);
          if (close < 0) return this.keep(b, i);
          i = close + 3;
          continue;
        }
        if (i + 9 > n) return this.keep(b, i);
        if (matches(b, i + 2, '[CDATA[')) {
          const close = b.indexOf(']]>', i + 9);
          if (close < 0) return this.keep(b, i);
          if (h.wantText) h.text(b, i + 9, close, true);
          i = close + 3;
          continue;
        }
        const gt = this.tagEnd(b, i + 2);
        if (gt < 0) return this.keep(b, i);
        i = gt + 1;
        continue;
      }
      if (c1 === 0x3f) {
        const close = b.indexOf('?>', i + 2);
        if (close < 0) return this.keep(b, i);
        i = close + 2;
        continue;
      }
      const gt = this.tagEnd(b, i + 1);
      if (gt < 0) return this.keep(b, i);
      let nameEnd = i + 1;
      while (nameEnd < gt && !isNameEnd(b[nameEnd]!)) nameEnd++;
      const selfClosing = b[gt - 1] === 0x2f;
      h.open(tagId(b, i + 1, nameEnd), b, nameEnd, selfClosing ? gt - 1 : gt, selfClosing);
      if (selfClosing) h.close(tagId(b, i + 1, nameEnd));
      i = gt + 1;
    }
  }

  /** The `>` that ends a tag begun before `from`, outside quoted attribute values; −1 if not in `b` yet. */
  private tagEnd(b: Uint8Array, from: number): number {
    let quote = 0;
    const n = b.length;
    for (let k = from; k < n; k++) {
      const c = b[k]!;
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x3e) return k;
      else if (c === 0x22 || c === 0x27) quote = c;
    }
    return -1;
  }
}

/**
 * The attributes of a start tag, by local name (a prefix such as `r:` dropped), values with entities
 * decoded. For the few attributes of a cell the sheet reader reads them itself, without this map.
 */
export function attributes(b: Buffer, start: number, end: number): Map<string, string> {
  const out = new Map<string, string>();
  const text = b.toString('utf8', start, end);
  for (const m of text.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!;
    const local = name.slice(name.indexOf(':') + 1);
    if (!out.has(local) || !name.includes(':')) out.set(local, decodeEntities(m[2] ?? m[3]!));
  }
  return out;
}

/** The five XML entities and character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return named === 'amp' ? '&' : named === 'lt' ? '<' : named === 'gt' ? '>' : named === 'quot' ? '"' : "'";
  });
}

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (ECMA-376 part 1, §22.9.2.19), and a literal
 * `_x` that would read as one as `_x005F_x…`; replaced left to right, without overlap.
 */
export function unescapeXlsx(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** The text of a value: UTF-8 bytes, entities decoded (not in CDATA). */
export function textOf(b: Buffer, start: number, end: number, cdata: boolean): string {
  const s = b.toString('utf8', start, end);
  return cdata ? s : decodeEntities(s);
}
