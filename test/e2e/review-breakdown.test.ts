// Found by a review of breakdown as a planner uses it; each test failed on main at 748282f.
// Expected figures are worked out by hand here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const write = (name: string, text: string): string => {
  const f = join(tmp(), name);
  writeFileSync(f, text);
  return f;
};

describe('breakdown as a planner reads it', () => {
  it('--months at 80 columns keeps each month\'s milestone (it showed the December target on every month)', async () => {
    const r = await run(['breakdown', '--year', '2024', '--months', '--color', 'never', '-q'], { tty: { columns: 80 } });
    expect(r.code, r.stderr).toBe(0);
    const head = r.stdout.split('\n').slice(0, 8).join('\n');
    expect(head).toMatch(/milestone/);
    expect(head).toMatch(/December/);
    // Aceh in January 2024: 583,638 + (746,609 − 583,638) / 12 = 597,218.25, rounded to 597,219 by
    // the national path (the CSV of the same run says so).
    const csv = await run(['breakdown', '--year', '2024', '--months', '-f', 'csv', '-q']);
    expect(csv.stdout).toContain('2024-01,2024,11,Aceh,583638,597219,746609,');
    expect(r.stdout).toMatch(/2024-01 .*Aceh .*597,219 .*746,609/);
  });

  it('an input without participants is refused in gap mode (it was planned from 0, under today\'s coverage)', async () => {
    const f = write('pct.csv', 'province,workforce,coverage\nAceh,1000,40%\nBali,2000,75%\nGorontalo,500,20%\n');
    const r = await run(['breakdown', '--input', f, '--target', '2500', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing column "participants"');
    // Level mode with no floor does without them: 2,500 in proportion to 1,000 : 2,000 : 500 is
    // 714.29 : 1,428.57 : 357.14, Webster 714 : 1,429 : 357.
    const level = await run(['breakdown', '--input', f, '--target', '2500', '--mode', 'level', '--min', 'none', '-f', 'csv']);
    expect(level.code, level.stderr).toBe(0);
    expect(level.stdout).toMatch(/Aceh,.*,714,/);
    expect(level.stdout).toMatch(/Bali,.*,1429,/);
  });

  it('a negative weight in a --basis column is refused (it was accepted, its unit held at its floor)', async () => {
    const f = write('w.csv', 'province,workforce,participants,w\nAceh,1000,400,-1\nBali,2000,1500,1\nGorontalo,500,100,2\n');
    const r = await run(['breakdown', '--input', f, '--basis', 'w', '--target', '2500', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--basis w: Aceh has a negative weight (-1)');
  });
});

describe("a file's own coverage column", () => {
  it('is checked against participants ÷ denominator: a mistyped count is named in a warning (it was never compared)', async () => {
    // Kab. Boalemo: 24,410 / 42,810 = 57.02 %, the file says 75.02 %; Kota Gorontalo: 81,873 / 120,210 = 68.11 %, as the file says.
    const f = write('cakupan.csv', 'Periode;Provinsi;Kabupaten/Kota;Potensi Pekerja;Peserta Aktif;Cakupan\n2024-06;Gorontalo;Kab. Boalemo;42.810;24.410;75,02%\n2024-06;Gorontalo;Kota Gorontalo;120.210;81.873;68,11%\n');
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`warning: the file's coverage column disagrees with participants ÷ denominator (by more than half a point): ${f}:2 (75.02 % stated, 57.02 % from the counts); the report uses the counts: check them for a typing error\n`);
    const ok = write('cakupan-ok.csv', 'Periode;Provinsi;Kabupaten/Kota;Potensi Pekerja;Peserta Aktif;Cakupan\n2024-06;Gorontalo;Kab. Boalemo;42.810;24.410;57,02%\n');
    expect((await run(['coverage', ok, '--by', 'regency', '-f', 'csv', '--quiet'])).stderr).toBe('');
  });
});

describe('a bound that binds is said', () => {
  it('--max-coverage 0.9 stops Bali at 1,800 (0.9 × 2,000) and a note names it; the rest goes to the others', async () => {
    const f = write('p3.csv', 'province,workforce,participants\nAceh,1000,400\nBali,2000,1500\nGorontalo,500,100\n');
    const r = await run(['breakdown', '--input', f, '--target', '3000', '--max-coverage', '0.9', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // The increase 3,000 − 2,000 = 1,000 over the uncovered 600 : 500 : 400 would give Bali 333 (1,833),
    // above 1,800: Bali stops at 1,800 (+300), and Aceh and Gorontalo share the other 700 as 600 : 400,
    // 420 and 280: 820 and 380.
    expect(r.stdout).toMatch(/Aceh,.*,820,/);
    expect(r.stdout).toMatch(/Bali,.*,1800,/);
    expect(r.stdout).toMatch(/Gorontalo,.*,380,/);
    expect(r.stderr).toContain('note: stopped at the upper bound (--max, --max-coverage), the rest shared by the others: Bali');
  });
});

describe('--min none in gap mode', () => {
  it('is refused as a flag that would do nothing (the report said min none and showed today\'s participants)', async () => {
    const f = write('p3.csv', 'province,workforce,participants\nAceh,1000,400\nBali,2000,1500\nGorontalo,500,100\n');
    const r = await run(['breakdown', '--input', f, '--target', '2500', '--min', 'none', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--min would have no effect: gap mode adds to today's participants");
    // In level mode it does what it says: 2,500 by workforce 1,000 : 2,000 : 500 → 714, 1,429, 357 (Bali below its 1,500).
    const level = await run(['breakdown', '--input', f, '--target', '2500', '--min', 'none', '--mode', 'level', '-f', 'csv']);
    expect(level.code, level.stderr).toBe(0);
    expect(level.stdout).toMatch(/Bali,.*,1429,/);
  });
});
