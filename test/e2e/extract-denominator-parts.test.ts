// An extract with a regency (or segment) column reported by province, with a workforce per regency (or
// segment): the workforce was kept only for the parts that have participants, so a regency with none
// dropped out of its province's denominator (3 of 10 + 10 + 30: 20, 15 %, where it is 50, 6 %), with
// nothing said. In an extract a part without rows has no participants; its workforce is still the
// area's. And a segment with participants but no workforce left the province a partial denominator
// (Gorontalo 3 participants over PU's 10: 30 %). Found by a review.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

describe("an extract's workforce by parts the report does not group by", () => {
  it('a regency without participants keeps its workforce in the province (50, 6 %), and the partial file is said', async () => {
    const ex = w('rg.csv', 'period,kpj,province,regency\n2024-06,1,Gorontalo,Kab. Boalemo\n2024-06,2,Gorontalo,Kab. Boalemo\n2024-06,3,Gorontalo,Kab. Pohuwato\n');
    const wf = w('wfg.csv', 'province,regency,workforce\nGorontalo,Kab. Boalemo,10\nGorontalo,Kab. Pohuwato,10\nGorontalo,Kab. Gorontalo,30\n');
    const r = await run(['coverage', ex, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect([g['denominator'], g['participants'], g['coverage']]).toEqual(['50', '3', '0.06']);
    expect(r.stderr).toContain('are given only in part, and are taken as the whole province\'s denominator where its participants all have one: Gorontalo (3 of 6 regencies and cities: its row is the coverage of Kabupaten Boalemo, Kabupaten Gorontalo and Kabupaten Pohuwato)');
  });
  it('a segment without participants keeps its workforce; one with participants and no workforce leaves the province without coverage', async () => {
    const ex = w('sg.csv', 'period,kpj,province,segment\n2024-06,1,Gorontalo,PU\n2024-06,2,Gorontalo,PU\n2024-06,3,Gorontalo,BPU\n2024-06,4,Maluku,PU\n');
    const wf = w('wfs.csv', 'province,segment,workforce\nGorontalo,PU,10\nMaluku,PU,10\nMaluku,BPU,10\n');
    const r = await run(['coverage', ex, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const maluku = rows.find((x) => x['province'] === 'Maluku')!;
    expect([maluku['denominator'], maluku['coverage']]).toEqual(['20', '0.05']); // 1 of 10 + 10
    const gorontalo = rows.find((x) => x['province'] === 'Gorontalo')!;
    expect([gorontalo['denominator'], gorontalo['coverage']]).toEqual(['', '']);
    expect(rows.find((x) => x['level'] === 'total')!['coverage']).toBe('');
    expect(r.stderr).toContain('workforce is not given for 1 of 2 rows (e.g. Gorontalo)');
  });
  it('every row without a whole workforce is said too (it was silent when no row had one)', async () => {
    const ex = w('ex2.csv', 'kpj,period,province,regency\n1,2024-06,Gorontalo,Kab. Boalemo\n2,2024-06,Gorontalo,Kota Gorontalo\n3,2024-06,Gorontalo,Kab. Pohuwato\n');
    const wf = w('wf2.csv', 'province,regency,workforce\nGorontalo,Kab. Boalemo,100\nGorontalo,Kota Gorontalo,200\n');
    const r = await run(['coverage', ex, '--workforce', wf, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!['coverage']).toBe('');
    expect(r.stderr).toContain('workforce is not given for 1 of 1 rows (e.g. Gorontalo): they show no coverage');
  });
});

describe('an extract with --previous (review of the day)', () => {
  const may = w('may.csv', 'period,participant_id,province\n2024-05,1,Gorontalo\n2024-05,2,Gorontalo\n');
  it('a previous month over the same workforce figures is a warning --quiet keeps (it says what coverage_change_pp is)', async () => {
    const june = w('june.csv', 'period,participant_id,province\n2024-06,1,Gorontalo\n2024-06,2,Gorontalo\n2024-06,3,Gorontalo\n');
    const wf = w('wf6.csv', 'period,province,workforce\n2024-06,Gorontalo,100\n');
    const r = await run(['coverage', june, '--previous', may, '--workforce', wf, '-q', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 3 and 2 of the same 100: +1 point.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!['coverage_change_pp']).toBe('1');
    expect(r.stderr).toContain("warning: the previous month's coverage (2024-05) is over the same workforce figures as 2024-06's");
  });
  it('an undated input with a dated --previous is refused (no month to compare with May)', async () => {
    const undated = w('undated.csv', 'participant_id,province\n1,Gorontalo\n2,Gorontalo\n3,Gorontalo\n');
    const r = await run(['coverage', undated, '--previous', may, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous needs the month reported, and the input has no period column');
  });
});
