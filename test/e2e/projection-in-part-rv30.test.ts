// rv30 T5: under --by kanwil, a Kanwil row over province targets with a province without one (fx35's
// no-target-parts) had projected_gap and projected_status empty on its row and the Total without a word:
// its projection is all its provinces', its target some's only, so they are not compared. Now said.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Two of Sulama's provinces, two months: Gorontalo 250,000 → 256,000, Maluku 150,000 → 155,000.
const may = writeIn(dir, '2026-05.csv', 'period,province,participants\n2026-05,Gorontalo,250000\n2026-05,Maluku,150000\n');
const june = writeIn(dir, '2026-06.csv', 'period,province,participants\n2026-06,Gorontalo,256000\n2026-06,Maluku,155000\n');
// Gorontalo's target only: none for Maluku.
const targets = writeIn(dir, 'targets.csv', 'province,year,target\nGorontalo,2026,300000\n');
const cols = (csv: string): string[] => csv.split('\n')[0]!.split(',');

describe('rv30 T5: a Kanwil row whose target is some of its provinces\' only', () => {
  it('--by kanwil: projected_gap and projected_status over Gorontalo, the province with a target, said even under --quiet (rv30: left empty; fx53: computed like for like)', async () => {
    const r = await run(['coverage', june, '--previous', may, '--by', 'kanwil', '--targets', targets, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const head = cols(r.stdout);
    const kanwil = r.stdout.split('\n').find((l) => l.startsWith('Sulawesi Maluku'))!.split(',');
    // Its target is Gorontalo's; its projection all its provinces' (411,000 + 11,000 a month, 6 months left).
    expect(kanwil[head.indexOf('target')]).toBe('300000');
    expect(kanwil[head.indexOf('projected')]).toBe('477000');
    // Gorontalo alone: 256,000 + 6 × 6,000 = 292,000, 8,000 short of 300,000 (within 5 %: at-risk).
    expect(kanwil[head.indexOf('projected_gap')]).toBe('8000');
    expect(kanwil[head.indexOf('projected_status')]).toBe('at-risk');
    expect(r.stderr).not.toContain('are left empty for');
    expect(r.stderr).toContain('warning: projected_gap and projected_status compare the target with the projections of the provinces with a target only, each projected on its own pace, where projected is of all: Sulawesi Maluku (Sulama) (1 province with a target; left out Maluku); the Total (1 province with a target; left out Maluku)');
    const j = await run(['coverage', june, '--previous', may, '--by', 'kanwil', '--targets', targets, '-f', 'json', '-q', '--lang', 'id']);
    expect(JSON.parse(j.stdout).meta.notes.find((n: { code: string }) => n.code === 'projection-of-parts')).toMatchObject({ kind: 'warning' });
    expect(j.stderr).toContain('projected_gap dan projected_status membandingkan target hanya dengan proyeksi provinsi yang bertarget');
  });

  it('--by province: each province on its own, the Total over Gorontalo only; nothing to say', async () => {
    const r = await run(['coverage', june, '--previous', may, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const head = cols(r.stdout);
    const total = r.stdout.split('\n').find((l) => l.includes(',Total,'))!.split(',');
    expect(total[head.indexOf('projected_status')]).not.toBe('');
    expect(r.stderr).not.toContain('are left empty for');
  });
});
