// Found by a review of the streaming loader (issue 20) and fixed after it: each test failed on main at
// 6ebd19a. Inputs are written here; expected figures are counted by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { PlacedSet } from '../../src/io/key-sets.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { run, tmp } from '../e2e/helpers.js';

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
    // The entries that break the rule are collected and compared with none, in one assertion each
    // (three expect() calls per entry cost more than the set itself).
    const seenBefore: [number, number][] = [];
    for (let i = 1; i <= 5000; i++) {
      const r = s.add(i * 7919, i * 104729, 0, i, i % 7);
      if (r !== -1) seenBefore.push([i, r]);
    }
    expect(seenBefore).toEqual([]);
    const misplaced: { i: number; slot: number; place?: [number, number] }[] = [];
    for (let i = 1; i <= 5000; i++) {
      const slot = s.find(i * 7919, i * 104729);
      if (!(slot >= 0)) misplaced.push({ i, slot });
      else if (s.line(slot) !== i || s.column(slot) !== i % 7) misplaced.push({ i, slot, place: [s.line(slot), s.column(slot)] });
    }
    expect(misplaced).toEqual([]);
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

/** A Parquet extract: one row a participant, in Aceh (PU), June 2024 unless a province is given. */
function extractParquet(path: string, ids: string[], provinces?: string[]): string {
  const columnData = [
    { name: 'participant_id', data: ids, type: 'STRING' as const },
    { name: 'province', data: provinces ?? ids.map(() => 'Aceh'), type: 'STRING' as const },
    { name: 'segment', data: ids.map(() => 'PU'), type: 'STRING' as const },
    { name: 'period', data: ids.map(() => '2024-06'), type: 'STRING' as const },
  ];
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData })));
  return path;
}

describe('Parquet extracts among other files', () => {
  it('a participant in a Parquet file and in another file of the month is refused, naming both (it was counted twice)', async () => {
    const dir = tmp();
    const a = extractParquet(join(dir, 'a.parquet'), ['P1', 'P2', 'P3']);
    const b = extractParquet(join(dir, 'b.parquet'), ['P3', 'P4']);
    const c = join(dir, 'c.csv');
    writeFileSync(c, 'participant_id,province,segment,period\nP3,Aceh,PU,2024-06\nP9,Aceh,PU,2024-06\n');
    expect(await outcome([a, b], EXTRACT)).toEqual([`${b}:row 1 (participant_id) participant P3 appears in two files in 2024-06 (first at ${a}:row 3)`]);
    expect(await outcome([a, c], EXTRACT)).toEqual([`${c}:2 participant P3 appears in two files in 2024-06 (first at ${a}:row 3)`]);
    expect(await outcome([c, a], EXTRACT)).toEqual([`${a}:row 3 (participant_id) participant P3 appears in two files in 2024-06 (first at ${c}:2)`]);
    // Without the shared participant: 3 + 2 distinct people, each file through the Parquet fast path
    // (its ids given to the load's ledger; the general path took 95 times as long on 5 M rows).
    const d = extractParquet(join(dir, 'd.parquet'), ['P5', 'P6']);
    const routes: string[] = [];
    expect(await outcome([a, d], EXTRACT, { onRoute: (_f, r) => routes.push(r) })).toBe(5);
    expect(routes).toEqual(['fast', 'fast']);
  });

  it('a participant row whose province reads as a total ("Total") is refused as an unknown province, not left out', async () => {
    const dir = tmp();
    const t = extractParquet(join(dir, 't.parquet'), ['P1', 'P2', 'P3', 'P4'], ['Aceh', 'Aceh', 'Total', 'Total']);
    const r = await outcome([t], EXTRACT);
    expect(r).toEqual([`${t}:row 3 (province) unknown province "Total"`, `${t}:row 4 (province) unknown province "Total"`]);
    const c = join(dir, 't.csv');
    writeFileSync(c, 'participant_id,province,period\nP1,Aceh,2024-06\nP2,Total,2024-06\n');
    expect(await outcome([c], EXTRACT)).toEqual([`${c}:3 unknown province "Total"`]);
  });
});

describe('rows of different key columns that overlap', () => {
  it('a real overlap is found after more candidates than --max-errors that the rows clear', async () => {
    const dir = tmp();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    writeFileSync(a, 'province,sector,workforce,participants\nAceh,Manufaktur,100000,100\nSumatera Utara,Manufaktur,100000,100\n');
    // The 56 regencies and cities of Aceh (11.01–11.18, 11.71–11.75) and Sumatera Utara (12.01–12.25,
    // 12.71–12.78) in agriculture: each shares its province with a row of a.csv, and the sectors differ,
    // so the rows clear every one of them.
    const codes = (p: number, n: number, cities: number): string[] => [...Array.from({ length: n }, (_, i) => `${p}.${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: cities }, (_, i) => `${p}.${71 + i}`)];
    const regencies = [...codes(11, 18, 5).map((c) => `Aceh,${c}`), ...codes(12, 25, 8).map((c) => `Sumatera Utara,${c}`)];
    expect(regencies).toHaveLength(56);
    writeFileSync(b, 'province,regency_code,sector,workforce,participants\n' + regencies.map((r) => `${r},Pertanian,500,50`).join('\n') + '\n');
    // Aceh's wage earners (every sector) overlap Aceh's manufacturing (every segment) in a.csv.
    writeFileSync(c, 'province,segment,workforce,participants\nAceh,PU,100000,100\n');
    const schema: LoadSchema = { measures: new Map([['workforce', 'count'], ['participants', 'count']]), rule: 'refuse', dims: ['province'] };
    for (const maxErrors of [1, 50]) {
      const r = await outcome([a, b, c], schema, { maxErrors });
      expect(Array.isArray(r), `--max-errors ${maxErrors}: ${String(r)}`).toBe(true);
      expect((r as string[]).some((m) => m.startsWith(`${c}:2 rows for Aceh / PU overlap with ${a}:2`)), String(r)).toBe(true);
    }
  });
});

describe('total rows', () => {
  const schema: LoadSchema = { measures: new Map([['workforce', 'count'], ['participants', 'count']]), rule: 'refuse', dims: ['province', 'regency'] };

  it('a "Jumlah" row of a province with no rows of its own is refused (Bali was left out with "not checked")', async () => {
    const f = join(tmp(), 'tot-zero.csv');
    writeFileSync(f, 'province,regency,workforce,participants\nGorontalo,Kab. Boalemo,1000,400\nGorontalo,Kota Gorontalo,1000,600\nGorontalo,Jumlah,2000,1000\nBali,Jumlah,5000,2500\n');
    expect(await outcome([f], schema)).toEqual([
      `${f}:5 the total row "Jumlah" gives workforce 5,000, but the 0 row(s) it totals add up to 0 (5,000 more in the total)`,
      `${f}:5 the total row "Jumlah" gives participants 2,500, but the 0 row(s) it totals add up to 0 (2,500 more in the total)`,
    ]);
  });

  it('a total compared on some of its figures says which were not compared', async () => {
    const f = join(tmp(), 'tot-blank.csv');
    writeFileSync(f, 'province,workforce,participants\nAceh,1000,150\nBali,1000,150\nJumlah,2000,\n');
    const t = await loadTable([f], { ...schema, dims: ['province'] }, BASE);
    expect(t.sources[0]!.notes).toEqual([{ code: 'total-rows', rows: [{ at: `${f}:4`, label: 'Jumlah', checked: true, notCompared: ['participants'] }] }]);
  });
});

describe('counts without a denominator column', () => {
  it('coverage says the denominators are the bundled baseline\'s, and of which month (it said nothing)', async () => {
    const f = join(tmp(), 'counts.csv');
    writeFileSync(f, 'period,province,participants\n2024-06,Aceh,1000\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: the input has no denominator column: coverage is against the bundled baseline's (data/baseline.csv); give your own with --workforce FILE");
    // Aceh's employed is of Sakernas August 2023 (data/figures.csv), not of the baseline's 2023-12 (rv17 F7).
    expect(r.stderr).toContain("warning: the employed figures (data/baseline.csv) are of 2023-08, not 2024-06's");
    const withOwn = join(tmp(), 'workforce.csv');
    writeFileSync(withOwn, 'period,province,workforce\n2024-06,Aceh,2000000\n');
    const w = await run(['coverage', f, '--workforce', withOwn, '-f', 'csv']);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).not.toContain('bundled baseline');
    expect(w.stdout).toContain('11,Aceh,2000000,1000,0.0005,');
  });
});
