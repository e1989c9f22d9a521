// Excel's "sep=;" first line (rv16 8a, left open until now): it names the delimiter and is skipped; it
// was taken for the header ('missing column "participants"', exit 3). Read in chunks of every size, so
// that the line's end may fall in any chunk.
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { readCsvRows, sepLine } from '../../src/io/csv-rows.js';
import type { RowSink } from '../../src/io/row-sink.js';
import { run, tmp, writeIn } from '../e2e/helpers.js';

async function* chunks(text: string, size: number): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string, size: number, headerRow?: number) {
  const columns: string[] = [];
  const rows: { line: number; cells: string[] }[] = [];
  const sink: RowSink = {
    column: (name, _i, place) => columns.push(`${name}@${place.line}:${place.column}`),
    row: (cells, line) => rows.push({ line, cells: cells.map(String) }),
  };
  const problems = new ProblemList(10);
  const facts = await readCsvRows(chunks(text, size), 'f.csv', headerRow ? { headerRow } : {}, sink, problems);
  return { columns, rows, facts, problems: problems.list().map((p) => `${p.line}:${p.column}: ${p.message}`) };
}

describe('sepLine', () => {
  it.each([
    ['sep=;\nx', { delimiter: ';', rest: 'x' }],
    ['SEP=|\r\nx', { delimiter: '|', rest: 'x' }],
    ['sep=\t\rx', { delimiter: '\t', rest: 'x' }],
    ['sep=,', { delimiter: ',', rest: '' }],
  ])('%j names its delimiter', (text, want) => expect(sepLine(text, true)).toEqual(want));
  it.each(['sep=;;\n', 'sep=x\n', 'sep=\n', 'province;sep=;\n', ' sep=;\n', 'sep'])('%j is not the line (null when all is there)', (text) => {
    expect(sepLine(text, true)).toBeNull();
  });
  it.each(['', 's', 'sep', 'sep=', 'sep=;', 'sep=;\r'])('%j: more text is needed before the end', (text) => {
    expect(sepLine(text, false)).toBeUndefined();
  });
});

describe('a CSV whose first line is sep=;', () => {
  const text = 'sep=;\r\nperiode;provinsi;peserta_aktif\r\n2024-06;Aceh;583638\r\n2024-06;"Bali; Nusa";1,5\r\n';
  for (const size of [1, 2, 5, 6, 7, 8, 64]) {
    it(`in chunks of ${size}: the header is line 2, split on ';', and the rows keep their own lines`, async () => {
      const r = await read(text, size);
      expect(r.problems).toEqual([]);
      expect(r.facts.delimiter).toBe(';');
      expect(r.columns).toEqual(['periode@2:1', 'provinsi@2:9', 'peserta_aktif@2:18']);
      expect(r.rows).toEqual([
        { line: 3, cells: ['2024-06', 'Aceh', '583638'] },
        { line: 4, cells: ['2024-06', 'Bali; Nusa', '1,5'] },
      ]);
    });
  }
  it('--header-row counts the file\'s lines, the sep line included', async () => {
    const r = await read('sep=;\nLaporan Juni\nperiode;provinsi;peserta_aktif\n2024-06;Aceh;5\n', 3, 3);
    expect(r.columns[0]).toBe('periode@3:1');
    expect(r.rows).toEqual([{ line: 4, cells: ['2024-06', 'Aceh', '5'] }]);
  });
  it('a file of the sep line alone is empty (one wording for a file with no header: rv35 D9)', async () => {
    await expect(read('sep=;\n', 4)).rejects.toThrow(/the file is empty/);
  });
});

describe('coverage and validate read it', () => {
  const d = tmp();
  // Aceh 583,638 + Bali 1,234 = 584,872 participants.
  const f = writeIn(d, 'excel.csv', 'sep=;\r\nperiode;provinsi;peserta_aktif\r\n2024-06;Aceh;583638\r\n2024-06;Bali;1234\r\n');
  it('coverage: the rows are read, and the Total is their sum', async () => {
    const r = await run(['coverage', f, '-q', '-f', 'csv']);
    expect(r.code).toBe(0);
    const total = r.stdout.split('\n').find((l) => l.includes(',Total,'))!;
    expect(total.split(',')[3]).toBe('584872');
  });
  it('a bad cell is placed at its own line of the file', async () => {
    const g = writeIn(d, 'bad.csv', 'sep=;\nperiode;provinsi;peserta_aktif\n2024-06;Aceh;x\n');
    const r = await run(['validate', g]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${g}:3:14: error: field "peserta_aktif": "x" is not a number`);
  });
  it('an extract behind a sep line counts its participant ids', async () => {
    const g = writeIn(d, 'ids.csv', 'sep=;\nperiod;province;participant_id\n2024-06;Aceh;1\n2024-06;Aceh;2\n2024-06;Bali;3\n');
    const r = await run(['coverage', g, '-q', '-f', 'csv']);
    expect(r.code).toBe(0);
    const total = r.stdout.split('\n').find((l) => l.includes(',Total,'))!;
    expect(total.split(',')[3]).toBe('3');
  });
});
