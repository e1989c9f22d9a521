// rv28 R23: targets finer than the report's rows (regency targets under a province row, province targets
// under a Kanwil's row or a segment's), one finer unit without a target. The row compared ALL its parts'
// participants with the OTHER parts' targets (Gorontalo "achieved"), with no word. A row over finer
// targets now does what a subtotal over rows without a target does: target, gap, achievement and target
// coverage over the parts with a target, compared with their participants only, and a warning naming
// the parts without one. The answer is the same whatever --by. Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Gorontalo by 3 regencies; targets for 2 of them (none for Kota Gorontalo).
const gtlo = writeIn(dir, 'g.csv', 'period,province,regency,workforce,participants\n2026-06,Gorontalo,Kabupaten Gorontalo,100000,60000\n2026-06,Gorontalo,Kabupaten Boalemo,40000,20000\n2026-06,Gorontalo,Kota Gorontalo,120000,80000\n');
const regT = writeIn(dir, 'rt.csv', 'regency,year,target\nKabupaten Gorontalo,2026,75000\nKabupaten Boalemo,2026,25000\n');
// Three Sulama provinces; targets for 2 (none for Maluku Utara).
const prov = writeIn(dir, 'p.csv', 'period,province,workforce,participants\n2026-06,Gorontalo,400000,250000\n2026-06,Maluku,500000,150000\n2026-06,Maluku Utara,300000,100000\n');
const provT = writeIn(dir, 'pt.csv', 'province,year,target\nGorontalo,2026,300000\nMaluku,2026,200000\n');
// Two provinces × two segments; no target for Maluku's BPU.
const seg = writeIn(dir, 's.csv', 'period,province,segment,workforce,participants\n2026-06,Gorontalo,PU,200000,120000\n2026-06,Gorontalo,BPU,200000,40000\n2026-06,Maluku,PU,250000,90000\n2026-06,Maluku,BPU,250000,30000\n');
const segT = writeIn(dir, 'st.csv', 'province,segment,year,target\nGorontalo,PU,2026,150000\nGorontalo,BPU,2026,60000\nMaluku,PU,2026,110000\n');

const csvRows = (out: string): Map<string, Record<string, string>> => {
  const [head, ...lines] = out.trim().split('\n');
  const cols = head!.split(',');
  const rows = new Map<string, Record<string, string>>();
  for (const l of lines) {
    const cells = l.split(',');
    const rec = Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
    const name = rec.level === 'total' ? 'Total' : (rec.regency ?? rec.province ?? rec.kanwil ?? rec.segment)!;
    rows.set(rec.level === 'subtotal' ? `${name} subtotal` : name, rec);
  }
  return rows;
};
const figures = (r: Record<string, string> | undefined) => ({ target: r?.target, gap: r?.gap, achievement: r?.achievement, target_coverage: r?.target_coverage, status: r?.status });

describe('rv28 R23: a row over finer targets, one part without a target', () => {
  // Kabupaten Gorontalo and Boalemo: target 75,000 + 25,000 = 100,000 over 60,000 + 20,000 = 80,000
  // participants: gap 20,000, achievement 0.8, target coverage 100,000 / (100,000 + 40,000) = 0.714286;
  // behind (no milestone: compared with December). Main: 100,000 against all 160,000, gap -60,000, "achieved".
  const gorontalo = { target: '100000', gap: '20000', achievement: '0.8', target_coverage: '0.714286', status: 'behind' };

  it('by province: Gorontalo compares its 2 regencies with a target, like for like, with a warning under --quiet', async () => {
    const r = await run(['coverage', gtlo, '--targets', regT, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(figures(rows.get('Gorontalo'))).toEqual(gorontalo);
    expect(figures(rows.get('Total'))).toEqual(gorontalo);
    expect(rows.get('Gorontalo')!.participants).toBe('160000');
    expect(r.stderr).toContain('warning: targets for only some of a row\'s regencies and cities: its target, gap, achievement and target coverage add up those with a target, compared with their participants only; its coverage is of all its regencies and cities, while its bar in the coverage chart (--chart, HTML) is the coverage of those with a target, as its target mark is: Gorontalo (2 of 3 regencies and cities; none for Kota Gorontalo)');
  });

  it('the same answer by regency and by province, regency', async () => {
    for (const by of ['regency', 'province,regency']) {
      const r = await run(['coverage', gtlo, '--targets', regT, '--by', by, '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(figures(csvRows(r.stdout).get('Total'))).toEqual(gorontalo);
    }
  });

  it('JSON meta.notes holds the warning, in both languages', async () => {
    const r = await run(['coverage', gtlo, '--targets', regT, '-f', 'json', '-q', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    const notes = JSON.parse(r.stdout).meta.notes as { code: string; kind: string; en: string; id: string }[];
    const n = notes.find((x) => x.code === 'no-target-parts');
    expect(n?.kind).toBe('warning');
    expect(n?.en).toContain('Gorontalo (2 of 3 regencies and cities; none for Kota Gorontalo)');
    expect(n?.id).toContain('Gorontalo (2 dari 3 kabupaten/kota; tanpa target: Kota Gorontalo)');
    expect(r.stderr).toContain('Gorontalo (2 dari 3 kabupaten/kota; tanpa target: Kota Gorontalo)');
  });

  it('by Kanwil over province targets: Sulama compares Gorontalo and Maluku only, as by province', async () => {
    // 300,000 + 200,000 = 500,000 over 250,000 + 150,000 = 400,000: gap 100,000, achievement 0.8, target
    // coverage 500,000 / 900,000 = 0.555556. Main: 500,000 against all 500,000 participants, "achieved".
    const expected = { target: '500000', gap: '100000', achievement: '0.8', target_coverage: '0.555556', status: 'behind' };
    const k = await run(['coverage', prov, '--targets', provT, '--by', 'kanwil', '-f', 'csv', '-q']);
    expect(k.code, k.stderr).toBe(0);
    expect(figures(csvRows(k.stdout).get('Sulawesi Maluku (Sulama)'))).toEqual(expected);
    expect(k.stderr).toContain('Sulawesi Maluku (Sulama) (2 of 3 provinces; none for Maluku Utara)');
    const p = await run(['coverage', prov, '--targets', provT, '-f', 'csv', '-q']);
    expect(figures(csvRows(p.stdout).get('Total'))).toEqual(expected);
  });

  it('by segment over province × segment targets: BPU compares Gorontalo only', async () => {
    // BPU: 60,000 over Gorontalo's 40,000: gap 20,000, achievement 0.666667, target coverage 60,000 /
    // 200,000 = 0.3 (main: over 70,000, "achieved"). PU: 150,000 + 110,000 = 260,000 over 210,000.
    // Total: 320,000 over 250,000: gap 70,000, achievement 0.78125, target coverage 320,000 / 650,000.
    const r = await run(['coverage', seg, '--targets', segT, '--by', 'segment', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(figures(rows.get('BPU'))).toEqual({ target: '60000', gap: '20000', achievement: '0.666667', target_coverage: '0.3', status: 'behind' });
    expect(figures(rows.get('PU'))).toEqual({ target: '260000', gap: '50000', achievement: '0.807692', target_coverage: '0.577778', status: 'behind' });
    expect(figures(rows.get('Total'))).toEqual({ target: '320000', gap: '70000', achievement: '0.78125', target_coverage: '0.492308', status: 'behind' });
    expect(r.stderr).toContain('BPU (1 of 2 provinces; none for Maluku)');
    const ps = await run(['coverage', seg, '--targets', segT, '--by', 'province,segment', '-f', 'csv', '-q']);
    expect(figures(csvRows(ps.stdout).get('Total'))).toEqual(figures(rows.get('Total')));
  });

  it('with two months, a row over targets in part has its projected status over the regencies with a target (fx53; was none)', async () => {
    const two = writeIn(dir, 'g2.csv', 'period,province,regency,workforce,participants\n2026-05,Gorontalo,Kabupaten Gorontalo,100000,59000\n2026-05,Gorontalo,Kabupaten Boalemo,40000,19000\n2026-05,Gorontalo,Kota Gorontalo,120000,70000\n2026-06,Gorontalo,Kabupaten Gorontalo,100000,60000\n2026-06,Gorontalo,Kabupaten Boalemo,40000,20000\n2026-06,Gorontalo,Kota Gorontalo,120000,80000\n');
    const r = await run(['coverage', two, '--targets', regT, '-f', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // Its projection (232,000) is all 3 regencies'; its projected gap is the 2 regencies' with a target (fx53):
    // 6 months left, 1,000 a month each: 66,000 + 26,000 = 92,000 against 100,000 (92 %: will-miss).
    const rows = JSON.parse(r.stdout).rows as { level: string; target: number; projected: number; projected_gap: number | null; projected_status: string | null }[];
    const g = rows.find((x) => x.level === 'detail')!;
    expect(g.target).toBe(100000);
    expect(g.projected).toBe(232000);
    expect(g.projected_gap).toBe(8000);
    expect(g.projected_status).toBe('will-miss');
  });
});
