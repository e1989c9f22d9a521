// fx52: checks of coverage inputs. Subtotal rows of a BPS regency table ("Jumlah Kabupaten", "Jumlah
// Kota"), a Kanwil file with an empty province column, total-row refusals naming their cell, and a
// --previous or glob month whose segments are not the month reported's. Figures by hand from the files
// written here (Gorontalo's regencies: rv32-files/in/gto-subtotals.csv).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

// Kab. rows: 24,166 + 70,421 + 27,983 + 31,245 + 21,860 = 175,675 participants; 42,810 + 121,605 +
// 45,260 + 52,337 + 40,712 = 302,724 potential workers. Kota Gorontalo: 80,454 of 120,210. All:
// 256,129 of 422,934.
const GTO = (kab: string, kota: string): string =>
  'period,province,regency,potential_workers,participants\n' +
  '2026-06,Gorontalo,Kab. Boalemo,42810,24166\n2026-06,Gorontalo,Kab. Gorontalo,121605,70421\n2026-06,Gorontalo,Kab. Pohuwato,45260,27983\n' +
  '2026-06,Gorontalo,Kab. Bone Bolango,52337,31245\n2026-06,Gorontalo,Kab. Gorontalo Utara,40712,21860\n' +
  `2026-06,Gorontalo,Jumlah Kabupaten,${kab}\n2026-06,Gorontalo,Kota Gorontalo,120210,80454\n2026-06,Gorontalo,Jumlah Kota,${kota}\n2026-06,Gorontalo,Jumlah,422934,256129\n`;

describe('"Jumlah Kabupaten" / "Jumlah Kota" in a regency file: checked against the Kab. / Kota rows', () => {
  it('agreeing: left out, said to agree (main: warned "left out without a check")', async () => {
    const f = w('gto-sub.csv', GTO('302724,175675', '120210,80454'));
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: total rows left out (they are not data): ${f}:7 "Jumlah Kabupaten" (agrees with its rows), ${f}:9 "Jumlah Kota" (agrees with its rows), ${f}:10 "Jumlah" (agrees with its rows)`);
    expect(r.stderr).not.toContain('without a check');
    const t = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(t['participants']).toBe('256129');
  });

  it('"Jumlah Kabupaten" 675 short of its five rows: refused at its cell, exit 3, nothing written (main: exit 0)', async () => {
    const f = w('gto-kab-bad.csv', GTO('302724,175000', '120210,80454'));
    const out = `${dir}/kab-bad-out.csv`;
    const r = await run(['coverage', f, '-f', 'csv', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // Line 7, the participants cell: "2026-06,Gorontalo,Jumlah Kabupaten,302724," is 42 characters.
    expect(r.stderr).toContain(`${f}:7:43: error: the total row "Jumlah Kabupaten" gives participants 175,000, but the 5 row(s) it totals add up to 175,675 (675 less in the total)`);
    expect(r.stderr).toContain('hint: a row is missing, extra or mistyped: correct the rows or the total, or delete the total row');
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain(`${f}:7:43: error: baris total "Jumlah Kabupaten" memuat participants 175.000, tetapi 5 baris yang dijumlahkannya berjumlah 175.675 (total kurang 675)`);
  });

  it('"Jumlah Kota" with the Kab. rows\' figures: refused (it totals the one Kota row)', async () => {
    const f = w('gto-kota-bad.csv', GTO('302724,175675', '302724,175675'));
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:9:31: error: the total row "Jumlah Kota" gives potential_workers 302,724, but the 1 row(s) it totals add up to 120,210 (182,514 more in the total)`);
    expect(r.stderr).toContain(`the total row "Jumlah Kota" gives participants 175,675, but the 1 row(s) it totals add up to 80,454 (95,221 more in the total)`);
  });

  it('"Jumlah Kabupaten" with no regency column stays a subtotal left out without a check (which rows cannot be told)', async () => {
    const f = w('prov-kab.csv', 'province,workforce,participants\nGorontalo,631521,256129\nJumlah Kabupaten,1,2\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:3 "Jumlah Kabupaten" (which rows it totals cannot be told from its name`);
  });
});

describe('a Kanwil file with an empty province column; total rows refused at their cell', () => {
  const KW = 'period,kanwil,province,potential_workers,participants\n2026-06,Sulama,,7301061,3264879\n2026-06,DKI Jakarta,,6000000,4000000\n';

  it('Kanwil rows only, province blank: one refusal naming the column, with a hint that works (main: four "0 row(s) it totals")', async () => {
    const f = w('kw-blank.csv', KW);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // "2026-06,Sulama," is 15 characters: the province cell is column 16.
    expect(r.stderr).toContain(`${f}:2:16: error: column "province" is empty on every row: each row gives a regional office (Kanwil) and no province, so it reads as that Kanwil's total row, and no row of the file is of a province`);
    expect(r.stderr).toContain('hint: for a file of Kanwil rows, delete column "province" and report --by kanwil; otherwise write each row\'s province');
    expect(r.stderr).not.toContain('0 row(s)');
    expect(r.stderr.match(/error:/g)?.length).toBe(1);
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain(`${f}:2:16: error: kolom "province" kosong di setiap baris`);
    // The hint, followed: the column deleted, --by kanwil. Sulama 3,264,879 / 7,301,061; DKI 4,000,000 / 6,000,000.
    const g = w('kw-noprov.csv', KW.replace(',province', '').replace(/,,/g, ','));
    const ok = await run(['coverage', g, '--by', 'kanwil', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
    const t = csvRows(ok.stdout).find((x) => x['level'] === 'total')!;
    expect(t['participants']).toBe('7264879');
    expect(t['denominator']).toBe('13301061');
  });

  it('one Kanwil row with its province blank among province rows of another Kanwil: refused at that cell', async () => {
    const f = w('kw-mix.csv', 'period,kanwil,province,potential_workers,participants\n2026-06,Sulama,Gorontalo,422934,259971\n2026-06,DKI Jakarta,,6000000,4000000\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    // "2026-06,DKI Jakarta," is 20 characters.
    expect(r.stderr).toContain(`${f}:3:21: error: column "province" is empty on this row of DKI Jakarta: a row with a Kanwil and no province reads as that Kanwil's total row, and the file has no row of its provinces`);
    expect(r.stderr).toContain("hint: write the row's province; or, if it is the Kanwil's total, give its provinces' rows too, or delete it");
  });

  it('a grand total that disagrees names the cell of the figure (main: file:line only)', async () => {
    const f = w('tot-bad.csv', 'province,workforce,participants\nGorontalo,631521,256129\nSulawesi Utara,1281000,600000\nJumlah,1912521,856000\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    // "Jumlah,1912521," is 15 characters.
    expect(r.stderr).toContain(`${f}:4:16: error: the total row "Jumlah" gives participants 856,000`);
  });
});
