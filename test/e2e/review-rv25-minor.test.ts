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
