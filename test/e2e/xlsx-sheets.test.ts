// Workbooks as offices keep them (issue 21): last month's data left on a hidden first sheet, a province
// written once over its regencies in merged cells, a count merged over several rows. Built with exceljs,
// as Excel writes them; the expected numbers are written here by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const HEADER = ['Provinsi', 'Kabupaten/Kota', 'Periode', 'Potensi Pekerja', 'Peserta Aktif'];

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const f = join(tmp(), name);
  writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
  return f;
}

/** May's numbers on a hidden first sheet, June's on the visible second. */
async function twoMonths(state: 'hidden' | 'veryHidden'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const mei = wb.addWorksheet('Mei', { state });
  mei.addRow(HEADER);
  mei.addRow(['Gorontalo', 'Kota Gorontalo', '2024-05', 120210, 80000]);
  const juni = wb.addWorksheet('Juni');
  juni.addRow(HEADER);
  juni.addRow(['Gorontalo', 'Kota Gorontalo', '2024-06', 120210, 81873]);
  return save(wb, `${state}.xlsx`);
}

describe('which sheet of a workbook', () => {
  for (const state of ['hidden', 'veryHidden'] as const) {
    it(`a ${state} first sheet is not read by default: the first visible one is, and the report says which`, async () => {
      const f = await twoMonths(state);
      const r = await run(['coverage', f, '--by', 'regency', '-f', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.rows.map((x: { participants: number }) => x.participants)).toEqual([81873]);
      expect(doc.meta.inputs[0]).toMatchObject({ format: 'xlsx', sheet: 'Juni' });
      const note = `${f}: read sheet "Juni" (of 2; hidden: "Mei"); choose another with --sheet`;
      expect(r.stderr).toContain(`note: ${note}\n`);
      expect(doc.meta.notes.map((n: { en: string }) => n.en)).toContain(note);
    });
  }

  it('--sheet names the hidden sheet: it is read, and said so; --lang id words the note in Indonesian', async () => {
    const f = await twoMonths('hidden');
    const r = await run(['coverage', f, '--by', 'regency', '--sheet', 'Mei', '-f', 'json', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows.map((x: { participants: number }) => x.participants)).toEqual([80000]);
    expect(doc.meta.inputs[0].sheet).toBe('Mei');
    expect(r.stderr).toContain(`note: ${f}: membaca lembar "Mei" (dari 2; tersembunyi: "Mei")\n`);
  });

  it('validate says which sheet it checked', async () => {
    const f = await twoMonths('hidden');
    const r = await run(['validate', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]).toMatchObject({ file: f, status: 'ok', format: 'xlsx', sheet: 'Juni', rows: '1' });
    const json = JSON.parse((await run(['validate', f, '-f', 'json'])).stdout);
    expect(json.meta.notes.map((n: { en: string }) => n.en)).toContain(`${f}: read sheet "Juni" (of 2; hidden: "Mei"); choose another with --sheet`);
    expect(r.stderr).toContain('read sheet "Juni" (of 2; hidden: "Mei")');
  });
});

describe('merged cells', () => {
  /** Gorontalo written once over its three regencies (A2:A4), as Excel users do. */
  async function merged(extra?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(HEADER);
    ws.addRow(['Gorontalo', 'Kab. Boalemo', '2024-06', 42810, 24410]);
    ws.addRow([null, 'Kab. Gorontalo', '2024-06', 121605, 71650]);
    ws.addRow([null, 'Kota Gorontalo', '2024-06', 120210, 81873]);
    ws.mergeCells('A2:A4');
    extra?.(ws);
    return save(wb, 'merged.xlsx');
  }

  it('a province merged over its regencies is filled down, with a note naming the range', async () => {
    const f = await merged();
    const r = await run(['coverage', f, '--by', 'province', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const gorontalo = doc.rows.find((x: { province: string }) => x.province === 'Gorontalo');
    // 24,410 + 71,650 + 81,873 and 42,810 + 121,605 + 120,210, by hand.
    expect(gorontalo).toMatchObject({ participants: 177933, denominator: 284625 });
    const note = `${f}: merged key cells filled down from their top cell (sheet "Data"): A2:A4`;
    expect(r.stderr).toContain(`note: ${note}\n`);
    expect(doc.meta.notes.map((n: { en: string }) => n.en)).toContain(note);
  });

  it('a count merged over several rows is refused, naming the cells, with a hint (exit 3, nothing written)', async () => {
    const f = await merged((ws) => ws.mergeCells('E3:E4'));
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:Data!E3: error: cells E3:E4 are merged over rows 3–4, in the measure column "Peserta Aktif"`);
    expect(r.stderr).toContain('hint: unmerge E3:E4');
  });
});
