// fx58 (fx53's joined plans): the "no target for December 2024 or December 2025 on the way" warning of a
// yearly targets file pointed every file of provinces to "the national plan of data/targets.csv for 2026
// (plan: 70,000,000)", also a Kanwil's own plan made with breakdown --target 500,000, and two such plans
// joined (500,000 + 1,100,000). Their share column says the total they were split from: such a file is
// told its way is its own total's; the national plan's rows (whole, or some provinces cut from it) still
// get the national plan's way.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

const sulama = 'period,province,employed,participants\n2023-12,Gorontalo,631521,256129\n2023-12,Maluku,853254,156030\n';
const kalimantan = 'period,province,employed,participants\n2023-12,Kalimantan Utara,372270,244207\n2023-12,Kalimantan Barat,2780000,729270\n';
const data = 'period,province,participants\n2026-06,Gorontalo,270000\n2026-06,Maluku,170000\n2026-06,Kalimantan Utara,255000\n2026-06,Kalimantan Barat,790000\n';
const NATIONAL = 'where its targets are rows of the national plan of data/targets.csv for 2026 (plan: 70,000,000)';
const OWN = 'a yearly file cannot carry them, and its targets were split from a total of their own (its share column says so), not from the national plan of data/targets.csv for 2026: breakdown --series FILE --year 2026 --months -o OUT';

async function plan(args: string[]): Promise<string> {
  const r = await run(['breakdown', ...args, '--year', '2026', '--by', 'province', '-f', 'csv', '-q']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('fx58: the no-waypoints warning words the way for the file it is about', () => {
  it('a Kanwil plan made with --target, and two joined: their own total\'s way, not the 70,000,000 plan (main: the national plan named)', async () => {
    const a = await plan(['--target', '500000', '--input', w('a-in.csv', sulama)]);
    const b = await plan(['--target', '1100000', '--input', w('b-in.csv', kalimantan)]);
    const jun = w('jun.csv', data);
    for (const [name, text] of [['one.csv', a], ['joined.csv', a + b.slice(b.indexOf('\n') + 1)]] as const) {
      const r = await run(['coverage', jun, '--targets', w(name, text), '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('no target for December 2024 or December 2025 on the way');
      expect(r.stderr).toContain(OWN);
      expect(r.stderr).not.toContain('70,000,000');
    }
    const id = await run(['coverage', jun, '--targets', w('one-id.csv', a), '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('targetnya dibagi dari total tersendiri (kolom share-nya menunjukkannya), bukan dari rencana nasional data/targets.csv untuk 2026');
  });

  it('the national plan, whole or some provinces cut from it: the national plan\'s way, as before', async () => {
    const nat = await plan([]);
    const lines = nat.trimEnd().split('\n');
    const cut = [lines[0]!, ...lines.filter((l) => /,(Gorontalo|Maluku|Kalimantan Utara|Kalimantan Barat),/.test(l))].join('\n') + '\n';
    const jun = w('jun-n.csv', data);
    for (const [name, text] of [['nat.csv', nat], ['cut.csv', cut]] as const) {
      const r = await run(['coverage', jun, '--targets', w(name, text), '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(NATIONAL);
      expect(r.stderr).not.toContain('split from a total of their own');
    }
  });
});
