// Workbooks as inputs: an office workbook with a title above its header, --sheet, cell places in
// messages, the template workbook (validated counts) filled in and read back, and the tool's own xlsx
// report read back as targets.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

async function officeWorkbook(file: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data Juni');
  ws.getCell('A1').value = 'Laporan Cakupan BPJS Ketenagakerjaan Gorontalo, Juni 2024';
  ws.addRow([]);
  ws.getRow(3).values = ['Provinsi', 'Kabupaten/Kota', 'Periode', 'Potensi Pekerja', 'Peserta Aktif'];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  wb.addWorksheet('Catatan').getCell('A1').value = 'sumber: laporan cabang';
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

const GORONTALO: (string | number)[][] = [
  ['Gorontalo', 'Kab. Boalemo', '2024-06', 42810, 24410],
  ['Gorontalo', 'Kab. Gorontalo', '2024-06', 121605, 71650],
  ['Gorontalo', 'Kota Gorontalo', '2024-06', 120210, 81873],
];

describe('xlsx input', () => {
  it('an office workbook: the header found below a title, numbers as numbers, the sheet and header row in meta', async () => {
    const dir = tmp();
    const f = join(dir, 'gorontalo.xlsx');
    await officeWorkbook(f, GORONTALO);
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows.map((x: { regency: string; participants: number; denominator: number }) => [x.regency, x.participants, x.denominator])).toEqual([
      ['Kabupaten Boalemo', 24410, 42810],
      ['Kabupaten Gorontalo', 71650, 121605],
      ['Kota Gorontalo', 81873, 120210],
    ]);
    expect(doc.meta.inputs[0]).toMatchObject({ format: 'xlsx', sheet: 'Data Juni' });
  });

  it('a problem is placed as file:Sheet!Cell; --sheet chooses another sheet, an unknown one is named', async () => {
    const dir = tmp();
    const f = join(dir, 'bad.xlsx');
    await officeWorkbook(f, [...GORONTALO, ['Gorontalo', 'Kab. Bolemo', '2024-06', 100, 50]]);
    const bad = await run(['validate', f]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`${f}:'Data Juni'!B7: error:`);
    expect(bad.stderr).toMatch(/Boalemo/);
    const other = await run(['validate', f, '--sheet', 'Sheet9']);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('"Data Juni", "Catatan"');
  });

  it('--header-row for a CSV with a title line above its header', async () => {
    const dir = tmp();
    const f = join(dir, 'titled.csv');
    writeFileSync(f, 'Laporan Juni 2024\nprovince,period,workforce,participants\nGorontalo,2024-06,1000,600\n');
    expect((await run(['validate', f])).code).toBe(3);
    const r = await run(['validate', f, '--header-row', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]!['rows']).toBe('1');
  });

  it('template -o x.xlsx: counts validated as whole numbers ≥ 0; filled in, it is read back and split', async () => {
    const dir = tmp();
    const f = join(dir, 'gorontalo.xlsx');
    expect((await run(['template', '--province', 'Gorontalo', '--period', '2024-06', '-o', f])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'province_code', 'province', 'regency', 'period', 'workforce', 'participants']);
    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell('F7').dataValidation).toMatchObject({ type: 'whole' });
    const regencies = [2, 3, 4, 5, 6, 7].map((r) => String(ws.getCell(`C${r}`).value));
    expect(regencies).toEqual(['Kabupaten Gorontalo', 'Kabupaten Boalemo', 'Kabupaten Bone Bolango', 'Kabupaten Pohuwato', 'Kabupaten Gorontalo Utara', 'Kota Gorontalo']);
    // Filled in, as an office would.
    [121605, 42810, 52337, 45260, 40712, 120210].forEach((w, i) => {
      ws.getCell(`E${i + 2}`).value = w;
      ws.getCell(`F${i + 2}`).value = Math.round(w * 0.6);
    });
    writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await run(['validate', f])).code).toBe(0);
    const r = await run(['breakdown', '--target', '287599', '--input', f, '--by', 'province,regency', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.filter((x) => x['level'] === 'detail')).toHaveLength(6);
    expect(rows.find((x) => x['level'] === 'subtotal')!['target']).toBe('287599');
  });

  it("the tool's own xlsx report reads back as targets, like its CSV", async () => {
    const dir = tmp();
    expect((await run(['breakdown', '--year', '2024', '-o', join(dir, 't.xlsx'), '-o', join(dir, 't.csv')])).code).toBe(0);
    const fromXlsx = await run(['coverage', '--targets', join(dir, 't.xlsx'), '-f', 'csv']);
    const fromCsv = await run(['coverage', '--targets', join(dir, 't.csv'), '-f', 'csv']);
    expect(fromXlsx.code, fromXlsx.stderr).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
  });
});
