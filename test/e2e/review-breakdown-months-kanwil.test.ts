// Found by a review of `breakdown` as a planner uses it (helper fx3); each test failed on main at fec55b0.
// Expected figures are worked out by hand here, never with the tool's own functions.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const write = (name: string, text: string): string => writeIn(tmp(), name, text);
const warnings = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('warning: '));

describe('an input of several months', () => {
  it('a unit missing from the latest month is refused (it was dropped, its share going to the others)', async () => {
    const f = write('p2.csv', 'period,branch,workforce,participants\n2024-05,A,1000,100\n2024-06,B,500,50\n');
    const r = await run(['breakdown', '--input', f, '--by', 'branch', '--target', '500', '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:2: error: 2024-06, the latest month of the input, which breakdown plans from, has no rows for A (last seen 2024-05)`);
    expect(r.stderr).toContain('hint: add its figures for 2024-06, or leave out the rows of earlier months');
  });

  it('a finer row missing from the latest month is refused too (its province would be planned from part of its figures)', async () => {
    const f = write('reg.csv', 'period,province,regency,workforce,participants\n2024-05,Gorontalo,Kab. Boalemo,1000,100\n2024-05,Gorontalo,Kota Gorontalo,1000,100\n2024-06,Gorontalo,Kota Gorontalo,1000,120\n');
    const r = await run(['breakdown', '--input', f, '--by', 'province', '--target', '500', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: error: 2024-06, the latest month of the input, which breakdown plans from, has no rows for Gorontalo / Kabupaten Boalemo (last seen 2024-05): its unit would be planned from part of its figures`);
  });

  it('with every unit in the latest month, the plan is of that month and the months left out are said', async () => {
    const f = write('p4.csv', 'period,branch,workforce,participants\n2024-05,A,1000,100\n2024-05,B,500,40\n2024-06,A,1000,110\n2024-06,B,500,50\n');
    const r = await run(['breakdown', '--input', f, '--by', 'branch', '--target', '500', '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: the input has several months: breakdown plans from the latest, 2024-06 (every unit has rows for it); the rows of 2024-05 are left out');
    // June: the increase 500 − 160 = 340 by uncovered 890 : 450 → 225.82 : 114.18 → 226 : 114.
    const rows = csvRows(r.stdout);
    expect(rows.find((x) => x['branch'] === 'A')).toMatchObject({ participants: '110', target: '336' });
    expect(rows.find((x) => x['branch'] === 'B')).toMatchObject({ participants: '50', target: '164' });
  });
});

describe('targets below a later published figure, for every --by', () => {
  it('--by segment: the national PMI target is compared (it was for province,segment only)', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // PMI by participants: 468,213 + 8,854,868 × 468,213 / 41,145,132 = 468,213 + 100,764.39 → 568,977,
    // below the 640,000 published for 2025-04 (data/actuals.csv).
    expect(r.stderr).toContain('warning: Indonesia PMI: the target 568,977 is below the 640,000 active participants published for 2025-04');
  });

  it('--by kanwil,province and segment,province warn of the same provinces as --by province (they gave none)', async () => {
    const flat = warnings((await run(['breakdown', '--year', '2024', '-f', 'csv'])).stderr);
    // DKI Jakarta held at today's 7,498,532, below the 8,320,000 published for 2025.
    expect(flat).toContain('warning: DKI Jakarta: the target 7,498,532 is below the 8,320,000 active participants published for 2025 (Kemnaker: goodstats-2025-provinces)');
    expect(flat).toHaveLength(4);
    const nested = warnings((await run(['breakdown', '--year', '2024', '--by', 'kanwil,province', '-f', 'csv'])).stderr);
    expect(nested).toEqual(flat);
    const crossed = warnings((await run(['breakdown', '--year', '2024', '--by', 'segment,province', '-f', 'csv'])).stderr);
    expect(crossed.filter((w) => !w.includes('Indonesia'))).toEqual(flat);
  });

  it('--by kanwil: a Kanwil is compared with what is published for exactly its provinces; the others are said to be unchecked', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Kanwil DKI Jakarta and Kanwil Banten are one province each: their provinces' figures apply.
    expect(warnings(r.stderr)).toEqual([
      'warning: DKI Jakarta: the target 7,498,532 is below the 8,320,000 active participants published for 2025 (Kemnaker: goodstats-2025-provinces)',
      'warning: Banten: the target 2,883,817 is below the 3,090,000 active participants published for 2025 (Kemnaker: goodstats-2025-provinces)',
    ]);
    expect(r.stderr).toMatch(/note: not compared with the figures published since the baseline: .*Sulawesi Maluku \(Sulama\) \(published per province only, of different months; --by kanwil,province compares each province\)/);
  });
});

describe('--year for the baseline December', () => {
  it('--year 2023 on the 2023-12 baseline is refused, saying the series figure is an actual (it handed out 414,868 as an increase)', async () => {
    const r = await run(['breakdown', '--year', '2023', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --year 2023: the bundled baseline is of 2023-12, the December the targets would be for');
    expect(r.stderr).toContain("data/targets.csv's 2023 figure is the published actual (databoks-2023-12-segments), not a target");
    expect(r.stderr).toContain('hint: give the year the targets are for (2024 or later)');
  });

  it('--target N --year Y on an input of December Y is refused too', async () => {
    const f = write('dec.csv', 'period,branch,workforce,participants\n2024-12,A,1000,400\n2024-12,B,500,100\n');
    const r = await run(['breakdown', '--input', f, '--by', 'branch', '--target', '600', '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --year 2024: the input is of 2024-12, the December the targets would be for');
    expect(r.stderr).toContain('(2025 or later)');
    expect((await run(['breakdown', '--input', f, '--by', 'branch', '--target', '600', '--year', '2025', '-f', 'csv'])).code).toBe(0);
  });
});

describe('a kanwil column', () => {
  it('that contradicts the province is refused at its cell (Gorontalo was planned under Kalimantan)', async () => {
    const f = write('k1.csv', 'kanwil,province,employed,participants\nKalimantan,Gorontalo,1000,100\nSulawesi Maluku (Sulama),Sulawesi Utara,500,50\n');
    const r = await run(['breakdown', '--input', f, '--by', 'kanwil', '--target', '1000', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:2:1: error: Gorontalo is in the regional office "Sulawesi Maluku (Sulama)", not "Kalimantan"`);
    expect(r.stderr).toContain('hint: correct the kanwil column, or leave it out');
    expect((await run(['coverage', f, '--by', 'kanwil', '-f', 'csv'])).code).toBe(3);
  });

  it('is read by its short name too ("Sulama", as --expect kanwil:Sulama is)', async () => {
    const f = write('k2.csv', 'kanwil,province,employed,participants\nsulama,Gorontalo,1000,100\nSulawesi Maluku,Sulawesi Utara,500,50\n');
    const r = await run(['breakdown', '--input', f, '--by', 'kanwil', '--target', '1000', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    // One office: 100 + 50 participants, 1,000 + 500 employed, the whole target of 1,000.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kanwil: 'Sulawesi Maluku (Sulama)', participants: '150', denominator: '1500', target: '1000' });
  });
});

describe('what a matrix says about its rule, and messages that lead to the real problem', () => {
  it("meta.rule.basis is the rule's (workforce, as the 38 provinces were split), the cells' fallback named apart", async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--mode', 'level', '-f', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout).meta;
    expect(meta.rule.basis).toBe('workforce');
    expect(meta.basis).toBe('workforce');
    expect(meta.basisElsewhere).toEqual([
      { grain: ['segment'], basis: 'participants' },
      { grain: ['province', 'segment'], basis: 'participants' },
    ]);
  });

  it('gap mode with every weight 0 gives the most the units can take as today\'s participants (it said 0)', async () => {
    const f = write('z.csv', 'branch,workforce,participants\nA,100,100\nB,50,50\n');
    const r = await run(['breakdown', '--input', f, '--by', 'branch', '--target', '200', '--max', 'none']);
    expect(r.code).toBe(3);
    // Both at full coverage: no uncovered weight, each stays at today: 100 + 50 = 150.
    expect(r.stderr).toContain('together they can take at most 150; a target of 200 is above that');
    expect(r.stderr).toContain('or lower the target to at most 150');
    expect(r.stderr).not.toContain('uncovered column');
  });

  it('partial --column-totals names the missing segment first (it reported a sum mismatch)', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=30000000,BPU=12000000', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--column-totals has no total for JAKON');
    expect(r.stderr).not.toContain('add up to');
  });

  it('a margin file with both a total and a target column is refused (target was ignored without a word)', async () => {
    const f = write('mid6.csv', 'segment,total,target\nPU,30000000,1\nBPU,11000000,1\nJAKON,8000000,1\nPMI,1000000,1\n');
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', f, '-q', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:1: error: --column-totals: the file has both a "total" and a "target" column`);
  });
});

describe('the bundled baseline and revisions', () => {
  it('the note says the provinces absorb the participants not attributed to any province', async () => {
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv']);
    // 41,560,000 − 414,868 = 41,145,132; 50,000,000 − 41,145,132 = 8,854,868; 50,000,000 − 41,560,000 = 8,440,000.
    expect(r.stderr).toContain('note: the targets start from the 41,145,132 participants attributed to a province, not the national 41,560,000: the 414,868 not attributed are absorbed into their increase (8,854,868, where the national rise is 8,440,000)');
  });

  it('under a revision the Total row has its milestone before the revision (it was empty)', async () => {
    const series = write('ser.csv', 'year,target,from\n2023,41560000,\n2024,50000000,\n2024,52000000,2024-07\n');
    const r = await run(['breakdown', '--year', '2024', '--series', series, '--by', 'kanwil,province', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    // The path to 50,000,000 up to June: 41,145,132 + 6/12 × 8,854,868 = 45,572,566.
    const total = rows.find((x) => x['level'] === 'total')!;
    expect(total).toMatchObject({ from: '2024-07', from_milestone: '45572566' });
    // Each Kanwil's: the sum of its provinces'.
    const sulama = rows.filter((x) => x['kanwil'] === 'Sulawesi Maluku (Sulama)');
    const sum = sulama.filter((x) => x['level'] === 'detail').reduce((s, x) => s + Number(x['from_milestone']), 0);
    expect(sulama.find((x) => x['level'] === 'subtotal')!['from_milestone']).toBe(String(sum));
  });
});
