// --fail-below in a monthly job: a row without coverage (its file lacks the workforce column) was passed
// over, the run exited 0 ("every row at or above the threshold"), and --quiet hid the only warning. Now
// such rows make the check fail (exit 1, the report written), named with an example; the warning that
// they show no coverage survives --quiet; and "below X for N of M" counts only the rows it checked.
// Found by a review. The figures are by hand: Gorontalo 400 of 1,000 = 40 %; Aceh has no workforce.
// Also here: a row that lacks a key of --by is placed by its file (the message gave only its line).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gorontalo = join(dir, 'gorontalo.csv');
const aceh = join(dir, 'aceh.csv');
writeFileSync(gorontalo, 'period,province,workforce,participants\n2024-06,Gorontalo,1000,400\n');
writeFileSync(aceh, 'period,province,participants\n2024-06,Aceh,100\n');

describe('--fail-below and rows without a value', () => {
  it('a row the threshold cannot check fails the run (exit 1), said under --quiet, the report written', async () => {
    const out = join(dir, 'june.csv');
    const r = await run(['coverage', gorontalo, aceh, '--fail-below', '30', '--quiet', '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.stderr).toContain('warning: workforce is not given for 1 of 2 rows (e.g. Aceh): they show no coverage');
    expect(r.stderr).toContain('error: 1 of 2 rows could not be checked against 30.00%: they have no coverage (no denominator; e.g. Aceh)');
  });

  it('rows below the threshold are counted among the rows checked', async () => {
    const r = await run(['coverage', gorontalo, aceh, '--fail-below', '50', '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: coverage below 50.00% for 1 of 1: Gorontalo 40.00%; 1 of 2 rows could not be checked against 50.00%');
  });

  it('every row checked and above the threshold: exit 0', async () => {
    const r = await run(['coverage', gorontalo, '--fail-below', '30', '--quiet', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a denominator known only per province: the refusal says so and points to --fail-scope total', async () => {
    // An extract by province × segment against a workforce per province: only the province rows and
    // the Total have coverage (3 of 12 = 25 %).
    const extract = join(dir, 'extract.csv');
    const workforce = join(dir, 'workforce.csv');
    writeFileSync(extract, 'participant_id,province,segment,period\n1,Gorontalo,PU,2024-06\n2,Gorontalo,BPU,2024-06\n3,Aceh,PU,2024-06\n');
    writeFileSync(workforce, 'province,workforce\nGorontalo,10\nAceh,2\n');
    const base = ['coverage', extract, '--extract', '--workforce', workforce, '--by', 'province,segment', '--fail-below', '30', '-f', 'csv'];
    const any = await run(base);
    expect(any.code).toBe(1);
    expect(any.stderr).toContain("no row at the report's grain has a coverage value (its denominator is known only for coarser groups; see the notes)");
    expect(any.stderr).toContain('hint: the report was written; --fail-scope total checks the Total');
    const total = await run([...base, '--fail-scope', 'total']);
    expect(total.code).toBe(1);
    expect(total.stderr).toContain('coverage below 30.00% for 1 of 1: Total 25.00%');
  });
});

describe('--fail-below and what it cannot check', () => {
  it('a row with a denominator of 0 (nobody to cover) passes, and is said', async () => {
    // (A sector: a province's or regency's own workforce of 0 is refused since rv21 I.)
    const zero = join(dir, 'zero.csv');
    writeFileSync(zero, 'period,province,sector,workforce,participants\n2024-06,Gorontalo,Pertanian,1000,500\n2024-06,Gorontalo,Perikanan,0,0\n');
    const r = await run(['coverage', zero, '--by', 'province,sector', '--fail-below', '30', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: --fail-below: 1 row has a denominator of 0 (e.g. Gorontalo / Perikanan): nothing to cover, not checked');
    // Below the threshold: the row of 0 is not among those checked (Pertanian 500 of 1,000 = 50 %).
    const below = await run(['coverage', zero, '--by', 'province,sector', '--fail-below', '60', '-f', 'csv']);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('error: coverage below 60.00% for 1 of 1: Gorontalo / Pertanian 50.00%');
  });

  it('no row with a denominator at all: exit 1 (the report written), not a usage error', async () => {
    const none = join(dir, 'none.csv');
    writeFileSync(none, 'period,province,regency,participants\n2024-06,Gorontalo,Kab. Boalemo,500\n');
    const out = join(dir, 'none-report.csv');
    const r = await run(['coverage', none, '--by', 'province,regency', '--fail-below', '30', '--workforce', none, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.stderr).toContain('1 of 1 row could not be checked against 30.00%: they have no coverage (no denominator; e.g. Gorontalo / Kabupaten Boalemo)');
  });
});

describe('a denominator known per province in a report without provinces', () => {
  it('says only the Total shows coverage (it said "the province rows do", and there are none)', async () => {
    const extract = join(dir, 'branches.csv');
    const workforce = join(dir, 'wf-province.csv');
    writeFileSync(extract, 'participant_id,province,branch,period\n1,Gorontalo,K1,2024-06\n2,Aceh,K2,2024-06\n');
    writeFileSync(workforce, 'province,workforce\nGorontalo,10\nAceh,2\n');
    const r = await run(['coverage', extract, '--extract', '--workforce', workforce, '--by', 'branch', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: workforce is known per province, not per branch: the branch rows show no coverage; only the Total does');
  });
});

describe('a row without a key the report groups by', () => {
  it('is placed by its file and line (it said "line 2" without the file)', async () => {
    const withRegency = join(dir, 'boalemo.csv');
    const without = join(dir, 'aceh-only.csv');
    writeFileSync(withRegency, 'period,province,regency,workforce,participants\n2024-06,Gorontalo,Boalemo,1000,400\n');
    writeFileSync(without, 'period,province,workforce,participants\n2024-06,Aceh,3000,1200\n');
    const r = await run(['coverage', withRegency, without, '--by', 'province,regency', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error: cannot group by regency/city: ${without}:2 has no regency/city`);
  });
});

describe('--fail-on achievement with nothing to check', () => {
  // A usage error (exit 2) writes nothing, as the exit-code table says; the report was written before.
  it('a report without targets is refused before it is written', async () => {
    const out = join(dir, 'no-targets.csv');
    const r = await run(['coverage', gorontalo, '--fail-below', '50', '--fail-on', 'achievement', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on achievement: the report has no achievement values (pass --targets or --year)');
    expect(existsSync(out)).toBe(false);
  });
});
