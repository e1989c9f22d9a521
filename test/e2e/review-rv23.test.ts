// Review rv23 (F2–F4, F6–F9): messages whose way out led into another refusal, or said what was not
// true; a Kanwil's denominator of 0; validate's place of the over-denominator refusal. Each case
// follows the message as a user would, and checks that the run it leads to works.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, sheets: Record<string, (string | number)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  const f = join(dir, name);
  writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
  return f;
}

const HEAD = 'province_code,province,regency,period,workforce,participants\n';
const KOTA = '75,Gorontalo,Kota Gorontalo,2024-06,60000,40000\n';

describe('rv23 F7: the blank-cell and over-coverage hints of an area row do not lead into the zero refusal', () => {
  it("a regency's blank workforce: the hint asks for its figure (0 is refused there), and leaving the row out works", async () => {
    const bl = writeIn(dir, 'bl.csv', `${HEAD}75,Gorontalo,Kabupaten Boalemo,2024-06,,24166\n${KOTA}`);
    const r = await run(['coverage', bl]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${bl}:2:40: error: field "workforce" is empty`);
    expect(r.stderr).toContain("hint: a blank count is not zero, and no province, regency or Kanwil has no workforce (a 0 is refused): write Kabupaten Boalemo's figure, or leave the row out");
    expect(r.stderr).not.toContain('write 0');
    const id = await run(['coverage', bl, '--lang', 'id']);
    expect(id.stderr).toContain('hint: sel kosong tidak sama dengan nol, dan tidak ada provinsi, kabupaten/kota atau kanwil tanpa tenaga kerja (angka 0 ditolak): isikan angka Kabupaten Boalemo, atau hapus barisnya');
    // Following it: the row left out is read (Kota Gorontalo alone: 40,000 / 60,000).
    const out = writeIn(dir, 'bl-out.csv', `${HEAD}${KOTA}`);
    const o = await run(['coverage', out, '-f', 'csv']);
    expect(o.code, o.stderr).toBe(0);
    expect(csvRows(o.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '60000', participants: '40000' });
    // Its figure written: read.
    const filled = writeIn(dir, 'bl-filled.csv', `${HEAD}75,Gorontalo,Kabupaten Boalemo,2024-06,50000,24166\n${KOTA}`);
    const f = await run(['coverage', filled, '-f', 'csv', '-q']);
    expect(f.code, f.stderr).toBe(0);
    // By hand: (24,166 + 40,000) / (50,000 + 60,000) = 64,166 / 110,000 = 0.583327…
    expect(csvRows(f.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '110000', participants: '64166', coverage: '0.583327' });
  });

  it("a province's blank workforce likewise; a segment's blank keeps \"write 0\" (a segment's 0 is read)", async () => {
    const pb = writeIn(dir, 'pb.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,,24166\n');
    const r = await run(['coverage', pb]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("write Gorontalo's figure, or leave the row out");
    const sb = writeIn(dir, 'sb.csv', 'period,province,segment,workforce,participants\n2024-06,Gorontalo,PU,,24166\n2024-06,Gorontalo,BPU,100,10\n');
    const s = await run(['coverage', sb]);
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('hint: a blank count is not zero: write 0 if zero is meant');
  });

  it('a regency of workforce 0 with participants: the zero is named, not --allow-over-coverage (which led to it)', async () => {
    const bl0 = writeIn(dir, 'bl0.csv', `${HEAD}75,Gorontalo,Kabupaten Boalemo,2024-06,0,24166\n${KOTA}`);
    const r = await run(['coverage', bl0]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${bl0}:2:40: error: field "workforce": Kabupaten Boalemo's workforce is 0: no province, regency or Kanwil has no workforce`);
    expect(r.stderr).not.toContain('--allow-over-coverage');
    expect(r.stderr).not.toContain('exceed');
    // A segment of 0 with participants keeps the over-coverage hint, and following it works (a warning).
    const s0 = writeIn(dir, 's0.csv', 'period,province,segment,workforce,participants\n2024-06,Gorontalo,PU,1000,500\n2024-06,Gorontalo,PMI,0,120\n');
    const s = await run(['coverage', s0]);
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('hint: check the row; pass --allow-over-coverage if this is real');
    const a = await run(['coverage', s0, '--allow-over-coverage', '-f', 'csv']);
    expect(a.code, a.stderr).toBe(0);
    // By hand: 620 participants over 1,000 workforce.
    expect(csvRows(a.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1000', participants: '620', coverage: '0.62' });
  });
});

describe('rv23 F9: a Kanwil row with a denominator of 0 is refused, as a province\'s or regency\'s is', () => {
  it('a file by Kanwil whose Kalimantan has employed 0: refused (exit 3), the cell named, en and id; a segment of a Kanwil keeps the warning', async () => {
    const kz = writeIn(dir, 'kz.csv', 'period,kanwil,employed,participants\n2024-06,Kalimantan,0,0\n2024-06,Banten,5500000,2600000\n');
    const r = await run(['coverage', kz, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${kz}:2:20: error: field "employed": Kalimantan's employed is 0: no province, regency or Kanwil has no workforce`);
    expect(r.stderr).toContain('hint: write its figure (an export that writes a blank as 0 gives no figure), or leave the row out');
    const id = await run(['coverage', kz, '--by', 'kanwil', '--lang', 'id']);
    expect(id.stderr).toContain('employed Kalimantan bernilai 0: tidak ada provinsi, kabupaten/kota atau kanwil tanpa tenaga kerja');
    // With participants and --allow-over-coverage: refused all the same (was read, 500 over no workforce).
    const kz2 = writeIn(dir, 'kz2.csv', 'period,kanwil,employed,participants\n2024-06,Kalimantan,0,500\n2024-06,Banten,5500000,2600000\n');
    const a = await run(['coverage', kz2, '--by', 'kanwil', '--allow-over-coverage']);
    expect(a.code).toBe(3);
    expect(a.stderr).toContain("Kalimantan's employed is 0");
    // validate says the same.
    const v = await run(['validate', kz, '-f', 'json']);
    expect(v.code).toBe(3);
    expect(v.stdout).toContain("Kalimantan's employed is 0");
    // A Kanwil's blank: its figure asked for.
    const kb = writeIn(dir, 'kb.csv', 'period,kanwil,employed,participants\n2024-06,Kalimantan,,10\n');
    const b = await run(['coverage', kb, '--by', 'kanwil']);
    expect(b.stderr).toContain("write Kalimantan's figure, or leave the row out");
    // A segment of a Kanwil with 0: read, warned ("an employed figure of 0").
    const ks = writeIn(dir, 'ks.csv', 'period,kanwil,segment,employed,participants\n2024-06,Kalimantan,PU,1000,500\n2024-06,Kalimantan,PMI,0,0\n');
    const s = await run(['coverage', ks, '--by', 'kanwil,segment', '-f', 'csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toContain('warning: 1 row has an employed figure of 0 (Kalimantan / PMI): no coverage for it');
  });
});

describe('rv23 F2: the rows-above-header note says where the month comes from, and advises only where it is missing', () => {
  const above = 'header found at row 4; the rows above it are not read: 1 ("Rekap Kepesertaan Juni 2024"), 2 ("Periode | 2024-06")';

  it('a sheet with a period column: the month is its period column\'s (no "add a period column"), en and id, JSON too', async () => {
    const f = await workbook('title.xlsx', {
      Data: [['Rekap Kepesertaan Juni 2024'], ['Periode', '2024-06'], [], ['Periode', 'Provinsi', 'Potensi Pekerja', 'Peserta Aktif'], ['2024-06', 'Gorontalo', 300000, 150000], ['2024-06', 'Sulawesi Utara', 780666, 592497]],
    });
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${f}: sheet "Data": ${above}; a month written there is not read: each row's month is its period column's\n`);
    expect(r.stderr).not.toContain('add a period column');
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('bulan yang ditulis di sana tidak dibaca: bulan setiap baris diambil dari kolom periodenya');
    expect(id.stderr).not.toContain('tambahkan kolom period');
    const j = await run(['coverage', f, '-f', 'json']);
    const meta = (JSON.parse(j.stdout) as { meta: { period: string; notes: { en: string }[] } }).meta;
    expect(meta.period).toBe('2024-06');
    expect(meta.notes.map((n) => n.en).join('\n')).not.toContain('add a period column');
  });

  it('no period column, --period given: the rows are of --period\'s month; neither: the advice stays', async () => {
    const f = await workbook('title2.xlsx', {
      Data: [['Rekap Kepesertaan Juni 2024'], ['Periode', '2024-06'], [], ['Provinsi', 'Potensi Pekerja', 'Peserta Aktif'], ['Gorontalo', 300000, 150000]],
    });
    const r = await run(['coverage', f, '--period', '2024-06', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${f}: sheet "Data": ${above}; a month written there is not read: the rows are of the month --period gives\n`);
    const id = await run(['coverage', f, '--period', '2024-06', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('bulan yang ditulis di sana tidak dibaca: baris-barisnya adalah bulan yang diberikan --period');
    const n = await run(['coverage', f, '-f', 'csv']);
    expect(n.code, n.stderr).toBe(0);
    expect(n.stderr).toContain(`note: ${f}: sheet "Data": ${above}; a month written there is not taken as the file's: add a period column or pass --period\n`);
    // breakdown has no --period: the advice is the period column alone.
    const b = await run(['breakdown', '--target', '200000', '--input', f, '-f', 'csv']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(`note: ${f}: sheet "Data": ${above}; a month written there is not taken as the file's: add a period column\n`);
  });
});

describe("rv23 F8: validate places the over-denominator refusal at its first row's file and line", () => {
  it('a segment file over the bundled employed of Aceh: validate json and csv fill file and line; coverage says it on stderr', async () => {
    // By hand: 2,000,000 + 600,000 = 2,600,000 > 2,450,000 (Aceh's employed of 2023-08, data/baseline.csv).
    const seg = writeIn(dir, 'seg.csv', 'period,province,segment,participants\n2025-02,Aceh,PU,2000000\n2025-02,Aceh,BPU,600000\n');
    const j = await run(['validate', seg, '-f', 'json']);
    expect(j.code).toBe(3);
    const row = (JSON.parse(j.stdout) as { rows: Record<string, unknown>[] }).rows[0]!;
    expect(row).toMatchObject({ file: seg, line: 2, status: 'error' });
    expect(String(row['message'])).toContain('Aceh: 2,600,000 participants');
    const c = await run(['validate', seg, '-f', 'csv']);
    expect(csvRows(c.stdout)[0]).toMatchObject({ file: seg, line: '2', status: 'error' });
    const r = await run(['coverage', seg]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${seg}:2: error: participants exceed the employed of data/baseline.csv`);
    const id = await run(['coverage', seg, '--lang', 'id']);
    expect(id.stderr).toContain(`${seg}:2: error: peserta melebihi employed dari data/baseline.csv`);
  });
});

describe('rv23 F4: the template\'s workforce with --year: the hint names a way that works', () => {
  it('no "--denominator workforce" offered (the bundled baseline the targets are planned on has none); renaming the column as the hint says gives one base, no warning', async () => {
    const tpl = join(dir, 'tpl.csv');
    const t = await run(['template', '--period', '2024-06', '-o', tpl]);
    expect(t.code, t.stderr).toBe(0);
    // Filled as an office would: every province 1,000,000 workforce, 400,000 participants.
    const lines = readFileSync(tpl, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('province_code,province,period,workforce,participants');
    const filled = [lines[0], ...lines.slice(1).map((l) => l.replace(/,,$/, ',1000000,400000'))].join('\n') + '\n';
    const f = writeIn(dir, 'tpl-filled.csv', filled);
    const r = await run(['coverage', f, '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: the 2024 targets are the national breakdown's, split by employed; this report's coverage is on workforce, which the bundled baseline they are planned on has no figures of (to plan and report on one base: if the workforce figures are employed or potential_workers, name the column so and pass --denominator with that name)");
    expect(r.stderr).not.toContain('--denominator workforce');
    // By hand: 400,000 / 1,000,000 = 0.4 for Gorontalo.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')).toMatchObject({ denominator: '1000000', participants: '400000', coverage: '0.4' });
    const id = await run(['coverage', f, '--year', '2024', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('jika angka workforce itu employed atau potential_workers, beri kolomnya nama itu dan berikan --denominator dengan nama tersebut');
    // Followed: the column named employed, --denominator employed: one base, no warning of two.
    const e = writeIn(dir, 'tpl-employed.csv', filled.replace('workforce', 'employed'));
    const fe = await run(['coverage', e, '--year', '2024', '--denominator', 'employed', '-f', 'csv']);
    expect(fe.code, fe.stderr).toBe(0);
    expect(fe.stderr).not.toContain('split by');
    expect(csvRows(fe.stdout).find((x) => x['province'] === 'Gorontalo')).toMatchObject({ denominator: '1000000', participants: '400000', coverage: '0.4' });
    // --denominator workforce given anyway: refused (exit 2) for what it is, not "the input (data/baseline.csv) has no column".
    const w = await run(['coverage', f, '--year', '2024', '--denominator', 'workforce']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('error: --denominator workforce: --year 2024 plans the targets on the bundled baseline (data/baseline.csv), which has no workforce figures');
    expect(w.stderr).toContain('hint: leave out --denominator (the targets are then split by employed, and a warning says each base)');
    // A base the baseline has keeps the plain hint, and following it works.
    const p = writeIn(dir, 'tpl-pw.csv', filled.replace('workforce', 'potential_workers'));
    const rp = await run(['coverage', p, '--year', '2024', '-f', 'csv']);
    expect(rp.stderr).toContain('(--denominator potential_workers plans the targets on it too)');
    const fp = await run(['coverage', p, '--year', '2024', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(fp.code, fp.stderr).toBe(0);
    expect(fp.stderr).not.toContain('split by');
  });
});

describe('rv23 F6: instructions, data and a code list: the data sheet is named, and --sheet Data works', () => {
  it('Petunjuk (text), Data, Referensi (Kode | Provinsi): refused naming Data, en and id; --sheet Data reads it', async () => {
    const f = await workbook('pet.xlsx', {
      Petunjuk: [['Isi lembar Data: satu baris per provinsi']],
      Data: [['Periode', 'Provinsi', 'Potensi Pekerja', 'Peserta Aktif'], ['2024-06', 'Gorontalo', 300000, 150000]],
      Referensi: [['Kode', 'Provinsi'], [75, 'Gorontalo'], [71, 'Sulawesi Utara']],
    });
    const r = await run(['coverage', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}: error: sheet "Petunjuk", the first, has no data columns (no row of its first 30 with two known column names); sheet "Data" has them\n  hint: pass --sheet Data\n`);
    expect(r.stderr).not.toContain('missing column');
    const id = await run(['coverage', f, '--lang', 'id']);
    expect(id.stderr).toContain('lembar "Data" memilikinya\n  hint: berikan --sheet Data\n');
    const d = await run(['coverage', f, '--sheet', 'Data', '-f', 'csv']);
    expect(d.code, d.stderr).toBe(0);
    // By hand: 150,000 / 300,000 = 0.5.
    expect(csvRows(d.stdout).find((x) => x['province'] === 'Gorontalo')).toMatchObject({ denominator: '300000', participants: '150000', coverage: '0.5' });
  });
});

describe('rv23 F3: a regency of a province formed in 2022, under the old province: the split is named, not "unknown"', () => {
  it('Kabupaten Merauke in Papua of 2022-03: refused naming UU 14, 15, 16/2022 and today\'s Papua Selatan (en, id, validate); each way out of the hint works', async () => {
    const f = writeIn(dir, 'p22r.csv', 'period,province,regency,potential_workers,participants\n2022-03,Papua,Kabupaten Merauke,100000,30000\n');
    const r = await run(['coverage', f, '--by', 'regency']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:15: error: Kabupaten Merauke of 2022-03 was in Papua before the 2022 split (UU 14, 15, 16/2022, in force from 2022-07); today it is in Papua Selatan, and regencies are read under today's provinces`);
    expect(r.stderr).toContain('hint: write its province as Papua Selatan (the regency\'s own figures are the same), or give Papua of 2022-03 as one province row (its regencies added up), or report months from 2022-07 on');
    expect(r.stderr).not.toContain('unknown');
    const id = await run(['coverage', f, '--by', 'regency', '--lang', 'id']);
    expect(id.stderr).toContain('Kabupaten Merauke per 2022-03 berada di Papua sebelum pemekaran 2022 (UU 14, 15, 16/2022, berlaku mulai 2022-07); kini di Papua Selatan');
    const v = await run(['validate', f, '-f', 'csv']);
    expect(v.code).toBe(3);
    expect(csvRows(v.stdout)[0]).toMatchObject({ file: f, line: '2', column: '15', status: 'error' });
    // Its province written as today's: read (by hand 30,000 / 100,000 = 0.3).
    const s = writeIn(dir, 'p22s.csv', 'period,province,regency,potential_workers,participants\n2022-03,Papua Selatan,Kabupaten Merauke,100000,30000\n');
    const rs = await run(['coverage', s, '--by', 'regency', '-f', 'csv']);
    expect(rs.code, rs.stderr).toBe(0);
    expect(csvRows(rs.stdout)[0]).toMatchObject({ regency: 'Kabupaten Merauke', denominator: '100000', participants: '30000', coverage: '0.3' });
    // Papua of 2022-03 as one province row: read.
    const p = writeIn(dir, 'p22p.csv', 'period,province,potential_workers,participants\n2022-03,Papua,1900000,300000\n');
    const rp = await run(['coverage', p, '-f', 'csv']);
    expect(rp.code, rp.stderr).toBe(0);
  });

  it('after the split (or undated): "is in Papua Selatan, not Papua, since …"; Papua Barat Daya (UU 29/2022) alike', async () => {
    const f = writeIn(dir, 'p24r.csv', 'period,province,regency,potential_workers,participants\n2024-03,Papua,Kabupaten Merauke,100000,30000\n');
    const r = await run(['coverage', f, '--by', 'regency']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error: Kabupaten Merauke is in Papua Selatan, not Papua, since the 2022 split (UU 14, 15, 16/2022, in force from 2022-07)\n  hint: write its province as Papua Selatan\n');
    const b = writeIn(dir, 'pbd.csv', 'province,regency,potential_workers,participants\nPapua Barat,Kota Sorong,100000,30000\n');
    const rb = await run(['coverage', b, '--by', 'regency']);
    expect(rb.code).toBe(3);
    expect(rb.stderr).toContain('error: Kota Sorong is in Papua Barat Daya, not Papua Barat, since the 2022 split (UU 29/2022, in force from 2022-12)');
    // A regency of neither stays unknown.
    const u = writeIn(dir, 'pu.csv', 'province,regency,potential_workers,participants\nPapua,Kabupaten Boalemo,100000,30000\n');
    const ru = await run(['coverage', u, '--by', 'regency']);
    expect(ru.stderr).toContain('unknown kabupaten/kota "Kabupaten Boalemo" in Papua');
  });
});
