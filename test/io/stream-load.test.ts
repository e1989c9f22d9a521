// Issue 20: rows are added up by their keys as they are read (src/io/fold.ts), and every check of the
// input contract still holds. Expected numbers are worked out by hand in each test.
//
// Failed on the code before the change (256ff21): "wide segment columns in an extract" counted each
// participant twice (72 for 36) and refused --by province,segment; "a wide cell that reads two ways"
// dropped the cell (Gorontalo PU 0 instead of 1000, or a wrong "segments add up to 5" refusal); "an
// extract whose locale is settled by a later row" was refused at the first ambiguous count.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dimIndex, measureIndex, rollup, type Table } from '../../src/core/table.js';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { csvRows, run, tmp } from '../e2e/helpers.js';

const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, codeSystem: 'kemendagri' };
const COUNTS = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count']] as const);

function write(name: string, text: string): string {
  const f = join(tmp(), name);
  writeFileSync(f, text);
  return f;
}

/** The sums of a table at a grain, as "key / key → measure=value" lines. */
function at(table: Table, grain: string[], measure: string): Record<string, number | null> {
  const agg = rollup(table, grain).table;
  const m = measureIndex(agg, measure);
  return Object.fromEntries(agg.rows.map((r) => [r.keys.map((k, i) => agg.dims[i]!.labels.get(k!) ?? k).join(' / '), r.values[m] ?? null]));
}

async function problems(paths: string[], schema: LoadSchema, options: Partial<LoadOptions> = {}): Promise<string[]> {
  try {
    await loadTable(paths, schema, { ...BASE, ...options });
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => [d.file, d.line, d.column].filter((x) => x !== undefined).join(':') + ' ' + d.message);
    throw e;
  }
  return [];
}

describe('rows are added up as they are read', () => {
  it('a regional file keeps one row per province × regency × month, not per row; the sums are the rows added up', async () => {
    const f = write('r.csv', 'province,regency,sector,period,workforce,participants\nGorontalo,Boalemo,Pertanian,2024-06,100,10\nGorontalo,Boalemo,Perdagangan,2024-06,200,20\nGorontalo,Pohuwato,Pertanian,2024-06,300,30\nAceh,Simeulue,Pertanian,2024-06,400,40\n');
    const t = await loadTable([f], { dims: ['province'], measures: COUNTS, rule: 'refuse' }, BASE);
    // Boalemo's two sectors are one row (the report is not by sector).
    expect(t.rows).toHaveLength(3);
    expect(at(t, ['province'], 'participants')).toEqual({ Gorontalo: 60, Aceh: 40 });
    expect(at(t, ['province'], 'workforce')).toEqual({ Gorontalo: 600, Aceh: 400 });
    expect(at(t, ['regency'], 'participants')).toEqual({ 'Kabupaten Boalemo': 30, 'Kabupaten Pohuwato': 30, 'Kabupaten Simeulue': 40 });
    expect(t.sources[0]!.rows).toBe(4);
  });

  it('by sector when the report names it', async () => {
    const f = write('r.csv', 'province,sector,participants\nGorontalo,Pertanian,10\nGorontalo,Perdagangan,20\n');
    const t = await loadTable([f], { dims: ['sector'], measures: COUNTS, rule: 'refuse' }, BASE);
    expect(t.rows).toHaveLength(2);
    expect(at(t, ['sector'], 'participants')).toEqual({ Pertanian: 10, Perdagangan: 20 });
  });

  it('two rows that differ only in a column added up over are not duplicates; two that do not differ are', async () => {
    const ok = write('ok.csv', 'province,sector,participants\nGorontalo,A,1\nGorontalo,B,2\n');
    expect(await problems([ok], { dims: ['province'], measures: COUNTS, rule: 'refuse' })).toEqual([]);
    const twice = write('dup.csv', 'province,sector,participants\nGorontalo,A,1\nGorontalo,B,2\nGorontalo,A,3\n');
    expect(await problems([twice], { dims: ['province'], measures: COUNTS, rule: 'refuse' })).toEqual([`${twice}:4 duplicate row for Gorontalo / A (first at line 2)`]);
  });

  it('duplicates across files name both places; on standard input too (it cannot be read again)', async () => {
    const a = write('a.csv', 'province,participants\nGorontalo,1\nAceh,2\n');
    const b = write('b.csv', 'province,participants\nBali,3\nAceh,4\n');
    expect(await problems([a, b], { measures: COUNTS, rule: 'refuse' })).toEqual([`${b}:3 duplicate row for Aceh (first at ${a}:3)`]);
    const stdin = Readable.from([Buffer.from('province,participants\nGorontalo,1\nAceh,2\nGorontalo,3\n')]);
    expect(await problems(['-'], { measures: COUNTS, rule: 'refuse' }, { stdin })).toEqual(['<stdin>:4 duplicate row for Gorontalo (first at line 2)']);
  });

  it('rows of two sets of key columns overlap when they agree on the columns both have — also through a column added up over', async () => {
    // a.csv is per province × sector, b.csv per regency × sector: Boalemo/Pertanian lies inside Gorontalo/Pertanian.
    const a = write('a.csv', 'province,sector,participants\nGorontalo,Pertanian,10\nGorontalo,Perdagangan,20\n');
    const b = write('b.csv', 'province,regency,sector,participants\nGorontalo,Boalemo,Industri,5\nGorontalo,Boalemo,Pertanian,5\n');
    expect(await problems([a, b], { dims: ['province'], measures: COUNTS, rule: 'refuse' })).toEqual([
      `${b}:3 rows for Gorontalo / Pertanian / Kabupaten Boalemo overlap with ${a}:2: one is given per province, sector, the other per province, sector, regency/city`,
    ]);
    // Different sectors: no row of one lies inside a row of the other.
    const c = write('c.csv', 'province,regency,sector,participants\nGorontalo,Boalemo,Industri,5\n');
    expect(await problems([a, c], { dims: ['province'], measures: COUNTS, rule: 'refuse' })).toEqual([]);
  });

  it('a measure given by some rows of a group and not others is "incomplete", as before', async () => {
    const a = write('a.csv', 'province,regency,employed,participants\nGorontalo,Boalemo,100,10\n');
    const b = write('b.csv', 'province,regency,participants\nGorontalo,Pohuwato,20\nAceh,Simeulue,5\n');
    const t = await loadTable([a, b], { measures: COUNTS, rule: 'refuse', dims: ['province'] }, BASE);
    const agg = rollup(t, ['province']);
    expect(agg.incomplete.get('employed')).toEqual({ count: 1, keys: ['75'], at: { src: 1, line: 2 } });
    expect(at(t, ['province'], 'participants')).toEqual({ Gorontalo: 30, Aceh: 5 });
  });

  it('wide segment columns in an extract: each participant once, and --by segment works', async () => {
    const f = write('wide.csv', 'employer_id,province,participants_pu,participants_bpu\n1,Gorontalo,10,5\n2,Gorontalo,20,1\n');
    const t = await loadTable([f], { measures: COUNTS, rule: 'auto', segmentParts: true }, BASE);
    expect(t.rule).toBe('sum');
    expect(at(t, ['province'], 'participants')).toEqual({ Gorontalo: 36 });
    expect(at(t, ['province', 'segment'], 'participants')).toEqual({ 'Gorontalo / PU': 30, 'Gorontalo / BPU': 6 });
    const r = await run(['coverage', f, '--by', 'province,segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['participants']).toBe('36');
  });

  it('a wide cell that reads two ways until a later cell settles the locale: kept in both readings', async () => {
    // 1.000 is 1000 (id) or 1 (en); 2.450.000 can only be Indonesian, so the PU cell is 1000.
    const f = write('w.csv', 'province,employed,participants_pu,participants_bpu\nGorontalo,631521,1.000,5\nAceh,2.450.000,20,1\n');
    const t = await loadTable([f], { measures: COUNTS, rule: 'refuse', segmentParts: true }, BASE);
    expect(t.sources[0]!.numberLocale).toBe('id');
    expect(at(t, ['province', 'segment'], 'participants')).toEqual({ 'Gorontalo / PU': 1000, 'Gorontalo / BPU': 5, 'Aceh / PU': 20, 'Aceh / BPU': 1 });
    expect(at(t, ['province'], 'participants')).toEqual({ Gorontalo: 1005, Aceh: 21 });
    // With the row's participants given, the check waits for the locale too.
    const g = write('g.csv', 'province,employed,participants,participants_pu,participants_bpu\nGorontalo,631521,1005,1.000,5\nAceh,2.450.000,21,20,1\n');
    expect(await problems([g], { measures: COUNTS, rule: 'refuse', segmentParts: true })).toEqual([]);
    const bad = write('b.csv', 'province,employed,participants,participants_pu,participants_bpu\nGorontalo,631521,6,1.000,5\nAceh,2.450.000,21,20,1\n');
    expect(await problems([bad], { measures: COUNTS, rule: 'refuse', segmentParts: true })).toEqual([`${bad}:2:20 the segment columns add up to 1,005, not to the row's participants (6)`]);
  });

  it("an extract whose locale is settled by a later row: the early counts take the file's locale", async () => {
    const f = write('e.csv', 'employer_id;province;participants\n1;Gorontalo;1.000\n2;Gorontalo;1.234.567\n');
    const t = await loadTable([f], { measures: COUNTS, rule: 'sum' }, { ...BASE, fastExtract: 'never' });
    expect(at(t, ['province'], 'participants')).toEqual({ Gorontalo: 1_235_567 });
    // Never settled: refused at the first count that reads two ways.
    const u = write('u.csv', 'employer_id;province;participants\n1;Gorontalo;1.000\n');
    expect(await problems([u], { measures: COUNTS, rule: 'sum' }, { fastExtract: 'never' })).toEqual([
      `${u}:2:13 cannot tell the number format: "1.000" reads as 1000 in Indonesian (id) and 1 in English (en), and no count in the file settles it`,
    ]);
  });

  it('keys brought by a later file: the earlier rows have none for them', async () => {
    const a = write('a.csv', 'province,participants\nGorontalo,1\n');
    const b = write('b.csv', 'province,period,participants\nAceh,2024-06,2\n');
    const t = await loadTable([a, b], { measures: COUNTS, rule: 'refuse' }, BASE);
    const p = dimIndex(t, 'period');
    expect(t.rows.map((r) => r.keys[p])).toEqual([null, '2024-06']);
  });
});
