// Review F6 at size: a regional CSV of 4 MiB and more is read by the byte-level engine first, which
// refuses a duplicate row and hands the file to the general path; through standard input the general
// path reads it once. A duplicate near the end of a 200,000-row file (8 MiB) is named the same way by
// both: its keys as the file first writes them, never case-folded. (test/io/duplicate-spelling.test.ts
// has the same on small files, the engine forced.)
import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, tmp } from '../e2e/helpers.js';

const PROVINCES = ['Aceh', 'Sumatera Utara', 'Gorontalo', 'Bali', 'Papua', 'Jawa Barat', 'DKI Jakarta', 'Riau'];

function bigFile(dir: string, name: string, repeat: string): string {
  const lines = ['period,province,sector,workforce,participants'];
  for (let i = 0; i < 200_000; i++) lines.push(`2024-06,${PROVINCES[i % 8]},KC${String(i).padStart(6, '0')},${10_000 + (i % 90_000)},${i % 5_000}`);
  // The repeat near the end, five rows before it.
  lines.splice(lines.length - 5, 0, repeat);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  expect(statSync(path).size).toBeGreaterThan(4 * 1024 * 1024);
  return path;
}

describe('a duplicate row near the end of an 8 MiB file, named and through standard input', () => {
  // Branch 26 is in Gorontalo (26 % 8 = 2), on line 28; the repeat is on line 199,997.
  for (const [what, repeat] of [
    ['the same row', '2024-06,Gorontalo,KC000026,2000,1'],
    ['another spelling', '2024-06,Gorontalo,kc000026,2000,1'],
  ] as const) {
    it(`${what}: both say "Gorontalo / KC000026", at the same line`, () => {
      const dir = tmp();
      const file = bigFile(dir, 'big.csv', repeat);
      const named = spawnCli(['coverage', file, '--by', 'province', '-f', 'csv']);
      const piped = spawnCli(['coverage', '-', '--by', 'province', '-f', 'csv'], { input: readFileSync(file) });
      const expected = 'error: duplicate row for 2024-06 / Gorontalo / KC000026 (first at line 28)';
      expect(named.code).toBe(3);
      expect(piped.code).toBe(3);
      expect(named.stdout + piped.stdout).toBe('');
      expect(named.stderr).toContain(`${file}:199997: ${expected}`);
      expect(piped.stderr).toContain(`<stdin>:199997: ${expected}`);
      expect(piped.stderr.replaceAll('<stdin>', file)).toBe(named.stderr);
    });
  }
});
