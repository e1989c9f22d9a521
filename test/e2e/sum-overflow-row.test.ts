// A sum past 2^53 − 1 is refused at the row of the file whose addition takes it there (fx26). An
// employer extract of ~2^31 participants a row had every province's sum exact (~3e14) while the report's
// Total row (their sum, ~1.2e16) passed 2^53 − 1: refused, rightly, but at the first row of the province
// whose sum was being added (line 30 of 10,000 rows), "when this row is added", which was not true.
// Expected sums and lines here are worked out by hand, in the comments.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const HEAD = 'employer_id,province,segment,period,participants';
const MAX = '9,007,199,254,740,991 (2^53 − 1)';

function write(name: string, lines: readonly string[]): string {
  const f = join(tmp(), name);
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}

// Running Total, row by row (file lines 2–8):
//   3,000,000,000,000,000 (Aceh) → 6,000,000,000,000,000 (Bali) → 6,000,002,147,483,647 (Aceh)
//   → 6,000,004,294,967,295 (Bali) → 9,000,004,294,967,295 (Papua) → 9,007,004,294,967,295 (Aceh, ≤ 2^53 − 1)
//   → 9,007,204,294,967,295 (Papua, line 8: past 9,007,199,254,740,991).
// By province: Aceh 3,007,002,147,483,647; Bali 3,000,002,147,483,648; Papua 3,000,200,000,000,000, each
// exact; the first row of Papua, the province added last, is line 6 (what was named before).
const ROWS = [
  HEAD,
  'E1,Aceh,PU,2024-06,3000000000000000',
  'E2,Bali,PU,2024-06,3000000000000000',
  'E3,Aceh,PU,2024-06,2147483647',
  'E4,Bali,PU,2024-06,2147483648',
  'E5,Papua,PU,2024-06,3000000000000000',
  'E6,Aceh,PU,2024-06,7000000000000',
  'E7,Papua,PU,2024-06,200000000000',
];

describe('a sum past 2^53 − 1 names the row that takes it there', () => {
  it("the Total of the provinces' exact sums: the file's row where the running Total passes it, not a province's first row", async () => {
    const f = write('employers.csv', ROWS);
    const r = await run(['coverage', f, '--extract', '-q', '-f', 'csv', '--allow-over-coverage']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${f}:8: error: the sum of participants passes ${MAX} when this row is added: it cannot be kept exactly (the sum of the whole input, its Total row)`);
    expect(r.stderr).not.toContain(`${f}:6:`);
    expect(r.stdout).toBe('');
    const id = await run(['coverage', f, '--extract', '-q', '-f', 'csv', '--allow-over-coverage', '--lang', 'id']);
    expect(id.stderr).toContain(`${f}:8: error: jumlah participants melampaui 9.007.199.254.740.991 (2^53 − 1) saat baris ini ditambahkan: tidak dapat disimpan dengan tepat (jumlah seluruh input, baris Total)`);
  });

  it('validate lists it at the same row', async () => {
    const f = write('employers.csv', ROWS);
    const r = await run(['validate', f, '--extract', '--allow-over-coverage', '-f', 'csv']);
    expect(r.code).toBe(3);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['file'], x['line'], x['status']])).toEqual([[f, '8', 'error']]);
    expect(rows[0]!['message']).toBe(`the sum of participants passes ${MAX} when this row is added: it cannot be kept exactly (the sum of the whole input, its Total row)`);
  });

  it('the row one short of the limit passes: the same rows without line 8 give the exact sums', async () => {
    const f = write('employers.csv', ROWS.slice(0, 7));
    const r = await run(['coverage', f, '--extract', '-q', '-f', 'csv', '--allow-over-coverage']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const by = new Map(rows.map((x) => [x['province'], x['participants']]));
    expect(by.get('Aceh')).toBe('3007002147483647');
    expect(by.get('Bali')).toBe('3000002147483648');
    expect(by.get('Papua')).toBe('3000000000000000');
    expect(by.get('Total')).toBe('9007004294967295');
  });

  it('in the second file: its own row is named', async () => {
    const a = write('a.csv', ROWS.slice(0, 5));
    const b = write('b.csv', [HEAD, ...ROWS.slice(5)]);
    const r = await run(['coverage', a, b, '--extract', '-q', '-f', 'csv', '--allow-over-coverage']);
    expect(r.code, r.stderr).toBe(3);
    // b.csv: line 2 E5, line 3 E6, line 4 E7 (the row of line 8 above).
    expect(r.stderr).toContain(`${b}:4: error: the sum of participants passes ${MAX} when this row is added`);
  });

  it('standard input cannot be read again: the first row of the sum added last, said as such', async () => {
    const r = await run(['coverage', '-', '--extract', '-q', '-f', 'csv', '--allow-over-coverage'], { input: `${ROWS.join('\n')}\n` });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`<stdin>:6: error: the sum of participants passes ${MAX} when the rows added up with this one (its first row) are added: it cannot be kept exactly (the sum of the whole input, its Total row)`);
    expect(r.stderr).not.toContain('when this row is added');
  });

  it("one province's own sum past the limit is still refused at its row", async () => {
    // Aceh: 4,503,599,627,370,496 (line 2) + 4,503,599,627,370,496 (line 4) = 2^53, past 2^53 − 1 at line 4.
    const f = write('one.csv', [HEAD, 'E1,Aceh,PU,2024-06,4503599627370496', 'E2,Bali,PU,2024-06,5', 'E3,Aceh,PU,2024-06,4503599627370496']);
    const r = await run(['coverage', f, '--extract', '-q', '-f', 'csv', '--allow-over-coverage']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: error: the sum of participants passes 9,?007,?199,?254,?740,?991`));
    expect(r.stdout).toBe('');
  });

  it('by kanwil: the running sum passes the limit at the row named', async () => {
    // Aceh and Sumatera Utara are in Kanwil Sumbagut, Papua in Banuspa. Sumbagut: 5,000,000,000,000,000
    // (line 2) + 4,000,000,000,000,000 (line 4) = 9,000,000,000,000,000 + 7,199,254,740,992 (line 5)
    // = 9,007,199,254,740,992 = 2^53; the Total: 9,000,000,000,000,010 after line 4, 2^53 + 10 after line 5.
    const f = write('kanwil.csv', [HEAD, 'E1,Aceh,PU,2024-06,5000000000000000', 'E2,Papua,PU,2024-06,10', 'E3,Sumatera Utara,PU,2024-06,4000000000000000', 'E4,Aceh,PU,2024-06,7199254740992']);
    const r = await run(['coverage', f, '--extract', '--by', 'kanwil', '-q', '-f', 'csv', '--allow-over-coverage']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:5: error: the sum of participants passes ${MAX} when this row is added: it cannot be kept exactly (the sum for Sumbagut)`);
  });
});
