// Flags that would have no effect in a run are refused (exit 2) with the reason and a way out, rather
// than accepted and ignored: `coverage --workforce FILE` on a regional file, `breakdown --phasing`
// without --months. Only flags given on the command line are checked: a jamsostek.json is shared by
// many runs, and a key that does not apply to this one is not a mistake.

import { usage } from '../errors.js';
import { flagName, type FlagKey } from '../options/flags.js';

type Words = { readonly en: string; readonly id: string };

export interface InertRule {
  readonly flag: FlagKey;
  /** True when the flag would do nothing in this run. */
  readonly inert: boolean;
  readonly why: Words;
  readonly hint: Words;
}

/** Given on the command line (not from a config file)? */
export const onCommandLine = (cli: Readonly<Record<string, unknown>>, key: FlagKey): boolean => cli[key] !== undefined && cli[key] !== false;

/** Throw a usage error for the first flag given on the command line that would do nothing. */
export function refuseInert(cli: Readonly<Record<string, unknown>>, rules: readonly InertRule[]): void {
  for (const r of rules) {
    if (!r.inert || !onCommandLine(cli, r.flag)) continue;
    const f = flagName(r.flag);
    throw usage({ message: `${f} would have no effect: ${r.why.en}`, hint: r.hint.en }, { message: `${f} tidak berpengaruh: ${r.why.id}`, hint: r.hint.id });
  }
}

/** The output flags that only the terminal table (or CSV) uses, against the formats of the run. */
export function outputInertRules(formats: readonly string[]): InertRule[] {
  const table = formats.includes('table');
  const csv = formats.includes('csv') || formats.includes('tsv');
  const names = formats.join(', ');
  return [
    { flag: 'color', inert: !table, why: { en: `only the terminal table is coloured; this run writes ${names}`, id: `hanya tabel terminal yang berwarna; proses ini menulis ${names}` }, hint: { en: 'leave out --color, or -f table', id: 'hilangkan --color, atau -f table' } },
    { flag: 'chart', inert: !table, why: { en: `--chart draws bars in the terminal table; this run writes ${names}`, id: `--chart menggambar batang di tabel terminal; proses ini menulis ${names}` }, hint: { en: 'the HTML report has its charts always; leave out --chart', id: 'laporan HTML selalu memuat grafik; hilangkan --chart' } },
    { flag: 'wide', inert: !table, why: { en: `--wide widens the terminal table; this run writes ${names}`, id: `--wide melebarkan tabel terminal; proses ini menulis ${names}` }, hint: { en: 'leave out --wide', id: 'hilangkan --wide' } },
    { flag: 'csvDialect', inert: !csv, why: { en: `--csv-dialect shapes CSV; this run writes ${names}`, id: `--csv-dialect mengatur CSV; proses ini menulis ${names}` }, hint: { en: 'leave out --csv-dialect, or -f csv', id: 'hilangkan --csv-dialect, atau -f csv' } },
  ];
}
