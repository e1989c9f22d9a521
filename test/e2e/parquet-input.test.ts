// Parquet files as inputs (issue 20), from the command line: an extract gives the report its rows give as
// CSV; an aggregated regional table is read with the same checks as a regional CSV (a row twice is
// refused, at its row); problems are placed as `file.parquet:row N (column)`; standard input works; the
// columns not used are listed by validate. Files are written here with hyparquet-writer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

function write(path: string, columns: ColumnSource[], rowGroupSize = 1000): string {
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData: columns, rowGroupSize })));
  return path;
}

const PROVINCES = ['Aceh', 'Gorontalo', 'Bali'];
const SEGMENTS = ['PU', 'BPU'];

describe('Parquet input', () => {
  it('an extract: the same report as its rows in CSV; meta and validate say parquet', async () => {
    const dir = tmp();
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => BigInt(7_000_000 + i));
    const prov = Array.from({ length: n }, (_, i) => PROVINCES[i % 3]!);
    const seg = Array.from({ length: n }, (_, i) => SEGMENTS[(i >> 2) % 2]!);
    const pq = write(join(dir, 'extract.parquet'), [
      { name: 'participant_id', data: ids, type: 'INT64' },
      { name: 'province', data: prov, type: 'STRING' },
      { name: 'segment', data: seg, type: 'STRING' },
      { name: 'period', data: Array.from({ length: n }, () => '2024-06'), type: 'STRING' },
      { name: 'nama', data: Array.from({ length: n }, (_, i) => `peserta ${i}`), type: 'STRING' },
    ], 700);
    const csv = join(dir, 'extract.csv');
    writeFileSync(csv, 'participant_id,province,segment,period,nama\n' + ids.map((id, i) => `${id},${prov[i]},${seg[i]},2024-06,peserta ${i}`).join('\n') + '\n');
    const args = ['--extract', '--by', 'province,segment', '-f', 'csv'];
    const fromPq = await run(['coverage', pq, ...args]);
    const fromCsv = await run(['coverage', csv, ...args]);
    expect(fromPq.code, fromPq.stderr).toBe(0);
    expect(fromPq.stdout).toBe(fromCsv.stdout);
    // Hand counts: Aceh has the rows i % 3 = 0, 1,667 of them.
    expect(fromPq.stdout).toMatch(/\n11,Aceh,Total,\d+,1667,/);
    const json = JSON.parse((await run(['coverage', pq, '--extract', '-f', 'json'])).stdout);
    expect(json.meta.inputs[0]).toMatchObject({ name: pq, format: 'parquet', rows: n, sheet: null });
    const v = await run(['validate', pq, '--extract', '-f', 'csv']);
    expect(v.code, v.stderr).toBe(0);
    expect(csvRows(v.stdout)[0]).toMatchObject({ file: pq, status: 'ok', format: 'parquet', rows: String(n), unused_columns: 'nama' });
  });

  it('an aggregated regional table: read as counts, like a regional CSV; a key twice is refused at its row', async () => {
    const dir = tmp();
    const cols = (participants: number[], provinces = ['Aceh', 'Gorontalo', 'Bali']): ColumnSource[] => [
      { name: 'province', data: provinces, type: 'STRING' },
      { name: 'period', data: provinces.map(() => '2024-06'), type: 'STRING' },
      { name: 'potential_workers', data: provinces.map(() => 100_000), type: 'INT32' },
      { name: 'participants', data: participants, type: 'INT64' },
    ];
    const pq = write(join(dir, 'agg.parquet'), cols([60_000, 40_000, 55_000]).map((c) => (c.name === 'participants' ? { ...c, data: (c.data as number[]).map(BigInt) } : c)));
    const r = await run(['coverage', pq, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('75,Gorontalo,100000,40000,0.4,60000');
    const twice = write(join(dir, 'twice.parquet'), cols([1, 2, 3], ['Aceh', 'Bali', 'Aceh']).map((c) => (c.name === 'participants' ? { ...c, data: (c.data as number[]).map(BigInt) } : c)));
    const bad = await run(['coverage', twice, '-f', 'csv']);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`${twice}:row 3: error: duplicate row for Aceh / 2024-06`);
  });

  it('a problem is placed at its row and column; Indonesian words with --lang id', async () => {
    const dir = tmp();
    const pq = write(join(dir, 'bad.parquet'), [
      { name: 'participant_id', data: [1n, 2n, 3n], type: 'INT64' },
      { name: 'province', data: ['Aceh', 'Gorontalo', 'Atlantis'], type: 'STRING' },
    ]);
    const r = await run(['validate', pq, '--extract']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${pq}:row 3 (province): error: unknown province "Atlantis"`);
    const id = await run(['validate', pq, '--extract', '--lang', 'id']);
    expect(id.stderr).toContain(`${pq}:row 3 (province): error: provinsi "Atlantis" tidak dikenal`);
  });

  it('from standard input, recognised by its first bytes', async () => {
    const dir = tmp();
    const pq = write(join(dir, 'in.parquet'), [
      { name: 'participant_id', data: [1n, 2n, 3n], type: 'INT64' },
      { name: 'province', data: ['Aceh', 'Aceh', 'Bali'], type: 'STRING' },
    ]);
    const r = await run(['coverage', '-', '--extract', '-f', 'csv'], { input: readFileSync(pq) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\n11,Aceh,\d+,2,/);
  });
});
