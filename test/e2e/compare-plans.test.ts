// coverage --compare-targets, found by review (issue 20, F2, F3, F7): plans that cover different rows,
// plans for different Decembers, the compared plans' own warnings, and --trend (which shows one plan).
// Expected numbers are computed here by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const C09 = 'period,branch,workforce,participants\n2024-09,A,1000,520\n2024-09,B,2000,790\n2024-09,C,500,100\n';

function files(): Record<string, string> {
  const dir = tmp();
  const put = (name: string, text: string): string => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return name; // run in `dir`: the plans are named as given

  };
  return {
    dir,
    c09: put('c09.csv', C09),
    c0809: put('c0809.csv', `${C09}2024-08,A,1000,500\n2024-08,B,2000,780\n2024-08,C,500,90\n`),
    t1: put('t1.csv', 'branch,target\nA,640\nB,1100\nC,260\n'),
    tab: put('tab.csv', 'branch,target\nA,640\nB,1100\n'),
    // The same two rows as tab.csv, with other targets: A +60, B −100 against t1.
    tab2: put('tab2.csv', 'branch,target\nA,700\nB,1000\n'),
    t2: put('t2.csv', 'branch,year,target\nA,2024,640\nB,2024,1100\nC,2024,260\n'),
    t6: put('t6.csv', 'branch,year,target\nA,2025,900\nB,2025,1500\nC,2025,400\n'),
  };
}

describe('coverage --compare-targets: plans with targets for different rows (F2)', () => {
  it('the Total compares like for like (the rows both plans have targets for), and says so', async () => {
    const f = files();
    const r = await run(['coverage', f.c09!, '--by', 'branch', '--targets', f.t1!, '--compare-targets', f.tab!, '--year', '2024', '-f', 'csv'], { cwd: f.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const total = rows.find((x) => x['level'] === 'total')!;
    // Each plan's own Total: t1 640+1100+260 = 2000; tab 640+1100 = 1740 (C has none).
    expect(total['target_t1']).toBe('2000');
    expect(total['target_tab']).toBe('1740');
    // The difference: A 640−640 + B 1100−1100 = 0 over the two rows both plans have, not 1740 − 2000 = −260.
    expect(total['diff_tab']).toBe('0');
    expect(total['diff_pct_tab']).toBe('0');
    expect(rows.find((x) => x['branch'] === 'C')!['diff_tab']).toBe('');
    // (A warning said under --quiet once the lead adds 'plans-rows' to MEANING in src/app/session.ts.)
    expect(r.stderr).toContain(': plan tab.csv has targets for 2 of 3 rows, the first plan (t1.csv) for 3 of 3: the difference of the subtotals and the Total (diff_tab) is over the 2 rows both plans have targets for; their targets are each plan\'s own');
  });

  it('a like-for-like difference that is not zero: A +60, B −100 → −40, −40 / 1,740 of the first plan\'s targets of those rows', async () => {
    const f = files();
    const r = await run(['coverage', f.c09!, '--by', 'branch', '--targets', f.t1!, '--compare-targets', f.tab2!, '-f', 'csv'], { cwd: f.dir });
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(total['target_tab2']).toBe('1700');
    expect(total['diff_tab2']).toBe('-40');
    expect(Number(total['diff_pct_tab2'])).toBeCloseTo(-40 / 1740, 6);
  });

  it('a subtotal compares like for like too: N (both plans, both rows) as it is, S over C only', async () => {
    const f = files();
    writeFileSync(join(f.dir!, 'd.csv'), 'period,region,branch,workforce,participants\n2024-09,N,A,1000,520\n2024-09,N,B,2000,790\n2024-09,S,C,500,100\n2024-09,S,D,400,100\n');
    writeFileSync(join(f.dir!, 'p1.csv'), 'region,branch,target\nN,A,640\nN,B,1100\nS,C,260\nS,D,200\n');
    writeFileSync(join(f.dir!, 'p2.csv'), 'region,branch,target\nN,A,700\nN,B,1000\nS,C,300\n');
    const r = await run(['coverage', 'd.csv', '--by', 'region,branch', '--targets', 'p1.csv', '--compare-targets', 'p2.csv', '-f', 'csv'], { cwd: f.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const sub = (region: string) => rows.find((x) => x['level'] === 'subtotal' && x['region'] === region)!;
    // N: 1700 − 1740 = −40 (both plans have A and B), −40 / 1740.
    expect(sub('N')['diff_p2']).toBe('-40');
    expect(Number(sub('N')['diff_pct_p2'])).toBeCloseTo(-40 / 1740, 6);
    // S: p1 460 (C 260 + D 200), p2 300 (C only): over C, 300 − 260 = +40, +40 / 260; not 300 − 460 = −160.
    expect([sub('S')['target_p1'], sub('S')['target_p2'], sub('S')['diff_p2']]).toEqual(['460', '300', '40']);
    expect(Number(sub('S')['diff_pct_p2'])).toBeCloseTo(40 / 260, 6);
    // Total: +60 − 100 + 40 = 0 over A, B, C (not 2000 − 2200 = −200).
    const total = rows.find((x) => x['level'] === 'total')!;
    expect(total['diff_p2']).toBe('0');
    expect(r.stderr).toContain('plan p2.csv has targets for 3 of 4 rows, the first plan (p1.csv) for 4 of 4: the difference of the subtotals and the Total (diff_p2) is over the 3 rows both plans have targets for');
  });

  it('says the compared plan\'s own warnings, named by its plan (the targets for 2 of 3 rows)', async () => {
    const f = files();
    const r = await run(['coverage', f.c09!, '--by', 'branch', '--targets', f.t1!, '--compare-targets', f.tab!, '--year', '2024', '-f', 'csv', '--quiet'], { cwd: f.dir });
    expect(r.stderr).toContain('warning: [tab.csv] targets for 2 of 3 rows: the subtotals and the Total compare those rows only (none for C)');
    // t1.csv has a milestone for none of its 3 rows, tab.csv for none of its 2: each said under its plan.
    expect(r.stderr).toContain('warning: [t1.csv] 3 of 3 rows with a target have no milestone for 2024-09');
    expect(r.stderr).toContain('warning: [tab.csv] 2 of 2 rows with a target have no milestone for 2024-09');
    // The report keeps them as said.
    const j = await run(['coverage', f.c09!, '--by', 'branch', '--targets', f.t1!, '--compare-targets', f.tab!, '--year', '2024', '-f', 'json'], { cwd: f.dir });
    const notes = (JSON.parse(j.stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en);
    expect(notes).toContain('[tab.csv] targets for 2 of 3 rows: the subtotals and the Total compare those rows only (none for C)');
    expect(notes.some((n) => n.startsWith('plan tab.csv has targets for 2 of 3 rows'))).toBe(true);
    expect(notes.some((n) => n.startsWith('3 of 3 rows with a target have no milestone'))).toBe(false);
  });
});

describe('coverage --compare-targets: plans for different Decembers (F3)', () => {
  it('says so, naming both plans and their years', async () => {
    const f = files();
    const r = await run(['coverage', f.c09!, '--by', 'branch', '--targets', f.t2!, '--compare-targets', f.t6!, '-f', 'csv', '--quiet'], { cwd: f.dir });
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(total['diff_t6']).toBe(String(2800 - 2000));
    // A warning, said under --quiet.
    expect(r.stderr).toContain('warning: the plans aim at different Decembers: t2.csv at December 2024, t6.csv at December 2025: their targets and the differences between them are not for the same year');
  });

  it('plans for the same December: no such warning', async () => {
    const f = files();
    const r = await run(['coverage', f.c09!, '--by', 'branch', '--targets', f.t1!, '--compare-targets', f.t2!, '--year', '2024', '-f', 'csv'], { cwd: f.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('different Decembers');
  });
});

describe('coverage --trend --compare-targets (F7)', () => {
  it('is refused (exit 2): the trend view shows the run\'s targets only', async () => {
    const f = files();
    const r = await run(['coverage', f.c0809!, '--by', 'branch', '--targets', f.t1!, '--compare-targets', f.tab2!, '--trend', '-f', 'csv'], { cwd: f.dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--compare-targets would have no effect: the trend view (--trend) shows the targets of the run (--targets or --year) only');
    expect(r.stderr).toContain('hint: leave out --trend to see the plans side by side, or --compare-targets for the trend');
  });
});
