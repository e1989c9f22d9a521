// --top N left rows out with no word in any format: no note, nothing in JSON meta, a tie at the cut
// broken by input order in silence. Now a note (stderr and the report) says how many rows of how many
// are shown, in what order, that the subtotals and the Total count every row, and names the row a tie
// left out; JSON meta.shown has the counts. Found by a review. Gaps by hand (target − participants):
// Limboto 200, Marisa 400, Banda 100, Lhok 700, Denpasar 100, Gianyar 600, Kuta −50.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = join(dir, 'kantor.csv');
const targets = join(dir, 'targets.csv');
writeFileSync(data, 'period,province,kantor,workforce,participants\n2024-06,Gorontalo,Limboto,1000,400\n2024-06,Gorontalo,Marisa,2000,500\n2024-06,Aceh,Banda,3000,1200\n2024-06,Aceh,Lhok,1500,300\n2024-06,Bali,Denpasar,5000,4000\n2024-06,Bali,Gianyar,800,100\n2024-06,Bali,Kuta,900,850\n');
writeFileSync(targets, 'province,kantor,target\nGorontalo,Limboto,600\nGorontalo,Marisa,900\nAceh,Banda,1300\nAceh,Lhok,1000\nBali,Denpasar,4100\nBali,Gianyar,700\nBali,Kuta,800\n');
const base = ['coverage', data, '--by', 'province,kantor', '--targets', targets, '--year', '2024'];

describe('what --top and --sort leave out, said', () => {
  it('--top in input order: rows shown of all, on stderr and in JSON meta', async () => {
    const r = await run([...base, '--top', '3', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: --top 3: 3 of 7 rows shown, in input order; the subtotals and the Total count all 7');
    const meta = (JSON.parse(r.stdout) as { meta: { shown: unknown; notes: { en: string }[] } }).meta;
    expect(meta.shown).toEqual({ rows: 3, of: 7, sort: null, top: 3 });
  });

  it('--sort gap --top 5: the tie at the cut is named', async () => {
    const r = await run([...base, '--sort', 'gap', '--top', '5', '-f', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const note = '--top 5: 5 of 7 rows shown, sorted by gap to target; the Total counts all 7 (a sorted list has no subtotals); Bali / Denpasar has the same gap to target as the last row shown and is left out (ties keep the input order)';
    expect(r.stderr).toContain(`note: ${note}`);
    expect(r.stdout).toContain(`- ${note}`);
    // The five rows shown, worst first: Lhok 700, Gianyar 600, Marisa 400, Limboto 200, Banda 100.
    const shown = r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l)).map((l) => l.split('|')[3]!.trim());
    expect(shown).toEqual(['Lhok', 'Gianyar', 'Marisa', 'Limboto', 'Banda']);
  });

  it('a tie of several rows at the cut: the first named and the others counted; a sorted list has no subtotals', async () => {
    // Coverage ascending: Riau 10 %, then Aceh, Bali and Papua at 50 %: --top 2 keeps Riau and Aceh.
    const tie = join(dir, 'tie.csv');
    writeFileSync(tie, 'period,province,kantor,workforce,participants\n2024-06,Aceh,A,100,50\n2024-06,Bali,B,100,50\n2024-06,Papua,C,100,50\n2024-06,Riau,D,100,10\n');
    const r = await run(['coverage', tie, '--by', 'province,kantor', '--sort', 'coverage', '--top', '2', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: --top 2: 2 of 4 rows shown, sorted by coverage; the Total counts all 4 (a sorted list has no subtotals); Bali / B and 1 more row have the same coverage as the last row shown and are left out (ties keep the input order)');
  });

  it('all rows shown: a note that --top has no effect (rv25 M3), and meta says so', async () => {
    const r = await run([...base, '--top', '10', '-f', 'json']);
    expect(r.stderr).toContain('note: --top 10 has no effect: the report has 7 rows, all shown');
    expect((JSON.parse(r.stdout) as { meta: { shown: unknown } }).meta.shown).toEqual({ rows: 7, of: 7, sort: null, top: 10 });
  });
});
