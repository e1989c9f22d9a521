// rv28 R14: "targets for 1 of 8 rows … (none for …)" named 5 of the 7 rows without a target and ended as
// if whole: a reader took Maluku and Maluku Utara for rows in the Total's target. The rest is counted.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const names = ['Sulawesi Utara', 'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku', 'Maluku Utara'];
const data = writeIn(dir, 'p.csv', `period,province,workforce,participants\n${names.map((n) => `2026-06,${n},100000,50000`).join('\n')}\n`);
const targets = writeIn(dir, 't.csv', 'province,year,target\nGorontalo,2026,60000\n');

describe('rv28 R14: the rows without a target, named up to 5 and the rest counted', () => {
  it('en and id, on stderr and in meta.notes: "and 2 more" for Maluku and Maluku Utara', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // 7 rows without a target: the first 5 by name, 7 − 5 = 2 more.
    expect(r.stderr).toContain('warning: targets for 1 of 8 rows: the subtotals and the Total compare those rows only (none for Sulawesi Utara, Sulawesi Tengah, Sulawesi Selatan, Sulawesi Tenggara, Sulawesi Barat and 2 more)');
    const n = (JSON.parse(r.stdout).meta.notes as { code: string; id: string }[]).find((x) => x.code === 'no-target')!;
    expect(n.id).toContain('(tanpa target: Sulawesi Utara, Sulawesi Tengah, Sulawesi Selatan, Sulawesi Tenggara, Sulawesi Barat dan 2 lainnya)');
  });

  it('5 rows without a target are all named, with nothing more', async () => {
    const five = writeIn(dir, 't5.csv', 'province,year,target\nGorontalo,2026,60000\nMaluku,2026,60000\nMaluku Utara,2026,60000\n');
    const r = await run(['coverage', data, '--targets', five, '-f', 'csv', '-q']);
    expect(r.stderr).toContain('(none for Sulawesi Utara, Sulawesi Tengah, Sulawesi Selatan, Sulawesi Tenggara, Sulawesi Barat)');
  });
});
