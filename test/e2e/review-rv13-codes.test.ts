// Review rv13 F1–F4, F9: province codes in the system the report is written in (--code-system), for
// the sort, the scope in meta, --expect province:CODE and the bundled data. Expected codes and orders are
// read by hand from data/provinces.csv: BPS 91 Papua Barat (Kemendagri 92), 92 Papua Barat Daya (96),
// 94 Papua (91), 95 Papua Selatan (93), 96 Papua Tengah (94), 97 Papua Pegunungan (95).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// The six Papua provinces and Bali in BPS codes (rv13 p6.csv).
const P6 = `province_code,period,workforce,participants
91,2024-06,1000,100
92,2024-06,2000,300
94,2024-06,3000,600
95,2024-06,4000,1000
96,2024-06,5000,1500
97,2024-06,6000,2100
51,2024-06,7000,2800
`;
// Two regencies of Papua (Kemendagri 91, BPS 94) in BPS regency codes (rv13 reg2.csv).
const PAPUA_REGENCIES = `regency_code,regency,period,workforce,participants
9403,Kabupaten Jayapura,2024-06,1000,100
9408,Kabupaten Kepulauan Yapen,2024-06,2000,300
`;
// The 8 regencies of Papua Tengah (Kemendagri 94, BPS 96) by name (rv13 ptreg.csv).
const PAPUA_TENGAH = `regency,period,workforce,participants
${['Kabupaten Nabire', 'Kabupaten Puncak Jaya', 'Kabupaten Paniai', 'Kabupaten Mimika', 'Kabupaten Puncak', 'Kabupaten Dogiyai', 'Kabupaten Intan Jaya', 'Kabupaten Deiyai'].map((n) => `${n},2024-06,1000,100`).join('\n')}
`;

describe('rv13 F1: --sort province_code sorts by the codes the report writes', () => {
  it('BPS codes ascending: 51, 91, 92, 94, 95, 96, 97; --top 2 is Bali and Papua Barat', async () => {
    const f = writeIn(tmp(), 'p6.csv', P6);
    const all = await run(['coverage', f, '--code-system', 'bps', '--sort', 'province_code', '-f', 'csv', '--fields', 'province_code,province']);
    expect(all.code, all.stderr).toBe(0);
    expect(csvRows(all.stdout).map((r) => `${r['province_code']} ${r['province']}`)).toEqual(['51 Bali', '91 Papua Barat', '92 Papua Barat Daya', '94 Papua', '95 Papua Selatan', '96 Papua Tengah', '97 Papua Pegunungan', ' Total']);
    const top = await run(['coverage', f, '--code-system', 'bps', '--sort', 'province_code', '--top', '2', '-f', 'csv', '--fields', 'province_code,province']);
    expect(csvRows(top.stdout).map((r) => r['province'])).toEqual(['Bali', 'Papua Barat', 'Total']);
  });

  it('Kemendagri codes keep the Kemendagri order', async () => {
    const f = writeIn(tmp(), 'p6k.csv', P6.replace('97,', '93,'));
    const r = await run(['coverage', f, '--code-system', 'kemendagri', '--sort', 'province_code', '-f', 'csv', '--fields', 'province_code,province']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => `${x['province_code']} ${x['province']}`)).toEqual(['51 Bali', '91 Papua', '92 Papua Barat', '93 Papua Selatan', '94 Papua Tengah', '95 Papua Pegunungan', '96 Papua Barat Daya', ' Total']);
  });
});

describe('rv13 F2: meta.scope.code in the system the report is written in', () => {
  it('JSON: Papua is 94 beside codeSystem bps; without the flag it is 91 beside kemendagri', async () => {
    const f = writeIn(tmp(), 'reg2.csv', PAPUA_REGENCIES);
    const bps = JSON.parse((await run(['coverage', f, '--by', 'regency', '--code-system', 'bps', '-f', 'json'])).stdout) as { meta: { scope: { kind: string; name: string; code: string }; codeSystem: string } };
    expect(bps.meta.codeSystem).toBe('bps');
    expect(bps.meta.scope).toMatchObject({ kind: 'province', name: 'Papua', code: '94' });
    const kem = JSON.parse((await run(['coverage', f, '--by', 'regency', '-f', 'json', '-q'])).stdout) as { meta: { scope: { code: string }; codeSystem: string } };
    expect(kem.meta.codeSystem).toBe('kemendagri');
    expect(kem.meta.scope.code).toBe('91');
  });

  it('breakdown: the scope of Papua\'s regencies is 94 in BPS codes', async () => {
    const f = writeIn(tmp(), 'reg2.csv', PAPUA_REGENCIES);
    const r = await run(['breakdown', '--input', f, '--by', 'regency', '--target', '2000', '--code-system', 'bps', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { meta: { scope: unknown } }).meta.scope).toMatchObject({ kind: 'province', name: 'Papua', code: '94' });
  });

  it('the xlsx meta sheet says code 94 beside the BPS code system', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg2.csv', PAPUA_REGENCIES);
    const out = join(dir, 'r.xlsx');
    const r = await run(['coverage', f, '--by', 'regency', '--code-system', 'bps', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const pairs: string[] = [];
    wb.worksheets[1]!.eachRow((row) => pairs.push(`${String(row.getCell(1).value)} | ${String(row.getCell(2).value)}`));
    expect(pairs.filter((p) => /^(code|province code system) \|/.test(p))).toEqual(['code | 94', 'province code system | BPS']);
  });
});

describe('rv13 F3: --expect province:CODE is read in --code-system', () => {
  it('BPS 94 is Papua: Papua Tengah\'s regencies do not satisfy it (exit 3)', async () => {
    const f = writeIn(tmp(), 'ptreg.csv', PAPUA_TENGAH);
    const r = await run(['coverage', f, '--by', 'regency', '--code-system', 'bps', '--expect', 'province:94', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/9 of the 9 expected regency\/city units did not report/);
    expect(r.stdout).toBe('');
  });

  it('BPS 96 is Papua Tengah: the 8 regencies satisfy it, scope Papua Tengah, code 96', async () => {
    const f = writeIn(tmp(), 'ptreg.csv', PAPUA_TENGAH);
    const r = await run(['coverage', f, '--by', 'regency', '--code-system', 'bps', '--expect', 'province:96', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { meta: { scope: unknown } }).meta.scope).toMatchObject({ kind: 'province', name: 'Papua Tengah', code: '96', areas: 8 });
  });

  it('without --code-system an ambiguous code is refused (exit 2); a shared code or a name is read', async () => {
    const f = writeIn(tmp(), 'ptreg.csv', PAPUA_TENGAH);
    const amb = await run(['coverage', f, '--by', 'regency', '--expect', 'province:91', '-f', 'csv']);
    expect(amb.code).toBe(2);
    expect(amb.stderr).toMatch(/--expect province:91: code 91 is ambiguous: "Papua" in Kemendagri codes, "Papua Barat" in BPS codes/);
    expect(amb.stderr).toContain('hint: pass --code-system kemendagri or --code-system bps, or name the province: --expect "province:Papua" or --expect "province:Papua Barat"');
    const byName = await run(['coverage', f, '--by', 'regency', '--expect', 'province:Papua Tengah', '-f', 'csv']);
    expect(byName.code, byName.stderr).toBe(0);
    const kem = await run(['coverage', f, '--by', 'regency', '--code-system', 'kemendagri', '--expect', 'province:94', '-f', 'csv']);
    expect(kem.code, kem.stderr).toBe(0);
  });
});

describe('rv13 F9: --code-system bps on the bundled data writes BPS codes', () => {
  it('coverage --year 2024 --code-system bps: Papua 94, Papua Barat 91, meta.codeSystem bps', async () => {
    const r = await run(['coverage', '--year', '2024', '--code-system', 'bps', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { meta: { codeSystem: string }; rows: { province_code: string; province: string }[] };
    expect(j.meta.codeSystem).toBe('bps');
    const code = new Map(j.rows.map((x) => [x.province, x.province_code]));
    expect([code.get('Papua'), code.get('Papua Barat'), code.get('Papua Tengah'), code.get('Aceh')]).toEqual(['94', '91', '96', '11']);
  });

  it('breakdown --year 2024 --code-system bps too; --code-system kemendagri on the bundled data is still refused', async () => {
    const r = await run(['breakdown', '--year', '2024', '--code-system', 'bps', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Papua Barat Daya')?.['province_code']).toBe('92');
    const k = await run(['coverage', '--year', '2024', '--code-system', 'kemendagri', '-f', 'csv']);
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/--code-system would have no effect/);
  });
});

describe('rv13 F4: BPS regency codes without --code-system are warned of, as province codes are', () => {
  // 9403 and 9408 are BPS codes of Kabupaten Jayapura and Kepulauan Yapen (Kemendagri 91.03, 91.08: Papua,
  // Kemendagri 91, BPS 94); 7501 is BPS Boalemo (Gorontalo, 75 in both systems).
  const REG = `regency_code,regency,period,workforce,participants
9403,Kabupaten Jayapura,2024-06,1000,100
9408,Kabupaten Kepulauan Yapen,2024-06,2000,300
7501,Kabupaten Boalemo,2024-06,3000,600
`;
  it('names the codes and the province codes written, under --quiet too; none with --code-system bps', async () => {
    const f = writeIn(tmp(), 'reg.csv', REG);
    const r = await run(['coverage', f, '--by', 'province,regency', '-q', '-f', 'csv', '--fields', 'province_code,province,regency']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => x['province_code'])).toEqual(['91', '91', '91', '75', '75', '']);
    expect(r.stderr).toBe("warning: regency/city codes read as BPS codes: 9403 (Kabupaten Jayapura), 9408 (Kabupaten Kepulauan Yapen); the report writes their provinces in Kemendagri codes (Papua 91, in BPS 94): pass --code-system bps to write the codes as BPS's\n");
    const bps = await run(['coverage', f, '--by', 'province,regency', '-q', '--code-system', 'bps', '-f', 'csv', '--fields', 'province_code']);
    expect(bps.stderr).toBe('');
    expect(csvRows(bps.stdout).map((x) => x['province_code'])).toEqual(['94', '94', '94', '75', '75', '']);
  });

  it('Gorontalo\'s regencies in BPS codes alone: the province code is 75 in both systems, nothing to warn of', async () => {
    const f = writeIn(tmp(), 'g.csv', 'regency_code,regency,period,workforce,participants\n7501,Kabupaten Boalemo,2024-06,3000,600\n');
    const r = await run(['coverage', f, '--by', 'regency', '-q', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
