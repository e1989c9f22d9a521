// Flags → commander, and (command line + jamsostek.json) → one typed options object, through the same
// parsers: `--denominator potential_workers` and `{"denominator": "potential_workers"}` are one value.

import { dirname, isAbsolute, join } from 'node:path';
import { Option, type Command } from 'commander';
import { clipValue } from '../core/clip.js';
import { closestName } from '../core/suggest.js';
import { say, usage, UsageError } from '../errors.js';
import { refuseConfigConflicts } from './conflicts.js';
import { FLAGS, flagName, type FlagDef, type FlagKey, type Options, type ParseContext } from './flags.js';
import { recordLocaleUse, recordOrigins, type Place } from './origin.js';

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/**
 * A flag that takes one value, typed twice with two values (`--targets a.csv --targets b.csv`): which
 * one was meant is not clear, and commander would keep the last without a word. Refused (exit 2), naming
 * both values. The same value twice means one thing and is taken. A config file's value is not a typed
 * value: a flag overrides it (the documented layering), so that is never "twice".
 */
export function flagTwice(key: FlagKey, first: string, second: string): UsageError {
  const f = FLAGS[key] as FlagDef<unknown>;
  const name = f.short ? `-${f.short}/${flagName(key)}` : flagName(key);
  const a = `"${clipValue(first)}"`;
  const b = `"${clipValue(second)}"`;
  return usage(
    { message: `${name} is given twice, ${a} and ${b}: it takes one value`, hint: `give ${flagName(key)} once, with the value you mean` },
    { message: `${name} diberikan dua kali, ${a} dan ${b}: opsi ini hanya menerima satu nilai`, hint: `berikan ${flagName(key)} sekali, dengan nilai yang dimaksud` },
  );
}

/** Add the flags to a commander command (help lists the choices; values are parsed later, once). */
export function addFlags(cmd: Command, keys: readonly FlagKey[]): Command {
  for (const key of new Set(keys)) {
    const f = FLAGS[key] as FlagDef<unknown>;
    const spec = `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.arg ? ` ${f.arg}` : ''}`;
    const help = f.choices && !f.choices.every((c) => f.help.includes(c)) ? `${f.help} (${f.choices.join(', ')})` : f.help;
    const o = new Option(spec, help);
    if (f.repeatable) o.argParser(collect);
    else if (f.arg) {
      o.argParser((v: string, prev: string | undefined): string => {
        if (prev !== undefined && prev !== v) throw flagTwice(key, prev, v);
        return v;
      });
    }
    cmd.addOption(o);
  }
  return cmd;
}

const KNOWN = new Map<string, FlagKey>(Object.keys(FLAGS).map((k) => [k, k as FlagKey]));

/** The values of a config file: a Map (io/config.ts), or an object (the library, tests). */
export type ConfigValues = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/** The place of a key of the config file and its value, and the text of its numbers (io/config.ts ConfigPlace). */
export interface ConfigKeyPlace extends Place {
  readonly value: Place;
  readonly numbers: readonly string[];
}

/** A config file as resolveOptions reads it: `places` (from io/config.ts) puts every message at its key. */
export interface ConfigInput {
  readonly file: string;
  readonly values: ConfigValues;
  readonly places?: ReadonlyMap<string, ConfigKeyPlace>;
}

/** Two settings that cannot both be set; `why`, when given, is said when both are given on the command line. */
export type ExclusivePair = readonly [FlagKey, FlagKey] | readonly [FlagKey, FlagKey, { readonly en: string; readonly id: string }];

const entriesOf = (v: ConfigValues): Iterable<[string, unknown]> => (v instanceof Map ? v.entries() : Object.entries(v));

/** A value of the config file as a message shows it: text quoted and clipped, a list or an object by its kind. */
function shown(v: unknown): { en: string; id: string } {
  if (typeof v === 'string') return { en: `"${clipValue(v)}"`, id: `"${clipValue(v)}"` };
  if (Array.isArray(v)) return { en: 'a list', id: 'sebuah daftar' };
  if (v instanceof Map || (typeof v === 'object' && v !== null)) return { en: 'an object', id: 'sebuah objek' };
  return { en: clipValue(String(v)), id: clipValue(String(v)) };
}

/**
 * A number of the config file as the flag's parser reads it: the text the user wrote (`9007199254740993`,
 * `1e7`), not the number JSON made of it. JSON numbers have no thousands separators: `1.000` is the
 * number 1, whatever numberLocale says, so a fraction or an exponent is refused where a flag takes a
 * whole number (only shares and percentages take fractions); `1e7` is refused as `--target 1e7` is.
 */
function numberText(k: string, key: FlagKey, x: number, text: string | undefined, at: (p: 'key' | 'value') => Place | undefined, file: string): string {
  const raw = text ?? String(x);
  if (!/[.eE]/.test(raw) || (FLAGS[key] as FlagDef<unknown>).fraction) return raw;
  const whole = Number.isInteger(x) && Number.isSafeInteger(x);
  const exponent = /[eE]/.test(raw);
  // `1.000` looks like a thousand with a separator; `2024.0` is a whole number with a decimal point.
  const grouped = /\.\d{3}$/.test(raw);
  const en = !whole ? `${clipValue(raw)} is not a whole number` : exponent ? `${clipValue(raw)} is the JSON number ${x}, written with an exponent` : grouped ? `${clipValue(raw)} is the JSON number ${x}: JSON numbers have no thousands separators` : `${clipValue(raw)} is the JSON number ${x}, written with a decimal point`;
  const id = !whole ? `${clipValue(raw)} bukan bilangan bulat` : exponent ? `${clipValue(raw)} adalah angka JSON ${x}, ditulis dengan eksponen` : grouped ? `${clipValue(raw)} adalah angka JSON ${x}: angka JSON tidak memakai pemisah ribuan` : `${clipValue(raw)} adalah angka JSON ${x}, ditulis dengan titik desimal`;
  throw new UsageError({
    file,
    ...at('value'),
    ...say(
      { message: `config "${k}": ${en}, and "${k}" takes a whole number`, hint: `write the number without separators or exponent (e.g. 1000 for a thousand), or as text in quotes ("1.000"), which is read like the flag, in numberLocale` },
      { message: `config "${k}": ${id}, dan "${k}" memerlukan bilangan bulat`, hint: `tulis angkanya tanpa pemisah atau eksponen (mis. 1000 untuk seribu), atau sebagai teks dalam tanda kutip ("1.000"), yang dibaca seperti opsinya, menurut numberLocale` },
    ),
  });
}

function configValues(config: ConfigInput): Map<FlagKey, string[] | true> {
  const { file } = config;
  const out = new Map<FlagKey, string[] | true>();
  for (const [k, v] of entriesOf(config.values)) {
    const place = config.places?.get(k);
    const at = (p: 'key' | 'value'): Place | undefined => (place ? (p === 'key' ? { line: place.line, column: place.column } : place.value) : undefined);
    const key = KNOWN.get(k);
    if (!key) {
      const close = closestName(k, KNOWN.keys());
      const example = 'the config file takes the long names of flags in camelCase, e.g. "numberLocale": "id"';
      const exampleId = 'berkas konfigurasi memakai nama panjang opsi dalam camelCase, mis. "numberLocale": "id"';
      throw new UsageError({
        file,
        ...at('key'),
        ...say(
          { message: `config: unknown key "${clipValue(k)}"`, hint: close ? `did you mean "${close}"? ${example}` : example },
          { message: `config: kunci "${clipValue(k)}" tidak dikenal`, hint: close ? `maksudnya "${close}"? ${exampleId}` : exampleId },
        ),
      });
    }
    const f = FLAGS[key] as FlagDef<unknown>;
    if (f.configRefused) {
      const why = f.configRefused;
      throw new UsageError({
        file,
        ...at('key'),
        ...say(
          { message: `config: "${k}" cannot be set in a config file: ${why.en}`, hint: `pass ${flagName(key)} on the command line` },
          { message: `config: "${k}" tidak dapat diatur di berkas konfigurasi: ${why.id}`, hint: `berikan ${flagName(key)} di baris perintah` },
        ),
      });
    }
    if (!f.arg) {
      if (typeof v !== 'boolean') throw new UsageError({ file, ...at('value'), ...say(`config: "${k}" is a switch: true or false, not ${shown(v).en}`, `config: "${k}" adalah sakelar: true atau false, bukan ${shown(v).id}`) });
      if (v) out.set(key, true);
      continue;
    }
    const list: unknown[] = Array.isArray(v) && f.repeatable ? v : [v];
    let n = 0;
    const strings = list.map((x) => {
      if (typeof x === 'string') return x;
      if (typeof x === 'number' && Number.isFinite(x)) return numberText(k, key, x, place?.numbers[n++], at, file);
      throw new UsageError({ file, ...at('value'), ...say(`config: "${k}" expects text or a number, not ${shown(x).en}`, `config: "${k}" memerlukan teks atau angka, bukan ${shown(x).id}`) });
    });
    out.set(key, strings);
  }
  return out;
}

/**
 * The folder of a config file named in another folder (`--config office/jamsostek.json`): the files it
 * names are read from there, as a reader of the config expects (review rv25 F4). The working folder's
 * own config (`./jamsostek.json`) gives none: its names read as they always did.
 */
export function configFolder(config: ConfigInput | undefined): string | undefined {
  if (!config) return undefined;
  const dir = dirname(config.file);
  return dir === '.' || dir === '' ? undefined : dir;
}

/** The settings whose value is a file (or a list of them, or a file among other forms). */
const FILE_VALUED = new Set<FlagKey>(['series', 'input', 'targets', 'workforce', 'phasing', 'previous', 'compareTargets', 'columnTotals', 'rowTotals', 'expect']);

/** Characters a glob reads as syntax (tinyglobby's): a folder's name with them is escaped before a pattern. */
const GLOB_SYNTAX = /[()[\]{}*?|!+@]/;
/** Characters that make a value a pattern (io/inputs.ts GLOB). */
const PATTERN = /[*?[\]{}]/;
/** The settings whose files are opened as they are, never as a pattern (margins: io/margins.ts). */
const LITERAL_ONLY = new Set<FlagKey>(['columnTotals', 'rowTotals']);

/**
 * A config's value with its file names taken from the config's folder (`-`, stdin, and absolute paths
 * stay). A folder named with glob syntax (`kanwil [1]`, `juni (2024)`) is escaped, so that a pattern of
 * the config matches in that folder only and a file name reads as that file (rv27 F2: `kanwil [1]/me*.csv`
 * matched `kanwil 1/mei.csv`); on Windows, where `\` separates folders, it is not.
 */
function inFolderOf(dir: string | undefined, key: FlagKey, v: unknown): unknown {
  if (dir === undefined || !FILE_VALUED.has(key)) return v;
  const escape = (s: string): string => (process.platform === 'win32' ? s : s.replace(/[()[\]{}*?|!+@]/g, '\\$&'));
  const place = (path: string): string => {
    if (path === '-' || isAbsolute(path)) return path;
    // A pattern keeps its own syntax, its folder escaped.
    if (PATTERN.test(path)) return GLOB_SYNTAX.test(dir) ? join(escape(dir), path) : join(dir, path);
    // A file name whose folder io/inputs.ts would take for a pattern is escaped whole: read as a pattern,
    // it matches that one file. (Margins are opened as they are, never as a pattern.)
    return PATTERN.test(dir) && !LITERAL_ONLY.has(key) ? escape(join(dir, path)) : join(dir, path);
  };
  const one = (x: unknown): unknown => {
    if (typeof x === 'string') return key === 'phasing' && x === 'even' ? x : place(x);
    if (typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'file') {
      const f = x as { kind: 'file'; path: string };
      return { ...f, path: place(f.path) };
    }
    return x;
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}

/**
 * The options of one command from its command-line values (commander's, by camelCase key) and the
 * config file's. A command-line value wins over the config's; both go through the flag's parser.
 * Every key of the config file is checked, also those of other commands. Where each setting came
 * from is kept beside the result (options/origin.ts), for messages that name it.
 */
export function resolveOptions<K extends FlagKey>(keys: readonly K[], cli: Readonly<Record<string, unknown>>, config?: ConfigInput, exclusive: readonly ExclusivePair[] = []): Options<K> {
  const fromConfig = config ? configValues(config) : new Map<FlagKey, string[] | true>();
  const placeOf = (key: FlagKey, p: 'key' | 'value' = 'value'): Place | undefined => {
    const at = config?.places?.get(key);
    return at ? (p === 'key' ? { line: at.line, column: at.column } : at.value) : undefined;
  };
  const ctx: { numberLocale?: ParseContext['numberLocale'] } = {};
  // The settings whose value was read in the number locale and has a separator in it (`--min 100.000`):
  // --number-locale has an effect on them, also in a run that reads no file (app/inert.ts).
  const inLocale = new Set<FlagKey>();
  const parseValues = (key: FlagKey, values: string[] | true, label: string): unknown => {
    if (values === true) return true;
    const f = FLAGS[key] as FlagDef<unknown>;
    const parsed = values.map((x) => {
      let read = false;
      const watched: ParseContext = {
        get numberLocale() {
          read = true;
          return ctx.numberLocale;
        },
      };
      const v = f.parse(x, label, watched);
      if (read && /[.,]/.test(x)) inLocale.add(key);
      return v;
    });
    return f.repeatable ? parsed : parsed[parsed.length - 1];
  };
  // The number locale first: other numbers (--target) are read in it.
  const cliLocale = cli['numberLocale'];
  const configLocale = fromConfig.get('numberLocale');
  // A parser's message about a value of the config file is placed at the file, at the value.
  const atConfig = <T>(key: FlagKey, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof UsageError && config) throw new UsageError(e.diagnostics.map((d) => ({ ...d, file: config.file, ...placeOf(key) })));
      throw e;
    }
  };
  if (configLocale !== undefined) ctx.numberLocale = atConfig('numberLocale', () => parseValues('numberLocale', configLocale, 'config "numberLocale"')) as ParseContext['numberLocale'];
  if (cliLocale !== undefined && cliLocale !== false) ctx.numberLocale = parseValues('numberLocale', [String(cliLocale)], flagName('numberLocale')) as ParseContext['numberLocale'];
  // Every value of the config file is checked, also those a flag overrides and those of other
  // commands: a mistake in the file is a mistake whichever run finds it.
  const configParsed = new Map<FlagKey, unknown>();
  for (const [key, values] of fromConfig) configParsed.set(key, inFolderOf(configFolder(config), key, atConfig(key, () => parseValues(key, values, `config "${key}"`))));
  const given = (k: FlagKey): boolean => cli[k] !== undefined && cli[k] !== false;
  const setAside: { key: FlagKey; by: FlagKey; place?: Place }[] = [];
  for (const [a, b, why] of exclusive) {
    if (given(a) && given(b)) throw why ? usage(why.en, why.id) : usage(`pass either ${flagName(a)} or ${flagName(b)}, not both`, `berikan ${flagName(a)} atau ${flagName(b)}, tidak keduanya`);
    // A flag on the command line overrides the config's value of the other one of the pair (said in a note).
    const aside = (key: FlagKey, by: FlagKey): void => {
      if (configParsed.delete(key)) setAside.push({ key, by, place: placeOf(key, 'key') });
    };
    if (given(a)) aside(b, a);
    else if (given(b)) aside(a, b);
    else if (configParsed.has(a) && configParsed.has(b)) throw new UsageError({ file: config!.file, ...placeOf(b, 'key'), ...say(`config: "${a}" and "${b}" cannot both be set`, `config: "${a}" dan "${b}" tidak dapat diatur bersamaan`) });
  }
  if (config) refuseConfigConflicts(keys, cli, configParsed, { file: config.file, place: (k) => placeOf(k, 'key') });
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const fromFile = new Map<FlagKey, Place | undefined>();
  const replaced: { key: FlagKey; dropped: string[]; place?: Place }[] = [];
  for (const key of keys) {
    const v = cli[key];
    if (v !== undefined && v !== false) {
      const typed = v === true ? true : Array.isArray(v) ? (v as string[]) : [String(v)];
      out[key] = key === 'numberLocale' ? ctx.numberLocale : parseValues(key, typed, flagName(key));
      // A repeatable flag typed replaces the config's list (it does not add to it): the config's values
      // it leaves out are named in a note (app/session.ts).
      const listed = fromConfig.get(key);
      if (FLAGS[key].repeatable && Array.isArray(listed) && typed !== true) {
        const dropped = listed.filter((x) => !typed.includes(x));
        if (dropped.length) replaced.push({ key, dropped, place: placeOf(key, 'key') });
      }
    } else {
      out[key] = key === 'numberLocale' ? ctx.numberLocale : configParsed.get(key);
      if (configParsed.has(key)) fromFile.set(key, placeOf(key, 'key'));
    }
  }
  if (config) recordOrigins(out, { file: config.file, fromConfig: fromFile, setAside, replaced });
  if (inLocale.size) recordLocaleUse(out, [...inLocale]);
  return out as Options<K>;
}
