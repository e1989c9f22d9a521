// rv36 N2: the refusal of a joined file's first part named its lines from the header ("lines 1-7");
// the part's rows start on line 2, after the header. Two BPS-style regency reports one after the other.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILE = [
  'period,regency,potential_workers,participants',
  '2026-06,Kabupaten Boalemo,42810,24166',
  '2026-06,Kabupaten Gorontalo,121605,70421',
  '2026-06,Jumlah Kabupaten,164415,94587',
  // Kota Gorontalo mistyped: 80,455 where its Jumlah Kota says 80,454.
  '2026-06,Kota Gorontalo,120210,80455',
  '2026-06,Jumlah Kota,120210,80454',
  '2026-06,Jumlah,284625,175041',
  '2026-06,Kabupaten Minahasa,200000,90000',
  '2026-06,Kabupaten Minahasa Utara,150000,60000',
  '2026-06,Jumlah Kabupaten,350000,150000',
  '2026-06,Kota Manado,300000,150000',
  '2026-06,Kota Bitung,120000,50000',
  '2026-06,Jumlah Kota,420000,200000',
  '2026-06,Jumlah,770000,350000',
  '',
].join('\n');

it("a joined file's first part is named from its first row (line 2), not from the header", async () => {
  const f = writeIn(dir, 'joined.csv', FILE);
  const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv']);
  expect(r.code).toBe(3);
  expect(r.stdout).toBe('');
  // Jumlah Kota (line 6, participants column 28) against Kota Gorontalo: 80,454 vs 80,455.
  expect(r.stderr).toContain('joined.csv:6:28: error: the total row "Jumlah Kota" gives participants 80,454');
  expect(r.stderr).toContain('(lines 2-7, part 1 of the 2 the file joins one after the other)');
  expect(r.stderr).not.toContain('lines 1-7');
  const id = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '--lang', 'id']);
  expect(id.stderr).toContain('baris 2-7');
});
