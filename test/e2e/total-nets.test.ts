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
    const note = "the Total's gap (130) is net: of the 2 targets it adds up (per province), 1 is exceeded by 100 in all, which offsets the 1 short by 230 in all; the gap, run rate and status of a Total, subtotal or row that adds up several targets are on its sums";
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
    expect(r.stderr).toContain('selisih Total (130) bersih: dari 2 target');
  });

  // Found by the review of the first version (rv13): the netting was looked for among the report's rows
  // only, so rows that add up several targets themselves were never said. Kanwil Banuspa by province
  // targets: Bali 900 of 800 (100 above), Nusa Tenggara Barat 500 of 600 (100 short): gap 0, "achieved".
  it('rows that add up several targets: Kanwil rows over province targets', async () => {
    const k = writeIn(dir, 'k.csv', 'period,province,workforce,participants\n2024-06,Bali,2000,900\n2024-06,Nusa Tenggara Barat,2000,500\n2024-06,Aceh,2000,1000\n');
    const kt = writeIn(dir, 'kt.csv', 'province,period,year,participants,target\nBali,2023-12,2024,500,800\nNusa Tenggara Barat,2023-12,2024,400,600\nAceh,2023-12,2024,900,1000\n');
    const r = await run(['coverage', k, '--targets', kt, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const banuspa = csvRows(r.stdout).find((x) => x['kanwil']?.startsWith('Bali Nusa Tenggara Papua'))!;
    expect([banuspa['gap'], banuspa['status']]).toEqual(['0', 'achieved']);
    expect(r.stderr).toContain("note: the Total's gap (0) is net: of the 3 targets it adds up (per province), 1 is exceeded by 100 in all, which offsets the 1 short by 100 in all; the gap, run rate and status of a Total, subtotal or row that adds up several targets are on its sums (--by province shows each target)");
  });

  // Bali by province over province × segment targets: PU 1,200 of 1,000 (200 above), BPU 200 of 500 (300
  // short): one row, gap 100.
  it('rows that add up several targets: a province over its segments', async () => {
    const s = writeIn(dir, 's.csv', 'period,province,segment,workforce,participants\n2024-06,Bali,PU,2000,1200\n2024-06,Bali,BPU,2000,200\n');
    const st = writeIn(dir, 'st.csv', 'province,segment,period,year,participants,target\nBali,PU,2023-12,2024,500,1000\nBali,BPU,2023-12,2024,100,500\n');
    const r = await run(['coverage', s, '--targets', st, '--by', 'province', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('of the 2 targets it adds up (per province × segment), 1 is exceeded by 200 in all, which offsets the 1 short by 300 in all');
    expect(r.stderr).toContain('(--by province,segment shows each target)');
  });
});
