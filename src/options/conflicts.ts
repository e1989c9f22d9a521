// Settings of the config file that a flag on the command line would silently change the meaning of.
// On the command line `--target N --year 2024` is one clear thing (this total, for December 2024); but a
// `"target"` kept in jamsostek.json and a `--year 2024` typed for this run are two wishes: the series
// total of 2024, or the config's total for December 2024. Taking either would give a plausible number
// the user may not have meant, and `coverage --year` (which has no --target) would plan another one. So
// the pair is refused (exit 2), naming the key of the config file and the flag, with both ways out.
// Refusing is simpler and safer than taking the config's total and saying so on every report: a total
// that silently outlives the run it was written for is the mistake to prevent, and the way out is one
// flag away.
//
// The pairs:
//   breakdown: "target" in the config with --year, --scenario, --series or --as-of on the command line
//   coverage:  "target" in the config when the run plans targets for a year (coverage takes no total);
//              "targets" (a file) in the config with --year on the command line.

import { clipValue } from '../core/clip.js';
import { say, UsageError } from '../errors.js';
import { flagName, type FlagKey } from './flags.js';
import type { Place } from './origin.js';

type Where = { readonly file: string; readonly place: (key: FlagKey) => Place | undefined };

/** The series a breakdown takes its total from, when no total is given. */
const SERIES_FLAGS: readonly FlagKey[] = ['year', 'scenario', 'series', 'asOf'];

export function refuseConfigConflicts(keys: readonly FlagKey[], cli: Readonly<Record<string, unknown>>, config: ReadonlyMap<FlagKey, unknown>, where: Where): void {
  const given = (k: FlagKey): boolean => cli[k] !== undefined && cli[k] !== false;
  const year = given('year') ? clipValue(String(cli['year'])) : config.has('year') ? String(config.get('year')) : '…';
  const takes = (k: FlagKey): boolean => keys.includes(k);
  const { file } = where;
  const refuse = (key: FlagKey, en: { message: string; hint: string }, id: { message: string; hint: string }): never => {
    throw new UsageError({ file, ...where.place(key), ...say(en, id) });
  };
  const total = config.get('target');
  if (total !== undefined && !given('target')) {
    const shown = String(total);
    if (takes('target')) {
      const typed = SERIES_FLAGS.filter((k) => takes(k) && given(k)).map(flagName);
      if (typed.length > 0) {
        const flags = typed.join(', ');
        refuse(
          'target',
          {
            message: `"target" in this config file (${shown}) and ${flags} on the command line: the total would be the config's, not the target series' ${typed.length > 1 ? 'they ask' : 'it asks'} for`,
            hint: `remove "target" from ${file} to take the series total, or give the total on the command line (--target ${shown}${given('year') ? ` --year ${year}` : ''}) to use it`,
          },
          {
            message: `"target" di berkas konfigurasi ini (${shown}) dan ${flags} di baris perintah: totalnya akan diambil dari konfigurasi, bukan dari deret target yang diminta`,
            hint: `hapus "target" dari ${file} untuk memakai total deret, atau berikan totalnya di baris perintah (--target ${shown}${given('year') ? ` --year ${year}` : ''}) untuk memakainya`,
          },
        );
      }
    } else if (takes('year') && takes('targets') && (given('year') || config.has('year')) && !given('targets') && !config.has('targets')) {
      refuse(
        'target',
        {
          message: `"target" in this config file (${shown}) is a total for breakdown; coverage --year plans the series target of the year and cannot take it`,
          hint: `remove "target" from ${file}, or plan that total with jamsostek breakdown --target ${shown} --year ${year} -o targets.csv and give --targets targets.csv`,
        },
        {
          message: `"target" di berkas konfigurasi ini (${shown}) adalah total untuk breakdown; coverage --year merencanakan target deret tahun itu dan tidak dapat memakainya`,
          hint: `hapus "target" dari ${file}, atau rencanakan total itu dengan jamsostek breakdown --target ${shown} --year ${year} -o targets.csv lalu berikan --targets targets.csv`,
        },
      );
    }
  }
  const named = config.get('targets');
  const file_ = typeof named === 'string' ? clipValue(named) : undefined;
  if (file_ !== undefined && takes('targets') && !given('targets') && given('year')) {
    refuse(
      'targets',
      {
        message: `"targets" in this config file (${file_}) and --year on the command line: the targets would be read from the file, not planned for the year`,
        hint: `remove "targets" from ${file} to plan the targets with --year, or give --targets ${file_} --year ${year} on the command line to read the file for that year`,
      },
      {
        message: `"targets" di berkas konfigurasi ini (${file_}) dan --year di baris perintah: target akan dibaca dari berkas, bukan direncanakan untuk tahun itu`,
        hint: `hapus "targets" dari ${file} untuk merencanakan target dengan --year, atau berikan --targets ${file_} --year ${year} di baris perintah untuk membaca berkas itu bagi tahun tersebut`,
      },
    );
  }
}
