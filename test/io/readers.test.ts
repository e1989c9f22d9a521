// The registry of input formats (src/io/readers/index.ts): every format named has a reader; a format is
// told by its name's ending, else by its first bytes; and every reader hands the same table to the sink,
// with places, through the one signature.
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { formatOf, INPUT_FORMATS, READERS, readerOf, type InputFormat, type ReaderInput } from '../../src/io/readers/index.js';
import type { Cell, CellPlace, RowSink } from '../../src/io/row-sink.js';

function input(bytes: Buffer, name: string): ReaderInput {
  const rest = (async function* () {})();
  const wants = { dims: [], measures: new Map([['participants', 'count' as const]]), segmentParts: false, percents: false, periodKind: 'period' as const };
  return { name, first: bytes, rest, options: {}, isKnownColumn: (h) => ['province', 'participants'].includes(h.toLowerCase()), wants, rule: 'refuse', onSheet: () => undefined, onColumns: () => undefined };
}

async function read(format: InputFormat, bytes: Buffer): Promise<{ columns: string[]; rows: { cells: (Cell | undefined)[]; line: number; places: (CellPlace | undefined)[] }[]; problems: number }> {
  const columns: string[] = [];
  const rows: { cells: (Cell | undefined)[]; line: number; places: (CellPlace | undefined)[] }[] = [];
  const sink: RowSink = {
    column: (name, index) => (columns[index] = name),
    row: (cells, line, places) => rows.push({ cells: [...cells], line, places: places.map((p) => (p ? { ...p } : p)) }),
  };
  const problems = new ProblemList(10);
  await (await readerOf(format))(input(bytes, `t.${format}`), sink, problems);
  return { columns, rows, problems: problems.size };
}

describe('the registry of input formats', () => {
  it('has a reader for every format it names, loaded on first use', async () => {
    expect(Object.keys(READERS).sort()).toEqual([...INPUT_FORMATS].sort());
    for (const f of INPUT_FORMATS) expect(typeof (await readerOf(f))).toBe('function');
  });

  it('tells a format by the name, else by the first bytes', () => {
    const text = Buffer.from('province,participants\n');
    expect(formatOf('a.CSV', text)).toBe('csv');
    expect(formatOf('a.tsv', text)).toBe('csv');
    expect(formatOf('a.json', text)).toBe('json');
    expect(formatOf('a.xlsx', text)).toBe('xlsx');
    expect(formatOf('-', Buffer.from('\uFEFF  [{"a": 1}]'))).toBe('json');
    expect(formatOf('-', Buffer.from('{"rows": []}'))).toBe('json');
    expect(formatOf('data', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(formatOf('-', text)).toBe('csv');
  });

  it('every reader hands the same table to the sink, each cell with its place', async () => {
    const csv = await read('csv', Buffer.from('province,participants\nGorontalo,256129\nAceh,12\n'));
    const json = await read('json', Buffer.from('[{"province": "Gorontalo", "participants": 256129},\n {"province": "Aceh", "participants": 12}]'));
    const xlsx = await read(
      'xlsx',
      await writeXlsxFile([
        [{ value: 'province' }, { value: 'participants' }],
        [{ value: 'Gorontalo' }, { value: 256129 }],
        [{ value: 'Aceh' }, { value: 12 }],
      ]).toBuffer(),
    );
    for (const r of [csv, json, xlsx]) {
      expect(r.problems).toBe(0);
      expect(r.columns).toEqual(['province', 'participants']);
      expect(r.rows.map((x) => x.cells.map(String))).toEqual([
        ['Gorontalo', '256129'],
        ['Aceh', '12'],
      ]);
      for (const row of r.rows) for (const p of row.places) expect(p?.line).toBeGreaterThan(0);
    }
    expect(csv.rows.map((x) => x.places.map((p) => `${p!.line}:${p!.column}`))).toEqual([['2:1', '2:11'], ['3:1', '3:6']]);
  });
});
