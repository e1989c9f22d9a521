// validate reads files "exactly as coverage does — the same checks, the same accept or refuse" (README).
// Review rv25 F1, F6, F5: it ignored --workforce and --expect (typed or from jamsostek.json), so it called
// valid a file coverage refuses, refused one coverage accepts, and hinted a flag it did not take; and a
// config "fields" list kept for the coverage report made validate (and breakdown, provinces) exit 2.
// Each test failed on main at 1ff05be. Figures are worked out by hand here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

/** n participants of one province in June 2024, one row each. */
const extract = (province: string, n: number): string => {
  const lines = ['period,participant_id,province'];
  for (let i = 0; i < n; i++) lines.push(`2024-06,P${String(i).padStart(6, '0')},${province}`);
  return lines.join('\n') + '\n';
};

describe('validate takes --workforce as coverage does (rv25 F1)', () => {
  it('120 participants of Gorontalo over an employed of 100: coverage and validate both refuse (exit 3)', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'ext.csv'), extract('Gorontalo', 120));
    writeFileSync(join(cwd, 'wf.csv'), 'period,province,employed\n2024-06,Gorontalo,100\n');
    const c = await run(['coverage', 'ext.csv', '--extract', '--workforce', 'wf.csv', '-f', 'csv'], { cwd });
    expect(c.code).toBe(3);
    const v = await run(['validate', 'ext.csv', '--extract', '--workforce', 'wf.csv', '-f', 'csv'], { cwd });
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('120 participants');
    expect(v.stderr).toContain('100 employed');
  });

  it('the config\'s "workforce" is the same rule for both: 1,000 participants of Gorontalo under an employed of 2,000 are valid', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'ext.csv'), extract('Gorontalo', 1000));
    writeFileSync(join(cwd, 'wf.csv'), 'period,province,employed\n2024-06,Gorontalo,2000\n');
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "extract": true, "workforce": "wf.csv" }');
    const c = await run(['coverage', 'ext.csv', '-f', 'csv'], { cwd });
    expect(c.code).toBe(0);
    // 1,000 / 2,000 = 0.5
    expect(Number(csvRows(c.stdout).find((r) => r['province'] === 'Gorontalo')!['coverage'])).toBeCloseTo(0.5, 9);
    const v = await run(['validate', 'ext.csv', '-f', 'csv'], { cwd });
    expect(v.code).toBe(0);
    // not the bundled baseline's: the hint to give one's own with --workforce is not given
    expect(v.stderr).not.toContain('give your own with --workforce');
  });
});

describe('validate takes --expect as coverage does (rv25 F6)', () => {
  it('seven of the eight Sulama provinces: coverage and validate both refuse the month as incomplete (exit 3)', async () => {
    const cwd = tmp();
    const lines = ['period,province,potential_workers,participants', '2024-06,Sulawesi Utara,780666,592497', '2024-06,Sulawesi Tengah,978084,594730', '2024-06,Sulawesi Selatan,2871182,1075304', '2024-06,Sulawesi Tenggara,865080,334701', '2024-06,Gorontalo,422934,259971', '2024-06,Sulawesi Barat,473260,71210', '2024-06,Maluku,485724,155094'];
    writeFileSync(join(cwd, 'seven.csv'), lines.join('\n') + '\n');
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "expect": "kanwil:Sulawesi Maluku" }');
    const c = await run(['coverage', 'seven.csv', '-f', 'csv'], { cwd });
    expect(c.code).toBe(3);
    expect(c.stderr).toContain('Maluku Utara');
    const v = await run(['validate', 'seven.csv', '-f', 'csv'], { cwd });
    expect(v.code).toBe(3);
    expect(v.stderr).toContain('Maluku Utara');
    const typed = await run(['validate', 'seven.csv', '--expect', 'kanwil:Sulawesi Maluku', '-f', 'csv'], { cwd });
    expect(typed.code).toBe(3);
  });
});

describe('a config "fields" list of another report is left aside with a warning, not refused (rv25 F5)', () => {
  const cwd = (): string => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), '{ "fields": "province,participants,coverage,gap" }');
    writeFileSync(join(dir, 'g.csv'), 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259971\n');
    return dir;
  };

  it('coverage keeps it', async () => {
    const r = await run(['coverage', 'g.csv', '-f', 'csv'], { cwd: cwd() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('province,participants,coverage,gap,level');
  });

  it('validate, breakdown and provinces run, each saying which names it left aside', async () => {
    const dir = cwd();
    const v = await run(['validate', 'g.csv', '-f', 'csv'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('warning: "fields" in ./jamsostek.json is left aside');
    const b = await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd: dir });
    expect(b.code).toBe(0);
    // breakdown has province, participants and coverage, not gap: it keeps the three it has
    expect(b.stdout.split('\n')[0]).toBe('province,participants,coverage,level');
    expect(b.stderr).toContain('warning: "fields" in ./jamsostek.json is left aside for gap: this report has no such column');
    const p = await run(['provinces', '-f', 'csv'], { cwd: dir });
    expect(p.code).toBe(0);
  });

  it('a long list, or a name of half a megabyte, is quoted clipped: 8 names, each at most 80 characters, then how many more', async () => {
    const dir = tmp();
    const names = ['province', ...Array.from({ length: 11 }, (_, i) => `extra${i + 1}`), 'x'.repeat(1 << 19)];
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ fields: names.join(',') }));
    const r = await run(['provinces', '-f', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    // provinces has no column of these 13 names: the first 8 shown, then "5 more" (extra8..11 and the long one)
    expect(r.stderr).toContain('is left aside: this report has none of its columns (province, extra1, extra2, extra3, extra4, extra5, extra6, extra7 and 5 more); every column is shown');
    expect(r.stderr.length).toBeLessThan(2_000);
  });

  it('a typed --fields with no such column is still refused (exit 2)', async () => {
    const r = await run(['validate', 'g.csv', '--fields', 'gap', '-f', 'csv'], { cwd: cwd() });
    expect(r.code).toBe(2);
  });
});

describe('review rv27 of these fixes', () => {
  it('F1: a config "fields" without this report\'s row names keeps them first, said in the report files too', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "fields": "province,participants,coverage" }');
    const r = await run(['coverage', '--by', 'kanwil', '-f', 'json'], { cwd });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { columns: { key: string }[]; meta: { notes: { en: string }[] } };
    expect(out.columns.map((c) => c.key)).toEqual(['kanwil', 'participants', 'coverage']);
    const notes = out.meta.notes.map((n) => n.en);
    expect(notes).toContain('"fields" in ./jamsostek.json is left aside for province: this report has no such column');
    expect(notes).toContain('"fields" in ./jamsostek.json names none of this report\'s row names: kanwil is shown first');
  });

  it('F5: a config "workforce" (kept for extracts) is left aside, said, for a file with its own denominators', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'wf.csv'), 'period,province,employed\n2024-06,Gorontalo,100\n');
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "workforce": "wf.csv" }');
    writeFileSync(join(cwd, 'g.csv'), 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259971\n');
    for (const cmd of ['validate', 'coverage']) {
      const r = await run([cmd, 'g.csv', '-f', 'csv'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('note: "workforce" in ./jamsostek.json is left aside: the input has its own denominator column');
    }
    // 259,971 / 422,934 = 0.614686…
    const c = await run(['coverage', 'g.csv', '-f', 'csv'], { cwd });
    expect(Number(csvRows(c.stdout).find((x) => x['province'] === 'Gorontalo')!['coverage'])).toBeCloseTo(259971 / 422934, 6);
    // typed, it would do nothing: refused
    expect((await run(['coverage', 'g.csv', '--workforce', 'wf.csv', '-f', 'csv'], { cwd })).code).toBe(2);
  });
});
