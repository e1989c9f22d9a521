// Review rv35 D2 (main 8c2fc30): counts per key read with --extract (docs/warehouse.md: a participants
// column, no ids) with one key written twice with different counts — a corrected count added below the
// old one, a re-export appended to the old file — were added up without a word (Gorontalo PU 100 + 7 =
// 107), in every form, while the same row twice was refused: a GROUP BY writes each key once either way.
// Keys in two files (the parts of one export) and keys told apart by a finer column are still added up.
// Every expected figure is worked out by hand from the small files below.
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { CountRows } from '../../src/io/count-rows.js';
import { loadTable } from '../../src/io/load.js';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string | Uint8Array): string => writeIn(dir, name, text);

// Gorontalo PU at lines 2 (100) and 4 (7): refused; summed, they would make PU 107 and Gorontalo 157.
const ROWS: [string, string, string, number][] = [
  ['Gorontalo', 'PU', '2024-06', 100],
  ['Gorontalo', 'BPU', '2024-06', 50],
  ['Gorontalo', 'PU', '2024-06', 7],
];
const CSV = `province,segment,period,participants\n${ROWS.map((r) => r.join(',')).join('\n')}\n`;

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['province', 'segment', 'period', 'participants']);
  for (const r of ROWS) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function parquet(): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: [
    { name: 'province', data: ROWS.map((r) => r[0]), type: 'STRING' },
    { name: 'segment', data: ROWS.map((r) => r[1]), type: 'STRING' },
    { name: 'period', data: ROWS.map((r) => r[2]), type: 'STRING' },
    { name: 'participants', data: ROWS.map((r) => BigInt(r[3])), type: 'INT64' },
  ] }));
}

const EN = 'Gorontalo / PU / 2024-06 twice';
const WHY = 'counts per key have each key once (a GROUP BY cannot write one twice), so the two rows would be added up';

describe('rv35 D2: a key twice with different counts in one counts file', () => {
  it.each([
    ['CSV', 'k.csv', async () => CSV, 'k.csv:4:22', 'line 2'],
    // A JSON array on one line: its rows are placed by column.
    ['a JSON array', 'k.json', async () => JSON.stringify(ROWS.map(([province, segment, period, participants]) => ({ province, segment, period, participants }))), 'k.json:1:231', 'line 1'],
    ['JSON lines', 'k.jsonl', async () => ROWS.map(([province, segment, period, participants]) => JSON.stringify({ province, segment, period, participants })).join('\n') + '\n', 'k.jsonl:3:74', 'line 1'],
    ['a workbook', 'k.xlsx', xlsx, 'k.xlsx:Data!D4', `${dir}/k.xlsx:Data!A2`],
    ['Parquet', 'k.parquet', async () => parquet(), 'k.parquet:row 3 (participants)', `${dir}/k.parquet:row 1`],
  ])('%s: refused at the second row, naming the first, exit 3, nothing written (was: PU 107)', async (_form, name, make, place, first) => {
    const file = f(name, await make());
    const out = `${dir}/never-${name}.csv`;
    const r = await run(['coverage', file, '--extract', '--by', 'province,segment', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${dir}/${place}: error: ${EN} (first at ${first}: participants 100; here: participants 7): ${WHY}`);
    expect(r.stderr).toContain('hint: keep the row with the right count and remove the other');
    const id = await run(['validate', file, '--extract', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('Gorontalo / PU / 2024-06 dua kali');
    expect(id.stderr).toContain('sehingga kedua baris akan dijumlahkan');
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });

  it('the byte engine leaves counts to the general path, which refuses them (loadTable, fastExtract always)', async () => {
    const path = f('k-engine.csv', CSV);
    const routes: string[] = [];
    const err = await loadTable([path], { dims: ['province', 'segment'], measures: new Map([['participants', 'count']]), rule: 'sum' }, { maxErrors: 5, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri', fastExtract: 'always', onRoute: (_f, r) => routes.push(r) }).then(
      () => undefined,
      (e: unknown) => e as { diagnostics: { line?: number; column?: number; message: string }[] },
    );
    expect(routes).toEqual(['general']);
    expect(err?.diagnostics).toHaveLength(1);
    expect(err?.diagnostics[0]).toMatchObject({ line: 4, column: 22, message: expect.stringContaining(EN) });
  });

  it('still added up: a key in two files (the parts of one export), and keys told apart by a finer column', async () => {
    const a = f('part-1.csv', 'province,segment,period,participants\nGorontalo,PU,2024-06,100\n');
    const b = f('part-2.csv', 'province,segment,period,participants\nGorontalo,PU,2024-06,7\nGorontalo,BPU,2024-06,50\n');
    const r = await run(['coverage', a, b, '--extract', '--by', 'province,segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['segment'] === 'PU')?.['participants']).toBe('107');
    // By regency, reported by province: 100 + 7 + 50 = 157.
    const g = f('by-regency.csv', 'province,regency,segment,period,participants\nGorontalo,Kota Gorontalo,PU,2024-06,100\nGorontalo,Kabupaten Gorontalo,PU,2024-06,7\nGorontalo,Kota Gorontalo,BPU,2024-06,50\n');
    const s = await run(['coverage', g, '--extract', '-f', 'csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(csvRows(s.stdout).find((x) => x['province'] === 'Gorontalo')?.['participants']).toBe('157');
  });

  it('the same row in two files is refused, a file given twice said once, a refused file compared with nothing', async () => {
    const a = f('again-1.csv', 'province,segment,period,participants\nGorontalo,PU,2024-06,100\n');
    const b = f('again-2.csv', 'segment,province,period,participants\nBPU,Gorontalo,2024-06,50\nPU,Gorontalo,2024-06,100\n');
    const r = await run(['coverage', a, b, '--extract', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${b}:3: error: the same row twice (first at ${a}:2)`);
    const bad = f('bad.csv', 'province,segment,period,participants\nGorontalo,PU,2024-06,100.5\n');
    const t = await run(['coverage', bad, a, '--extract', '-f', 'csv']);
    expect(t.code).toBe(3);
    expect(t.stderr).not.toContain('the same row twice');
  });
});

describe('CountRows', () => {
  it('compares keys by their bytes, chains a key across sources, takes a refused source back', () => {
    const c = new CountRows();
    for (let i = 0; i < 5000; i++) expect(c.add(0, i + 2, `k${i}\u0001é`, String(i))).toBeUndefined();
    expect(c.add(0, 9000, 'k42\u0001é', '1')).toEqual({ first: 42, sameCounts: false });
    expect(c.add(0, 9001, 'k42\u0001é', '42')).toEqual({ first: 42, sameCounts: true });
    expect(c.line(42)).toBe(44);
    expect(c.counts(42)).toBe('42');
    // Another source: the key is added (chained), the same counts are a repeated row.
    expect(c.add(1, 2, 'k42\u0001é', '42')).toBeUndefined();
    expect(c.repeatOf(5000)).toBe(42);
    expect(c.add(1, 3, 'k43\u0001é', '1')).toBeUndefined();
    expect(c.repeatOf(5001)).toBe(-1);
    c.truncate(5000);
    expect(c.count).toBe(5000);
    // Source 1 taken back: its keys are the first source's again, found past the marks.
    expect(c.add(2, 2, 'k42\u0001é', '42')).toBeUndefined();
    expect(c.repeatOf(5000)).toBe(42);
    expect(c.add(2, 3, 'k43\u0001é', '9')).toBeUndefined();
    expect(c.repeatOf(5001)).toBe(-1);
    expect(c.add(2, 4, 'k43\u0001é', '9')).toEqual({ first: 5001, sameCounts: true });
  });

  it('answers as a Map of the texts does, over random rows, sources and files taken back', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const c = new CountRows();
    // The reference: per key, its rows (source, line, counts), newest last.
    let rows: { src: number; line: number; key: string; counts: string }[] = [];
    for (let src = 0; src < 40; src++) {
      const before = c.count;
      const kept = rows.length;
      for (let line = 2; line < 2 + rnd(300); line++) {
        const key = `p${rnd(30)}\u0001s${rnd(4)}\u0001ü${rnd(3)}`;
        const counts = String(rnd(3));
        const own = rows.findLast((r) => r.src === src && r.key === key);
        const hit = c.add(src, line, key, counts);
        if (own) {
          expect(hit).toBeDefined();
          expect(c.line(hit!.first)).toBe(own.line);
          expect(hit!.sameCounts).toBe(own.counts === counts);
          continue;
        }
        expect(hit).toBeUndefined();
        const repeat = rows.findLast((r) => r.key === key && r.counts === counts);
        const r = c.repeatOf(c.count - 1);
        if (repeat) expect([c.src(r), c.line(r)]).toEqual([repeat.src, repeat.line]);
        else expect(r).toBe(-1);
        rows.push({ src, line, key, counts });
      }
      // Every fifth file refused: its rows taken back.
      if (src % 5 === 4) {
        c.truncate(before);
        rows = rows.slice(0, kept);
      }
      expect(c.count).toBe(rows.length);
    }
  });
});
