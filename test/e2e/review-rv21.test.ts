// Review rv21 (odd inputs and options): findings F, B, C and E. Each expected figure is written here by
// hand from the bundled data (data/figures.csv) or the file of the test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

/** A workbook of sheets, each a list of rows, written by exceljs as Excel writes it. */
async function workbook(name: string, sheets: Record<string, (string | number)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  const f = join(tmp(), name);
  writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
  return f;
}

describe('rv21 F: participants above the bundled denominator', () => {
  // data/figures.csv: Aceh employed 2,450,000 (Sakernas 2023-08), Bali 2,620,000 (2023-08), DKI Jakarta
  // 5,110,000 (2024-08, a documented exception in data/exceptions.csv).
  const counts = 'period,province,participants\n2023-08,Aceh,3000000\n2023-08,Bali,1000000\n';

  it('is refused as over a file’s own denominator: exit 3, naming the figure, its month and --allow-over-coverage', async () => {
    const d = tmp();
    const f = writeIn(d, 'oc3.csv', counts);
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: participants exceed the employed of data/baseline.csv (the input has no denominator of its own): Aceh: 3,000,000 participants (${f}:2) > 2,450,000 employed of 2023-08\n`);
    expect(r.stderr).toContain('pass --allow-over-coverage if this is real');
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain(`Aceh: 3.000.000 peserta (${f}:2) > 2.450.000 employed per 2023-08`);
    // validate refuses the same file
    expect((await run(['validate', f])).code).toBe(3);
  });

  it('under --allow-over-coverage: the report as before, and a warning that --quiet keeps', async () => {
    const d = tmp();
    const f = writeIn(d, 'oc3.csv', counts);
    const r = await run(['coverage', f, '-f', 'csv', '-q', '--allow-over-coverage', '--fields', 'province,denominator,participants,uncovered']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)).toEqual([
      { province: 'Aceh', denominator: '2450000', participants: '3000000', uncovered: '-550000', level: 'detail' },
      { province: 'Bali', denominator: '2620000', participants: '1000000', uncovered: '1620000', level: 'detail' },
      { province: 'Total', denominator: '5070000', participants: '4000000', uncovered: '1070000', level: 'total' },
    ]);
    expect(r.stderr).toContain(`warning: participants above the employed of data/baseline.csv, let through by --allow-over-coverage: Aceh: 3,000,000 participants (${f}:2) > 2,450,000 employed of 2023-08;`);
    // said once: not again in the note of rows above their denominator
    expect(r.stderr).not.toContain('note: participants above the denominator');
  });

  it('a documented exception (DKI Jakarta) stays as it was: reported, with its note', async () => {
    const d = tmp();
    const f = writeIn(d, 'dki.csv', 'period,province,participants\n2024-08,DKI Jakarta,9000000\n2024-08,Bali,1000000\n');
    const r = await run(['coverage', f, '-f', 'csv', '--fields', 'province,denominator,participants,uncovered']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]).toEqual({ province: 'DKI Jakarta', denominator: '5110000', participants: '9000000', uncovered: '-3890000', level: 'detail' });
    expect(r.stderr).toContain('note: participants above the denominator: DKI Jakarta\n');
  });

  it('a --workforce file’s figure is held to the same rule', async () => {
    const d = tmp();
    const f = writeIn(d, 'counts.csv', 'period,province,participants\n2024-06,Gorontalo,500000\n');
    const w = writeIn(d, 'wf.csv', 'period,province,workforce\n2024-06,Gorontalo,422900\n');
    const r = await run(['coverage', f, '--workforce', w, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Gorontalo: 500,000 participants (${f}:2) > 422,900 workforce of 2024-06`);
  });
});

describe('rv21 B: Papua and Papua Barat before the 2022 splits (UU 14–16/2022 from 2022-07; UU 29/2022 from 2022-12)', () => {
  it('a 2021-12 Papua row against the bundled (today’s, rump) denominator is refused, naming the split', async () => {
    const d = tmp();
    const f = writeIn(d, 'pap.csv', 'period,province,participants\n2021-12,Aceh,500000\n2021-12,Papua,300000\n');
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:3: error: Papua of 2021-12 is the province before the 2022 split (UU 14, 15, 16/2022, in force from 2022-07): today's Papua, Papua Selatan, Papua Tengah, Papua Pegunungan;`);
  });

  it('Papua Barat is the old province until 2022-11; from 2022-12 (and Papua from 2022-07) the rows pass', async () => {
    const d = tmp();
    const old = writeIn(d, 'pb.csv', 'period,province,participants\n2022-11,Papua Barat,100000\n');
    const r = await run(['coverage', old, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Papua Barat of 2022-11 is the province before the 2022 split (UU 29/2022, in force from 2022-12)');
    // 2022-12: today's Papua Barat; its bundled employed is 283,175 (data/figures.csv): 100,000 / 283,175
    const now = writeIn(d, 'pb2.csv', 'period,province,participants\n2022-12,Papua Barat,100000\n2022-07,Papua,100000\n');
    const ok = await run(['coverage', now, '-f', 'csv', '-q', '--period', '2022-12', '--fields', 'province,denominator,participants']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(csvRows(ok.stdout)[0]).toEqual({ province: 'Papua Barat', denominator: '283175', participants: '100000', level: 'detail' });
  });

  it('a change across the split is refused even with the file’s own denominators', async () => {
    const d = tmp();
    const prev = writeIn(d, 'prev.csv', 'period,province,workforce,participants\n2022-06,Papua,1800000,300000\n');
    const cur = writeIn(d, 'cur.csv', 'period,province,workforce,participants\n2023-06,Papua,940800,150000\n2023-06,Papua Tengah,800000,60000\n');
    const r = await run(['coverage', cur, '--previous', prev, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${prev}:2: error: Papua of 2022-06 is the province before the 2022 split (UU 14, 15, 16/2022, in force from 2022-07), 2023-06 is after it: a change between them is not like for like`);
    // both months before the split: compared as before (300,000 → 320,000: +20,000)
    const cur2 = writeIn(d, 'cur2.csv', 'period,province,workforce,participants\n2022-06,Papua,1800000,320000\n');
    const prev2 = writeIn(d, 'prev2.csv', 'period,province,workforce,participants\n2022-05,Papua,1800000,300000\n');
    const same = await run(['coverage', cur2, '--previous', prev2, '-f', 'csv', '--fields', 'province,change']);
    expect(same.code, same.stderr).toBe(0);
    expect(csvRows(same.stdout)[0]).toEqual({ province: 'Papua', change: '20000', level: 'detail' });
  });

  it('template --period before a split, and --expect national for such a month: a message naming the split', async () => {
    const t = await run(['template', '--period', '2021-06']);
    expect(t.code).toBe(2);
    expect(t.stdout).toBe('');
    expect(t.stderr).toContain('in 2021-06 these provinces were not yet split: Papua (UU 14, 15, 16/2022, in force from 2022-07: today\'s Papua, Papua Selatan, Papua Tengah, Papua Pegunungan) and Papua Barat (UU 29/2022, in force from 2022-12: today\'s Papua Barat, Papua Barat Daya)');
    // a province the splits did not touch: its template as before
    const aceh = await run(['template', '--province', 'Aceh', '--period', '2021-06']);
    expect(aceh.code, aceh.stderr).toBe(0);
    expect(aceh.stdout.split('\n')[1]).toBe('11,Aceh,Kabupaten Aceh Selatan,2021-06,,');
    const d = tmp();
    const f = writeIn(d, 'a.csv', 'period,province,workforce,participants\n2021-12,Aceh,1000,100\n');
    const e = await run(['coverage', f, '--expect', 'national']);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain("--expect: the bundled geography is today's; in 2021-12 these provinces were not yet split: Papua (");
  });
});

describe('rv21 C: a workbook with the data header on several sheets', () => {
  it('one sheet per province: refused (exit 3) naming the sheets, not read in part; --sheet reads one', async () => {
    const f = await workbook('x3.xlsx', { Aceh: [['province', 'workforce', 'participants'], ['Aceh', 1000, 100]], Bali: [['province', 'workforce', 'participants'], ['Bali', 2000, 300]] });
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}: error: 2 sheets have the same data columns: "Aceh", "Bali"; one sheet of a workbook is read, and the others would be left out\n`);
    expect(r.stderr).toContain('hint: read each with --sheet (e.g. --sheet Aceh)');
    expect((await run(['validate', f])).code).toBe(3);
    const bali = await run(['coverage', f, '-f', 'csv', '-q', '--sheet', 'Bali', '--fields', 'province,denominator,participants']);
    expect(bali.code, bali.stderr).toBe(0);
    expect(csvRows(bali.stdout)).toEqual([
      { province: 'Bali', denominator: '2000', participants: '300', level: 'detail' },
      { province: 'Total', denominator: '2000', participants: '300', level: 'total' },
    ]);
  });

  it('a first sheet of notes and the data on another: the error names the sheet that has the columns', async () => {
    const f = await workbook('x3b.xlsx', { Catatan: [['Laporan bulanan'], ['Sumber: BPJS Ketenagakerjaan']], Data: [['province', 'workforce', 'participants'], ['Aceh', 1000, 100]] });
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}: error: sheet "Catatan", the first, has no data columns (no row of its first 30 with two known column names); sheet "Data" has them\n  hint: pass --sheet Data\n`);
  });

  it('a summary sheet with other columns beside the data sheet is read as before (the first sheet, with its note)', async () => {
    const f = await workbook('sum.xlsx', { Data: [['province', 'workforce', 'participants'], ['Aceh', 1000, 100]], Ringkasan: [['province', 'target'], ['Aceh', 500]] });
    const r = await run(['coverage', f, '-f', 'csv', '--fields', 'province,participants']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]).toEqual({ province: 'Aceh', participants: '100', level: 'detail' });
    expect(r.stderr).toContain('read sheet "Data" (of 2)');
  });
});

describe('rv21 E: an xlsx title block above the found header', () => {
  it('is named in a note (rows and text), and a Periode line there is said not to be the file’s month', async () => {
    const f = await workbook('kv.xlsx', {
      data: [['Provinsi', 'Gorontalo'], ['Periode', '2024-06'], [], ['Kabupaten/Kota', 'Tenaga Kerja', 'Peserta Aktif'], ['Kab. Boalemo', 1000, 5], ['Kota Gorontalo', 2000, 100]],
    });
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '--fields', 'regency,participants']);
    expect(r.code, r.stderr).toBe(0);
    // 5 + 100 = 105 in all
    expect(csvRows(r.stdout).map((x) => x.participants)).toEqual(['5', '100', '105']);
    expect(r.stderr).toContain(`note: ${f}: sheet "data": header found at row 4; the rows above it are not read: 1 ("Provinsi | Gorontalo"), 2 ("Periode | 2024-06"); a month written there is not taken as the file's: add a period column or pass --period\n`);
  });
});

describe('rv23 F1: participants above the bundled formal employment are real (BPU and PMI members are not in it)', () => {
  it('coverage --denominator formal_employed: 686,023 over Kalimantan Tengah\'s formal figure is reported, not refused', async () => {
    const d = tmp();
    const f = writeIn(d, 'kt.csv', 'period,province,participants\n2023-12,Kalimantan Tengah,686023\n');
    const r = await run(['coverage', f, '--denominator', 'formal_employed', '-q', '-f', 'csv']);
    // On 3524cc4: exit 3, "participants exceed the formal_employed of data/baseline.csv". Before fx25: 105.58 %.
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['province'] === 'Kalimantan Tengah')!;
    expect(Number(row['participants'])).toBe(686023);
    expect(Number(row['coverage'])).toBeGreaterThan(1);
    // Over employed, the same file is still refused when the count exceeds it (Aceh 3,000,000 > 2,450,000).
    const over = writeIn(d, 'oc.csv', 'period,province,participants\n2023-08,Aceh,3000000\n');
    expect((await run(['coverage', over, '-q', '-f', 'csv'])).code).toBe(3);
  });
});
