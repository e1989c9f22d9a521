// Flags → commander, and (command line + jamsostek.json) → one typed options object, through the same
// parsers: `--denominator potential_workers` and `{"denominator": "potential_workers"}` are one value.

import { Option, type Command } from 'commander';
import { clipValue } from '../core/clip.js';
import { closestName } from '../core/suggest.js';
import { say, usage, UsageError } from '../errors.js';
import { FLAGS, flagName, type FlagDef, type FlagKey, type Options, type ParseContext } from './flags.js';

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** Add the flags to a commander command (help lists the choices; values are parsed later, once). */
export function addFlags(cmd: Command, keys: readonly FlagKey[]): Command {
  for (const key of new Set(keys)) {
    const f = FLAGS[key] as FlagDef<unknown>;
    const spec = `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.arg ? ` ${f.arg}` : ''}`;
    const help = f.choices && !f.choices.every((c) => f.help.includes(c)) ? `${f.help} (${f.choices.join(', ')})` : f.help;
    const o = new Option(spec, help);
    if (f.repeatable) o.argParser(collect);
    cmd.addOption(o);
  }
  return cmd;
}

const KNOWN = new Map<string, FlagKey>(Object.keys(FLAGS).map((k) => [k, k as FlagKey]));

/** The values of a config file: a Map (io/config.ts), or an object (the library, tests). */
export type ConfigValues = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

const entriesOf = (v: ConfigValues): Iterable<[string, unknown]> => (v instanceof Map ? v.entries() : Object.entries(v));

/** A value of the config file as a message shows it: text quoted and clipped, a list or an object by its kind. */
function shown(v: unknown): { en: string; id: string } {
  if (typeof v === 'string') return { en: `"${clipValue(v)}"`, id: `"${clipValue(v)}"` };
  if (Array.isArray(v)) return { en: 'a list', id: 'sebuah daftar' };
  if (v instanceof Map || (typeof v === 'object' && v !== null)) return { en: 'an object', id: 'sebuah objek' };
  return { en: clipValue(String(v)), id: clipValue(String(v)) };
}

function configValues(config: ConfigValues, file: string): Map<FlagKey, string[] | true> {
  const out = new Map<FlagKey, string[] | true>();
  for (const [k, v] of entriesOf(config)) {
    const key = KNOWN.get(k);
    if (!key) {
      const close = closestName(k, KNOWN.keys());
      const example = 'the config file takes the long names of flags in camelCase, e.g. "numberLocale": "id"';
      const exampleId = 'berkas konfigurasi memakai nama panjang opsi dalam camelCase, mis. "numberLocale": "id"';
      throw new UsageError({
        file,
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
        ...say(
          { message: `config: "${k}" cannot be set in a config file: ${why.en}`, hint: `pass ${flagName(key)} on the command line` },
          { message: `config: "${k}" tidak dapat diatur di berkas konfigurasi: ${why.id}`, hint: `berikan ${flagName(key)} di baris perintah` },
        ),
      });
    }
    if (!f.arg) {
      if (typeof v !== 'boolean') throw new UsageError({ file, ...say(`config: "${k}" is a switch: true or false, not ${shown(v).en}`, `config: "${k}" adalah sakelar: true atau false, bukan ${shown(v).id}`) });
      if (v) out.set(key, true);
      continue;
    }
    const list: unknown[] = Array.isArray(v) && f.repeatable ? v : [v];
    const strings = list.map((x) => {
      if (typeof x === 'string') return x;
      if (typeof x === 'number' && Number.isFinite(x)) return String(x);
      throw new UsageError({ file, ...say(`config: "${k}" expects text or a number, not ${shown(x).en}`, `config: "${k}" memerlukan teks atau angka, bukan ${shown(x).id}`) });
    });
    out.set(key, strings);
  }
  return out;
}

/**
 * The options of one command from its command-line values (commander's, by camelCase key) and the
 * config file's. A command-line value wins over the config's; both go through the flag's parser.
 * Every key of the config file is checked, also those of other commands.
 */
export function resolveOptions<K extends FlagKey>(
  keys: readonly K[],
  cli: Readonly<Record<string, unknown>>,
  config?: { readonly file: string; readonly values: ConfigValues },
  exclusive: readonly (readonly [FlagKey, FlagKey])[] = [],
): Options<K> {
  const fromConfig = config ? configValues(config.values, config.file) : new Map<FlagKey, string[] | true>();
  const ctx: { numberLocale?: ParseContext['numberLocale'] } = {};
  const parseValues = (key: FlagKey, values: string[] | true, label: string): unknown => {
    if (values === true) return true;
    const f = FLAGS[key] as FlagDef<unknown>;
    const parsed = values.map((x) => f.parse(x, label, ctx));
    return f.repeatable ? parsed : parsed[parsed.length - 1];
  };
  // The number locale first: other numbers (--target) are read in it.
  const cliLocale = cli['numberLocale'];
  const configLocale = fromConfig.get('numberLocale');
  // A parser's message about a value of the config file is placed at the file.
  const atConfig = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof UsageError && config) throw new UsageError(e.diagnostics.map((d) => ({ ...d, file: config.file })));
      throw e;
    }
  };
  if (configLocale !== undefined) ctx.numberLocale = atConfig(() => parseValues('numberLocale', configLocale, 'config "numberLocale"')) as ParseContext['numberLocale'];
  if (cliLocale !== undefined && cliLocale !== false) ctx.numberLocale = parseValues('numberLocale', [String(cliLocale)], flagName('numberLocale')) as ParseContext['numberLocale'];
  // Every value of the config file is checked, also those a flag overrides and those of other
  // commands: a mistake in the file is a mistake whichever run finds it.
  const configParsed = new Map<FlagKey, unknown>();
  for (const [key, values] of fromConfig) configParsed.set(key, atConfig(() => parseValues(key, values, `config "${key}"`)));
  const given = (k: FlagKey): boolean => cli[k] !== undefined && cli[k] !== false;
  for (const [a, b] of exclusive) {
    if (given(a) && given(b)) throw usage(`pass either ${flagName(a)} or ${flagName(b)}, not both`, `berikan ${flagName(a)} atau ${flagName(b)}, tidak keduanya`);
    // A flag on the command line overrides the config's value of the other one of the pair.
    if (given(a)) configParsed.delete(b);
    else if (given(b)) configParsed.delete(a);
    else if (configParsed.has(a) && configParsed.has(b)) throw new UsageError({ file: config!.file, ...say(`config: "${a}" and "${b}" cannot both be set`, `config: "${a}" dan "${b}" tidak dapat diatur bersamaan`) });
  }
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of keys) {
    if (key === 'numberLocale') {
      out[key] = ctx.numberLocale;
      continue;
    }
    const v = cli[key];
    if (v !== undefined && v !== false) out[key] = parseValues(key, v === true ? true : Array.isArray(v) ? (v as string[]) : [String(v)], flagName(key));
    else out[key] = configParsed.get(key);
  }
  return out as Options<K>;
}
