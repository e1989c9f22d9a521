// Bytes → text. A source is read once, in small chunks; its sha256 is computed on the way. Text
// decoding is strict: an invalid byte is an error at its true line, column and byte offset (whatever
// chunk it falls in, and whatever the line ends: CRLF, LF or CR), never a silent U+FFFD.
//
// Encodings: UTF-8 (a BOM is skipped), UTF-16LE and UTF-16BE (with a BOM, or recognised by their zero
// bytes), Windows-1252 on request (--encoding). Nothing else is guessed.

import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { InputError, say } from '../errors.js';

import type { Encoding } from './row-sink.js';

export type { Encoding };

/** Counts lines and columns of decoded text, so that a byte error can be placed. */
class LineTracker {
  line = 1;
  column = 1;
  private pendingCr = false;

  feed(text: string): void {
    let start = 0;
    if (this.pendingCr && text.length > 0) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === 10) start = 1; // the LF of a CRLF split across chunks
    }
    // The line ends are found with indexOf (a few calls a line, not a test a character): LF, CR, and
    // CRLF as one.
    let lastBreak = -1;
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (lf >= 0 || cr >= 0) {
      this.line++;
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        lastBreak = lf;
        lf = text.indexOf('\n', lf + 1);
        continue;
      }
      lastBreak = cr;
      if (cr + 1 >= text.length) this.pendingCr = true;
      else if (lf === cr + 1) {
        lastBreak = lf;
        lf = text.indexOf('\n', lf + 1);
      }
      cr = text.indexOf('\r', cr + 1);
    }
    this.column = lastBreak < 0 ? this.column + (text.length - start) : text.length - lastBreak;
  }
}

/** Where the first invalid UTF-8 sequence starts in bytes, or −1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const b1 = bytes[i + 1]!;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Recognise UTF-16 without a BOM from the zero bytes of ASCII text. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

const EMPTY_WORDS = new Uint32Array(0);

/** Is `c` a control character a cell may not hold (row-sink.ts CONTROL: not TAB, LF or CR)? */
function controlByte(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
}

/**
 * Do the bytes hold none of the control characters a cell may not hold (row-sink.ts CONTROL)? For UTF-8
 * text, whose multi-byte characters are made of bytes of 0x80 and more, the same answer as CONTROL on the
 * decoded text. Four bytes at a time: a word with no byte below 0x20 and none equal to 0x7F is passed
 * over with a few operations (about a third of the pattern's time on a 64 KiB chunk); a word with one
 * (mostly a LF) has its bytes tested one by one.
 */
export function controlFreeBytes(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n && ((b.byteOffset + i) & 3) !== 0) if (controlByte(b[i++]!)) return false;
  const words = (n - i) >>> 2;
  // (An empty view must be aligned too: none is made for fewer than 4 bytes.)
  const u = words > 0 ? new Uint32Array(b.buffer, b.byteOffset + i, words) : EMPTY_WORDS;
  for (let w = 0; w < words; w++) {
    const x = u[w]!;
    const y = x ^ 0x7f7f7f7f;
    // Non-zero when some byte is below 0x20 (x) or zero (y: a 0x7F in x).
    if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
      if (controlByte(x & 255) || controlByte((x >>> 8) & 255) || controlByte((x >>> 16) & 255) || controlByte(x >>> 24)) return false;
    }
  }
  for (i += 4 * words; i < n; i++) if (controlByte(b[i]!)) return false;
  return true;
}

export interface DecodedFacts {
  readonly encoding: Encoding;
  readonly bytes: number;
}

/**
 * Decode a stream of byte chunks into text chunks. `first` is the first chunk, already read by the
 * caller to tell the format. Calls `done` with the facts once the stream is finished. (The loader
 * hashes the bytes as they pass: see ByteTap in readers/index.ts.)
 */
export async function* decodeText(
  name: string,
  first: Buffer,
  rest: AsyncIterator<Buffer>,
  forced: Encoding | undefined,
  done: (facts: DecodedFacts) => void,
  /**
   * Told, just before a chunk of text is handed on, that it holds no control character (row-sink.ts
   * CONTROL), when its bytes showed it (UTF-8): the reader then need not search the text again.
   */
  clean?: (text: string) => void,
): AsyncGenerator<string> {
  let encoding: Encoding = forced ?? 'utf-8';
  let skip = 0;
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf && (forced === undefined || forced === 'utf-8')) skip = 3;
  else if (first[0] === 0xff && first[1] === 0xfe && (forced === undefined || forced === 'utf-16le')) [encoding, skip] = ['utf-16le', 2];
  else if (first[0] === 0xfe && first[1] === 0xff && (forced === undefined || forced === 'utf-16be')) [encoding, skip] = ['utf-16be', 2];
  else if (forced === undefined) encoding = sniffUtf16(first) ?? 'utf-8';
  const lines = new LineTracker();
  let offset = 0; // bytes of the source before `chunk`
  let carry: Buffer | undefined;
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding, { fatal: true });
  let chunk: Buffer | undefined = first;
  while (chunk) {
    let body = chunk;
    let bodyStart = offset; // source offset of body[0]
    if (skip) {
      body = body.subarray(skip);
      bodyStart += skip;
      skip = 0;
    }
    let text: string;
    if (decoder) {
      try {
        text = decoder.decode(body, { stream: true });
      } catch {
        const enc = encoding.toUpperCase();
        throw new InputError({ file: name, line: lines.line, column: lines.column, ...say(`invalid ${enc} text (near byte offset ${bodyStart})`, `teks ${enc} tidak sah (di sekitar offset bita ${bodyStart})`) });
      }
    } else {
      const whole = carry ? Buffer.concat([carry, body]) : body;
      const wholeStart = carry ? bodyStart - carry.length : bodyStart;
      const tail = incompleteTail(whole);
      const complete = tail ? whole.subarray(0, whole.length - tail) : whole;
      carry = tail ? Buffer.from(whole.subarray(whole.length - tail)) : undefined;
      if (!isUtf8(complete)) {
        const at = firstInvalidUtf8(complete);
        lines.feed(complete.toString('utf8', 0, at));
        // A UTF-16 file read as UTF-8 (--encoding utf-8): its byte-order mark or its zero bytes say so,
        // where the hint named Windows-1252 (rv21 H15).
        const utf16 = first[0] === 0xff && first[1] === 0xfe ? 'utf-16le' : first[0] === 0xfe && first[1] === 0xff ? 'utf-16be' : sniffUtf16(first);
        const byte = `0x${complete[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
        throw new InputError({
          file: name,
          line: lines.line,
          column: lines.column,
          ...say(
            {
              message: `invalid UTF-8 (byte ${byte} at offset ${wholeStart + at})`,
              hint: utf16 ? `the file is ${utf16.toUpperCase()} (its first bytes say so): leave out --encoding (jamsostek reads UTF-16 by itself) or pass --encoding ${utf16}` : 'the file looks like Windows-1252 (older Excel); rerun with --encoding windows-1252',
            },
            {
              message: `UTF-8 tidak sah (bita ${byte} pada offset ${wholeStart + at})`,
              hint: utf16 ? `berkas ini ${utf16.toUpperCase()} (menurut bita pertamanya): hapus --encoding (jamsostek membaca UTF-16 sendiri) atau berikan --encoding ${utf16}` : 'berkas ini tampaknya Windows-1252 (Excel versi lama); jalankan ulang dengan --encoding windows-1252',
            },
          ),
        });
      }
      text = complete.toString('utf8');
      if (clean && controlFreeBytes(complete)) clean(text);
    }
    offset += chunk.length;
    if (text) {
      lines.feed(text);
      yield text;
    }
    const next = await rest.next();
    chunk = next.done ? undefined : next.value;
  }
  if (carry && carry.length) {
    const at = offset - carry.length;
    throw new InputError({ file: name, line: lines.line, column: lines.column, ...say(`the input ends inside a multi-byte UTF-8 character (offset ${at})`, `input berakhir di tengah karakter UTF-8 multibita (offset ${at})`) });
  }
  if (decoder) {
    let rest2: string;
    try {
      rest2 = decoder.decode();
    } catch {
      const enc = encoding.toUpperCase();
      throw new InputError({ file: name, line: lines.line, column: lines.column, ...say(`the input ends inside a ${enc} character`, `input berakhir di tengah karakter ${enc}`) });
    }
    if (rest2) yield rest2;
  }
  done({ encoding, bytes: offset });
}

