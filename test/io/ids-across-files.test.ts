// Issue 17: one participant in two extract files of the same month was counted twice (exit 0) on both
// engines; within one file, and the same file twice, were caught. Now it is an error (exit 3) naming both
// places, on the fast path (the byte-level engine), on the general path, and when one file takes each.
// Every case here but "different months" failed on the code before the change (256ff21).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { run, tmp } from '../e2e/helpers.js';

const SCHEMA: LoadSchema = { measures: new Map([['participants', 'count']]), rule: 'sum', dims: ['province'] };
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false };
const HEAD = 'participant_id,province,segment,period\n';

function files(...texts: string[]): string[] {
  const dir = tmp();
  return texts.map((t, i) => {
    const f = join(dir, `part-${i + 1}.csv`);
    writeFileSync(f, t);
    return f;
  });
}

async function outcome(paths: string[], fast: 'always' | 'never' | ((file: string) => 'always' | 'never'), extra: Partial<LoadOptions> = {}): Promise<string[] | number> {
  try {
    const mode = typeof fast === 'function' ? undefined : fast;
    const t = await loadTable(paths, SCHEMA, { ...BASE, ...extra, fastExtract: mode ?? 'always' });
    const p = t.measures.findIndex((m) => m.name === 'participants');
    return t.rows.reduce((a, r) => a + (r.values[p] ?? 0), 0);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => [d.file, d.line, d.column].filter((x) => x !== undefined).join(':') + ' ' + d.message);
    throw e;
  }
}

describe('a participant in two files of one month', () => {
  const [a, b] = files(HEAD + '1001,Gorontalo,PU,2024-06\n1002,Gorontalo,PU,2024-06\n1003,Aceh,BPU,2024-06\n', HEAD + '2001,Aceh,PU,2024-06\n1002,Gorontalo,BPU,2024-06\n');

  it.each(['never', 'always'] as const)('is refused naming both places (fastExtract %s)', async (mode) => {
    expect(await outcome([a!, b!], mode)).toEqual([`${b}:3:1 participant 1002 appears in two files in 2024-06 (first at ${a}:3)`]);
  });

  it('also when the engine reads one file and the general path the other', async () => {
    // The first file through the engine (forced), the second from standard input (general path).
    const stdin = Readable.from([Buffer.from(HEAD + '2001,Aceh,PU,2024-06\n1002,Gorontalo,BPU,2024-06\n')]);
    expect(await outcome([a!, '-'], 'always', { stdin })).toEqual([`<stdin>:3:1 participant 1002 appears in two files in 2024-06 (first at ${a}:3)`]);
    const stdin2 = Readable.from([Buffer.from(HEAD + '1002,Gorontalo,BPU,2024-06\n')]);
    expect(await outcome(['-', b!], 'always', { stdin: stdin2 })).toEqual([`${b}:3:1 participant 1002 appears in two files in 2024-06 (first at <stdin>:2)`]);
  });

  it('the same month written two ways is one month; different months are not a problem', async () => {
    const [c, d] = files(HEAD + '1001,Gorontalo,PU,2024-06\n', HEAD + '1001,Gorontalo,PU,2024/6\n');
    for (const mode of ['never', 'always'] as const) expect(await outcome([c!, d!], mode)).toEqual([`${d}:2:1 participant 1001 appears in two files in 2024-06 (first at ${c}:2)`]);
    const [e, f] = files(HEAD + '1001,Gorontalo,PU,2024-06\n', HEAD + '1001,Gorontalo,PU,2024-07\n');
    for (const mode of ['never', 'always'] as const) expect(await outcome([e!, f!], mode)).toBe(2);
  });

  it('within one file, as before, on both paths', async () => {
    const [g] = files(HEAD + '7,Gorontalo,PU,2024-06\n8,Gorontalo,PU,2024-06\n7,Gorontalo,BPU,2024-06\n');
    for (const mode of ['never', 'always'] as const) expect(await outcome([g!], mode)).toEqual([`${g}:4:1 participant 7 appears twice in 2024-06 (first at line 2)`]);
  });

  it('coverage --extract: exit 3, both places on stderr, nothing on stdout', async () => {
    const r = await run(['coverage', a!, b!, '--extract', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${b}:3:1: error: participant 1002 appears in two files in 2024-06 (first at ${a}:3)`);
    const id = await run(['coverage', a!, b!, '--extract', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain(`${b}:3:1: error: peserta 1002 muncul di dua berkas pada 2024-06 (pertama di ${a}:3)`);
  });
});
