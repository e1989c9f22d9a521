// jamsostek.json: defaults for flags by their long names in camelCase. Plain JSON (it cannot run code),
// read here and parsed by the flags' own parsers (options/resolve.ts). The config file in use is named
// on stderr, so that a file in the working folder never changes a run silently.
//
// Read by a small parser of its own rather than JSON.parse, for what a config file needs and JSON.parse
// cannot say: a key given twice is refused with both lines (JSON.parse keeps the last one silently, and
// the data reader refuses the same thing), nesting deeper than a config file can mean is refused before
// it can exhaust the stack, every error has its line and column, and the byte-order mark Notepad writes
// is accepted. The file is read up to a size limit (a config file is a few lines).
//
// Example: { "numberLocale": "id", "lang": "id", "previous": ["mei.csv"] } → a Map of three keys.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { clipValue } from '../core/clip.js';
import { say, UsageError, usage } from '../errors.js';
import type { Io } from './terminal.js';

export const CONFIG_NAME = 'jamsostek.json';

/** Past this, a file is no config file (the largest useful one is well under a kilobyte). */
export const CONFIG_MAX_BYTES = 1 << 20;
/** A config file is an object of flags, whose values are text, numbers, switches or lists: depth 2. */
export const CONFIG_MAX_DEPTH = 8;

/** A JSON value of a config file: objects become Maps (their keys never index a plain object). */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | Map<string, ConfigValue>;

/** Where a key of the config file is, and its value: every message about a setting points at it. */
export interface ConfigPlace {
  readonly line: number;
  readonly column: number;
  readonly value: { readonly line: number; readonly column: number };
  /**
   * The JSON text of each number in the value, in order (`1.000`, `1e7`, `9007199254740993`): what the
   * user wrote, which the number itself may not show (1, 10000000, 9007199254740992).
   */
  readonly numbers: readonly string[];
}

export interface ConfigFile {
  /** The file as the user named it (or ./jamsostek.json): in messages, and for the protection of inputs. */
  readonly file: string;
  readonly path: string;
  readonly values: ReadonlyMap<string, ConfigValue>;
  /** Each key of the top-level object: its place and the text of its numbers. */
  readonly places: ReadonlyMap<string, ConfigPlace>;
}

export function loadConfig(explicit: string | undefined, io: Io): ConfigFile | undefined {
  const path = resolve(io.cwd, explicit ?? CONFIG_NAME);
  const shown = clipValue(explicit ?? '');
  let isFile: boolean;
  try {
    isFile = !statSync(path).isDirectory();
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw usage({ message: `config file ${shown || CONFIG_NAME} cannot be read (${code})`, hint: 'check the --config path' }, { message: `berkas konfigurasi ${shown || CONFIG_NAME} tidak dapat dibaca (${code})`, hint: 'periksa jalur --config' });
  }
  // As named (messages clip a long place themselves, errors.ts formatDiagnostic): the same name is the
  // path the run protects from -o, relative to the working folder.
  const file = explicit ?? `./${CONFIG_NAME}`;
  if (!isFile) throw new UsageError({ file, ...say({ message: 'the config file is a folder', hint: 'name a JSON file with --config' }, { message: 'berkas konfigurasi berupa folder', hint: 'sebutkan berkas JSON dengan --config' }) });
  const bytes = readBounded(path, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError({ file, ...say({ message: 'the config file is not UTF-8 text', hint: 'save it as UTF-8 (with or without BOM)' }, { message: 'berkas konfigurasi bukan teks UTF-8', hint: 'simpan sebagai UTF-8 (dengan atau tanpa BOM)' }) });
  }
  const places = new Map<string, ConfigPlace>();
  const data = parseConfigJson(text, file, places);
  if (!(data instanceof Map)) {
    throw new UsageError({
      file,
      ...say({ message: 'config file: expected an object of flag names and values', hint: 'e.g. { "numberLocale": "id", "lang": "id" }' }, { message: 'berkas konfigurasi: seharusnya berupa objek berisi nama opsi dan nilainya', hint: 'mis. { "numberLocale": "id", "lang": "id" }' }),
    });
  }
  return { file, path, values: data, places };
}

/** The file's bytes, or a usage error past CONFIG_MAX_BYTES (read in pieces: a FIFO has no size). */
function readBounded(path: string, file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError({ file, ...say(`the config file cannot be opened (${code})`, `berkas konfigurasi tidak dapat dibuka (${code})`) });
  }
  try {
    const buf = Buffer.alloc(CONFIG_MAX_BYTES + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > CONFIG_MAX_BYTES) {
        throw new UsageError({
          file,
          ...say(
            { message: `the config file is larger than ${CONFIG_MAX_BYTES / (1 << 20)} MiB`, hint: 'a config file holds a few flag values, e.g. { "numberLocale": "id" }' },
            { message: `berkas konfigurasi lebih besar dari ${CONFIG_MAX_BYTES / (1 << 20)} MiB`, hint: 'berkas konfigurasi hanya memuat beberapa nilai opsi, mis. { "numberLocale": "id" }' },
          ),
        });
      }
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const ESCAPES = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);

/**
 * JSON text → a value (objects as Maps), or a UsageError at the line and column where it breaks: a
 * syntax error, a key given twice in one object, nesting deeper than CONFIG_MAX_DEPTH. `places`, when
 * given, receives the place of each key of the top-level object and the text of the numbers in its value.
 */
export function parseConfigJson(text: string, file: string, places?: Map<string, ConfigPlace>): ConfigValue {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  // Lines end only in whitespace between tokens (a text value cannot hold a raw line break), so the
  // place of any token on the current line is known without counting again.
  let line = 1;
  let lineStart = 0;
  const placeOf = (at: number): { line: number; column: number } => ({ line, column: at - lineStart + 1 });
  const fail = (at: number, en: string, id: string, hint?: { en: string; id: string }): never => {
    throw new UsageError({ file, ...placeOf(at), ...say({ message: `config file ${en}`, hint: hint?.en }, { message: `berkas konfigurasi ${id}`, hint: hint?.id }) });
  };
  const found = (at: number): string => (at >= src.length ? 'the end of the file' : `"${clipValue(src.slice(at, at + 12), 12)}"`);
  const foundId = (at: number): string => (at >= src.length ? 'akhir berkas' : `"${clipValue(src.slice(at, at + 12), 12)}"`);
  const expected = (what: string, whatId: string): never => fail(i, `is not valid JSON: expected ${what}, found ${found(i)}`, `bukan JSON yang sah: seharusnya ${whatId}, ditemukan ${foundId(i)}`);

  const space = (): void => {
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };

  const string = (): string => {
    const start = i;
    i++; // the opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= src.length) fail(start, 'is not valid JSON: a text value is not closed (no ending ")', 'bukan JSON yang sah: sebuah teks tidak ditutup (tanpa " penutup)');
      const c = src.charCodeAt(i);
      if (c === 34) {
        out += src.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(i, 'is not valid JSON: a control character (such as a line break) inside a text value: write it as \\n', 'bukan JSON yang sah: karakter kendali (mis. pindah baris) di dalam teks: tulis sebagai \\n');
      if (c === 92) {
        out += src.slice(run, i);
        const e = src[i + 1];
        if (e === 'u') {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i, 'is not valid JSON: a \\u escape needs four hex digits', 'bukan JSON yang sah: escape \\u memerlukan empat digit heksadesimal');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) {
          out += ESCAPES.get(e);
          i += 2;
        } else fail(i, `is not valid JSON: unknown escape \\${e ?? ''} in a text value`, `bukan JSON yang sah: escape \\${e ?? ''} tidak dikenal di dalam teks`);
        run = i;
        continue;
      }
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  /** The texts of the numbers of the top-level value being read. */
  let numbers: string[] | undefined;

  const value = (depth: number): ConfigValue => {
    space();
    const c = src[i];
    if (c === '{' || c === '[') {
      if (depth >= CONFIG_MAX_DEPTH) {
        fail(i, `is nested deeper than ${CONFIG_MAX_DEPTH} levels`, `bertingkat lebih dalam dari ${CONFIG_MAX_DEPTH} tingkat`, {
          en: 'a config file is one object of flag values: text, numbers, true/false or lists of text',
          id: 'berkas konfigurasi adalah satu objek berisi nilai opsi: teks, angka, true/false atau daftar teks',
        });
      }
      return c === '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c === '"') return string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (src.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(src);
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      numbers?.push(m[0]);
      return Number(m[0]);
    }
    return expected('a value (text in "…", a number, true, false, a list […] or an object {…})', 'sebuah nilai (teks dalam "…", angka, true, false, daftar […] atau objek {…})');
  };

  const object = (depth: number): Map<string, ConfigValue> => {
    i++; // {
    const out = new Map<string, ConfigValue>();
    const lineOf = new Map<string, number>();
    space();
    if (src[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      space();
      if (src[i] !== '"') expected('a key in "…"', 'kunci dalam "…"');
      const at = i;
      const key = string();
      const first = lineOf.get(key);
      if (first !== undefined) {
        fail(at, `gives "${clipValue(key)}" twice (first on line ${first})`, `memuat "${clipValue(key)}" dua kali (pertama di baris ${first})`, { en: 'keep one of them', id: 'pertahankan salah satunya' });
      }
      lineOf.set(key, line);
      const keyPlace = placeOf(at);
      space();
      if (src[i] !== ':') expected('":" after the key', '":" setelah kunci');
      i++;
      if (depth === 1 && places) {
        space();
        const texts: string[] = [];
        places.set(key, { ...keyPlace, value: placeOf(i), numbers: texts });
        numbers = texts;
      }
      out.set(key, value(depth));
      if (depth === 1) numbers = undefined;
      space();
      if (src[i] === ',') {
        i++;
        continue;
      }
      if (src[i] === '}') {
        i++;
        return out;
      }
      expected('"," or "}"', '"," atau "}"');
    }
  };

  const array = (depth: number): ConfigValue[] => {
    i++; // [
    const out: ConfigValue[] = [];
    space();
    if (src[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(value(depth));
      space();
      if (src[i] === ',') {
        i++;
        continue;
      }
      if (src[i] === ']') {
        i++;
        return out;
      }
      expected('"," or "]"', '"," atau "]"');
    }
  };

  space();
  if (i >= src.length) fail(i, 'is empty', 'kosong', { en: 'e.g. { "numberLocale": "id", "lang": "id" }', id: 'mis. { "numberLocale": "id", "lang": "id" }' });
  const v = value(0);
  space();
  if (i < src.length) expected('the end of the file after the object', 'akhir berkas setelah objek');
  return v;
}
