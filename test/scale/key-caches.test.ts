// Key columns past their caches (moved from test/io/reader-shortcuts.test.ts and
// test/io/duplicate-spelling.test.ts, unchanged, to keep `npm test` under a minute: each reads 70,000
// distinct branches or more, past the 65,536 key texts the resolver caches (key-domains.ts) and the
// hashes fold.ts keeps, which is what they test, and took 2–5 s each on the 2-core machine).
// - Past the cache the resolver stops looking most texts up while they are all new, and looks again once
//   they repeat: the answers are the same either way.
// - A duplicate row past the cache is still found, and named as the file writes it by every reader.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { tmp, writeIn } from '../e2e/helpers.js';
import { BY_PROVINCE, GENERAL_READ, loadProblems } from '../support/load-problems.js';


describe('key hashes and key texts: repeated keys and keys past the caches', () => {
  it('70,000 branches, then 20,000 of them again (some written in lower case): one key each, the label first written', async () => {
    // Past the resolver's 65,536 cached texts it stops looking most texts up while they are all new,
    // and looks again once they repeat (key-domains.ts): the answers are the same either way.
    const lines = ['province,kantor,period,workforce,participants'];
    for (let i = 0; i < 70_000; i++) lines.push(`Gorontalo,K${String(i).padStart(7, '0')},2024-06,2000,700`);
    for (let i = 0; i < 20_000; i++) lines.push(`Gorontalo,${i % 10 === 0 ? 'k' : 'K'}${String(i * 3).padStart(7, '0')},2024-07,2000,${i % 700}`);
    const t = await loadTable([writeIn(tmp(), 'again.csv', lines.join('\n') + '\n')], { ...BY_PROVINCE, dims: ['province', 'kantor'] }, GENERAL_READ);
    expect(t.rows).toHaveLength(90_000);
    const kantor = t.dims.findIndex((d) => d.name === 'kantor');
    const labels = t.dims[kantor]!.labels;
    expect(labels.size).toBe(70_000);
    expect(labels.get('k0000300')).toBe('K0000300');
    // The July rows have the keys of June's branches: i * 3 for i below 20,000.
    const july = t.rows.filter((r) => r.keys.includes('2024-07'));
    expect(july).toHaveLength(20_000);
    expect(july.every((r, i) => r.keys[kantor] === `k${String(i * 3).padStart(7, '0')}`)).toBe(true);
  });

  it('two rows of the same branch are found among 70,000 branches (past the 65,536 cached)', async () => {
    const lines = ['province,kantor,period,workforce,participants'];
    for (let i = 0; i < 70_000; i++) lines.push(`Gorontalo,K${String(i).padStart(7, '0')},2024-06,2000,700`);
    lines.push('Gorontalo,k0069990,2024-06,2000,700'); // the same branch (keys are compared without case)
    const f = writeIn(tmp(), 'branches.csv', lines.join('\n') + '\n');
    const got = await loadProblems(f, { ...BY_PROVINCE, dims: ['province', 'kantor'] });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^70002: duplicate row for Gorontalo \/ K0069990 \/ 2024-06 \(first at line 69992\)$/);
  });
});

// As in test/io/duplicate-spelling.test.ts (review F6).
const DUP_SCHEMA: LoadSchema = { dims: ['province'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'refuse' };
const DUP_BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri' };
const HEAD = 'period,province,sector,workforce,participants\n';

/** The messages of a load that must fail, read from a named file by the general path or from standard input. */
async function messages(text: string, how: 'general' | 'stdin'): Promise<string[]> {
  const path = join(tmp(), 'dup.csv');
  writeFileSync(path, text);
  try {
    if (how === 'stdin') await loadTable(['-'], DUP_SCHEMA, { ...DUP_BASE, stdin: Readable.from([Buffer.from(text)]) });
    else await loadTable([path], DUP_SCHEMA, { ...DUP_BASE, fastExtract: 'never' });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics.map((d) => `${d.line}: ${d.message}`);
  }
  throw new Error('the load did not fail');
}

describe('a duplicate row is named as the file writes it, by every reader', () => {
  it('standard input with more distinct texts than are kept (70,000 branches): the row that repeats says it as written', async () => {
    const provinces = ['Aceh', 'Bali', 'Gorontalo', 'Papua'];
    const lines = [HEAD.trimEnd()];
    for (let i = 0; i < 70_000; i++) lines.push(`2024-06,${provinces[i % 4]},KC${String(i).padStart(6, '0')},1000,${i % 500}`);
    // Branch 69,999 (past the first 65,536 texts) again at the end, and branch 28 after it.
    lines.push('2024-06,Papua,KC069999,1000,499', '2024-06,Aceh,KC000028,1000,28');
    const text = lines.join('\n') + '\n';
    const expected = ['70002: duplicate row for 2024-06 / Papua / KC069999 (first at line 70001)', '70003: duplicate row for 2024-06 / Aceh / KC000028 (first at line 30)'];
    for (const how of ['general', 'stdin'] as const) expect(await messages(text, how), how).toEqual(expected);
  });
});
