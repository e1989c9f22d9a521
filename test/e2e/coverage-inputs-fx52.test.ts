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

  it('the same file without the province column: the --by refusal\'s hint gives the --by that reads it (main: the columns only)', async () => {
    const g = w('kw-nocol.csv', 'period,kanwil,potential_workers,participants\n2026-06,Sulama,7301061,3264879\n');
    const r = await run(['coverage', g, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: columns it has: period, kanwil, participants, potential_workers; its areas are by kanwil: --by kanwil');
    const id = await run(['coverage', g, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('wilayahnya per kanwil: --by kanwil');
    // Followed: Sulama 3,264,879 / 7,301,061.
    const ok = await run(['coverage', g, '--by', 'kanwil', '-f', 'csv']);
    expect(ok.code, ok.stderr).toBe(0);
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

describe('a --previous or glob month whose segments are not the month reported\'s: compared like for like, said', () => {
  // June whole: Gorontalo 259,971 of 422,934; Maluku 155,094 of 485,724.
  const JUNE = 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n';
  // May by segment: Gorontalo 155,000 + 77,000 + 20,000 (no PMI row) = 252,000; Maluku 93,000 + 46,000 + 12,000 + 3,000 = 154,000.
  const MAY = 'period,province,segment,participants\n2026-05,Gorontalo,PU,155000\n2026-05,Gorontalo,BPU,77000\n2026-05,Gorontalo,JAKON,20000\n2026-05,Maluku,PU,93000\n2026-05,Maluku,BPU,46000\n2026-05,Maluku,JAKON,12000\n2026-05,Maluku,PMI,3000\n';
  const row = (out: string, name: string): Record<string, string> => csvRows(out).find((x) => x['province'] === name || (name === 'Total' && x['level'] === 'total'))!;

  it('May without Gorontalo\'s PMI row against a whole June: Gorontalo has no change, the Total is Maluku\'s (main: +7,971 and +9,065, unsaid)', async () => {
    const june = w('june.csv', JUNE);
    const may = w('may-seg.csv', MAY);
    const r = await run(['coverage', june, '--previous', may, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(row(r.stdout, 'Gorontalo')['change']).toBe('');
    expect(row(r.stdout, 'Gorontalo')['pace']).toBe('');
    // Maluku 155,094 − 154,000 = 1,094; the Total over Maluku only.
    expect(row(r.stdout, 'Maluku')['change']).toBe('1094');
    expect(row(r.stdout, 'Total')['change']).toBe('1094');
    expect(r.stderr).toContain("warning: no change from 2026-05 for Gorontalo (2026-05 without PMI): that month gives them by segment rows lacking a segment and the other month gives them whole, so their change would count different segments; they are left out of their subtotals' and the Total's change too, and that month out of their pace (like for like); give that month's rows of every segment (0 where none)");
    // Said under --quiet too, in both languages and in meta.notes.
    const q = await run(['coverage', june, '--previous', may, '-f', 'csv', '--quiet', '--lang', 'id']);
    expect(q.stderr).toContain('tidak ada perubahan dari 2026-05 untuk Gorontalo (2026-05 tanpa PMI)');
    const j = await run(['coverage', june, '--previous', may, '-f', 'json']);
    expect(JSON.stringify(JSON.parse(j.stdout).meta.notes)).toContain('"code":"segments-short"');
  });

  it('a PU-only May against a whole June: no change at all, said (main: +167,065, every segment against PU)', async () => {
    const june = w('june2.csv', JUNE);
    const may = w('may-pu.csv', 'period,province,segment,participants\n2026-05,Gorontalo,PU,155000\n2026-05,Maluku,PU,93000\n');
    for (const by of ['province', 'kanwil']) {
      const r = await run(['coverage', june, '--previous', may, '--by', by, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      // Main: 259,971 + 155,094 − 248,000 = 167,065.
      expect(row(r.stdout, 'Total')['change']).toBe('');
      expect(r.stderr).toContain("warning: no change from 2026-05 is shown: 2026-05 gives the participants by segment without BPU, JAKON, PMI and 2026-06 gives them whole (no segment column), so a change would count different segments; give 2026-05's rows of every segment (0 where none), or its participants whole");
      expect(r.stderr).not.toContain('has no potential_workers figures');
    }
  });

  it('a June without PMI rows against a whole May, by --previous and by glob: no change (main: −2,236, a fall that never happened)', async () => {
    // June: Gorontalo 155,983 + 77,991 + 20,798 = 254,772; Maluku 93,056 + 46,528 + 12,408 = 151,992. May whole 255,000 and 154,000.
    const juneSeg = 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20798\n2026-06,Maluku,PU,93056\n2026-06,Maluku,BPU,46528\n2026-06,Maluku,JAKON,12408\n';
    const mayWhole = 'period,province,participants\n2026-05,Gorontalo,255000\n2026-05,Maluku,154000\n';
    const june = w('june-seg.csv', juneSeg);
    const may = w('may-whole.csv', mayWhole);
    const g = tmp();
    writeIn(g, '2026-05.csv', mayWhole);
    writeIn(g, '2026-06.csv', juneSeg);
    for (const args of [[june, '--previous', may], [`${g}/*.csv`]]) {
      for (const by of ['province', 'segment']) {
        const r = await run(['coverage', ...args, '--by', by, '-f', 'csv']);
        expect(r.code, r.stderr).toBe(0);
        expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['change']).toBe('');
        expect(r.stderr).toContain('warning: no change from 2026-05 is shown: 2026-06 gives the participants by segment without PMI and 2026-05 gives them whole');
        // No word that the change compares the months without the segment split (there is none).
        expect(r.stderr).not.toContain('without the segment split');
      }
    }
    rmSync(g, { recursive: true, force: true });
  });

  it('Papua Tengah without its JAKON and PMI rows (0 in the bundled baseline) against a whole May: compared, nothing said', async () => {
    // June: Gorontalo 140,000 + 75,000 + 50,000 + 70 = 265,070; Papua Tengah 50,000 + 39,000 = 89,000. May whole 264,070 and 88,000.
    const june = w('pt-june.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,140000\n2026-06,Gorontalo,BPU,75000\n2026-06,Gorontalo,JAKON,50000\n2026-06,Gorontalo,PMI,70\n2026-06,Papua Tengah,PU,50000\n2026-06,Papua Tengah,BPU,39000\n');
    const may = w('pt-may.csv', 'period,province,participants\n2026-05,Gorontalo,264070\n2026-05,Papua Tengah,88000\n');
    const r = await run(['coverage', june, '--previous', may, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(row(r.stdout, 'Papua Tengah')['change']).toBe('1000');
    expect(row(r.stdout, 'Total')['change']).toBe('2000');
    expect(r.stderr).not.toContain('no change from');
  });

  it('a glob of April (every segment), May (Gorontalo without PMI) and a whole June: Gorontalo\'s pace over April and June only', async () => {
    const g = tmp();
    writeIn(g, '2026-04.csv', 'period,province,segment,participants\n2026-04,Gorontalo,PU,150000\n2026-04,Gorontalo,BPU,75000\n2026-04,Gorontalo,JAKON,20000\n2026-04,Gorontalo,PMI,5000\n2026-04,Maluku,PU,90000\n2026-04,Maluku,BPU,45000\n2026-04,Maluku,JAKON,12000\n2026-04,Maluku,PMI,3000\n');
    writeIn(g, '2026-05.csv', MAY);
    writeIn(g, '2026-06.csv', JUNE);
    const r = await run(['coverage', `${g}/*.csv`, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Gorontalo: (259,971 − 250,000) / 2 months = 4,985.5; Maluku: (155,094 − 150,000) / 2 = 2,547; Total
    // (415,065 − 400,000) / 2 = 7,532.5 (as on main). Main: Gorontalo's change +7,971, May's three segments against June's four.
    expect(row(r.stdout, 'Gorontalo')['change']).toBe('');
    expect(row(r.stdout, 'Gorontalo')['pace']).toBe(String(Math.round(4985.5)));
    expect(row(r.stdout, 'Maluku')['change']).toBe('1094');
    expect(row(r.stdout, 'Total')['pace']).toBe(String(Math.round(7532.5)));
    rmSync(g, { recursive: true, force: true });
  });

  it('extracts list every participant: a segment without rows has none, and the change is given', async () => {
    // June: Gorontalo ids 1, 2 (PU), 3 (BPU); Maluku 4 (PU). May, no segment column: Gorontalo 1, 2; Maluku 4.
    const june = w('ex-june.csv', 'period,province,segment,participant_id\n2026-06,Gorontalo,PU,1\n2026-06,Gorontalo,PU,2\n2026-06,Gorontalo,BPU,3\n2026-06,Maluku,PU,4\n');
    const may = w('ex-may.csv', 'period,province,participant_id\n2026-05,Gorontalo,1\n2026-05,Gorontalo,2\n2026-05,Maluku,4\n');
    const r = await run(['coverage', june, '--previous', may, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(row(r.stdout, 'Gorontalo')['change']).toBe('1');
    expect(row(r.stdout, 'Total')['change']).toBe('1');
    expect(r.stderr).not.toContain('no change from');
  });

  // (Main before fx54 gave +12,065 here, PMI counted in the Total; fx54 made a wide row's columns its
  // parts. A guard that the segment-set check leaves a wide month to that rule, at every --by.)
  it('a wide June (four segment columns) against a May without PMI rows: compared segment by segment at every --by, not left out', async () => {
    // June: Gorontalo PU 155,983, BPU 77,991, JAKON 20,798, PMI 5,199; Maluku 93,056, 46,528, 12,408, 3,102.
    // May: Gorontalo 155,000, 77,000, 20,000; Maluku 93,000, 46,000, 12,000. Changes: PU 983 + 56 = 1,039,
    // BPU 991 + 528 = 1,519, JAKON 798 + 408 = 1,206; Total 3,764 (Gorontalo 2,772, Maluku 992).
    const june = w('wide-june.csv', 'period,province,participants_pu,participants_bpu,participants_jakon,participants_pmi\n2026-06,Gorontalo,155983,77991,20798,5199\n2026-06,Maluku,93056,46528,12408,3102\n');
    const may = w('long-may.csv', 'period,province,segment,participants\n2026-05,Gorontalo,PU,155000\n2026-05,Gorontalo,BPU,77000\n2026-05,Gorontalo,JAKON,20000\n2026-05,Maluku,PU,93000\n2026-05,Maluku,BPU,46000\n2026-05,Maluku,JAKON,12000\n');
    const r = await run(['coverage', june, '--previous', may, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const seg = (s: string): string => csvRows(r.stdout).find((x) => x['segment'] === s)!['change']!;
    expect([seg('PU'), seg('BPU'), seg('JAKON'), seg('PMI')]).toEqual(['1039', '1519', '1206', '']);
    expect(row(r.stdout, 'Total')['change']).toBe('3764');
    const ps = await run(['coverage', june, '--previous', may, '--by', 'province,segment', '-f', 'csv']);
    expect(ps.code, ps.stderr).toBe(0);
    const sub = (p: string): string => csvRows(ps.stdout).find((x) => x['province'] === p && x['level'] === 'subtotal')!['change']!;
    // Main: Gorontalo 259,971 − 252,000 = 7,971, Maluku 155,094 − 151,000 = 4,094.
    expect([sub('Gorontalo'), sub('Maluku')]).toEqual(['2772', '992']);
    expect(csvRows(ps.stdout).find((x) => x['level'] === 'total')!['change']).toBe('3764');
    const p = await run(['coverage', june, '--previous', may, '-f', 'csv']);
    expect(p.code, p.stderr).toBe(0);
    expect([row(p.stdout, 'Gorontalo')['change'], row(p.stdout, 'Maluku')['change'], row(p.stdout, 'Total')['change']]).toEqual(['2772', '992', '3764']);
    expect(p.stderr).not.toContain('no change from');
  });

  it('two months by segment rows, PMI in June only: segment by segment as before (like for like)', async () => {
    const june = w('seg-june.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20798\n2026-06,Gorontalo,PMI,5199\n');
    const may = w('seg-may.csv', 'period,province,segment,participants\n2026-05,Gorontalo,PU,155000\n2026-05,Gorontalo,BPU,77000\n2026-05,Gorontalo,JAKON,20000\n');
    const r = await run(['coverage', june, '--previous', may, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 983 + 991 + 798 = 2,772 over the three segments both months give.
    expect(row(r.stdout, 'Total')['change']).toBe('2772');
    expect(r.stderr).not.toContain('no change from');
  });
});

describe('a Kanwil month in a glob of province files: the same change and pp as --previous with that file', () => {
  // Sulama's eight provinces in June: 592,497 + 594,730 + 1,075,304 + 334,701 + 259,971 + 71,210 +
  // 155,094 + 181,372 = 3,264,879; its May by Kanwil 3,250,000: +14,879 over the bundled employed of the
  // eight, 11,710,085 (data/baseline.csv): 14,879 / 11,710,085 = 0.127061 pp.
  const JUNE = 'period,province,participants\n2026-06,Sulawesi Utara,592497\n2026-06,Sulawesi Tengah,594730\n2026-06,Sulawesi Selatan,1075304\n2026-06,Sulawesi Tenggara,334701\n2026-06,Gorontalo,259971\n2026-06,Sulawesi Barat,71210\n2026-06,Maluku,155094\n2026-06,Maluku Utara,181372\n';
  const MAY = 'period,kanwil,participants\n2026-05,Sulama,3250000\n';
  const pp = (14_879 / 11_710_085) * 100;
  const total = (out: string): Record<string, string> => csvRows(out).find((x) => x['level'] === 'total')!;

  it.each(['kanwil', 'province'])('--by %s: the glob gives +14,879 and 0.127061 pp, as --previous does (main: pp empty by kanwil, no change at all by province)', async (by) => {
    const g = tmp();
    const may = writeIn(g, '2026-05.csv', MAY);
    const june = writeIn(g, '2026-06.csv', JUNE);
    const viaPrevious = await run(['coverage', june, '--previous', may, '--by', by, '-f', 'csv']);
    const viaGlob = await run(['coverage', `${g}/*.csv`, '--by', by, '-f', 'csv']);
    for (const r of [viaPrevious, viaGlob]) {
      expect(r.code, r.stderr).toBe(0);
      expect(total(r.stdout)['change']).toBe('14879');
      expect(Number(total(r.stdout)['coverage_change_pp'])).toBeCloseTo(pp, 6);
      expect(r.stderr).toContain('coverage_change_pp is the change in participants over them');
      expect(r.stderr).not.toContain('no change from');
    }
    rmSync(g, { recursive: true, force: true });
  });

  it('by segment (May by Kanwil × segment, June by province × segment): the Total\'s pp in the glob too', async () => {
    // June's segments: PU 1,958,927, BPU 979,463, JAKON 261,191, PMI 65,298 (3,264,879); May's 1,950,000,
    // 975,000, 260,000, 65,000 (3,250,000).
    const rows: [string, number, number, number, number][] = [['Sulawesi Utara', 355498, 177749, 47400, 11850], ['Sulawesi Tengah', 356838, 178419, 47578, 11895], ['Sulawesi Selatan', 645182, 322591, 86024, 21507], ['Sulawesi Tenggara', 200821, 100410, 26776, 6694], ['Gorontalo', 155983, 77991, 20798, 5199], ['Sulawesi Barat', 42726, 21363, 5697, 1424], ['Maluku', 93056, 46528, 12408, 3102], ['Maluku Utara', 108823, 54412, 14510, 3627]];
    let june = 'period,province,segment,participants\n';
    for (const [p, ...v] of rows) ['PU', 'BPU', 'JAKON', 'PMI'].forEach((s, i) => (june += `2026-06,${p},${s},${v[i]}\n`));
    const g = tmp();
    writeIn(g, '2026-05.csv', 'period,kanwil,segment,participants\n2026-05,Sulama,PU,1950000\n2026-05,Sulama,BPU,975000\n2026-05,Sulama,JAKON,260000\n2026-05,Sulama,PMI,65000\n');
    writeIn(g, '2026-06.csv', june);
    const r = await run(['coverage', `${g}/*.csv`, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const seg = (s: string): string => csvRows(r.stdout).find((x) => x['segment'] === s)!['change']!;
    expect([seg('PU'), seg('BPU'), seg('JAKON'), seg('PMI')]).toEqual(['8927', '4463', '1191', '298']);
    expect(total(r.stdout)['change']).toBe('14879');
    expect(Number(total(r.stdout)['coverage_change_pp'])).toBeCloseTo(pp, 6);
    rmSync(g, { recursive: true, force: true });
  });
});
