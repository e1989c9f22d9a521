// fx58: coverage --year plans its milestones with breakdown's path function (fx51), and where a month of
// a province × segment grid fell back (no grid of floors and ceilings met both margins) breakdown --months
// says so (months-grid-wide), but coverage --year compared June with those milestones without a word.
// Now it says the same note, on stderr and in meta.notes.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 100 participants in each cell at 2023-12; gap mode closes the same share of every gap, so the 22 of
// the target 422 go 10, 1 (Gorontalo PU, BPU) and 3, 8 (Maluku): uncovered 1000, 100, 300, 800 of 2,200.
const PLAN = 'period,province,segment,participants,workforce\n2023-12,Gorontalo,PU,100,1100\n2023-12,Gorontalo,BPU,100,200\n2023-12,Maluku,PU,100,400\n2023-12,Maluku,BPU,100,900\n';
const JUNE = 'period,province,segment,participants,workforce\n2024-06,Gorontalo,PU,105,1100\n2024-06,Gorontalo,BPU,101,200\n2024-06,Maluku,PU,101,400\n2024-06,Maluku,BPU,104,900\n';
const NOTE = "note: the monthly milestones of the province × segment cells are each the floor or the ceiling of the cell's share of the national increase, except in 1 month(s) from 2024-06";

describe('fx58: coverage --year says where the grid of its milestones fell back, as breakdown --months does', () => {
  it('June 2024 of rises [[10, 1], [3, 8]]: the note on stderr and in meta.notes (main: nothing)', async () => {
    const plan = writeIn(dir, 'plan.csv', PLAN);
    const june = writeIn(dir, 'june.csv', JUNE);
    const series = writeIn(dir, 'series.csv', 'year,target\n2024,422\n');
    const b = await run(['breakdown', '--target', '422', '--year', '2024', '--input', plan, '--by', 'province,segment', '--mode', 'gap', '--months', '-f', 'csv']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(NOTE);
    const args = ['coverage', june, '--year', '2024', '--series', series, '--input', plan, '--by', 'province,segment', '--mode', 'gap'];
    const r = await run([...args, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(NOTE);
    // June is half-way (+11 of 22): rows +5.5 each (a tie, to Gorontalo: 6 and 5), columns +6.5 and +4.5
    // (a tie, to PU: 7 and 4); the exact cells 5, 0.5, 1.5, 4 cannot be floored or ceiled to meet both.
    const rows = csvRows(r.stdout);
    const m = (p: string, s: string): string | undefined => rows.find((x) => x['province'] === p && x['segment'] === s)?.['milestone'];
    const cells = [m('Gorontalo', 'PU'), m('Gorontalo', 'BPU'), m('Maluku', 'PU'), m('Maluku', 'BPU')].map((v) => Number(v) - 100);
    expect([cells[0]! + cells[1]!, cells[2]! + cells[3]!, cells[0]! + cells[2]!, cells[1]! + cells[3]!]).toEqual([6, 5, 7, 4]);
    const j = await run([...args, '-f', 'json', '-q']);
    const notes = (JSON.parse(j.stdout) as { meta: { notes: { code: string }[] } }).meta.notes;
    expect(notes.map((n) => n.code)).toContain('months-grid-wide');
  });
});
