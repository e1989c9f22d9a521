// The xlsx rows reader on workbooks written here: with write-excel-file (what the tool writes reports
// with) and with exceljs (which can also write formulas with saved results, error values, dates and
// several sheets, as office workbooks have them).
import ExcelJS from 'exceljs';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { ProblemList, type Diagnostic } from '../../src/errors.js';
import type { Cell, CellPlace, ReaderFacts } from '../../src/io/row-sink.js';
import { columnLetters, readXlsxRows, xlsxCellName, type XlsxReadOptions } from '../../src/io/readers/xlsx.js';

const KNOWN = new Set(['province', 'regency', 'segment', 'period', 'participants', 'workforce', 'employed', 'target', 'provinsi', 'peserta']);
const isKnownColumn = (name: string) => KNOWN.has(name.trim().toLowerCase());

interface Read {
  facts: ReaderFacts;
  columns: { name: string; index: number; place: CellPlace }[];
  rows: { line: number; cells: Cell[]; places: CellPlace[] }[];
  blank: number[];
  problems: Diagnostic[];
}

async function read(bytes: Uint8Array, options: Partial<XlsxReadOptions> = {}, file = 'data.xlsx'): Promise<Read> {
  const out: Read = { facts: { format: 'xlsx' }, columns: [], rows: [], blank: [], problems: [] };
  const problems = new ProblemList(1000);
  out.facts = await readXlsxRows(
    bytes,
    file,
    { isKnownColumn, ...options },
    {
      column: (name, index, place) => out.columns.push({ name, index, place }),
      row: (cells, line, places) => out.rows.push({ line, cells: cells as Cell[], places: places as CellPlace[] }),
      blank: (line) => out.blank.push(line),
    },
    problems,
  );
  out.problems = problems.list();
  return out;
}

async function excel(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type WefData = Parameters<typeof writeXlsxFile>[0];
async function wef(data: unknown, options?: unknown): Promise<Uint8Array> {
  const write = writeXlsxFile as unknown as (d: unknown, o?: unknown) => { toBuffer(): Promise<Uint8Array> };
  return new Uint8Array(await write(data as WefData, options).toBuffer());
}

const at = (line: number, column: number): CellPlace => ({ line, column });
const names = (r: Read) => r.columns.map((c) => c.name);
const cells = (r: Read) => r.rows.map((x) => x.cells);
const problem = (r: Read) => r.problems.map((d) => `${d.file}${d.line !== undefined ? `:${d.line}:${d.column}` : ''} ${d.message}`);

/** An office-style sheet: a title, a note, a blank row, then the header on row 4. */
function officeSheet(ws: ExcelJS.Worksheet): void {
  ws.getCell('A1').value = 'Laporan Kepesertaan Juni 2024';
  ws.getCell('A2').value = 'Sumber: Kanwil Sulawesi Maluku';
  ws.getRow(4).values = ['province', 'regency', 'participants', 'workforce'];
  ws.getRow(5).values = ['Gorontalo', 'Kab. Boalemo', 12345, 20000];
  ws.getRow(7).values = ['Gorontalo', 'Kota Gorontalo', 45678, 70000];
}

describe('readXlsxRows: header row, sheets', () => {
  it('finds the header below a title and blank rows; rows above it are not data', async () => {
    const r = await read(await excel((wb) => officeSheet(wb.addWorksheet('Sheet1'))));
    expect(r.problems).toEqual([]);
    expect(r.facts).toEqual({ format: 'xlsx', sheet: 'Sheet1', headerRow: 4 });
    expect(r.columns).toEqual([
      { name: 'province', index: 0, place: at(4, 1) },
      { name: 'regency', index: 1, place: at(4, 2) },
      { name: 'participants', index: 2, place: at(4, 3) },
      { name: 'workforce', index: 3, place: at(4, 4) },
    ]);
    expect(r.rows).toEqual([
      { line: 5, cells: ['Gorontalo', 'Kab. Boalemo', 12345, 20000], places: [at(5, 1), at(5, 2), at(5, 3), at(5, 4)] },
      { line: 7, cells: ['Gorontalo', 'Kota Gorontalo', 45678, 70000], places: [at(7, 1), at(7, 2), at(7, 3), at(7, 4)] },
    ]);
    expect(r.blank).toEqual([6]);
  });

  it('without two known names in the first 30 rows, the first non-empty row is the header', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('x');
      ws.getRow(3).values = ['kode', 'nama', 'jumlah'];
      ws.getRow(4).values = ['75', 'Gorontalo', 1];
    });
    const r = await read(bytes);
    expect(r.facts.headerRow).toBe(3);
    expect(names(r)).toEqual(['kode', 'nama', 'jumlah']);
    expect(cells(r)).toEqual([['75', 'Gorontalo', 1]]);
  });

  it('looks for the header in the first 30 rows only', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('x');
      ws.getCell('A1').value = 'title';
      ws.getRow(31).values = ['province', 'participants'];
      ws.getRow(32).values = ['Aceh', 1];
    });
    const r = await read(bytes);
    expect(r.facts.headerRow).toBe(1);
    expect((await read(bytes, { headerRow: 31 })).rows).toEqual([{ line: 32, cells: ['Aceh', 1], places: [at(32, 1), at(32, 2)] }]);
  });

  it('--header-row: the given row, even when another row looks like a header', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('x');
      ws.getRow(1).values = ['province', 'participants'];
      ws.getRow(2).values = ['provinsi', 'peserta'];
      ws.getRow(3).values = ['Aceh', 5];
    });
    const r = await read(bytes, { headerRow: 2 });
    expect(r.facts.headerRow).toBe(2);
    expect(names(r)).toEqual(['provinsi', 'peserta']);
    expect(cells(r)).toEqual([['Aceh', 5]]);
    expect(r.blank).toEqual([]);
  });

  it('--header-row on an empty row or beyond the sheet is an error naming the cell', async () => {
    const bytes = await excel((wb) => officeSheet(wb.addWorksheet('Data Juni')));
    expect(problem(await read(bytes, { headerRow: 3 }))).toEqual([`data.xlsx:'Data Juni'!A3 row 3 of sheet "Data Juni" is empty: it cannot be the header row`]);
    expect(problem(await read(bytes, { headerRow: 99 }))).toEqual([`data.xlsx:'Data Juni'!A99 row 99 of sheet "Data Juni" is beyond its last row (7): it cannot be the header row`]);
  });

  it('reads the first sheet, or --sheet by name (exact, else ignoring case); an unknown name lists the sheets', async () => {
    const bytes = await excel((wb) => {
      wb.addWorksheet('Ringkasan').getRow(1).values = ['province', 'target'];
      wb.getWorksheet('Ringkasan')!.getRow(2).values = ['Aceh', 1];
      officeSheet(wb.addWorksheet('Data Juni'));
      wb.addWorksheet('meta').getCell('A1').value = 'key';
    });
    expect((await read(bytes)).facts).toEqual({ format: 'xlsx', sheet: 'Ringkasan', headerRow: 1 });
    const juni = await read(bytes, { sheet: 'data juni' });
    expect(juni.facts).toEqual({ format: 'xlsx', sheet: 'Data Juni', headerRow: 4 });
    expect(juni.rows).toHaveLength(2);
    const unknown = await read(bytes, { sheet: 'Juli' });
    expect(unknown.problems).toMatchObject([
      { file: 'data.xlsx', message: `no sheet named "Juli"; the workbook's sheets: "Ringkasan", "Data Juni", "meta"`, hint: 'e.g. --sheet Ringkasan' },
    ]);
    expect(unknown.columns).toEqual([]);
  });

  it('an empty sheet is an error that names the other sheets', async () => {
    const bytes = await excel((wb) => {
      wb.addWorksheet('kosong');
      wb.addWorksheet('data').getCell('A1').value = 'x';
    });
    expect((await read(bytes)).problems).toMatchObject([{ file: 'data.xlsx', message: 'sheet "kosong" is empty', hint: `the workbook's sheets: "kosong", "data"; choose one with --sheet` }]);
  });
});

describe('readXlsxRows: cells', () => {
  it('numbers as numbers, text as written, booleans, empty cells as null', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('x');
      ws.getRow(1).values = ['province', 'participants', 'coverage', 'active', 'note'];
      ws.getRow(2).values = ['  Gorontalo ', 256129, 0.6056, true, null];
      ws.getRow(3).values = ['Aceh', -3, 1e15, false, '256.129'];
      ws.getCell('E2').value = null;
    });
    const r = await read(bytes);
    expect(r.problems).toEqual([]);
    expect(cells(r)).toEqual([
      ['  Gorontalo ', 256129, 0.6056, true, null],
      ['Aceh', -3, 1e15, false, '256.129'],
    ]);
  });

  it('dates as YYYY-MM-DD (with the time of day when there is one), in both date systems', async () => {
    for (const date1904 of [false, true]) {
      const bytes = await excel((wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet('x');
        ws.getRow(1).values = ['period', 'updated'];
        ws.getRow(2).values = [new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 5, 30, 13, 45, 10))];
        ws.getRow(3).values = [new Date(Date.UTC(1999, 11, 31)), new Date(Date.UTC(2024, 1, 29))];
      });
      const r = await read(bytes);
      expect(r.problems).toEqual([]);
      expect(cells(r)).toEqual([
        ['2024-06-01', '2024-06-30T13:45:10'],
        ['1999-12-31', '2024-02-29'],
      ]);
    }
  });

  it('formulas give their saved results', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('x');
      ws.getRow(1).values = ['province', 'participants', 'workforce', 'coverage', 'label'];
      ws.getRow(2).values = ['Gorontalo', 256129, 422934];
      ws.getCell('D2').value = { formula: 'B2/C2', result: 0.6056 };
      ws.getCell('E2').value = { formula: 'A2&" (75)"', result: 'Gorontalo (75)' };
      ws.getRow(3).values = ['Aceh', 1, 2];
      ws.getCell('D3').value = { sharedFormula: 'D2', result: 0.5 };
      ws.getCell('E3').value = { formula: 'A3=A3', result: true };
    });
    const r = await read(bytes);
    expect(r.problems).toEqual([]);
    expect(cells(r)).toEqual([
      ['Gorontalo', 256129, 422934, 0.6056, 'Gorontalo (75)'],
      ['Aceh', 1, 2, 0.5, true],
    ]);
  });

  it('an error cell is a diagnostic naming the cell (read-excel-file alone would read it as empty)', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('Data Juni');
      ws.getCell('A1').value = { error: '#REF!' }; // above the header: not data
      ws.getRow(2).values = ['province', 'participants', 'workforce'];
      ws.getRow(3).values = ['Gorontalo', 256129];
      ws.getCell('C3').value = { error: '#N/A' };
      ws.getRow(4).values = ['Aceh'];
      ws.getCell('B4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('C9').value = { formula: 'X1', result: { error: '#NAME?' } };
    });
    const r = await read(bytes, { headerRow: 2 }, 'juni.xlsx');
    expect(problem(r)).toEqual([
      `juni.xlsx:'Data Juni'!C3 the cell holds the error value #N/A`,
      `juni.xlsx:'Data Juni'!B4 the cell holds the error value #DIV/0!`,
      `juni.xlsx:'Data Juni'!C9 the cell holds the error value #NAME?`,
    ]);
    expect(r.problems.every((d) => d.line === undefined && d.column === undefined && d.hint)).toBe(true);
    expect(r.rows.map((x) => [x.line, x.cells])).toEqual([
      [3, ['Gorontalo', 256129, null]],
      [4, ['Aceh', null, null]],
      [9, [null, null, null]],
    ]);
    expect(r.blank).toEqual([5, 6, 7, 8]);
  });

  it('a formula without a saved result is a diagnostic, not an empty cell', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getRow(1).values = ['province', 'participants'];
      ws.getCell('A2').value = 'Aceh';
      ws.getCell('B2').value = { formula: 'SUM(C2:C9)' };
    });
    expect(problem(await read(bytes))).toEqual(['data.xlsx:Sheet1!B2 a formula without a saved result (the cell would read as empty)']);
  });

  it('a column with values but no name is an error; unnamed empty columns (spacers, trailing) are ignored', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getRow(1).values = [null, 'province', null, 'participants', null, 'workforce'];
      ws.getRow(2).values = [null, 'Aceh', null, 1, 'stray', 10];
      ws.getRow(3).values = [null, 'Bali', null, 2, null, 20];
      ws.getCell('H3').value = null;
    });
    const r = await read(bytes);
    expect(r.columns).toEqual([
      { name: 'province', index: 0, place: at(1, 2) },
      { name: 'participants', index: 1, place: at(1, 4) },
      { name: 'workforce', index: 2, place: at(1, 6) },
    ]);
    expect(r.rows).toEqual([
      { line: 2, cells: ['Aceh', 1, 10], places: [at(2, 2), at(2, 4), at(2, 6)] },
      { line: 3, cells: ['Bali', 2, 20], places: [at(3, 2), at(3, 4), at(3, 6)] },
    ]);
    expect(r.problems).toEqual([
      {
        file: 'data.xlsx:Sheet1!E1',
        message: 'column E has values (first at E2) but no name in the header row (row 1)',
        hint: 'write the column\'s name in E1, or delete the column; or give the header row with --header-row',
        id: { message: 'kolom E berisi nilai (pertama di E2) tetapi tidak bernama di baris judul (baris 1)', hint: 'tulis nama kolom itu di E1, atau hapus kolomnya; atau tentukan baris judul dengan --header-row' },
      },
    ]);
  });

  it('header names are passed as written; built-in JavaScript names are ordinary columns', async () => {
    // Written with exceljs: write-excel-file 4.1.1 keys its shared strings by a plain object, and
    // writes a text cell "__proto__" or "constructor" as a broken reference.
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getRow(1).values = ['__proto__', 'constructor', ' Province ', 2024];
      ws.getRow(2).values = ['PU', 'toString', 'Aceh', 5];
    });
    const r = await read(bytes);
    expect(names(r)).toEqual(['__proto__', 'constructor', ' Province ', '2024']);
    expect(cells(r)).toEqual([['PU', 'toString', 'Aceh', 5]]);
  });
});

describe("readXlsxRows: the tool's own workbooks", () => {
  it('reads back a report laid out as render/xlsx.ts writes it: header, rows, a bold total row; the meta sheet is not read', async () => {
    const bold = { fontWeight: 'bold' };
    const header = ['province', 'participants', 'workforce', 'coverage'].map((value) => ({ value, ...bold }));
    const row = (p: string, a: number, w: number, extra = {}) => [
      { value: p, type: String, ...extra },
      { value: a, type: Number, format: '#,##0', ...extra },
      { value: w, type: Number, format: '#,##0', ...extra },
      { value: a / w, type: Number, format: '0.00%', ...extra },
    ];
    const bytes = await wef(
      [
        { sheet: 'coverage', data: [header, row('Gorontalo', 256129, 422934), row('Aceh', 1000, 4000), row('Total', 257129, 426934, bold)], stickyRowsCount: 1 },
        { sheet: 'meta', data: [[{ value: 'key', ...bold }, { value: 'value', ...bold }], [{ value: 'schemaVersion', type: String }, { value: '1', type: String }]] },
      ],
    );
    const r = await read(bytes, {}, 'out/2024-06.xlsx');
    expect(r.problems).toEqual([]);
    expect(r.facts).toEqual({ format: 'xlsx', sheet: 'coverage', headerRow: 1 });
    expect(names(r)).toEqual(['province', 'participants', 'workforce', 'coverage']);
    expect(cells(r)).toEqual([
      ['Gorontalo', 256129, 422934, 256129 / 422934],
      ['Aceh', 1000, 4000, 0.25],
      ['Total', 257129, 426934, 257129 / 426934],
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4]);
  });
});

describe('readXlsxRows: files that are not workbooks', () => {
  it('refuses empty files, .xls, other files and damaged archives, with no throw', async () => {
    const msg = async (bytes: Uint8Array) => (await read(bytes)).problems.map((d) => d.message);
    expect(await msg(new Uint8Array())).toEqual(['the file is empty']);
    expect(await msg(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual([
      'this is an old-style Excel workbook (.xls) or a password-protected one, not an .xlsx workbook',
    ]);
    expect(await msg(new TextEncoder().encode('province,participants\nAceh,1\n'))).toEqual(['this is not an .xlsx workbook (it is not a zip archive)']);
    const good = await wef([['province', 'participants'], ['Aceh', 1]]);
    const [cut] = await msg(good.slice(0, Math.floor(good.length / 2)));
    expect(cut).toMatch(/^the workbook cannot be read: /);
    const { zipSync, strToU8 } = await import('fflate');
    expect(await msg(zipSync({ 'hello.txt': strToU8('hi') }))).toEqual(['the workbook cannot be read: it has no xl/workbook.xml part']);
  });
});

describe('xlsxCellName', () => {
  it('names cells as Excel does, quoting sheet names that need it', () => {
    expect(xlsxCellName('Sheet1', 7, 2)).toBe('Sheet1!B7');
    expect(xlsxCellName('Data Juni', 7, 2)).toBe("'Data Juni'!B7");
    expect(xlsxCellName("O'Brien data", 1, 1)).toBe("'O''Brien data'!A1");
    expect(xlsxCellName('2024', 1, 1)).toBe("'2024'!A1");
    expect(xlsxCellName('AB12', 1, 1)).toBe("'AB12'!A1");
    expect(xlsxCellName('R1C1', 1, 1)).toBe("'R1C1'!A1");
    expect(xlsxCellName('data-juni', 1, 1)).toBe("'data-juni'!A1");
    expect(xlsxCellName('Cakupan_2024.06', 3, 28)).toBe('Cakupan_2024.06!AB3');
    expect(xlsxCellName('Peserta', 1_048_576, 16_384)).toBe('Peserta!XFD1048576');
  });

  it('column letters: 1 → A, 26 → Z, 27 → AA, 702 → ZZ, 703 → AAA', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
