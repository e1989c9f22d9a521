// rv32 W2, W3, W4 (fx48): segment rows missing in an area or everywhere, and targets of 0. Figures by hand
// from data/baseline.csv: employed (Sakernas 2023-08) Gorontalo 631,521, Maluku 853,254, Papua Tengah
// 801,381; national participants by segment PU 24,292,127, BPU 9,098,262, JAKON 7,286,530, PMI 468,213
// (41,145,132 in all): PMI is 1.1 % of them, Papua Tengah's JAKON and PMI are 0.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);
const total = (out: string): Record<string, string> => csvRows(out).find((x) => x['level'] === 'total')!;
const notes = (out: string): { code?: string }[] => (JSON.parse(out) as { meta: { notes: { code?: string }[] } }).meta.notes;

describe('W3: an area without a segment row the others give is read as 0, not refused', () => {
  it("Papua Tengah without its JAKON and PMI rows (0 in the bundled baseline): read, nothing said (main: refused)", async () => {
    const f = w('pt.csv', 'period,province,segment,participants\n2024-06,Gorontalo,PU,140000\n2024-06,Gorontalo,BPU,75000\n2024-06,Gorontalo,JAKON,50000\n2024-06,Gorontalo,PMI,70\n2024-06,Papua Tengah,PU,50000\n2024-06,Papua Tengah,BPU,39000\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // (140,000 + 75,000 + 50,000 + 70 + 50,000 + 39,000) / (631,521 + 801,381) = 354,070 / 1,432,902.
    expect(total(r.stdout)['participants']).toBe('354070');
    expect(Number(total(r.stdout)['coverage'])).toBeCloseTo(354_070 / 1_432_902, 6);
    expect(r.stderr).not.toContain('segments in the data');
    expect(r.stderr).not.toContain('but not of');
  });

  it('Gorontalo without its PMI row among provinces with one: read as 0, warned under --quiet and in meta.notes (main: refused)', async () => {
    const f = w('gm.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20800\n2026-06,Maluku,PU,93056\n2026-06,Maluku,BPU,46528\n2026-06,Maluku,JAKON,12408\n2026-06,Maluku,PMI,3102\n');
    const r = await run(['coverage', f, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // Gorontalo 155,983 + 77,991 + 20,800 = 254,774 over 631,521; Total 254,774 + 155,094 = 409,868 over 1,484,775.
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(Number(g['coverage'])).toBeCloseTo(254_774 / 631_521, 6);
    expect(Number(total(r.stdout)['coverage'])).toBeCloseTo(409_868 / 1_484_775, 6);
    expect(r.stderr).toContain('Gorontalo (3 of 4 segments; no row for PMI)');
    // One warning for it, not two.
    expect(r.stderr.match(/Gorontalo/g)?.length).toBe(1);
    const j = await run(['coverage', f, '-f', 'json', '--quiet']);
    expect(notes(j.stdout).filter((n) => n.code === 'segment-rows-missing').length).toBe(1);
    // breakdown reads the same file by the same rule.
    const b = await run(['breakdown', '--input', f, '--target', '500000', '-f', 'csv', '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain('Gorontalo (3 of 4 segments; no row for PMI)');
  });

  it('a regency without its PMI row: read, warned (main: refused)', async () => {
    const f = w('reg.csv', 'period,regency,segment,participants\n2023-12,Kabupaten Gorontalo,PU,40000\n2023-12,Kabupaten Gorontalo,BPU,20000\n2023-12,Kabupaten Gorontalo,JAKON,5000\n2023-12,Kabupaten Gorontalo,PMI,20\n2023-12,Kabupaten Pohuwato,PU,15000\n2023-12,Kabupaten Pohuwato,BPU,8000\n2023-12,Kabupaten Pohuwato,JAKON,2000\n');
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['participants']).toBe('90020');
    expect(r.stderr).toContain('Kabupaten Pohuwato (3 of 4 segments; no row for PMI)');
  });
});

describe('W2: data of some segments only, everywhere', () => {
  const noPmi = 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20800\n2026-06,Maluku,PU,93056\n2026-06,Maluku,BPU,46528\n2026-06,Maluku,JAKON,12408\n';
  // 254,774 + 151,992 = 406,766 participants; 631,521 + 853,254 = 1,484,775 employed.
  const KEPT = 'coverage counts PU, BPU and JAKON: PMI, 1.1 % of the national participants (data/baseline.csv), is not in the data';

  it('without PMI (1.1 % of the country): coverage kept, warned under --quiet (main: no coverage; --fail-below exit 1 on every row)', async () => {
    const f = w('nopmi.csv', noPmi);
    const r = await run(['coverage', f, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(total(r.stdout)['coverage'])).toBeCloseTo(406_766 / 1_484_775, 6);
    expect(Number(csvRows(r.stdout).find((x) => x['province'] === 'Maluku')!['coverage'])).toBeCloseTo(151_992 / 853_254, 6);
    expect(r.stderr).toContain(KEPT);
    const j = await run(['coverage', f, '-f', 'json', '--quiet']);
    expect(notes(j.stdout).some((n) => n.code === 'segments-in-part')).toBe(true);
    // 406,766 / 1,484,775 = 27.4 %, Maluku 17.8 %: --fail-below 15 passes, where main exited 1 ("2 of 2 rows could not be checked").
    const fb = await run(['coverage', f, '-f', 'csv', '--quiet', '--fail-below', '15']);
    expect(fb.code, fb.stderr).toBe(0);
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('PMI, 1,1 % dari peserta nasional');
  });

  it('targets of every segment against three segments are said (main: achievement 3 segments / 4 segments\' target, no word)', async () => {
    const f = w('nopmi2.csv', noPmi);
    const t = w('t-prov.csv', 'province,year,target\nGorontalo,2026,400000\nMaluku,2026,250000\n');
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['target']).toBe('650000');
    expect(Number(total(r.stdout)['achievement'])).toBeCloseTo(406_766 / 650_000, 6);
    expect(r.stderr).toContain('coverage and achievement count PU, BPU and JAKON: PMI, 1.1 % of the national participants');
    expect(r.stderr).toContain('the targets count every segment: achievement compares the participants of PU, BPU and JAKON with the whole target');
  });

  it("segment-keyed targets: PMI's targets left out, like for like (main: 4 segments' targets against 3)", async () => {
    const f = w('nopmi3.csv', noPmi);
    const t = w('t-seg.csv', 'province,segment,year,target\nGorontalo,PU,2026,200000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,30000\nGorontalo,PMI,2026,6000\nMaluku,PU,2026,120000\nMaluku,BPU,2026,60000\nMaluku,JAKON,2026,15000\nMaluku,PMI,2026,4000\n');
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // 200,000 + 100,000 + 30,000 + 120,000 + 60,000 + 15,000 = 525,000 (not 535,000 with PMI's 10,000).
    expect(total(r.stdout)['target']).toBe('525000');
    expect(Number(total(r.stdout)['achievement'])).toBeCloseTo(406_766 / 525_000, 6);
    expect(r.stderr).toContain('the targets of PMI are left out, the others compared like for like');
  });

  it('PU only (41 % of the country absent): no coverage, as fx44; --year targets said; --fail-below says why', async () => {
    const f = w('kw-pu.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n');
    const r = await run(['coverage', f, '--by', 'kanwil', '--year', '2026', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['coverage']).toBe('');
    // (9,098,262 + 7,286,530 + 468,213) / 41,145,132 = 41.0 %.
    expect(r.stderr).toContain('the input gives participants of PU only, not of BPU, JAKON or PMI (41.0 % of the national participants, data/baseline.csv)');
    expect(r.stderr).toContain('the targets count every segment: achievement compares the participants of PU with the whole target');
    const fb = await run(['coverage', f, '--by', 'kanwil', '-f', 'csv', '--quiet', '--fail-below', '30']);
    expect(fb.code).toBe(1);
    expect(fb.stderr).toContain('1 of 1 row could not be checked against 30.00%: they have no coverage (the data give participants of PU only, not of BPU, JAKON or PMI: no coverage over employed');
    expect(fb.stderr).not.toContain('(no denominator;');
  });
});

describe('W4: targets of 0', () => {
  it("the tool's own province × segment targets: Papua Tengah's 0 JAKON and PMI (0 participants) not warned (main: warned under --quiet)", async () => {
    const t = join(dir, 'ps26.csv');
    const b = await run(['breakdown', '--year', '2026', '--by', 'province,segment', '-o', t]);
    expect(b.code, b.stderr).toBe(0);
    const f = w('pt-prov.csv', 'period,province,participants\n2026-06,Gorontalo,260000\n2026-06,Papua Tengah,90000\n');
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('are 0');
  });

  it('rows outside the report are not named; a 0 with participants is, with a hint that keeps the targets', async () => {
    // No participants column: Papua Tengah's 0 is outside Sulama's report (main named it).
    const t = w('t0.csv', 'province,segment,year,target\nGorontalo,PU,2026,200000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,30000\nGorontalo,PMI,2026,0\nPapua Tengah,PU,2026,174162\nPapua Tengah,BPU,2026,116624\nPapua Tengah,JAKON,2026,0\nPapua Tengah,PMI,2026,0\n');
    const f = w('kw-seg.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');
    const r = await run(['coverage', f, '--by', 'segment', '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.stderr).not.toContain('Papua Tengah / JAKON');
    expect(r.stderr).toContain('are 0: Gorontalo / PMI; their participants count as achieved');
    expect(r.stderr).not.toContain('leave the row out');
    // Data by province × segment with Papua Tengah's JAKON and PMI rows absent (0): nothing said of them.
    const g = w('ps.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20800\n2026-06,Gorontalo,PMI,70\n2026-06,Papua Tengah,PU,50000\n2026-06,Papua Tengah,BPU,39000\n');
    const s = await run(['coverage', g, '--targets', t, '-f', 'csv', '--quiet']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toContain('1 target(s) of');
    expect(s.stderr).toContain('are 0: Gorontalo / PMI');
  });
});
