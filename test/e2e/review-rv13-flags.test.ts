// Review rv13 F10 and the small items: --number-locale and list commas, an empty list, a trailing comma
// in --column-totals, and -o's help.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const TOTALS = 'PU=28000000,BPU=10000000,JAKON=9000000,PMI=3000000';
const TOTALS_ID = 'PU=28.000.000,BPU=10.000.000,JAKON=9.000.000,PMI=3.000.000';

describe('rv13 F10: a list comma is not a number read in --number-locale', () => {
  it('breakdown --year 2024 --compare method=webster,hamilton --number-locale id: refused as having no effect', async () => {
    const r = await run(['breakdown', '--year', '2024', '--compare', 'method=webster,hamilton', '--number-locale', 'id', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--number-locale would have no effect/);
  });

  it('--column-totals with plain numbers: refused; with Indonesian grouping: read in it, accepted', async () => {
    const plain = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', TOTALS, '--number-locale', 'id', '-f', 'csv']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/--number-locale would have no effect/);
    const grouped = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', TOTALS_ID, '--number-locale', 'id', '-f', 'csv', '-q']);
    expect(grouped.code, grouped.stderr).toBe(0);
    const compared = await run(['breakdown', '--year', '2024', '--compare', 'min=100.000,200.000', '--number-locale', 'id', '-f', 'csv', '-q']);
    expect(compared.code, compared.stderr).toBe(0);
  });
});

describe('rv13 small items', () => {
  it('a trailing comma in --column-totals is an empty item, not a bad number', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', `${TOTALS},`, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: --column-totals ${TOTALS},: an empty item in the list`);
    expect(r.stderr).toContain(`hint: name every item once between the commas, e.g. --column-totals ${TOTALS}`);
    expect(r.stderr).not.toMatch(/not a valid/);
  });

  it("--by ' , ': the hint gives no empty example", async () => {
    const r = await run(['breakdown', '--by', ' , ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: name every item once between the commas (the list has none)');
    expect(r.stderr).not.toMatch(/e\.g\. --by\s*$/m);
    const id = await run(['breakdown', '--by', ' , ', '--lang', 'id']);
    expect(id.stderr).toContain('hint: sebutkan setiap butir sekali di antara koma (daftar ini tidak memuat satu pun)');
  });

  it("template's -o help names only formats template writes (a.html is refused by template)", async () => {
    const help = await run(['template', '--help']);
    expect(help.stdout).toMatch(/repeat for several formats\s+\(-o a\.xlsx -o a\.csv\)/);
    expect(help.stdout).not.toMatch(/a\.html/);
  });
});
