// The xlsx reader on workbooks as offices make them (written here from their XML): hidden sheets, merged
// cells, every kind of cell value, odd but valid XML, damaged archives; and the reader's streaming (it
// reads a file in ranges and never asks for the whole of it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/facts.js';
import { ProblemList, type Diagnostic } from '../../src/errors.js';
import type { Cell, CellPlace, ReaderFacts } from '../../src/io/row-sink.js';
import { bytesSource, fileSource, type ByteSource } from '../../src/io/readers/byte-source.js';
import { readXlsxRows, type XlsxReadOptions } from '../../src/io/readers/xlsx.js';
import { noteText } from '../../src/report/vocabulary.js';
import { esc, rawWorkbook, row, DATE_STYLES } from './xlsx-workbook.js';

const KNOWN = new Set(['province', 'regency', 'period', 'participants', 'workforce', 'provinsi', 'peserta']);
const isKnownColumn = (name: string) => KNOWN.has(name.trim().toLowerCase());

interface Read {
  facts: ReaderFacts;
  columns: string[];
  rows: { line: number; cells: Cell[]; places: CellPlace[] }[];
  blank: number[];
  problems: Diagnostic[];
  notes: Note[];
}

async function read(input: Uint8Array | ByteSource, options: Partial<XlsxReadOptions> = {}, file = 'data.xlsx'): Promise<Read> {
  const out: Read = { facts: { format: 'xlsx' }, columns: [], rows: [], blank: [], problems: [], notes: [] };
  const problems = new ProblemList(1000);
  out.facts = await readXlsxRows(
    input,
    file,
    { isKnownColumn, onNote: (n) => out.notes.push(n), ...options },
    {
      column: (name) => out.columns.push(name),
      row: (cells, line, places) => out.rows.push({ line, cells: cells as Cell[], places: places as CellPlace[] }),
      blank: (line) => out.blank.push(line),
    },
    problems,
  );
  out.problems = problems.list();
  return out;
}

const messages = (r: Read) => r.problems.map((d) => `${d.file} ${d.message}`);
const cells = (r: Read) => r.rows.map((x) => x.cells);
const HEADER = row(1, ['province', 'participants', 'workforce']);

describe('which sheet is read', () => {
  const book = rawWorkbook({
    sheets: [
      { name: 'Mei', state: 'hidden', rows: HEADER + row(2, ['Aceh', 1, 10]) },
      { name: 'Arsip', state: 'veryHidden', rows: HEADER + row(2, ['Aceh', 2, 10]) },
      { name: 'Juni', rows: HEADER + row(2, ['Aceh', 3, 10]) },
      { name: 'Catatan', rows: row(1, ['sumber: cabang']) },
    ],
  });

  it('the first visible sheet, not a hidden (or very hidden) first sheet; a note says which, of how many, and which are hidden', async () => {
    const r = await read(book);
    expect(r.facts).toEqual({ format: 'xlsx', sheet: 'Juni', headerRow: 1 });
    expect(cells(r)).toEqual([['Aceh', 3, 10]]);
    expect(r.notes).toEqual([{ code: 'sheet-read', file: 'data.xlsx', sheet: 'Juni', sheets: 4, hidden: ['Mei', 'Arsip'], chosen: false }]);
    expect(noteText(r.notes[0]!, 'en')).toBe('data.xlsx: read sheet "Juni" (of 4; hidden: "Mei", "Arsip"); choose another with --sheet');
    expect(noteText(r.notes[0]!, 'id')).toBe('data.xlsx: membaca lembar "Juni" (dari 4; tersembunyi: "Mei", "Arsip"); pilih lembar lain dengan --sheet');
  });

  it('a hidden sheet when --sheet names it (any case), and the note says so without suggesting --sheet', async () => {
    const r = await read(book, { sheet: 'mei' });
    expect(r.facts.sheet).toBe('Mei');
    expect(cells(r)).toEqual([['Aceh', 1, 10]]);
    expect(noteText(r.notes[0]!, 'en')).toBe('data.xlsx: read sheet "Mei" (of 4; hidden: "Mei", "Arsip")');
    expect((await read(book, { sheet: 'Arsip' })).rows[0]!.cells).toEqual(['Aceh', 2, 10]);
  });

  it('an unknown --sheet lists the sheets, the hidden ones marked, and suggests a visible one', async () => {
    const r = await read(book, { sheet: 'Juli' });
    expect(r.problems).toMatchObject([{ message: `no sheet named "Juli"; the workbook's sheets: "Mei" (hidden), "Arsip" (hidden), "Juni", "Catatan"`, hint: 'e.g. --sheet Juni' }]);
    expect(r.problems[0]!.id?.message).toBe(`tidak ada lembar bernama "Juli"; lembar di buku kerja: "Mei" (tersembunyi), "Arsip" (tersembunyi), "Juni", "Catatan"`);
  });

  it('one sheet: no note; every sheet hidden (Excel does not allow it, scripts do): the first', async () => {
    expect((await read(rawWorkbook({ sheets: [{ name: 'Data', rows: HEADER + row(2, ['Aceh', 3, 10]) }] }))).notes).toEqual([]);
    const allHidden = rawWorkbook({ sheets: [{ name: 'A', state: 'hidden', rows: HEADER + row(2, ['Aceh', 3, 10]) }, { name: 'B', state: 'hidden', rows: HEADER }] });
    expect((await read(allHidden)).facts.sheet).toBe('A');
  });
});

describe('merged cells', () => {
  // A province written once over its regencies, as Excel users do; C (participants) per row.
  const sheet = (merges: string[], rows?: string) =>
    rawWorkbook({
      sheets: [
        {
          name: 'Data',
          rows:
            row(1, ['Laporan Juni']) +
            row(3, ['province', 'regency', 'participants', 'workforce']) +
            (rows ??
              row(4, ['Gorontalo', 'Kab. Boalemo', 10, 100]) +
                row(5, [null, 'Kab. Gorontalo', 20, 200]) +
                row(6, [null, 'Kota Gorontalo', 30, 300]) +
                row(7, ['Aceh', 'Kab. Aceh Besar', 40, 400]) +
                row(8, [null, 'Kota Banda Aceh', 50, 500])),
          merges,
        },
      ],
    });

  it('a key merged down a column is filled from its top cell, placed there, and named in a note', async () => {
    const r = await read(sheet(['A1:D1', 'A4:A6', 'A7:A8']));
    expect(r.problems).toEqual([]);
    expect(cells(r)).toEqual([
      ['Gorontalo', 'Kab. Boalemo', 10, 100],
      ['Gorontalo', 'Kab. Gorontalo', 20, 200],
      ['Gorontalo', 'Kota Gorontalo', 30, 300],
      ['Aceh', 'Kab. Aceh Besar', 40, 400],
      ['Aceh', 'Kota Banda Aceh', 50, 500],
    ]);
    // The filled cells are placed at the merge's top cell (where a wrong name must be corrected).
    expect(r.rows[1]!.places[0]).toEqual({ line: 4, column: 1 });
    expect(r.rows[1]!.places[1]).toEqual({ line: 5, column: 2 });
    // rv21 E: the title row above the header is named too
    expect(r.notes).toEqual([{ code: 'merged-filled', file: 'data.xlsx', sheet: 'Data', ranges: ['A4:A6', 'A7:A8'] }, { code: 'rows-above-header', file: 'data.xlsx', sheet: 'Data', header: 3, rows: [{ row: 1, text: 'Laporan Juni' }], more: 0 }]);
    expect(noteText(r.notes[0]!, 'en')).toBe('data.xlsx: merged key cells filled down from their top cell (sheet "Data"): A4:A6, A7:A8');
  });

  it('without the merge the same sheet has empty provinces (nothing is guessed)', async () => {
    const r = await read(sheet([]));
    expect(cells(r)[1]).toEqual([null, 'Kab. Gorontalo', 20, 200]);
    expect(r.notes).toEqual([{ code: 'rows-above-header', file: 'data.xlsx', sheet: 'Data', header: 3, rows: [{ row: 1, text: 'Laporan Juni' }], more: 0 }]); // rv21 E: only the title row above the header
  });

  it('a cell of its own inside a merge keeps its value; blank rows inside a merge stay blank', async () => {
    const r = await read(sheet(['A4:A8'], row(4, ['Gorontalo', 'Kab. Boalemo', 10, 100]) + row(5, ['Aceh', 'x', 1, 1]) + row(7, [null, 'y', 2, 2])));
    expect(cells(r)).toEqual([
      ['Gorontalo', 'Kab. Boalemo', 10, 100],
      ['Aceh', 'x', 1, 1],
      ['Gorontalo', 'y', 2, 2],
    ]);
    expect(r.blank).toEqual([6]);
  });

  it('a merged measure (one count over several rows or columns) is refused, naming the cells, with a hint', async () => {
    const r = await read(sheet(['C4:C6']));
    expect(r.problems).toEqual([
      {
        file: 'data.xlsx:Data!C4',
        message: 'cells C4:C6 are merged over rows 4–6, in the measure column "participants": one number written over several cells belongs to none of them alone',
        hint: "unmerge C4:C6 (Home › Merge & Center › Unmerge Cells) and write each row's own number; merged key cells (province, regency…) are fine: they are filled down",
        id: {
          message: 'sel C4:C6 digabung melintasi baris 4–6, di kolom ukuran "participants": satu angka yang ditulis melintasi beberapa sel bukan milik salah satunya saja',
          hint: 'pisahkan C4:C6 (Home › Merge & Center › Unmerge Cells) lalu tulis angka setiap baris; sel kunci yang digabung (provinsi, kabupaten…) tidak masalah: nilainya diisi ke bawah',
        },
      },
    ]);
    expect(messages(await read(sheet(['C4:D4'])))).toEqual(['data.xlsx:Data!C4 cells C4:D4 are merged over columns C–D, in the measure column "workforce": one number written over several cells belongs to none of them alone']);
    // A measure cell merged across a column that is not a measure is one number in one row: fine.
    expect((await read(sheet(['D7:E7']))).problems).toEqual([]);
  });

  it('the caller says what a column is (a --basis column is a measure; an unknown text column is not filled)', async () => {
    const book = rawWorkbook({ sheets: [{ name: 'S', rows: row(1, ['province', 'bobot', 'catatan']) + row(2, ['Aceh', 5, 'a']) + row(3, ['Bali', null, null]), merges: ['B2:B3', 'C2:C3'] }] });
    const r = await read(book, { columnKind: (n) => (n === 'bobot' ? 'measure' : n === 'province' ? 'key' : 'other') });
    expect(messages(r)).toEqual(['data.xlsx:S!B2 cells B2:B3 are merged over rows 2–3, in the measure column "bobot": one number written over several cells belongs to none of them alone']);
    expect(cells(r)[1]).toEqual(['Bali', null, null]);
  });

  it('merges at or above the header are not data; a horizontal merge of keys is not filled across', async () => {
    const r = await read(sheet(['A3:A4', 'A7:B7'], row(4, ['Gorontalo', 'Kab. Boalemo', 10, 100]) + row(5, ['Gorontalo', null, 20, 200]) + row(7, ['Aceh', null, 40, 400])));
    expect(r.problems).toEqual([]);
    expect(cells(r)).toEqual([
      ['Gorontalo', 'Kab. Boalemo', 10, 100],
      ['Gorontalo', null, 20, 200],
      ['Aceh', null, 40, 400],
    ]);
    expect(r.notes).toEqual([{ code: 'rows-above-header', file: 'data.xlsx', sheet: 'Data', header: 3, rows: [{ row: 1, text: 'Laporan Juni' }], more: 0 }]); // rv21 E: only the title row above the header
  });

  it('the word mergeCell inside a cell is text, not a merge', async () => {
    const r = await read(sheet([], row(4, ['Gorontalo', '<mergeCell ref="A4:A5"/>', 10, 100]) + row(5, [null, 'Kab. Gorontalo', 20, 200])));
    expect(cells(r)).toEqual([
      ['Gorontalo', '<mergeCell ref="A4:A5"/>', 10, 100],
      [null, 'Kab. Gorontalo', 20, 200],
    ]);
  });
});

describe('cells of every kind', () => {
  it('shared strings (rich text runs joined, phonetic runs left out, _xHHHH_ escapes, entities), inline strings, CDATA', async () => {
    const book = rawWorkbook({
      sharedXml: [
        '<si><t>province</t></si>',
        '<si><t>participants</t></si>',
        '<si><r><rPr><b/></rPr><t>Goron</t></r><r><t xml:space="preserve">talo </t></r><rPh sb="0" eb="1"><t>ゴロンタロ</t></rPh></si>',
        '<si><t>Line_x000D_break &amp; &#x41;&#66;</t></si>',
        '<si><t>literal _x005F_x0041_</t></si>',
        '<si><t/></si>',
      ].join(''),
      sheets: [
        {
          name: 'S',
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1</v></c></row>' +
            '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>2</v></c></row>' +
            '<row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4"><v>3</v></c></row>' +
            '<row r="5"><c r="A5" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c><c r="B5"><v>4</v></c></row>' +
            '<row r="6"><c r="A6" t="inlineStr"><is><r><t>Ba</t></r><r><t>li</t></r></is></c><c r="B6" t="s"><v>5</v></c></row>',
        },
      ],
    });
    const r = await read(book);
    expect(r.problems).toEqual([]);
    expect(cells(r)).toEqual([
      ['Gorontalo ', 1],
      ['Line\rbreak & AB', 2],
      ['literal _x0041_', 3],
      ['a < b & c', 4],
      ['Bali', null],
    ]);
  });

  it('numbers, booleans, formula results (number, text, boolean), ISO dates (t="d"), dates by style in both date systems; a percent stays a number', async () => {
    for (const date1904 of [false, true]) {
      const serial = (y: number, m: number, d: number, frac = 0) => (Date.UTC(y, m - 1, d) / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0) + frac).toString();
      const book = rawWorkbook({
        date1904,
        sheets: [
          {
            name: 'S',
            rows:
              row(1, ['province', 'a', 'b', 'c', 'd']) +
              `<row r="2"><c r="A2" t="inlineStr"><is><t>Aceh</t></is></c><c r="B2"><v>-1.5E3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" s="1"><v>${serial(2024, 6, 30)}</v></c><c r="E2" s="2"><v>0.6056</v></c></row>` +
              `<row r="3"><c r="A3" t="str"><f>A2&amp;"!"</f><v>Aceh!</v></c><c r="B3"><f>1+1</f><v>2</v></c><c r="C3" t="b"><f>TRUE()</f><v>0</v></c><c r="D3" t="d"><v>2024-06-30T13:45:10</v></c><c r="E3" s="1"><v>${serial(2024, 2, 29, 0.5)}</v></c></row>` +
              `<row r="4"><c r="A4" t="str"><f>""</f><v></v></c><c r="B4" t="n"><v>  42 </v></c><c r="C4" t="d"><v>2024-06-30</v></c><c r="D4" t="d"><v>2024-06-30T20:00:00-07:00</v></c></row>`,
          },
        ],
      });
      const r = await read(book);
      expect(r.problems).toEqual([]);
      expect(cells(r)).toEqual([
        ['Aceh', -1500, true, '2024-06-30', 0.6056],
        ['Aceh!', 2, false, '2024-06-30T13:45:10', '2024-02-29T12:00:00'],
        [null, 42, '2024-06-30', '2024-07-01T03:00:00', null],
      ]);
    }
  });

  it('custom number formats: dates by their codes, numbers (grouping, percent, currency) not', async () => {
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[$-421]mmmm\\ yyyy"/><numFmt numFmtId="166" formatCode="#,##0.00&quot; jiwa&quot;"/><numFmt numFmtId="167" formatCode="0.0%"/><numFmt numFmtId="168" formatCode="[h]:mm:ss"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="3"/></cellXfs></styleSheet>`;
    const c = (col: string, s: number) => `<c r="${col}2" s="${s}"><v>45473</v></c>`;
    const book = rawWorkbook({ styles, sheets: [{ name: 'S', rows: row(1, ['a', 'b', 'c', 'd', 'e', 'f']) + `<row r="2">${c('A', 1)}${c('B', 2)}${c('C', 3)}${c('D', 4)}${c('E', 5)}${c('F', 6)}</row>` }] });
    expect(cells(await read(book))).toEqual([['2024-06-30', '2024-06-30', 45473, 45473, '2024-06-30', 45473]]);
  });

  it('error values and formulas without a result are problems naming the cell; so are cells that cannot be read', async () => {
    const book = rawWorkbook({
      shared: ['province', 'participants'],
      sheets: [
        {
          name: 'Data Juni',
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
            '<row r="3"><c r="A3" t="str"><f>X1</f></c><c r="B3" t="b"><v>maybe</v></c></row>' +
            '<row r="4"><c r="A4" t="zz"><v>1</v></c><c r="B4"><v>12abc</v></c></row>',
        },
      ],
    });
    expect(messages(await read(book))).toEqual([
      `data.xlsx:'Data Juni'!A2 the cell refers to shared text "7", which the workbook does not have`,
      `data.xlsx:'Data Juni'!B2 the cell holds the error value #DIV/0!`,
      `data.xlsx:'Data Juni'!A3 a formula without a saved result (the cell would read as empty)`,
      `data.xlsx:'Data Juni'!B3 a cell of a kind that cannot be read`,
      `data.xlsx:'Data Juni'!A4 a cell of a kind that cannot be read`,
      `data.xlsx:'Data Juni'!B4 a cell of a kind that cannot be read`,
    ]);
  });

  it('namespace prefixes, cells and rows without a reference, comments, a stored (uncompressed) archive', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by a script --><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>province</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>participants</x:t></x:is></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>Aceh</x:t></x:is></x:c><!-- a comment --><x:c><x:v>5</x:v></x:c></x:row><x:row r="5"><x:c r="B5"><x:v>6</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:A5"/></x:mergeCells></x:worksheet>`;
    const r = await read(rawWorkbook({ stored: true, sheets: [{ name: 'S', rows: doc }] }));
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.cells])).toEqual([
      [2, ['Aceh', 5]],
      [5, ['Aceh', 6]],
    ]);
    expect(r.blank).toEqual([3, 4]);
  });
});

describe('damaged workbooks and sheets', () => {
  const good = () => rawWorkbook({ sheets: [{ name: 'S', rows: HEADER + row(2, ['Aceh', 1, 10]) }] });

  it('rows or cells out of order, beyond Excel limits, or a sheet cut short: the sheet cannot be read (never a wrong cell)', async () => {
    const bad = async (rows: string) => messages(await read(rawWorkbook({ sheets: [{ name: 'S', rows }] })));
    expect(await bad(HEADER + row(3, ['Aceh', 1, 10]) + row(2, ['Bali', 1, 10]))).toEqual(['data.xlsx sheet "S" cannot be read: row 2 comes after row 3']);
    expect(await bad(HEADER + '<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>')).toEqual(['data.xlsx sheet "S" cannot be read: in row 2, a cell of column 1 after one of column 2']);
    expect(await bad(HEADER + '<row r="2"><c r="XFE2"><v>1</v></c></row>')).toEqual(["data.xlsx sheet \"S\" cannot be read: a cell in column 16385, beyond Excel's 16,384 columns"]);
    expect(await bad(HEADER + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).toEqual(["data.xlsx sheet \"S\" cannot be read: a row numbered 1048577, beyond Excel's 1,048,576 rows"]);
    expect(await bad(HEADER + '<row r="2"><c r="A3"><v>1</v></c></row>')).toEqual(['data.xlsx sheet "S" cannot be read: cell A3 inside row 2']);
    const cut = `<?xml version="1.0"?><worksheet><sheetData>${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>Aceh`;
    expect(await bad(cut)).toEqual(['data.xlsx sheet "S" cannot be read: its XML ends before its rows do (the sheet is cut short)']);
    expect(await bad(`<?xml version="1.0"?><worksheet><sheetData>${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>Aceh</t></is></c><c`)).toEqual(['data.xlsx sheet "S" cannot be read: the XML ends inside a tag']);
  });

  it('a part that inflates to other than its stated size, a missing sheet part, an encrypted entry', async () => {
    const bytes = good();
    // The central directory's size of the sheet part, made smaller than what it inflates to.
    const lying = new Uint8Array(bytes);
    const name = strToU8('xl/worksheets/sheet1.xml');
    for (let i = 0; i < lying.length - 46; i++) {
      if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 1 && lying[i + 3] === 2 && name.every((b, k) => lying[i + 46 + k] === b)) {
        lying[i + 24] = 10;
        lying[i + 25] = lying[i + 26] = lying[i + 27] = 0;
      }
    }
    expect(messages(await read(lying))).toEqual([expect.stringMatching(/^data\.xlsx the workbook cannot be read: the zip archive is damaged \(the part xl\/worksheets\/sheet1\.xml inflates to more than its stated 10 bytes\)$/)]);
    const noSheet = zipSync({ 'xl/workbook.xml': strToU8(`<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`) });
    expect(messages(await read(noSheet))).toEqual(['data.xlsx sheet "S" cannot be read: it is not a worksheet (a chart sheet, or its part is not named)']);
  });
});

describe('streaming: the workbook is read in ranges', () => {
  it('from a file, never more than a megabyte at a time, each byte about once (twice for the sheet: its merges first)', async () => {
    let data = HEADER;
    for (let r = 2; r <= 20_001; r++) data += row(r, [`P${r % 38}`, r, 1000 + (r % 7)]);
    const bytes = rawWorkbook({ stored: true, sheets: [{ name: 'S', rows: data }] });
    expect(bytes.length).toBeGreaterThan(2 << 20);
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    writeFileSync(join(dir, 'big.xlsx'), bytes);
    const file = await fileSource(join(dir, 'big.xlsx'));
    let largest = 0;
    let total = 0;
    const counted: ByteSource = {
      size: file.size,
      read: (offset, length) => {
        largest = Math.max(largest, length);
        total += length;
        return file.read(offset, length);
      },
    };
    const r = await read(counted);
    await file.close();
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(20_000);
    expect(r.rows[19_999]).toEqual({ line: 20_001, cells: ['P13', 20_001, 1000 + (20_001 % 7)], places: [{ line: 20_001, column: 1 }, { line: 20_001, column: 2 }, { line: 20_001, column: 3 }] });
    expect(largest).toBeLessThanOrEqual(1 << 20);
    expect(total).toBeLessThan(bytes.length * 2.3);
    // The same from bytes in memory.
    expect((await read(bytesSource(bytes))).rows).toHaveLength(20_000);
  });

  it('a value of more than 32 MiB in one cell (no Excel cell holds one) is refused in our words', async () => {
    const huge = 'x'.repeat(33 * 2 ** 20);
    const r = await read(rawWorkbook({ stored: true, sheets: [{ name: 'S', rows: HEADER + row(2, [huge, 1, 1]) }] }));
    expect(messages(r)).toEqual(['data.xlsx sheet "S" cannot be read: a single value or tag of more than 32 MiB']);
  });
});

describe('entities in names', () => {
  it('a sheet name with XML entities and _xHHHH_ escapes reads as Excel shows it', async () => {
    const book = rawWorkbook({ sheets: [{ name: 'Data & <Juni>', rows: HEADER + row(2, ['Aceh', 1, 1]) }] });
    expect((await read(book)).facts.sheet).toBe('Data & <Juni>');
    expect(esc('a&b')).toBe('a&amp;b');
    expect(DATE_STYLES).toContain('numFmtId="14"');
  });
});
