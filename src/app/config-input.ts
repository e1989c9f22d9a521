// The config's "input" that cannot be read (no file matches it, a folder, a missing file): the error
// names the config file at the key and a hint about the key, not the hint for a path typed on the
// command line ("quote it so the shell passes it on unchanged"), which the user never typed (rv29 S9).

import { InputError, say, type Problem } from '../errors.js';
import { originsOf } from '../options/origin.js';

/** Runs `work`; an input error at the config's "input" is said as the config's. */
export async function asConfigInput<T>(o: { readonly input?: string }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const origins = originsOf(o);
    if (!(e instanceof InputError) || o.input === undefined || o.input === '-' || !origins?.fromConfig.has('input')) throw e;
    const at = e.diagnostics.findIndex((d) => d.file === o.input && d.line === undefined);
    if (at < 0) throw e;
    const config = origins.file;
    const place = origins.fromConfig.get('input');
    const folder = e.diagnostics[at]!.message === 'is a folder, not a file';
    const glob = `${o.input.replace(/\/+$/, '')}/*.csv`;
    const hint = folder
      ? say(`correct "input" in ${config}: a glob of the files inside it, such as "${glob}"; or name the data on the command line`, `perbaiki "input" di ${config}: pola glob berkas di dalamnya, seperti "${glob}"; atau sebutkan data di baris perintah`)
      : say(`correct "input" in ${config} (a path there is read from the config file's folder), or name the data on the command line`, `perbaiki "input" di ${config} (jalurnya dibaca dari folder berkas konfigurasi), atau sebutkan data di baris perintah`);
    const d = e.diagnostics[at]!;
    const reworded: Problem = { ...d, hint: hint.message, id: { message: d.id.message, hint: hint.id.message } };
    const pointer: Problem = {
      file: config,
      ...(place ?? {}),
      severity: 'note',
      ...say(`${o.input} above is "input" of this config file, not a file named on the command line`, `${o.input} di atas adalah "input" dari berkas konfigurasi ini, bukan berkas yang disebut di baris perintah`),
    };
    const list = e.diagnostics.map((x, i) => (i === at ? reworded : x));
    list.splice(at + 1, 0, pointer);
    throw new InputError(list);
  }
}
