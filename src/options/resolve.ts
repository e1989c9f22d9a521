// Flags → commander, and (command line + jamsostek.json) → one typed options object, through the same
// parsers: `--denominator potential_workers` and `{"denominator": "potential_workers"}` are one value.

import { Option, type Command } from 'commander';
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

function configValues(config: Readonly<Record<string, unknown>>, file: string): Map<FlagKey, string[] | true> {
  const out = new Map<FlagKey, string[] | true>();
  for (const [k, v] of Object.entries(config)) {
    const key = KNOWN.get(k);
    if (!key) {
      throw new UsageError({
        file,
        ...say(
          { message: `config: unknown key "${k}"`, hint: 'the config file takes the long names of flags in camelCase, e.g. "numberLocale": "id"' },
          { message: `config: kunci "${k}" tidak dikenal`, hint: 'berkas konfigurasi memakai nama panjang opsi dalam camelCase, mis. "numberLocale": "id"' },
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
      if (typeof v !== 'boolean') throw new UsageError({ file, ...say(`config: "${k}" is a switch: true or false, not ${JSON.stringify(v)}`, `config: "${k}" adalah sakelar: true atau false, bukan ${JSON.stringify(v)}`) });
      if (v) out.set(key, true);
      continue;
    }
    const list = Array.isArray(v) && f.repeatable ? v : [v];
    const strings = list.map((x) => {
      if (typeof x === 'string') return x;
      if (typeof x === 'number' && Number.isFinite(x)) return String(x);
      throw new UsageError({ file, ...say(`config: "${k}" expects text or a number, not ${JSON.stringify(x)}`, `config: "${k}" memerlukan teks atau angka, bukan ${JSON.stringify(x)}`) });
    });
    out.set(key, strings);
  }
  return out;
}

export interface Resolved<K extends FlagKey> {
  readonly options: Options<K>;
}

/**
 * The options of one command from its command-line values (commander's, by camelCase key) and the
 * config file's. A command-line value wins over the config's; both go through the flag's parser.
 * Every key of the config file is checked, also those of other commands.
 */
export function resolveOptions<K extends FlagKey>(
  keys: readonly K[],
  cli: Readonly<Record<string, unknown>>,
  config?: { readonly file: string; readonly values: Readonly<Record<string, unknown>> },
  exclusive: readonly (readonly [FlagKey, FlagKey])[] = [],
): Options<K> {
  const fromConfig = config ? configValues(config.values, config.file) : new Map<FlagKey, string[] | true>();
  const given = (k: FlagKey): boolean => cli[k] !== undefined && cli[k] !== false;
  for (const [a, b] of exclusive) {
    if (given(a) && given(b)) throw usage(`pass either ${flagName(a)} or ${flagName(b)}, not both`, `berikan ${flagName(a)} atau ${flagName(b)}, tidak keduanya`);
    // A flag on the command line overrides the config's value of the other one of the pair.
    if (given(a)) fromConfig.delete(b);
    else if (given(b)) fromConfig.delete(a);
    else if (fromConfig.has(a) && fromConfig.has(b)) throw new UsageError({ file: config!.file, ...say(`config: "${a}" and "${b}" cannot both be set`, `config: "${a}" dan "${b}" tidak dapat diatur bersamaan`) });
  }
  const ctx: { numberLocale?: ParseContext['numberLocale'] } = {};
  const raw = (key: FlagKey): { values: string[] | true; from: 'flag' | 'config' } | undefined => {
    const v = cli[key];
    if (v !== undefined && v !== false) return { values: v === true ? true : Array.isArray(v) ? (v as string[]) : [String(v)], from: 'flag' };
    const c = fromConfig.get(key);
    return c === undefined ? undefined : { values: c, from: 'config' };
  };
  const parseOne = (key: FlagKey): unknown => {
    const f = FLAGS[key] as FlagDef<unknown>;
    const r = raw(key);
    if (r === undefined) return undefined;
    if (r.values === true) return true;
    const label = r.from === 'flag' ? flagName(key) : `config "${key}"`;
    const parsed = r.values.map((x) => f.parse(x, label, ctx));
    return f.repeatable ? parsed : parsed[parsed.length - 1];
  };
  // The number locale first: other numbers (--target) are read in it.
  ctx.numberLocale = parseOne('numberLocale') as ParseContext['numberLocale'];
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of keys) out[key] = key === 'numberLocale' ? ctx.numberLocale : parseOne(key);
  // Validate the config's other keys too (a typo in a key of another command is still a typo).
  for (const key of fromConfig.keys()) if (!(keys as readonly FlagKey[]).includes(key)) parseOne(key);
  return out as Options<K>;
}
