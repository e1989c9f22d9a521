// Review rv30 (fixed by fx43):
//   T3  a province's 0 participants was refused in the long layout but read in the wide one (participants_pu …
//       participants_pmi, what `template --segments` writes): Total without the province, exit 0.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rv30 T3: 0 participants of a province in the wide layout', () => {
  const head = 'province,period,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n';
  const july = writeIn(dir, 'w-2026-07.csv', `${head}Gorontalo,2026-07,422934,250000,150000,75000,20000,5000\nMaluku,2026-07,485724,158094,94856,47428,12648,3162\n`);
  const aug = writeIn(dir, 'w-2026-08.csv', `${head}Gorontalo,2026-08,422934,260000,156000,78000,20800,5200\nMaluku,2026-08,485724,0,0,0,0,0\n`);

  it('a province whose participants and parts are all 0 is refused at its cell, with the month before; nothing written', async () => {
    const out = join(dir, 'w-report.csv');
    const r = await run(['coverage', july, aug, '--quiet', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    // Line 3 of August, column 23 ("Maluku,2026-08,485724," is 22 characters).
    expect(r.stderr).toContain(`${aug}:3:23: error: field "participants": Maluku has 0 participants in 2026-08, 158,094 in 2026-07: no province or Kanwil has no active participants`);
    expect(existsSync(out)).toBe(false);
    expect((await run(['validate', aug])).code).toBe(3);
    const id = await run(['coverage', aug, '--lang', 'id']);
    expect(id.stderr).toContain(`${aug}:3:23: error: kolom "participants": Maluku memiliki 0 peserta pada 2026-08`);
  });

  it('one part of 0 (a real 0 PMI) is read', async () => {
    const f = writeIn(dir, 'w-pmi0.csv', `${head}Gorontalo,2026-08,422934,255000,156000,78000,21000,0\n`);
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 156,000 + 78,000 + 21,000 + 0 = 255,000.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')?.['participants']).toBe('255000');
  });
});
