// Found by the review of format equivalence (rv10, main at 3aaef96) and fixed after it; each test failed
// there. F5: one bad cell is one problem (not a second "is empty" / "the row has no …" for the same
// cell); F2: a JSON nested value in a column the command does not read is not read, as in Parquet; F4: a
// workbook message about a row's figure names that figure's cell, never column A. Inputs are written
// here; expected figures are counted by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { run, tmp } from '../e2e/helpers.js';

const DIR = tmp();

/** A file of the test folder, by its name (messages then name it as given). */
function file(name: string, content: string | Uint8Array): string {
  writeFileSync(join(DIR, name), content);
  return name;
}

const cli = (args: string[]) => run(args, { cwd: DIR });

const HEAD = ['period', 'province', 'workforce', 'participants'];
const ROWS: [string, string, number, number][] = [
  ['2026-05', 'Gorontalo', 600000, 252345],
  ['2026-05', 'Sulawesi Utara', 1200000, 583210],
  ['2026-05', 'Maluku', 700000, 149876],
];

async function book(name: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('s'));
  return file(name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The `error:` lines of stderr. */
const errors = (stderr: string): string[] => stderr.split('\n').filter((l) => l.includes(': error: '));

describe('F5: one bad cell is one problem', () => {
  it('three formulas without a saved result are three problems, and --max-errors counts cells', async () => {
    const f = await book('nocache.xlsx', (ws) => {
      ws.addRow(['period', 'province', 'workforce', 'participants_pu', 'participants_bpu', 'participants']);
      ROWS.forEach((r, i) => ws.addRow([r[0], r[1], r[2], r[3] - 1000, 1000, { formula: `D${i + 2}+E${i + 2}` }]));
    });
    const r = await cli(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(errors(r.stderr)).toEqual([0, 1, 2].map((i) => expect.stringContaining(`nocache.xlsx:s!F${i + 2}: error: a formula without a saved result`)));
    expect(r.stderr).toContain('3 problems');
    expect(r.stderr).not.toContain('is empty');
    // Three cells fit in --max-errors 3: no file or problem is left unsaid.
    const capped = await cli(['validate', f, '--max-errors', '3', '-f', 'csv']);
    expect(errors(capped.stderr)).toHaveLength(3);
    expect(capped.stderr).not.toMatch(/not listed|not counted/);
  });

  it('an error value (#N/A) in a count, and a merged count, are one problem each', async () => {
    const na = await book('na.xlsx', (ws) => {
      ws.addRow(HEAD);
      ROWS.forEach((r, i) => ws.addRow([r[0], r[1], i === 1 ? { formula: 'NA()', result: { error: '#N/A' } } : r[2], r[3]]));
    });
    const a = await cli(['coverage', na, '-f', 'csv']);
    expect(a.code).toBe(3);
    expect(errors(a.stderr)).toEqual([expect.stringContaining('na.xlsx:s!C3: error: the cell holds the error value #N/A')]);
    const merged = await book('merged.xlsx', (ws) => {
      ws.addRow(HEAD);
      ROWS.forEach((r) => ws.addRow(r));
      ws.getCell('C3').value = null;
      ws.mergeCells('C2:C3');
    });
    const m = await cli(['coverage', merged, '-f', 'csv']);
    expect(m.code).toBe(3);
    expect(errors(m.stderr)).toEqual([expect.stringContaining('merged.xlsx:s!C2: error: cells C2:C3 are merged over rows 2–3, in the measure column "workforce"')]);
  });

  it('a Parquet NaN and a JSON nested count are one problem each', async () => {
    const pq = parquetWriteBuffer({
      columnData: [
        { name: 'period', data: ['2026-05'], type: 'STRING' },
        { name: 'province', data: ['Gorontalo'], type: 'STRING' },
        { name: 'workforce', data: [Number.NaN], type: 'DOUBLE' },
        { name: 'participants', data: [1], type: 'DOUBLE' },
      ],
    });
    const p = await cli(['coverage', file('nan.parquet', new Uint8Array(pq)), '-f', 'csv']);
    expect(p.code).toBe(3);
    expect(errors(p.stderr)).toEqual([expect.stringContaining('nan.parquet:row 1 (workforce): error: a value the tool cannot read (NaN)')]);
    const j = await cli(['coverage', file('nested.json', '[{"period":"2026-05","province":"Gorontalo","workforce":600000,"participants":{"v":1}}]'), '-f', 'csv']);
    expect(j.code).toBe(3);
    expect(errors(j.stderr)).toEqual([expect.stringContaining('nested.json:1:79: error: field "participants": expected text, a number, true, false or null, found an object')]);
  });
});

describe('F2: a JSON nested value in a column not read is not read (as in Parquet)', () => {
  it('reads the row, with the column named as not read; a nested value in a column read stays refused', async () => {
    const r = await cli(['coverage', file('extra.json', '[{"period":"2026-05","province":"Gorontalo","workforce":600000,"participants":1, "extra":{"a":[1,2]}}]'), '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: extra.json: column not read: extra');
    expect(r.stdout).toContain('75,Gorontalo,600000,1,');
    // The same value in the province column, which is read: refused.
    const k = await cli(['coverage', file('key.json', '[{"period":"2026-05","province":{"name":"Gorontalo"},"workforce":600000,"participants":1}]'), '-f', 'csv']);
    expect(k.code).toBe(3);
    expect(errors(k.stderr)).toEqual([expect.stringContaining('field "province": expected text, a number, true, false or null, found an object')]);
    // JSON lines too, in a later row (the column is known by then).
    const l = await cli(['coverage', file('extra.jsonl', '{"period":"2026-05","province":"Gorontalo","workforce":600000,"participants":1}\n{"period":"2026-05","province":"Maluku","workforce":700000,"participants":2,"extra":[1]}\n'), '-f', 'csv']);
    expect(l.code).toBe(0);
    expect(l.stdout).toContain(',Total,1300000,3,');
  });
});

describe('F4: a workbook message about a row figure names its cell', () => {
  it('a stated coverage that disagrees is placed at its cell in column E', async () => {
    const f = await book('pct.xlsx', (ws) => {
      ws.addRow([...HEAD, 'coverage']);
      for (const r of ROWS) ws.addRow([...r, 0.5]).getCell(5).numFmt = '0.00%';
    });
    const r = await cli(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(0);
    // 252345 / 600000 = 42.06 %, 583210 / 1200000 = 48.60 %, 149876 / 700000 = 21.41 %
    expect(r.stderr).toContain('pct.xlsx:s!E2 (50.00 % stated, 42.06 % from the counts), pct.xlsx:s!E3 (50.00 % stated, 48.60 % from the counts), pct.xlsx:s!E4 (50.00 % stated, 21.41 % from the counts)');
  });

  it("a total row that disagrees is placed at the total's cell of the figure (D5), not A5", async () => {
    const f = await book('total.xlsx', (ws) => {
      ws.addRow(HEAD);
      ROWS.forEach((r) => ws.addRow(r));
      // 252345 + 583210 + 149876 = 985431: the total says one more.
      ws.addRow(['2026-05', 'Total', 2500000, 985432]);
    });
    const r = await cli(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(errors(r.stderr)).toEqual([expect.stringContaining('total.xlsx:s!D5: error: the total row "Total" gives participants 985,432, but the 3 row(s) it totals add up to 985,431 (1 more in the total)')]);
    // A total that agrees is named in the note at its label's cell (B5).
    const ok = await book('total-ok.xlsx', (ws) => {
      ws.addRow(HEAD);
      ROWS.forEach((r) => ws.addRow(r));
      ws.addRow(['2026-05', 'Total', 2500000, 985431]);
    });
    const n = await cli(['coverage', ok, '-f', 'csv']);
    expect(n.code).toBe(0);
    expect(n.stderr).toContain('total-ok.xlsx:s!B5');
    expect(n.stderr).not.toContain('s!A5');
  });
});

describe('F3: a data workbook whose sheet must be named, with a breakdown workbook as targets', () => {
  const JUNE = [
    ['2024-06', 'Gorontalo', 600000, 252345],
    ['2024-06', 'Maluku', 700000, 149876],
  ];

  it('a data workbook whose sheet must be named runs with a breakdown workbook as targets', async () => {
    const made = await cli(['breakdown', '--year', '2024', '-o', 'targets.xlsx']);
    expect(made.code, made.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('notes').addRow(['made by hand']);
    const ws = wb.addWorksheet('data');
    ws.addRow(HEAD);
    JUNE.forEach((r) => ws.addRow(r));
    file('june.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli(['coverage', 'june.xlsx', '--sheet', 'data', '--targets', 'targets.xlsx', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // The same report as the CSV twin of the workbook gives, read without --sheet.
    file('june.csv', [HEAD.join(','), ...JUNE.map((x) => x.join(','))].join('\n') + '\n');
    const twin = await cli(['coverage', 'june.csv', '--targets', 'targets.xlsx', '-f', 'csv']);
    expect(twin.code, twin.stderr).toBe(0);
    expect(r.stdout).toBe(twin.stdout);
    expect(r.stdout).toMatch(/^75,Gorontalo,600000,252345,0\.420575,347655,\d+,/m);
  });
  // The rule of --sheet and --header-row for --targets and --workforce files is rv13 F6's: see sheet-header-row.test.ts.
});
