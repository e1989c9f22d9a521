// Input paths: glob patterns are expanded by the tool (shells on Windows do not), `-` is stdin.
// A pattern that matches nothing is an input error, like a missing file (exit 3).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, usage } from '../errors.js';
import type { Io } from './terminal.js';

const GLOB = /[*?[\]{}]/;

export async function expandInputs(patterns: readonly string[], io: Io): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (p === '-' || !GLOB.test(p) || existsSync(resolve(io.cwd, p))) {
      out.push(p);
      continue;
    }
    const { glob } = await import('tinyglobby');
    const found = (await glob(p, { cwd: io.cwd, onlyFiles: true, expandDirectories: false })).sort();
    if (found.length === 0) throw new InputError({ file: p, message: 'no file matches this pattern' });
    for (const f of found) out.push(f);
  }
  if (out.filter((p) => p === '-').length > 1) throw usage('standard input (-) can be read only once');
  return out;
}
