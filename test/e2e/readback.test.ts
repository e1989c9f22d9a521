// The tool's own reports read back (issue 20, review F3): a coverage report written as csv, tsv, json or
// xlsx, given back to `coverage` with the same flags, gives the same report, byte for byte with -f csv —
// with its denominators, never the bundled baseline's. A `denominator` column whose file does not say
// which denominator it is is read as the run's and said in a note; a file with both it and a named
// denominator is refused. The numbers checked here are computed by hand from the inputs below.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

// Two offices in Gorontalo, two in Aceh, three in Bali; a workforce and a potential-workers figure each.
const KANTOR = `period,province,kantor,workforce,potential_workers,participants
2024-06,Gorontalo,Limboto,1000,800,400
2024-06,Gorontalo,Marisa,2000,1000,500
2024-06,Aceh,Banda,3000,2000,1200
2024-06,Aceh,Lhok,1500,600,300
2024-06,Bali,Denpasar,5000,4500,4000
2024-06,Bali,Gianyar,800,400,100
2024-06,Bali,Kuta,900,850,850
`;
// The same, added up by hand per province.
const PROVINCE = `period,province,workforce,potential_workers,participants
2024-06,Gorontalo,3000,1800,900
2024-06,Aceh,4500,2600,1500
2024-06,Bali,6700,5750,4950
`;

function inputs(): { dir: string; kantor: string; province: string } {
  const dir = tmp();
  const kantor = join(dir, 'kantor.csv');
  const province = join(dir, 'province.csv');
  writeFileSync(kantor, KANTOR);
  writeFileSync(province, PROVINCE);
  return { dir, kantor, province };
}

const pick = (text: string, keys: readonly string[]): string[][] => csvRows(text).map((r) => keys.map((k) => r[k]!));

describe("the tool's own coverage report reads back with its denominators", () => {
  const cases = [
    { by: 'province', file: 'province' as const, denominator: [] as string[] },
    { by: 'province', file: 'province' as const, denominator: ['--denominator', 'potential_workers'] },
    { by: 'province,kantor', file: 'kantor' as const, denominator: [] as string[] },
    { by: 'province,kantor', file: 'kantor' as const, denominator: ['--denominator', 'potential_workers'] },
  ];
  for (const c of cases) {
    it(`--by ${c.by} ${c.denominator.join(' ') || '(default denominator)'}: csv, tsv, json and xlsx give the same report back, byte for byte`, async () => {
      const f = inputs();
      const flags = ['--by', c.by, ...c.denominator];
      const first = await run(['coverage', f[c.file], ...flags, '-f', 'csv', '-q']);
      expect(first.code, first.stderr).toBe(0);
      const written = await run(['coverage', f[c.file], ...flags, '-q', ...['csv', 'tsv', 'json', 'xlsx'].flatMap((x) => ['-o', join(f.dir, `report.${x}`)])]);
      expect(written.code, written.stderr).toBe(0);
      for (const x of ['csv', 'tsv', 'json', 'xlsx']) {
        const back = await run(['coverage', join(f.dir, `report.${x}`), ...flags, '-f', 'csv']);
        expect(back.code, `${x}: ${back.stderr}`).toBe(0);
        expect(back.stdout, x).toBe(first.stdout);
        expect(back.stderr, x).not.toMatch(/no denominator column|bundled baseline|disagrees/);
      }
    });
  }

  it('the review case: Gorontalo Total reads back as 3000 workforce, 900 participants, 0.3 (not the baseline: 631521, 0.001425)', async () => {
    const f = inputs();
    const rt = join(f.dir, 'rt.csv');
    writeFileSync(rt, (await run(['coverage', f.kantor, '--by', 'province,kantor', '-f', 'csv', '-q'])).stdout);
    const back = await run(['coverage', rt, '--by', 'province,kantor', '-f', 'csv']);
    expect(back.code, back.stderr).toBe(0);
    // By hand: Gorontalo 1000 + 2000 = 3000 workforce, 400 + 500 = 900 participants, 900 / 3000 = 0.3;
    // Bali 5000 + 800 + 900 = 6700, 4000 + 100 + 850 = 4950, 0.738806; all 14200, 7350, 0.517606.
    const rows = pick(back.stdout, ['province', 'kantor', 'denominator', 'participants', 'coverage', 'level']);
    expect(rows).toContainEqual(['Gorontalo', 'Total', '3000', '900', '0.3', 'subtotal']);
    expect(rows).toContainEqual(['Gorontalo', 'Limboto', '1000', '400', '0.4', 'detail']);
    expect(rows).toContainEqual(['Bali', 'Total', '6700', '4950', '0.738806', 'subtotal']);
    expect(rows).toContainEqual(['Total', '', '14200', '7350', '0.517606', 'total']);
    // The csv does not say which denominator its column is: the note says how it was read.
    expect(back.stderr).toContain(`warning: ${rt}: its column "denominator" does not say which denominator it is: read as workforce, the default`);
    expect(back.stderr).not.toContain('no denominator column');
  });

  it('a json report says which denominator its rows have (meta.denominator): read as that, with no note; another --denominator is refused', async () => {
    const f = inputs();
    const report = join(f.dir, 'r.json');
    expect((await run(['coverage', f.province, '--by', 'province', '--denominator', 'potential_workers', '-o', report, '-q'])).code).toBe(0);
    // Read back without --denominator: potential_workers, as the file says (Gorontalo 900 / 1800 = 0.5).
    const back = await run(['coverage', report, '--by', 'province', '-f', 'json']);
    expect(back.code, back.stderr).toBe(0);
    const doc = JSON.parse(back.stdout);
    expect(doc.meta.denominator).toBe('potential_workers');
    expect(doc.rows.map((r: { province: string; denominator: number; coverage: number }) => [r.province, r.denominator, r.coverage])).toEqual([
      ['Gorontalo', 1800, 0.5],
      ['Aceh', 2600, 0.576923],
      ['Bali', 5750, 0.86087],
    ]);
    // No note about the denominator column (the file says which); its totals are checked and agree.
    expect(back.stderr).not.toContain('denominator');
    expect(back.stderr).toContain('the "totals" object (agrees with its rows)');
    const other = await run(['coverage', report, '--by', 'province', '--denominator', 'workforce', '-f', 'csv']);
    expect(other.code).toBe(3);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain(`meta.denominator says the rows' "denominator" is "potential_workers", not workforce (--denominator)`);
    expect(other.stderr).toContain('hint: leave out --denominator, or give --denominator potential_workers');
  });

  it('a csv report read with --denominator: its column is read as that one, and the note says so', async () => {
    const f = inputs();
    const report = join(f.dir, 'r.csv');
    expect((await run(['coverage', f.province, '--by', 'province', '--denominator', 'potential_workers', '-o', report, '-q'])).code).toBe(0);
    const back = await run(['coverage', report, '--by', 'province', '--denominator', 'potential_workers', '-f', 'json']);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout).meta.denominator).toBe('potential_workers');
    expect(back.stderr).toContain(`warning: ${report}: its column "denominator" is read as potential_workers (--denominator)`);
    const id = await run(['coverage', report, '--by', 'province', '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toContain('tidak menyebut penyebut yang mana: dibaca sebagai workforce');
  });

  it('a CSV from elsewhere with a column named "denominator" and no level column: read as the run\'s denominator, said in a note', async () => {
    const dir = tmp();
    const file = join(dir, 'other.csv');
    writeFileSync(file, 'period,province,denominator,participants\n2024-06,Gorontalo,4000,1000\n2024-06,Aceh,5000,2000\n');
    const r = await run(['coverage', file, '--by', 'province', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 1000 / 4000 = 0.25, 2000 / 5000 = 0.4; 3000 / 9000 = 0.333333.
    expect(pick(r.stdout, ['province', 'denominator', 'participants', 'coverage'])).toEqual([
      ['Gorontalo', '4000', '1000', '0.25'],
      ['Aceh', '5000', '2000', '0.4'],
      ['Total', '9000', '3000', '0.333333'],
    ]);
    expect(r.stderr).toContain(`warning: ${file}: its column "denominator" does not say which denominator it is: read as workforce, the default; if it is another (employed, potential_workers), name it with --denominator`);
    expect(r.stderr).not.toContain('no denominator column');
    // validate reads it the same way: a denominator, not an unused column.
    const v = await run(['validate', file, '-f', 'csv']);
    expect(v.code, v.stderr).toBe(0);
    expect(csvRows(v.stdout)[0]!['unused_columns']).toBe('');
  });

  it('a file with both a named denominator and a "denominator" column is refused: which one? (nothing written)', async () => {
    const dir = tmp();
    const file = join(dir, 'both.csv');
    writeFileSync(file, 'period,province,employed,denominator,participants\n2024-06,Gorontalo,5000,4000,1000\n');
    const out = join(dir, 'out.csv');
    const r = await run(['coverage', file, '--by', 'province', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:1:26: error: the file has both "employed" and "denominator": which one is the denominator?`);
    expect(r.stderr).toContain('hint: remove or rename one of them (--denominator denominator reads "denominator" as it is)');
    expect(() => readFileSync(out)).toThrow();
    // --denominator denominator names it: 1000 / 4000.
    const named = await run(['coverage', file, '--by', 'province', '--denominator', 'denominator', '-f', 'csv', '-q']);
    expect(named.code, named.stderr).toBe(0);
    expect(pick(named.stdout, ['province', 'denominator', 'coverage'])[0]).toEqual(['Gorontalo', '4000', '0.25']);
  });

  it('a report with coverage above 100 % (a fraction above 1) reads back without a warning that its coverage column disagrees', async () => {
    const dir = tmp();
    const file = join(dir, 'over.csv');
    // By hand: 1500 / 1000 = 1.5; 1800 / 2000 = 0.9; 3300 / 3000 = 1.1.
    writeFileSync(file, 'period,province,workforce,participants\n2024-06,Gorontalo,1000,1500\n2024-06,Aceh,2000,1800\n');
    const flags = ['--by', 'province', '--allow-over-coverage'];
    const first = await run(['coverage', file, ...flags, '-f', 'csv', '-q']);
    expect(pick(first.stdout, ['province', 'coverage'])).toEqual([
      ['Gorontalo', '1.5'],
      ['Aceh', '0.9'],
      ['Total', '1.1'],
    ]);
    for (const x of ['xlsx', 'csv']) {
      const report = join(dir, `r.${x}`);
      expect((await run(['coverage', file, ...flags, '-o', report, '-q'])).code).toBe(0);
      const back = await run(['coverage', report, ...flags, '-f', 'csv']);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toBe(first.stdout);
      expect(back.stderr, x).not.toContain('disagrees');
    }
  });
});
