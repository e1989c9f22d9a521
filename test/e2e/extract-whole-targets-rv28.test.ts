// rv28 R9 and the end of R14: data without denominators of its own (an extract, or counts) is divided by
// its whole province's denominator, a part without rows counting as no participants — but the targets of
// those parts (segments, regencies) were dropped from the province and the Total (a Total target that
// depended on --by), and an extract got both "the others count as having no participants" and "reported
// only in part". One rule now: the targets follow the denominator, taken whole per province, said in a
// warning naming the parts without rows. Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// 5 participants of Gorontalo: 3 PU, 2 BPU; in 2 of its 6 regencies (Boalemo 2, Kota Gorontalo 3).
const extract = writeIn(dir, 'x.csv', 'period,province,regency,kpj,segment\n2026-06,Gorontalo,Kabupaten Boalemo,001,PU\n2026-06,Gorontalo,Kabupaten Boalemo,002,PU\n2026-06,Gorontalo,Kota Gorontalo,003,PU\n2026-06,Gorontalo,Kota Gorontalo,004,BPU\n2026-06,Gorontalo,Kota Gorontalo,005,BPU\n');
const workforce = writeIn(dir, 'wf.csv', 'period,province,workforce\n2026-06,Gorontalo,1000\n');
const segT = writeIn(dir, 'st.csv', 'province,segment,year,target\nGorontalo,PU,2026,150\nGorontalo,BPU,2026,60\nGorontalo,JAKON,2026,30\nGorontalo,PMI,2026,10\n');
const regT = writeIn(dir, 'rt.csv', 'regency,year,target\nKabupaten Gorontalo,2026,100\nKabupaten Boalemo,2026,50\nKabupaten Bone Bolango,2026,40\nKabupaten Pohuwato,2026,30\nKabupaten Gorontalo Utara,2026,20\nKota Gorontalo,2026,60\n');
const provT = writeIn(dir, 'pt.csv', 'province,year,target\nGorontalo,2026,300\n');

const totalOf = (csv: string): Record<string, string> => {
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head!.split(',');
  const cells = lines.find((l) => l.endsWith(',total'))!.split(',');
  return Object.fromEntries(cols.map((c, i) => [c, cells[i]!]));
};
const pick = (r: Record<string, string>) => ({ participants: r.participants, target: r.target, gap: r.gap, target_coverage: r.target_coverage });

describe('rv28 R9: an extract is taken whole, its targets as its denominator', () => {
  it('segments without rows keep their targets: the same Total by province, by segment and by province, segment', async () => {
    // Targets 150 + 60 + 30 + 10 = 250 (main: 210 by segment, the PU and BPU rows only; 250 by
    // province); 5 participants: gap 245; target coverage 250 / 1,000 = 0.25.
    const expected = { participants: '5', target: '250', gap: '245', target_coverage: '0.25' };
    for (const by of ['province', 'segment', 'province,segment']) {
      const r = await run(['coverage', extract, '--workforce', workforce, '--targets', segT, '--by', by, '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(pick(totalOf(r.stdout)), by).toEqual(expected);
      expect(r.stderr).toContain('warning: the input is taken whole per province, as its denominator is: segments without rows count as having no participants, and their targets stay in their province\'s and the Total\'s target: Gorontalo (JAKON, PMI: target 40)');
    }
    const sub = await run(['coverage', extract, '--workforce', workforce, '--targets', segT, '--by', 'province,segment', '-f', 'csv', '-q']);
    expect(sub.stdout).toContain(',Gorontalo,Total,1000,5,0.005,995,250,0.25,245,');
  });

  it('counts without denominators (a query\'s per-segment counts) give the same report as the extract', async () => {
    const counts = writeIn(dir, 'c.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,3\n2026-06,Gorontalo,BPU,2\n');
    const r = await run(['coverage', counts, '--workforce', workforce, '--targets', segT, '--by', 'province,segment', '-f', 'csv', '-q', '--extract']);
    expect(r.code, r.stderr).toBe(0);
    expect(pick(totalOf(r.stdout))).toEqual({ participants: '5', target: '250', gap: '245', target_coverage: '0.25' });
  });

  it('regencies without rows keep their targets (main: 110, Boalemo and Kota Gorontalo only, over the whole province)', async () => {
    // 100 + 50 + 40 + 30 + 20 + 60 = 300 over 1,000: target coverage 0.3; gap 300 − 5 = 295.
    const r = await run(['coverage', extract, '--workforce', workforce, '--targets', regT, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(pick(totalOf(r.stdout))).toEqual({ participants: '5', target: '300', gap: '295', target_coverage: '0.3' });
    expect(r.stderr).toContain('Gorontalo (Kabupaten Gorontalo, Kabupaten Bone Bolango, Kabupaten Pohuwato, Kabupaten Gorontalo Utara: target 190)');
    expect(r.stderr).toContain('the others count as having no participants: Gorontalo (2 of 6 regencies and cities)');
  });

  it('the trend chart\'s milestones are over the same targets as the Total (a segment without rows included)', async () => {
    // Targets 120 (PU) + 60 (BPU) + 24 (JAKON, no rows) = 204, each from 0 in 2025-12: June's milestone
    // 204 × 6 / 12 = 102 in the row and in the chart's numbers (main: 90 in both, JAKON's target dropped).
    const two = writeIn(dir, 'x2.csv', 'period,province,kpj,segment\n2026-05,Gorontalo,001,PU\n2026-05,Gorontalo,002,BPU\n2026-06,Gorontalo,001,PU\n2026-06,Gorontalo,002,BPU\n2026-06,Gorontalo,003,PU\n');
    const t = writeIn(dir, 'mt.csv', 'province,segment,period,year,participants,target\nGorontalo,PU,2025-12,2026,0,120\nGorontalo,BPU,2025-12,2026,0,60\nGorontalo,JAKON,2025-12,2026,0,24\n');
    const r = await run(['coverage', two, '--workforce', workforce, '--targets', t, '-f', 'html', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<tr><td class="text">2026-06</td><td class="num">3</td><td class="num">102</td>');
  });

  it('R14: against a province target, an extract of 2 of 6 regencies is taken whole, not "reported only in part"', async () => {
    const r = await run(['coverage', extract, '--workforce', workforce, '--targets', provT, '-f', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the others count as having no participants: Gorontalo (2 of 6 regencies and cities)');
    expect(r.stderr).not.toContain('reported only in part');
    // 300 / 1,000: the whole province's target over its whole workforce.
    const row = (JSON.parse(r.stdout).rows as { province: string; target_coverage: number }[]).find((x) => x.province === 'Gorontalo')!;
    expect(row.target_coverage).toBe(0.3);
  });
});
