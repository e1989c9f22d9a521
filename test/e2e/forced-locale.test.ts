// Review rv21 J and D: a number locale given (--number-locale, or numberLocale in jamsostek.json).
// J: under id an English "750,000" target was read as 750 (three decimal zeros), every province
// "achieved", exit 0; under en "750.000" likewise. Such a count is refused, as the deduced locale
// refuses it (core/numbers.ts threeDecimals): exit 3, the cell's place, and the other locale named.
// D: a cell that does not read in the locale given got two errors calling it English and Indonesian
// and a hint to pass the flag already passed: now one error for that cell, under the locale given.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTable, type LoadSchema } from '../../src/io/load.js';
import { InputError } from '../../src/errors.js';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATA = 'period,province,workforce,participants\n2024-06,Aceh,2450000,600000\n2024-06,Bali,2620000,1000000\n';

describe('rv21 J: a count grouped the other way under a forced number locale', () => {
  it('an English "750,000" target under numberLocale id (config) is refused, nothing written', async () => {
    const cfg = join(dir, 'cfg');
    mkdirSync(cfg, { recursive: true });
    writeFileSync(join(cfg, 'jamsostek.json'), '{"numberLocale":"id"}');
    writeFileSync(join(cfg, 'd.csv'), DATA);
    writeFileSync(join(cfg, 'tgt.csv'), 'province,target\nAceh,"750,000"\nBali,"950,000"\n');
    const out = join(cfg, 'out.csv');
    const r = await run(['coverage', 'd.csv', '--targets', 'tgt.csv', '--year', '2024', '-o', out], { cwd: cfg });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('tgt.csv:2:6: error: "750,000" reads as 750 under --number-locale id: a count with three decimals after ","');
    expect(r.stderr).toContain('in English (en) it is 750000');
    expect(r.stderr).toContain('hint: if 750000 is meant, the file\'s numbers are English (en): pass --number-locale en');
    expect(r.stderr).toContain('tgt.csv:3:6: error: "950,000" reads as 950');
    // The flag named is the config's key: said where it comes from.
    expect(r.stderr).toContain('jamsostek.json:1:2: note: --number-locale above is "numberLocale" of this config file');
    expect(existsSync(out)).toBe(false);
    // The same targets read as English: 750,000 and 950,000 (by hand: 600000 / 750000 = 0.8).
    const en = await run(['coverage', 'd.csv', '--targets', 'tgt.csv', '--year', '2024', '--number-locale', 'en', '-f', 'csv', '-q', '--fields', 'province,target,achievement'], { cwd: cfg });
    expect(en.code, en.stderr).toBe(0);
    expect(csvRows(en.stdout).slice(0, 2)).toEqual([
      { province: 'Aceh', target: '750000', achievement: '0.8', level: 'detail' },
      { province: 'Bali', target: '950000', achievement: '1.052632', level: 'detail' },
    ]);
  });

  it('data files too, on the command line, and "750.000" under --number-locale en', async () => {
    const en = writeIn(dir, 'en.csv', 'province,workforce,participants\nAceh,"250,000","100,000"\n');
    const r = await run(['coverage', en, '--number-locale', 'id', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('en.csv:2:6: error: "250,000" reads as 250 under --number-locale id');
    expect(r.stderr).toContain('en.csv:2:16: error: "100,000" reads as 100 under --number-locale id');
    const id = writeIn(dir, 'id.csv', 'province;workforce;participants\nAceh;750.000;300.000\n');
    const e = await run(['coverage', id, '--number-locale', 'en', '-f', 'csv']);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain('id.csv:2:6: error: "750.000" reads as 750 under --number-locale en: a count with three decimals after ".", which no count of people is written with');
    expect(e.stderr).toContain('in Indonesian (id) it is 750000');
    const ind = await run(['coverage', id, '--number-locale', 'en', '-f', 'csv', '--lang', 'id']);
    expect(ind.stderr).toContain('"750.000" terbaca 750 dengan --number-locale en');
  });

  it('what is not suspect: Indonesian grouping under id, a fraction, plain digits, two groups', async () => {
    // 1.234.567 is plainly Indonesian; 12,5 a weight (not a count); 1.500 groups as in the locale given.
    const ok = writeIn(dir, 'ok.csv', 'province;workforce;participants;bobot\nAceh;1.234.567;1.500;12,5\nBali;2.000.000;750;1\n');
    const r = await run(['breakdown', '--target', '10000', '--input', ok, '--basis', 'bobot', '--number-locale', 'id', '-f', 'csv', '-q', '--fields', 'province,denominator,participants,weight']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).slice(0, 2)).toEqual([
      { province: 'Aceh', denominator: '1234567', participants: '1500', weight: '12.5', level: 'detail' },
      { province: 'Bali', denominator: '2000000', participants: '750', weight: '1', level: 'detail' },
    ]);
  });

  it('a file read by the fast path (the byte engine) is refused the same way: the engine leaves it to the general path', async () => {
    const lines = ['province,regency,sector,workforce,participants'];
    for (let i = 0; i < 400; i++) lines.push(`Gorontalo,${i % 2 ? 'Boalemo' : 'Pohuwato'},S${i},"250,000","1,000"`);
    const path = writeIn(dir, 'fast.csv', `${lines.join('\n')}\n`);
    const schema: LoadSchema = { dims: ['province'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'auto' };
    const load = async (numberLocale: 'id' | 'en'): Promise<{ routes: string[]; result: unknown }> => {
      const routes: string[] = [];
      const result = await loadTable([path], schema, { maxErrors: 5, allowOverCoverage: false, numberLocale, codeSystem: 'kemendagri', fastExtract: 'always', onRoute: (_f, r) => routes.push(r) }).then(
        (t) => t.rows.map((r) => r.values),
        (e: unknown) => e,
      );
      return { routes, result };
    };
    // English: the engine reads it (200 rows per regency: 200 × 1,000 and 200 × 250,000, by hand).
    const en = await load('en');
    expect(en.routes).toEqual(['fast']);
    expect(en.result).toEqual([[200_000, 50_000_000], [200_000, 50_000_000]]); // one row per regency (participants, workforce)
    // Indonesian: refused at the first cell, by the general path.
    const id = await load('id');
    expect(id.routes).toEqual(['general']);
    expect(id.result).toBeInstanceOf(InputError);
    expect((id.result as InputError).diagnostics[0]).toMatchObject({ line: 2, column: 23, message: expect.stringContaining('"250,000" reads as 250 under --number-locale id') });
  });
});

describe('rv21 D: a cell that does not read in the locale given gets one error, under that locale', () => {
  it('"1.500" under --number-locale en: one error, what it reads as, what it is in Indonesian, the way out', async () => {
    const loc = writeIn(dir, 'loc2.csv', 'province,workforce,participants\nAceh,2000,1.500\n');
    const r = await run(['coverage', loc, '--number-locale', 'en', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `${loc}:2:11: error: "1.500" reads as 1.5 under --number-locale en, and a count must be a whole number; in Indonesian (id) it is 1500\n` +
        "  hint: write the cell as an English number; or, if the file's numbers are Indonesian (id), pass --number-locale id (or leave --number-locale out, and each file's format is deduced)\n",
    );
  });

  it('the cell that is wrong under the locale given is the one named (a percentage in the other format)', async () => {
    const pc = writeIn(dir, 'pc1.csv', 'province,workforce,participants,coverage\nAceh,"1,234,567","154,321","12,5%"\n');
    const r = await run(['coverage', pc, '--number-locale', 'en', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${pc}:2:28: error: "12,5%" is not a number under --number-locale en; in Indonesian (id) it is 12.5 %`);
    expect(r.stderr).not.toContain('mixes number formats');
    expect(r.stderr).not.toContain('2 problems');
    // In Indonesian, the counts are the cells that do not read: each named once.
    const id = await run(['coverage', pc, '--number-locale', 'id', '-f', 'csv', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain(`${pc}:2:6: error: "1,234,567" bukan angka dengan --number-locale id; dalam format Inggris (en) nilainya 1234567`);
    expect(id.stderr).toContain(`${pc}:2:18: error: "154,321" terbaca 154,321 dengan --number-locale id, dan jumlah harus bilangan bulat; dalam format Inggris (en) nilainya 154321`);
  });
});
