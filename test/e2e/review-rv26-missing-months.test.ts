// rv26 F3: a month one province did not report (others did). The pace note named neither the row nor the
// month; the trend's and charts' blanks of the Total for that month were unexplained; and the note of rows
// with no pace did not name them. Now each is named.
// By hand (f3.csv below, report 2024-08, --pace-window 3, so the window starts at 2024-05):
//   Gorontalo      260,000 (05) → 263,200 (08): pace 3,200 / 3 = 1,066.7 → 1,067
//   Sulawesi Barat no 2024-05; 70,000 (06) → 71,000 (08): pace 1,000 / 2 = 500; projection 71,000 + 500 × 4 = 73,000
//   Maluku Utara   2024-08 only: no pace, no projection, and none for the Total
//   the Total of 2024-05 (Sulawesi Barat, Maluku Utara missing) … 2024-07 (Maluku Utara) is blank.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = [
  ['2024-05', 'Gorontalo', 260000],
  ['2024-06', 'Gorontalo', 261000],
  ['2024-07', 'Gorontalo', 262000],
  ['2024-08', 'Gorontalo', 263200],
  ['2024-06', 'Sulawesi Barat', 70000],
  ['2024-07', 'Sulawesi Barat', 70400],
  ['2024-08', 'Sulawesi Barat', 71000],
  ['2024-05', 'Maluku', 150000],
  ['2024-06', 'Maluku', 150300],
  ['2024-07', 'Maluku', 150600],
  ['2024-08', 'Maluku', 150900],
  ['2024-08', 'Maluku Utara', 179784],
];
const file = writeIn(dir, 'f3.csv', ['period,province,participants', ...rows.map((r) => r.join(','))].join('\n') + '\n');

describe('a month one row did not report is named (rv26 F3)', () => {
  it('the pace note names the row, the month and the span; no-pace names its rows; the blanks of the trend are warned', async () => {
    const r = await run(['coverage', file, '--year', '2024', '--trend', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const by = new Map(csvRows(r.stdout).map((row) => [row.province, row]));
    expect(by.get('Gorontalo')!.pace).toBe('1067');
    expect([by.get('Sulawesi Barat')!.pace, by.get('Sulawesi Barat')!.projected]).toEqual(['500', '73000']);
    expect([by.get('Total')!['2024-05'], by.get('Total')!['2024-07'], by.get('Total')!.pace]).toEqual(['', '', '']);
    expect(r.stderr).toContain('note: the pace of 1 of 4 rows is over fewer months than --pace-window 3 (as few as 2): fewer months known, or a month not reported; Sulawesi Barat: no 2024-05, its pace is over 2024-06..2024-08');
    expect(r.stderr).toContain('no pace or projection for them, nor for their subtotals and the Total (--pace-window widens the window): Maluku Utara');
    expect(r.stderr).toContain(
      'warning: some rows did not report some months that other rows did: the trend and the charts have no figure for those months in these rows, nor in the subtotals and the Total over them: Sulawesi Barat (2024-05), Maluku Utara (2024-05..2024-07)',
    );
  });
  it('in Indonesian, and the warning stays under --quiet (it explains a blank Total)', async () => {
    const r = await run(['coverage', file, '--year', '2024', '--lang', 'id', '--quiet', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sebagian baris tidak melapor pada bulan yang dilaporkan baris lain: tren dan grafik tidak memuat angka bulan itu untuk baris ini, begitu pula subtotal dan Total di atasnya: Sulawesi Barat (2024-05), Maluku Utara (2024-05..2024-07)');
    const j = await run(['coverage', file, '--year', '2024', '--lang', 'id', '-f', 'json']);
    const notes = (JSON.parse(j.stdout) as { meta: { notes: { id: string }[] } }).meta.notes.map((n) => n.id);
    expect(notes.some((n) => n.includes('Sulawesi Barat: tidak ada 2024-05, lajunya atas 2024-06..2024-08'))).toBe(true);
  });
});
