// The Parquet reader (issue 20) on files written here with hyparquet-writer: every value type, nulls,
// row groups, only the columns a load uses, compression codecs, files that are not Parquet or are cut
// short, nested columns; and the extract fast path against the general path through loadTable, on
// generated extracts with and without planted problems (the general path is the reference).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { InputError, ProblemList, type Diagnostic } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import type { Cell } from '../../src/io/row-sink.js';
import { bytesSource } from '../../src/io/readers/byte-source.js';
import { readParquetRows } from '../../src/io/readers/parquet.js';
import { idCheck } from '../../src/io/readers/id-check.js';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-parquet-'));
let fileNo = 0;

type WriteOptions = Omit<Parameters<typeof parquetWriteBuffer>[0], 'columnData'>;
function parquet(columns: ColumnSource[], options: WriteOptions = {}): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: columns, ...options }));
}

function save(bytes: Uint8Array, name = `x${fileNo++}.parquet`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

interface Read {
  columns: string[];
  rows: { line: number; cells: Cell[] }[];
  blank: number[];
  problems: Diagnostic[];
}

async function read(bytes: Uint8Array, wanted?: (name: string) => boolean): Promise<Read> {
  const out: Read = { columns: [], rows: [], blank: [], problems: [] };
  const problems = new ProblemList(100);
  const facts = await readParquetRows(
    bytesSource(bytes),
    'x.parquet',
    { wanted },
    {
      column: (name, index, place) => {
        expect(place).toEqual({ line: 0, column: index + 1 });
        out.columns.push(name);
      },
      row: (cells, line, places) => {
        expect(places.every((p, i) => p?.line === line && p.column === i + 1)).toBe(true);
        out.rows.push({ line, cells: [...cells] as Cell[] });
      },
      blank: (line) => out.blank.push(line),
    },
    problems,
  );
  expect(facts).toEqual({ format: 'parquet' });
  out.problems = problems.list();
  return out;
}

describe('readParquetRows', () => {
  it('text, whole numbers (INT32, INT64, beyond 2^53 as digits), floats, booleans, dates, timestamps, decimals, nulls', async () => {
    const bytes = parquet([
      { name: 'province', data: ['Aceh', null, 'Bali'], type: 'STRING' },
      { name: 'a32', data: [1, -2, null], type: 'INT32' },
      { name: 'a64', data: [3n, 9007199254740993n, null], type: 'INT64' },
      { name: 'f', data: [0.6056, null, 1e15], type: 'DOUBLE' },
      { name: 'b', data: [true, false, null], type: 'BOOLEAN' },
      { name: 'ts', data: [new Date(Date.UTC(2024, 5, 30)), new Date(Date.UTC(2024, 5, 30, 13, 45, 10)), null], type: 'TIMESTAMP' },
    ]);
    const r = await read(bytes);
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual(['province', 'a32', 'a64', 'f', 'b', 'ts']);
    expect(r.rows).toEqual([
      { line: 1, cells: ['Aceh', 1, 3, 0.6056, true, '2024-06-30'] },
      { line: 2, cells: [null, -2, '9007199254740993', null, false, '2024-06-30T13:45:10'] },
      { line: 3, cells: ['Bali', null, null, 1e15, null, null] },
    ]);
  });

  it('DATE and DECIMAL columns (schema written out), a required column', async () => {
    const schema = [
      { name: 'root', num_children: 3 },
      { name: 'period', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
      { name: 'participants', type: 'INT64', converted_type: 'DECIMAL', scale: 0, precision: 18, repetition_type: 'OPTIONAL' },
      { name: 'rate', type: 'INT32', converted_type: 'DECIMAL', scale: 2, precision: 9, repetition_type: 'REQUIRED' },
    ] as WriteOptions['schema'];
    const days = Date.UTC(2024, 5, 1) / 86_400_000;
    const bytes = parquet(
      [
        { name: 'period', data: [days, null] },
        { name: 'participants', data: [256129n, 7n] },
        { name: 'rate', data: [60.56, 0.12] }, // the writer stores 6056 and 12 with scale 2
      ],
      { schema },
    );
    const r = await read(bytes);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['2024-06-01', 256129, 60.56],
      [null, 7, 0.12],
    ]);
  });

  it('row groups: rows numbered through the file; a row with every used cell empty is blank', async () => {
    const n = 25;
    const bytes = parquet(
      [
        { name: 'province', data: Array.from({ length: n }, (_, i) => (i === 11 ? null : `P${i}`)), type: 'STRING' },
        { name: 'participants', data: Array.from({ length: n }, (_, i) => (i === 11 ? null : i)), type: 'INT32' },
      ],
      { rowGroupSize: 4 },
    );
    const r = await read(bytes);
    expect(r.rows.map((x) => x.line)).toEqual(Array.from({ length: n }, (_, i) => i + 1).filter((l) => l !== 12));
    expect(r.rows[12]).toEqual({ line: 14, cells: ['P13', 13] });
    expect(r.blank).toEqual([12]);
  });

  it('only the columns the load uses are read: the others are announced, and empty', async () => {
    const bytes = parquet([
      { name: 'nama', data: ['Budi', 'Sari'], type: 'STRING' },
      { name: 'province', data: ['Aceh', 'Bali'], type: 'STRING' },
      { name: 'alamat', data: [{ jalan: 'x' }, { jalan: 'y' }], type: 'JSON' },
    ]);
    const r = await read(bytes, (name) => name === 'province');
    expect(r.columns).toEqual(['nama', 'province', 'alamat']);
    expect(r.rows.map((x) => x.cells)).toEqual([
      [null, 'Aceh', null],
      [null, 'Bali', null],
    ]);
    // Used, a JSON value is not a cell the tool reads: a problem naming the row and the column.
    const all = await read(bytes);
    expect(all.problems.map((d) => `${d.file} ${d.message}`)).toEqual(['x.parquet:row 1 (alamat) a value the tool cannot read (a nested value)', 'x.parquet:row 2 (alamat) a value the tool cannot read (a nested value)']);
  });

  it('GZIP pages are read through Node zlib; a codec it cannot read is refused naming the column and the way out', async () => {
    const cols: ColumnSource[] = [{ name: 'province', data: ['Aceh', 'Bali'], type: 'STRING' }];
    const gz = parquet(cols, { codec: 'GZIP', compressors: { GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)) } });
    expect((await read(gz)).rows.map((x) => x.cells)).toEqual([['Aceh'], ['Bali']]);
    const lz4 = parquet(cols, { codec: 'LZ4', compressors: { LZ4: (b: Uint8Array) => b } });
    expect((await read(lz4)).problems).toMatchObject([{ file: 'x.parquet', message: 'column "province" is compressed with LZ4, which this Node.js cannot read', hint: "write the file with SNAPPY compression (DuckDB: COPY … TO 'x.parquet' (COMPRESSION snappy))" }]);
    // Not a column the load uses: not refused.
    expect((await read(lz4, () => false)).problems).toEqual([]);
  });

  it('refuses what is not a Parquet file, a file cut short, an empty file, with no throw', async () => {
    const msg = async (bytes: Uint8Array) => (await read(bytes)).problems.map((d) => d.message);
    expect(await msg(new Uint8Array())).toEqual(['the file is empty']);
    expect(await msg(new TextEncoder().encode('province,participants\nAceh,1\n'))).toEqual(['this is not a Parquet file (it does not begin with PAR1)']);
    const good = parquet([{ name: 'province', data: ['Aceh'], type: 'STRING' }]);
    expect(await msg(good.slice(0, good.length - 10))).toEqual(['the Parquet file is cut short or damaged (its footer is missing)']);
    // A damaged column chunk: the rows it holds cannot be read.
    const broken = new Uint8Array(good);
    broken.fill(0xff, 4, 20);
    const [m] = await msg(broken);
    expect(m).toMatch(/^rows 1–1 cannot be read: /);
  });
});

// ── the fast path and the general path ──

const SCHEMA: LoadSchema = { measures: new Map([['participants', 'count']]), rule: 'sum', dims: ['province', 'segment', 'period'] };
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto' };

async function outcome(path: string, mode: 'always' | 'never', schema = SCHEMA): Promise<{ route?: string; result: unknown }> {
  let route: string | undefined;
  try {
    const t = await loadTable([path], schema, { ...BASE, fastExtract: mode, onRoute: (_f, r) => (route = r) });
    return { route, result: { dims: t.dims.map((d) => [d.name, d.kind, [...d.labels]]), measures: t.measures, rows: t.rows, sources: t.sources, rule: t.rule } };
  } catch (e) {
    if (e instanceof InputError) return { route, result: { errors: e.diagnostics } };
    throw e;
  }
}

const PROVINCES = ['Aceh', 'Jawa Barat', 'DKI Jakarta', 'jawa barat', 'Papua Barat Daya', 'Sulawesi Tengah', '  Bali '];
const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI', 'pu'];
const PERIODS = ['2024-06', '2024-07', '2024-06'];
const PLANTS = ['none', 'province', 'control', 'negative', 'fraction', 'null-id', 'empty-id', 'dup-id', 'null-key', 'null-count', 'month-twice'] as const;

interface Spec {
  idType: 'INT64' | 'INT32' | 'STRING';
  countType: 'none' | 'INT32' | 'INT64' | 'DOUBLE';
  note: boolean;
  rowGroupSize: number;
  rows: { p: number; s: number; t: number; c: number }[];
  plant: (typeof PLANTS)[number];
  plantAt: number;
}

function write(spec: Spec): Uint8Array {
  const n = spec.rows.length;
  const at = spec.plantAt % n;
  const plant = (i: number) => (i === at ? spec.plant : 'none');
  const ids = spec.rows.map((_, i) => (plant(i) === 'null-id' ? null : plant(i) === 'dup-id' && i > 0 ? 1000 : plant(i) === 'empty-id' && spec.idType === 'STRING' ? '  ' : 1000 + i));
  const id: ColumnSource =
    spec.idType === 'INT64' ? { name: 'participant_id', data: ids.map((v) => (typeof v === 'number' ? BigInt(v) : null)), type: 'INT64' } : spec.idType === 'INT32' ? { name: 'participant_id', data: ids.map((v) => (typeof v === 'number' ? v : null)), type: 'INT32' } : { name: 'participant_id', data: ids.map((v) => (v === null ? null : String(v))), type: 'STRING' };
  const cols: ColumnSource[] = [
    id,
    { name: 'province', data: spec.rows.map((r, i) => (plant(i) === 'province' ? 'Atlantis' : plant(i) === 'control' ? 'Jawa\u0007Barat' : plant(i) === 'null-key' ? null : PROVINCES[r.p % PROVINCES.length]!)), type: 'STRING' },
    { name: 'segment', data: spec.rows.map((r) => SEGMENTS[r.s % SEGMENTS.length]!), type: 'STRING' },
    { name: 'period', data: spec.rows.map((r, i) => (plant(i) === 'month-twice' ? ' 2024-06' : PERIODS[r.t % PERIODS.length]!)), type: 'STRING' },
  ];
  if (spec.countType !== 'none') {
    const fraction = spec.countType === 'DOUBLE' ? 1.5 : 2;
    const v = (r: Spec['rows'][number], i: number): number | null => (plant(i) === 'negative' ? -1 : plant(i) === 'null-count' ? null : plant(i) === 'fraction' ? fraction : r.c);
    if (spec.countType === 'INT64') cols.push({ name: 'participants', data: spec.rows.map((r, i) => (v(r, i) === null ? null : BigInt(v(r, i)!))), type: 'INT64' });
    else cols.push({ name: 'participants', data: spec.rows.map((r, i) => v(r, i)), type: spec.countType });
  }
  if (spec.note) cols.push({ name: 'catatan', data: spec.rows.map((_, i) => `note ${i}`), type: 'STRING' });
  return parquet(cols, { rowGroupSize: spec.rowGroupSize });
}

const spec: fc.Arbitrary<Spec> = fc.record({
  idType: fc.constantFrom('INT64', 'INT32', 'STRING'),
  countType: fc.constantFrom('none', 'INT32', 'INT64', 'DOUBLE'),
  note: fc.boolean(),
  rowGroupSize: fc.constantFrom(3, 7, 1000),
  rows: fc.array(fc.record({ p: fc.nat(40), s: fc.nat(10), t: fc.nat(5), c: fc.nat(5000) }), { minLength: 1, maxLength: 40 }),
  plant: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 1 }, { arbitrary: fc.constantFrom(...PLANTS), weight: 1 }),
  plantAt: fc.nat(40),
});

describe('the Parquet extract fast path gives what the general path gives', () => {
  it('on generated extracts, clean and with planted problems', async () => {
    let fast = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const path = save(write(s));
        const a = await outcome(path, 'always');
        const b = await outcome(path, 'never');
        expect(a.result).toEqual(b.result);
        expect(b.route).toBeUndefined();
        // (A participants column beside the participant id is refused, on either path: rv17 F4.)
        if (s.countType !== 'none') return;
        total++;
        if (a.route === 'fast') fast++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
    expect(fast).toBeGreaterThan(total / 4);
  }, 120_000);

  it('takes the fast path on a clean extract, sums it as the general path does (hand sums), and places problems as file.parquet:row N (column)', async () => {
    const n = 300;
    const cols: ColumnSource[] = [
      { name: 'participant_id', data: Array.from({ length: n }, (_, i) => BigInt(5000 + i)), type: 'INT64' },
      { name: 'province', data: Array.from({ length: n }, (_, i) => PROVINCES[i % 7]!), type: 'STRING' },
    ];
    const path = save(parquet(cols, { rowGroupSize: 64 }));
    const a = await outcome(path, 'always', { ...SCHEMA, dims: ['province'] });
    const b = await outcome(path, 'never', { ...SCHEMA, dims: ['province'] });
    expect(a.route).toBe('fast');
    expect(a.result).toEqual(b.result);
    const t = a.result as { rows: { values: number[] }[]; sources: { rows: number; format: string }[] };
    expect(t.sources[0]).toMatchObject({ rows: 300, format: 'parquet' });
    // One participant a row (a participants column beside the id is refused: rv17 F4).
    expect(t.rows.reduce((s, r) => s + r.values[0]!, 0)).toBe(n);
    // A duplicate id: the general path names both rows.
    cols[0] = { name: 'participant_id', data: Array.from({ length: n }, (_, i) => BigInt(i === 200 ? 5007 : 5000 + i)), type: 'INT64' };
    const dup = await outcome(save(parquet(cols, { rowGroupSize: 64 })), 'always', { ...SCHEMA, dims: ['province'] });
    expect(dup.route).toBe('general');
    expect((dup.result as { errors: Diagnostic[] }).errors.map((d) => d.file)).toEqual([expect.stringMatching(/x\d+\.parquet:row 201 \(participant_id\)$/)]);
  });
});

describe('the participant-id check', () => {
  it('in this thread and in a worker thread: true without a duplicate, false with one (in the same period only)', async () => {
    for (const worker of [false, true]) {
      const pairs = (ids: number[]) => Int32Array.from(ids.flatMap((id) => [id, 0]));
      const clean = await idCheck(6, worker);
      clean.add(pairs([1, 2, 3]), Int32Array.from([1, 1, 1]));
      clean.add(pairs([1, 2, 3]), Int32Array.from([2, 2, 2])); // the same ids, another month
      expect(await clean.finish()).toBe(true);
      const dup = await idCheck(6, worker);
      dup.add(pairs([1, 2, 3]), Int32Array.from([1, 1, 1]));
      dup.add(pairs([4, 2]), Int32Array.from([1, 1]));
      expect(await dup.finish()).toBe(false);
    }
  });
});

describe('files written by DuckDB (version-1 pages, every column nullable, dictionaries)', () => {
  it('nulls in keys, ids and counts, across row groups: the cells as written; the fast path falls back on a null key', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const path = join(dir, 'duck.parquet');
    const n = 10_000;
    // Row i: id 1,000,000 + i (null every 97th), province (null every 89th), a count i % 13 (null every 101st).
    await con.run(`COPY (
      SELECT CASE WHEN i % 97 = 5 THEN NULL ELSE 1000000 + i END::BIGINT AS participant_id,
             CASE WHEN i % 89 = 7 THEN NULL ELSE ['Aceh', 'Bali', 'Gorontalo'][i % 3 + 1] END AS province,
             CASE WHEN i % 101 = 3 THEN NULL ELSE i % 13 END::INTEGER AS participants
      FROM range(${n}) t(i) ORDER BY i
    ) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
    con.closeSync();
    db.closeSync();
    const { readFileSync } = await import('node:fs');
    const r = await read(new Uint8Array(readFileSync(path)));
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(n);
    let nullIds = 0;
    let nullProvinces = 0;
    let sum = 0;
    r.rows.forEach(({ line, cells }) => {
      const i = line - 1;
      expect(cells).toEqual([i % 97 === 5 ? null : 1_000_000 + i, i % 89 === 7 ? null : ['Aceh', 'Bali', 'Gorontalo'][i % 3], i % 101 === 3 ? null : i % 13]);
      if (cells[0] === null) nullIds++;
      if (cells[1] === null) nullProvinces++;
      sum += (cells[2] as number | null) ?? 0;
    });
    let want = 0;
    for (let i = 0; i < n; i++) if (i % 101 !== 3) want += i % 13;
    expect({ nullIds, nullProvinces, sum }).toEqual({ nullIds: Math.ceil((n - 5) / 97), nullProvinces: Math.ceil((n - 7) / 89), sum: want });
    // Through the loader: the fast path refuses the nulls and the general path names the first one.
    const a = await outcome(path, 'always', { ...SCHEMA, dims: ['province'] });
    const b = await outcome(path, 'never', { ...SCHEMA, dims: ['province'] });
    expect(a.route).toBe('general');
    expect(a.result).toEqual(b.result);
    // (First, the participants column beside the id, refused at the header: rv17 F4.)
    expect((a.result as { errors: Diagnostic[] }).errors.map((e) => e.file)).toContainEqual(expect.stringMatching(/duck\.parquet:row 4 \(participants\)$/));
  });
});
