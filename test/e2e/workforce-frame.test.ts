// The denominators of an extract (--workforce, the bundled baseline) and the months around them, found
// by a review (fx7):
//   2. a workforce without an area of the report: its rows showed no coverage, yet the subtotals and the
//      Total divided every participant by the other areas' workforce (Total 10 / 3,000 = 0.33 %), and
//      --fail-below --fail-scope total passed on that figure;
//   3. a workforce given for some regencies only became the whole province's denominator, unsaid;
//   4. a workforce of another month (2019-01 for a 2024-06 report) was used without a word, while a file
//      with one area a month behind the others left that area out;
//   7. --previous with a file without a month was dropped without a word;
//   8. --period on an input without a month labelled it, unsaid;
//   9. an extract's coverage_change_pp was always empty (the previous month had no denominator).
// Every expected figure is by hand: an extract of 3 Gorontalo, 4 Aceh and 3 Bali participants in 2024-06.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => writeIn(dir, name, text);

const extractRows = [
  ['001', 'Gorontalo', 'PU'],
  ['002', 'Gorontalo', 'BPU'],
  ['003', 'Gorontalo', 'PU'],
  ['004', 'Aceh', 'PU'],
  ['005', 'Aceh', 'PU'],
  ['006', 'Aceh', 'BPU'],
  ['007', 'Aceh', 'BPU'],
  ['008', 'Bali', 'PU'],
  ['009', 'Bali', 'PU'],
  ['010', 'Bali', 'PU'],
];
const s1 = file('s1.csv', `participant_id,province,segment,period\n${extractRows.map((r) => `${r.join(',')},2024-06\n`).join('')}`);
// The same extract past 4 MiB (a long note per row), so that it is read by the byte-level extract engine.
const pad = 'x'.repeat(430_000);
const big = file('big.csv', `participant_id,province,segment,period,note\n${extractRows.map((r) => `${r.join(',')},2024-06,${pad}\n`).join('')}`);
const json = file('s1.json', JSON.stringify(extractRows.map(([id, province, segment]) => ({ participant_id: id, province, segment, period: '2024-06' }))));
const wf4 = file('wf4.csv', 'province,workforce\nGorontalo,1000\nAceh,2000\nJawa Barat,9000\n');
const wfr = file('wfr.csv', 'province,regency,workforce\nGorontalo,Kab. Boalemo,1000\nGorontalo,Kab. Gorontalo,2000\nAceh,Kab. Aceh Besar,500\n');

const byLevel = (stdout: string, level: string): Record<string, string>[] => csvRows(stdout).filter((r) => r.level === level);
const total = (stdout: string): Record<string, string> => byLevel(stdout, 'total')[0]!;
const notesOf = (stdout: string): string[] => (JSON.parse(stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en);

describe('2. a workforce that lacks an area of the report: no coverage for the Total over it', () => {
  for (const [path, how] of [
    [s1, 'general path'],
    [big, 'extract engine'],
    [json, 'JSON'],
  ] as const) {
    it(`the Total has no denominator nor coverage (${how})`, async () => {
      const r = await run(['coverage', path, '--workforce', wf4, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      const rows = byLevel(r.stdout, 'detail');
      expect(rows.map((x) => [x.province, x.denominator, x.coverage])).toEqual([
        ['Gorontalo', '1000', '0.003'], // 3 / 1,000
        ['Aceh', '2000', '0.002'], // 4 / 2,000
        ['Bali', '', ''],
      ]);
      expect(total(r.stdout)).toMatchObject({ participants: '10', denominator: '', coverage: '', uncovered: '' });
      expect(r.stderr).toContain('workforce is not given for 1 of 3 rows (e.g. Bali)');
    });
  }

  it('--fail-below --fail-scope total: the Total has no value, so the run fails (exit 1)', async () => {
    const r = await run(['coverage', s1, '--workforce', wf4, '-f', 'csv', '--fail-below', '0.3%', '--fail-scope', 'total']);
    expect(r.code).toBe(1);
  });

  it('--by kanwil: the same', async () => {
    const r = await run(['coverage', s1, '--workforce', wf4, '-f', 'csv', '--by', 'kanwil']);
    expect(total(r.stdout)).toMatchObject({ participants: '10', denominator: '', coverage: '' });
  });

  it('a subtotal over a row without a workforce has none either; the other subtotal keeps its own', async () => {
    const wfs = file('wfs.csv', 'province,segment,workforce\nGorontalo,PU,600\nGorontalo,BPU,400\nAceh,PU,1500\nBali,PU,3000\n');
    const r = await run(['coverage', s1, '--workforce', wfs, '-f', 'csv', '--by', 'province,segment']);
    const subs = byLevel(r.stdout, 'subtotal');
    expect(subs.map((x) => [x.province, x.denominator, x.coverage])).toEqual([
      ['Gorontalo', '1000', '0.003'], // 3 / (600 + 400)
      ['Aceh', '', ''], // Aceh BPU has no workforce
      ['Bali', '3000', '0.001'], // 3 / 3,000
    ]);
    expect(total(r.stdout)).toMatchObject({ participants: '10', denominator: '', coverage: '' });
  });

  it('a workforce per regency that lacks a province: the Total has none (not 10 / 3,500)', async () => {
    const r = await run(['coverage', s1, '--workforce', wfr, '-f', 'csv']);
    expect(total(r.stdout)).toMatchObject({ participants: '10', denominator: '', coverage: '' });
  });

  it('every area has a workforce: the Total is theirs (10 / 6,000)', async () => {
    const wf1 = file('wf1.csv', 'province,workforce\nGorontalo,1000\nAceh,2000\nBali,3000\n');
    const r = await run(['coverage', s1, '--workforce', wf1, '-f', 'csv']);
    expect(total(r.stdout)).toMatchObject({ participants: '10', denominator: '6000', coverage: '0.001667' });
  });
});

describe('3. a workforce of some regencies only, as a province denominator', () => {
  it('is warned, naming each province and how many of its regencies it covers, under --quiet too', async () => {
    const r = await run(['coverage', s1, '--workforce', wfr, '-f', 'csv', '--quiet']);
    expect(r.code).toBe(0);
    const rows = byLevel(r.stdout, 'detail');
    expect(rows.map((x) => [x.province, x.denominator])).toEqual([
      ['Gorontalo', '3000'], // 1,000 + 2,000
      ['Aceh', '500'],
      ['Bali', ''],
    ]);
    // Gorontalo has 6 regencies and cities (5 kabupaten, 1 kota); Aceh 23 (18 + 5).
    // And the regencies each row is the coverage of (rv25 F8).
    expect(r.stderr).toMatch(/warning: .*workforce.* only in part.*Gorontalo \(2 of 6 regencies and cities: its row is the coverage of Kabupaten Boalemo and Kabupaten Gorontalo\).*Aceh \(1 of 23 regencies and cities: its row is the coverage of Kabupaten Aceh Besar\)/);
  });
});

describe('4. a workforce of another month', () => {
  const wf6 = file('wf6.csv', 'province,period,workforce\nGorontalo,2019-01,1000\nAceh,2019-01,2000\nBali,2019-01,3000\n');
  const wf7 = file('wf7.csv', 'province,period,workforce\nGorontalo,2024-05,1000\nAceh,2024-05,2000\nBali,2024-05,3000\nGorontalo,2024-04,900\nAceh,2024-04,1900\nBali,2024-04,2900\n');
  const wf3 = file('wf3.csv', 'province,period,workforce\nGorontalo,2024-05,1000\nAceh,2024-06,2000\nBali,2024-06,3000\n');

  it('one other month: used, and said (naming it) under --quiet too', async () => {
    const r = await run(['coverage', s1, '--workforce', wf6, '-f', 'json', '--quiet']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { totals: { coverage: number } };
    expect(doc.totals.coverage).toBe(0.001667); // 10 / 6,000
    expect(notesOf(r.stdout).join('\n')).toMatch(/workforce figures .*wf6\.csv.* are of 2019-01, not 2024-06's/);
    expect(r.stderr).toMatch(/warning: .*2019-01, not 2024-06's/);
  });

  it('several months, none the report\'s: the latest before it (2024-05, not 2024-04)', async () => {
    const r = await run(['coverage', s1, '--workforce', wf7, '-f', 'csv']);
    expect(byLevel(r.stdout, 'detail').map((x) => x.denominator)).toEqual(['1000', '2000', '3000']);
    expect(r.stderr).toMatch(/2024-05, not 2024-06's/);
  });

  it("an area a month behind the others: its latest month is used (not dropped), and named", async () => {
    const r = await run(['coverage', s1, '--workforce', wf3, '-f', 'csv']);
    expect(byLevel(r.stdout, 'detail').map((x) => [x.province, x.denominator, x.coverage])).toEqual([
      ['Gorontalo', '1000', '0.003'],
      ['Aceh', '2000', '0.002'],
      ['Bali', '3000', '0.001'],
    ]);
    expect(total(r.stdout)).toMatchObject({ denominator: '6000', coverage: '0.001667' });
    expect(r.stderr).not.toContain('not given');
    expect(r.stderr).toMatch(/2024-05 for Gorontalo, not 2024-06's/);
  });

  it("the report's own month: nothing said", async () => {
    const wf2 = file('wf2.csv', 'province,period,workforce\nGorontalo,2024-05,1000\nGorontalo,2024-06,1100\nAceh,2024-06,2000\nBali,2024-06,3000\n');
    const r = await run(['coverage', s1, '--workforce', wf2, '-f', 'csv']);
    expect(byLevel(r.stdout, 'detail').map((x) => x.denominator)).toEqual(['1100', '2000', '3000']);
    expect(r.stderr).toBe('');
  });
});

const m5 = file('m5.csv', 'participant_id,province,period\n1,Gorontalo,2024-05\n2,Gorontalo,2024-05\n');
const m6 = file('m6.csv', 'participant_id,province,period\n1,Gorontalo,2024-06\n2,Gorontalo,2024-06\n3,Gorontalo,2024-06\n');

describe('7. --previous with a file without a month', () => {
  it('an extract: refused (exit 3), the file named, nothing written', async () => {
    const m5n = file('m5n.csv', 'participant_id,province\n1,Gorontalo\n2,Gorontalo\n');
    const r = await run(['coverage', m6, '--previous', m5n, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('m5n.csv');
    expect(r.stderr).toMatch(/hint: .*period/);
  });

  it('a regional file: the same', async () => {
    const r6 = file('r6r.csv', 'province,period,participants,workforce\nGorontalo,2024-06,120,1000\n');
    const rn = file('rn.csv', 'province,participants,workforce\nGorontalo,100,1000\n');
    const r = await run(['coverage', r6, '--previous', rn, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('rn.csv');
  });
});

describe('8. --period on an input without a month', () => {
  it('says that the input has no month and is reported as --period\'s', async () => {
    const nm = file('nm.csv', 'participant_id,province\n1,Gorontalo\n2,Gorontalo\n3,Aceh\n');
    const r = await run(['coverage', nm, '--period', '2019-01', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(notesOf(r.stdout).join('\n')).toMatch(/nm\.csv has no period column: its rows are taken as 2019-01/);
  });
});

describe("9. an extract's coverage_change_pp", () => {
  const detail = (stdout: string): Record<string, string> => byLevel(stdout, 'detail')[0]!;

  it("--previous and a workforce of both months: the previous month's coverage over its own workforce", async () => {
    const wfg2 = file('wfg2.csv', 'province,period,workforce\nGorontalo,2024-06,1000\nGorontalo,2024-05,800\n');
    const r = await run(['coverage', m6, '--previous', m5, '--workforce', wfg2, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 3 / 1,000 − 2 / 800 = 0.3 % − 0.25 % = 0.05 points
    expect(detail(r.stdout)).toMatchObject({ change: '1', coverage_change_pp: '0.05' });
    expect(total(r.stdout)).toMatchObject({ change: '1', coverage_change_pp: '0.05' });
  });

  it('two months in one file, a workforce without a month: the same workforce for both, and said', async () => {
    const both = file('m56.csv', 'participant_id,province,period\n1,Gorontalo,2024-05\n2,Gorontalo,2024-05\n1,Gorontalo,2024-06\n2,Gorontalo,2024-06\n3,Gorontalo,2024-06\n');
    const wfg = file('wfg.csv', 'province,workforce\nGorontalo,1000\n');
    const r = await run(['coverage', both, '--workforce', wfg, '-f', 'csv']);
    // (3 − 2) / 1,000 = 0.1 points
    expect(detail(r.stdout)).toMatchObject({ change: '1', coverage_change_pp: '0.1' });
    expect(r.stderr).toMatch(/2024-05.*same workforce/);
  });

  it("the bundled baseline: both months over its 2023-12 workforce (Gorontalo's employed, 631,521)", async () => {
    const r = await run(['coverage', m6, '--previous', m5, '-f', 'csv']);
    const pp = Number(detail(r.stdout).coverage_change_pp);
    expect(pp).toBeCloseTo((100 * (3 - 2)) / 631_521, 4);
    expect(pp).not.toBe(0);
  });
});
