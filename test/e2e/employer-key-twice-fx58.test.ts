// fx58: an employer extract (npp, docs/warehouse.md) with one employer's key written twice with different
// counts — a corrected row added below the old one, a re-export appended to the old file — was added up
// without a word (E001 Gorontalo PU 100 + 7 = 107), in every form, while the same row twice was refused.
// Refused now as counts files are (rv35 D2, fx56: the same store, the same problem), naming the employer.
// Keys in two files (the parts of one export) and an employer's rows told apart by another column are
// still added up. Every expected figure is worked out by hand from the small files below.
import { existsSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string | Uint8Array): string => writeIn(dir, name, text);

// E001 Gorontalo PU at lines 2 (100) and 4 (7): refused; summed, they would make PU 107 and Gorontalo 157.
const ROWS: [string, string, string, string, number][] = [
  ['E001', 'Gorontalo', 'PU', '2024-06', 100],
  ['E002', 'Gorontalo', 'BPU', '2024-06', 50],
  ['E001', 'Gorontalo', 'PU', '2024-06', 7],
];
const HEAD = ['npp', 'province', 'segment', 'period', 'participants'];
const CSV = `${HEAD.join(',')}\n${ROWS.map((r) => r.join(',')).join('\n')}\n`;
const objects = (): Record<string, string | number>[] => ROWS.map(([npp, province, segment, period, participants]) => ({ npp, province, segment, period, participants }));

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(HEAD);
  for (const r of ROWS) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function parquet(): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: [
    ...HEAD.slice(0, 4).map((name, c) => ({ name, data: ROWS.map((r) => r[c] as string), type: 'STRING' as const })),
    { name: 'participants', data: ROWS.map((r) => BigInt(r[4])), type: 'INT64' },
  ] }));
}

const EN = 'employer "E001": Gorontalo / PU / 2024-06 twice';
const WHY = "an employer extract has each employer's row of a key once, so the two rows would be added up";

describe('fx58: an employer key twice with different counts in one employer extract', () => {
  it.each([
    ['CSV', 'e.csv', async () => CSV, 'e.csv:4:27', 'line 2'],
    ['a JSON array', 'e.json', async () => JSON.stringify(objects()), 'e.json:1:', 'line 1'],
    ['JSON lines', 'e.jsonl', async () => objects().map((o) => JSON.stringify(o)).join('\n') + '\n', 'e.jsonl:3:', 'line 1'],
    ['a workbook', 'e.xlsx', xlsx, 'e.xlsx:Data!E4', `${dir}/e.xlsx:Data!A2`],
    ['Parquet', 'e.parquet', async () => parquet(), 'e.parquet:row 3 (participants)', `${dir}/e.parquet:row 1`],
  ])('%s: refused at the second row, naming the employer and the first, exit 3, nothing written (was: PU 107)', async (_form, name, make, place, first) => {
    const file = f(name, await make());
    const out = `${dir}/never-${name}.csv`;
    const r = await run(['coverage', file, '--by', 'province,segment', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${dir}/${place}`);
    expect(r.stderr).toContain(`error: ${EN} (first at ${first}: participants 100; here: participants 7): ${WHY}`);
    expect(r.stderr).toContain('hint: keep the row with the right count and remove the other');
    expect(existsSync(out)).toBe(false);
    const id = await run(['validate', file, '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('pemberi kerja "E001": Gorontalo / PU / 2024-06 dua kali');
    expect(id.stderr).toContain('sehingga kedua baris akan dijumlahkan');
  });

  it('an employer with no other key column: its employer alone is named', async () => {
    const file = f('only.csv', 'npp,participants\nE1,10\nE1,12\n');
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:3:4: error: employer "E1" twice (first at line 2: participants 10; here: participants 12)`);
  });

  it('still added up: an employer key in two files (the parts of one export), an employer\'s rows told apart by regency', async () => {
    const a = f('part-1.csv', 'npp,province,segment,period,participants\nE001,Gorontalo,PU,2024-06,100\n');
    const b = f('part-2.csv', 'npp,province,segment,period,participants\nE001,Gorontalo,PU,2024-06,7\nE002,Gorontalo,BPU,2024-06,50\n');
    const r = await run(['coverage', a, b, '--by', 'province,segment', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['segment'] === 'PU')?.['participants']).toBe('107');
    // By regency, reported by province: 100 + 7 + 50 = 157.
    const g = f('by-regency.csv', 'npp,province,regency,segment,period,participants\nE001,Gorontalo,Kota Gorontalo,PU,2024-06,100\nE001,Gorontalo,Kabupaten Gorontalo,PU,2024-06,7\nE002,Gorontalo,Kota Gorontalo,BPU,2024-06,50\n');
    const s = await run(['coverage', g, '-f', 'csv', '-q']);
    expect(s.code, s.stderr).toBe(0);
    expect(csvRows(s.stdout).find((x) => x['province'] === 'Gorontalo')?.['participants']).toBe('157');
  });

  it('the same row in two files, columns in another order: refused naming the employer (the employer is found in the key)', async () => {
    const a = f('again-1.csv', 'npp,province,segment,period,participants\nE001,Gorontalo,PU,2024-06,100\n');
    const b = f('again-2.csv', 'segment,province,period,participants,npp\nBPU,Gorontalo,2024-06,50,E002\nPU,Gorontalo,2024-06,100,E001\n');
    const r = await run(['coverage', a, b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${b}:3: error: employer "E001": the same row twice (first at ${a}:2)`);
  });
});
