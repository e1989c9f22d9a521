// rv25's minor findings M1, M2, M3, M5: settings and flags that had no effect, or a wrong word, with no note.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sub = (name: string): string => {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
};
// Two months of two provinces (potential workers, participants).
const twoMonths = ['period,province,potential_workers,participants', '2024-03,Gorontalo,422934,260000', '2024-03,Maluku,485724,150000', '2024-06,Gorontalo,422934,263813', '2024-06,Maluku,485724,155095'].join('\n') + '\n';

describe('M1: breakdown and the config\'s "period" (coverage\'s month)', () => {
  it('says it is not used, naming the month planned from', async () => {
    const d = sub('m1');
    writeIn(d, 'jamsostek.json', '{"period":"2024-03"}\n');
    writeIn(d, 'two.csv', twoMonths);
    const r = await run(['breakdown', '--input', 'two.csv', '--target', '450000', '-f', 'csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: "period" in ./jamsostek.json (2024-03) is coverage\'s: breakdown does not use it, and plans from the input\'s latest month, 2024-06; to plan from 2024-03, give an input of that month');
    const id = await run(['breakdown', '--input', 'two.csv', '--target', '450000', '--lang', 'id', '-f', 'csv'], { cwd: d });
    expect(id.stderr).toContain('"period" di ./jamsostek.json (2024-03) milik coverage: breakdown tidak memakainya');
    // The config's month is the month planned from: nothing to say.
    writeIn(d, 'jamsostek.json', '{"period":"2024-06"}\n');
    const same = await run(['breakdown', '--input', 'two.csv', '--target', '450000', '-f', 'csv'], { cwd: d });
    expect(same.stderr).not.toContain('"period" in');
  });
});

describe('M2: a config "format" set aside by the extension of -o', () => {
  it('says so; a file that takes it (no extension) or a second output that does: nothing said', async () => {
    const d = sub('m2');
    writeIn(d, 'jamsostek.json', '{"format":"json"}\n');
    const r = await run(['breakdown', '--year', '2024', '-o', 'a.csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: "format" in ./jamsostek.json (json) is left aside: -o a.csv names its format by the extension');
    const id = await run(['breakdown', '--year', '2024', '-o', 'a.csv', '--lang', 'id'], { cwd: d });
    expect(id.stderr).toContain('"format" di ./jamsostek.json (json) dikesampingkan: -o a.csv menentukan formatnya lewat ekstensi');
    const taken = await run(['breakdown', '--year', '2024', '-o', 'a.csv', '-o', 'plain'], { cwd: d });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).not.toContain('"format" in');
  });
});

describe('M3: --top', () => {
  const file = 'examples/sulama-2024/2024-06.csv'; // 8 provinces
  it('N at or above the rows: a note that it has no effect (en, id, JSON meta.notes)', async () => {
    const r = await run(['coverage', file, '--top', '100', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: --top 100 has no effect: the report has 8 rows, all shown');
    expect((JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta.notes.map((n) => n.en)).toContain('--top 100 has no effect: the report has 8 rows, all shown');
    const id = await run(['coverage', file, '--top', '8', '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toContain('--top 8 tidak berpengaruh: laporan memuat 8 baris, semuanya ditampilkan');
    const cut = await run(['coverage', file, '--top', '3', '-f', 'csv']);
    expect(cut.stderr).toContain('--top 3: 3 of 8 rows shown');
    expect(cut.stderr).not.toContain('has no effect');
  });
  it('a number too large is called too large; 1.000 gets --top\'s own example', async () => {
    const big = await run(['coverage', file, '--top', '99999999999999999999']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('error: --top is too large, got "99999999999999999999": the largest it takes is 9007199254740991');
    expect(big.stderr).not.toContain('above 0');
    const id = await run(['coverage', file, '--top', '99999999999999999999', '--lang', 'id']);
    expect(id.stderr).toContain('--top terlalu besar');
    const dots = await run(['coverage', file, '--top', '1.000']);
    expect(dots.code).toBe(2);
    expect(dots.stderr).toContain('--top expects a whole number such as 10, got "1.000"');
    expect(dots.stderr).not.toContain('70000000');
  });
});

describe("M5: validate's unused_columns lists a denominator column the run does not divide by", () => {
  it('potential_workers beside employed (the default), employed under --denominator potential_workers, and a lone column under another --denominator', async () => {
    const d = sub('m5');
    writeIn(d, 'two.csv', 'period,province,employed,potential_workers,participants,foo\n2024-06,Gorontalo,631521,422934,260000,1\n');
    writeIn(d, 'pw.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,263813\n');
    const unused = async (args: string[]): Promise<string> => {
      const r = await run(['validate', ...args, '-f', 'json'], { cwd: d });
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { rows: { unused_columns: string | null }[] }).rows[0]!.unused_columns ?? '';
    };
    expect(await unused(['two.csv'])).toBe('foo, potential_workers');
    expect(await unused(['two.csv', '--denominator', 'potential_workers'])).toBe('foo, employed');
    expect(await unused(['pw.csv', '--denominator', 'employed'])).toBe('potential_workers');
    expect(await unused(['pw.csv'])).toBe('');
  });
});
