// Issue 21: total rows ("Jumlah", "Total", "INDONESIA", "Total Kanwil …") in a key column were refused as
// an unknown province with no hint. Now they are left out with a note naming them, and a grand total is
// checked against the rows it totals: equal, the note says so; different, exit 3 naming the total row,
// both sums and the difference. Long bad values are quoted clipped, and "did you mean" stays quick.
// Every case here failed on the code before the change (256ff21).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from '../e2e/helpers.js';

function write(name: string, text: string | Buffer): string {
  const f = join(tmp(), name);
  writeFileSync(f, text);
  return f;
}

const DATA = 'province,workforce,participants\nGorontalo,631521,256129\nSulawesi Utara,1281000,600000\n';

describe('total rows', () => {
  it.each([
    ['Jumlah', 'Jumlah,1912521,856129'],
    ['JUMLAH', 'JUMLAH,1912521,856129'],
    ['Total', 'Total,1912521,856129'],
    ['Grand total', '  grand   TOTAL ,1912521,856129'],
    ['INDONESIA', 'INDONESIA,1912521,856129'],
  ])('%s: left out, checked, and the report is that of the rows alone', async (_name, line) => {
    const plain = write('plain.csv', DATA);
    const f = write('with-total.csv', DATA + line + '\n');
    const want = await run(['coverage', plain, '-f', 'csv']);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(want.stdout);
    expect(r.stderr).toContain(`note: total rows left out (they are not data): ${f}:4 "${line.split(',')[0]!.trim()}" (agrees with its rows)`);
    const json = JSON.parse((await run(['coverage', f, '-f', 'json'])).stdout);
    expect(JSON.stringify(json.meta.notes)).toContain('total rows left out');
  });

  it('a total that disagrees with its rows is refused: the total row, both sums, the difference', async () => {
    const f = write('bad-total.csv', DATA + 'Jumlah,1912521,856000\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:4:16: error: the total row "Jumlah" gives participants 856,000, but the 2 row(s) it totals add up to 856,129 (129 less in the total)`);
    expect(r.stderr).toContain('hint: a row is missing, extra or mistyped: correct the rows or the total, or delete the total row');
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain(`${f}:4:16: error: baris total "Jumlah" memuat participants 856.000, tetapi 2 baris yang dijumlahkannya berjumlah 856.129 (total kurang 129)`);
  });

  // rv32 W6: a total whose words name the whole of the file's areas was warned "left out without a check"
  // (main), though it equals the sum of every row; it is the file's grand total, checked as "Jumlah" is.
  it.each(['Total Kanwil', 'Jumlah Provinsi', 'Jumlah 8 Provinsi', 'Total Wilayah', 'Jumlah Kanwil', 'Jumlah Seluruh Provinsi'])('"%s": checked against every row of its file', async (label) => {
    // By hand: 631,521 + 1,281,000 = 1,912,521; 256,129 + 600,000 = 856,129.
    const f = write('whole.csv', `${DATA}${label},1912521,856129\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: total rows left out (they are not data): ${f}:4 "${label}" (agrees with its rows)`);
    expect(r.stderr).not.toContain('without a check');
    // One row short of its figures: refused, as "Jumlah" is.
    const bad = write('whole-bad.csv', `${DATA}${label},1912521,855129\n`);
    const b = await run(['coverage', bad, '-f', 'csv']);
    expect(b.code).toBe(3);
    // The participants cell: after "<label>,1912521,".
    expect(b.stderr).toContain(`${bad}:4:${label.length + 10}: error: the total row "${label}" gives participants 855,129, but the 2 row(s) it totals add up to 856,129 (1,000 less in the total)`);
  });

  it('"Jumlah Kabupaten" (some rows of a BPS regency table) stays a subtotal left out without a check', async () => {
    const f = write('kab.csv', DATA + 'Jumlah Kabupaten,1,2\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:4 "Jumlah Kabupaten" (which rows it totals cannot be told from its name`);
  });

  it('a subtotal whose words name no area the tool knows is left out without a check, and said so', async () => {
    // (One naming a Kanwil, "Total Kanwil Sulawesi Maluku", is checked against its provinces' rows since
    // rv28 R10: test/e2e/review-rv28-inputs.test.ts.)
    const f = write('sub.csv', DATA + 'Total Cabang Utara,1,2\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // A warning with why (fx44), no longer a note "(not checked)".
    expect(r.stderr).toContain(`warning: total rows left out without a check against the rows they total (a row missing, extra or mistyped would not be seen): ${f}:4 "Total Cabang Utara" (which rows it totals cannot be told from its name, which names no province or regional office, nor from its other cells)`);
  });

  it('per-province totals in the regency column are checked against that province', async () => {
    const f = write(
      'reg.csv',
      'province,regency,workforce,participants\nGorontalo,Boalemo,100,10\nGorontalo,Pohuwato,200,20\nGorontalo,Jumlah,300,30\nSulawesi Utara,Minahasa,400,40\nSulawesi Utara,Jumlah,400,41\n',
    );
    const r = await run(['coverage', f, '--by', 'province', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:6:27: error: the total row "Jumlah" gives participants 41, but the 1 row(s) it totals add up to 40 (1 more in the total)`);
    expect(r.stderr).not.toContain(`${f}:4:`);
  });

  it('a "Total" sector row (a free-text key) is a total row too', async () => {
    const f = write('sector.csv', 'province,sector,participants\nGorontalo,Pertanian,10\nGorontalo,Perdagangan,20\nGorontalo,Total,30\n');
    const r = await run(['coverage', f, '--by', 'province', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'detail')!['participants']).toBe('30');
  });

  it('in JSON and in a workbook too', async () => {
    const j = write('t.json', JSON.stringify([{ province: 'Gorontalo', participants: 10, workforce: 100 }, { province: 'Jumlah', participants: 10, workforce: 100 }]));
    const rj = await run(['coverage', j, '-f', 'csv']);
    expect(rj.code, rj.stderr).toBe(0);
    expect(rj.stderr).toContain(`${j}:1 "Jumlah" (agrees with its rows)`);
    const book = await writeXlsxFile([
      [{ value: 'province' }, { value: 'workforce' }, { value: 'participants' }],
      [{ value: 'Gorontalo' }, { value: 100 }, { value: 10 }],
      [{ value: 'Aceh' }, { value: 200 }, { value: 20 }],
      [{ value: 'JUMLAH' }, { value: 300 }, { value: 31 }],
    ]).toBuffer();
    const x = write('t.xlsx', book);
    const rx = await run(['coverage', x, '-f', 'csv']);
    expect(rx.code).toBe(3);
    // Placed at the total's participants cell (C4), the figure that disagrees (rv10 F4: was A4).
    expect(rx.stderr).toContain(`${x}:Sheet1!C4: error: the total row "JUMLAH" gives participants 31, but the 2 row(s) it totals add up to 30 (1 more in the total)`);
  });
});

describe('long bad values', () => {
  it('an unknown province of 1 MB: quoted clipped, answered quickly', async () => {
    const f = write('long.csv', 'province,workforce,participants\n' + 'X'.repeat(1 << 20) + ',2,1\n');
    const t = Date.now();
    const r = await run(['coverage', f, '-f', 'csv']);
    const ms = Date.now() - t;
    expect(r.code).toBe(3);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toContain(`unknown province "${'X'.repeat(80)}… (1,048,576 bytes)"`);
    // Not a timing assertion of speed: the old code took 37 s here; anything near that fails.
    expect(ms).toBeLessThan(15_000);
  });

  it('a long unknown segment, regency and month are clipped too', async () => {
    const long = 'Y'.repeat(5000);
    for (const [head, row, word] of [
      ['province,segment,participants', `Gorontalo,${long},1`, 'unknown segment'],
      ['province,regency,participants', `Gorontalo,${long},1`, 'unknown kabupaten/kota'],
      ['province,period,participants', `Gorontalo,${long},1`, ''],
    ] as const) {
      const f = write('l.csv', `${head}\n${row}\n`);
      const r = await run(['coverage', f, '-f', 'csv']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${word ? word + ' ' : ''}"${'Y'.repeat(80)}… (5,000 bytes)"`);
      expect(r.stderr.length).toBeLessThan(1000);
    }
  });
});
