// The Total's gap, run rate and status are those of its sums, so rows above their target offset rows
// below it: Gorontalo 900 of 800 (100 above), Bali 570 of 800 (230 short). The Total: 1,470 of 1,600,
// gap 130, run rate ceil(130 / 6) = 22, on-track (milestone 650 + 650 = 1,300) while Bali alone needs
// ceil(230 / 6) = 39 a month and is behind. Nothing said so. Found by a review (rv12). Figures by hand.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = writeIn(dir, 'r3.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,2000,900\n2024-06,Bali,2000,570\n');
const targets = writeIn(dir, 'r3t.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2024,500,800\nBali,2023-12,2024,500,800\n');

describe("the Total's gap nets rows above their target against rows below, said", () => {
  it('a note on stderr and in JSON meta, with the shortfall of the rows below their target', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const note = "the Total's gap (130) is net: 1 row above its target by 100 in all offsets the 1 row below its target, short by 230 in all; the Total's run rate and status are on its sums, each row's on its own";
    expect(r.stderr).toContain(`note: ${note}`);
    const meta = (JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta;
    expect(meta.notes.map((n) => n.en)).toContain(note);
  });

  it('the figures stay those of the sums', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv']);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect([total['gap'], total['run_rate'], total['status']]).toEqual(['130', '22', 'on-track']);
  });

  it('no note when every row is on the same side of its target', async () => {
    const below = writeIn(dir, 'below.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,2000,700\n2024-06,Bali,2000,570\n');
    const r = await run(['coverage', below, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('is net');
  });

  it('in Indonesian', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv', '--lang', 'id']);
    expect(r.stderr).toContain('celah Total (130) bersih');
  });
});
