// An employer extract (npp): an employer may have several rows (by regency, by segment), but the same row
// twice — a repeated export — was added up twice without a word (E1 10 + E2 5 + E1 10 = 25 participants
// where there are 15). Refused with both places, in one file, across the files of a run, on standard
// input, in JSON and in Parquet; a file given twice is said once as such. Found by a review.
import { rmSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string | Uint8Array): string => writeIn(dir, name, text);

const REPEATED = 'npp,province,participants\nE1,Gorontalo,10\nE2,Gorontalo,5\nE1,Gorontalo,10\n';
const HINT = "hint: remove the repeated rows (a repeated export, or a join that repeats rows); an employer's rows must differ in some column (regency, segment, period…)";

describe('the same employer row twice', () => {
  it('in one file: refused, both lines named; on standard input too', async () => {
    const file = f('emp.csv', REPEATED);
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:4: error: employer "E1": the same row twice (first at line 2): its participants would be counted twice`);
    expect(r.stderr).toContain(HINT);
    const s = await run(['coverage', '-', '-f', 'csv'], { input: REPEATED });
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('<stdin>:4: error: employer "E1": the same row twice (first at line 2)');
  });

  it('across two files of a run: refused, naming the first file; a file given twice is said once', async () => {
    const a = f('a.csv', 'npp,province,participants\nE1,Gorontalo,10\nE2,Gorontalo,5\n');
    const b = f('b.csv', 'npp,province,participants\nE3,Gorontalo,7\nE1,Gorontalo,10\n');
    const r = await run(['coverage', a, b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${b}:3: error: employer "E1": the same row twice (first at ${a}:2)`);
    const twice = await run(['coverage', a, a, '-f', 'csv']);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain('the same file given twice');
    expect(twice.stderr).not.toContain('the same row twice');
  });

  it('in JSON and in Parquet', async () => {
    const json = f('emp.json', JSON.stringify([{ npp: 'E1', province: 'Gorontalo', participants: 10 }, { npp: 'E2', province: 'Gorontalo', participants: 5 }, { npp: 'E1', province: 'Gorontalo', participants: 10 }]));
    const j = await run(['coverage', json, '-f', 'csv']);
    expect(j.code).toBe(3);
    expect(j.stderr).toContain('employer "E1": the same row twice');
    const pq = f('emp.parquet', new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'npp', data: ['E1', 'E2', 'E1'], type: 'STRING' },
      { name: 'province', data: ['Gorontalo', 'Gorontalo', 'Gorontalo'], type: 'STRING' },
      { name: 'participants', data: [10, 5, 10], type: 'INT32' },
    ] })));
    const p = await run(['coverage', pq, '-f', 'csv']);
    expect(p.code).toBe(3);
    expect(p.stderr).toContain(`${pq}:row 3: error: employer "E1": the same row twice (first at ${pq}:row 1)`);
  });

  it('an employer with rows that differ (by regency) is added up: 10 + 5', async () => {
    const file = f('regencies.csv', 'npp,province,regency,participants\nE1,Gorontalo,Boalemo,10\nE1,Gorontalo,Pohuwato,5\n');
    const r = await run(['coverage', file, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')).toMatchObject({ participants: '15' });
  });
});
