// Review rv21 I: a province with workforce 0 and participants 0 gave an empty coverage and a Total
// without its workforce, exit 0, not a word unless --fail-below was given. A province's or regency's own
// row with a denominator of 0 is refused (no area has no workforce: a 0 there is a blank an export wrote
// as 0); a finer row (a sector, a segment) may have 0, and is then named in a warning that --quiet keeps.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rv21 I: a denominator of 0', () => {
  it('a province whose workforce is 0: refused (exit 3), the cell named, nothing written', async () => {
    const z0 = writeIn(dir, 'z0.csv', 'province,workforce,participants\nAceh,0,0\nBali,1000,100\n');
    const out = join(dir, 'z0-report.csv');
    const r = await run(['coverage', z0, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${z0}:2:6: error: field "workforce": Aceh's workforce is 0: no province, regency or Kanwil has no workforce`);
    expect(r.stderr).toContain('hint: write its figure (an export that writes a blank as 0 gives no figure), or leave the row out');
    expect(existsSync(out)).toBe(false);
    const id = await run(['coverage', z0, '--lang', 'id']);
    expect(id.stderr).toContain('workforce Aceh bernilai 0');
    // A regency the same, under another denominator name.
    const rg = writeIn(dir, 'rg0.csv', 'province,regency,employed,participants\nGorontalo,Kab. Boalemo,1000,500\nGorontalo,Kab. Pohuwato,0,0\n');
    const g = await run(['coverage', rg, '--by', 'regency']);
    expect(g.code).toBe(3);
    expect(g.stderr).toContain(`${rg}:3:25: error: field "employed": Kabupaten Pohuwato's employed is 0`);
  });

  it('a sector whose workforce is 0: read, and named in a warning kept by --quiet (en and id)', async () => {
    const s0 = writeIn(dir, 's0.csv', 'province,sector,workforce,participants\nGorontalo,Pertanian,0,0\nGorontalo,Perdagangan,1000,100\nGorontalo,Perikanan,0,0\n');
    const r = await run(['coverage', s0, '--by', 'sector', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("warning: 2 rows have a workforce figure of 0 (Pertanian, Perikanan): no coverage for them, and the Total adds their participants, if any, over no workforce figure of their own; if the figure is not 0, give it\n");
    // By hand: Total 1000 workforce, 100 participants, coverage 0.1; the rows of 0 have no coverage.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['sector'], x['denominator'], x['participants'], x['coverage']])).toEqual([
      ['Pertanian', '0', '0', ''],
      ['Perdagangan', '1000', '100', '0.1'],
      ['Perikanan', '0', '0', ''],
      ['Total', '1000', '100', '0.1'],
    ]);
    const id = await run(['coverage', s0, '--by', 'sector', '-f', 'csv', '-q', '--lang', 'id']);
    expect(id.stderr).toContain('2 baris memiliki workforce 0 (Pertanian, Perikanan): tanpa cakupan');
    // JSON carries it.
    const j = await run(['coverage', s0, '--by', 'sector', '-f', 'json', '-q']);
    expect(JSON.stringify(JSON.parse(j.stdout).meta.notes)).toContain('2 rows have a workforce figure of 0');
  });
});

describe('rv21 I on the fast path (the byte engine, large regional files)', () => {
  it('a regency of 0 workforce in a file read by province: the engine\'s group is refused as the row is, by the general path', async () => {
    const { loadTable } = await import('../../src/io/load.js');
    const lines = ['province,regency,workforce,participants'];
    for (const r of ['Kab. Boalemo', 'Kab. Bone Bolango', 'Kab. Gorontalo', 'Kab. Gorontalo Utara', 'Kota Gorontalo']) lines.push(`Gorontalo,${r},1000,10`);
    lines.push('Gorontalo,Kab. Pohuwato,0,0');
    const path = writeIn(dir, 'fast0.csv', `${lines.join('\n')}\n`);
    const routes: string[] = [];
    const err = await loadTable([path], { dims: ['province'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'auto' }, { maxErrors: 5, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri', fastExtract: 'always', onRoute: (_f, r) => routes.push(r) }).then(
      () => undefined,
      (e: unknown) => e as { diagnostics: { line?: number; message: string }[] },
    );
    expect(routes).toEqual(['general']);
    expect(err?.diagnostics[0]).toMatchObject({ line: 7, message: expect.stringContaining("Kabupaten Pohuwato's workforce is 0") });
  });
});
