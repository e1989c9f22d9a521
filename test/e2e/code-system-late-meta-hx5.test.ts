// hx5: a JSON file read in the code system it says it was written in (rv25 F9) when its meta comes AFTER
// its rows (the reader streams: the rows are read first, in the run's system), and a file of regencies
// whose codes are in another system than its provinces'. The refusals and the regency words failed on
// main at 985ebb1 (5 of 8; the others guard what was right): a late meta was ignored, BPS 94 (Papua) read
// as Kemendagri 94 (Papua Tengah) and reported, exit 0; a BPS regency code told the user to move the row
// to Papua Tengah, which would file Kabupaten Jayapura's figures as Paniai's.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// BPS 94 is Papua (Kemendagri 91), BPS 91 is Papua Barat (Kemendagri 92); Kemendagri 94 is Papua Tengah.
const ROWS = '"rows": [\n {"period": "2024-06", "province_code": "94", "workforce": 1000, "participants": 300},\n {"period": "2024-06", "province_code": "91", "workforce": 2000, "participants": 500}\n]';

describe('meta.codeSystem after the rows', () => {
  it('a data file under --code-system kemendagri: refused at the meta, not read as Papua Tengah and Papua', async () => {
    const cwd = tmp();
    writeIn(cwd, 'late.json', `{${ROWS}, "meta": {"codeSystem": "bps"}}\n`);
    const r = await run(['coverage', 'late.json', '--code-system', 'kemendagri', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'late.json:4:27: error: meta.codeSystem "bps" comes after the rows: their codes were read before it, as Kemendagri codes (under --code-system kemendagri), and as BPS codes they may name other provinces and regencies\n' +
        '  hint: put "meta" before "rows" in the file, as jamsostek writes its reports, or pass --code-system bps\n',
    );
  });

  it('the same rows with the meta first are read as BPS: Papua 300 of 1,000, Papua Barat 500 of 2,000', async () => {
    const cwd = tmp();
    writeIn(cwd, 'early.json', `{"meta": {"codeSystem": "bps"}, ${ROWS}}\n`);
    const r = await run(['coverage', 'early.json', '--code-system', 'kemendagri', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['province'], x['participants'], x['denominator']])).toEqual([['Papua', '300', '1000'], ['Papua Barat', '500', '2000'], ['Total', '800', '3000']]);
  });

  it('a --targets file: refused, its hint without --code-system (the data files\' flag)', async () => {
    const cwd = tmp();
    writeIn(cwd, 'data.csv', 'period,province,workforce,participants\n2024-06,Papua,1000,300\n2024-06,Papua Barat,2000,500\n2024-06,Papua Tengah,1500,200\n');
    writeIn(cwd, 't.json', '{"rows": [\n {"province_code": "94", "year": 2024, "target": 400},\n {"province_code": "91", "year": 2024, "target": 700}\n], "meta": {"codeSystem": "bps"}}\n');
    const r = await run(['coverage', 'data.csv', '--targets', 't.json', '--code-system', 'kemendagri', '-f', 'csv'], { cwd });
    // main: exit 0, Papua Tengah's target 400 and Papua's 700 (BPS 94 and 91 read as Kemendagri's).
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('t.json:4:27: error: meta.codeSystem "bps" comes after the rows');
    expect(r.stderr).toContain('  hint: put "meta" before "rows" in the file, as jamsostek writes its reports\n');
  });

  it('a late meta that says the system the rows were read in changes nothing: read, exit 0', async () => {
    const cwd = tmp();
    writeIn(cwd, 'k.json', '{"rows": [{"period": "2024-06", "province_code": "75", "workforce": 1000, "participants": 300}], "meta": {"codeSystem": "kemendagri"}}\n');
    const r = await run(['coverage', 'k.json', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]!['province']).toBe('Gorontalo');
    const b = await run(['coverage', 'late.json', '--code-system', 'bps', '-f', 'csv'], { cwd: (() => { const d = tmp(); writeIn(d, 'late.json', `{${ROWS}, "meta": {"codeSystem": "bps"}}\n`); return d; })() });
    expect(b.code, b.stderr).toBe(0);
    expect(csvRows(b.stdout).map((x) => x['province'])).toEqual(['Papua', 'Papua Barat', 'Total']);
  });

  it('in Indonesian', async () => {
    const cwd = tmp();
    writeIn(cwd, 'late.json', `{${ROWS}, "meta": {"codeSystem": "bps"}}\n`);
    const r = await run(['coverage', 'late.json', '--code-system', 'kemendagri', '--lang', 'id'], { cwd });
    expect(r.stderr).toContain('meta.codeSystem "bps" muncul setelah baris-barisnya: kodenya sudah dibaca sebelumnya sebagai kode Kemendagri (menurut --code-system kemendagri)');
  });
});

describe('regency codes of another system than the province codes', () => {
  it('BPS 9403 (Kabupaten Jayapura, Papua) under Kemendagri province 91: both readings named, not "write its province as Papua Tengah"', async () => {
    const cwd = tmp();
    writeIn(cwd, 'r.json', '{"meta": {"codeSystem": "kemendagri"}, "rows": [\n {"period": "2024-06", "province_code": "91", "regency_code": "9403", "workforce": 1000, "participants": 300}\n]}\n');
    const r = await run(['coverage', 'r.json', '--by', 'regency', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('r.json:2:63: error: code 9403 is Kabupaten Paniai (Papua Tengah) in Kemendagri codes, not in Papua; in BPS codes it is Kabupaten Jayapura, in Papua\n');
    expect(r.stderr).toContain("  hint: if the file's regency codes are BPS codes, it mixes code systems: write its codes in one system (jamsostek provinces --regencies lists both); if Kabupaten Paniai is meant, its province is Papua Tengah since the 2022 split (UU 14, 15, 16/2022)\n");
  });

  it('the same file under --code-system kemendagri as a CSV: the same words', async () => {
    const cwd = tmp();
    writeIn(cwd, 'r.csv', 'period,province_code,regency_code,workforce,participants\n2024-06,91,9403,1000,300\n');
    const r = await run(['coverage', 'r.csv', '--by', 'regency', '--code-system', 'kemendagri', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('r.csv:2:12: error: code 9403 is Kabupaten Paniai (Papua Tengah) in Kemendagri codes, not in Papua; in BPS codes it is Kabupaten Jayapura, in Papua');
  });

  it('with the names beside the codes, no code system: each regency by its name (read right)', async () => {
    const cwd = tmp();
    writeIn(cwd, 'r.csv', 'period,province_code,province,regency_code,regency,workforce,participants\n2024-06,91,Papua,9403,Kabupaten Jayapura,1000,300\n2024-06,91,Papua,9471,Kota Jayapura,2000,600\n');
    const r = await run(['coverage', 'r.csv', '--by', 'regency', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['regency'], x['participants']])).toEqual([['Kabupaten Jayapura', '300'], ['Kota Jayapura', '600'], ['Total', '900']]);
    expect(r.stderr).toContain('warning: regency/city codes read as BPS codes: 9403 (Kabupaten Jayapura), 9471 (Kota Jayapura)');
  });
});
