// Found by a review of the streaming loader (issue 20) and fixed after it: each test failed on main at
// 6ebd19a. Inputs are written here; expected figures are counted by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { PlacedSet } from '../../src/io/key-sets.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { tmp } from '../e2e/helpers.js';

const REGIONAL: LoadSchema = { measures: new Map([['workforce', 'count'], ['participants', 'count']]), rule: 'refuse', dims: ['province', 'sector'] };
const EXTRACT: LoadSchema = { measures: new Map([['participants', 'count']]), rule: 'sum', dims: ['province'] };
const BASE: LoadOptions = { maxErrors: 50, allowOverCoverage: false };

async function outcome(paths: string[], schema: LoadSchema, extra: Partial<LoadOptions> = {}): Promise<string[] | number> {
  try {
    const t = await loadTable(paths, schema, { ...BASE, ...extra });
    const p = t.measures.findIndex((m) => m.name === 'participants');
    return t.rows.reduce((a, r) => a + (r.values[p] ?? 0), 0);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => [d.file, d.line].filter((x) => x !== undefined).join(':') + ' ' + d.message);
    throw e;
  }
}

describe('standard input: the rows of a source that cannot be read again, past the first table growth', () => {
  it('PlacedSet keeps every entry, with its line and column, when it grows', () => {
    const s = new PlacedSet();
    for (let i = 1; i <= 5000; i++) expect(s.add(i * 7919, i * 104729, 0, i, i % 7)).toBe(-1);
    for (let i = 1; i <= 5000; i++) {
      const slot = s.find(i * 7919, i * 104729);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect([s.line(slot), s.column(slot)]).toEqual([i, i % 7]);
    }
    expect(s.add(7919, 104729, 0, 9999)).toBeGreaterThanOrEqual(0); // the first entry, seen again
  });

  it('a duplicate row after 900 distinct keys is refused on stdin as it is in a file', async () => {
    const rows = ['province,sector,workforce,participants'];
    for (let i = 1; i <= 900; i++) rows.push(`Aceh,s${i},100,10`);
    rows.push('Aceh,s1,100,10');
    const text = rows.join('\n') + '\n';
    const f = join(tmp(), 'dup900.csv');
    writeFileSync(f, text);
    const fromFile = await outcome([f], REGIONAL);
    expect(fromFile).toHaveLength(1);
    expect(String((fromFile as string[])[0])).toMatch(/duplicate row for Aceh \/ s1/);
    const fromStdin = await outcome(['-'], REGIONAL, { stdin: Readable.from([Buffer.from(text)]) });
    expect(Array.isArray(fromStdin)).toBe(true);
    expect(String((fromStdin as string[])[0])).toMatch(/duplicate row for Aceh \/ s1/);
  });

  it('a participant twice after 900 ids is refused on stdin', async () => {
    const rows = ['participant_id,period,province,segment'];
    for (let i = 1; i <= 900; i++) rows.push(`P${String(i).padStart(5, '0')},2024-06,Aceh,PU`);
    rows.push('P00001,2024-06,Aceh,PU');
    const r = await outcome(['-'], EXTRACT, { stdin: Readable.from([Buffer.from(rows.join('\n') + '\n')]), fastExtract: 'never' });
    expect(Array.isArray(r)).toBe(true);
    expect(String((r as string[])[0])).toMatch(/participant P00001 appears twice/);
  });
});
