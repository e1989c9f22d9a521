// coverage --year 2023 planned December 2023's published actual (41,560,000, data/targets.csv kind
// actual) as a target for the baseline's own month: Gorontalo "target" 257,665 against 256,129 today,
// the 414,868 participants no province holds handed out as an "increase". breakdown --year 2023 is
// refused for this; coverage --year now is too, with the same words. Found by a review.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('coverage --year and the baseline December', () => {
  it('a plan for the bundled baseline December itself is refused, saying the figure is an actual', async () => {
    const r = await run(['coverage', '--year', '2023', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --year 2023: the bundled baseline is of 2023-12, the December the targets would be for');
    expect(r.stderr).toContain("data/targets.csv's 2023 figure is the published actual");
    expect(r.stderr).toContain('hint: give the year the targets are for (2024 or later)');
  });
  it('the next year still plans: 50,000,000 for 2024', async () => {
    const r = await run(['coverage', '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^,Total,140163271,41145132,0\.293551,99018139,50000000,/m);
  });
});

describe('breakdown --compare says the plan notes', () => {
  it('the months left out of the input are said once, as without --compare', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const f = join(mkdtempSync(join(tmpdir(), 'jk-')), 'p.csv');
    writeFileSync(f, 'period,branch,workforce,participants\n2024-05,A,1000,100\n2024-05,B,500,50\n2024-06,A,1000,110\n2024-06,B,500,55\n');
    const r = await run(['breakdown', '--input', f, '--by', 'branch', '--target', '500', '--year', '2024', '--compare', 'webster,hamilton', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const said = 'the input has several months: breakdown plans from the latest, 2024-06 (every unit has rows for it); the rows of 2024-05 are left out';
    expect(r.stderr).toContain(`note: ${said}\n`);
    expect((JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en)).toContain(said);
  });
});

describe('the unattributed participants absorbed into the increase', () => {
  // The bundled baseline: 41,560,000 national, 41,145,132 in the provinces, 414,868 in none. Planned
  // from the provinces' sum, 50,000,000 − 41,145,132 = 8,854,868 goes to the provinces, where the
  // national rise is 50,000,000 − 41,560,000 = 8,440,000.
  const said = 'the 414,868 not attributed are absorbed into their increase (8,854,868, where the national rise is 8,440,000)';
  it('breakdown --compare says it, as breakdown does', async () => {
    const r = await run(['breakdown', '--year', '2024', '--compare', 'webster,hamilton', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(said);
  });
  it('coverage --year says it too: its targets are that breakdown', async () => {
    const r = await run(['coverage', '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(said);
  });
});
