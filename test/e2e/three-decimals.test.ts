// A count written "2,000" in a file whose other counts are Indonesian ("1.200" = 1200) was read as 2 (two
// with three decimals) without a word: a factor of a thousand in a workforce. It is the English grouping
// of 2000 in a file that mixes formats: refused (exit 3, nothing written), the cell and the cell that
// decided the file's format named. The same through standard input, in JSON, and with the locale forced.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = 'period,province,workforce,participants\n2024-06,Gorontalo,"2,000",1\n2024-06,Aceh,3.000,1.200\n';

describe('a count with three decimal zeros in the file\'s number format', () => {
  it('is refused with both cells named, and nothing is written', async () => {
    const input = join(dir, 'mixed.csv');
    writeFileSync(input, CSV);
    const out = join(dir, 'report.csv');
    const r = await run(['coverage', input, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`mixed.csv:2:19: error: "2,000" reads as 2 in Indonesian (id), the file's number format (see "1.200" at ${input}:3:20)`);
    expect(r.stderr).toContain('in English (en) it is 2000');
    // (No longer "or pass --number-locale id if 2 is meant": under a locale given, 2,000 is refused too, rv21 J.)
    expect(r.stderr).toContain('hint: write it as the file writes its other numbers, or write 2 if 2 is meant');
    expect(existsSync(out)).toBe(false);
    // Standard input: the same words.
    const s = await run(['coverage', '-', '-f', 'csv'], { input: CSV });
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('<stdin>:2:19: error: "2,000" reads as 2 in Indonesian (id)');
  });

  it('in a JSON file of string cells, and in English the other way round', async () => {
    const json = join(dir, 'mixed.json');
    writeFileSync(json, JSON.stringify([{ period: '2024-06', province: 'Gorontalo', workforce: '2,000', participants: '1' }, { period: '2024-06', province: 'Aceh', workforce: '3.000', participants: '1.200' }]));
    const j = await run(['coverage', json, '-f', 'csv']);
    expect(j.code).toBe(3);
    expect(j.stderr).toContain('"2,000" reads as 2 in Indonesian (id)');
    const en = join(dir, 'en.csv');
    writeFileSync(en, 'period,province,workforce,participants\n2024-06,Gorontalo,5.000,1\n2024-06,Aceh,"3,000","1,234"\n');
    const e = await run(['coverage', en, '-f', 'csv']);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain('"5.000" reads as 5 in English (en), the file\'s number format (see "1,234"');
    expect(e.stderr).toContain('in Indonesian (id) it is 5000');
  });

  it('is refused with --number-locale too (rv21 J), and grouping in the file\'s own format is read as usual', async () => {
    const input = join(dir, 'forced.csv');
    writeFileSync(input, CSV);
    // Read as 2 under id before (rv21 J: an English "750,000" target became 750): refused, the cell named.
    const forced = await run(['coverage', input, '--number-locale', 'id', '-f', 'csv', '--quiet']);
    expect(forced.code).toBe(3);
    expect(forced.stderr).toContain('forced.csv:2:19: error: "2,000" reads as 2 under --number-locale id');
    const en = join(dir, 'grouped.csv');
    writeFileSync(en, 'period,province,workforce,participants\n2024-06,Gorontalo,"2,000",1\n2024-06,Aceh,"3,500","1,234"\n');
    const ok = await run(['coverage', en, '-f', 'csv', '--quiet']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(csvRows(ok.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '5500', participants: '1235' });
  });
});
