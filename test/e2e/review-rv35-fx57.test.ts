// rv35 D4, D7, D8, D10: what a reader says of a cell or a plan is one thing in every form. Each failed on
// main at 8c2fc30.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/io/load.js';
import { ROOT, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const june = readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-06.csv'), 'utf8');

describe('rv35 D4: breakdown --year targets read by a report on potential_workers, in every form', () => {
  it('name the bundled baseline\'s employed as the plan\'s figures, never "this report\'s employed"', async () => {
    const sub = join(dir, 'd4');
    mkdirSync(sub);
    expect((await run(['breakdown', '--year', '2024', '--by', 'province', '-q', '-o', 'plan.csv', '-o', 'plan.json', '-o', 'plan.xlsx'], { cwd: sub })).code).toBe(0);
    writeFileSync(join(sub, 'jun.csv'), june);
    for (const plan of ['plan.csv', 'plan.json', 'plan.xlsx']) {
      const r = await run(['coverage', 'jun.csv', '--targets', plan, '-q', '-f', 'csv'], { cwd: sub });
      expect(r.code, r.stderr).toBe(0);
      // data/baseline.csv: Sulawesi Utara employed 1,250,000; the June file (no employed column) potential_workers 780,666.
      expect(r.stderr, plan).toContain(`warning: the targets (${plan}) were planned on other denominator figures than the potential_workers this report's coverage is on, for 8 of 8 provinces: Sulawesi Utara 1,250,000 in the plan, 780,666 here;`);
      expect(r.stderr, plan).toContain("(the plan's figures are the bundled baseline's employed, data/baseline.csv: the targets were split by employed)");
      expect(r.stderr, plan).not.toContain('reports on them');
    }
    // A plan that says employed, with figures that are neither the report's nor the bundled baseline's.
    const json = JSON.parse(readFileSync(join(sub, 'plan.json'), 'utf8'));
    for (const row of json.rows) row.denominator += 1;
    delete json.totals;
    delete json.subtotals;
    writeFileSync(join(sub, 'other.json'), JSON.stringify(json));
    const o = await run(['coverage', 'jun.csv', '--targets', 'other.json', '-q', '-f', 'csv'], { cwd: sub });
    expect(o.stderr).toContain("(the plan's figures are employed, as other.json says: neither this report's nor the bundled baseline's)");
    const id = await run(['coverage', 'jun.csv', '--targets', 'plan.json', '-q', '-f', 'csv', '--lang', 'id'], { cwd: sub });
    expect(id.stderr).toContain('angka rencana adalah employed baseline bawaan, data/baseline.csv: target dibagi menurut employed');
  });
});

/** One regional file of two rows (Aceh's participants `cell`) in each form: CSV, JSON, JSONL, xlsx; and counts as Parquet. */
async function forms(sub: string, cell: number, text = String(cell)): Promise<string[]> {
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'a.csv'), `period,province,workforce,participants\n2024-06,Aceh,100000,${text}\n2024-06,Bali,200000,150000\n`);
  const rows = [{ period: '2024-06', province: 'Aceh', workforce: 100000, participants: cell }, { period: '2024-06', province: 'Bali', workforce: 200000, participants: 150000 }];
  writeFileSync(join(sub, 'a.json'), JSON.stringify(rows));
  writeFileSync(join(sub, 'a.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['period', 'province', 'workforce', 'participants']);
  for (const r of rows) ws.addRow([r.period, r.province, r.workforce, r.participants]);
  await wb.xlsx.writeFile(join(sub, 'a.xlsx'));
  return ['a.csv', 'a.json', 'a.jsonl', 'a.xlsx'];
}

function countsParquet(path: string, cell: number): void {
  const columns = [
    { name: 'province', data: ['Aceh', 'Bali'], type: 'STRING' as const },
    { name: 'period', data: ['2024-06', '2024-06'], type: 'STRING' as const },
    { name: 'participants', data: [cell, 7], type: 'DOUBLE' as const },
  ];
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData: columns })));
}

describe('rv35 D8: a bad count is worded one way, with a hint, in every form', () => {
  const cases = [
    { name: 'decimal', cell: 1234.5, en: '"1234.5" is not a count: a count must be a whole number', hint: 'hint: counts are whole people: a column with decimals may be a rate or an average', id: '"1234.5" bukan jumlah yang sah: jumlah harus bilangan bulat' },
    { name: 'negative', cell: -5, en: '"-5" is not a count: a count cannot be negative', hint: 'hint: a count of people is 0 or more: a negative figure is a change', id: '"-5" bukan jumlah yang sah: jumlah tidak boleh negatif' },
    { name: 'too large', cell: 2 ** 53 + 2, en: '"9007199254740994" is too large: numbers are kept exactly up to 9,007,199,254,740,991 (2^53 − 1)', hint: 'hint: check the cell for a wrong number', id: '"9007199254740994" terlalu besar' },
  ];
  for (const c of cases) {
    it(`${c.name}: CSV, JSON, JSONL, xlsx and Parquet counts`, async () => {
      const sub = join(dir, `d8-${c.name.replace(' ', '-')}`);
      const files = await forms(sub, c.cell);
      const said = new Set<string>();
      for (const f of files) {
        const r = await run(['coverage', f, '-f', 'csv', '-o', 'out.csv'], { cwd: sub });
        expect(r.code, `${f}: ${r.stderr}`).toBe(3);
        const line = r.stderr.split('\n').find((l) => l.includes('error:'))!;
        said.add(line.slice(line.indexOf('error:')));
        expect(r.stderr, f).toContain(c.hint);
        const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id'], { cwd: sub });
        expect(id.stderr, f).toContain(c.id);
      }
      countsParquet(join(sub, 'c.parquet'), c.cell);
      const pq = await run(['coverage', 'c.parquet', '--extract', '-f', 'csv'], { cwd: sub });
      expect(pq.code, pq.stderr).toBe(3);
      expect(pq.stderr).toContain(`c.parquet:row 1 (participants): error: field "participants": ${c.en}`);
      expect(pq.stderr).toContain(c.hint);
      expect([...said]).toEqual([`error: field "participants": ${c.en}`]);
    });
  }
});

describe('rv35 D7: a count stored with a formula\'s rounding noise (Excel shows 500)', () => {
  it('is read as 500 in every form, and a note says how many cells and where the first is', async () => {
    const sub = join(dir, 'd7');
    for (const stored of [500.00000000000006, 499.99999999999994]) {
      const files = await forms(sub, stored);
      for (const f of files) {
        const r = await run(['coverage', f, '-f', 'json'], { cwd: sub });
        expect(r.code, `${f}: ${r.stderr}`).toBe(0);
        // By hand: Aceh 500 of 100,000 = 0.005.
        const aceh = JSON.parse(r.stdout).rows.find((x: { province: string }) => x.province === 'Aceh');
        expect(aceh.participants, f).toBe(500);
        expect(aceh.coverage, f).toBe(0.005);
        const place = { 'a.csv': 'a.csv:2', 'a.json': 'a.json:1', 'a.jsonl': 'a.jsonl:1', 'a.xlsx': 'a.xlsx:Data!D2' }[f];
        expect(r.stderr, f).toContain(`note: 1 count was read as the whole number it is within a float's rounding noise of (${place}: ${stored} as 500): what a formula or a sum of decimals leaves, and a spreadsheet shows as the whole number; to store whole numbers, wrap the formula in ROUND(…, 0), paste the values, or round the count in the export`);
        expect(JSON.parse(r.stdout).meta.notes.some((n: { code: string }) => n.code === 'count-noise'), f).toBe(true);
      }
    }
    // Counts as Parquet, a DOUBLE summed from decimals.
    countsParquet(join(sub, 'n.parquet'), 134.00000000000003);
    const pq = await run(['coverage', 'n.parquet', '--extract', '-f', 'json'], { cwd: sub });
    expect(pq.code, pq.stderr).toBe(0);
    expect(JSON.parse(pq.stdout).rows.find((x: { province: string }) => x.province === 'Aceh').participants).toBe(134);
    expect(pq.stderr).toContain('note: 1 count was read as the whole number it is within a float\'s rounding noise of (n.parquet:row 1 (participants): 134.00000000000003 as 134)');
    // A total row of the sheet, its sum by a formula with noise too (150,500.00000000003): checked as 150,500.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['period', 'province', 'workforce', 'participants']);
    ws.addRow(['2024-06', 'Aceh', 100000, 500.00000000000006]);
    ws.addRow(['2024-06', 'Bali', 200000, 150000]);
    ws.addRow(['2024-06', 'Total', 300000, 150500.00000000003]);
    await wb.xlsx.writeFile(join(sub, 'total.xlsx'));
    const total = await run(['coverage', 'total.xlsx', '-f', 'csv'], { cwd: sub });
    expect(total.code, total.stderr).toBe(0);
    expect(total.stderr).toContain('note: total rows left out (they are not data): total.xlsx:Data!B4 "Total" (agrees with its rows)');
    // A fraction anyone writes, and a tiny number, are not noise: refused as decimals.
    for (const cell of [500.001, 1e-300]) {
      const files = await forms(join(sub, String(cell)), cell);
      for (const f of files) expect((await run(['coverage', f, '-f', 'csv'], { cwd: join(sub, String(cell)) })).code, f).toBe(3);
    }
  });
});

describe('rv35 D10: a coverage column in percentage points without a % sign', () => {
  // By hand: Aceh 61 / 429,911 = 0.0142 % ("0.01"); Bali 4,002 / 2,560,124 = 0.156 % ("0.16");
  // Gorontalo 256,129 / 422,934 = 60.56 %; Riau 300,000 / 1,000,000 = 30 %, written 39.00 (a typing error).
  const rows = [
    ['Aceh', 429911, 61, '0.01'],
    ['Bali', 2560124, 4002, '0.16'],
    ['Gorontalo', 422934, 256129, '60.56'],
    ['Riau', 1000000, 300000, '39.00'],
  ] as const;
  const csv = `period,province,workforce,participants,coverage\n${rows.map((r) => `2024-06,${r.join(',')}`).join('\n')}\n`;

  it('is read in points once for the column, in every form: only the typing error is warned of, and the scale is said', async () => {
    const sub = join(dir, 'd10');
    mkdirSync(sub);
    writeFileSync(join(sub, 'p.csv'), csv);
    writeFileSync(join(sub, 'p-id.csv'), csv.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2'));
    const objects = rows.map((r) => ({ period: '2024-06', province: r[0], workforce: r[1], participants: r[2], coverage: Number(r[3]) }));
    writeFileSync(join(sub, 'p.json'), JSON.stringify(objects));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['period', 'province', 'workforce', 'participants', 'coverage']);
    for (const o of objects) ws.addRow([o.period, o.province, o.workforce, o.participants, o.coverage]);
    await wb.xlsx.writeFile(join(sub, 'p.xlsx'));
    const places = { 'p.csv': ['p.csv:2', 'p.csv:5'], 'p-id.csv': ['p-id.csv:2', 'p-id.csv:5'], 'p.json': ['p.json:1', 'p.json:1'], 'p.xlsx': ['p.xlsx:Data!E2', 'p.xlsx:Data!E5'] };
    for (const [f, [first, riau]] of Object.entries(places)) {
      const r = await run(['coverage', f, '-f', 'csv'], { cwd: sub });
      expect(r.code, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stderr, f).toContain(`note: the coverage column (no % sign) is read in percentage points: 2 of its cells of 1 or less agree with participants ÷ denominator only so (the first at ${first}: 0.01 is 0.01 %, not 1 %)`);
      expect(r.stderr, f).toContain(`warning: the file's coverage column disagrees with participants ÷ denominator (by more than half a point): ${riau} (39.00 % stated, 30.00 % from the counts); the report uses the counts`);
      expect(r.stderr, f).not.toContain('1.00 % stated');
      expect(r.stderr, f).not.toContain('16.00 % stated');
    }
    const id = await run(['coverage', 'p.csv', '-f', 'csv', '--lang', 'id'], { cwd: sub });
    expect(id.stderr).toContain('kolom cakupan (tanpa tanda %) dibaca dalam poin persentase: 2 selnya yang bernilai 1 atau kurang');
  });

  it('the same on the byte-level engine as on the general path; a column of fractions is read as before', async () => {
    const sub = join(dir, 'd10-engine');
    mkdirSync(sub);
    const path = join(sub, 'p.csv');
    writeFileSync(path, csv);
    const schema = { dims: ['province'], measures: new Map([['participants', 'count' as const], ['workforce', 'count' as const]]), rule: 'auto' as const, percents: true };
    const said = async (file: string, fastExtract: 'always' | 'never'): Promise<string[]> => {
      const t = await loadTable([file], schema, { maxErrors: 5, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri', fastExtract });
      return (t.sources[0]!.notes ?? []).filter((n) => n.code.startsWith('coverage-')).map((n) => JSON.stringify(n));
    };
    const general = await said(path, 'never');
    expect(general.map((n) => JSON.parse(n).code)).toEqual(['coverage-points', 'coverage-disagrees']);
    expect(await said(path, 'always')).toEqual(general);
    // Fractions (0.6056): the small cells agree as fractions; a cell of 0.39 for 30 % is a typing error.
    const fractions = join(sub, 'f.csv');
    writeFileSync(fractions, 'period,province,workforce,participants,coverage\n2024-06,Gorontalo,422934,256129,0.6056\n2024-06,Riau,1000000,300000,0.39\n2024-06,Bali,2560124,4002,0.0016\n');
    const f = (await said(fractions, 'never')).map((n) => JSON.parse(n));
    expect(f.map((n) => n.code)).toEqual(['coverage-disagrees']);
    expect(f[0].rows).toEqual([{ at: `${fractions}:3`, stated: 0.39, computed: 0.3 }]);
  });
});
