// Found by a review of the planning side; every figure by hand.
//   Branches in September: A 520 of 1,000, B 790 of 2,000, C 100 of 500 (regions: A, B in R1; C in R2).
// 1. target coverage of a subtotal or the Total whose rows have targets in part was the target over
//    every row's denominator (640 / 3,000); it is over the rows with a target (640 / 1,000), as gap and
//    achievement are;
// 2. targets per branch in a report by region × branch showed on no row but the Total, without a word;
// 3. a projection could pass the denominator (A: 900 of 1,000 rising 100 a month → 1,500 in December)
//    and turn the Total's projected status; it stops at the denominator, and it is said;
// 4. JSON meta.revision of a targets file with revised rows said total 0, before null;
// 5. breakdown --year 2023 on a June 2024 input wrote a plan for December 2023 without a word.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string): string => writeIn(dir, name, text);

const regions = f('r09.csv', 'period,region,branch,workforce,participants\n2024-09,R1,A,1000,520\n2024-09,R1,B,2000,790\n2024-09,R2,C,500,100\n');

describe('the planning side, as a review found it', () => {
  it('target coverage of a level with targets in part is over the rows that have one', async () => {
    const targets = f('tA2.csv', 'region,branch,target\nR1,A,640\nR2,C,260\n');
    const r = await run(['coverage', regions, '--by', 'region,branch', '--targets', targets, '--year', '2024', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const r1 = rows.find((x) => x['region'] === 'R1' && x['level'] === 'subtotal')!;
    expect(r1).toMatchObject({ target: '640', target_coverage: '0.64', gap: '120', achievement: '0.8125' }); // 640 / 1,000; 640 − 520; 520 / 640
    const total = rows.find((x) => x['level'] === 'total')!;
    expect(total).toMatchObject({ target: '900', target_coverage: '0.6', gap: '280' }); // 900 / (1,000 + 500); 900 − 620
  });

  it('targets per branch in a report by region × branch: said that only the Total shows them', async () => {
    const targets = f('t1.csv', 'branch,target\nA,640\nB,1100\nC,260\n');
    const r = await run(['coverage', regions, '--by', 'region,branch', '--targets', targets, '--year', '2024', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: targets are given per branch: a report by region × branch shows them only in the Total (their sum), on no other row; --by branch shows each');
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')).toMatchObject({ target: '2000' });
  });

  it('a projection stops at the denominator (100 % coverage), and the Total adds the capped rows', async () => {
    const months = join(dir, 'y10');
    mkdirSync(months, { recursive: true });
    // A rises 100 a month from 400 to 900; B 30 a month from 500 to 650; C falls 2 a month from 100 to 90.
    for (let m = 1; m <= 6; m++) {
      const p = `2024-0${m}`;
      writeFileSync(join(months, `${p}.csv`), `period,branch,workforce,participants\n${p},A,1000,${300 + 100 * m}\n${p},B,2000,${470 + 30 * m}\n${p},C,500,${102 - 2 * m}\n`);
    }
    const targets = f('t1b.csv', 'branch,target\nA,640\nB,1100\nC,260\n');
    const r = await run(['coverage', join(months, '*.csv'), '--by', 'branch', '--targets', targets, '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    // Six months to December at the pace of the last three: A 900 + 600 = 1,500 → its workforce, 1,000;
    // B 650 + 180 = 830; C 90 − 12 = 78. Total 1,908 of a target 2,000: 95.4 % → at risk (margin 5 %).
    expect(rows.find((x) => x['branch'] === 'A')).toMatchObject({ projected: '1000' });
    expect(rows.find((x) => x['branch'] === 'B')).toMatchObject({ projected: '830' });
    expect(rows.find((x) => x['branch'] === 'C')).toMatchObject({ projected: '78' });
    expect(rows.find((x) => x['level'] === 'total')).toMatchObject({ projected: '1908', projected_gap: '92', projected_status: 'at-risk' });
    expect(r.stderr).toContain('warning: 1 of 3 rows would pass their workforce by 2024-12 at their pace: their projection is their workforce (100% coverage)');
  });

  it('breakdown --year for a December before the input\'s month is refused (it planned for a year already past)', async () => {
    const june = f('b4.csv', 'period,branch,workforce,participants\n2024-06,A,1000,400\n2024-06,B,2000,500\n2024-06,C,500,100\n');
    const past = await run(['breakdown', '--input', june, '--by', 'branch', '--target', '2000', '--year', '2023', '-f', 'csv']);
    expect(past.code).toBe(2);
    expect(past.stdout).toBe('');
    expect(past.stderr).toContain('error: --year 2023: the input is of 2024-06, after December 2023: the targets would be for a December already past');
    const ok = await run(['breakdown', '--input', june, '--by', 'branch', '--target', '2000', '--year', '2024', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('an --expect file of one column is read (it was refused: "cannot tell the delimiter"); a title line above a header still asks', async () => {
    const sept = f('c09.csv', 'period,branch,workforce,participants\n2024-09,A,1000,520\n2024-09,B,2000,790\n2024-09,C,500,100\n');
    const all = await run(['coverage', sept, '--by', 'branch', '--expect', f('exp.csv', 'branch\nA\nB\nC\n'), '-f', 'csv', '-q']);
    expect(all.code, all.stderr).toBe(0);
    const two = await run(['coverage', sept, '--by', 'branch', '--expect', f('exp2.csv', 'branch\nA\nB\n'), '-f', 'csv', '-q']);
    expect(two.code).toBe(3);
    expect(two.stderr).toContain('outside the expected scope (--expect): C');
    const titled = await run(['coverage', f('title.csv', 'Laporan Juni\nperiod,branch,workforce,participants\n2024-09,A,1,1\n'), '--by', 'branch', '-f', 'csv']);
    expect(titled.code).toBe(3);
    expect(titled.stderr).toContain('cannot tell the delimiter');
  });

  it('a revision that leaves units out is refused (they had no target from then, and the Total shrank)', async () => {
    const october = f('c10b.csv', 'period,branch,workforce,participants\n2024-10,A,1000,520\n2024-10,B,2000,790\n2024-10,C,500,100\n');
    const partial = f('trp.csv', 'branch,year,target,from\nA,2024,640,\nB,2024,1100,\nC,2024,260,\nA,2024,712,2024-09\n');
    const r = await run(['coverage', october, '--by', 'branch', '--targets', partial, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --targets: the revision in force from 2024-09 gives targets for 1 of 3 units; B, C have none from then');
  });

  it('targets on an input without a month: said that status compares with December and there is no run rate', async () => {
    const noMonth = f('np.csv', 'branch,workforce,participants\nA,1000,520\nB,2000,790\n');
    const targets = f('tnp.csv', 'branch,year,target\nA,2024,640\nB,2024,1100\n');
    const r = await run(['coverage', noMonth, '--by', 'branch', '--targets', targets, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the input has no month (no period column): the milestone of the month and the months left are unknown, so status compares with the December target and there is no run rate');
  });

  it('--compare-targets with a plan of another year than --year: the refusal names the flag and its file, and a way that works', async () => {
    const sept = f('c09c.csv', 'period,branch,workforce,participants\n2024-09,A,1000,520\n2024-09,B,2000,790\n2024-09,C,500,100\n');
    const t24 = f('t24.csv', 'branch,year,target\nA,2024,640\nB,2024,1100\nC,2024,260\n');
    const t25 = f('t25.csv', 'branch,year,target\nA,2025,700\nB,2025,1200\nC,2025,300\n');
    const r = await run(['coverage', sept, '--by', 'branch', '--targets', t24, '--year', '2024', '--compare-targets', t25, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error: --compare-targets ${t25}: no targets for 2024, the year of the run's own targets, in the file (it has 2025)`);
    const ok = await run(['coverage', sept, '--by', 'branch', '--targets', t24, '--compare-targets', t25, '-f', 'csv', '-q']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('warning: the plans aim at different Decembers');
  });

  it('an employer extract without a participants column is refused (each employer counted as one participant)', async () => {
    const employers = f('emp2.csv', 'npp,province\nE1,Gorontalo\nE2,Gorontalo\n');
    const r = await run(['coverage', employers, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: the file is an employer extract ("npp") without a participants column: each row would count as one participant, and it is an employer');
    // With the column, the employers' participants are added up: 10 + 5.
    const counted = f('emp3.csv', 'npp,province,participants\nE1,Gorontalo,10\nE2,Gorontalo,5\n');
    const ok = await run(['coverage', counted, '-f', 'csv', '-q']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(csvRows(ok.stdout).find((x) => x['level'] === 'total')).toMatchObject({ participants: '15' });
  });

  it('breakdown: a --min below today in gap mode, and a profile with months before the baseline, are said', async () => {
    const june = f('b4b.csv', 'period,branch,workforce,participants\n2024-06,A,1000,400\n2024-06,B,2000,500\n2024-06,C,500,100\n');
    const min = await run(['breakdown', '--input', june, '--by', 'branch', '--target', '2000', '--min', '50', '-f', 'csv']);
    expect(min.code, min.stderr).toBe(0);
    expect(min.stderr).toContain("note: --min 50 is below today's participants for 3 of 3 units (A, B, C): in --mode gap a target never falls below today, so their minimum is today's participants");
    // A profile for the whole year on a June baseline: January to June are not on the path.
    const profile = f('profile.csv', 'month,weight\n' + Array.from({ length: 12 }, (_, i) => `${i + 1},1`).join('\n') + '\n');
    const months = await run(['breakdown', '--input', june, '--by', 'branch', '--target', '2000', '--year', '2024', '--months', '--phasing', profile, '-f', 'csv']);
    expect(months.code, months.stderr).toBe(0);
    expect(months.stderr).toContain(`warning: the phasing profile (${profile}) gives weights for January, February, March, April, May, June too; the path runs from after 2024-06: those months are left out and the others' weights share the whole increase`);
  });

  it('a revision in a targets file: meta.revision gives its total and the total before it', async () => {
    const october = f('c10.csv', 'period,branch,workforce,participants\n2024-10,A,1000,520\n2024-10,B,2000,790\n2024-10,C,500,100\n');
    const targets = f('trev.csv', 'branch,year,target,from\nA,2024,640,\nB,2024,1100,\nC,2024,260,\nA,2024,712,2024-09\nB,2024,1280,2024-09\nC,2024,308,2024-09\n');
    const r = await run(['coverage', october, '--by', 'branch', '--targets', targets, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    // 712 + 1,280 + 308 = 2,300 from September; 640 + 1,100 + 260 = 2,000 before.
    expect((JSON.parse(r.stdout) as { meta: { revision: unknown } }).meta.revision).toEqual({ from: '2024-09', total: 2300, before: 2000, asOf: '2024-10', fileFrom: '2024-09' });
  });
});
