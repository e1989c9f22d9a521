// Review F6 (issue 20's readers): a duplicate row is named with its keys as the file writes them (the
// first spelling), whichever reader ran — a named file (read again to confirm, after the byte-level
// engine or not) or standard input (never read again: what it names comes from what was kept as it was
// read). Before, standard input said a key of a column the report adds up over case-folded (`kc1`).
// The bigger file of 4 MiB and more, through the CLI, is in test/scale/duplicate-spelling.test.ts; standard
// input with 70,000 branches (past the cached key texts) in test/scale/key-caches.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-dup-spelling-'));
const SCHEMA: LoadSchema = { dims: ['province'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'refuse' };
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri' };

/** The messages of a load that must fail, with the file named `f` in every path. */
async function messages(text: string, how: 'fast' | 'general' | 'stdin'): Promise<string[]> {
  const path = join(dir, 'dup.csv');
  writeFileSync(path, text);
  const routes: string[] = [];
  try {
    if (how === 'stdin') await loadTable(['-'], SCHEMA, { ...BASE, stdin: Readable.from([Buffer.from(text)]) });
    else await loadTable([path], SCHEMA, { ...BASE, fastExtract: how === 'fast' ? 'always' : 'never', onRoute: (_f, r) => routes.push(r) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // The byte-level engine was tried on the named file, and gave it to the general path (which words it).
    if (how === 'fast') expect(routes).toEqual(['general']);
    return e.diagnostics.map((d) => `${d.line}: ${d.message}`);
  }
  throw new Error('the load did not fail');
}

const HEAD = 'period,province,sector,workforce,participants\n';

describe('a duplicate row is named as the file writes it, by every reader', () => {
  it('the same row twice: "KC1", never the case-folded "kc1"', async () => {
    const text = `${HEAD}2024-06,Gorontalo,KC1,1000,400\n2024-06,Gorontalo,KC1,1000,400\n`;
    for (const how of ['fast', 'general', 'stdin'] as const) expect(await messages(text, how), how).toEqual(['3: duplicate row for 2024-06 / Gorontalo / KC1 (first at line 2)']);
  });

  it('two spellings of one key: the first one ("KC1" before "kc1", "kc1" before "KC1")', async () => {
    for (const [a, b] of [['KC1', 'kc1'], ['kc1', 'KC1'], ['Kc 1', ' KC  1 ']] as const) {
      const text = `${HEAD}2024-06,Gorontalo,${a},1000,400\n2024-06,Gorontalo,${b},1000,400\n`;
      for (const how of ['fast', 'general', 'stdin'] as const) expect(await messages(text, how), `${a}/${b} ${how}`).toEqual([`3: duplicate row for 2024-06 / Gorontalo / ${a.trim()} (first at line 2)`]);
    }
  });
});
