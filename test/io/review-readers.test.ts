// Found by a review of the input readers (issue 20: F7 hidden rows of a workbook, F8 JSON totals and JSON
// lines, F9 the words of some refusals) and fixed after it: each test failed on main at 4a16cdb. Inputs
// are written here; expected figures are counted by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { run, tmp } from '../e2e/helpers.js';
import { rawWorkbook, row } from './xlsx-workbook.js';

function file(name: string, content: string | Uint8Array): string {
  const f = join(tmp(), name);
  writeFileSync(f, content);
  return f;
}

type WriteOptions = Omit<Parameters<typeof parquetWriteBuffer>[0], 'columnData'>;

describe('F9: the words of a refusal say what is wrong, and where', () => {
  it('a workbook number beyond 2^53 − 1 is shown as stored (the text of its <v>) and called too large', async () => {
    const book = rawWorkbook({ sheets: [{ name: 'Data', rows: row(1, ['period', 'province', 'workforce', 'participants']) + `<row r="2"><c r="A2" t="inlineStr"><is><t>2024-06</t></is></c><c r="B2" t="inlineStr"><is><t>Aceh</t></is></c><c r="C2"><v>9007199254740993</v></c><c r="D2"><v>1</v></c></row>` }] });
    const r = await run(['coverage', file('big.xlsx', book), '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('big.xlsx:Data!C2: error: field "workforce": "9007199254740993" is too large: numbers are kept exactly up to 9,007,199,254,740,991 (2^53 − 1)');
    const id = await run(['coverage', file('big.xlsx', book), '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('"9007199254740993" terlalu besar');
  });

  it('a Parquet DECIMAL(38,0) beyond 2^53 − 1 is shown with its digits and called too large; a whole DECIMAL(18,2) is read', async () => {
    const schema = [
      { name: 'root', num_children: 4 },
      { name: 'period', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'province', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'workforce', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', scale: 0, precision: 38, repetition_type: 'OPTIONAL' },
      { name: 'participants', type: 'INT64', converted_type: 'DECIMAL', scale: 2, precision: 18, repetition_type: 'OPTIONAL' },
    ] as WriteOptions['schema'];
    const write = (workforce: bigint): Uint8Array =>
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'period', data: ['2024-06', '2024-06'] },
            { name: 'province', data: ['Aceh', 'Bali'] },
            { name: 'workforce', data: [workforce, 1000n] },
            { name: 'participants', data: [400, 250] }, // stored as 40000 and 25000, scale 2
          ],
          schema,
        }),
      );
    const bad = await run(['coverage', file('dec.parquet', write(12345678901234567890n)), '-f', 'csv']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('dec.parquet:row 1 (workforce): error: field "workforce": "12345678901234567890" is too large');
    const good = await run(['coverage', file('dec.parquet', write(5000n)), '-f', 'csv']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(',Total,6000,650,'); // 5000 + 1000; 400 + 250
  });

  it('a duplicate in a Parquet file is placed at a row, not a line', async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'participant_id', data: ['P1', 'P2', 'P1'], type: 'STRING' },
        { name: 'province', data: ['Aceh', 'Aceh', 'Aceh'], type: 'STRING' },
        { name: 'period', data: ['2024-06', '2024-06', '2024-06'], type: 'STRING' },
      ],
    });
    const r = await run(['coverage', file('ids.parquet', new Uint8Array(bytes)), '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ids.parquet:row 3 (participant_id): error: participant P1 appears twice in 2024-06 (first at row 1)');
    const regional = parquetWriteBuffer({
      columnData: [
        { name: 'period', data: ['2024-06', '2024-06'], type: 'STRING' },
        { name: 'province', data: ['Aceh', 'Aceh'], type: 'STRING' },
        { name: 'workforce', data: [10, 10], type: 'INT32' },
        { name: 'participants', data: [1, 1], type: 'INT32' },
      ],
    });
    const d = await run(['coverage', file('dup.parquet', new Uint8Array(regional)), '-f', 'csv']);
    expect(d.stderr).toContain('dup.parquet:row 2: error: duplicate row for 2024-06 / Aceh (first at row 1)');
  });

  it('a sum past 2^53 − 1 names the file and the row where it passed', async () => {
    const f = file('d1.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,9007199254740991,4503599627370496\n2024-06,Aceh,3000,1200\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:3: error: the sum of workforce passes 9,007,199,254,740,991 (2^53 − 1) when this row is added`);
  });
});
