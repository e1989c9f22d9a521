// jamsostek.json: defaults for flags by their long names in camelCase. Plain JSON (it cannot run code),
// read here and parsed by the flags' own parsers (options/resolve.ts). The config file in use is named
// on stderr, so that a file in the working folder never changes a run silently.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { say, UsageError, usage } from '../errors.js';
import type { Io } from './terminal.js';

export const CONFIG_NAME = 'jamsostek.json';

export interface ConfigFile {
  readonly file: string;
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export function loadConfig(explicit: string | undefined, io: Io): ConfigFile | undefined {
  const path = resolve(io.cwd, explicit ?? CONFIG_NAME);
  if (!existsSync(path)) {
    if (explicit) throw usage(`config file ${explicit} not found`, `berkas konfigurasi ${explicit} tidak ditemukan`);
    return undefined;
  }
  const file = explicit ?? `./${CONFIG_NAME}`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    // JSON.parse's own words (where the syntax breaks) stay as they are, inside the message.
    const why = (e as Error).message;
    throw new UsageError({ file, ...say(`config file is not valid JSON (${why})`, `berkas konfigurasi bukan JSON yang sah (${why})`) });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError({
      file,
      ...say({ message: 'config file: expected an object of flag names and values', hint: 'e.g. { "numberLocale": "id", "lang": "id" }' }, { message: 'berkas konfigurasi: seharusnya berupa objek berisi nama opsi dan nilainya', hint: 'mis. { "numberLocale": "id", "lang": "id" }' }),
    });
  }
  return { file, path, values: data as Record<string, unknown> };
}
