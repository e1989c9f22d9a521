// hx5: a file given by another flag (--workforce, --targets) of 4 MiB or more is read by the rule of
// --header-row/--delimiter that fx34 gave such files (rv25 F14) exactly as its small twin is: CSV files
// that large may take the byte-level engine (load.ts FAST_EXTRACT_BYTES), which knows no such rule. Each
// case reads a generated file above the threshold and its first rows alone, under the same flags, and
// compares what the loader made of them: the figures, the notes, the header line and delimiter used, or
// the same problems. Expected sums are added up here from the generated rows. Checked against main at
// 985ebb1: the same there (load.ts keeps such a file off the fast path, and the engine itself declines a
// --header-row past 1 or a header that does not split on --delimiter; with either guard removed these
// still pass). They pin the outcome, since the fast path is chosen by size alone.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { FAST_EXTRACT_BYTES, loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-role-large-'));
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: true, numberLocale: 'auto' };
const SCHEMA: LoadSchema = { role: '--workforce', dims: ['branch'], measures: new Map([['workforce', 'count'], ['participants', 'count']]), denominator: { measure: 'workforce', given: false }, rule: 'refuse', segmentParts: true };
// A wide unread column keeps the row count (and the test's time) low: 14,000 rows of 4.4 MB.
const PAD = 'x'.repeat(300);
const ROWS = 14_000;

/** A --workforce file of `n` branches, with a title line above its header or not, on `d`. */
function workforce(name: string, n: number, title: boolean, d = ',', extra = ''): string {
  const lines = [...(title ? ['REKAP TENAGA KERJA PER CABANG, JUNI 2024'] : []), ['branch', 'workforce', 'keterangan'].join(d)];
  for (let i = 0; i < n; i++) lines.push([`B${String(i).padStart(6, '0')}`, String(1000 + (i % 97)), PAD].join(d));
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n${extra}`);
  return path;
}

/** By hand: the workforce of the first `n` generated branches. */
const sumOf = (n: number): number => {
  let s = 0;
  for (let i = 0; i < n; i++) s += 1000 + (i % 97);
  return s;
};

interface Outcome {
  readonly rows?: number;
  readonly workforce?: number;
  readonly notes?: readonly string[];
  readonly delimiter?: string;
  readonly headerRow?: number;
  readonly errors?: readonly string[];
}

async function outcome(path: string, options: Partial<LoadOptions>): Promise<Outcome> {
  try {
    const t = await loadTable([path], SCHEMA, { ...BASE, ...options });
    const m = t.measures.findIndex((x) => x.name === 'workforce');
    const s = t.sources[0]!;
    return { rows: t.rows.length, workforce: t.rows.reduce((a, r) => a + (r.values[m] ?? 0), 0), notes: (s.notes ?? []).map((n) => n.code).filter((c) => c !== 'unused-columns'), delimiter: s.delimiter, headerRow: s.headerRow };
  } catch (e) {
    if (e instanceof InputError) return { errors: e.diagnostics.map((d) => `${d.severity ?? 'error'} ${d.code ?? ''} ${d.message.replace(/line \d+/g, 'line N')}`) };
    throw e;
  }
}

/** The large file and its twin of 3 rows, read under the same flags. */
async function both(name: string, title: boolean, options: Partial<LoadOptions>, d = ',', extra = ''): Promise<[Outcome, Outcome]> {
  const large = workforce(`${name}-large.csv`, ROWS, title, d, extra);
  expect(statSync(large).size).toBeGreaterThanOrEqual(FAST_EXTRACT_BYTES);
  const small = workforce(`${name}-small.csv`, 3, title, d, extra);
  return [await outcome(large, options), await outcome(small, options)];
}

describe('a --targets CSV of 4 MiB or more with a title line reads as its small twin under --header-row 2', () => {
  it('every target read, the same notes', async () => {
    const schema: LoadSchema = { role: '--targets', dims: ['branch'], measures: new Map([['target', 'count']]), rule: 'refuse', segmentParts: true };
    const make = (name: string, n: number): string => {
      const lines = ['TARGET PER CABANG 2024', 'branch,target,keterangan'];
      for (let i = 0; i < n; i++) lines.push(`B${String(i).padStart(6, '0')},${1000 + (i % 97)},${PAD}`);
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
      return join(dir, name);
    };
    const large = make('targets-large.csv', ROWS);
    expect(statSync(large).size).toBeGreaterThanOrEqual(FAST_EXTRACT_BYTES);
    const read = async (path: string): Promise<[number, number, readonly string[]]> => {
      const t = await loadTable([path], schema, { ...BASE, headerRow: 2 });
      const m = t.measures.findIndex((x) => x.name === 'target');
      return [t.rows.length, t.rows.reduce((a, r) => a + (r.values[m] ?? 0), 0), (t.sources[0]!.notes ?? []).map((x) => x.code)];
    };
    const [l, s] = [await read(large), await read(make('targets-small.csv', 3))];
    expect([l[0], l[1]]).toEqual([ROWS, sumOf(ROWS)]);
    expect([s[0], s[1]]).toEqual([3, sumOf(3)]);
    expect(l[2]).toEqual(s[2]);
  });
});

describe('a --workforce CSV of 4 MiB or more reads as its small twin under --header-row/--delimiter', () => {
  it('a title line, --header-row 2: the flag applies, every branch read', async () => {
    const [large, small] = await both('titled', true, { headerRow: 2 });
    expect([large.rows, large.workforce]).toEqual([ROWS, sumOf(ROWS)]);
    expect([small.rows, small.workforce]).toEqual([3, sumOf(3)]);
    expect([large.notes, large.headerRow, large.delimiter]).toEqual([small.notes, small.headerRow, small.delimiter]);
    expect(large.notes).not.toContain('flags-set-aside');
  });

  it('its own header on line 1, --header-row 2 for the data files: set aside, with the note', async () => {
    const [large, small] = await both('own', false, { headerRow: 2 });
    expect([large.rows, large.workforce]).toEqual([ROWS, sumOf(ROWS)]);
    expect(small.workforce).toBe(sumOf(3));
    expect(large.notes).toContain('flags-set-aside');
    expect(large.notes).toEqual(small.notes);
    expect(large.headerRow).toBe(small.headerRow);
  });

  it('its own header on ;, --delimiter , for the data files: set aside, read on ;', async () => {
    const [large, small] = await both('semi', false, { delimiter: ',' }, ';');
    expect([large.rows, large.workforce, large.delimiter]).toEqual([ROWS, sumOf(ROWS), ';']);
    expect([small.delimiter, small.notes]).toEqual([';', large.notes]);
    expect(large.notes).toContain('flags-set-aside');
  });

  it('a title line and a branch twice: the same problems, the note that the flag was applied first', async () => {
    const [large, small] = await both('dup', true, { headerRow: 2 }, ',', `B000001,5,${PAD}\n`);
    expect(large.errors).toEqual(small.errors);
    expect(large.errors![0]).toMatch(/^note flags-applied --header-row 2, given for the data files, was applied to this --workforce file too/);
  });

  it('a title line and no --header-row: refused alike (the title, split on its comma, is taken for the header)', async () => {
    const [large, small] = await both('bare', true, {});
    // Every row is one field too many: the small twin's 3 rows, the large file's first 3 of its 20 listed.
    expect(small.errors).toHaveLength(3 + 1);
    expect(large.errors!.slice(0, 3)).toEqual(small.errors!.slice(0, 3));
    expect(large.errors![0]).toContain('expected 2 fields, found 3');
  });
});
