// Where each setting of a run came from: the command line, or a key of the config file (with its line).
// A message about a setting names it the way the user set it: `--months` when it was typed, `"months"
// in ./jamsostek.json` when it came from the config file, so that nobody is told to leave out a flag
// they never passed. Kept beside the options object (a WeakMap), so that the options stay plain values.
//
// Example: { "months": true } in ./jamsostek.json and `breakdown --year 2024 --compare webster,hamilton`
//   → settingName(o, 'months') is `"months" in ./jamsostek.json`; the config's months gives way to the
//   --compare given (an exclusive pair), and the run says so in a note.

import { say, type Diagnostic, type Problem } from '../errors.js';
import { FLAGS, flagName, type FlagKey } from './flags.js';

type Words = { readonly en: string; readonly id: string };

export interface Place {
  readonly line: number;
  readonly column: number;
}

/** The settings of one run that the config file made, and the config values a flag set aside. */
export interface SettingOrigins {
  /** The config file as the user named it (./jamsostek.json). */
  readonly file: string;
  /** Settings whose value came from the config file (not given on the command line), with the place of the key. */
  readonly fromConfig: ReadonlyMap<FlagKey, Place | undefined>;
  /** Config values left aside because the other one of an exclusive pair was given on the command line. */
  readonly setAside: readonly { readonly key: FlagKey; readonly by: FlagKey; readonly place?: Place }[];
  /** Lists of the config file (a repeatable key) that the values typed for the flag replaced: the values left out. */
  readonly replaced?: readonly { readonly key: FlagKey; readonly dropped: readonly string[]; readonly place?: Place }[];
}

const BY_OPTIONS = new WeakMap<object, SettingOrigins>();
const BY_RUN = new WeakMap<object, SettingOrigins>();

export function recordOrigins(options: object, origins: SettingOrigins): void {
  BY_OPTIONS.set(options, origins);
}

export function originsOf(options: object): SettingOrigins | undefined {
  return BY_OPTIONS.get(options);
}

const LOCALE_USE = new WeakMap<object, readonly FlagKey[]>();

/** The settings of a run whose values were read in the number locale (they have a separator: `--min 100.000`). */
export function recordLocaleUse(options: object, keys: readonly FlagKey[]): void {
  LOCALE_USE.set(options, keys);
}

export function readInLocale(options: object): readonly FlagKey[] {
  return LOCALE_USE.get(options) ?? [];
}

/** Whether the setting's value came from the config file (not typed on the command line). */
export function fromConfigFile(options: object, key: FlagKey): boolean {
  return BY_OPTIONS.get(options)?.fromConfig.has(key) ?? false;
}

/** `--months`, or `"months" in ./jamsostek.json` when the config file set it. */
export function settingName(options: object, key: FlagKey): Words {
  const o = BY_OPTIONS.get(options);
  if (!o?.fromConfig.has(key)) return { en: flagName(key), id: flagName(key) };
  return { en: `"${key}" in ${o.file}`, id: `"${key}" di ${o.file}` };
}

/** How to stop a setting: `leave out --months`, or `remove "months" from ./jamsostek.json`. */
export function leaveOut(options: object, key: FlagKey): Words {
  const o = BY_OPTIONS.get(options);
  if (!o?.fromConfig.has(key)) return { en: `leave out ${flagName(key)}`, id: `hilangkan ${flagName(key)}` };
  return { en: `remove "${key}" from ${o.file}`, id: `hapus "${key}" dari ${o.file}` };
}

/** The origins of the run on these streams (one run per Io): read when an error of the run is printed. */
export function rememberRun(io: object, options: object): void {
  const o = BY_OPTIONS.get(options);
  if (o) BY_RUN.set(io, o);
}

/**
 * Notes for an error of the run: each flag a message or hint names whose value came from the config
 * file (not the command line) is pointed at there, `./jamsostek.json:3:3: note: --max-coverage here
 * is "maxCoverage" of this config file, not a flag given on the command line`.
 */
export function configNotes(io: object, diagnostics: readonly Diagnostic[]): Problem[] {
  const o = BY_RUN.get(io);
  if (!o || o.fromConfig.size === 0) return [];
  const out: Problem[] = [];
  for (const [key, place] of o.fromConfig) {
    const flag = flagName(key);
    const named = new RegExp(`${flag}(?![\\w-])`);
    const about = diagnostics.some((d) => d.file !== o.file && d.severity !== 'note' && named.test(`${d.message}\n${d.hint ?? ''}`));
    if (!about) continue;
    const cli = FLAGS[key].arg ? `; ${flag} on the command line overrides it` : '';
    const cliId = FLAGS[key].arg ? `; ${flag} di baris perintah menggantikannya` : '';
    out.push({
      file: o.file,
      ...(place ?? {}),
      severity: 'note',
      ...say(`${flag} above is "${key}" of this config file, not a flag given on the command line${cli}`, `${flag} di atas adalah "${key}" dari berkas konfigurasi ini, bukan opsi yang diberikan di baris perintah${cliId}`),
    });
  }
  return out;
}
